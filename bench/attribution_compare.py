"""Rules vs the trained span tagger vs both, on PolNeAR dev and BBC dev, side by side.

Usage (from the project root):
    .venv/bin/python bench/attribution_compare.py --corpus polnear|bbc [--model DIR] [--out DIR]

For every sentence (cut by the product's splitter) it records whether the rule engine
(`extract_claims_many`, unresolved speakers kept) and the model (a CUE or SOURCE entity)
find an attribution, and scores:
  (a) sentence-level detection P/R/F1 against gold: PolNeAR, a sentence holding the cue of an
      "Attribution" relation with a source (first annotator); BBC, a gold sentence marked
      `attribution` (a system sentence covers a gold one when they overlap by more than half
      the shorter);
  (b) the claims through the official scorers, for three systems: `rules` (the product as it
      is), `model` (model claims only: the source entity as speaker, a pronoun resolved to the
      article's last named speaker, the CONTENT entities as span) and `hybrid` (rule claims, plus
      model claims for the sentences the rules leave without one);
  (c) PolNeAR only: the source span, on gold sentences both systems detect: exact match of
      the system's mention with a gold source text of that sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.attribution import read_split, sentences_of  # noqa: E402
from index.attribution.articles.second import second_opinion  # noqa: E402
from index.attribution.extraction import extract_claims_many  # noqa: E402
from index.attribution.language import load_nlp, load_tagger  # noqa: E402

SHARED = ROOT.parent / "shared"
BBC_GOLD = SHARED / "eval" / "bbc_attribution_dev.jsonl"
PRONOUNS = set("he she they it we i you who one his her their its our us them him this that "
               "these those".split())


def load_bbc() -> tuple[dict[str, str], list[dict]]:
    """BBC dev texts by the gold's article path, and the gold rows."""
    with open(BBC_GOLD, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    texts = {}
    for r in rows:
        if r["article"] not in texts:
            path = SHARED / r["article"]  # "corpus/bbc/bbc/<topic>/NNN.txt" under shared/
            texts[r["article"]] = path.read_bytes().decode("utf-8", errors="replace")
    return texts, rows


def polnear_gold(split: str) -> dict[str, list[dict]]:
    """Attribution relations with a source, first annotator, by article."""
    rows: dict[str, list[dict]] = {}
    with open(SHARED / "corpus" / "polnear" / "attributions_flat.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["compartment"] == split:
                rows.setdefault(r["article"], []).append(r)
    out = {}
    for art, rel in rows.items():
        first = min(r["annotator"] for r in rel)
        out[art] = [r for r in rel if r["annotator"] == first and r["relation"] == "Attribution"
                    and "source" in r and "cue" in r]
    return out


def named(speaker: str | None) -> bool:
    """A speaker that names someone: some capitalised word that is no pronoun."""
    words = re.findall(r"[A-Za-z][\w.'’-]*", speaker or "")
    return any(w[0].isupper() and w.lower() not in PRONOUNS | {"the", "a", "an"} for w in words)


def model_claims(model, article: str, text: str, sents) -> list[dict]:
    """Claims of one article from the span tagger, one per sentence with a CUE or SOURCE."""
    claims, last = [], None
    docs = model.pipe([s.text for s in sents], batch_size=256)
    for sent, doc in zip(sents, docs, strict=True):
        ents = {lab: [e for e in doc.ents if e.label_ == lab] for lab in ("SOURCE", "CUE",
                                                                          "CONTENT")}
        covered = sum(len(e.text) for e in ents["CONTENT"])
        # A sentence that is mostly content with no cue of its own carries on the
        # attribution before it (PolNeAR content spans cross sentence boundaries).
        carried = not ents["CUE"] and not ents["SOURCE"] and covered > 0.5 * len(doc.text)
        if not ents["CUE"] and not ents["SOURCE"] and not carried:
            last = None if not ents["CONTENT"] else last
            continue
        mention = ents["SOURCE"][0].text if ents["SOURCE"] else None
        speaker = mention if named(mention) else (
            last if carried or (mention and mention.lower() in PRONOUNS) else None)
        if named(mention):
            last = mention
        if ents["CONTENT"]:
            start = sent.start + min(e.start_char for e in ents["CONTENT"])
            end = sent.start + max(e.end_char for e in ents["CONTENT"])
        else:
            start, end = sent.start, sent.end
        claims.append({"article": article, "start": start, "end": end, "line": sent.line,
                       "speaker": speaker, "mention": mention, "sentence": sent.start,
                       "carried": carried,
                       "position": sent.position,
                       "cue": ents["CUE"][0].text if ents["CUE"] else None,
                       "text": text[start:end]})
    return claims


def rule_claims(nlp, article: str, text: str, sents, found) -> list[dict]:
    by_id = {s.id: s for s in sents}
    return [{"article": article, "start": c.start, "end": c.end, "line": c.line,
             "speaker": c.speaker, "mention": c.speaker_mention, "cue": c.cue,
             "sentence": by_id[c.sentence_id].start,
             "position": by_id[c.sentence_id].position, "carried": False,
             "text": text[c.start:c.end]}
            for c in found]


def hybrid(rules: list[dict], model: list[dict], mode: str) -> list[dict]:
    """Rule claims, plus model claims in sentences without one: with mode "all", every such
    claim (a pronoun or a carried-on content takes the speaker of the claim before it, rules
    or model); "named", only those whose own source names someone; "carry", "named" plus
    contents carried on from a claim in the sentence just before."""
    taken = {c["sentence"] for c in rules if c["speaker"]}
    extra = [dict(c) for c in model if c["sentence"] not in taken]
    if mode != "all":
        extra = [c for c in extra if named(c["mention"]) or (mode == "carry" and c["carried"])]
    merged = sorted([c for c in rules if c["speaker"]] + extra, key=lambda c: c["start"])
    last, position = None, -2
    for c in merged:
        if c in extra and not named(c["mention"]):
            # Carried-on content only right after a claim, as a quotation's next sentence.
            c["speaker"] = last if not c["carried"] or c["position"] == position + 1 else None
        last, position = c["speaker"] or last, c["position"]
    return [c for c in merged if c["speaker"]]


def prf(tp: int, n_sys: int, n_gold: int) -> str:
    p, r = tp / max(n_sys, 1), tp / max(n_gold, 1)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f} (tp {tp}, sys {n_sys}, " \
           f"gold {n_gold})"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0.5 * min(a[1] - a[0], b[1] - b[0])


def score(corpus: str, path: Path) -> str:
    if corpus == "polnear":
        cmd = [SHARED / "eval" / "polnear_score.py", "--split", "dev", "--claims", path,
               "--samples", "0"]
    else:
        cmd = [SHARED / "eval" / "bbc_attribution_score.py", "--gold", BBC_GOLD, "--claims", path]
    out = subprocess.run([sys.executable, *map(str, cmd)], capture_output=True, text=True,
                         check=True).stdout.strip()
    if corpus == "polnear":  # its last line is the JSON summary
        j = json.loads(out.splitlines()[-1])
        keys = ("strict_precision", "strict_recall", "strict_f1", "f1", "content_recall")
        return ", ".join(f"{k} {j[k]:.4f}" for k in keys)
    j = json.loads(out)
    forms = ", ".join(f"{k} {v['recall']:.3f}" for k, v in j["per_form_recall"].items())
    return (f"P {j['precision']:.4f} R {j['recall']:.4f} F1 {j['f1']:.4f} (right "
            f"{j['claims_right']}/{j['claims_total']}, found {j['found_right']}/"
            f"{j['gold_attributions']}); recall by form: {forms}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=["polnear", "bbc"], default="polnear")
    ap.add_argument("--model", type=Path, default=ROOT / "build" / "attribution-model" /
                    "model-best")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "compare")
    args = ap.parse_args(argv)
    if args.corpus == "polnear":
        texts = read_split(SHARED / "corpus" / "polnear", "dev", None)
        gold_rel = polnear_gold("dev")
    else:
        texts, bbc_rows = load_bbc()
    articles = {a: sentences_of(a, t) for a, t in texts.items()}
    nlp, model = load_nlp(), load_tagger(str(args.model))
    found = extract_claims_many([(texts[a], s) for a, s in articles.items()], nlp,
                                keep_unresolved=True)
    systems: dict[str, list[dict]] = {"rules": [], "model": [], "hybrid": [], "hybrid_named": [],
                                      "hybrid_carry": []}
    rules_all, model_all, carried = [], [], []
    started = time.perf_counter()
    for (a, sents), f in zip(articles.items(), found, strict=True):
        r, m = rule_claims(nlp, a, texts[a], sents, f), model_claims(model, a, texts[a], sents)
        rules_all += r
        model_all += [c for c in m if not c["carried"]]
        carried += [c for c in m if c["carried"]]
        systems["rules"] += [c for c in r if c["speaker"]]
        systems["model"] += [c for c in m if c["speaker"]]
        for mode in ("all", "named", "carry"):
            systems["hybrid" if mode == "all" else f"hybrid_{mode}"] += hybrid(r, m, mode)
    model_s = time.perf_counter() - started
    # The product path: index.attribution.articles.second on the rules' resolved claims (what
    # extract_claims_many(..., second=mode) returns).
    pairs = [(texts[a], s) for a, s in articles.items()]
    resolved = [[c for c in f if c.speaker is not None] for f in found]
    for mode in ("named", "carry"):
        started = time.perf_counter()
        product = second_opinion(pairs, resolved, model, mode)
        print(f"product {mode}: second opinion {time.perf_counter() - started:.1f}s")
        systems[f"product_{mode}"] = [
            c for (a, sents), f in zip(articles.items(), product, strict=True)
            for c in rule_claims(nlp, a, texts[a], sents, f)]
    n_sent = sum(len(s) for s in articles.values())
    print(f"{args.corpus} dev: {len(texts)} articles, {n_sent} sentences; model "
          f"{n_sent / model_s:.0f} sentences/s")
    # (a) detection, per gold unit.
    for name, claims in (("rules", rules_all), ("model", model_all),
                         ("model+carried", model_all + carried),
                         ("rules+model", rules_all + model_all),
                         ("rules, resolved", systems["rules"]),
                         ("product named", systems["product_named"]),
                         ("product carry", systems["product_carry"])):
        pos = {(c["article"], c["sentence"]) for c in claims}
        if args.corpus == "polnear":
            tp = n_gold = n_sys = 0
            for a, sents in articles.items():
                cues = [tuple(sp) for r in gold_rel.get(a, []) for sp in r["cue"]["spans"]]
                for s in sents:
                    g = any(lo < s.end and hi > s.start for lo, hi in cues)
                    p = (a, s.start) in pos
                    tp, n_gold, n_sys = tp + (g and p), n_gold + g, n_sys + p
        else:
            spans = {}
            for a, sents in articles.items():
                spans[a] = [(s.start, s.end) for s in sents if (a, s.start) in pos]
            tp = n_sys = 0
            n_gold = sum(r["attribution"] for r in bbc_rows)
            for r in bbc_rows:
                p = any(overlaps((r["start"], r["end"]), sp) for sp in spans[r["article"]])
                tp, n_sys = tp + (p and r["attribution"]), n_sys + p
        print(f"(a) detection {name}: {prf(tp, n_sys, n_gold)}")
    # (c) source span.
    if args.corpus == "polnear":
        rm = {(c["article"], c["sentence"]): c["mention"] for c in rules_all}
        mm = {(c["article"], c["sentence"]): c["mention"] for c in model_all}
        both = hits_r = hits_m = 0
        for a, sents in articles.items():
            for s in sents:
                srcs = {r["source"]["text"].strip() for r in gold_rel.get(a, [])
                        if any(s.start <= lo < s.end for lo, _ in r["cue"]["spans"])}
                if srcs and (a, s.start) in rm and (a, s.start) in mm:
                    both += 1
                    hits_r += (rm[(a, s.start)] or "").strip() in srcs
                    hits_m += (mm[(a, s.start)] or "").strip() in srcs
        print(f"(c) source span exact, {both} gold sentences both detect: rules "
              f"{hits_r / max(both, 1):.3f}, model {hits_m / max(both, 1):.3f}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name, claims in systems.items():
        path = args.out / f"{args.corpus}_{name}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for c in claims:
                f.write(json.dumps({k: c[k] for k in ("article", "start", "end", "line",
                                                      "speaker", "text")}) + "\n")
        print(f"(b) {name}: {len(claims)} claims: {score(args.corpus, path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
