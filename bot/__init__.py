"""claimtrack's bot: questions, answers, the Python API, the CLI and the web chat."""

from bot.answering.answers import Answer
from bot.answering.citations import Citation
from bot.claimbot import ClaimBot
from bot.errors import BotError, InvalidArgumentError, ModelUnavailableError, UnknownArticleError
from bot.settings import Settings
from bot.writing.verification import Dropped, Written
from index import Hit, IngestReport

__all__ = [
    "Answer",
    "BotError",
    "Citation",
    "ClaimBot",
    "Dropped",
    "Hit",
    "IngestReport",
    "InvalidArgumentError",
    "ModelUnavailableError",
    "Settings",
    "UnknownArticleError",
    "Written",
]
