"""Whether an article's headline is a claim, and whose: "Blair stresses prosperity goals"
is Tony Blair's when the body attributes to him, "Storm damage 'below $5bn'" is the claim of
whoever the body quotes saying so, and "Tory leader quits legal position" reports no statement.

`settle_headline` runs over an article's claims once extraction (rules and span tagger) is
done: a headline gets its speaker from the body, never from its own first noun, since a
headline's grammar ("Storm damage 'below $5bn'") hides who speaks. Parsing title-case
headlines for their cue is `index.attribution.sentences.headlines`' part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from index.attribution.articles.confidence import Evidence, confidence_of
from index.attribution.sentences.cues import AS_ONLY, QUOTE_ONLY, cue_of
from index.attribution.speakers.names import is_title_case
from index.records import Claim, ClaimForm, Sentence

__all__ = ["HeadlineClaim", "headline_quotes", "headline_sentence", "settle_headline"]


# A headline's quotation: double or curly quotes, or BBC-style straight single quotes
# ("Storm damage 'below $5bn'"), opened at the start or after a space, closed before a space,
# punctuation or the end ("world's" inside one does not close it).
_HEADLINE_QUOTE = re.compile(
    r"(?:^|(?<=[\s(]))(?:[\"“](?P<d>[^\"”]+)[\"”]|['‘](?P<s>.+?)['’])(?=[\s,.;:!?)…]|$)")
_WORD = re.compile(r"[^\W_](?:[\w'’&$-]|\.(?=\w))*")  # "U.S", "vote-rig", "Says" of "Says."
_SENTENCE_END = re.compile(r"[.!?][\"”'’)]*$")
# Words too common to tell two statements apart.
_COMMON = frozenset(
    "the a an and or but of to in on at by for from with over as is are was be been has have "
    "had will would could should may might must not no it its this that these those their his "
    "her they he she we you our us new says said say after before more than into about".split())


@dataclass(frozen=True)
class HeadlineClaim:
    """A headline's claim, with how its speaker was found.

    Attributes:
        claim: The claim on the headline sentence.
        evidence: For its confidence (`index.attribution.articles.confidence`).
    """

    claim: Claim
    evidence: Evidence


def headline_sentence(text: str, sentences: Sequence[Sentence]) -> Sentence | None:
    """The article's headline: a first sentence alone on the first line, set apart from more
    text, that does not end like a sentence (BBC) or is in title case (PolNeAR).

    Args:
        text: The article text.
        sentences: Its sentences, in order.

    Returns:
        The headline sentence, or None when the article opens with body text.
    """
    if len(sentences) < 2 or sentences[1].line == sentences[0].line:
        return None
    first = sentences[0]
    words = _WORD.findall(first.text)
    if not words or len(words) > 20 or first.line != _first_line(text):
        return None
    if _SENTENCE_END.search(first.text.rstrip()) and not is_title_case(first.text):
        return None
    return first


def _first_line(text: str) -> int:
    """1-based number of the first non-empty line."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            return n
    return 0


def _stems(text: str) -> set[str]:
    """Content words, cut to five letters so that "frozen"/"freeze" stay apart but
    "policing"/"police" and "plans"/"planned" meet."""
    return {w.lower().strip(".'’")[:5] for w in _WORD.findall(text)
            if w.lower().strip(".'’") not in _COMMON and len(w.strip(".'’")) > 1}


def headline_quotes(text: str) -> list[str]:
    """The quoted stretches of a headline, without their marks.

    Args:
        text: The headline.

    Returns:
        Each quotation's words, in order.
    """
    return [m.group("d") or m.group("s") for m in _HEADLINE_QUOTE.finditer(text)]


def settle_headline(text: str, sentences: Sequence[Sentence], claims: list[Claim],
                    evidence: dict[str, Evidence]) -> tuple[list[Claim], dict[str, Evidence]]:
    """Make the headline a claim only when it reports a statement, with the body's speaker.

    A headline reports a statement with a cue ("Blair stresses ...", "..., Brown says"), a
    colon ("Blair: we will win") or a quotation ("Storm damage 'below $5bn'"). Its speaker is
    the body's: the body claim by the person the headline names, else the body claim that
    carries the same quotation or, for a quotation of several words, the most similar one;
    with none, the headline is no claim. Its first noun is never a speaker of its own.

    Args:
        text: The article text.
        sentences: Its sentences, in order.
        claims: The claims found so far, in sentence order.
        evidence: Their evidence by sentence id.

    Returns:
        The claims and evidence with the headline's settled.
    """
    head = headline_sentence(text, sentences)
    if head is None:
        return claims, evidence
    own = next((c for c in claims if c.sentence_id == head.id), None)
    body = [c for c in claims if c.sentence_id != head.id and c.speaker]
    named_in_body = " ".join(s.text for s in sentences[1:])
    settled = _settled(head, own, evidence.get(head.id), body, named_in_body)
    kept = [c for c in claims if c.sentence_id != head.id]
    found = {k: v for k, v in evidence.items() if k != head.id}
    if settled is None:
        return kept, found
    found[head.id] = settled.evidence
    return [settled.claim, *kept], found


def _settled(head: Sentence, own: Claim | None, own_evidence: Evidence | None,
             body: list[Claim], body_text: str) -> HeadlineClaim | None:
    """The headline's claim, or None when it reports no statement the body attributes."""
    subject, cue, cue_kind = _headline_speaker(head.text)
    quotes = headline_quotes(head.text)
    named = [b for b in body if _names(subject, b)] if subject else []
    # The person the headline names, saying the quoted words ("Howard attacks 'pay later'
    # Budget"); else whoever the body quotes saying several of them ("Renault boss hails
    # 'great year'" is the chairman's), else the person named; a one-word quotation
    # ("rebuts 'charade' claims") may be the other side's.
    quoting = _same_quotation(quotes, named, several=False) or _same_quotation(quotes, body)
    best = quoting or _most_similar(head.text, named, 0.0) or (named[0] if named else None)
    if best is not None and best in named:
        return _from_body(head, best, "headline", cue, cue_kind, " ".join(subject))
    if best is None and subject and own is not None and own.speaker and own_evidence and \
            _mentioned(subject, own.speaker, body_text):
        # the body names the headline's speaker, though not as saying this: the rules' own
        # reading of the headline stands ("..., Lindsey Graham Says")
        evidence = replace(own_evidence, origin="headline-own")
        return HeadlineClaim(replace(own, confidence=confidence_of(evidence)), evidence)
    if best is None and quotes:
        # a title-case headline quotes names of works ("Ava DuVernay's '13th' ...")
        best = None if is_title_case(head.text) else _same_quotation(quotes, body, False)
        if best is None and any(len(_stems(q)) > 1 for q in quotes):
            best = _most_similar(head.text, body, 0.5)
    return _from_body(head, best, "headline-body", cue, cue_kind, None) if best else None


def _headline_speaker(text: str) -> tuple[list[str], str | None, str | None]:
    """The capitalised words naming who speaks in the headline, its cue and the cue's kind:
    a name before a colon, before a cue verb ("Blair stresses ..."), or after a closing one
    ("..., Brown says", "... says HP"). Empty when the headline has no cue of its own."""
    before, colon, _ = text.partition(":")
    if colon and 0 < len(_WORD.findall(before)) <= 6:
        return _capitalised(_WORD.findall(before)), ":", "colon"
    words = _WORD.findall(text)
    for i, word in enumerate(words[1:], 1):
        found = cue_of(word)
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if found is None or (word[:1].isupper() and not is_title_case(text)) or \
                word.endswith(("ing", "ed")):
            continue
        stance = found[1] == "attitude" and (
            (found[0] in _REFUSALS and after == "to") or bool(headline_quotes(text)))
        if found[0] in AS_ONLY or found[0] in QUOTE_ONLY or not (found[1] == "speech" or stance):
            continue
        subject = _cue_subject(text, words, i)
        if subject is not None:
            return _capitalised(subject), word, found[1]
    return [], None, None


def _cue_subject(text: str, words: list[str], i: int) -> list[str] | None:
    """The words naming who speaks with the cue at `words[i]`: the capitalised words after a
    closing cue ("... says HP"), the words after the last comma before a final one ("...,
    Brown says"), or the name right before it ("Ferguson urges ..."); None for a word that
    is a noun here ("Real in talks over ...", "rush for Jet Airways shares")."""
    rest = words[i + 1 :]
    if rest and all(w[:1].isupper() for w in rest) and len(rest) <= 3:
        return rest
    if not rest:
        before = text[: text.rfind(words[i])]
        return _WORD.findall(before.rsplit(",", 1)[1])[-3:] if "," in before else None
    if i <= _SUBJECT_WORDS and words[i - 1][:1].isupper():
        return words[:i]
    return None  # "... Over Police Shooting Comments": a noun, far from any subject


def _capitalised(words: list[str]) -> list[str]:
    return [w for w in words if w[:1].isupper() and w.lower() not in _COMMON]


def _names(subject: list[str], claim: Claim) -> bool:
    """Whether the headline's name words name the claim's speaker ("Blair" → "Tony Blair")
    or the speaker's organisation ("Lib Dems predict ..." → their spokesman)."""
    said = {w.lower().strip(".'’") for w in subject} - {"mr", "mrs", "ms", "party"}
    names = f"{claim.speaker or ''} {claim.speaker_org or ''}"
    return bool(said & {w.lower() for w in _WORD.findall(names) if w[:1].isupper()})


def _mentioned(subject: list[str], speaker: str, text: str) -> bool:
    """Whether the speaker read from the headline's name words ends in one of them, and the
    body text has that word."""
    last = _WORD.findall(speaker)[-1:]
    return bool(last) and last[0] in subject and last[0] in set(_WORD.findall(text))


def _same_quotation(quotes: list[str], body: list[Claim], several: bool = True
                    ) -> Claim | None:
    """The first body claim carrying the headline's quotation: most of its words when it has
    several; with `several` False also a one-word quotation, found inside a short quotation
    ("described as 'idle speculation'"), not a word picked from a long quote."""
    for claim in body:
        said = claim.text or ""
        for quote in quotes:
            words = _stems(quote)
            if len(words) > 1 and 3 * len(words & _stems(said)) >= 2 * len(words):
                return claim
            short = [q for q in headline_quotes(said) + _DOUBLE_QUOTED.findall(said)
                     if len(q.split()) <= 4]
            if not several and len(words) == 1 and any(words <= _stems(q) for q in short):
                return claim
    return None


def _most_similar(text: str, body: list[Claim], least: float) -> Claim | None:
    """The first body claim sharing the largest share of the headline's content words, if
    that share is at least `least` and two words at least."""
    words = _stems(text)
    best, share = None, least
    for claim in body:
        common = words & _stems(claim.text or "")
        if len(common) >= 2 and len(common) / max(1, len(words)) >= share and (
                best is None or len(common) / len(words) > share):
            best, share = claim, len(common) / len(words)
    return best


def _from_body(head: Sentence, body: Claim, origin: str, cue: str | None,
               cue_kind: str | None, mention: str | None) -> HeadlineClaim:
    """The headline as a claim by the body claim's speaker."""
    form: ClaimForm = "direct" if headline_quotes(head.text) else "indirect"
    claim = Claim(
        sentence_id=head.id, article=head.article, line=head.line, start=head.start,
        end=head.end, speaker=body.speaker, speaker_mention=mention, cue=cue, kind=form,
        speaker_role=body.speaker_role, speaker_org=body.speaker_org,
        speaker_country=body.speaker_country, text=head.text)
    evidence = Evidence(origin, cue_kind, form, "name" if mention else None,
                        _kind_of(body)).speaking(body.speaker)
    return HeadlineClaim(replace(claim, confidence=confidence_of(evidence)), evidence)


def _kind_of(claim: Claim) -> str | None:
    """The speaker's kind as a claim record tells it."""
    if claim.speaker_org and claim.speaker == claim.speaker_org:
        return "org"
    if claim.speaker_country and claim.speaker == claim.speaker_country:
        return "country"
    return "person"


# Refusals report what someone said ("Cole refuses to blame van Persie"), and so does a
# stance with quoted words ("Obama Sees 'Personal Insult' ..."); other stances with "to"
# in a headline are plans and acts ("agree to pay cut", "seeks to boost").
_REFUSALS = frozenset({"refuse"})
# Words a headline's speaker takes before its cue at most ("Deputy PM John Prescott").
_SUBJECT_WORDS = 5
_DOUBLE_QUOTED = re.compile(r"[\"“]([^\"”]+)[\"”]")
