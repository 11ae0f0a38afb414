"""Word lists that attribution shares: the verbs of attribution (`verbs`), role nouns, titles
and organisation heads (`roles`), and country names (`gazetteer`). They import no spaCy, so
`bot` may read them.
"""

from index.attribution.lexicon.gazetteer import country_of, is_demonym
from index.attribution.lexicon.verbs import question_verb_forms

__all__ = ["country_of", "is_demonym", "question_verb_forms"]
