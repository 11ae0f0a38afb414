"""Answering: extractive answers, every statement cited to a stored sentence.

`answers` composes an `Answer` from hits (or a decline); `citations` are its numbered
pointers to exact sentences; `lookup` runs the search a read question asks for. It may
import `bot.asking` and `bot.writing.verification` (an answer carries its checked written
part), never the chat model.
"""

from bot.answering.answers import Answer
from bot.answering.citations import Citation

__all__ = ["Answer", "Citation"]
