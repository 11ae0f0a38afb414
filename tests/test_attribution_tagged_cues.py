"""The tagger's cues without a source (`index.attribution.articles.second`): the speaker is
the named subject the parse gives the cue's verb. The tagger's spans are set by hand here, so
that the cases test the rule, not the trained model; the sentences are written for these
tests."""

from __future__ import annotations

import pytest

from index.attribution.articles.second import _tagged
from index.attribution.language import Language
from index.records import Sentence

# (name, sentence, the tagger's cue, its content, the speaker's last word or None)
CASES: list[tuple[str, str, str, str, str | None]] = [
    ("action-verb-with-named-subject",
     "Governor Ann Lewis of Ohio lauded the new plant for bringing hundreds of jobs to the "
     "region.",
     "lauded", "the new plant for bringing hundreds of jobs to the region", "Lewis"),
    ("phrasal-cue-takes-its-first-verb",
     "On Tuesday, Senator Mark Dale came away convinced that the talks had failed.",
     "came away convinced", "that the talks had failed", "Dale"),
    ("participle-clause-climbs-to-subject",
     "At the rally, Maria Chen spoke for an hour, painting her rival as a friend of the banks.",
     "painting", "her rival as a friend of the banks", "Chen"),
    ("bare-infinitive-is-no-statement",
     "The new rules will help Mr. Vance maintain the support of rural voters.",
     "maintain", "the support of rural voters", None),
    ("clause-only-verb-without-clause",
     "City police saw the video and arrested the two men outside the stadium.",
     "saw", "the video and arrested the two men", None),
    ("passive-cue",
     "The bill was praised by union leaders at a meeting in Boston.",
     "was praised", "The bill", None),
    ("pronoun-subject-left-to-the-rules",
     "She blasted the ruling as a disgrace to the whole court.",
     "blasted", "the ruling as a disgrace to the whole court", None),
    # the -ing clause on a plural noun tells what those people do (PolNeAR dev's "Obama had
    # a wide array of black artists writing songs about him"; this sentence is written here)
    ("participle-on-plural-doers",
     "While Mayor Ann Lewis had a wide array of young volunteers writing letters about her, "
     "the rival had none.",
     "writing", "letters about her", None),
    ("participle-on-a-statement",
     "Mayor Ann Lewis issued a statement praising the volunteers who knocked on doors.",
     "praising", "the volunteers who knocked on doors", "Lewis"),
    ("content-too-short",
     "Senator Mark Dale criticized it.",
     "criticized", "it", None),
]


def _tagger_doc(nlp: Language, text: str, cue: str, content: str):
    """The sentence as the tagger would mark it: a CUE and a CONTENT span, no SOURCE."""
    doc = nlp.make_doc(text)
    at = text.index(cue)
    # the content is looked for after the cue ("it" is inside "criticized"), unless it
    # comes first ("The bill was praised")
    after = text.find(content, at + len(cue))
    starts = {"CUE": at, "CONTENT": after if after >= 0 else text.index(content)}
    spans = [doc.char_span(starts[label], starts[label] + len(part), label=label,
                           alignment_mode="expand")
             for part, label in ((cue, "CUE"), (content, "CONTENT"))]
    doc.ents = [s for s in spans if s is not None]
    return doc


@pytest.mark.parametrize(("text", "cue", "content", "speaker"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sourceless_cue_speaker(nlp: Language, text: str, cue: str, content: str,
                                speaker: str | None) -> None:
    sentence = Sentence("t:0", "t", 0, 1, 0, len(text), text)
    claim = _tagged(sentence, _tagger_doc(nlp, text, cue, content), [], None, "carry",
                    nlp(text))
    got = claim.speaker.split()[-1] if claim is not None and claim.speaker else None
    assert got == speaker, claim


# (name, sentence, the tagger's source, cue and content, the speaker or None)
SOURCED: list[tuple[str, str, str, str, str, str | None]] = [
    # a reader's letter in BBC tech 188: the first word is a verb telling what to do
    ("imperative-is-no-source",
     "Stop blaming the phone companies - it's not their fault!",
     "Stop", "blaming", "the phone companies", None),
    ("name-before-ing-cue-later-in-sentence",
     "Dale, speaking on Tuesday, blamed the phone companies for the outage.",
     "Dale", "blamed", "the phone companies for the outage", "Dale"),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "speaker"),
                         [c[1:] for c in SOURCED], ids=[c[0] for c in SOURCED])
def test_sourced_cue_speaker(nlp: Language, text: str, source: str, cue: str, content: str,
                             speaker: str | None) -> None:
    sentence = Sentence("t:0", "t", 0, 1, 0, len(text), text)
    doc = _tagger_doc(nlp, text, cue, content)
    at = text.index(source)
    doc.ents = [*doc.ents, doc.char_span(at, at + len(source), label="SOURCE")]
    claim = _tagged(sentence, doc, [], None, "carry", nlp(text))
    assert (claim.speaker if claim is not None else None) == speaker, claim
