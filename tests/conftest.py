"""Shared fixtures: real model, real spaCy, real Chroma in temporary folders; no network."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# The ONNX export of the model goes to a folder of this test session, not the user's cache.
os.environ["CLAIMTRACK_MODEL_CACHE"] = tempfile.mkdtemp(prefix="claimtrack-models-")

from bot import ClaimBot
from index import Settings
from index.errors import InputError
from index.reading.files import iter_sources
from index.reading.splitting import split_text
from index.records import Claim, Metadata, Sentence, Source

if TYPE_CHECKING:
    from index.attribution.language import Language

# The model folder is removed when the session ends (90 MB a run would pile up in /tmp).
atexit.register(shutil.rmtree, os.environ["CLAIMTRACK_MODEL_CACHE"], True)

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed.txt"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

ARTICLES = {
    "2023-05-19-markets.txt": (
        "Stocks rally as inflation cools\n\n"
        "Stocks rose sharply on Friday after new figures showed inflation cooling faster than "
        "expected. The central bank said it would keep rates on hold.\n"
        "Analysts expect further gains next week.\n"
    ),
    "2023-06-02-football.txt": (
        "City win the cup final\n\n"
        "Manchester City won the cup final 2-1 at Wembley on Saturday. The manager praised his "
        "players for their resilience.\n"
        "Fans celebrated late into the night.\n"
    ),
    "2023-07-14-space.txt": (
        "Probe reaches Jupiter orbit\n\n"
        "A European space probe entered orbit around Jupiter on Tuesday after a six-year "
        "journey. Engineers cheered as the signal arrived.\n"
        "The mission will study the planet's icy moons.\n"
    ),
}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    """Write small articles into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def store_consistent(bot: ClaimBot) -> None:
    """Every ledger sentence has exactly one vector and the index holds nothing else."""
    corpus = bot.corpus
    ids = [s.id for s in corpus.ledger.sentences_of([a.id for a in corpus.articles()])]
    assert len(ids) == len(set(ids))
    assert corpus.store.count() == len(ids)
    assert corpus.store.existing(ids) == set(ids)
    assert corpus.ledger.stale_vectors() == []


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty store folder."""
    return tmp_path / "home"


@pytest.fixture
def settings(home: Path) -> Settings:
    """Settings pointing at a fresh temporary home, embedded Chroma."""
    return Settings(home=home, lock_timeout=1.0)


@pytest.fixture
def bot(settings: Settings) -> Iterator[ClaimBot]:
    """A ClaimBot on an empty temporary store."""
    claimbot = ClaimBot(settings=settings)
    yield claimbot
    claimbot.close()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seed article only (built once per session; do not write to it)."""
    root = tmp_path_factory.mktemp("seed")
    articles = root / "articles"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    home = root / "home"
    claimbot = ClaimBot(settings=Settings(home=home))
    claimbot.ingest([articles])
    claimbot.close()
    return home


@pytest.fixture
def seed_bot(seed_store: Path) -> Iterator[ClaimBot]:
    """A ClaimBot over the seed store."""
    claimbot = ClaimBot(settings=Settings(home=seed_store))
    yield claimbot
    claimbot.close()


# Reading one file (tests/test_reading.py, tests/test_metadata.py) --------------------------

ARTICLE = (
    "Russian Prime Minister Mikhail Mishustin will visit Beijing next week for talks.\n"
    "China says it does not and will not provide arms to either side in the conflict.\n"
)
def read_one(path: Path, defaults: Metadata = Metadata(), max_bytes: int = 10_000) -> object:
    items = list(iter_sources([path], defaults=defaults, max_bytes=max_bytes))
    assert len(items) == 1, items
    return items[0]


def read_source(path: Path, defaults: Metadata = Metadata()) -> Source:
    item = read_one(path, defaults)
    assert isinstance(item, Source), item
    return item


def read_error(path: Path, max_bytes: int = 10_000) -> InputError:
    item = read_one(path, max_bytes=max_bytes)
    assert isinstance(item, InputError), item
    assert item.path == str(path.resolve())
    return item


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    """The spaCy pipeline attribution parses with (loaded once per process)."""
    from index.attribution.language import load_nlp  # spaCy only for the tests that parse

    yield load_nlp()


def same_surname(got: str, speaker: str) -> bool:
    """The spelling rule of tables that accept any name ending in the expected surname."""
    return got.split()[-1] == speaker.split()[-1]


def surname_for(got: str, speaker: str) -> bool:
    """The stricter rule: an expected surname alone accepts a full name ending in it
    ("Hewitt" for "Patricia Hewitt"); a longer expected name must be given in full."""
    return len(speaker.split()) == 1 and got.split()[-1] == speaker


def assert_speakers(sentences: Sequence[Sentence], claims: Iterable[Claim],
                    expected: dict[str, str | None], same: Callable[[str, str], bool]) -> None:
    """Check the speaker of the claim on the first sentence holding each needle of
    `expected` (None: no claim, or one without a speaker); `same(got, speaker)` says which
    other spellings of the expected speaker a table accepts."""
    by_sentence = {c.sentence_id: c for c in claims}
    for needle, speaker in expected.items():
        matching = [s for s in sentences if needle in s.text]
        assert matching, f"no sentence holds {needle!r}"
        claim = by_sentence.get(matching[0].id)
        got = claim.speaker if claim else None
        ok = got == speaker or (got is not None and speaker is not None and same(got, speaker))
        assert ok, f"{needle!r}: expected {speaker!r}, got {got!r} ({claim})"


def speakers_hold(nlp: Language, text: str, expected: dict[str, str | None],
                  same: Callable[[str, str], bool]) -> None:
    """Extract the claims of `text` (one test article, unresolved speakers kept) and check
    them with `assert_speakers`."""
    from index.attribution.extraction import extract_claims

    sentences = sentences_of(text)
    claims = extract_claims(text, sentences, nlp, keep_unresolved=True)
    assert_speakers(sentences, claims, expected, same)


def sentences_of(text: str) -> list[Sentence]:
    """`text` split as ingest splits it, into sentences of a test article "t"."""
    return [
        Sentence(f"t:{i}", "t", i, span.line, span.start, span.end, text[span.start : span.end])
        for i, span in enumerate(split_text(text))
    ]
