"""The web app's events: each component's listeners, calling `bot.web.handlers.Handlers`.

Handlers return plain values and the markers of `bot.web.updates`; `ui` turns those into
gradio updates and `ClaimtrackError`s into error pop-ups. UI events are private: only `api`
offers endpoints to API clients.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from typing import Any, Final

import gradio as gr
from gradio.components import Component

from bot.web.endpoints import API_DEFAULTS, API_NUMBERS, API_TEXTS, endpoints
from bot.web.handlers import Handlers
from bot.web.session import FILTERS, Session
from bot.web.updates import KEEP, Choices, Plot, Samples, Visible
from index import ClaimtrackError

PRIVATE: Final = "private"  # UI events: not offered to API clients
Parts = dict[str, Any]


def ui(fn: Callable[..., Any]) -> Callable[..., Any]:
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
    if isinstance(value, Visible):
        return gr.update(visible=value.shown)
    if isinstance(value, Plot):
        return gr.update(value=value.frame, y_title=value.y_title, label=value.label,
                         x_lim=list(value.x_lim) if value.x_lim else None)
    return value


def _opening(fn: Callable[[Any, Any], Any], name: str) -> Callable[..., Any]:
    """A ``select`` listener calling ``fn(index of the clicked item, state input)``, whose
    first output goes to the source viewer: the viewer's column is shown with it."""
    def select(state: Any, evt: gr.SelectData) -> Any:
        out = fn(evt.index, state)
        first = out[0] if isinstance(out, tuple) else out
        shown = KEEP if first is KEEP else Visible(True)
        return _updates((*out, shown) if isinstance(out, tuple) else (out, shown))
    # Named for gradio's event names; functools.wraps would hide `evt` from gradio.
    select.__name__ = select.__qualname__ = name
    return select


def _names(parts: Parts, prefix: str) -> list[Any]:
    return [parts[prefix + n] for n in FILTERS]


def on(fn: Callable[..., Any], inputs: Any, outputs: Any, *triggers: Callable[..., Any]) -> Any:
    """Register `fn` on each event listener (``button.click``, ``demo.load``, ``x.then``).

    Returns:
        The event of the last trigger, to chain a ``.then`` to.
    """
    event = None
    for trigger in triggers:
        event = trigger(fn, inputs, outputs, api_visibility=PRIVATE)
    return event


def wire_chat(handlers: Handlers, parts: Parts) -> None:
    """The chat: questions, examples, cards that open their source and cluster, clearing."""
    chat_in = [parts["question"], parts["session"], *_names(parts, "chat_")]
    chat_out = [parts["chatbot"], parts["session"], parts["question"], parts["viewer"]]
    chat = ui(handlers.chat)
    on(chat, chat_in, chat_out, parts["question"].submit, parts["ask"].click)
    picked = on(lambda sample: sample[0], parts["examples"], parts["question"],
                parts["examples"].click)
    on(chat, chat_in, chat_out, picked.then)
    cluster = [parts["cu_summary"], parts["cu_table"], parts["cu_records"], parts["cu_panel"]]
    on(_opening(handlers.open_card, "open_card"), parts["session"],
       [parts["viewer"], *cluster, parts["side"]], parts["chatbot"].select)
    on(_opening(handlers.open_row, "open_appearance"), parts["cu_records"],
       [parts["viewer"], parts["side"]], parts["cu_table"].select)
    on(ui(handlers.clear), None, [parts["session"], parts["chatbot"], parts["viewer"]],
       parts["chatbot"].clear)
    hide = ui(lambda: Visible(False))
    on(hide, None, parts["cu_panel"], parts["cu_close"].click, parts["chatbot"].clear)
    on(hide, None, parts["side"], parts["side_close"].click, parts["chatbot"].clear)


def wire_tabs(handlers: Handlers, parts: Parts, demo: gr.Blocks) -> None:
    """Search, articles (upload, delete, refresh), claims and track."""
    search_in = [parts["query"], parts["k"], parts["session"], *_names(parts, "search_")]
    on(ui(handlers.search), search_in, [parts["hits"], parts["session"]],
       parts["query"].submit, parts["search"].click)
    viewer = [parts["viewer"], parts["side"]]
    on(_opening(handlers.open_hit, "open_hit"), parts["session"], viewer, parts["hits"].select)
    targets = [parts[n] for n in handlers.refresh_names() if n in parts]

    def refresh() -> dict[Any, Any]:
        return {parts[n]: _update(v) for n, v in handlers.refresh().items() if n in parts}

    def ingest(paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> Any:  # noqa: B008
        return ui(handlers.ingest)(paths, lambda f, d: progress(f, desc=d))

    added = on(ingest, parts["files"], [parts["results"], parts["status"]], parts["add"].click)
    on(refresh, None, targets, added.then)
    deleted = on(ui(handlers.delete), parts["doomed"], parts["status"], parts["delete"].click)
    on(refresh, None, targets, deleted.then, demo.load)
    claim_in = [*_names(parts, "cl_"), parts["cl_text"]]
    on(ui(handlers.claims), claim_in,
       [parts["cl_table"], parts["cl_plot"], parts["cl_records"]],
       parts["cl_show"].click, parts["cl_text"].submit, demo.load)
    exported = on(ui(handlers.export_files), claim_in, parts["cl_files"],
                  parts["cl_export"].click)
    on(ui(lambda: Visible(True)), None, parts["cl_files"], exported.then)
    on(_opening(handlers.open_row, "open_claim"), parts["cl_records"], viewer,
       parts["cl_table"].select)
    on(ui(handlers.track), parts["tr_text"],
       [parts["tr_summary"], parts["tr_table"], parts["tr_records"], parts["tr_plot"]],
       parts["tr_go"].click, parts["tr_text"].submit)
    on(_opening(handlers.open_row, "open_track"), parts["tr_records"], viewer,
       parts["tr_table"].select)


def api(handlers: Handlers) -> None:
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
        trigger.click(ui(endpoint.fn), [fields[n] for n in endpoint.inputs],
                      [fields[n] for n in endpoint.outputs], api_name=endpoint.name)
