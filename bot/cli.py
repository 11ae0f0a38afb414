"""The `claimtrack` command line: its commands and their arguments.

The web server's options are `bot.web.options`'s, shared with ``python -m bot.web``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bot.answering.answers import Answer
from bot.claimbot import ClaimBot
from bot.settings import Settings
from bot.tracking.tracks import cluster_dict
from bot.web.options import add_server_options, server_options
from index import ClaimtrackError

# Exit status of an ingest that skipped some input (each file is named in the output).
PARTIAL = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="claimtrack", description="Track who claimed what in news articles, with citations."
    )
    parser.add_argument(
        "--home", help="store folder (default: $CLAIMTRACK_HOME or ./claimtrack-data)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="add articles (files or folders)")
    ingest.add_argument("paths", nargs="+")
    for name in ("title", "date", "outlet", "author"):
        ingest.add_argument(f"--{name}", help=f"{name} for articles that carry none")
    _add_question_commands(sub)
    sub.add_parser("articles", help="list stored articles")
    delete = sub.add_parser("delete", help="delete an article with its sentences and vectors")
    delete.add_argument("article", help="article id, path, file name or title")
    sub.add_parser("reindex", help="rebuild the vector index from the ledger")
    sub.add_parser("speakers", help="list speakers across articles")
    _add_claim_commands(sub)
    for command in sub.choices.values():
        command.add_argument("--json", action="store_true", help="print one JSON document")
    serve = sub.add_parser("serve", help="serve the web chat (default http://127.0.0.1:7860)")
    add_server_options(serve)
    serve.set_defaults(json=False)
    return parser


def _add_question_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``ask`` and ``search``, with their filters."""
    for name, text in (("ask", "answer a question"), ("search", "find matching sentences")):
        command = sub.add_parser(name, help=text)
        command.add_argument("query")
        command.add_argument("-k", type=int, default=5 if name == "ask" else 10)
    sub.choices["ask"].add_argument(
        "--write", action="store_true",
        help="also have the chat model of CLAIMTRACK_LLM write the answer (its draft streams "
             "to stderr; the verified answer goes to stdout)")
    search = sub.choices["search"]
    for name in ("article", "outlet", "since", "until"):
        search.add_argument(f"--{name}", help=f"only sentences matching this {name}")
    for name in ("speaker", "country"):
        search.add_argument(f"--{name}", help=f"only claims by this {name}")


def _add_claim_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``claims``, ``track``, ``timeline`` and ``clusters``."""
    claims = sub.add_parser("claims", help="list attributed claims")
    for name in ("article", "speaker", "country", "since", "until"):
        claims.add_argument(f"--{name}", help=f"only claims matching this {name}")
    sub.add_parser("track", help="where a quotation or claim appeared (every article, first "
                   "first)").add_argument("text", help="a quotation, a claim, or a claim id")
    timeline = sub.add_parser("timeline", help="a speaker's claims over time, by cluster")
    timeline.add_argument("speaker")
    for name in ("topic", "since", "until"):
        timeline.add_argument(f"--{name}", help=f"only claims matching this {name}")
    clusters = sub.add_parser("clusters", help="claims repeated across articles, most first")
    clusters.add_argument("--speaker", help="only clusters with a claim by this speaker")
    clusters.add_argument("--min-size", type=int, default=2, help="fewest claims (default 2)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    args = build_parser().parse_args(argv)
    settings = Settings()
    try:
        if args.home:
            settings = settings.model_copy(update={"home": Path(args.home)})
        bot = ClaimBot(settings=settings)
        result = COMMANDS[args.command](bot, args)
        if args.json:
            json.dump(result, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        sys.stdout.flush()  # here, so that a closed pipe is caught below and not at exit
        return PARTIAL if isinstance(result, dict) and result.get("status") == "partial" else 0
    except BrokenPipeError:
        # The reader stopped early (`claimtrack speakers | head`): not an error of ours.
        # Point stdout at nothing so that Python's exit flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ClaimtrackError as exc:
        return _fail(str(exc), settings.debug)
    except Exception as exc:  # last resort: one line, traceback only on request
        return _fail(f"unexpected {type(exc).__name__}: {exc}", settings.debug, hint=True)


def _fail(message: str, debug: bool, hint: bool = False) -> int:
    if debug:
        traceback.print_exc()
    suffix = " (set CLAIMTRACK_DEBUG=1 for the traceback)" if hint and not debug else ""
    print(f"claimtrack: error: {message}{suffix}", file=sys.stderr)
    return 1


def _ingest(bot: ClaimBot, args: argparse.Namespace) -> dict[str, Any]:
    bar = None
    if not args.json and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=_count_files(args.paths), unit="file", file=sys.stderr)
    try:
        report = bot.ingest(
            args.paths, title=args.title, date=args.date, outlet=args.outlet,
            author=args.author, progress=(lambda _path: bar.update()) if bar else None,
        )
    finally:
        if bar:
            bar.close()
    if not args.json:
        print(f"added {len(report.added)}, replaced {len(report.replaced)}, "
              f"unchanged {len(report.unchanged)}, "
              + (f"duplicates {len(report.duplicates)}, " if report.duplicates else "")
              + f"skipped {len(report.skipped)}; "
              f"{report.sentences} sentences in {report.seconds:.1f} s")
        for path, original in report.duplicates:
            print(f"duplicate {path}: the same article as {original}; "
                  "recorded as another source of it")
        for path, reason in report.skipped:
            print(f"skipped {path}: {reason}")
        if report.repaired:
            print(f"the vector index had lost the vectors of {len(report.repaired)} stored "
                  "articles; indexed them again from the ledger")
    return {**asdict(report), "status": "partial" if report.skipped else "ok"}


def _count_files(paths: Sequence[str]) -> int:
    total = 0
    for path in map(Path, paths):
        total += sum(1 for p in path.rglob("*") if p.is_file()) if path.is_dir() else 1
    return total


def _ask(bot: ClaimBot, args: argparse.Namespace) -> dict[str, Any]:
    if args.write:
        return _ask_written(bot, args)
    answer = bot.ask(args.query, k=args.k)
    if not args.json:
        print(answer.text)
        for c in answer.citations:
            print(f"{c.marker} {c.path}:{c.line}")
    return {"question": answer.question, "text": answer.text, "covered": answer.covered,
            "did_you_mean": list(answer.did_you_mean), "declined": answer.declined,
            "undated": answer.undated, "citations": [asdict(c) for c in answer.citations]}


def _ask_written(bot: ClaimBot, args: argparse.Namespace) -> dict[str, Any]:
    """``ask --write``: the model's draft on stderr as it streams, then on stdout the verified
    answer (or the extractive one, after a note saying why)."""
    answer = bot.ask(args.query, k=args.k)
    drafted = False
    for item in bot.write(answer):
        if isinstance(item, Answer):
            answer = item
        elif not args.json:
            if not drafted:
                sys.stderr.write("draft (unverified):\n")
            sys.stderr.write(item)
            sys.stderr.flush()
            drafted = True
    if drafted:
        sys.stderr.write("\n\n")
    if not args.json:
        if answer.notice:
            print(f"note: {answer.notice}")
        print(answer.shown_text)
        for c in answer.shown_citations:
            print(f"{c.marker} {c.path}:{c.line}")
    return {"question": answer.question, "text": answer.text,
            "citations": [asdict(c) for c in answer.citations],
            "written": asdict(answer.written) if answer.written else None,
            "notice": answer.notice}


def _search(bot: ClaimBot, args: argparse.Namespace) -> dict[str, Any]:
    hits = bot.search(args.query, args.k, article=args.article, outlet=args.outlet,
                      since=args.since, until=args.until, speaker=args.speaker,
                      country=args.country)
    if not args.json:
        for h in hits:
            print(f"{h.score:.3f} {h.path}:{h.line} {h.text}")
    return {"query": args.query, "hits": [asdict(h) for h in hits]}


def _articles(bot: ClaimBot, args: argparse.Namespace) -> list[dict[str, Any]]:
    rows = []
    for a in bot.articles():
        rows.append({"id": a.id, "key": a.key, "path": a.path, **asdict(a.meta),
                     "sentences": a.sentence_count, "encoding": a.encoding,
                     "flags": list(a.flags), "sources": list(a.sources)})
        if not args.json:
            copies = len(a.sources) - 1
            more = f" +{copies} cop{'ies' if copies > 1 else 'y'}" if copies > 0 else ""
            print(f"{a.id}  {a.date or '----------'}  {a.sentence_count:4d}  "
                  f"{a.title or Path(a.path).name}  ({a.key}){more}")
    return rows


def _delete(bot: ClaimBot, args: argparse.Namespace) -> dict[str, Any]:
    ids = bot.delete(args.article)
    if not ids:
        raise ClaimtrackError(f"no article matches {args.article!r}; see `claimtrack articles`")
    if not args.json:
        print(f"deleted {args.article!r} from {len(ids)} article(s) (a path or file name "
              "removes that source only; an article goes with its last source)")
    return {"deleted": ids}


def _reindex(bot: ClaimBot, args: argparse.Namespace) -> dict[str, Any]:
    count = bot.reindex()
    if not args.json:
        print(f"reindexed {count} sentences")
    return {"sentences": count}


def _speakers(bot: ClaimBot, args: argparse.Namespace) -> list[dict[str, Any]]:
    speakers = bot.speakers()
    if not args.json:
        for sp in speakers:
            about = ", ".join(x for x in (*sp.roles[:1], *sp.orgs[:1], *sp.countries[:1]) if x)
            print(f"{sp.claims:5d}  {sp.name} [{sp.kind}]" + (f" ({about})" if about else ""))
    return [asdict(sp) for sp in speakers]


def _claims(bot: ClaimBot, args: argparse.Namespace) -> list[dict[str, Any]]:
    claims = bot.claims(article=args.article, speaker=args.speaker, country=args.country,
                        since=args.since, until=args.until)
    if not args.json:
        for c in claims:
            print(f"{c.date or '----------'}  {c.speaker or '?'} [{c.confidence:.2f}]: "
                  f"{c.text}  ({Path(c.path or '').name}:{c.line})")
    return [asdict(c) for c in claims]


def _track(bot: ClaimBot, args: argparse.Namespace) -> dict[str, Any]:
    found = bot.track(args.text)
    if not args.json:
        print("\n".join(found.lines()))
    return found.as_dict()


def _timeline(bot: ClaimBot, args: argparse.Namespace) -> dict[str, Any]:
    found = bot.timeline(args.speaker, args.topic, args.since, args.until)
    if not args.json:
        print("\n".join(found.lines()))
    return found.as_dict()


def _clusters(bot: ClaimBot, args: argparse.Namespace) -> list[dict[str, Any]]:
    found = bot.clusters(args.speaker, args.min_size)
    if not args.json:
        for c in found:
            print(f"{len(c.appearances):4d}  {c.first.date or '----------'}  "
                  f"{', '.join(c.speakers) or '?'}: {c.text}  ({c.id})")
    return [cluster_dict(c) for c in found]


def _serve(bot: ClaimBot, args: argparse.Namespace) -> dict[str, Any]:
    from bot.web.app import serve  # gradio is imported for this command only

    serve(bot, server_options(args, bot.settings))
    return {}


COMMANDS = {
    "ingest": _ingest, "ask": _ask, "search": _search, "articles": _articles,
    "delete": _delete, "reindex": _reindex, "speakers": _speakers, "claims": _claims,
    "track": _track, "timeline": _timeline, "clusters": _clusters, "serve": _serve,
}

if __name__ == "__main__":
    sys.exit(main())
