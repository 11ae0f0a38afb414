"""Subjects of cues in a parsed sentence: who speaks, where the parser misplaced them.

The small English model often attaches a speaker elsewhere in news copy ("“...,” said Army
Capt. Christian Pardo" with two subjects, "“...,” Gene Sperling, a top adviser, said" with
the name tied to the quotation). `subject_of` reads the parse, climbing from participles and
infinitives to the governing clause; the other functions look for the speaker next to the
cue when the parse gave it none.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.attribution.language import Token
from index.attribution.lexicon.roles import POST_NOMINALS
from index.attribution.lexicon.verbs import BE_FORMS
from index.attribution.sentences.clauses import SUBJECT_DEPS, in_quote

# Dependencies through which a cue without a subject takes its clause's subject:
# "X criticized ..., saying", "X was cited as saying", "X wants to say".
_CLIMB = frozenset({"advcl", "xcomp", "conj", "pcomp", "pobj", "prep", "acomp"})


def subject_of(cue: Token, quotes: Sequence[tuple[int, int]] = ()
               ) -> tuple[Token | None, bool]:
    """The subject of a cue, climbing to its governing clause when it has none itself.

    Args:
        cue: The cue verb ("saying" in "X criticized ..., saying ...").
        quotes: Quoted stretches of the sentence; a subject inside one is the quotation's
            own ("“My apologies,” Jones said" parsed with two subjects of "said").

    Returns:
        (subject token or None, passive) where passive tells a passive subject ("was cited").
    """
    verb: Token = cue
    quoted = list(quotes)
    for _ in range(4):
        subjects = [c for c in verb.children
                    if c.dep_ in SUBJECT_DEPS and not in_quote(c, quoted)]
        if subjects:
            child = _inverted_choice(verb, subjects)
            if verb is not cue and child.lower_ == "it" and verb.lower_ in BE_FORMS:
                return None, False  # "it's too early to discuss": "it" speaks for no one
            # "He was advised to ... and said ...": a passive clause's subject is the agent
            # of an active verb conjoined to it
            conjoined = cue.dep_ == "conj" and verb.i == cue.head.i and not _passive_verb(cue)
            return _past_hyphen(_named_before(child)), child.dep_ == "nsubjpass" and not conjoined
        if verb.dep_ == "relcl" and verb.head.tag_.startswith("N"):
            return None, False  # "a point Geng reiterated" has its own nsubj, else none
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i == cue.i and _verbless(verb.head):
            return verb.head, False  # "Beruff, a Scott ally, called ...": a past tense misread
        if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.tag_ == "VBG":
            if _plural_doers(verb.head):
                return None, False  # "Obama had an array of artists writing songs": they do
            verb = verb.head.head  # "X issued a statement saying": its issuer speaks
            continue
        if verb.dep_ not in _CLIMB or verb.head is verb:
            return None, False
        verb = verb.head
    return None, False


def _plural_doers(noun: Token) -> bool:
    """A plural noun, or "an array of" one, which an -ing clause on it tells the acts of."""
    nouns = [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj")]
    return any(n.tag_ in ("NNS", "NNPS") for n in nouns)


def _passive_verb(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def _named_before(subject: Token) -> Token:
    """The name before a comma when the parser took the letters after it for the subject
    ("Judge Richard Mawrey, QC told the hearing ...")."""
    doc = subject.doc
    if subject.text in POST_NOMINALS and subject.i >= 2 and doc[subject.i - 1].text == "," \
            and doc[subject.i - 2].tag_ == "NNP":
        return doc[subject.i - 2]
    return subject


def _inverted_choice(verb: Token, subjects: list[Token]) -> Token:
    """Of a verb's several subjects, the speaker after a cue that follows a comma or a
    quotation ("The rejection signals ..., said Geert Wilders"; "said Army Capt. Christian
    Pardo" parsed with "Capt" and "Pardo" both subjects); otherwise the first."""
    first = subjects[0]
    if len(subjects) == 1:
        return first
    after = [c for c in subjects if c.i > verb.i]
    before = next((t for t in reversed(verb.doc[: verb.i]) if not t.is_space), None)
    if after and before is not None and (before.text == "," or before.is_quote):
        return after[-1]
    for other in subjects[1:]:
        # "A former candidate -- John McCain, who ... -- said": an apposition read as a subject
        between = verb.doc[first.right_edge.i + 1 : other.left_edge.i]
        if first.tag_ in ("NN", "NNS") and other.tag_ in ("NNP", "NNPS") and all(
                t.is_punct for t in between):
            return other
        # "..., OH, after winning Ohio in the primary, Gov. John Kasich (R-OH), said": a
        # clause between them, the name right before the verb speaks
        close = all(t.is_punct for t in verb.doc[other.right_edge.i + 1 : verb.i])
        if other.i < verb.i and other.tag_ == "NNP" and close and any(
                t.tag_.startswith("VB") for t in between):
            return other
    return first


def _verbless(noun: Token) -> bool:
    """A noun that heads its sentence, or is the subject of a noun, because the parser found
    no main verb."""
    return noun.tag_.startswith("NN") and (noun.dep_ == "ROOT" or (
        noun.dep_ == "nsubj" and not noun.head.tag_.startswith("VB")))


def adjacent_subject(cue: Token, quotes: list[tuple[int, int]]) -> Token | None:
    """A name or pronoun right before a cue the parser left without a subject
    ("“Go back,” Trump barked" parsed with "Trump" as a compound).

    Args:
        cue: The cue verb.
        quotes: Quoted stretches of the sentence as character spans.

    Returns:
        The token before the cue, or None when it cannot be a speaker.
    """
    if cue.i == 0:
        return None
    before = cue.doc[cue.i - 1]
    if in_quote(before, quotes) or before.dep_.startswith("nsubj"):
        return None
    if before.tag_ in ("NNP", "NNPS") or before.lower_ in ("he", "she", "they", "we", "i"):
        return before
    if cue.dep_ == "ROOT" and before.tag_ in ("NN", "NNS") and before.dep_ in ("appos", "conj"):
        return before  # "In an interview with X, the candidate stated": read as X's apposition
    return None


def inverted_subject(cue: Token, quotes: list[tuple[int, int]]) -> Token | None:
    """The name right after a cue that closes a quotation: "“...,” said James Acton".

    Args:
        cue: The cue verb.
        quotes: Quoted stretches of the sentence as character spans.

    Returns:
        The head of the first proper name after the cue, or None.
    """
    after = cue.doc[cue.i + 1 : cue.i + 6]
    if cue.i == 0 or (not cue.doc[cue.i - 1].is_quote and cue.doc[cue.i - 1].text != ","):
        return None
    names = [t for t in after if t.tag_ in ("NNP", "NNPS") and not in_quote(t, quotes)]
    if not names or any(t.tag_ == "IN" for t in cue.doc[cue.i + 1 : names[0].i]):
        return None  # "said at a recent POLITICO event": a place, no speaker
    head = _past_hyphen(_compound_head(names[0]))
    if head.dep_ == "poss" or (head.dep_.startswith("nsubj") and head.head.i != cue.i):
        return None  # "called Trump's statements ...", "said Mr. Trump was ...": no speaker
    return head


def _compound_head(token: Token) -> Token:
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


_NOUN_TAGS = frozenset(("NN", "NNP", "NNPS"))


def _past_hyphen(subject: Token) -> Token:
    """The name a hyphenated role word hides from the parser: in "Blaze co-host Stu
    Burguiere" it cuts "co-host" and makes "co" the head; the name that ends the nouns after
    the hyphen is the speaker. Any other subject is returned as it is.

    Args:
        subject: A subject token.

    Returns:
        The name's last word, or `subject`.
    """
    doc = subject.doc
    i = subject.i
    if subject.tag_ in ("NNP", "NNPS") or i + 2 >= len(doc) or doc[i + 1].text != "-" \
            or subject.whitespace_ or doc[i + 1].whitespace_:
        return subject
    end = i + 2
    while end < min(len(doc), i + 7) and doc[end].tag_ in _NOUN_TAGS:
        end += 1
    last = doc[end - 1]
    return last if end - 1 > i + 2 and last.tag_ in ("NNP", "NNPS") else subject


def apposed_subject(cue: Token, quotes: list[tuple[int, int]]) -> Token | None:
    """The name between a quotation and its cue, set off by an apposition the parser tied to
    the quotation ("“...,” Gene Sperling, a top Clinton adviser, said").

    Args:
        cue: The cue verb.
        quotes: Quoted stretches of the sentence as character spans.

    Returns:
        The last word of the name, or None when the words before the cue are not so shaped.
    """
    doc = cue.doc
    if cue.i < 3 or doc[cue.i - 1].text != ",":
        return None
    mark = next((t for t in reversed(doc[: cue.i]) if t.is_quote), None)
    if mark is None or not any(b == mark.idx + 1 for _, b in quotes):
        return None  # no closing quotation mark
    name = mark.i + 1
    while doc[name].tag_ in ("NNP", "NNPS") and not in_quote(doc[name], quotes):
        name += 1
    if name == mark.i + 1 or doc[name].text != ",":
        return None
    return doc[name - 1]
