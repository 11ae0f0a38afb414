"""Speaker names are names: the audit of issue 13 over whole ingested corpora.

Usage (from the project root)::

    .venv/bin/python bench/speaker_names.py --home DIR [--home DIR ...]
    .venv/bin/python bench/speaker_names.py --home DIR --ingest PATH [PATH ...]

Every person among `ClaimBot.speakers()` of each home is checked for a verb or an adverb in
the name, a role or party word fused to a surname, and two people's names in one; the
offenders are printed, one a line, and the exit status is 1 when there is any. `--ingest`
first ingests the given files or folders into the (single) home, through `ClaimBot.ingest`.
`tests/test_speaker_names.py` runs the same checks over a sample of the shared corpora; this
script is for all of them (BBC's 2,225 articles and PolNeAR's 1,008), which take too long to
ingest for the test suite.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import ClaimBot  # noqa: E402
from index import Settings  # noqa: E402
from index.attribution.identities.people import names_two  # noqa: E402
from index.attribution.language import Language, load_nlp  # noqa: E402
from index.attribution.lexicon.given_names import FEMALE, MALE  # noqa: E402
from index.attribution.lexicon.name_words import DESCRIPTORS  # noqa: E402
from index.attribution.lexicon.roles import PARTY_WORDS, ROLE_NOUNS, TITLES  # noqa: E402
from index.records import Speaker  # noqa: E402

# Words before a name that are a role, a descriptor ("Media", "DJ") or a party; courtesy
# titles and peerages are no role ("Lord Falconer" is how a peer is named).
_ROLE_OR_PARTY = (ROLE_NOUNS | PARTY_WORDS | DESCRIPTORS | set(TITLES)) - {
    "mr", "mrs", "ms", "miss", "dr"}


def _given(word: str) -> bool:
    return word.lower() in FEMALE or word.lower() in MALE


def verbs_and_adverbs(nlp: Language, name: str, written: Written) -> list[str]:
    """Words of a name that spaCy tags as a verb or an adverb, where the name opens a
    sentence and where each word stands lowercase after a name ("Smith angrily said").

    A surname after a listed given name is left alone: a surname can be any word ("David
    Jolly", "Joe Donnelly"), and the tagger reads some as adverbs; so is a word the articles
    never write in lowercase, which is no word of the language. Words between the given name
    and the surname are asked about ("May Not Have").
    """
    words = name.split()
    surname_only = len(words) > 1 and _given(words[0])
    last_at = len(name) - len(words[-1])
    # A curly apostrophe makes the tagger read "O’Neill" as an adverb.
    parsed = nlp(f"{name.replace('’', chr(39))} said so.")
    # a listed given name is no verb, whatever the tagger reads ("Iain" as VB)
    found = [t.text for t in parsed if t.idx < len(name) and t.tag_.startswith(("VB", "RB", "MD"))
             and not _given(t.text) and not (surname_only and t.idx >= last_at)
             and written.lowercase(t.text)]
    for word in ([] if surname_only else words[1:]):
        # Capitalised, an adverb is tagged a proper noun ("Smith Angrily"); lowercase, so are
        # some surnames ("prior", "hardy"), hence only "-ly" words are asked about
        bare = word.lower().rstrip(".")
        if bare.endswith("ly") and not _given(bare) and written.lowercase(bare) \
                and nlp(f"Smith {bare} said so.")[1].tag_ == "RB":
            found.append(word)
    return found


def fused_role(name: str) -> list[str]:
    """Role or party words before a person's last name ("Media Lee", "Democrat Clinton")."""
    return [w for w in name.split()[:-1] if w.lower().rstrip(".") in _ROLE_OR_PARTY]


def two_people(name: str, others: Counter[str], written: Written) -> bool:
    """A name that lists people, or two surnames of other people fused ("Trump Sanders")
    that no article writes as it stands ("Martin Kaplan" is written, so a name)."""
    words = [w.lower() for w in name.split()]
    fused = len(words) == 2 and all(others[w] for w in words) and not _given(words[0])
    return names_two(name) or (fused and not written.name(name))


class Written:
    """What the ingested articles write: names word for word, and words in lowercase."""

    def __init__(self, texts: Iterable[str]) -> None:
        """Index `texts`, the articles' texts."""
        self._joined = "\n".join(" ".join(t.split()) for t in texts)
        self._lowercase = frozenset(re.findall(r"\b[a-z]+\b", self._joined))

    def name(self, name: str) -> bool:
        """Whether `name` stands, word for word, in an article."""
        return re.search(rf"\b{re.escape(' '.join(name.split()))}\b", self._joined) is not None

    def lowercase(self, word: str) -> bool:
        """Whether `word` is written in lowercase somewhere: a word of the language, not
        only a name ("Skelly", whom the tagger reads as an adverb, never is)."""
        return word.lower().strip(".’'") in self._lowercase


def offenders(speakers: Sequence[Speaker], written: Written,
              nlp: Language | None = None) -> list[str]:
    """The people whose names fail a check, each with what is wrong.

    Args:
        speakers: `ClaimBot.speakers()`.
        written: What the articles write.
        nlp: The spaCy pipeline for the tag checks; `load_nlp()` when None.

    Returns:
        One line per failed check: the name, the check and the words it found.
    """
    nlp = nlp or load_nlp()
    people = [s for s in speakers if s.kind == "person"]
    surnames = Counter(s.name.split()[-1].lower() for s in people if len(s.name.split()) > 1)
    bad = []
    for speaker in people:
        name = speaker.name.split(" (")[0]  # "John Smith (ceo)": a namesake's qualifier
        own = Counter([name.split()[-1].lower()] if len(name.split()) > 1 else [])
        problems = {"verb or adverb": verbs_and_adverbs(nlp, name, written),
                    "role or party": fused_role(name),
                    "two people": two_people(name, surnames - own, written)}
        bad += [f"{speaker.name!r}: {what} {found}" for what, found in problems.items() if found]
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--home", type=Path, action="append", required=True)
    ap.add_argument("--ingest", type=Path, nargs="+", default=[])
    args = ap.parse_args(argv)
    if args.ingest and len(args.home) != 1:
        ap.error("--ingest takes one --home")
    found = 0
    for home in args.home:
        bot = ClaimBot(settings=Settings(home=home))
        try:
            if args.ingest:
                bot.ingest(args.ingest)
            speakers = bot.speakers()
            written = Written(a.text for a in bot.articles())
        finally:
            bot.close()
        bad = offenders(speakers, written)
        people = sum(s.kind == "person" for s in speakers)
        print(f"{home}: {len(speakers)} speakers, {people} people, {len(bad)} offenders")
        print("\n".join(f"  {line}" for line in bad))
        found += len(bad)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
