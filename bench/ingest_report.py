"""The Markdown report of bench/ingest.py: a header on the run and the table of measures."""

from __future__ import annotations

from typing import Any

TARGETS = {"ratio_e2e_raw": 0.8, "pipeline_efficiency": 0.8, "reingest_ratio": 0.10,
           "search_p50_ms": 50.0}


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def markdown(r: dict[str, Any]) -> str:
    e, i, w, x, s = r["environment"], r["ingest"], r["raw_encode"], r["reingest"], r["search"]
    rows = [
        ("Files ingested (articles added / skipped)",
         f"{e['files']} ({i['articles_added']} / {i['skipped_count']})", "", ""),
        ("Ingest wall time", f"{i['seconds']:.1f} s", "", ""),
        ("Sentences written", f"{i['sentences_written']:,}", "", ""),
        ("Ingest throughput (end-to-end)", f"{i['sentences_per_s']:.1f} sentences/s", "", ""),
        ("… of which encoder time (texts encoded)",
         f"{i['encode_seconds']:.1f} s ({i['texts_encoded']:,})", "", ""),
        ("… of which everything else", f"{i['non_encode_seconds']:.1f} s", "", ""),
        ("Raw encoder, ingest's encoder inputs, one call",
         f"{w['encoder_inputs']['texts_per_s']:.1f} texts/s "
         f"({w['encoder_inputs']['texts']:,} in {w['encoder_inputs']['seconds']:.1f} s)", "", ""),
        ("Pipeline efficiency: raw time of those inputs / ingest wall",
         f"{r['pipeline_efficiency']:.3f}", "≥ 0.8",
         verdict(r["pipeline_efficiency"] >= TARGETS["pipeline_efficiency"])),
        ("Raw encoder, the stored sentence texts, one call: before / after the ingest",
         f"{w['before']['texts_per_s']:.1f} / {w['ledger_sentences']['texts_per_s']:.1f} "
         f"sentences/s ({w['ledger_sentences']['texts']:,} texts)", "", ""),
        ("End-to-end / raw (mean of before and after)", f"{r['ratio_e2e_raw']:.3f}", "≥ 0.8",
         verdict(r["ratio_e2e_raw"] >= TARGETS["ratio_e2e_raw"])),
        ("Re-ingest (unchanged) wall time", f"{x['seconds']:.2f} s", "", ""),
        ("Re-ingest / first ingest", f"{x['ratio_to_first']:.2%}", "< 10%",
         verdict(x["ratio_to_first"] < TARGETS["reingest_ratio"])),
        ("Re-ingest sentences written", f"{x['sentences_written']}", "0",
         verdict(x["sentences_written"] == 0)),
        (f"Search p50 ({s['queries']} queries, k=10)", f"{s['p50_ms']:.1f} ms", "≤ 50 ms",
         verdict(s["p50_ms"] <= TARGETS["search_p50_ms"])),
        ("Search p95 / mean / max",
         f"{s['p95_ms']:.1f} / {s['mean_ms']:.1f} / {s['max_ms']:.1f} ms", "", ""),
        ("… of which query encoding (mean)", f"{s['encode_ms_mean']:.1f} ms", "", ""),
        ("Peak RSS", f"{r['peak_rss_mb']:,.0f} MB", "", ""),
        ("CPU/wall in ingest / raw inputs / raw ledger (2.0 = both cores ours)",
         f"{i['cpu_per_wall']:.2f} / {w['encoder_inputs']['cpu_per_wall']:.2f} / "
         f"{w['ledger_sentences']['cpu_per_wall']:.2f}", "", ""),
    ]
    lines = ["| Measure | Value | Target | Met |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


def header(r: dict[str, Any]) -> str:
    e = r["environment"]
    return "\n".join([
        f"- Date: {e['date']}",
        f"- Machine: {e['cpu']}, {e['cores']} cores (torch threads: {e['torch_threads']}), "
        f"load average at start {e['loadavg_start']}, at end {e['loadavg_end']}",
        f"- Commit: {e['commit']} (working tree may hold uncommitted changes)",
        f"- Python {e['python']}, torch {e['torch']}, sentence-transformers "
        f"{e['sentence_transformers']}, chromadb {e['chromadb']}, onnxruntime "
        f"{e.get('onnxruntime')}, spaCy {e.get('spacy')}",
        f"- Model: {e['model']}, encode batch {e['encode_batch']}; corpus {e['corpus']} "
        f"({e['files']} .txt files" + (f", --limit {e['limit']}" if e["limit"] else "") + ")",
        f"- Query encoder: {e.get('query_embedder', '?')}. Model load + warm-up took "
        f"{r['model_load_seconds']:.1f} s and is NOT counted in the ingest or the raw encoder "
        "figures (the embedders are loaded before the clock starts; anything else ingest loads "
        "lazily, e.g. spaCy, is counted).",
    ])


# Entry point ------------------------------------------------------------------------------------


