"""PolNeAR train/dev as spaCy DocBins: one Doc per sentence, SOURCE / CUE / CONTENT as entities.

Usage (from the project root):
    .venv/bin/python bench/attribution_data.py --out build/attribution-data [--splits train dev]

Sentences are cut by the product's own splitter (`index.reading.splitting.split_text`) and
tokenised by the product's tokenizer (`index.attribution.language.load_nlp`), so that the
trained component sees at run time exactly the units it was trained on. Gold relations come
from the corpus's attributions_flat.jsonl; where an article has several annotators, only the
lexicographically first is used, as the scorer does. PolNeAR is univocal (a token has at most
one role), so the three roles fit one entity layer; a role span that crosses a sentence
boundary is clipped to each sentence it touches. The test split is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.util import filter_spans  # noqa: E402

from index.attribution.language import load_nlp  # noqa: E402
from index.reading.splitting import split_text  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear"
ROLES = {"source": "SOURCE", "cue": "CUE", "content": "CONTENT"}
SPLITS = ("train", "dev")  # never "test"


def gold_spans(polnear: Path, split: str) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, label) role spans of every relation, by article, first annotator only."""
    if split not in SPLITS:
        raise ValueError(f"split {split!r} is not one of {SPLITS}")
    rows = defaultdict(list)
    with open(polnear / "attributions_flat.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["compartment"] == split:
                rows[r["article"]].append(r)
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for article, relations in rows.items():
        first = min(r["annotator"] for r in relations)
        spans[article] = [
            (start, end, label)
            for r in relations if r["annotator"] == first
            for role, label in ROLES.items() if role in r
            for start, end in r[role]["spans"]
        ]
    return spans


def read_texts(polnear: Path, split: str) -> dict[str, str]:
    """Article texts by stem, decoded as the scorer does."""
    texts = {}
    for path in sorted((polnear / "data" / split / "text").glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            texts[path.stem] = f.read()
    return texts


def sentence_docs(text: str, spans: list[tuple[int, int, str]],
                  nlp=None) -> Iterator[tuple[int, int, Doc]]:
    """(start, end, doc) per sentence of `text`, with the role spans clipped to it as entities."""
    nlp = nlp or load_nlp()
    for sent in split_text(text):
        doc = nlp.make_doc(text[sent.start:sent.end])
        ents = []
        for start, end, label in spans:
            lo, hi = max(start, sent.start) - sent.start, min(end, sent.end) - sent.start
            if hi > lo and text[sent.start + lo:sent.start + hi].strip():
                span = doc.char_span(lo, hi, label=label, alignment_mode="expand")
                if span is not None:
                    ents.append(span)
        # 'expand' can make neighbouring roles share a token; the longer span keeps it.
        doc.ents = filter_spans(ents)
        yield sent.start, sent.end, doc


def convert(polnear: Path, split: str, out: Path) -> tuple[int, int]:
    """Write `out`/<split>.spacy; returns (sentences, sentences with a cue)."""
    nlp = load_nlp()
    spans = gold_spans(polnear, split)
    db = DocBin(store_user_data=False)
    n = cued = 0
    for article, text in read_texts(polnear, split).items():
        for _, _, doc in sentence_docs(text, spans.get(article, []), nlp):
            db.add(doc)
            n += 1
            cued += any(e.label_ == "CUE" for e in doc.ents)
    out.mkdir(parents=True, exist_ok=True)
    db.to_disk(out / f"{split}.spacy")
    return n, cued


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "attribution-data")
    ap.add_argument("--splits", nargs="+", default=list(SPLITS), choices=SPLITS)
    args = ap.parse_args(argv)
    for split in args.splits:
        n, cued = convert(args.polnear, split, args.out)
        print(f"{split}: {n} sentences, {cued} with a cue -> {args.out / (split + '.spacy')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
