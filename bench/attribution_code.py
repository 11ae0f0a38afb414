"""A `spacy train --code` hook: the trained pipeline gets the product's tokenizer and norms.

The sourced tok2vec embeds each token's NORM, which en_core_web_sm computes with its
``lexeme_norm`` table (’ → ', "cause" → "because" ...); a blank English pipeline has no such
table, so without this copy the sourced weights would see other norms than they learnt.
The tokenizer is the product's (`index.attribution.language.load_nlp`, which splits glued
closing quotes), so that training and run time cut words alike.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy

from index.attribution.language import load_nlp


@spacy.registry.callbacks("claimtrack.product_tokenizer.v1")
def product_tokenizer():
    """Before initialisation: copy the product pipeline's norms table and tokenizer rules."""

    def before_init(nlp):
        product = load_nlp()
        nlp.vocab.lookups.set_table("lexeme_norm",
                                    product.vocab.lookups.get_table("lexeme_norm"))
        nlp.tokenizer.from_bytes(product.tokenizer.to_bytes())
        return nlp

    return before_init
