"""claimtrack's bot: questions, answers, the Python API, the CLI and the web chat."""

from bot.answers import Answer
from bot.chatbot import ClaimBot
from bot.citations import Citation
from bot.errors import BotError, InvalidArgumentError
from index import Hit, IngestReport, Settings

__all__ = [
    "Answer",
    "BotError",
    "Citation",
    "ClaimBot",
    "Hit",
    "IngestReport",
    "InvalidArgumentError",
    "Settings",
]
