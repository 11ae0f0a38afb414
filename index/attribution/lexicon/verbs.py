"""The verbs of attribution and their inflected forms: the one list a tuner edits.

The parser runs without a lemmatizer (see `index.attribution.language`), so verbs are matched
by their inflected forms, generated here once from the lemma lists. Speech verbs ("said",
"criticized") attribute a statement; attitude verbs ("believes", "wants") a stance; finding
verbs ("a poll shows") a document's finding. `bot.asking.questions` reads questions ("What did X
say?") with the same lists, so a verb added here counts in articles and in questions alike.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

CueKind = Literal["speech", "attitude", "finding"]

# Verbs of saying: a subject and a complement make an attribution.
SPEECH_VERBS = frozenset((
    "say", "tell", "add", "state", "claim", "argue", "insist", "assert", "declare", "announce",
    "explain", "note", "write", "tweet", "post", "report", "suggest", "warn", "predict", "promise",
    "pledge", "vow", "deny", "admit", "acknowledge", "concede", "confirm", "reiterate", "repeat",
    "respond", "reply", "answer", "ask", "describe", "characterize", "label", "dub", "accuse",
    "blame", "criticize", "praise", "joke", "quip", "boast", "brag", "complain", "lament", "urge",
    "demand", "recall", "remark", "comment", "observe", "mention", "emphasize", "stress",
    "contend", "maintain", "allege", "charge", "testify", "estimate", "forecast", "speculate",
    "wonder", "shout", "yell", "scream", "chant", "cry", "whisper", "proclaim", "concur",
    "counter", "rebut", "retort", "object", "protest", "apologize", "disclose", "reveal",
    "indicate", "hint", "imply", "conclude", "recount", "caution", "advise", "plead", "beg",
    "request", "propose", "recommend", "threaten", "swear", "guarantee", "assure", "reassure",
    "inform", "quote", "cite", "paraphrase", "reason", "elaborate", "assess", "surmise", "speak",
    "talk", "tout", "brand", "dismiss", "decry", "denounce", "condemn", "applaud", "hail",
    "welcome", "mock", "ridicule", "slam", "blast", "attack", "question", "challenge", "dispute",
    "reject", "defend", "vouch", "signal", "contest", "insinuate", "theorize", "posit", "muse",
    "refer", "continue", "offer", "express", "point", "cast", "name", "deliver", "order", "thank",
    "shoot", "remind", "identify", "list", "discuss", "encourage", "reference", "share",
    "highlight", "remember", "portray", "publish", "assail", "deem", "email", "compare",
    "interject", "credit", "echo", "rebuke", "articulate", "allude", "bemoan", "trumpet",
    "lambaste", "chide", "fault", "lash", "retweet", "scold", "berate", "boom", "snap", "bark",
    "concede", "acknowledge", "single", "rail", "tweet", "relay", "scoff", "sneer", "gush",
    "put", "reaffirm", "congratulate",
    # verbs of judging someone aloud, praise or blame (Levin's "judgment verbs", class 33),
    # and of disowning a statement: PolNeAR annotates them as cues like "criticize"
    "laud", "extol", "commend", "compliment", "castigate", "chastise", "excoriate", "disparage",
    "belittle", "deride", "denigrate", "vilify", "upbraid", "reprimand", "admonish", "censure",
    "lampoon", "disavow", "repudiate", "renounce",
))

# Verbs that report a stance or a mental state; they need a clause, an infinitive or a quote.
ATTITUDE_VERBS = frozenset((
    "think", "believe", "feel", "know", "hope", "fear", "worry", "expect", "want", "wish", "doubt",
    "suspect", "assume", "figure", "reckon", "consider", "see", "view", "regard", "understand",
    "realize", "recognize", "support", "oppose", "favor", "endorse", "prefer", "trust", "accept",
    "decide", "plan", "intend", "seek", "refuse", "decline", "agree", "disagree", "insist", "call",
    "prefer", "vow", "envision", "imagine", "anticipate",
))

# Verbs whose subject is often a document: "a poll shows that", "the study found that"; they
# attribute only a clause.
FINDING_VERBS = frozenset(["show", "find"])

# Forms of "be", as written and as the tokenizer splits them ("it's" -> "it", "'s"): the
# passive ("was cited") and the expletive "it is" ("it's too early to say").
BE_FORMS = frozenset(("is", "'s", "’s", "was", "be", "been", "being", "are", "were", "'re",
                      "’re", "am", "'m", "’m"))

# Irregular past tense and past participle forms; regular ones are generated.
IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "feel": ("felt",), "know": ("knew", "known"), "see": ("saw", "seen"), "seek": ("sought",),
    "speak": ("spoke", "spoken"), "swear": ("swore", "sworn"), "understand": ("understood",),
    "forecast": ("forecast",), "find": ("found",), "show": ("showed", "shown"),
    "mean": ("meant",), "cry": ("cried",), "deny": ("denied",), "reply": ("replied",),
    "imply": ("implied",), "apply": ("applied",), "testify": ("testified",),
    "theorize": ("theorized",), "shoot": ("shot",), "cast": ("cast",), "put": ("put",),
    "identify": ("identified",), "hold": ("held",), "echo": ("echoed", "echoes"),
}
_VOWELS = set("aeiou")
# One-syllable verbs ending consonant-vowel-consonant double it: "plan" -> "planned".
_DOUBLING = frozenset((
    "plan", "stop", "slam", "quip", "beg", "admit", "refer", "prefer", "rebut", "regret", "commit",
    "permit", "submit", "omit", "jab", "rip", "bar", "ban", "dub", "chat", "nod", "blog", "snap",
))



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
    if lemma in IRREGULAR:
        forms.update(IRREGULAR[lemma])
    elif lemma.endswith("e"):
        forms.add(lemma + "d")
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(stem + "ed")
    return forms


@lru_cache(maxsize=1)
def form_table() -> dict[str, tuple[str, CueKind]]:
    """Inflected form -> (lemma, kind), speech winning over attitude on shared lemmas."""
    table: dict[str, tuple[str, CueKind]] = {}
    kinds: tuple[tuple[CueKind, frozenset[str]], ...] = (
        ("finding", FINDING_VERBS), ("attitude", ATTITUDE_VERBS), ("speech", SPEECH_VERBS))
    for kind, lemmas in kinds:
        for lemma in lemmas:
            for form in inflections(lemma):
                table[form] = (lemma, kind)
    return table


# Attitude verbs that questions use as verbs of saying: "What does X think about Y?".
ASKED_ATTITUDES = frozenset(("think", "believe"))


def question_verb_forms() -> frozenset[str]:
    """Every form of the verbs a question may ask with: "What did X say/claim/warn…?"."""
    return frozenset(form for lemma in SPEECH_VERBS | ASKED_ATTITUDES
                     for form in inflections(lemma))
