"""The web chat of claimtrack (the only module that imports gradio).

`create_app` builds the Blocks app: a streamed chat whose answers carry numbered citation cards
that open the source viewer, filters, a search tab, an articles tab (upload, list, delete) and,
when the bot extracts claims, a claims tab with a timeline and CSV/JSON export. `launch` and
`serve` run it on 127.0.0.1 with an optional login. Chat and search are also JSON API endpoints
(``api_name`` ``chat`` and ``search``). What the app does lives in `bot.webhandlers`,
`bot.webchat`, `bot.webdata` and `bot.viewer`, none of which import gradio.
"""

from __future__ import annotations

import argparse
import functools
import inspect
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import gradio as gr
from gradio.components import Component

from bot.chatbot import ClaimBot
from bot.viewer import EMPTY_VIEWER, VIEWER_CSS, VIEWER_JS
from bot.webchat import Session, WebBot
from bot.webdata import (
    ARTICLE_HEADERS,
    CLAIM_HEADERS,
    CLAIM_WIDTHS,
    RESULT_HEADERS,
    SUPPORTED_EXTENSIONS,
)
from bot.webhandlers import KEEP, Choices, Handlers, Samples, parse_auth
from index import ClaimtrackError, Settings

APP_CSS = """
#ct-viewer { border: 1px solid var(--border-color-primary); border-radius: 8px; }
"""
HIT_HEADERS = ["score", "speaker", "outlet", "date", "title", "line", "text"]
HIT_WIDTHS: list[str | int] = ["7%", "20%", "9%", "10%", "12%", "6%", "36%"]
PRIVATE: Final = "private"  # UI events: not offered to API clients


def create_app(
    bot: ClaimBot, *, max_file_size: str = "5mb", concurrency: int = 4, queue_size: int = 64,
    k: int = 5,
) -> gr.Blocks:
    """Build the web app over `bot`.

    Args:
        bot: The bot to serve; claims, speakers and speaker filters appear when it has them.
        max_file_size: Largest upload, e.g. ``"5mb"`` (enforced by gradio and by the handler).
        concurrency: Requests of one kind handled at once; the rest wait in the queue.
        queue_size: Requests that may wait; beyond it, users get a "queue is full" message.
        k: Citations per answer.

    Returns:
        The app, queued; launch it with `launch`.
    """
    handlers = Handlers(WebBot(bot, k=k), max_file_size)
    parts: dict[str, Any] = {}
    with gr.Blocks(title="claimtrack", analytics_enabled=False) as demo:
        gr.Markdown("## claimtrack — who claimed what, cited to the exact source line")
        parts["session"] = gr.State(Session())
        with gr.Row():
            with gr.Column(scale=3), gr.Tabs():
                _chat_tab(handlers, parts)
                _search_tab(handlers, parts)
                _articles_tab(handlers, parts)
                if handlers.web.has_claims:
                    _claims_tab(handlers, parts)
            with gr.Column(scale=2):
                parts["viewer"] = gr.HTML(
                    EMPTY_VIEWER, label="Source", elem_id="ct-viewer", max_height=640,
                    js_on_load=VIEWER_JS, css_template=VIEWER_CSS, padding=True,
                )
        _api(handlers)  # first, so that its endpoints get the plain names
        _wire_chat(handlers, parts)
        _wire_tabs(handlers, parts, demo)
    demo.queue(default_concurrency_limit=concurrency, max_size=queue_size)
    demo.claimtrack_options = {  # read by `launch`
        "max_file_size": max_file_size, "home": str(handlers.home),
    }
    return demo


def _ui(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Adapt a handler of `bot.webhandlers` to gradio: updates, skips and error pop-ups."""
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


def _names(parts: dict[str, Any], prefix: str) -> list[Any]:
    return [parts[prefix + n] for n in ("speaker", "country", "outlet", "since", "until")]


def _filters(parts: dict[str, Any], prefix: str, web: WebBot) -> None:
    with gr.Row():
        parts[prefix + "speaker"] = gr.Dropdown(
            [], label="Speaker", allow_custom_value=True, value=None,
            visible="speaker" in web.search_filters)
        parts[prefix + "country"] = gr.Dropdown(
            [], label="Organisation / country", allow_custom_value=True, value=None,
            visible="country" in web.search_filters)
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
            _filters(parts, "chat_", handlers.web)


def _search_tab(handlers: Handlers, parts: dict[str, Any]) -> None:
    with gr.Tab("Search", id="search"):
        with gr.Row():
            parts["query"] = gr.Textbox(label="Search sentences", scale=4, elem_id="ct-query")
            parts["k"] = gr.Slider(1, 50, value=10, step=1, label="Results", scale=1)
            parts["search"] = gr.Button("Search", variant="primary", scale=1)
        with gr.Accordion("Filters", open=False):
            _filters(parts, "search_", handlers.web)
        parts["hits"] = gr.Dataframe(
            headers=HIT_HEADERS, interactive=False, wrap=True, column_widths=HIT_WIDTHS,
            label="Click a row to open it")


def _articles_tab(handlers: Handlers, parts: dict[str, Any]) -> None:
    kinds = " ".join(SUPPORTED_EXTENSIONS)
    with gr.Tab("Articles", id="articles"):
        parts["files"] = gr.File(
            file_count="multiple", elem_id="ct-upload",
            label=f"Add articles ({kinds}; up to {handlers.max_bytes / 1e6:g} MB each)")
        parts["add"] = gr.Button("Add to the store", variant="primary", elem_id="ct-add")
        parts["results"] = gr.Dataframe(
            headers=RESULT_HEADERS, interactive=False, wrap=True, label="Upload results")
        parts["status"] = gr.Markdown()
        headers = ARTICLE_HEADERS + (["claims"] if handlers.web.has_claims else [])
        parts["articles"] = gr.Dataframe(
            headers=headers, interactive=False, wrap=True, label="Stored articles")
        with gr.Row():
            parts["doomed"] = gr.Dropdown(
                [], label="Article to delete", allow_custom_value=True, scale=4, value=None)
            parts["delete"] = gr.Button("Delete", variant="stop", scale=1)


def _claims_tab(handlers: Handlers, parts: dict[str, Any]) -> None:
    with gr.Tab("Claims", id="claims"):
        _filters(parts, "cl_", handlers.web)
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


def _wire_chat(handlers: Handlers, parts: dict[str, Any]) -> None:
    chat_in = [parts["question"], parts["session"], *_names(parts, "chat_")]
    chat_out = [parts["chatbot"], parts["session"], parts["question"], parts["viewer"]]
    chat = _ui(handlers.chat)
    for trigger in (parts["question"].submit, parts["ask"].click):
        trigger(chat, chat_in, chat_out, api_visibility=PRIVATE)
    parts["examples"].click(
        lambda sample: sample[0], parts["examples"], parts["question"],
        api_visibility=PRIVATE,
    ).then(chat, chat_in, chat_out, api_visibility=PRIVATE)

    def open_card(session: Session, evt: gr.SelectData) -> Any:
        return _update(handlers.open_card(evt.index, session))

    parts["chatbot"].select(open_card, parts["session"], parts["viewer"],
                            api_visibility=PRIVATE)
    parts["chatbot"].clear(_ui(handlers.clear), None,
                           [parts["session"], parts["chatbot"], parts["viewer"]],
                           api_visibility=PRIVATE)


def _wire_tabs(handlers: Handlers, parts: dict[str, Any], demo: gr.Blocks) -> None:
    on = functools.partial(_on, api_visibility=PRIVATE)
    search_in = [parts["query"], parts["k"], parts["session"], *_names(parts, "search_")]
    for trigger in (parts["query"].submit, parts["search"].click):
        on(trigger, _ui(handlers.search), search_in, [parts["hits"], parts["session"]])

    def open_hit(session: Session, evt: gr.SelectData) -> Any:
        return _update(handlers.open_row(evt.index, session.hits))

    on(parts["hits"].select, open_hit, parts["session"], parts["viewer"])
    targets = [parts[n] for n in handlers.refresh_names() if n in parts]

    def refresh() -> dict[Any, Any]:
        return {parts[n]: _update(v) for n, v in handlers.refresh().items() if n in parts}

    def ingest(paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        return _ui(handlers.ingest)(paths, lambda f, d: progress(f, desc=d))

    added = on(parts["add"].click, ingest, parts["files"], [parts["results"], parts["status"]])
    on(added.then, refresh, None, targets)
    deleted = on(parts["delete"].click, _ui(handlers.delete), parts["doomed"], parts["status"])
    on(deleted.then, refresh, None, targets)
    on(demo.load, refresh, None, targets)
    if "cl_table" in parts:
        _wire_claims(handlers, parts, demo)


def _wire_claims(handlers: Handlers, parts: dict[str, Any], demo: gr.Blocks) -> None:
    on = functools.partial(_on, api_visibility=PRIVATE)
    claim_in = [*_names(parts, "cl_"), parts["cl_text"]]
    claim_out = [parts["cl_table"], parts["cl_plot"], parts["cl_records"]]
    for trigger in (parts["cl_show"].click, parts["cl_text"].submit, demo.load):
        on(trigger, _ui(handlers.claims), claim_in, claim_out)
    on(parts["cl_export"].click, _ui(handlers.export_files), claim_in, parts["cl_files"])

    def open_claim(records: list[dict[str, Any]], evt: gr.SelectData) -> Any:
        return _update(handlers.open_row(evt.index, records))

    on(parts["cl_table"].select, open_claim, parts["cl_records"], parts["viewer"])


def _on(trigger: Callable[..., Any], fn: Callable[..., Any], inputs: Any, outputs: Any,
        **options: Any) -> Any:
    """Register `fn` on an event listener (``button.click``, ``demo.load``, ``x.then``)."""
    return trigger(fn, inputs, outputs, **options)


def _api(handlers: Handlers) -> None:
    """Hidden components and the JSON endpoints of the API (chat, search, source, …)."""
    with gr.Column(visible=False):
        text = {n: gr.Textbox(label=n) for n in ("question", "query", "speaker", "country",
                                                  "outlet", "since", "until", "article",
                                                  "text")}
        number = {n: gr.Number(label=n, precision=0) for n in ("k", "line", "start", "end")}
        files = gr.File(file_count="multiple", label="files")
        out, html, export = gr.JSON(), gr.HTML(js_on_load=None), gr.File(file_count="multiple")
        session = gr.State(Session())
        triggers = [gr.Button() for _ in range(8)]
    filters = [text[n] for n in ("speaker", "country", "outlet", "since", "until")]
    events: list[tuple[Callable[..., Any], list[Any], list[Any], str]] = [
        (handlers.chat_json, [text["question"], *filters, session], [out, session], "chat"),
        (handlers.search_json, [text["query"], number["k"], *filters], [out], "search"),
        (handlers.source_html, [text["article"], number["line"], number["start"],
                                number["end"]], [html], "source"),
        (handlers.ingest_json, [files], [out], "ingest"),
        (handlers.articles_json, [], [out], "articles"),
        (handlers.delete_json, [text["article"]], [out], "delete"),
    ]
    if handlers.web.has_claims:
        claim_inputs = [*filters, text["text"]]
        events += [(handlers.claims_json, claim_inputs, [out], "claims"),
                   (handlers.export_files, claim_inputs, [export], "export")]
    for trigger, (fn, inputs, outputs, name) in zip(triggers, events, strict=False):
        trigger.click(_ui(fn), inputs, outputs, api_name=name)


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
    options = getattr(demo, "claimtrack_options", {})
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


def serve(
    bot: ClaimBot, *, host: str = "127.0.0.1", port: int = 7860, auth: str | None = None,
    max_file_size: str = "5mb",
) -> None:
    """Serve the web app until interrupted.

    Args:
        bot: The bot to serve.
        host: Interface to bind (default: this machine only).
        port: TCP port.
        auth: ``user:password`` to require a login (entry points default it to
            ``$CLAIMTRACK_AUTH``).
        max_file_size: Largest upload.
    """
    login = parse_auth(auth)
    launch(create_app(bot, max_file_size=max_file_size), host=host, port=port, auth=login)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bot.web [--home DIR] [--host H] [--port P] [--auth user:password]``."""
    parser = argparse.ArgumentParser(prog="python -m bot.web", description="claimtrack web chat")
    parser.add_argument("--home", help="store folder (default: $CLAIMTRACK_HOME)")
    parser.add_argument("--host", default="127.0.0.1", help="interface (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    parser.add_argument("--auth", help="require a login, user:password "
                                       "(default: $CLAIMTRACK_AUTH)")
    parser.add_argument("--max-file-size", default="5mb", help="largest upload (default: 5mb)")
    args = parser.parse_args(argv)
    settings = Settings()
    if args.home:
        settings = settings.model_copy(update={"home": Path(args.home)})
    auth = args.auth if args.auth is not None else settings.auth
    serve(ClaimBot(settings=settings), host=args.host, port=args.port, auth=auth,
          max_file_size=args.max_file_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
