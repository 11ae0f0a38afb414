"""The trained tagger's second opinion (index.attribution.articles.second), with a stand-in
tagger."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
import spacy
from spacy.tokens import Doc

import index
from index.attribution.articles.confidence import Evidence, confidence_of, tagger_evidence
from index.attribution.articles.second import second_opinion
from index.records import Claim, Sentence


class _Tagger:
    """Tags given words of known sentences, as the trained pipeline would."""

    def __init__(self, spans: dict[str, list[tuple[str, str]]]) -> None:
        self.nlp = spacy.blank("en")
        self.spans = spans
        self.seen: list[str] = []

    def pipe(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Doc]:
        for text in texts:
            self.seen.append(text)
            doc = self.nlp.make_doc(text)
            ents = []
            for words, label in self.spans.get(text, []):
                start = text.index(words)
                ents.append(doc.char_span(start, start + len(words), label=label))
            doc.ents = ents
            yield doc


def _article(*texts: str) -> tuple[str, list[Sentence]]:
    sents, start = [], 0
    for i, t in enumerate(texts):
        sents.append(Sentence(f"a:{i}", "a", i, 1, start, start + len(t), t))
        start += len(t) + 1
    return " ".join(texts), sents


def _rule_claim(s: Sentence, speaker: str) -> Claim:
    return Claim(s.id, s.article, s.line, s.start, s.end, speaker, speaker, "said", "indirect",
                 text=s.text)


S0 = "Donald Trump said the wall would be built."
S1 = "Trump vowed to fight the ruling in the courts."
S2 = "Trump lost the vote."
S3 = "He urged calm."
S4 = "“It will be a long night, but we will win.”"


def test_off_changes_nothing() -> None:
    text, sents = _article(S0, S1)
    rules = [[_rule_claim(sents[0], "Donald Trump")]]
    tagger = _Tagger({S1: [("Trump", "SOURCE"), ("vowed", "CUE")]})
    assert second_opinion([(text, sents)], rules, tagger, "off") == rules  # type: ignore[arg-type]
    assert tagger.seen == []


def test_named_source_with_a_cue_in_a_sentence_the_rules_skipped() -> None:
    text, sents = _article(S0, S1, S2, S3)
    rules = [[_rule_claim(sents[0], "Donald Trump")]]
    tagger = _Tagger({
        S0: [("Donald Trump", "SOURCE")],  # never asked: the rules have this sentence
        S1: [("Trump", "SOURCE"), ("vowed", "CUE"), ("to fight the ruling", "CONTENT")],
        S2: [("Trump", "SOURCE")],  # no cue: a content's subject, not a source
        S3: [("He", "SOURCE"), ("urged", "CUE")],  # a pronoun is the rules' to resolve
    })
    [claims] = second_opinion([(text, sents)], rules, tagger, "named")  # type: ignore[arg-type]
    assert S0 not in tagger.seen
    assert [(c.sentence_id, c.speaker, c.cue) for c in claims] == [
        ("a:0", "Donald Trump", "said"), ("a:1", "Donald Trump", "vowed")]
    new = claims[1]
    assert text[new.start:new.end] == "to fight the ruling"
    assert new.speaker_mention == "Trump"
    # the tagger's unresolved source is less sure than the rules' resolved name
    assert new.confidence == confidence_of(tagger_evidence(new)) < confidence_of(
        Evidence("own", "speech", "indirect", "name", "person", words=2, capitalised=True))


def test_carry_gives_a_quotation_the_speaker_before_it() -> None:
    text, sents = _article(S0, S4, S2, S4)
    rules = [[_rule_claim(sents[0], "Donald Trump")]]
    content = [("It will be a long night, but we will win.", "CONTENT")]
    tagger = _Tagger({S4: content})
    [named] = second_opinion([(text, sents)], rules, tagger, "named")  # type: ignore[arg-type]
    [carry] = second_opinion([(text, sents)], rules, tagger, "carry")  # type: ignore[arg-type]
    assert [c.sentence_id for c in named] == ["a:0"]
    # The second quotation follows a sentence with no claim: it takes no one's.
    assert [(c.sentence_id, c.speaker, c.kind) for c in carry] == [
        ("a:0", "Donald Trump", "indirect"), ("a:1", "Donald Trump", "direct")]


def test_the_shipped_tagger_carries_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """`carry` won on PolNeAR dev and BBC dev through the product (docs/benchmarks.md)."""
    from index.corpus import SHIPPED_TAGGER

    assert (index.Settings().attribution_second, index.Settings().attribution_tagger) == (
        "carry", None)
    assert (SHIPPED_TAGGER / "meta.json").is_file()
    monkeypatch.setenv("CLAIMTRACK_ATTRIBUTION_SECOND", "off")
    assert index.Settings().attribution_second == "off"


def test_a_passive_cue_makes_no_claim() -> None:
    # "is thought", "was auctioned": the subject of a passive is no speaker (BBC business 025)
    passive = "Yugansk was auctioned to help pay off unpaid back taxes."
    active = "Yukos claimed the auction of its unit Yugansk was illegal."
    text, sents = _article(passive, active)
    tagger = _Tagger({passive: [("Yugansk", "SOURCE"), ("was auctioned", "CUE")],
                      active: [("Yukos", "SOURCE"), ("claimed", "CUE")]})
    [claims] = second_opinion([(text, sents)], [[]], tagger, "named")  # type: ignore[arg-type]
    assert [c.speaker for c in claims] == ["Yukos"]


def test_a_cue_with_nothing_said_is_no_claim_but_carries() -> None:
    # "Dale continued:" names a speaker and a cue and says nothing: no claim, but the
    # quotation carried on after it is Dale's; "Ms. Park wouldn't say." is no claim either
    intro, refusal = "Senator Mark Dale continued:", "Ms. Park wouldn’t say."
    text, sents = _article(intro, S4, refusal)
    tagger = _Tagger({intro: [("Senator Mark Dale", "SOURCE"), ("continued:", "CUE")],
                      S4: [("It will be a long night, but we will win.", "CONTENT")],
                      refusal: [("Ms. Park", "SOURCE"), ("wouldn’t say", "CUE")]})
    [claims] = second_opinion([(text, sents)], [[]], tagger, "carry")  # type: ignore[arg-type]
    assert [(c.sentence_id, c.speaker) for c in claims] == [("a:1", "Senator Mark Dale")]


def test_a_whole_sentence_cue_with_words_beside_it_is_a_claim() -> None:
    # the tagger often marks no content and a long cue; the words beside it are said
    text, sents = _article(S1)
    tagger = _Tagger({S1: [("Trump", "SOURCE"), ("vowed", "CUE")]})
    [claims] = second_opinion([(text, sents)], [[]], tagger, "named")  # type: ignore[arg-type]
    assert [c.speaker for c in claims] == ["Trump"]


def _lined(*paragraphs: tuple[str, ...]) -> tuple[str, list[Sentence]]:
    """An article of paragraphs (lines), each a tuple of sentences."""
    sents, start, lines = [], 0, []
    for line, texts in enumerate(paragraphs, 1):
        for t in texts:
            sents.append(Sentence(f"a:{len(sents)}", "a", len(sents), line, start,
                                  start + len(t), t))
            start += len(t) + 1
        lines.append(" ".join(texts))
    return "\n".join(lines), sents


@pytest.mark.parametrize(("paragraphs", "carried"), [
    # a new paragraph in quotation marks carries on the speaker before it
    (((S0,), ("“We will win the state by ten points.”",)), ["a:1"]),
    # an unquoted new paragraph is the reporter's own, however much the tagger calls content
    (((S0,), ("It is not so much a problem for him now.",)), []),
    # within the paragraph, an unquoted sentence still carries on
    (((S0, "It is not so much a problem for him now."),), ["a:1"]),
], ids=["quoted-paragraph", "unquoted-paragraph", "same-paragraph"])
def test_carry_across_a_paragraph_only_as_a_quotation(paragraphs, carried) -> None:
    text, sents = _lined(*paragraphs)
    rules = [[_rule_claim(sents[0], "Donald Trump")]]
    tagger = _Tagger({s.text: [(s.text.strip("“”.").rstrip(".") or s.text, "CONTENT")]
                      for s in sents[1:]})
    [claims] = second_opinion([(text, sents)], rules, tagger, "carry")  # type: ignore[arg-type]
    assert [c.sentence_id for c in claims[1:]] == carried


S5 = ("A Europe that is more independent militarily would also be more capable of acting "
      "alone, although few experts believe that is likely.")
S6 = ("Officials at the Department of Homeland Security in Washington said the plan would "
      "fail within a year.")


@pytest.mark.parametrize(("sentence", "source", "speaker"), [
    # a clause the tagger took for a source is no speaker (PolNeAR dev, wash-post 2016-09-18)
    (S5, S5[: S5.index(", although")], None),
    # a long noun phrase stays a source
    (S6, S6[: S6.index(" said")], S6[: S6.index(" said")]),
])
def test_a_long_source_is_read_through_the_parse(sentence: str, source: str,
                                                 speaker: str | None) -> None:
    text, sents = _article(sentence)
    cue = "believe" if sentence is S5 else "said"
    tagger = _Tagger({sentence: [(source, "SOURCE"), (cue, "CUE")]})
    [claims] = second_opinion([(text, sents)], [[]], tagger, "named",  # type: ignore[arg-type]
                              parser=index.attribution.language.load_nlp())
    assert [c.speaker for c in claims] == ([speaker] if speaker else [])


@pytest.mark.parametrize("depth", [0, 1])
def test_the_sentence_listener_reads_the_shared_tok2vec(depth: int) -> None:
    # the BiLSTM listener of bench/configs/attribution_ner_lstm.cfg is built from the
    # registry, as spacy.load builds a tagger trained with it, and listens to "tok2vec"
    from spacy.pipeline.tok2vec import Tok2VecListener

    import index.attribution.language  # noqa: F401  (registers the architecture)

    build = spacy.registry.architectures.get("claimtrack.SentenceListener.v1")
    model = build(96, "tok2vec", depth, 0.0)
    listeners = [node for node in model.walk() if isinstance(node, Tok2VecListener)]
    assert [node.upstream_name for node in listeners] == ["tok2vec"]
    assert (len(list(model.walk())) > 1) is (depth > 0)
