"""What a web handler may return instead of a plain value, for `bot.web.app` to turn into updates.

`KEEP` leaves an output as it is, `Choices` gives a dropdown new options and `Samples` gives
the example questions new questions. No gradio here: `bot.web.app` maps each to its gradio update.
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
