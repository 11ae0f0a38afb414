"""The Claims and Track tabs' handlers, in plain Python: a mixin of `bot.web.handlers.Handlers`.

The Claims tab filters the attributed claims into a table, a timeline (`bot.web.plots`) and
CSV/JSON exports; the Track tab shows every appearance of a pasted quotation or claim.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from bot.web.plots import claims_plot
from bot.web.session import FILTERS, WebBot
from bot.web.tables import claim_records, claim_rows, export_claims
from bot.web.tracking import track_view


class ClaimHandlers:
    """The Claims and Track tabs, over `web` (set by `Handlers`)."""

    web: WebBot
    _exports: tempfile.TemporaryDirectory[str]

    def claims(self, *args: Any) -> tuple:
        """Claims tab: ``(table rows, timeline, records)`` of the filtered claims."""
        records = self._claims(args)
        return claim_rows(records), claims_plot(records, nouns=self.web.nouns), records

    def _claims(self, args: tuple[Any, ...]) -> list[dict[str, Any]]:
        *filters, text = args
        chosen = chosen_filters(tuple(filters))
        wanted = {k: chosen[k] for k in ("speaker", "country", "since", "until") if chosen[k]}
        claims = self.web.claims(**wanted)
        titles = {a.id: a.title or Path(a.path).name for a in self.web.articles()}
        return claim_records(claims, titles, outlet=chosen["outlet"], text=text)

    def track(self, text: str) -> tuple:
        """Track tab: ``(summary, table rows, records, timeline)`` of a pasted quotation or
        claim."""
        with self.web.lock:
            return track_view(self.web.bot, text)

    def claims_json(self, *args: Any) -> list[dict[str, Any]]:
        """API ``claims``: the filtered claims as JSON."""
        return self._claims(args)

    def export_files(self, *args: Any) -> list[str]:
        """API ``export`` and the export button: CSV and JSON files of the filtered claims."""
        return export_claims(self._claims(args), Path(self._exports.name))


def chosen_filters(values: tuple[Any, ...] | list[Any]) -> dict[str, str | None]:
    """The filter boxes' values by name (`FILTERS`), blank ones None."""
    cleaned = [(str(v).strip() or None) if v is not None else None for v in values]
    return dict(zip(FILTERS, cleaned, strict=True))
