"""Cue words that mark an attribution, and the cheap test of which sentences to parse.

The parser runs without a lemmatizer (see `index.attribution.language`), so verbs are matched by
their inflected forms, generated here once from the lemma lists. Speech verbs ("said", "criticized")
attribute a statement; attitude verbs ("believes", "wants") a stance; finding verbs ("a poll shows")
and the verbs of `CLAUSE_ONLY` count only with a clause or a quote (a document's finding also with
an object: "a poll showed Clinton ahead"). Some nouns cue too: "Trump's claim that ...", "in a Fox
News poll, ...". `might_attribute` decides, from the words alone, whether a sentence is worth
parsing: the parser is the slowest step by far.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.attribution.lexicon.roles import GENERIC_SOURCES, ORG_HEADS, ROLE_NOUNS
from index.attribution.lexicon.verbs import IRREGULAR, CueKind, form_table

# Common nouns that head a subject: "the senator believes", "officials want".
SUBJECT_NOUNS = ROLE_NOUNS | GENERIC_SOURCES | ORG_HEADS | frozenset((
    "poll", "survey", "study", "report", "statement", "analysis", "data", "ad", "campaign",
))

# Nouns of documents and counts whose finding verbs attribute an object too: "a poll showed
# Clinton ahead", "the survey found Trump the winner".
DOCUMENT_NOUNS = frozenset((
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis",
    "data", "record", "records", "figures", "numbers", "statistics", "research", "review",
    "footage", "search", "filings", "tallies", "count", "audit", "investigation", "estimates",
    "results", "documents", "emails", "e-mails", "messages", "cables", "transcripts", "average",
))

# Documents whose findings a sentence reports with "in": "in a Fox News poll, Clinton led".
SOURCE_DOCUMENTS = frozenset(("poll", "polls", "survey", "surveys", "study", "analysis"))
_IN_DOCUMENT = re.compile(r"\b[Ii]n (?:a|an|the|this|that|its|their|his|her|our)\b[^.;]{0,60}?"
                          r"\b(?:poll|survey|study|analysis)", re.IGNORECASE)

# Nouns of saying and stance that a named possessor owns: "Trump's claim that ...", "Sanders's
# call for a ban"; their clause or topic phrase is the content.
NOUN_CUES = frozenset((
    "claim", "call", "assertion", "argument", "view", "belief", "promise", "pledge", "warning",
    "suggestion", "proposal", "plan", "decision", "criticism", "accusation", "allegation",
    "insistence", "contention", "demand", "opposition", "support", "vow", "threat", "push",
))
_OWNED_CUE = re.compile(r"[’']s (?:[a-z]+ )?(?:" + "|".join(sorted(NOUN_CUES)) + r")s?\b")

# Cue verbs that attribute only a clause or a quotation, never a plain object: "maintains
# that ..." is a claim, "maintains trade with Russia" is not.
CLAUSE_ONLY = frozenset((
    "maintain", "hold", "observe", "indicate", "signal", "recognize", "realize", "understand",
    "know", "see", "feel", "figure", "expect", "consider", "accept", "trust", "find", "show",
    "reckon", "assume", "suspect", "imagine", "envision", "anticipate", "wonder", "continue",
    "remember", "learn", "deem",
))

# Verbs that attribute only a quotation: "“...,” he continued" is a claim, "the lead continues
# to grow" and "she spoke to reporters" are not.
QUOTE_ONLY = frozenset(["continue"])

# Verbs that attribute only as the verb of an "as" clause: "as Smith put it, ...".
AS_ONLY = frozenset(["put"])

# Speech verbs whose base and -s forms are common nouns ("the state", "a report"): like the
# attitude verbs, they make a sentence worth parsing only after a subject-like word.
NOUN_LIKE = frozenset((
    "state", "claim", "report", "post", "tweet", "comment", "question", "answer", "attack",
    "promise", "pledge", "estimate", "forecast", "charge", "demand", "request", "protest",
    "object", "counter", "quote", "reason", "brand", "signal", "hint", "challenge", "dispute",
    "contest", "talk", "blast", "slam", "praise", "blame", "welcome", "hail", "cry", "chant",
    "shout", "vow", "note", "remark", "stress", "label", "whisper", "joke", "cite", "show",
    "find", "mock", "defend", "reject", "dismiss", "testify", "beg", "plead", "threaten",
    "offer", "order", "list", "name", "share", "credit", "echo", "email", "reference", "cast",
    "point", "highlight", "continue", "deliver", "express", "single", "rail", "boom", "snap",
    "bark", "lash", "rebuke", "compare", "remember", "publish", "identify", "shoot", "relay",
    "compliment", "censure", "reprimand",
))

# Words between a subject and its verb: "Trump has long said", "she doesn't think".
_FILLERS = frozenset((
    "has", "had", "have", "does", "did", "do", "will", "would", "can", "could", "may", "might",
    "must", "should", "not", "also", "still", "never", "just", "long", "again", "then", "now",
    "doesn", "didn", "don", "isn", "wasn", "won", "t", "is", "was", "are", "were", "be", "been",
))
_SUBJECT_WORDS = frozenset(("he", "she", "they", "we", "i", "who", "it", "you", "which"))

# Phrasal cues "point out", "call for", "shoot back": particle after a verb of the lists above.
PARTICLES = frozenset(["out", "for", "on", "back", "up", "to"])

# Words before "to" that make a source phrase: "according to X", "in the words of X".
SOURCE_PREPOSITIONS = frozenset({"according"})

def cue_of(word: str) -> tuple[str, CueKind] | None:
    """Look up a word as a cue verb.

    Args:
        word: A token as written; matched lowercase.

    Returns:
        ``(lemma, kind)`` with kind "speech", "attitude" or "finding", or None when it is no
        cue verb.
    """
    return form_table().get(word.lower())


def may_cue(word: str) -> bool:
    """Cheap test on one token of a parsed sentence: can it open any attribution (a cue verb
    form, a cue noun, "according", or "in" before a poll)? Every other token is skipped.

    Args:
        word: A token as written.

    Returns:
        False only when no attribution can start at this token.
    """
    lower = word.lower()
    return (lower in form_table() or lower.rstrip("s") in NOUN_CUES
            or lower in SOURCE_PREPOSITIONS or lower == "in")


@lru_cache(maxsize=1)
def _strong_forms() -> frozenset[str]:
    """Forms that alone make a sentence worth parsing: speech verbs, except the base and -s
    forms of those that double as nouns."""
    strong = set()
    for form, (lemma, kind) in form_table().items():
        weak = lemma in NOUN_LIKE and (form == lemma or not form.endswith(("ed", "ing", "d")))
        if kind == "speech" and not weak and lemma not in AS_ONLY:
            strong.add(form)
    strong.update(IRREGULAR["say"] + IRREGULAR["tell"] + IRREGULAR["write"])
    strong.update(("called", "calling"))  # "... and has called for", "calling them “...”"
    return frozenset(strong)


_WORD = re.compile(r"[A-Za-z]+")


def _after_subject(words: list[str], i: int) -> bool:
    """True when the word before position i, past auxiliaries and adverbs, can be a subject."""
    j = i - 1
    while j >= 0 and (words[j].lower() in _FILLERS or words[j].endswith("ly")) and i - j <= 4:
        j -= 1
    if j < 0:
        return False
    word = words[j]
    bare = word.lower()
    return (word[0].isupper() or bare in _SUBJECT_WORDS or bare in SUBJECT_NOUNS
            or bare.rstrip("s") in SUBJECT_NOUNS)


def _after_document(words: list[str], i: int) -> bool:
    """True when a document noun comes a few words before position i ("a CNN/ORC poll last
    month showed")."""
    return any(w.lower() in DOCUMENT_NOUNS for w in words[max(0, i - 6) : i])


# A colon that can attribute: within a name-sized label's reach of the start ("Trump:", "Sen.
# Ted Cruz (R-Tex.):"), or right before a quotation ("Trump went further: “...”").
_LABEL_COLON = re.compile(r"^\W*(?:[^\s:]+\s+){0,7}[^\s:]*:")
_QUOTE_COLON = re.compile(r":\s*[\"“‘']")


def has_colon_cue(sentence: str) -> bool:
    """Cheap test: does the sentence have a colon that may attribute (a label near its start
    or a colon before a quotation)?

    Args:
        sentence: Sentence text.

    Returns:
        Whether a parse could find a colon attribution.
    """
    return ":" in sentence and bool(
        _LABEL_COLON.match(sentence) or _QUOTE_COLON.search(sentence))


def might_attribute(sentence: str) -> bool:
    """Cheap test, before any parsing: could the sentence hold an attribution of its own?

    Args:
        sentence: Sentence text.

    Returns:
        True when it has a speech verb, a stance verb right after a subject-like word ("Trump
        believes", "officials have long wanted") or before "that", "according to", "in a ...
        poll", or a cue noun after a possessive ("Trump's claim"). Colons are
        `has_colon_cue`'s, which reads the sentence with its quotation marks.
    """
    if "ccording to" in sentence or _IN_DOCUMENT.search(sentence) or _OWNED_CUE.search(sentence):
        return True
    words = _WORD.findall(sentence)
    forms, strong = form_table(), _strong_forms()
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in forms and (lower in strong or _after_subject(words, i) or (
                forms[lower][1] == "finding" and _after_document(words, i))
                or (i + 1 < len(words) and words[i + 1] == "that")):
            return True
    return False
