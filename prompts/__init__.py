"""Prompt templates, one per file (``answer.txt``, ``followup.txt``), and their one loader.

A file holds a ``[system]`` section (the instructions) and a ``[user]`` section (what is asked
of the model), with ``{name}`` placeholders. `load` fills them in one pass, so a value that
itself contains ``{...}`` (an article sentence, say) is never expanded, and it refuses a file
whose placeholders differ from the values given: a renamed placeholder fails at once instead
of sending the model a prompt with a hole in it. Nothing here calls a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.errors import PromptError

FOLDER = Path(__file__).resolve().parent
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_SECTION = re.compile(r"^\[(system|user)\]\n", re.MULTILINE)


@dataclass(frozen=True)
class Prompt:
    """A filled-in prompt: the system message and the user message."""

    system: str
    user: str


def load(name: str, **values: str) -> Prompt:
    """The prompt ``prompts/<name>.txt`` with its placeholders filled in.

    Args:
        name: The file's name without ``.txt``, e.g. ``"answer"``.
        **values: One value per placeholder of the file, no more and no fewer.

    Returns:
        The system and user messages.

    Raises:
        PromptError: The file is missing or lacks a section, or its placeholders are not
            exactly the names of `values`.
    """
    path = FOLDER / f"{name}.txt"
    if not path.is_file():
        raise PromptError(f"no prompt {name!r}: expected the file {path}")
    template = path.read_text(encoding="utf-8")
    parts = _SECTION.split(template)
    sections = dict(zip(parts[1::2], parts[2::2], strict=True))
    if set(sections) != {"system", "user"} or parts[0].strip():
        raise PromptError(f"{path} must hold a [system] and a [user] section and nothing else")
    wanted = set(_PLACEHOLDER.findall(template))
    if wanted != set(values):
        missing, extra = sorted(wanted - set(values)), sorted(set(values) - wanted)
        raise PromptError(f"{path}: placeholders missing values {missing}, values without a "
                          f"placeholder {extra}; make the file and the code agree")
    return Prompt(*(_PLACEHOLDER.sub(lambda m: values[m[1]], sections[part]).strip()
                    for part in ("system", "user")))
