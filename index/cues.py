"""Cue words that mark an attribution: speech, attitude and action verbs and cue phrases.

The parser runs without a lemmatizer (see `index.language`), so verbs are matched by their
inflected forms, generated here once from the lemma lists. Each cue has a strength: speech
verbs ("said") almost always attribute a statement; attitude verbs ("believes") and action
verbs ("criticized") attribute a stance only when they take a clause or a quote.
"""

from __future__ import annotations

from functools import lru_cache

# Verbs of saying: a subject and a complement make an attribution.
SPEECH_VERBS = frozenset("""
say tell add state claim argue insist assert declare announce explain note write tweet post
report suggest warn predict promise pledge vow deny admit acknowledge concede confirm reiterate
repeat respond reply answer ask describe characterize label dub accuse blame criticize praise
joke quip boast brag complain lament urge demand recall remark comment observe mention
emphasize stress contend maintain allege charge testify estimate forecast speculate wonder
shout yell scream chant cry whisper proclaim concur counter rebut retort object protest
apologize disclose reveal indicate hint imply conclude recount caution advise plead beg
request propose recommend threaten swear guarantee assure reassure inform quote cite
paraphrase reason elaborate assess surmise speak talk tout brand dismiss decry denounce
condemn applaud hail welcome mock ridicule slam blast attack question challenge dispute
reject defend vouch signal contest insinuate theorize posit muse
""".split())

# Verbs that report a stance or a mental state; they need a clause, an infinitive or a quote.
ATTITUDE_VERBS = frozenset("""
think believe feel know hope fear worry expect want wish doubt suspect assume figure reckon
consider see view regard understand realize recognize support oppose favor endorse prefer
trust accept decide plan intend seek refuse decline agree disagree insist call prefer vow
envision imagine anticipate
""".split())

# Nouns and verbs whose subject is a document, not a person: "a poll shows", "the study found".
FINDING_VERBS = frozenset("show find reveal indicate suggest conclude".split())

# Phrasal cues "point out", "call for", "shoot back": particle after a verb of the lists above.
PARTICLES = frozenset("out for on back up".split())

# Words before "to" that make a source phrase: "according to X", "in the words of X".
SOURCE_PREPOSITIONS = frozenset({"according"})

# Irregular past tense and past participle forms; regular ones are generated.
_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "feel": ("felt",), "know": ("knew", "known"), "see": ("saw", "seen"), "seek": ("sought",),
    "speak": ("spoke", "spoken"), "swear": ("swore", "sworn"), "understand": ("understood",),
    "forecast": ("forecast",), "find": ("found",), "show": ("showed", "shown"),
    "mean": ("meant",), "cry": ("cried",), "deny": ("denied",), "reply": ("replied",),
    "imply": ("implied",), "apply": ("applied",), "testify": ("testified",),
    "theorize": ("theorized",),
}
_VOWELS = set("aeiou")
# One-syllable verbs ending consonant-vowel-consonant double it: "plan" -> "planned".
_DOUBLING = frozenset("plan stop slam quip beg".split())


def inflections(lemma: str) -> set[str]:
    """The base, third-person, past and -ing forms of a regular or listed irregular verb.

    Args:
        lemma: The verb's base form, lowercase.

    Returns:
        All forms, including `lemma` itself.
    """
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    stem = lemma + lemma[-1] if lemma in _DOUBLING else lemma
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye")):
        forms.add(lemma[:-1] + "ing")
    else:
        forms.add(stem + "ing")
    if lemma in _IRREGULAR:
        forms.update(_IRREGULAR[lemma])
    elif lemma.endswith("e"):
        forms.add(lemma + "d")
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(stem + "ed")
    return forms


@lru_cache(maxsize=1)
def _form_table() -> dict[str, tuple[str, str]]:
    """Inflected form -> (lemma, kind), speech winning over attitude on shared lemmas."""
    table: dict[str, tuple[str, str]] = {}
    for kind, lemmas in (("attitude", ATTITUDE_VERBS), ("speech", SPEECH_VERBS)):
        for lemma in lemmas:
            for form in inflections(lemma):
                table[form] = (lemma, kind)
    return table


def cue_of(word: str) -> tuple[str, str] | None:
    """Look up a word as a cue verb.

    Args:
        word: A token as written; matched lowercase.

    Returns:
        ``(lemma, kind)`` with kind "speech" or "attitude", or None when it is no cue verb.
    """
    return _form_table().get(word.lower())


def cue_forms() -> frozenset[str]:
    """All inflected cue forms, lowercase; a cheap filter for sentences worth parsing."""
    return frozenset(_form_table())
