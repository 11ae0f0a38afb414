"""Retrieval benchmark on SQuAD v1.1 dev: claimtrack's search against its baselines.

Usage (from the project root)::

    .venv/bin/python bench/retrieval.py [--questions 2000] [--seed 0] [--home DIR]
                                        [--split eval|tune] [--squad FILE]
                                        [--context paragraph|title|none]

Each of the 48 Wikipedia articles is written as one .txt file (line 1 its title, line p + 2 its
paragraph p, whitespace collapsed) and ingested through `ClaimBot.ingest` into one store; with
``--home`` the store (and its embedding cache) is reused, so a second run embeds nothing.

Questions are numbered in file order. The evaluation sample is drawn with random.Random(seed)
from the even-numbered questions; the tuning sample, on which claimtrack's ranking weights were
chosen, with random.Random(seed + 1) from the odd-numbered ones: the two never share a question.

A question is answered at k when one of the top-k sentences lies on its paragraph's line and
contains one of its gold answer texts; a LangChain chunk counts when it holds such a sentence
whole. chars@k is the mean length of the top-k results: what a reader has to read. Latency is the
wall time of one call, query embedding included, after a few warm-up queries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SQUAD = ROOT.parent / "shared" / "eval" / "squad_v1.1_dev" / "dev-v1.1.rebuilt.json"
OUT = ROOT / "bench" / "out"
KS = (1, 5, 10)
WARMUP = 5
PLAIN = "bench-plain-sentences"  # baseline collection: sentence vectors without the title

Result = tuple[str, str]  # (sentence id or chunk id, text shown to the reader)
Method = Callable[[str], list[Result]]


@dataclass(frozen=True)
class Question:
    """A SQuAD question with where its answer lies."""

    number: int
    file: str
    line: int
    text: str
    answers: tuple[str, ...]


def collapse(text: str) -> str:
    """Text with every run of whitespace (newlines too) turned into one space."""
    return " ".join(text.split())


def write_corpus(squad: Path, folder: Path) -> list[Question]:
    """Write one .txt per article into `folder`; return every question in file order."""
    folder.mkdir(parents=True, exist_ok=True)
    questions: list[Question] = []
    for index, article in enumerate(json.loads(squad.read_text(encoding="utf-8"))["data"]):
        name = f"{index:02d}-{article['title']}.txt"
        lines = [article["title"].replace("_", " ")]
        for number, paragraph in enumerate(article["paragraphs"], start=2):
            lines.append(collapse(paragraph["context"]))
            for q in paragraph["qas"]:
                answers = tuple(sorted({collapse(a["text"]) for a in q["answers"]}))
                questions.append(
                    Question(len(questions), name, number, q["question"].strip(), answers))
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return questions


def samples(questions: Sequence[Question], size: int, seed: int) -> dict[str, list[Question]]:
    """Disjoint samples: ``eval`` from even-numbered questions, ``tune`` from odd ones."""
    even = [q for q in questions if q.number % 2 == 0]
    odd = [q for q in questions if q.number % 2 == 1]
    return {"eval": random.Random(seed).sample(even, min(size, len(even))),
            "tune": random.Random(seed + 1).sample(odd, min(size, len(odd)))}


def gold_sentences(corpus: Any, questions: Sequence[Question]) -> dict[int, dict[str, str]]:
    """Per question, its gold sentences: id → the sentence as it stands in the source file."""
    ledger = corpus.ledger
    articles = {Path(a.path).name: a for a in ledger.articles()}
    by_line: dict[tuple[str, int], list[Any]] = {}
    for sentence in ledger.sentences_of([a.id for a in articles.values()]):
        by_line.setdefault((sentence.article, sentence.line), []).append(sentence)
    gold = {}
    for q in questions:
        article = articles[q.file]
        found = {s.id: article.text[s.start : s.end] for s in by_line[(article.id, q.line)]}
        gold[q.number] = {i: t for i, t in found.items() if any(a in t for a in q.answers)}
    return gold


def plain_store(corpus: Any) -> Any:
    """A collection of the sentences embedded alone (no title): the dense baseline's index."""
    from index.vectors.store import VectorStore

    store = VectorStore(corpus.home, corpus.cache.name, corpus.cache.dimension, collection=PLAIN)
    sentences = corpus.ledger.sentences_of([a.id for a in corpus.ledger.articles()])
    if store.count() != len(sentences):
        store.reset()
        vectors = corpus.cache.vectors([s.text for s in sentences])
        store.upsert([s.id for s in sentences], vectors, [{"article": s.article}
                                                          for s in sentences])
    return store


def langchain_recipe(corpus: Any) -> tuple[Method, int]:
    """LangChain's stock recipe over each article's text; returns the method and chunk count."""
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    class Cached(Embeddings):
        """The same all-MiniLM-L6-v2 vectors, documents through the ledger's cache."""

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return corpus.cache.vectors(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return corpus.query_embedder.embed([text])[0].tolist()

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    chunks = splitter.create_documents([a.text for a in corpus.ledger.articles()])
    store = Chroma(collection_name="langchain-recipe", embedding_function=Cached())
    ids = [f"chunk-{i}" for i in range(len(chunks))]
    store.add_documents(chunks, ids=ids)

    def search(query: str) -> list[Result]:
        return [(d.id or "", d.page_content) for d in store.similarity_search(query, k=max(KS))]

    return search, len(chunks)


def untitled_search(corpus: Any, plain: Any) -> Any:
    """HybridSearch over sentences embedded alone: the ranking without the title context."""
    from index.search.hybrid import HybridSearch

    return HybridSearch(corpus.ledger, plain, corpus.query_embedder)


def methods(corpus: Any) -> dict[str, Method]:
    """Every retrieval method of the table, by name, each returning its top 10."""
    from index.search.hybrid import CANDIDATES, fuse

    ledger, embed, engine = corpus.ledger, corpus.query_embedder.embed, corpus.search_engine
    plain = plain_store(corpus)
    untitled = untitled_search(corpus, plain)
    texts: dict[str, str] = {}

    def shown(ids: Sequence[str]) -> list[Result]:
        missing = [i for i in ids if i not in texts]
        texts.update((i, s.text) for i, s in ledger.sentences(missing).items())
        return [(i, texts[i]) for i in ids]

    def lexical(query: str, k: int = max(KS)) -> list[str]:
        return [i for i, _ in ledger.lexical(query, k)]

    def dense(query: str, store: Any = plain, k: int = max(KS)) -> list[str]:
        return [n.id for n in store.query(embed([query])[0], k)]

    def rrf(query: str) -> list[Result]:
        both = [dense(query, k=CANDIDATES), lexical(query, CANDIDATES)]
        return shown([i for i, _ in fuse(both)[: max(KS)]])

    return {
        "BM25 (SQLite FTS5, porter)": lambda q: shown(lexical(q)),
        "dense all-MiniLM-L6-v2 (sentence alone)": lambda q: shown(dense(q)),
        "RRF of both (HybridSearch before)": rrf,
        f"dense all-MiniLM-L6-v2 (as indexed: {corpus.settings.embed_context})": lambda q: shown(
            dense(q, corpus.store)),
        "claimtrack ranking, sentence-alone vectors": lambda q: [
            (h.sentence_id, h.text) for h in untitled.search(q, max(KS))],
        "claimtrack HybridSearch (now)": lambda q: [
            (h.sentence_id, h.text) for h in engine.search(q, max(KS))],
    }


def say(message: str) -> None:
    """Progress on stderr."""
    print(f"[retrieval] {message}", file=sys.stderr, flush=True)


def measure(method: Method, questions: Sequence[Question],
            answered: Callable[[Question, Result], bool]) -> dict[str, float]:
    """Recall@k, chars@k and latency of one method over the questions."""
    for q in questions[:WARMUP]:
        method(q.text)
    first: list[int | None] = []
    chars: dict[int, list[int]] = {k: [] for k in KS}
    seconds = []
    for q in questions:
        began = time.perf_counter()
        results = method(q.text)
        seconds.append(time.perf_counter() - began)
        first.append(next((r for r, res in enumerate(results) if answered(q, res)), None))
        for k in KS:
            chars[k].append(sum(len(text) for _, text in results[:k]))
    row = {f"recall@{k}": sum(f is not None and f < k for f in first) / len(first) for k in KS}
    row.update({f"chars@{k}": statistics.fmean(chars[k]) for k in KS})
    cuts = statistics.quantiles(seconds, n=20)
    row.update({"p50_ms": statistics.median(seconds) * 1000, "p95_ms": cuts[18] * 1000})
    return row


def run(args: argparse.Namespace, home: Path) -> dict[str, Any]:
    """Build (or reuse) the store, then measure every method on one sample."""
    from bot.claimbot import ClaimBot
    from index.settings import Settings

    questions = write_corpus(args.squad, home / "squad-articles")
    picked = samples(questions, args.questions, args.seed)[args.split]
    settings = Settings(home=home, **({"embed_context": args.context} if args.context else {}))
    bot = ClaimBot(settings=settings)
    say(f"ingesting into {home} ...")
    began = time.perf_counter()
    report = bot.ingest(home / "squad-articles")
    ingest_s = time.perf_counter() - began
    say(f"{len(report.added)} articles added in {ingest_s:.0f} s; {len(picked)} questions")
    corpus = bot.corpus
    gold = gold_sentences(corpus, picked)
    table = {}
    for name, method in methods(corpus).items():
        say(f"measuring {name}")
        table[name] = measure(method, picked, lambda q, r: r[0] in gold[q.number])
    say("building the LangChain recipe's index")
    recipe, chunks = langchain_recipe(corpus)
    table["LangChain recipe (1000/200 chunks, Chroma)"] = measure(
        recipe, picked, lambda q, r: any(t in r[1] for t in gold[q.number].values()))
    sentences = corpus.ledger.sentence_count()
    bot.close()
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"), "cpu": cpu_model(),
        "cores": os.cpu_count(), "commit": git_commit(), "split": args.split,
        "context": settings.embed_context,
        "seed": args.seed, "questions": len(picked), "sentences": sentences,
        "chunks": chunks, "ingested": len(report.added), "ingest_s": round(ingest_s, 1),
        "no_gold": sum(not gold[q.number] for q in picked),
        "load": [round(x, 2) for x in os.getloadavg()], "table": table,
    }


def markdown(result: dict[str, Any]) -> str:
    """The result table in Markdown, under a line saying where and on what it ran."""
    r = result
    lines = [f"{r['date']}, {r['cpu']} ({r['cores']} cores), commit {r['commit'][:12]}, "
             f"{r['split']} sample of {r['questions']} questions (seed {r['seed']}), "
             f"embedding recipe {r['context']}, "
             f"{r['sentences']} sentences, {r['chunks']} chunks, load {r['load']}", "",
"| method | R@1 | R@5 | R@10 | chars@1 | chars@5 | chars@10 | p50 ms | p95 ms |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, row in result["table"].items():
        cells = [f"{row[f'recall@{k}']:.4f}" for k in KS] + [
            f"{row[f'chars@{k}']:.0f}" for k in KS] + [f"{row['p50_ms']:.1f}",
                                                        f"{row['p95_ms']:.1f}"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo."""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def git_commit() -> str:
    """The commit of HEAD, read from .git (no git process)."""
    head = (ROOT / ".git" / "HEAD").read_text().strip()
    if not head.startswith("ref: "):
        return head
    ref = ROOT / ".git" / head[5:]
    if ref.is_file():
        return ref.read_text().strip()
    packed = (ROOT / ".git" / "packed-refs").read_text().splitlines()
    return next((ln.split()[0] for ln in packed if ln.endswith(" " + head[5:])), "unknown")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print the table and write it as JSON under bench/out/."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--home", type=Path, help="store folder to build or reuse")
    parser.add_argument("--split", choices=("eval", "tune"), default="eval")
    parser.add_argument("--squad", type=Path, default=SQUAD)
    parser.add_argument("--context", choices=("paragraph", "title", "none"),
                        help="embedding recipe (as CLAIMTRACK_EMBED_CONTEXT; default: its default)")
    args = parser.parse_args(argv)
    if not args.squad.is_file():
        print(f"SQuAD file not found: {args.squad}", file=sys.stderr)
        return 2
    for name, value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"),
                        ("ANONYMIZED_TELEMETRY", "False")):
        os.environ.setdefault(name, value)
    home = args.home or Path(tempfile.mkdtemp(prefix="claimtrack-squad-"))
    try:
        result = run(args, home.resolve())
    finally:
        if args.home is None:
            shutil.rmtree(home, ignore_errors=True)
    print(markdown(result))
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (OUT / f"retrieval-{stamp}-{args.split}.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
