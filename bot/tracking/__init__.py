"""Tracking: where a claim appeared, and how a speaker's claims ran over time.

`tracks` turns the ledger's claim clusters into `Track` and `Timeline` records;
`questions` reads and answers "Who else said that?", "When did X first say Y?" and the like
with every appearance cited. It may import `bot.answering` and `index`.
"""

from bot.tracking.tracks import Timeline, Track

__all__ = ["Timeline", "Track"]
