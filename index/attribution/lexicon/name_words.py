"""Words that are no part of a person's name, around one as news writes it: titles and
peerages before it, descriptors and auxiliaries a capitalised run sweeps in, function words a
title-cased headline capitalises. `index.attribution.identities.people` drops them.
"""

from __future__ import annotations

import re

# Titles written before a name that `roles.TITLES` leaves to nameparser's longer list, plural
# ones included ("Reps. Smith and Jones").
MORE_TITLES = frozenset(("lord", "lady", "sir", "dame", "baroness", "baron", "reps", "sens",
                         "messrs", "mrs", "mr", "ms", "dr", "prof", "rev", "hon", "st"))

# Peerages name a person by title and one word ("Lord Falconer", "Baroness Scotland").
PEERAGE = frozenset(("lord", "lady", "baroness", "baron", "dame", "sir"))

# Words before a name that tell what someone is or where from, beyond `roles.ROLE_NOUNS`: "DJ
# Mike Read", "Labour MSP Christine May", "former Miss Universe Alicia Machado", "Rival Hillary
# Clinton"; prepositions that a capitalised run swept in ("Against Trump").
DESCRIPTORS = frozenset((
    "coordinator", "dj", "mp", "mps", "msp", "msps", "mep", "meps", "am", "qc", "rival", "star",
    "singer", "actor", "actress", "presenter", "coach", "boss", "striker", "chef", "rapper",
    "comedian", "player", "champion", "universe", "media", "press", "fellow", "rivals",
    "advocate", "spokesman", "spokeswoman", "given", "like", "unlike", "including", "following",
    "regarding",
    "against", "beyond", "about", "above", "across", "amid", "among", "around", "behind",
    "between", "inside", "near", "outside", "over", "past", "post", "through", "toward",
    "towards", "under", "upon", "via", "within", "without",
))

# Auxiliaries and common verbs that a capitalised run sweeps in, before or after a name ("Did
# Trump", "Gap Goes On"); the verbs of attribution come from `index.attribution.lexicon.verbs`.
AUXILIARIES = frozenset((
    "did", "does", "do", "has", "had", "was", "were", "is", "are", "can", "could", "would",
    "should", "might", "must", "goes", "gets", "makes", "takes", "comes", "gives",
))

# Adverbs that open a headline or a question before a name ("Maybe Trump Hasn't Rewritten
# Rules", "Newly Released Document Reveals"); only before it: "Dan Rather" ends in one.
LEADING_ADVERBS = frozenset(("maybe", "perhaps", "newly", "probably", "possibly", "surely",
                             "certainly", "only", "just", "even", "already", "soon", "never",
                             "always", "often", "almost"))

# Adverb endings ("Angrily", "Reportedly", "Unfortunately"); plain "-ly" is too common in
# names (Kelly, Daly, Reilly).
ADVERB_ENDING = re.compile(r"(?:[a-z]{3}ily|ously|fully|ively|ently|antly|[a-z]edly|ingly|ably|"
                           r"ibly|[a-z]{3}ally|[a-z]{3}ately)$")

# Titles written short, before a name only: no surname ("Gov Terry McAuliffe").
ABBREVIATED_TITLES = frozenset(("sen", "sens", "rep", "reps", "gov", "gen", "adm", "prof",
                                "lt", "col", "sgt", "capt", "cmdr", "supt", "pres", "atty",
                                "cpl", "maj", "pvt", "spc", "pfc", "brig", "det", "insp"))

# Function words that a title-cased headline capitalises and no name holds after its first
# word ("Win For Bernie", "May Not Have").
FUNCTION_WORDS = frozenset(("the", "a", "an", "for", "not", "no", "with", "from", "by", "to",
                            "and", "or", "but", "if", "as", "at", "in", "on", "is", "are"))
