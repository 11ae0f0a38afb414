"""The components of the web app, tab by tab, kept by name in ``parts`` for `wiring`.

The tabs take the page's width; the source viewer opens beside them only when something is
opened (a citation card, a search, claim or appearance row) and closes with its button. A
citation card also opens its claim's cluster under the chat: every appearance, each a row
that opens in the viewer.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from bot.web.handlers import Handlers
from bot.web.session import Session
from bot.web.tables import (
    ARTICLE_HEADERS,
    CLAIM_HEADERS,
    CLAIM_WIDTHS,
    HIT_HEADERS,
    HIT_WIDTHS,
    RESULT_HEADERS,
)
from bot.web.tracking import CLUSTER_HEADERS, CLUSTER_WIDTHS, TRACK_HEADERS, TRACK_WIDTHS
from bot.web.uploads import upload_label
from bot.web.viewer import EMPTY_VIEWER, VIEWER_CSS, VIEWER_JS

Parts = dict[str, Any]


def build(handlers: Handlers, parts: Parts) -> None:
    """Every visible component of the app, inside the current ``gr.Blocks``."""
    gr.Markdown("## claimtrack — who claimed what, cited to the exact source line")
    parts["session"] = gr.State(Session())
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=640), gr.Tabs():
            _chat_tab(handlers, parts)
            _search_tab(parts)
            _articles_tab(handlers, parts)
            _claims_tab(parts)
            _track_tab(parts)
        with gr.Column(scale=2, visible=False, elem_id="ct-side") as side:
            with gr.Row(equal_height=False):
                gr.Markdown("**Source** — the cited sentence highlighted", padding=True)
                parts["side_close"] = gr.Button("Close", size="sm", scale=0, min_width=80,
                                                elem_id="ct-side-close")
            parts["viewer"] = gr.HTML(
                EMPTY_VIEWER, label="Source", elem_id="ct-viewer", max_height=640,
                js_on_load=VIEWER_JS, css_template=VIEWER_CSS, padding=True,
            )
    parts["side"] = side


def _filters(parts: Parts, prefix: str) -> None:
    with gr.Row():
        parts[prefix + "speaker"] = gr.Dropdown(
            [], label="Speaker", allow_custom_value=True, value=None)
        parts[prefix + "country"] = gr.Dropdown(
            [], label="Organisation / country", allow_custom_value=True, value=None)
        parts[prefix + "outlet"] = gr.Dropdown(
            [], label="Outlet", allow_custom_value=True, value=None)
        parts[prefix + "since"] = gr.Textbox(label="Since", placeholder="YYYY-MM-DD")
        parts[prefix + "until"] = gr.Textbox(label="Until", placeholder="YYYY-MM-DD")


def _chat_tab(handlers: Handlers, parts: Parts) -> None:
    with gr.Tab("Chat", id="chat"):
        parts["chatbot"] = gr.Chatbot(
            label="Answers", elem_id="ct-chat", height=480, feedback_options=None,
            placeholder="Ask who said what; every answer cites the exact article lines. "
                        "Click a numbered card to open its source and where else it appeared.",
            buttons=["copy"], group_consecutive_messages=False,
        )
        with gr.Row():
            parts["question"] = gr.Textbox(
                show_label=False, placeholder="e.g. What did China say about arms sales?",
                elem_id="ct-question", scale=5)
            parts["ask"] = gr.Button("Ask", variant="primary", scale=1, elem_id="ct-ask")
        _cluster_panel(parts)
        parts["examples"] = gr.Dataset(
            components=[parts["question"]], samples=[[q] for q in handlers.examples()],
            label="Examples from the articles", elem_id="ct-examples")
        with gr.Accordion("Filters", open=False):
            _filters(parts, "chat_")


def _cluster_panel(parts: Parts) -> None:
    """Where a card's claim appeared: every appearance of its cluster (hidden until a card
    is opened)."""
    with gr.Group(visible=False, elem_id="ct-cluster") as panel:
        with gr.Row(equal_height=False):
            parts["cu_summary"] = gr.Markdown(elem_id="ct-cluster-summary", padding=True)
            parts["cu_close"] = gr.Button("Close", size="sm", scale=0, min_width=80,
                                          elem_id="ct-cluster-close")
        parts["cu_table"] = gr.Dataframe(
            headers=CLUSTER_HEADERS, interactive=False, wrap=True, column_widths=CLUSTER_WIDTHS,
            max_height=380, show_label=False, elem_id="ct-cluster-table", elem_classes="ct-table")
    parts["cu_panel"] = panel
    parts["cu_records"] = gr.State([])


def _search_tab(parts: Parts) -> None:
    with gr.Tab("Search", id="search"):
        with gr.Row():
            parts["query"] = gr.Textbox(label="Search sentences", scale=4, elem_id="ct-query")
            parts["k"] = gr.Slider(1, 50, value=10, step=1, label="Results", scale=1)
            parts["search"] = gr.Button("Search", variant="primary", scale=1)
        with gr.Accordion("Filters", open=False):
            _filters(parts, "search_")
        parts["hits"] = gr.Dataframe(
            headers=HIT_HEADERS, interactive=False, wrap=True, column_widths=HIT_WIDTHS,
            label="Click a row to open it", elem_classes="ct-table")


def _articles_tab(handlers: Handlers, parts: Parts) -> None:
    with gr.Tab("Articles", id="articles"):
        parts["files"] = gr.File(file_count="multiple", elem_id="ct-upload",
                                 label=upload_label(handlers.max_bytes))
        parts["add"] = gr.Button("Add to the store", variant="primary", elem_id="ct-add")
        parts["results"] = gr.Dataframe(
            headers=RESULT_HEADERS, interactive=False, wrap=True, label="Upload results")
        parts["status"] = gr.Markdown()
        parts["articles"] = gr.Dataframe(
            headers=ARTICLE_HEADERS, interactive=False, wrap=True,
            label="Stored articles", elem_classes="ct-table")
        with gr.Row():
            parts["doomed"] = gr.Dropdown(
                [], label="Article to delete", allow_custom_value=True, scale=4, value=None)
            parts["delete"] = gr.Button("Delete", variant="stop", scale=1)


def _claims_tab(parts: Parts) -> None:
    with gr.Tab("Claims", id="claims"):
        _filters(parts, "cl_")
        with gr.Row():
            parts["cl_text"] = gr.Textbox(label="Text contains", scale=4)
            parts["cl_show"] = gr.Button("Show", variant="primary", scale=1)
        parts["cl_table"] = gr.Dataframe(
            headers=CLAIM_HEADERS, interactive=False, wrap=True, column_widths=CLAIM_WIDTHS,
            max_height=520, label="Claims (click a row to open it)", elem_id="ct-claims",
            elem_classes="ct-table")
        parts["cl_plot"] = _timeline("ct-claims-plot", 380)
        with gr.Row():
            parts["cl_export"] = gr.Button("Export CSV + JSON")
            parts["cl_files"] = gr.File(file_count="multiple", label="Exported files",
                                        interactive=False, visible=False)
        parts["cl_records"] = gr.State([])


def _track_tab(parts: Parts) -> None:
    with gr.Tab("Track", id="track"):
        with gr.Row():
            parts["tr_text"] = gr.Textbox(label="Paste a quotation or claim", scale=5,
                                          elem_id="ct-track-text")
            parts["tr_go"] = gr.Button("Track", variant="primary", scale=1, elem_id="ct-track")
        parts["tr_summary"] = gr.Markdown(elem_id="ct-track-summary")
        parts["tr_table"] = gr.Dataframe(
            headers=TRACK_HEADERS, interactive=False, wrap=True, column_widths=TRACK_WIDTHS,
            max_height=400, label="Every appearance, first first (click a row to open it)",
            elem_id="ct-track-table", elem_classes="ct-table")
        parts["tr_plot"] = _timeline("ct-track-plot", 300)
        parts["tr_records"] = gr.State([])


def _timeline(elem_id: str, height: int) -> gr.ScatterPlot:
    """A timeline: x the date, y a lane (speaker or topic), coloured by outlet, legend on."""
    return gr.ScatterPlot(
        x="date", y="lane", color="outlet", height=height, x_title="date", y_title="speaker",
        color_title="outlet", tooltip="all", elem_id=elem_id,
        label="Timeline (dated claims only)")
