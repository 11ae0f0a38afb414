"""Claim clusters of the same quotation across articles and outlets: re-quoted, shortened with an
ellipsis, put in other words by the same speaker; near misses and other figures stay apart.
Small articles (tests/tracking_articles.py) ingested through `ClaimBot` with the real model,
spaCy and Chroma."""

from __future__ import annotations

import pytest
from tracking_articles import cluster_of, clusters_by_phrase, tracked

from bot import ClaimBot

__all__ = ["tracked"]  # the fixture, imported for the tests below


@pytest.mark.parametrize(("first", "second", "together"), [
    ("at the town hall", "told reporters", True),  # the same quotation in another outlet
    ("at the town hall", "homes … before", True),  # shortened with an ellipsis
    ("at the town hall", "10,000 new homes", True),  # the same pledge in other words
    ("at the town hall", "rents in the city", False),  # same speaker and topic, other claim
    ("railway line would open", "cost far more", False),  # same speaker, another claim
    ("10,000 new homes", "rents in the city", False),  # the same article
    ("cost 4 million", "cost 5 million", False),  # other figures
])
def test_claims_share_a_cluster_when_they_report_one_statement(
        tracked: ClaimBot, first: str, second: str, together: bool) -> None:
    found = clusters_by_phrase(tracked)
    assert (cluster_of(found, first) == cluster_of(found, second)) is together


def test_a_cluster_is_named_after_its_first_claim(tracked: ClaimBot) -> None:
    found = clusters_by_phrase(tracked)
    ledger = tracked.corpus.ledger
    first = next(s for s in ledger.sentences_of(ledger.article_ids("times.md"))
             if "town hall" in s.text)
    assert cluster_of(found, "told reporters") == first.id
