"""Attribution as users see it: articles ingested through `ClaimBot`, claims from its ledger.

The extraction stage alone (bench/attribution.py's diagnostic) is not what a user reads: the
ledger stores every claim's cross-article identity and `ClaimBot.claims()` shows that name.
`product_claims` ingests files into a store and returns those claims; `write_claims` turns
them into the JSONL both attribution scorers read.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import ClaimBot, Settings  # noqa: E402
from index.records import Claim  # noqa: E402


@dataclass(frozen=True)
class Ingested:
    """What one ingest into the benchmark's store gave."""

    claims: list[Claim]
    sentence_spans: dict[str, tuple[int, int]]  # sentence id -> (start, end) in the file
    seconds: float
    # The speaker each claim was stored with, before cross-article identities: what
    # extraction gave on the ingest's own (repaired) sentences.
    extracted: dict[str, str | None]
    # The other paths of each article: inputs ingest found to repeat a stored article and
    # recorded as its sources (`Article.sources`); a user asking about one is shown its
    # article's claims, so the scorers see them under every copy's name too.
    copies: dict[str, tuple[str, ...]] = field(default_factory=dict)


@contextmanager
def store(home: Path | None) -> Iterator[Path]:
    """A store folder: `home` (kept, with its embedding cache) or a temporary one."""
    if home is not None:
        yield home
        return
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-attribution-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def product_claims(paths: Sequence[Path], home: Path, tagger: Path | None = None,
                   second: str | None = None) -> Ingested:
    """Ingest `paths` into the store at `home` and read back every claim of the ledger.

    Articles already stored are deleted first, so that attribution runs again on them while
    a kept store's embedding cache spares the encoder (vectors are keyed by sentence text).
    `tagger` and `second` override the product's settings ``CLAIMTRACK_ATTRIBUTION_TAGGER``
    and ``CLAIMTRACK_ATTRIBUTION_SECOND`` (by default, the product's own defaults).
    """
    overrides: dict[str, object] = {"home": home}
    if tagger is not None:
        overrides["attribution_tagger"] = tagger
    if second is not None:
        overrides["attribution_second"] = second
    settings = Settings(**overrides)
    bot = ClaimBot(settings=settings)
    try:
        for article in bot.articles():
            bot.delete(article.id)
        started = time.perf_counter()
        report = bot.ingest(list(paths))
        seconds = time.perf_counter() - started
        if report.skipped:
            print(f"skipped at ingest: {report.skipped}", file=sys.stderr)
        claims = bot.claims()
        ledger = bot.corpus.ledger
        ids = sorted({c.article for c in claims})
        spans = {s.id: (s.start, s.end) for s in ledger.sentences_of(ids)}
        extracted = dict(ledger.db.execute("SELECT sentence_id, speaker FROM claims"))
        copies = {a.id: others for a in bot.articles()
                  if (others := tuple(p for p in a.sources if p != a.path))}
        return Ingested(claims, spans, seconds, extracted, copies)
    finally:
        bot.close()


def polnear_key(path: str) -> str:
    """PolNeAR's scorer names an article by its file stem."""
    return Path(path).stem


def bbc_key(path: str) -> str:
    """The BBC scorer names an article `<folder>/NNN.txt`."""
    return "/".join(Path(path).parts[-2:])


def write_claims(out: Path, ingested: Ingested, texts: dict[str, str],
                 key: Callable[[str], str], span: str = "content",
                 extracted: bool = False) -> int:
    """Write the product's claims as scorer JSONL; returns the number written.

    Args:
        out: The JSONL file.
        ingested: `product_claims`' result.
        texts: Article texts by scorer key, decoded as the scorer decodes them.
        key: The scorer's article key of a stored path.
        span: "content" (the claim's span) or "sentence" (its whole sentence).
        extracted: Write the speakers as extraction stored them, before identities.
    """
    count = 0
    with open(out, "w", encoding="utf-8") as f:
        for claim in ingested.claims:
            article = key(claim.path or "")
            start, end = claim.start, claim.end
            if span == "sentence":
                start, end = ingested.sentence_spans[claim.sentence_id]
            text = texts.get(article, "")
            speaker = ingested.extracted[claim.sentence_id] if extracted else claim.speaker
            record = {"article": article, "start": start, "end": end, "line": claim.line,
                      "speaker": speaker, "mention": claim.speaker_mention,
                      "cue": claim.cue, "confidence": claim.confidence,
                      "text": text[start:end]}
            for copy in [article, *(key(p) for p in ingested.copies.get(claim.article, ()))]:
                located = _in_copy(record, texts.get(copy, ""))
                if located is not None:
                    f.write(json.dumps(located | {"article": copy}, ensure_ascii=False) + "\n")
                    count += 1
    return count


def _in_copy(record: dict, text: str) -> dict | None:
    """The claim `record` at its place in a copy's `text`: the same offsets when the copy
    holds its words there, else the one place it holds them (a copy with a line more or
    less); None when the words are not there once."""
    words = record["text"]
    start = record["start"]
    if text[start : record["end"]] == words:
        return record
    found = text.find(words) if words else -1
    if found < 0 or text.find(words, found + 1) >= 0:
        return None
    shift = found - start
    line = text.count("\n", 0, found) + 1
    return record | {"start": start + shift, "end": record["end"] + shift, "line": line}


def bbc_articles(gold: Path, shared: Path) -> list[Path]:
    """The BBC dev articles, in gold order, from the paths of the gold JSONL (relative to
    the shared folder)."""
    seen: dict[str, None] = {}
    with open(gold, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                seen.setdefault(json.loads(line)["article"], None)
    return [shared / p for p in seen]


def read_texts(paths: Sequence[Path], key: Callable[[str], str], errors: str = "strict"
               ) -> dict[str, str]:
    """Texts by scorer key, decoded as UTF-8 with newlines kept (the scorers' offsets)."""
    texts = {}
    for path in paths:
        with open(path, encoding="utf-8", errors=errors, newline="") as f:
            texts[key(str(path))] = f.read()
    return texts
