"""Asking: reading a question into what to search, for whom, when and where — or why not.

`questions` parses a question (speaker phrase, topic, dates, outlet) against a `vocabulary`
of the ledger's speakers, outlets and dates; `speakers` ranks who a speaker phrase means
(alias, full name, surname, `roles` holder or institution); `dates` reads date expressions
(dateparser), `outlets` outlet names, `languages` the question's language (lingua);
`declines` says why a question gets no search. It may import `index`, never the other
sub-packages of `bot`.
"""

from bot.asking.questions import Question, parse
from bot.asking.vocabulary import Vocabulary

__all__ = ["Question", "Vocabulary", "parse"]
