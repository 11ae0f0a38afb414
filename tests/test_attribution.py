"""Tests of index.attribution.extraction with real spaCy: the hand-written cases of who said what
(tests/attribution_cases.py), the claims' fields and offsets, and the acceptance lines of the
seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from attribution_cases import CASES
from conftest import sentences_of

from index.attribution.extraction import extract_claims, extract_claims_many
from index.attribution.language import Language
from index.attribution.lexicon.gazetteer import country_of, is_demonym
from index.records import Claim, Sentence


def claim_for(claims: list[Claim], sentences: list[Sentence], needle: str) -> Claim | None:
    matching = [s for s in sentences if needle in s.text]
    assert matching, f"no sentence holds {needle!r}: {[s.text for s in sentences]}"
    sentence = matching[0]
    found = [c for c in claims if c.sentence_id == sentence.id]
    return found[0] if found else None


@pytest.mark.parametrize(("text", "expected"), [(c[1], c[2]) for c in CASES],
                         ids=[c[0] for c in CASES])
def test_speaker(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    sentences = sentences_of(text)
    claims = extract_claims(text, sentences, nlp, keep_unresolved=True)
    for needle, speaker in expected.items():
        claim = claim_for(claims, sentences, needle)
        got = claim.speaker if claim else None
        assert got == speaker, f"{needle!r}: expected {speaker!r}, got {got!r} ({claim})"


def test_at_most_one_claim_per_sentence_and_offsets(nlp: Language) -> None:
    text = "\n".join(c[1] for c in CASES)
    sentences = sentences_of(text)
    claims = extract_claims(text, sentences, nlp)
    ids = [c.sentence_id for c in claims]
    assert len(ids) == len(set(ids))
    by_id = {s.id: s for s in sentences}
    for c in claims:
        s = by_id[c.sentence_id]
        assert s.start <= c.start < c.end <= s.end
        assert c.text == s.text and c.line == s.line
        assert c.kind in ("direct", "indirect", "mixed")
        assert 0.0 <= c.confidence <= 1.0


def test_unresolved_claims_are_left_out_by_default(nlp: Language) -> None:
    text = "Officials said the bridge would reopen next month after repairs."
    sentences = sentences_of(text)
    assert extract_claims(text, sentences, nlp) == []
    kept = extract_claims(text, sentences, nlp, keep_unresolved=True)
    assert len(kept) == 1 and kept[0].speaker is None and kept[0].speaker_mention == "Officials"


def test_attributes_and_kinds(nlp: Language) -> None:
    text = ("China's Foreign Ministry spokesperson Wang Wenbin said the talks would be useful.\n"
            "“We look forward to the visit and to the talks,” Wang added.\n"
            "Warren called the plan “a disaster for working families” on Monday.")
    sentences = sentences_of(text)
    claims = {c.line: c for c in extract_claims(text, sentences, nlp)}
    wang = claims[1]
    assert (wang.speaker, wang.speaker_role, wang.speaker_org, wang.speaker_country) == (
        "Wang Wenbin", "spokesperson", "Foreign Ministry", "China")
    assert wang.kind == "indirect" and wang.cue == "said"
    assert text[wang.start : wang.end] == "the talks would be useful"
    assert claims[2].speaker == "Wang Wenbin" and claims[2].speaker_mention == "Wang"
    assert claims[2].kind == "direct" and claims[2].cue == "added"
    assert claims[3].kind == "mixed"


def test_content_covers_the_speakers_other_predicates(nlp: Language) -> None:
    text = ("Bernie Sanders defended his plan to raise the minimum wage, saying it would help "
            "millions of workers.")
    [claim] = extract_claims(text, sentences_of(text), nlp)
    assert text[claim.start : claim.end] == (
        "his plan to raise the minimum wage, saying it would help millions of workers")


CONTENTS = [
    # the speaker's phrase between a quotation and the cue stays out
    ("“It is not the position that everything is fine,” Gene Sperling, a top outside Clinton "
     "adviser, said at a recent POLITICO event.", "“It is not the position that everything is "
     "fine,”"),
    # beside a quotation, whom it was told to is no content
    ("“I never wanted to do that,” Michelle Fields told Megyn Kelly of Fox News on March 14.",
     "“I never wanted to do that,”"),
    # an inverted speaker: the misread subject before the cue is content
    ('The rejection of the treaty signals "the beginning of the end" for the EU, said Geert '
     "Wilders.", 'The rejection of the treaty signals "the beginning of the end" for the EU'),
]


@pytest.mark.parametrize(("text", "content"), CONTENTS)
def test_content_span(nlp: Language, text: str, content: str) -> None:
    [claim] = extract_claims(text, sentences_of(text), nlp)
    assert text[claim.start : claim.end] == content


def test_offsets_follow_the_original_text(nlp: Language) -> None:
    # the original has damaged marks; the sentences carry the repaired text, 1:1 in length
    original = "āWe will win the vote,ā Janet Yellen said."
    repaired = "“We will win the vote,” Janet Yellen said."
    sentence = Sentence("o:0", "o", 0, 1, 0, len(original), repaired)
    [claim] = extract_claims(original, [sentence], nlp)
    assert claim.speaker == "Janet Yellen" and claim.kind == "direct"
    assert (claim.start, claim.end) == (0, len("“We will win the vote,”"))


def test_sentence_text_of_another_length_claims_the_whole_sentence(nlp: Language) -> None:
    # a cleaning step changed the length: offsets inside the sentence cannot be mapped back
    original = "Janet  Yellen said the economy  is strong and growing."
    cleaned = "Janet Yellen said the economy is strong and growing."
    sentence = Sentence("l:0", "l", 0, 1, 0, len(original), cleaned)
    [claim] = extract_claims(original, [sentence], nlp)
    assert claim.speaker == "Janet Yellen"
    assert (claim.start, claim.end) == (0, len(original))


def test_parallel_workers_give_the_same_claims(nlp: Language) -> None:
    texts = [c[1] for c in CASES[:16]]
    articles = [(t, sentences_of(t)) for t in texts]
    assert extract_claims_many(articles, nlp, n_process=2) == extract_claims_many(articles, nlp)


def test_batch_equals_single(nlp: Language) -> None:
    texts = [c[1] for c in CASES[:12]]
    articles = [(t, sentences_of(t)) for t in texts]
    batch = extract_claims_many(articles, nlp, batch_size=4)
    assert batch == [extract_claims(t, s, nlp) for t, s in articles]


def test_country_gazetteer() -> None:
    for name in ("China", "China’s", "Chinese", "Beijing", "the PRC"):
        assert country_of(name) == "China", name
    for name in ("the U.S.", "U.S.", "US", "USA", "Washington", "American", "America"):
        assert country_of(name) == "United States", name
    assert country_of("Russian Federation") == "Russia"
    assert country_of("Kremlin") == "Russia"
    assert country_of("Viet Nam") == "Vietnam"
    assert country_of("us") is None and country_of("Wenbin") is None
    assert is_demonym("Cuban") and is_demonym("Chinese") and is_demonym("Americans")
    assert not is_demonym("Cuba") and not is_demonym("Beijing")


# The seed article with its damaged marks repaired to ’ “ ” —.
SEED = (Path(__file__).parent / "fixtures" / "seed_repaired.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_claims(nlp: Language) -> tuple[list[Sentence], list[Claim]]:
    sentences = sentences_of(SEED)
    return sentences, extract_claims(SEED, sentences, nlp, keep_unresolved=True)


def test_seed_wang_wenbin(seed_claims: tuple[list[Sentence], list[Claim]]) -> None:
    _, claims = seed_claims
    by_line = {c.line: c for c in claims}
    for line in (2, 4):
        c = by_line[line]
        assert (c.speaker, c.speaker_role, c.speaker_org, c.speaker_country) == (
            "Wang Wenbin", "spokesperson", "Foreign Ministry", "China"), c
        assert c.kind == "direct"


def test_seed_geng_shuang_and_china(seed_claims: tuple[list[Sentence], list[Claim]]) -> None:
    _, claims = seed_claims
    by_line = {c.line: c for c in claims}
    for line in (6, 8, 9):
        assert by_line[line].speaker == "Geng Shuang", by_line[line]
        assert by_line[line].speaker_country == "China"
    assert by_line[7].speaker in ("China", "Geng Shuang")
    assert by_line[10].speaker == "China"
    assert by_line[10].speaker_country == "China"


def test_seed_foreign_ministry(seed_claims: tuple[list[Sentence], list[Claim]]) -> None:
    _, claims = seed_claims
    first = next(c for c in claims if c.line == 1)
    assert (first.speaker, first.speaker_org, first.speaker_country) == (
        "Foreign Ministry", "Foreign Ministry", "China")


def test_seed_zelenskyy_and_non_claims(seed_claims: tuple[list[Sentence], list[Claim]]) -> None:
    sentences, claims = seed_claims
    line13 = [s for s in sentences if s.line == 13]
    by_sentence = {c.sentence_id: c for c in claims}
    assert line13[0].id not in by_sentence or by_sentence[line13[0].id].speaker is None
    assert by_sentence[line13[1].id].speaker == "Volodymyr Zelenskyy"
    assert not [c for c in claims if c.line in (3, 5, 11, 12)]
