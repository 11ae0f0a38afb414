"""Speaker names are names: BBC dev and a sample of PolNeAR ingested through `ClaimBot`, and
every speaker of `ClaimBot.speakers()` checked for verbs, adverbs, role or party words fused
to a name, and two people's names in one (the checks of `bench/speaker_names.py`, which runs
them over the whole corpora).

The corpora are read from ../shared (see conftest.SHARED); the test is skipped without them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SHARED

from bench.speaker_names import Written, offenders
from bot import ClaimBot
from index import Settings
from index.records import Speaker

BBC_GOLD = SHARED / "eval" / "bbc_attribution_dev.jsonl"
POLNEAR = SHARED / "corpus" / "polnear" / "data"
# Every 80th training article and every 20th dev article: about 600 PolNeAR sentences, so
# that ingest (the encoder above all) stays under a minute with BBC dev's 721.
SAMPLE = {"train": 80, "dev": 20}


def corpus_files() -> list[Path]:
    """The BBC dev articles and the PolNeAR sample."""
    with open(BBC_GOLD, encoding="utf-8") as f:
        bbc = dict.fromkeys(json.loads(line)["article"] for line in f if line.strip())
    polnear = [path for split, step in SAMPLE.items()
               for path in sorted((POLNEAR / split / "text").glob("*.txt"))[::step]]
    return [SHARED / p for p in bbc] + polnear


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimBot]:
    if not BBC_GOLD.is_file() or not POLNEAR.is_dir():
        pytest.skip(f"no BBC dev gold or PolNeAR under {SHARED}")
    bot = ClaimBot(settings=Settings(home=tmp_path_factory.mktemp("names") / "home"))
    bot.ingest(corpus_files())
    yield bot
    bot.close()


def test_speaker_names_are_names(ingested: ClaimBot) -> None:
    speakers = ingested.speakers()
    bad = offenders(speakers, Written(a.text for a in ingested.articles()))
    assert sum(s.kind == "person" for s in speakers) > 100
    assert not bad, "\n".join(bad)


# The checks themselves: the kinds of bad name are caught, real names pass.
CHECKED = [
    ("Smith Angrily", True),  # an adverb
    ("speaking Jones", True),  # a verb
    ("Media Lee", True),  # a role word fused to a surname
    ("Democrat Clinton", True),  # a party word
    ("Reps Smith and Jones", True),  # two people
    ("Jones Smith", True),  # two other people's surnames fused, written nowhere
    ("Smith Jones", False),  # written so in an article: a name
    ("David Jolly", False),  # a surname after a given name may be any word
    ("Marcel Desailly", False),  # "desailly" is written in no article in lowercase
    ("Angus King", False),
    ("Lord Falconer", False),  # how a peer is named
    ("Hope Hicks", False),  # a given name that is also a verb
    ("May Not Have", True),  # words between a given name and the last are asked about
    ("Earl Ray Tomblin", False),
]


def _person(name: str) -> Speaker:
    return Speaker(name=name, kind="person", aliases=(name,), roles=(), orgs=(), countries=(),
                   first_date=None, last_date=None, claims=1, articles=1)


@pytest.mark.parametrize(("name", "bad"), CHECKED, ids=[c[0] for c in CHECKED])
def test_checks_tell_names_from_non_names(name: str, bad: bool) -> None:
    others = [_person("Ann Jones"), _person("Bob Smith")]
    written = Written(["Ann Jones met Smith Jones, angrily speaking as if media; not all have "
                       "a ray of hope."])
    assert bool(offenders([_person(name), *others], written)) is bad
