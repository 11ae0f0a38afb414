"""The web chat: a Gradio app over `ClaimBot`, as a package.

`app` (a package: `layout`, `wiring`) builds and wires the UI and is the only part that
imports gradio; what the app does lives beside it without gradio: `handlers` and `claims`
(one function per UI event), `endpoints` (the JSON API), `followups` (sessions and follow-ups),
`session` (the thread-safe bot adapter), `tables` (rows, exports), `plots` (the timelines'
data), `tracking` (clusters and the Track tab), `viewer` (the source viewer's HTML), `uploads`,
`updates` and `options` (the server's options, shared with ``claimtrack serve``). It may
import `bot` and `index`; nothing outside it imports it but the CLI's ``serve``. Importing
the package does not import gradio.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.web.app import create_app, launch, serve

__all__ = ["create_app", "launch", "serve"]


def __getattr__(name: str) -> Any:
    # gradio takes over 2 s to import: only the server pays for it.
    if name in __all__:
        from bot.web import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
