"""Tests of index.attribution.articles.confidence: the shipped weights, what they say about kinds of
evidence, and that every extracted claim carries the confidence of its own evidence."""

from __future__ import annotations

import json
import math
from dataclasses import fields
from pathlib import Path

import pytest
from conftest import sentences_of

from index.attribution.articles.confidence import (
    WEIGHTS,
    Evidence,
    confidence_of,
    load_weights,
    tagger_evidence,
)
from index.attribution.extraction import extract_evidenced_many
from index.errors import ClaimtrackError
from index.records import Claim


def test_shipped_weights_are_features_evidence_makes() -> None:
    _, weights = load_weights(WEIGHTS)
    assert weights, "the shipped weights are fitted (bench/confidence_fit.py), not empty"
    names = {f.split("=")[0] for f in Evidence("own").features()}
    assert len(names) == len(fields(Evidence))
    assert {w.split("=")[0] for w in weights} <= names
    assert json.loads(WEIGHTS.read_text())["fitted_on"].startswith("PolNeAR train")


# (id, more likely right, less likely right): orderings the fit must find on PolNeAR train
ORDERINGS = [
    ("a name beats an unresolved tagger source",
     Evidence("own", "speech", "direct", "name", "person", words=2, capitalised=True),
     Evidence("tagger", None, "indirect", "name", None, words=2, capitalised=True)),
    ("the preferred attribution beats a fallback",
     Evidence("own", "speech", "indirect", "name", "person", words=2, capitalised=True),
     Evidence("own", "speech", "indirect", "name", "person", fallback=True, words=2,
              capitalised=True)),
    ("a full name beats a one-word speaker",
     Evidence("own", "speech", "indirect", "name", "person", words=2, capitalised=True),
     Evidence("own", "speech", "indirect", "name", "person", words=1, capitalised=True)),
]


@pytest.mark.parametrize(("better", "worse"), [(c[1], c[2]) for c in ORDERINGS],
                         ids=[c[0] for c in ORDERINGS])
def test_confidence_orders_evidence(better: Evidence, worse: Evidence) -> None:
    assert 0.0 <= confidence_of(worse) < confidence_of(better) <= 1.0


def test_unseen_feature_adds_nothing() -> None:
    intercept, weights = load_weights(WEIGHTS)
    novel = Evidence("a kind no fit has seen", "speech", "direct", "name", "person", words=2,
                     capitalised=True)
    known = [f for f in novel.features() if not f.startswith("origin=")]
    assert "origin=a kind no fit has seen" not in weights
    z = intercept + sum(weights.get(f, 0.0) for f in known)
    assert confidence_of(novel) == round(1 / (1 + math.exp(-z)), 2)


@pytest.mark.parametrize("content", ["{}", "not json", '{"intercept": 1, "weights": [1]}'])
def test_unreadable_weights_name_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "weights.json"
    path.write_text(content)
    with pytest.raises(ClaimtrackError, match=r"weights\.json"):
        confidence_of(Evidence("own"), path)


def test_tagger_evidence_tells_a_carried_claim() -> None:
    base = Claim("t:1", "t", 1, 0, 5, "Ann Roe", "Roe", "said", "indirect")
    carried = Claim("t:2", "t", 1, 0, 5, "Ann Roe", None, None, "direct")
    assert tagger_evidence(base).origin == "tagger"
    assert tagger_evidence(carried) == Evidence(
        "tagger-carried", None, "direct", None, None, distance=1, words=2, capitalised=True)


def test_claims_carry_the_confidence_of_their_evidence() -> None:
    text = ("Housing minister Yvette Cooper said councils must find more sites.\n"
            "“We expect every council to act,” she said. “There is no excuse for delay.”\n"
            "Councils said they needed more money.")
    (claims, evidence), = extract_evidenced_many([(text, sentences_of(text))])
    assert {c.sentence_id for c in claims} == set(evidence)
    origins = {evidence[c.sentence_id].origin for c in claims}
    assert {"own", "inherited"} <= origins
    for c in claims:
        assert c.confidence == confidence_of(evidence[c.sentence_id])
    named, pronoun = claims[0], claims[1]
    assert evidence[named.sentence_id].mention == "name"
    assert evidence[pronoun.sentence_id].mention == "pronoun"
