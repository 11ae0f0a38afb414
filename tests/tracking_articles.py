"""Small articles of one mayor, one minister and one treasurer across seven outlets and dates,
written for the claim-cluster tests: a pledge quoted, re-quoted, shortened with an ellipsis
and put in other words, near misses on the same topic, and the same words with other figures;
the helpers that read a home's clusters by phrase, and the module-scoped `tracked` bot over
these articles (imported by the tests/test_tracking_*.py files that use it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_articles

from bot import ClaimBot
from index import Settings

PLEDGE = "We will build ten thousand new homes for families before the end of next year"


def article(outlet: str, date: str, *paragraphs: str) -> str:
    body = "\n\n".join(paragraphs)
    return f"---\ntitle: {outlet} on the city\noutlet: {outlet}\ndate: {date}\n---\n{body}\n"


ARTICLES = {
    "times.md": article(
        "The Times", "2024-01-05", "Mayor Ann Lee spoke on Monday.",
        f"“{PLEDGE},” Mayor Ann Lee said at the town hall.",
        "Minister Paul Grant said the new railway line would open in the spring."),
    "post.md": article(
        "The Post", "2024-01-07", "The mayor repeated her pledge.",
        f'"{PLEDGE.lower()}!" Ann Lee told reporters.'),
    "herald.md": article(  # the quote cut short with an ellipsis
        "Herald", "2024-01-09", "Lee spoke again.",
        "“We will build ten thousand new homes … before the end of next year,” Mayor Ann Lee "
        "said."),
    "gazette.md": article(  # the pledge in other words, and a near miss on the same topic
        "Gazette", "2024-02-01",
        "Mayor Ann Lee said the city would build 10,000 new homes for families by the end of "
        "next year.",
        "Mayor Ann Lee said rents in the city had risen by a third since 2020."),
    "courier.md": article(  # another speaker, another claim
        "Courier", "2024-02-03",
        "Minister Paul Grant said the railway would cost far more than planned."),
    "ledger.md": article(  # the same words with other figures: two claims
        "Ledger", "2024-03-01",
        "Treasurer Mia Cole said repairing the old harbour bridge would cost 4 million dollars."),
    "tribune.md": article(
        "Tribune", "2024-03-08",
        "Treasurer Mia Cole said repairing the old harbour bridge would cost 5 million dollars."),
}


def bot_over(root: Path, articles: dict[str, str]) -> Iterator[ClaimBot]:
    """A bot over `articles` written under `root`, closed when the fixture ends."""
    write_articles(root / "articles", articles)
    bot = ClaimBot(settings=Settings(home=root / "home"))
    bot.ingest([root / "articles"])
    yield bot
    bot.close()


def clusters_by_phrase(bot: ClaimBot) -> dict[str, str]:
    """Each claim's sentence text mapped to its cluster id."""
    db = bot.corpus.ledger.db
    return {str(t): str(c) for t, c in db.execute(
        "SELECT s.text, k.cluster FROM clusters k JOIN sentences s ON s.id = k.sentence_id")}


def partition(found: dict[str, str]) -> set[frozenset[str]]:
    """The clusters as sets of sentence texts (ids differ between homes)."""
    groups: dict[str, set[str]] = {}
    for text, cluster in found.items():
        groups.setdefault(cluster, set()).add(text)
    return {frozenset(g) for g in groups.values()}


def cluster_of(found: dict[str, str], phrase: str) -> str:
    matches = [c for text, c in found.items() if phrase in text]
    assert len(matches) == 1, (phrase, found)
    return matches[0]


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimBot]:
    """A bot over the articles above (read-only for the tests that use it)."""
    root = tmp_path_factory.mktemp("tracking")
    yield from bot_over(root, ARTICLES)
