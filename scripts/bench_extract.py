"""Quality and speed of the `extract` stage.

    python scripts/bench_extract.py score [--split dev|test|all] [--details]
        F1 per fact field against corpus/gold.jsonl (SPEC.md section 3 scorer), per split.
    python scripts/bench_extract.py speed [--releases 200] [--words 500]
        Releases per second on one core for ~500-word releases, with milliseconds per extractor.

Releases are read with the `read` stage and the language comes from the `detect` stage when it
is installed (else from the gold), so the figures are what a user of the pipeline gets.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from pressnlp import Pipeline
from pressnlp.core.stage import StageContext
from pressnlp.evaluation.scoring import FACT_FIELDS, score
from pressnlp.stages.extract import ExtractOptions, ExtractStage

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def read_corpus(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records after read (+ detect when available) for every gold document."""
    try:
        pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "detect"]}})
    except Exception:  # noqa: BLE001 - detect not installed: read only, language from gold
        pipeline = Pipeline.from_config({"pipeline": {"stages": ["read"]}})
    records = []
    for line in gold:
        record = pipeline.process_file(CORPUS / line["id"], id=line["id"])
        if not record.get("language"):
            record["language"] = {"code": line["language"], "confidence": 1.0, "detector": "gold",
                                  "segments": []}
        records.append(record)
    return records


def run_score(args: argparse.Namespace) -> None:
    gold = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    records = read_corpus(gold)
    stage = ExtractStage(ExtractOptions(), StageContext())
    stage.setup()
    for record in records:
        stage.process(record)
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    for split in splits:
        chosen = [g for g in gold if g.get("split") == split]
        report = score(records, chosen, text_metrics=False)
        print(f"== {split}: {len(chosen)} releases")
        for name in FACT_FIELDS:
            field = report.fields[name]
            print(f"  {name:9} P {field.precision:.3f}  R {field.recall:.3f}  F1 {field.f1:.3f}"
                  f"  (tp {field.tp}, fp {field.fp}, fn {field.fn})")
        if args.details:
            for document in report.documents:
                for name in args.fields or FACT_FIELDS:
                    detail = document[name]
                    if detail["missed"] or detail["spurious"]:
                        print(f"  {document['id']} {name}")
                        for item in detail["missed"]:
                            print(f"      missed   {_short(item)}")
                        for item in detail["spurious"]:
                            print(f"      spurious {_short(item)}")


def _short(item: Any) -> str:
    if isinstance(item, dict):
        keep = {k: v for k, v in item.items() if k in ("name", "aliases", "text", "value", "kind", "id")}
        return json.dumps(keep, ensure_ascii=False)
    return str(item)


def speed_texts(words: int) -> list[dict[str, Any]]:
    """Corpus releases (read once) cut or repeated to about `words` words each."""
    gold = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    records = read_corpus(gold)
    for record in records:
        body = record["text"].split(" ")
        while len(body) < words:
            body = body + body
        record["text"] = " ".join(body[:words])
    return records


def run_speed(args: argparse.Namespace) -> None:
    if hasattr(os, "sched_setaffinity"):  # measure on exactly one core
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    base = speed_texts(args.words)
    stage = ExtractStage(ExtractOptions(), StageContext())
    stage.setup()
    for record in base:  # warm the caches a long run would have warm too
        stage.process(dict(record))
    stage.timings = {name: 0.0 for name in stage.timings}
    records = [dict(base[i % len(base)]) for i in range(args.releases)]
    started = time.perf_counter()
    per_release = []
    for record in records:
        one = time.perf_counter()
        stage.process(record)
        per_release.append((time.perf_counter() - one) * 1000)
    elapsed = time.perf_counter() - started
    print(f"{len(records)} releases of ~{args.words} words in {elapsed:.2f} s: "
          f"{len(records) / elapsed:.1f} releases/s on one core "
          f"(median {statistics.median(per_release):.1f} ms, max {max(per_release):.1f} ms)")
    for name, ms in stage.timings.items():
        print(f"  {name:9} {ms / len(records):6.2f} ms per release")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    score_parser = sub.add_parser("score", help="F1 per field on the corpus gold")
    score_parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    score_parser.add_argument("--details", action="store_true", help="list missed and spurious items")
    score_parser.add_argument("--fields", nargs="*", choices=FACT_FIELDS)
    speed_parser = sub.add_parser("speed", help="releases per second on one core")
    speed_parser.add_argument("--releases", type=int, default=200)
    speed_parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args(argv)
    if args.command == "score":
        run_score(args)
    else:
        run_speed(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
