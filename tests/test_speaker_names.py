"""Speaker names are names: BBC dev and a sample of PolNeAR ingested through `ClaimBot`, and
every speaker of `ClaimBot.speakers()` checked for verbs, adverbs, role or party words fused
to a name, and two people's names in one.

The corpora are read from ../shared (see conftest.SHARED); the test is skipped without them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SHARED

from bot import ClaimBot
from index import Settings
from index.attribution.identities.people import names_two
from index.attribution.language import Language, load_nlp
from index.attribution.lexicon.given_names import FEMALE, MALE
from index.attribution.lexicon.roles import PARTY_WORDS, ROLE_NOUNS, TITLES
from index.records import Speaker

BBC_GOLD = SHARED / "eval" / "bbc_attribution_dev.jsonl"
POLNEAR = SHARED / "corpus" / "polnear" / "data"
# Every 80th training article and every 20th dev article: about 600 PolNeAR sentences, so
# that ingest (the encoder above all) stays under a minute with BBC dev's 721.
SAMPLE = {"train": 80, "dev": 20}
# Words before a name that are a role or a party; courtesy titles and peerages are no role
# ("Lord Falconer" is how a peer is named).
_ROLE_OR_PARTY = (ROLE_NOUNS | PARTY_WORDS | set(TITLES)) - {"mr", "mrs", "ms", "miss", "dr"}


def corpus_files() -> list[Path]:
    """The BBC dev articles and the PolNeAR sample."""
    with open(BBC_GOLD, encoding="utf-8") as f:
        bbc = dict.fromkeys(json.loads(line)["article"] for line in f if line.strip())
    polnear = [path for split, step in SAMPLE.items()
               for path in sorted((POLNEAR / split / "text").glob("*.txt"))[::step]]
    return [SHARED / p for p in bbc] + polnear


@pytest.fixture(scope="module")
def speakers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Speaker]]:
    if not BBC_GOLD.is_file() or not POLNEAR.is_dir():
        pytest.skip(f"no BBC dev gold or PolNeAR under {SHARED}")
    bot = ClaimBot(settings=Settings(home=tmp_path_factory.mktemp("names") / "home"))
    bot.ingest(corpus_files())
    yield bot.speakers()
    bot.close()


def verbs_and_adverbs(nlp: Language, name: str) -> list[str]:
    """Words of a name that spaCy tags as a verb or an adverb, where the name opens a
    sentence and where each word stands lowercase after a name ("Smith angrily said")."""
    # A curly apostrophe makes the tagger read "O’Neill" as an adverb.
    written = nlp(f"{name.replace('’', chr(39))} said so.")
    # a listed given name is no verb, whatever the tagger reads ("Iain" as VB)
    words = [t for t in written if t.idx < len(name) and t.tag_.startswith(("VB", "RB", "MD"))
             and t.lower_ not in FEMALE and t.lower_ not in MALE]
    found = [t.text for t in words]
    for word in name.split()[1:]:
        # Capitalised, an adverb is tagged a proper noun ("Smith Angrily"); lowercase, so are
        # some surnames ("prior", "hardy"), hence only "-ly" words are asked about
        bare = word.lower().rstrip(".")
        if bare.endswith("ly") and bare not in FEMALE and bare not in MALE \
                and nlp(f"Smith {bare} said so.")[1].tag_ == "RB":
            found.append(word)
    return found


def fused_role(name: str) -> list[str]:
    """Role or party words before a person's last name ("Media Lee", "Democrat Clinton")."""
    return [w for w in name.split()[:-1] if w.lower().rstrip(".") in _ROLE_OR_PARTY]


def two_people(name: str, others: Counter[str]) -> bool:
    """A name that lists people, or two surnames of other people fused ("Trump Sanders")."""
    words = [w.lower() for w in name.split()]
    fused = len(words) == 2 and all(others[w] for w in words) \
        and words[0] not in FEMALE and words[0] not in MALE
    return names_two(name) or fused


def test_speaker_names_are_names(speakers: list[Speaker]) -> None:
    nlp = load_nlp()
    people = [s for s in speakers if s.kind == "person"]
    surnames = Counter(s.name.split()[-1].lower() for s in people if len(s.name.split()) > 1)
    bad = []
    for speaker in people:
        name = speaker.name.split(" (")[0]  # "John Smith (ceo)": a namesake's qualifier
        own = Counter([name.split()[-1].lower()] if len(name.split()) > 1 else [])
        problems = {"verb or adverb": verbs_and_adverbs(nlp, name),
                    "role or party": fused_role(name),
                    "two people": two_people(name, surnames - own)}
        bad += [f"{speaker.name!r}: {what} {found}" for what, found in problems.items() if found]
    assert len(people) > 100
    assert not bad, "\n".join(bad)
