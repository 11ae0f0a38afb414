"""Preparing one source for the ledger: repaired, split into sentences, fingerprinted (no I/O).

Ids are stable: an article's id comes from its key, a sentence's from its article, offsets and
text, so re-ingest of the same text gives the same ids (and keeps the vectors).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from index.fingerprints import fingerprint
from index.reading.repairing import boilerplate_lines, fix_text, repair_punctuation
from index.reading.splitting import split_text
from index.records import Article, Fingerprint, Sentence, Source

# Bump when repairing or splitting changes, so that re-ingest rebuilds every article.
PIPELINE_VERSION = "5"


@dataclass(frozen=True)
class Prepared:
    """An article ready to be written: its sentences, its punctuation-repaired text and the
    fingerprint of that text (`index.fingerprints`)."""

    article: Article
    sentences: list[Sentence]
    repaired: str
    fingerprint: Fingerprint


def article_id(key: str) -> str:
    """Stable id of the article stored under `key` (its source path or record key)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def sentence_id(article: str, start: int, end: int, text: str) -> str:
    """Stable id of a sentence: the same article, offsets and text give the same id."""
    digest = hashlib.sha1(f"{start}:{end}:{text}".encode()).hexdigest()[:12]
    return f"{article}-{digest}"


def content_hash(source: Source) -> str:
    """Hash of what decides an article's sentences: its text and the pipeline version."""
    return hashlib.sha256(f"{PIPELINE_VERSION}\0{source.text}".encode()).hexdigest()


def prepare(source: Source) -> Prepared:
    """Repair and split one source into an article and its sentences (no I/O)."""
    repaired, changed = repair_punctuation(source.text)
    flags = source.flags + (("repaired-punctuation",) if changed else ())
    skip = source.skip_lines | boilerplate_lines(repaired)
    aid = article_id(source.key)
    sentences: list[Sentence] = []
    for span in split_text(repaired, skip):
        text = fix_text(repaired[span.start : span.end])
        if not any(ch.isalnum() for ch in text):
            continue  # "?", "___.": nothing to find; the other sentences keep their lines
        position = len(sentences)
        sentences.append(
            Sentence(
                id=sentence_id(aid, span.start, span.end, text), article=aid, position=position,
                line=span.line, start=span.start, end=span.end, text=text,
            )
        )
    article = Article(
        id=aid, key=source.key, path=source.path, text=source.text,
        content_hash=content_hash(source), encoding=source.encoding, flags=flags,
        meta=source.meta, sentence_count=len(sentences), sources=(source.path,),
    )
    return Prepared(article, sentences, repaired, fingerprint(repaired))
