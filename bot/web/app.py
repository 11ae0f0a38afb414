"""The web chat of claimtrack (the only module that imports gradio).

`create_app` builds the Blocks app: a streamed chat whose answers carry numbered citation cards
that open the source viewer, filters, a search tab, an articles tab (upload, list, delete) and a
claims tab with a timeline and CSV/JSON export. `launch` and `serve` run it on 127.0.0.1 with an
optional login. Chat and search are also JSON API endpoints (``api_name`` ``chat`` and
``search``). What the app does lives in the other modules of `bot.web`, none of which import
gradio; this module only builds and wires the UI.
"""

from __future__ import annotations

import functools
import inspect
import sys
import weakref
from collections.abc import Callable, Iterator
from typing import Any, Final

import gradio as gr
from gradio.components import Component

from bot.claimbot import ClaimBot
from bot.web.endpoints import API_DEFAULTS, API_NUMBERS, API_TEXTS, endpoints
from bot.web.handlers import Handlers
from bot.web.options import ServerOptions, parse_auth
from bot.web.session import FILTERS, Session, WebBot
from bot.web.tables import (
    ARTICLE_HEADERS,
    CLAIM_HEADERS,
    CLAIM_WIDTHS,
    HIT_HEADERS,
    HIT_WIDTHS,
    RESULT_HEADERS,
)
from bot.web.tracking import TRACK_HEADERS, TRACK_WIDTHS
from bot.web.updates import KEEP, Choices, Samples
from bot.web.uploads import upload_label
from bot.web.viewer import APP_CSS, EMPTY_VIEWER, VIEWER_CSS, VIEWER_JS
from index import ClaimtrackError

PRIVATE: Final = "private"  # UI events: not offered to API clients
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
        _layout(handlers, parts)
        _api(handlers)  # first, so that its endpoints get the plain names
        _wire_chat(handlers, parts)
        _wire_tabs(handlers, parts, demo)
    demo.queue(default_concurrency_limit=concurrency, max_size=queue_size)
    _OPTIONS[demo] = {"max_file_size": handlers.max_bytes, "home": str(handlers.home)}
    return demo


def _layout(handlers: Handlers, parts: dict[str, Any]) -> None:
    gr.Markdown("## claimtrack — who claimed what, cited to the exact source line")
    parts["session"] = gr.State(Session())
    with gr.Row():
        with gr.Column(scale=3), gr.Tabs():
            _chat_tab(handlers, parts)
            _search_tab(handlers, parts)
            _articles_tab(handlers, parts)
            _claims_tab(handlers, parts)
            _track_tab(parts)
        with gr.Column(scale=2):
            parts["viewer"] = gr.HTML(
                EMPTY_VIEWER, label="Source", elem_id="ct-viewer", max_height=640,
                js_on_load=VIEWER_JS, css_template=VIEWER_CSS, padding=True,
            )


def _ui(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Adapt a handler of `bot.web.handlers` to gradio: updates, skips and error pop-ups."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def stream(*args: Any) -> Iterator[Any]:
            try:
                for out in fn(*args):
                    yield _updates(out)
            except ClaimtrackError as exc:
                raise gr.Error(str(exc)) from exc
        return stream

    @functools.wraps(fn)
    def call(*args: Any) -> Any:
        try:
            return _updates(fn(*args))
        except ClaimtrackError as exc:
            raise gr.Error(str(exc)) from exc
    return call


def _updates(out: Any) -> Any:
    if isinstance(out, tuple):
        return tuple(_update(x) for x in out)
    if isinstance(out, dict) and all(isinstance(k, Component) for k in out):
        return {k: _update(v) for k, v in out.items()}
    return _update(out)


def _update(value: Any) -> Any:
    if value is KEEP:
        return gr.skip()
    if isinstance(value, Choices):
        return gr.update(choices=value.options)
    if isinstance(value, Samples):
        return gr.update(samples=[[q] for q in value.questions])
    return value


def _selected(fn: Callable[[Any, Any], Any], name: str | None = None) -> Callable[..., Any]:
    """A ``select`` listener calling ``fn(index of the clicked item, state input)``."""
    def select(state: Any, evt: gr.SelectData) -> Any:
        return _update(fn(evt.index, state))
    # Named for gradio's event names; functools.wraps would hide `evt` from gradio.
    select.__name__ = select.__qualname__ = name or fn.__name__
    return select


def _names(parts: dict[str, Any], prefix: str) -> list[Any]:
    return [parts[prefix + n] for n in FILTERS]


def _filters(parts: dict[str, Any], prefix: str) -> None:
    with gr.Row():
        parts[prefix + "speaker"] = gr.Dropdown(
            [], label="Speaker", allow_custom_value=True, value=None)
        parts[prefix + "country"] = gr.Dropdown(
            [], label="Organisation / country", allow_custom_value=True, value=None)
        parts[prefix + "outlet"] = gr.Dropdown(
            [], label="Outlet", allow_custom_value=True, value=None)
        parts[prefix + "since"] = gr.Textbox(label="Since", placeholder="YYYY-MM-DD")
        parts[prefix + "until"] = gr.Textbox(label="Until", placeholder="YYYY-MM-DD")


def _chat_tab(handlers: Handlers, parts: dict[str, Any]) -> None:
    with gr.Tab("Chat", id="chat"):
        parts["chatbot"] = gr.Chatbot(
            label="Answers", elem_id="ct-chat", height=560, feedback_options=None,
            placeholder="Ask who said what; every answer cites the exact article lines. "
                        "Click a numbered card to open its source.",
            buttons=["copy"], group_consecutive_messages=False,
        )
        with gr.Row():
            parts["question"] = gr.Textbox(
                show_label=False, placeholder="e.g. What did China say about arms sales?",
                elem_id="ct-question", scale=5)
            parts["ask"] = gr.Button("Ask", variant="primary", scale=1, elem_id="ct-ask")
        parts["examples"] = gr.Dataset(
            components=[parts["question"]], samples=[[q] for q in handlers.examples()],
            label="Examples from the articles", elem_id="ct-examples")
        with gr.Accordion("Filters", open=False):
            _filters(parts, "chat_")


def _search_tab(handlers: Handlers, parts: dict[str, Any]) -> None:
    with gr.Tab("Search", id="search"):
        with gr.Row():
            parts["query"] = gr.Textbox(label="Search sentences", scale=4, elem_id="ct-query")
            parts["k"] = gr.Slider(1, 50, value=10, step=1, label="Results", scale=1)
            parts["search"] = gr.Button("Search", variant="primary", scale=1)
        with gr.Accordion("Filters", open=False):
            _filters(parts, "search_")
        parts["hits"] = gr.Dataframe(
            headers=HIT_HEADERS, interactive=False, wrap=True, column_widths=HIT_WIDTHS,
            label="Click a row to open it")


def _articles_tab(handlers: Handlers, parts: dict[str, Any]) -> None:
    with gr.Tab("Articles", id="articles"):
        parts["files"] = gr.File(file_count="multiple", elem_id="ct-upload",
                                 label=upload_label(handlers.max_bytes))
        parts["add"] = gr.Button("Add to the store", variant="primary", elem_id="ct-add")
        parts["results"] = gr.Dataframe(
            headers=RESULT_HEADERS, interactive=False, wrap=True, label="Upload results")
        parts["status"] = gr.Markdown()
        parts["articles"] = gr.Dataframe(
            headers=ARTICLE_HEADERS, interactive=False, wrap=True,
            label="Stored articles")
        with gr.Row():
            parts["doomed"] = gr.Dropdown(
                [], label="Article to delete", allow_custom_value=True, scale=4, value=None)
            parts["delete"] = gr.Button("Delete", variant="stop", scale=1)


def _claims_tab(handlers: Handlers, parts: dict[str, Any]) -> None:
    with gr.Tab("Claims", id="claims"):
        _filters(parts, "cl_")
        with gr.Row():
            parts["cl_text"] = gr.Textbox(label="Text contains", scale=4)
            parts["cl_show"] = gr.Button("Show", variant="primary", scale=1)
        parts["cl_table"] = gr.Dataframe(
            headers=CLAIM_HEADERS, interactive=False, wrap=True, column_widths=CLAIM_WIDTHS,
            label="Claims (click a row to open it)")
        parts["cl_plot"] = gr.ScatterPlot(
            x="date", y="speaker", color="outlet", height=320,
            label="Timeline: claims by speaker over time, coloured by outlet (dated only)")
        with gr.Row():
            parts["cl_export"] = gr.Button("Export CSV + JSON")
            parts["cl_files"] = gr.File(file_count="multiple", label="Exported files",
                                        interactive=False)
        parts["cl_records"] = gr.State([])


def _track_tab(parts: dict[str, Any]) -> None:
    with gr.Tab("Track", id="track"):
        with gr.Row():
            parts["tr_text"] = gr.Textbox(label="Paste a quotation or claim", scale=5,
                                          elem_id="ct-track-text")
            parts["tr_go"] = gr.Button("Track", variant="primary", scale=1, elem_id="ct-track")
        parts["tr_summary"] = gr.Markdown(elem_id="ct-track-summary")
        parts["tr_table"] = gr.Dataframe(
            headers=TRACK_HEADERS, interactive=False, wrap=True, column_widths=TRACK_WIDTHS,
            label="Every appearance, first first (click a row to open it)")
        parts["tr_records"] = gr.State([])


def _wire_chat(handlers: Handlers, parts: dict[str, Any]) -> None:
    chat_in = [parts["question"], parts["session"], *_names(parts, "chat_")]
    chat_out = [parts["chatbot"], parts["session"], parts["question"], parts["viewer"]]
    chat = _ui(handlers.chat)
    _on(chat, chat_in, chat_out, parts["question"].submit, parts["ask"].click)
    picked = _on(lambda sample: sample[0], parts["examples"], parts["question"],
                 parts["examples"].click)
    _on(chat, chat_in, chat_out, picked.then)
    _on(_selected(handlers.open_card), parts["session"], parts["viewer"],
        parts["chatbot"].select)
    _on(_ui(handlers.clear), None, [parts["session"], parts["chatbot"], parts["viewer"]],
        parts["chatbot"].clear)


def _wire_tabs(handlers: Handlers, parts: dict[str, Any], demo: gr.Blocks) -> None:
    search_in = [parts["query"], parts["k"], parts["session"], *_names(parts, "search_")]
    _on(_ui(handlers.search), search_in, [parts["hits"], parts["session"]],
        parts["query"].submit, parts["search"].click)
    _on(_selected(handlers.open_hit), parts["session"], parts["viewer"], parts["hits"].select)
    targets = [parts[n] for n in handlers.refresh_names() if n in parts]

    def refresh() -> dict[Any, Any]:
        return {parts[n]: _update(v) for n, v in handlers.refresh().items() if n in parts}

    def ingest(paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        return _ui(handlers.ingest)(paths, lambda f, d: progress(f, desc=d))

    added = _on(ingest, parts["files"], [parts["results"], parts["status"]], parts["add"].click)
    _on(refresh, None, targets, added.then)
    deleted = _on(_ui(handlers.delete), parts["doomed"], parts["status"], parts["delete"].click)
    _on(refresh, None, targets, deleted.then, demo.load)
    if "cl_table" in parts:
        _wire_claims(handlers, parts, demo)
    _on(_ui(handlers.track), parts["tr_text"],
        [parts["tr_summary"], parts["tr_table"], parts["tr_records"]],
        parts["tr_go"].click, parts["tr_text"].submit)
    _on(_selected(handlers.open_row, "open_track"), parts["tr_records"], parts["viewer"],
        parts["tr_table"].select)


def _wire_claims(handlers: Handlers, parts: dict[str, Any], demo: gr.Blocks) -> None:
    claim_in = [*_names(parts, "cl_"), parts["cl_text"]]
    claim_out = [parts["cl_table"], parts["cl_plot"], parts["cl_records"]]
    _on(_ui(handlers.claims), claim_in, claim_out,
        parts["cl_show"].click, parts["cl_text"].submit, demo.load)
    _on(_ui(handlers.export_files), claim_in, parts["cl_files"], parts["cl_export"].click)
    _on(_selected(handlers.open_row, "open_claim"), parts["cl_records"], parts["viewer"],
        parts["cl_table"].select)


def _on(fn: Callable[..., Any], inputs: Any, outputs: Any, *triggers: Callable[..., Any]) -> Any:
    """Register `fn` on each event listener (``button.click``, ``demo.load``, ``x.then``).

    UI events are private: only `_api` offers endpoints to API clients.

    Returns:
        The event of the last trigger, to chain a ``.then`` to.
    """
    event = None
    for trigger in triggers:
        event = trigger(fn, inputs, outputs, api_visibility=PRIVATE)
    return event


def _api(handlers: Handlers) -> None:
    """Hidden components and buttons for the JSON endpoints of `bot.web.endpoints.endpoints`."""
    with gr.Column(visible=False):
        fields: dict[str, Any] = {n: gr.Textbox(label=n, value="") for n in API_TEXTS}
        fields |= {n: gr.Number(label=n, precision=0, value=API_DEFAULTS[n])
                   for n in API_NUMBERS}
        fields["files"] = gr.File(file_count="multiple", label="files")
        fields |= {"json": gr.JSON(), "html": gr.HTML(js_on_load=None),
                   "export": gr.File(file_count="multiple"), "session": gr.State(Session())}
        triggers = [gr.Button() for _ in range(8)]
    for trigger, endpoint in zip(triggers, endpoints(handlers), strict=False):
        trigger.click(_ui(endpoint.fn), [fields[n] for n in endpoint.inputs],
                      [fields[n] for n in endpoint.outputs], api_name=endpoint.name)


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
