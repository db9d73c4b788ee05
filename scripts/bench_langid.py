"""Benchmark the detect stage's language identification; prints Markdown tables.

1. The lingua-py test data (sentences, word pairs, single words for cs, de, en, pl, sk, uk):
   each line detected on its own, accuracy = lines detected as the file's language, as the
   lingua project counts it; with lines per second.
2. The corpus (when given): document accuracy against gold `language`, and paragraph accuracy on
   paragraphs of 40+ characters. Paragraph gold is the document's gold language, except paragraphs
   that a stopword count shows to be English (see `english_by_stopwords`), independent of
   the n-gram detectors being measured.

Rows: our detect stage with each backend (candidates restricted to the stage's default languages,
alphabet prior) and plain langdetect (all 55 profiles, seed 0), the usual baseline.

    .venv/bin/python scripts/bench_langid.py --data /work/shared/benchmarks/langid --corpus corpus
"""
from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from pressnlp import Pipeline, lang
from pressnlp.lang.segment import split_paragraphs
from pressnlp.stages.detect import DetectOptions, DetectStage, default_languages
from pressnlp.stages.detect.backends import load_backend
from pressnlp.stages.detect.identify import LanguageIdentifier

KINDS = ("single-words", "word-pairs", "sentences")
BENCH_LANGUAGES = ("cs", "de", "en", "pl", "sk", "uk")
PUBLISHED_POLISH = {  # lingua-py accuracy reports, Polish, all languages as candidates
    "langdetect (published)": ("74.5", "93.0", "99.8"),
    "lingua high accuracy (published)": ("85.4", "98.4", "99.9"),
}
MIN_PARAGRAPH_CHARS = 40
_WORD = re.compile(r"[^\W\d_]+")

Detect = Callable[[str], str]


def plain_langdetect() -> Detect:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> str:
        try:
            return detect(text)
        except LangDetectException:
            return "und"
    return run


def detectors() -> dict[str, Detect]:
    languages = tuple(default_languages())
    ours = {f"ours ({name})": LanguageIdentifier(load_backend(name, languages))
            for name in ("langdetect", "lingua")}
    found: dict[str, Detect] = {label: (lambda text, i=identifier: i.identify(text).code)
                                for label, identifier in ours.items()}
    found["langdetect (plain, 55 languages)"] = plain_langdetect()
    return found


def bench_lines(data: Path, detect: Detect) -> tuple[dict[tuple[str, str], float], float]:
    """Accuracy per (kind, language) and lines per second over all files."""
    accuracy = {}
    lines_done, seconds = 0, 0.0
    for kind in KINDS:
        for language in BENCH_LANGUAGES:
            # "\n" only: splitlines() would also break at the U+0085 inside some mojibake lines.
            lines = [line.strip() for line in (data / kind / f"{language}.txt").read_text("utf-8").split("\n")]
            lines = [line for line in lines if line]
            started = time.perf_counter()
            correct = sum(detect(line) == language for line in lines)
            seconds += time.perf_counter() - started
            lines_done += len(lines)
            accuracy[kind, language] = 100.0 * correct / len(lines)
    return accuracy, lines_done / seconds


def english_by_stopwords(paragraph: str, document_language: str) -> bool:
    """A paragraph of a non-English release is English when English function words make up at
    least a quarter of its words and outnumber those of the document's language."""
    words = [word.lower() for word in _WORD.findall(paragraph)]
    if document_language == "en" or len(words) < 5:
        return False
    own_stopwords = pack.stopwords if (pack := lang.find(document_language)) else frozenset()
    english = sum(word in lang.get("en").stopwords for word in words)
    own = sum(word in own_stopwords for word in words)
    return english >= 0.25 * len(words) and english > own


def corpus_items(corpus: Path, gold_path: Path) -> list[tuple[str, str, str]]:
    """(id, gold language, text) for every gold document, read by the read stage."""
    reader = Pipeline.from_config({"pipeline": {"stages": ["read"]}})
    items = []
    for line in gold_path.read_text("utf-8").split("\n"):
        if line.strip():
            gold = json.loads(line)
            record = reader.process_file(corpus / gold["id"], id=gold["id"])
            items.append((gold["id"], gold["language"], record["text"]))
    return items


def bench_corpus(items: list[tuple[str, str, str]]) -> tuple[list[str], list[str]]:
    """Table rows and the list of wrong answers."""
    rows, wrong = [], []
    paragraph_gold = {}
    for doc_id, language, text in items:
        for start, end in split_paragraphs(text):
            if end - start >= MIN_PARAGRAPH_CHARS:
                english = english_by_stopwords(text[start:end], language)
                paragraph_gold[doc_id, start] = "en" if english else language
    switched = sum(code == "en" for (doc_id, _), code in paragraph_gold.items()
                   if not doc_id.startswith("en/"))
    for label, stage_paragraphs in _corpus_runners().items():
        started = time.perf_counter()
        doc_correct, par_correct, misses = 0, 0, []
        for doc_id, language, text in items:
            code, paragraph_codes = stage_paragraphs(text)
            doc_correct += code == language
            if code != language:
                misses.append(f"doc {doc_id}: {code}")
            for start, found in paragraph_codes.items():
                if (doc_id, start) in paragraph_gold:
                    expected = paragraph_gold[doc_id, start]
                    par_correct += found == expected
                    if found != expected:
                        misses.append(f"{doc_id}@{start}: {found} for {expected}")
        seconds = time.perf_counter() - started
        rows.append(f"| {label} | {len(items)} | {100 * doc_correct / len(items):.1f}% | "
                    f"{len(paragraph_gold)} | {100 * par_correct / len(paragraph_gold):.1f}% | "
                    f"{len(items) / seconds:.0f} |")
        wrong.extend(f"- {label}: {miss}" for miss in misses)
    wrong.insert(0, f"Paragraphs of 40+ characters judged English inside non-English releases: {switched}")
    return rows, wrong


def _corpus_runners() -> dict[str, Callable[[str], tuple[str, dict[int, str]]]]:
    """Per detector: text -> (document code, {paragraph start: code})."""
    runners = {}
    for name in ("langdetect", "lingua"):
        stage = DetectStage(DetectOptions(detector=name))
        stage.setup()
        stage.process({"text": "Warm-up: lingua loads each language model on first use."})

        def run(text: str, stage: DetectStage = stage) -> tuple[str, dict[int, str]]:
            language = stage.process({"text": text})["language"]
            codes = {}
            for start, _ in split_paragraphs(text):
                codes[start] = next(s["code"] for s in language["segments"] if s["start"] <= start < s["end"])
            return language["code"], codes
        runners[f"ours ({name})"] = run
    plain = plain_langdetect()

    def run_plain(text: str) -> tuple[str, dict[int, str]]:
        return plain(text), {start: plain(text[start:end]) for start, end in split_paragraphs(text)}
    runners["langdetect (plain, 55 languages)"] = run_plain
    return runners


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/benchmarks/langid"),
                        help="folder with sentences/, word-pairs/, single-words/")
    parser.add_argument("--corpus", type=Path, help="corpus folder (with gold.jsonl) to measure too")
    parser.add_argument("--gold", type=Path, help="gold file (default CORPUS/gold.jsonl)")
    args = parser.parse_args()

    header = " | ".join(BENCH_LANGUAGES)
    print(f"| detector | kind | {header} | mean | lines/s |")
    print("|---|---|" + "---|" * (len(BENCH_LANGUAGES) + 2))
    for label, detect in detectors().items():
        detect("warm up the models")
        accuracy, speed = bench_lines(args.data, detect)
        for kind in KINDS:
            cells = [accuracy[kind, language] for language in BENCH_LANGUAGES]
            values = " | ".join(f"{cell:.1f}" for cell in cells)
            print(f"| {label} | {kind} | {values} | {sum(cells) / len(cells):.1f} | {speed:.0f} |")
    for label, figures in PUBLISHED_POLISH.items():
        for kind, figure in zip(KINDS, figures, strict=True):
            cells = " | ".join(figure if language == "pl" else "" for language in BENCH_LANGUAGES)
            print(f"| {label} | {kind} | {cells} | | |")

    if args.corpus:
        items = corpus_items(args.corpus, args.gold or args.corpus / "gold.jsonl")
        print()
        print(f"| detector | documents | document accuracy | paragraphs {MIN_PARAGRAPH_CHARS}+ chars "
              "| paragraph accuracy | documents/s |")
        print("|---|---|---|---|---|---|")
        rows, wrong = bench_corpus(items)
        print("\n".join(rows))
        print()
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
