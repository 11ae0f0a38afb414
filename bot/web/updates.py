"""What a web handler may return instead of a plain value, for `bot.web.app` to turn into updates.

`KEEP` leaves an output as it is, `Choices` gives a dropdown new options, `Samples` gives
the example questions new questions, `Visible` shows or hides a block and `Plot` gives a
timeline new data and titles. No gradio here: `bot.web.app` maps each to its gradio update.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KEEP = object()
"""Returned for an output that should stay as it is."""


@dataclass(frozen=True)
class Choices:
    """New options of a dropdown."""

    options: list[Any]


@dataclass(frozen=True)
class Samples:
    """New example questions."""

    questions: list[str]


@dataclass(frozen=True)
class Visible:
    """Show (True) or hide (False) a component or a layout block."""

    shown: bool


@dataclass(frozen=True)
class Plot:
    """A timeline plot's new data, with the title of its y axis, its label and the limits of
    its x axis (seconds since the epoch; None: gradio's own)."""

    frame: Any
    y_title: str
    label: str
    x_lim: tuple[float, float] | None = None
