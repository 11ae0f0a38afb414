"""The checks behind written answers (issue 16): the prompt loader, and verification as a pure
function, with table cases and Hypothesis properties (no model, no store)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import prompts
from bot import Citation
from bot.errors import PromptError
from bot.writing.verification import Written, quote_spans, split_sentences, verify

# The prompt loader -------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "values", "error"), [
    ("followup", {"message": "and him?"}, "missing values ['history']"),
    ("followup", {"message": "m", "history": "h", "extra": "x"}, "without a placeholder "
     "['extra']"),
    ("nonexistent", {}, "no prompt 'nonexistent'"),
])
def test_prompt_placeholders_must_match(name: str, values: dict[str, str], error: str) -> None:
    with pytest.raises(PromptError, match=re.escape(error)):
        prompts.load(name, **values)


def test_prompt_values_are_not_expanded_again() -> None:
    prompt = prompts.load("followup", message="say {history}", history="- {message}")
    assert "Follow-up message: say {history}" in prompt.user and "- {message}" in prompt.user


# Verification as a pure function -----------------------------------------------------------

def cite(n: int, text: str, speaker: str | None, org: str | None = None,
         country: str | None = None) -> Citation:
    return Citation(sentence_id=f"s{n}", article="a", path="a.txt", title=None, date=None,
                    outlet=None, line=n, start=0, end=len(text), text=text, score=1.0,
                    speaker=speaker, speaker_org=org, speaker_country=country, n=n)


SOURCES = [
    cite(1, "Geng Shuang said arms sales would only lead to escalation.", "Geng Shuang", None,
         "China"),
    cite(2, "China says it does not provide arms to either side.", "China", None, "China"),
    cite(3, "“We look forward to cooperation,” Wang added.", "Wang Wenbin", "Foreign Ministry",
         "China"),
    cite(4, "The visit is scheduled for Tuesday.", None),
    cite(5, "Donald Trump said the deal was ‘very good’ for both sides.", "Donald Trump", None,
         "United States"),
]
ALIASES = {x: x for c in SOURCES for x in (c.speaker, c.speaker_org, c.speaker_country) if x}


@pytest.mark.parametrize(("text", "kept", "reason"), [
    ("Geng said sales would “only lead to escalation” [1].", True, None),
    ("Geng said sales would \"Only lead to escalation.\" [1]", True, None),
    ("China’s Geng Shuang criticised sales [1]; China says it arms neither side [2].", True,
     None),
    ("China looks forward to cooperation [3].", True, None),
    ("The U.S. leader Donald Trump called the deal ‘very good’ [5].", True, None),
    ("Geng criticised sales [1, 2].", False, "names Geng Shuang for [2], which China said"),
    ("The visit is on Tuesday, Wang said [4].", False, "names Wang Wenbin for [4], which names "
     "no speaker"),
    ("Geng said “escalation” [1-2].", False, "malformed marker [1-2]"),
    ("Geng said “escalation [1].", False, "unclosed quotation mark"),
    ("Trump called it ‘very bad’ [5].", False, "quote not in the cited sentence: “very bad”"),
    ("Geng said it “lead to escalation and does not provide arms” [1][2].", False,
     "quote not in the cited sentence"),
    ("Arms sales lead to escalation.", False, "no source marker"),
    ("Arms sales lead to escalation [0].", False, "invented marker [0] (only [1]–[5] were "
     "given)"),
])
def test_verify_one_sentence(text: str, kept: bool, reason: str | None) -> None:
    written = verify(text, SOURCES, ALIASES)
    assert bool(written.text) is kept
    assert [d.reason for d in written.dropped] == ([] if reason is None else [written.dropped[0]
                                                   .reason])
    if reason is not None:
        assert written.dropped[0].reason.startswith(reason) and written.dropped[0].text == text


def test_verify_renumbers_and_cites_only_what_is_used() -> None:
    text = "China arms neither side [2].\nChina warned of escalation [1][2]. Nothing here."
    written = verify(text, SOURCES, ALIASES)
    assert written.text == "China arms neither side [1].\nChina warned of escalation [2][1]."
    assert [(c.n, c.sentence_id) for c in written.citations] == [(1, "s2"), (2, "s1")]
    assert [d.reason for d in written.dropped] == ["no source marker"]


def test_sentences_split_after_markers_and_not_at_abbreviations() -> None:
    assert split_sentences("The U.N. envoy spoke [1]. Mr. Geng agreed. [2] Then “yes.” [3]") == [
        "The U.N. envoy spoke [1].", "Mr. Geng agreed. [2]", "Then “yes.” [3]"]


def _squash(text: str) -> str:
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("…", "...")):
        text = text.replace(a, b)
    return " ".join(text.split()).rstrip(".,;:!?")


_SOURCE_TEXTS = [c.text for c in SOURCES]
_NAMES = ["Geng", "Geng Shuang", "China", "Wang", "Wang Wenbin", "Donald Trump", "Trump", "He"]


@st.composite
def fragments(draw: st.DrawFn) -> str:
    """A piece of a written sentence: words, names, quotes (faithful or not), markers."""
    source = draw(st.sampled_from(_SOURCE_TEXTS))
    a = draw(st.integers(0, len(source)))
    b = draw(st.integers(a, len(source)))
    other = draw(st.sampled_from(_SOURCE_TEXTS))
    open_, close = draw(st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("“", "")]))
    return draw(st.one_of(
        st.just(source[a:b]),
        st.just(f"{open_}{source[a:b]}{close}"),
        st.just(f"“{source[a:b]} {other[: len(other) // 2]}”"),
        st.sampled_from(_NAMES).map(lambda n: f"{n} said"),
        st.integers(0, 7).map(lambda n: f"[{n}]"),
        st.sampled_from(["[1, 2]", "[2][3]", "[1-2]", "[note]", ".", ". ", "!", "\n", " ; ",
                         "’s", " 'quote' ", "U.S."]),
        st.text(alphabet="ab .,“”\"'‘’[]1\n", max_size=8),
    ))


@st.composite
def written_sentences(draw: st.DrawFn) -> str:
    """A sentence as a model might write it: a speaker, words or a quote of a source (or a
    corrupted one), markers; mostly faithful, so that much of it is kept."""
    source = draw(st.sampled_from(SOURCES))
    words = [w.strip("“”‘’\"',.") for w in source.text.split()]
    a = draw(st.integers(0, len(words) - 1))
    b = draw(st.integers(a + 1, len(words)))
    said = " ".join(words[a:b])
    who = draw(st.sampled_from([source.speaker or "The report", source.speaker or "It",
                                *_NAMES]))
    body = draw(st.sampled_from([f"said {said}", f"said “{said}”", f'said "{said}"',
                                 f"said “{said} more”", f"said ‘{said}’"]))
    marker = draw(st.sampled_from([f"[{source.n}]", f"[{source.n}]", f"[{source.n}, 4]",
                                   f"[{source.n}][{source.n % 5 + 1}]", "[6]", ""]))
    end = draw(st.sampled_from([".", ".", "!", ";", ""]))
    return f"{who} {body} {marker}{end}"


_TEXTS = st.one_of(
    st.lists(st.tuples(written_sentences(), st.sampled_from([" ", " ", "\n", " Also, "])),
             min_size=1, max_size=5).map(lambda parts: "".join(s + sep for s, sep in parts)),
    st.lists(fragments(), max_size=14).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_shown_text_never_carries_a_failing_marker_or_quote(text: str) -> None:
    written = verify(text, SOURCES, ALIASES)
    m = len(written.citations)
    used = {int(x) for x in re.findall(r"\[(\d+)\]", written.text)}
    assert used == set(range(1, m + 1))  # every marker is a citation, every citation used
    assert [c.n for c in written.citations] == list(range(1, m + 1))
    assert {c.sentence_id for c in written.citations} <= {c.sentence_id for c in SOURCES}
    cited = [_squash(c.text) for c in written.citations]
    for sentence in (s for line in written.text.split("\n") for s in split_sentences(line)):
        spans, closed = quote_spans(sentence)
        assert closed
        for a, b in spans:
            quote = _squash(sentence[a:b])
            assert not quote or any(quote in t or quote[0].swapcase() + quote[1:] in t
                                    for t in cited)
    # What is shown verifies again as it is: nothing more to drop, nothing renumbered.
    assert verify(written.text, written.citations, ALIASES) == Written(
        written.text, written.citations, ())


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SOURCES), st.data())
def test_an_exact_quote_with_its_marker_is_always_kept(source: Citation,
                                                       data: st.DataObject) -> None:
    words = source.text.split()
    a = data.draw(st.integers(0, len(words) - 1))
    b = data.draw(st.integers(a + 1, len(words)))
    quote = " ".join(words[a:b]).strip("“”‘’\",.")
    text = f"{source.speaker or 'The article'} put it as “{quote}” [{source.n}]."
    if not quote or any(mark in quote for mark in "“”‘’\"'"):
        return  # a quote holding quotation marks is not this property's business
    assert verify(text, SOURCES, ALIASES).text == f"{text[: text.rindex('[')]}[1]."
