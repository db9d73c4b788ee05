#!/usr/bin/env python
"""Benchmark: sentences per second of the dictionary gist (lexicon backend) on one core.

Speed is measured here rather than asserted in a test, since a test's wall-clock bound passes or
fails with the machine's load. Sentences are the Polish corpus sentences (see bench_translate.py);
a warm-up on other sentences loads the lexicon and Morfeusz; each timed pass gets sentences of its own,
so no cache inside the backend serves a repeat.

    .venv/bin/python scripts/bench_gist.py [--sentences 500] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time

from bench_translate import corpus_sentences
from pressnlp.stages.translate.base import TranslatorSettings
from pressnlp.stages.translate.lexicon import LexiconTranslator


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):  # measure on exactly one core
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    pool = list(dict.fromkeys(corpus_sentences(args.sentences * (args.repeat + 1))))
    translator = LexiconTranslator("pl", "en", TranslatorSettings())  # as configured by default: FreeDict on
    translator.translate_batch(pool[:args.sentences])
    rates = []
    for run in range(1, args.repeat + 1):
        sentences = pool[run * args.sentences:(run + 1) * args.sentences]
        started = time.perf_counter()
        translator.translate_batch(sentences)
        rates.append(len(sentences) / (time.perf_counter() - started))
    print(f"| sentences | runs | sentences/s (median) | min | max |\n|---|---|---|---|---|\n"
          f"| {len(sentences)} | {len(rates)} | {statistics.median(rates):.1f} | {min(rates):.1f} | {max(rates):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
