"""Tests of index.attribution with real spaCy: hand-written cases of who said what, and the
acceptance lines of the seed article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.attribution import extract_claims, extract_claims_many
from index.gazetteer import country_of
from index.language import Language, load_nlp
from index.records import Claim, Sentence
from index.splitting import split_text

# Each case: an article (lines are paragraphs) and, per sentence picked by a substring, the
# speaker expected; None means no claim, or a claim whose speaker is None.
CASES: list[tuple[str, str, dict[str, str | None]]] = [
    # direct quotes, curly and straight
    ("curly-said-after", "“The economy is strong and growing,” Janet Yellen said.",
     {"economy": "Janet Yellen"}),
    ("curly-said-inverted", "“The economy is strong and growing,” said Janet Yellen.",
     {"economy": "Janet Yellen"}),
    ("curly-quote-glued-to-speaker", "“The economy is strong and growing,”Janet Yellen said.",
     {"economy": "Janet Yellen"}),
    ("straight-quote-glued-to-speaker", '"The economy is strong and growing,"Janet Yellen said.',
     {"economy": "Janet Yellen"}),
    ("straight-said-after", '"The economy is strong and growing," Janet Yellen said.',
     {"economy": "Janet Yellen"}),
    ("straight-said-inverted", '"The economy is strong and growing," said Janet Yellen.',
     {"economy": "Janet Yellen"}),
    ("colon-before-quote", "Janet Yellen said: “The economy is strong and growing.”",
     {"economy": "Janet Yellen"}),
    ("split-quote", "“The economy,” Janet Yellen said, “is strong and growing.”",
     {"economy": "Janet Yellen"}),
    ("asked", "“Why would anyone vote for this terrible bill?” Elizabeth Warren asked.",
     {"vote": "Elizabeth Warren"}),
    ("name-colon-quote", "Elizabeth Warren: “The big banks must be broken up now.”",
     {"banks": "Elizabeth Warren"}),
    # indirect speech
    ("said-that", "Elizabeth Warren said that the plan would fail working families.",
     {"plan": "Elizabeth Warren"}),
    ("says", "Elizabeth Warren says the plan will fail working families.",
     {"plan": "Elizabeth Warren"}),
    ("said-trailing", "The plan will fail working families, Elizabeth Warren said on Tuesday.",
     {"plan": "Elizabeth Warren"}),
    ("according-to-front", "According to Elizabeth Warren, the plan will fail working families.",
     {"plan": "Elizabeth Warren"}),
    ("according-to-end", "The plan will fail working families, according to Elizabeth Warren.",
     {"plan": "Elizabeth Warren"}),
    ("told", "Elizabeth Warren told reporters the plan would fail working families.",
     {"plan": "Elizabeth Warren"}),
    ("told-that", "Donald Trump told CNN that the wall would be built next year.",
     {"wall": "Donald Trump"}),
    ("tweeted", "Donald Trump tweeted that the media was dishonest and totally corrupt.",
     {"media": "Donald Trump"}),
    ("cited-as-saying",
     "Elizabeth Warren spoke on Monday. Warren was cited as saying the plan would fail families.",
     {"spoke": None, "cited": "Elizabeth Warren"}),
    ("criticized-saying",
     "Elizabeth Warren criticized the plan, saying it would hurt millions of working families.",
     {"criticized": "Elizabeth Warren"}),
    ("point-reiterated",
     "Chinese diplomat Geng Shuang spoke at the United Nations. China says it does not provide "
     "arms to either side, a point Geng reiterated at the meeting.",
     {"spoke": None, "arms": "China"}),
    ("believes", "Bernie Sanders believes that the system is rigged against working people.",
     {"rigged": "Bernie Sanders"}),
    ("wants", "Bernie Sanders wants to raise the minimum wage to fifteen dollars.",
     {"minimum": "Bernie Sanders"}),
    ("warned", "Mitch McConnell warned that the shutdown could last for several weeks.",
     {"shutdown": "Mitch McConnell"}),
    ("statement", "Mitch McConnell said in a statement that the bill would pass this week.",
     {"bill": "Mitch McConnell"}),
    ("title-sen", "Sen. Ted Cruz said the deal was a disaster for the country.",
     {"deal": "Ted Cruz"}),
    ("title-mr", "Mr. Trump said the deal was a disaster for the country.", {"deal": "Trump"}),
    ("dateline", "WASHINGTON — Senator Elizabeth Warren said the big banks must be broken up.",
     {"banks": "Elizabeth Warren"}),
    ("relative-who",
     "Bernie Sanders, who said the system is rigged against workers, won the primary.",
     {"rigged": "Bernie Sanders"}),
    # mixed quotes
    ("mixed", "Elizabeth Warren called the plan “a disaster for working families across America.”",
     {"disaster": "Elizabeth Warren"}),
    ("mixed-that", "Warren said the plan was “a disaster for working families” and must go.",
     {"disaster": "Warren"}),
    # quotes over several sentences and paragraphs
    ("multi-sentence-quote",
     "“We are ready. We will fight for every vote. We will win,” Elizabeth Warren said.",
     {"ready": "Elizabeth Warren", "every vote": "Elizabeth Warren", "We will win":
      "Elizabeth Warren"}),
    ("multi-sentence-straight",
     '"We are ready. We will fight for every vote," Elizabeth Warren said.',
     {"ready": "Elizabeth Warren", "every vote": "Elizabeth Warren"}),
    ("quote-continues-after-attribution",
     "“We are ready to fight,” Elizabeth Warren said. “We will win every single vote.”",
     {"ready": "Elizabeth Warren", "single vote": "Elizabeth Warren"}),
    ("multi-paragraph-quote",
     "Elizabeth Warren spoke in Boston.\n"
     "“We are ready to fight for families,” Warren said. “We will not back down.\n"
     "“We will win this fight in the end, and the banks know it.”",
     {"Boston": None, "ready": "Elizabeth Warren", "back down": "Elizabeth Warren",
      "banks know": "Elizabeth Warren"}),
    ("quote-then-other-speaker",
     "“Taxes must rise for the richest,” Elizabeth Warren said. Mitch McConnell disagreed, "
     "saying taxes must fall for everyone.",
     {"rise": "Elizabeth Warren", "disagreed": "Mitch McConnell"}),
    ("quote-then-reporter",
     "“Taxes must rise for the richest,” Elizabeth Warren said. The bill passed the Senate on "
     "Friday.",
     {"rise": "Elizabeth Warren", "passed": None}),
    ("quote-then-reporter-paragraph",
     "“Taxes must rise for the richest,” Elizabeth Warren said.\n"
     "The bill passed the Senate on Friday by a wide margin.",
     {"rise": "Elizabeth Warren", "passed": None}),
    ("nested-quote",
     "“He told me ‘we will never surrender’ and I believed him,” Elizabeth Warren said.",
     {"surrender": "Elizabeth Warren"}),
    ("paragraph-other-speaker",
     "“Taxes must rise for the richest,” Elizabeth Warren said.\n"
     "Mitch McConnell disagreed. “Taxes must fall for every family,” he said.",
     {"rise": "Elizabeth Warren", "fall": "Mitch McConnell"}),
    # headlines
    ("headline-verb", "Hillary Clinton Slams Donald Trump On Abortion Ruling\nThe ruling came on "
     "Monday.", {"Slams": "Hillary Clinton", "ruling came": None}),
    ("headline-says", "Bernie Sanders Says The System Is Rigged Against Workers",
     {"Rigged": "Bernie Sanders"}),
    ("headline-colon", "Elizabeth Warren: Donald Trump Is a Proven Failure in Business",
     {"Failure": "Elizabeth Warren"}),
    # resolution: surnames, pronouns, roles, organisations, countries
    ("surname",
     "Senator Elizabeth Warren spoke in Boston. “We will win this fight,” Warren said.",
     {"win": "Elizabeth Warren"}),
    ("surname-first", "Ministry spokesperson Wang Wenbin spoke on Friday. Wang added that the "
     "talks would be useful for both sides.", {"talks": "Wang Wenbin"}),
    ("pronoun-she", "Elizabeth Warren spoke in Boston on Monday. She said the plan would fail "
     "working families.", {"plan": "Elizabeth Warren"}),
    ("pronoun-she-two-people", "Donald Trump met Hillary Clinton before the debate. She said "
     "his plan would raise taxes on families.", {"plan": "Hillary Clinton"}),
    ("pronoun-he-two-people", "Hillary Clinton attacked Donald Trump on Monday. He said her "
     "plan would raise taxes on families.", {"plan": "Donald Trump"}),
    ("pronoun-he-quote", "Mitch McConnell spoke to reporters. “The bill will pass this week,” he "
     "said.", {"bill": "Mitch McConnell"}),
    ("pronoun-no-antecedent", "He said the plan would raise taxes on every family.",
     {"plan": None}),
    ("pronoun-they-unknown", "They said the plan would raise taxes on every family.",
     {"plan": None}),
    ("role-spokesperson", "Foreign Ministry spokesperson Wang Wenbin spoke on Friday. The "
     "spokesperson said the talks would be useful for both sides.", {"talks": "Wang Wenbin"}),
    ("appositive-role", "Wang Wenbin, a ministry spokesperson, said the talks would be useful "
     "for both sides.", {"talks": "Wang Wenbin"}),
    ("org-noun", "China's Foreign Ministry said the visit would go ahead. The ministry said both "
     "sides would sign several deals.", {"visit": "Foreign Ministry", "deals":
                                         "Foreign Ministry"}),
    ("campaign-named", "The Clinton campaign said the report was false and misleading.",
     {"report": "Clinton campaign"}),
    ("campaign-possessive", "Donald Trump held a rally in Ohio. His campaign said the crowd was "
     "the largest one yet.", {"crowd": "Trump campaign"}),
    ("country-china", "China says it will not provide arms to either side.", {"arms": "China"}),
    ("country-beijing", "Beijing says it will not provide arms to either side.",
     {"arms": "China"}),
    ("country-washington", "Washington says the sanctions will stay in place for now.",
     {"sanctions": "United States"}),
    ("country-us", "The U.S. said the sanctions would stay in place for now.",
     {"sanctions": "United States"}),
    ("generic-critics", "Critics say the plan will raise taxes for the middle class.",
     {"plan": None}),
    ("generic-officials", "Officials said the bridge would reopen next month after repairs.",
     {"bridge": None}),
    # colon and dash attributions, wire-copy quotes, joint and indefinite speakers
    ("said-colon-next-paragraph",
     "Elizabeth Warren said:\n“The big banks must be broken up before the next crisis.”",
     {"banks": "Elizabeth Warren"}),
    ("clause-colon-quote",
     "In a Fox interview, Donald Trump went even further: “If he loses, it is the end of his "
     "career.”", {"loses": "Donald Trump"}),
    ("transcript-label", "WALLACE: Do you really see those two things as equivalent, sir?\n"
     "PENCE: Well, look, the question really should be about her campaign.",
     {"equivalent": "Wallace", "look": "Pence"}),
    ("dash-signature",
     "“Trump must stop portraying Latinos as gangsters. Most of us work hard.” ― Carla Sanchez",
     {"gangsters": "Carla Sanchez", "work hard": "Carla Sanchez"}),
    ("two-apostrophe-quotes",
     "''The key to the success of these ventures was the timing,'' Mr. Hedge said.",
     {"ventures": "Hedge"}),
    ("joint-speakers", "Chuck Grassley and Patrick Leahy said the program was riddled with "
     "fraud.", {"program": "Chuck Grassley and Patrick Leahy"}),
    ("indefinite-role", "Josh Earnest, the White House spokesman, spoke on Monday. A spokesman "
     "for the Clinton campaign said the report was false.",
     {"report": "A spokesman for the Clinton campaign"}),
    ("inverted-after-quote",
     "“If it does not have the weapons yet, it will at some point soon,” said James Acton.",
     {"weapons": "James Acton"}),
    ("reporter-subhead-colon",
     "Veto Power Impedes Peace Efforts: Eliminating war is one of the original goals.",
     {"Eliminating": None}),
    # reporter's voice: no claim
    ("reporter-plain", "The meeting took place in a large hall in Geneva on Monday.",
     {"meeting": None}),
    ("reporter-schedule", "Mishustin's visit is scheduled for Tuesday and Wednesday.",
     {"visit": None}),
    ("reporter-what-it-calls", "China maintains what it calls “normal trade” with Russia.",
     {"trade": None}),
    ("reporter-passive", "It was reported that the factory would close next year.",
     {"factory": None}),
    # cases found in PolNeAR's training and dev articles
    ("quote-with-its-own-subject",
     "“My apologies, I am sorry,” Becky Quick said after a back-and-forth.",
     {"apologies": "Becky Quick"}),
    ("party-first-word", "Republicans say Democrats are just trying to distract the public.",
     {"distract": "Republicans"}),
    ("acronym-role", "SEIU chief says the union can win the state.", {"union": "SEIU chief"}),
    ("signed-headline", "Trump Could Address Clean Energy, Lindsey Graham Says.",
     {"Energy": "Lindsey Graham"}),
    ("short-quote-continued",
     "Mark Kelly spoke last.\n“Elections matter,” Kelly said. “Look at the records.”",
     {"matter": "Mark Kelly", "records": "Mark Kelly"}),
    ("delegate-title", "“It wastes time,” said Del. Stacey Plaskett of the Virgin Islands.",
     {"wastes": "Stacey Plaskett"}),
    ("reporter-then-quote-elsewhere",
     "The Senate voted on Tuesday. “This is a great day for workers,” Bernie Sanders said. "
     "The House will vote next week.",
     {"voted": None, "great day": "Bernie Sanders", "House": None}),
    # a speaker that resolves to no one yields to another attribution of the sentence
    ("unresolved-yields-to-named",
     "Some 60 percent of voters said they trust the governor, according to a Gallup poll "
     "released on Monday.",
     {"percent": "a Gallup poll"}),
    ("statement-saying",
     "On Friday, Elizabeth Warren issued a statement saying the bill would hurt working "
     "families.", {"bill": "Elizabeth Warren"}),
    # "as X put it": the clause the "as" clause modifies is the content
    ("as-put-it", "As Elizabeth Warren put it, the tax plan would hurt working families.",
     {"tax": "Elizabeth Warren"}),
    ("as-noted-inside", "The tax plan, as Elizabeth Warren noted, would hurt working families.",
     {"tax": "Elizabeth Warren"}),
    ("as-time-clause",
     "As Elizabeth Warren turned her attention to the tax plan, the crowd grew restless.",
     {"crowd": None}),
    ("put-no-as", "Elizabeth Warren put the tax plan on hold for another year.", {"tax": None}),
    # a poll or a study shows an object, not only a clause
    ("poll-showed-object",
     "A Marist College poll released last week showed Warren with a narrow lead in Ohio.",
     {"Marist": "A Marist College poll"}),
    ("person-found-object", "Warren found the keys under a rock near the house.",
     {"keys": None}),
    ("in-a-poll", "In the latest Monmouth poll, Warren leads the field with 30 percent.",
     {"leads": "the latest Monmouth poll"}),
    ("in-an-unnamed-poll", "In the poll, Warren leads the field with 30 percent.",
     {"leads": None}),
    # an abbreviated country names a group of speakers; a demonym does not
    ("abbreviated-country-officials",
     "U.S. intelligence officials believe the hackers have slowed down since last year.",
     {"hackers": "U.S. intelligence officials"}),
    ("demonym-officials",
     "Chinese officials believe the hackers have slowed down since last year.",
     {"hackers": None}),
    # a capitalised first word is a name when the article capitalises it elsewhere too
    ("sentence-start-name-modifier",
     "Users have left Facebook in droves. Facebook officials say they are reviewing posts.",
     {"Users": None, "reviewing": "Facebook officials"}),
    ("sentence-start-common-modifier",
     "Election scholars caution that high turnout does not help a party in November.",
     {"turnout": None}),
    ("and-called-for",
     "Elizabeth Warren spoke in Iowa on Monday and called for a ban on stock trading by "
     "lawmakers.", {"ban": "Elizabeth Warren"}),
    ("called-a-name", "The tiny town called Hope has only one road.", {"Hope": None}),
    # the content covers all the speaker's predicates after the subject
    ("defended-saying",
     "Bernie Sanders defended his plan to raise the minimum wage, saying it would help "
     "millions of workers.", {"defended": "Bernie Sanders"}),
    ("three-speakers-listed",
     "Jeb Bush, Chris Christie and John Kasich said the deal was a disaster for the country.",
     {"deal": "Jeb Bush, Chris Christie and John Kasich"}),
    ("dateline-with-date",
     "BOSTON, Aug. 24 (UPI) — Elizabeth Warren said the bank must be broken up.",
     {"bank": "Elizabeth Warren"}),
    # "continue" attributes a quotation only
    ("continued-quote", "“We will keep fighting for working families,” Warren continued.",
     {"fighting": "Warren"}),
    ("continues-to", "The lead for Elizabeth Warren continues to grow after a big win in Ohio.",
     {"lead": None}),
    # one word before a colon speaks only when the article uses it as a name
    ("stray-colon-label", "Revealed: The senator kept a second email account for years.",
     {"senator": None}),
    ("name-colon-label", "On Monday, Elizabeth Warren spoke in Ohio.\n"
     "Warren: The banks must be broken up soon.", {"spoke": None, "banks": "Elizabeth Warren"}),
    # the agent of a passive cue speaks
    ("reported-by", "News of the merger was first reported by the Boston Globe on Monday.",
     {"merger": "Boston Globe"}),
    ("as-reported-by", "As reported by the Boston Globe, the merger will close next spring.",
     {"merger": "Boston Globe"}),
    ("asked-by", "Warren was asked by host Jake Tapper whether the banks should be broken up.",
     {"banks": "Jake Tapper"}),
    ("passed-by", "The bill was passed by the Senate on Tuesday after a long debate.",
     {"bill": None}),
    # a longer name that ends in another word is another entity, not a fuller name
    ("name-then-thing-named-after",
     "Trump spoke in Ohio. The Trump Train rolled into town on Monday. He said the wall "
     "would be built next year.", {"spoke": None, "wall": "Trump"}),
    ("given-name-then-full-name",
     "Hillary spoke in Ohio. Hillary Clinton said the wall would never be built.",
     {"wall": "Hillary Clinton"}),
    # "see X as Y" states a view; "see X" does not
    ("sees-as", "Elizabeth Warren sees the big banks as a threat to working families.",
     {"banks": "Elizabeth Warren"}),
    ("sees-object", "Elizabeth Warren sees her grandchildren every week in Boston.",
     {"grandchildren": None}),
    # a noun of saying or stance owned by a named speaker
    ("owned-call-for", "Voters cheered Sanders's call for a ban on fracking in every state.",
     {"fracking": "Sanders"}),
    ("owned-plan-to", "Warren's plan to break up the banks got a cool reception.",
     {"banks": "Warren"}),
    ("owned-thing", "Warren's house in Cambridge is on a quiet street.", {"house": None}),
    ("calling-for-to",
     "Hillary Clinton is calling for the United States to take a stronger role in the war.",
     {"stronger": "Hillary Clinton"}),
    # a past tense the parser misreads as a participle on the subject
    ("misread-past-tense", "Beruff, a Scott ally, called Florida’s standards “strong.”",
     {"standards": "Beruff"}),
    # "did not respond to a request for comment" is reported; "responded to the attack" is not
    ("no-response-to-request",
     "A spokesman for Warren, Jon Donenberg, did not respond to a request for comment.",
     {"request": "Jon Donenberg"}),
    ("responded-to-event", "Warren responded to the attack with a long speech in Boston.",
     {"attack": None}),
]


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    yield load_nlp()


def sentences_of(text: str) -> list[Sentence]:
    return [
        Sentence(f"t:{i}", "t", i, span.line, span.start, span.end, text[span.start : span.end])
        for i, span in enumerate(split_text(text))
    ]


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
