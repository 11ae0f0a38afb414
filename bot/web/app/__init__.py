"""The web chat of claimtrack (the only package that imports gradio).

`create_app` builds the Blocks app: a streamed chat whose answers carry numbered citation cards
that open the source viewer and the claim's cluster, filters, a search tab, an articles tab
(upload, list, delete), a claims tab with a timeline and CSV/JSON export, and a track tab.
`launch` and `serve` run it on 127.0.0.1 with an optional login. Chat and search are also JSON
API endpoints (``api_name`` ``chat`` and ``search``). What the app does lives in the other
modules of `bot.web`, none of which import gradio; this package only builds the UI (`layout`)
and wires its events (`wiring`).
"""

from __future__ import annotations

import sys
import weakref
from typing import Any

import gradio as gr

from bot.claimbot import ClaimBot
from bot.web.app.layout import build
from bot.web.app.wiring import api, wire_chat, wire_tabs
from bot.web.handlers import Handlers
from bot.web.options import ServerOptions, parse_auth
from bot.web.session import WebBot
from bot.web.viewer import APP_CSS

# What `launch` must know of an app from `create_app`: its upload limit and the home it hides.
_OPTIONS: weakref.WeakKeyDictionary[gr.Blocks, dict[str, Any]] = weakref.WeakKeyDictionary()


def create_app(
    bot: ClaimBot, *, max_file_size: str | None = None, concurrency: int = 4,
    queue_size: int = 64, k: int = 5,
) -> gr.Blocks:
    """Build the web app over `bot`.

    Args:
        bot: The bot to serve; claims, speakers and speaker filters appear when it has them.
        max_file_size: Largest upload, e.g. ``"500kb"``; by default, and at most, the ingest
            limit (``CLAIMTRACK_MAX_FILE_MB``). The upload box states it, gradio refuses a
            larger file before it is stored, and the upload handler checks it again.
        concurrency: Requests of one kind handled at once; the rest wait in the queue.
        queue_size: Requests that may wait; beyond it, users get a "queue is full" message.
        k: Citations per answer.

    Returns:
        The app, queued; launch it with `launch`.

    Raises:
        InvalidArgumentError: If `max_file_size` is not a size or is over the ingest limit.
    """
    handlers = Handlers(WebBot(bot, k=k), max_file_size)
    parts: dict[str, Any] = {}
    with gr.Blocks(title="claimtrack", analytics_enabled=False) as demo:
        build(handlers, parts)
        api(handlers)  # first, so that its endpoints get the plain names
        wire_chat(handlers, parts)
        wire_tabs(handlers, parts, demo)
    demo.queue(default_concurrency_limit=concurrency, max_size=queue_size)
    _OPTIONS[demo] = {"max_file_size": handlers.max_bytes, "home": str(handlers.home)}
    return demo


def launch(
    demo: gr.Blocks, *, host: str = "127.0.0.1", port: int | None = 7860,
    auth: tuple[str, str] | None = None, prevent_thread_lock: bool = False,
    quiet: bool = False,
) -> tuple[Any, str, str]:
    """Launch an app from `create_app`: local only by default, nothing served but the app.

    Args:
        demo: The app.
        host: Interface to bind; 127.0.0.1 keeps it on this machine.
        port: TCP port (None: the first free one from 7860).
        auth: ``(user, password)`` required to use the app, if given.
        prevent_thread_lock: Return at once instead of serving until interrupted.
        quiet: Print nothing.

    Returns:
        gradio's ``(app, local_url, share_url)``.
    """
    options = _OPTIONS.get(demo, {})
    return demo.launch(
        server_name=host, server_port=port, auth=auth, prevent_thread_lock=prevent_thread_lock,
        quiet=quiet, share=False, show_error=True, max_file_size=options.get("max_file_size"),
        allowed_paths=[], blocked_paths=[options["home"]] if "home" in options else None,
        footer_links=["api"], enable_monitoring=False, run_history=False, ssr_mode=False,
        mcp_server=False, auth_message="claimtrack: please log in.",
        theme=gr.themes.Default(font=["system-ui", "sans-serif"],
                                font_mono=["ui-monospace", "monospace"]),
        css=APP_CSS,
    )


def serve(bot: ClaimBot, options: ServerOptions | None = None) -> None:
    """Serve the web app until interrupted.

    Args:
        bot: The bot to serve.
        options: Interface, port, login (``user:password``) and upload limit; by default
            this machine only, port 7860, no login.
    """
    options = options or ServerOptions()
    login = parse_auth(options.auth)
    # A big store takes a while to open; say what happens instead of sitting silent.
    count = len(bot.articles())
    _say(f"opening {bot.corpus.home}: {count} article{'' if count == 1 else 's'}")
    if bot.writes:  # a missing LangChain or a bad CLAIMTRACK_LLM fails here, not in a chat
        bot.writer()
        _say(f"written answers by {bot.settings.llm or 'the given chat model'}, verified")
    _say("loading the search model and preparing example questions ...")
    demo = create_app(bot, max_file_size=options.max_file_size)
    _say(f"serving the chat at http://{options.host}:{options.port} (Ctrl+C to stop)")
    launch(demo, host=options.host, port=options.port, auth=login, quiet=True)


def _say(message: str) -> None:
    print(f"claimtrack: {message}", file=sys.stderr, flush=True)
