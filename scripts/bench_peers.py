"""pressnlp against the tools people would otherwise reach for, side by side, in one run.

    python scripts/bench_peers.py [--corpus corpus] [--gold corpus/gold.jsonl] [--split test]
                                  [-c pipeline.toml] [--json FILE]

On the gold documents of the corpus (one split, or all with --split all):
- language: our detect stage against plain langdetect and plain lingua (all its languages),
  accuracy of the document language;
- dates: `pressnlp.stages.extract.dates.extract_dates` against `dateparser.search_dates`
  (each match re-parsed with DateDataParser for its granularity, so "czerwca 2024" gives
  "2024-06" as SPEC.md asks), micro P/R/F1 of date values against gold (SPEC.md section 3). Both
  get the release date as the reference for relative dates and both leave out the release's own
  date line;
- summaries: our summarize stage (its configured method, and `lead`) against sumy's TextRank
  and LexRank, ROUGE-1/2/L F1 of the English summary against `summary_en`. Every tool picks
  sentences from the same sentence split (ours: NLTK's punkt data cannot be downloaded here) and
  under the same budget (max_sentences, max_words of the summarize stage); the English of the
  picked sentences comes from the same translation (translation.segments), so only the choice
  of sentences differs.
Speed is milliseconds per document of the step being compared (models loaded beforehand);
ratios are the peer's figure over ours. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import functools
import json
import logging
import os
import platform
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressnlp import Pipeline
from pressnlp.core.config import load_config
from pressnlp.evaluation.data import load_gold
from pressnlp.evaluation.scoring import FieldScore, rouge, score_field
from pressnlp.lang.dates.release import find_release_date
from pressnlp.lang.segment import split_sentences
from pressnlp.stages.extract.dates import extract_dates
from pressnlp.stages.summarize import SummarizeOptions, SummarizeStage
from pressnlp.stages.summarize.align import aligned_english

logger = logging.getLogger("bench_peers")

REPO_ROOT = Path(__file__).resolve().parent.parent
STAGES = ["read", "detect", "translate", "summarize"]
Span = tuple[int, int]


@dataclass
class ToolFigures:
    """One tool on one task: a quality figure and the time it took."""

    task: str
    tool: str
    measure: str
    quality: float
    detail: str = ""
    seconds: float = 0.0
    documents: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ms_per_document(self) -> float:
        return 1000 * self.seconds / self.documents if self.documents else 0.0


@dataclass
class Document:
    """A gold line with our pipeline's record for the same release."""

    gold: dict[str, Any]
    record: dict[str, Any]

    @property
    def text(self) -> str:
        return self.record.get("text") or ""

    @property
    def language(self) -> str:
        """The gold language: the date and summary tasks should not inherit detection errors."""
        return self.gold["language"]

    def reference_date(self) -> dt.date | None:
        value = self.record.get("date") or self.gold.get("date")
        try:
            return dt.date.fromisoformat(value[:10]) if value else None
        except ValueError:
            return None

    def release_line(self) -> list[Span]:
        found = find_release_date(self.text, self.language)
        return [found[1]] if found else []


def stage_seconds(documents: list[Document], name: str) -> float:
    """Time our pipeline spent in stage `name` over the documents (its own per-document timing)."""
    return sum(doc.record["stages"].get(name, {}).get("ms", 0.0) for doc in documents) / 1000


def warm_up(function: Callable[..., Any], documents: list[Document], *args: Any) -> None:
    """Call `function` once per language, so data loaded on first use is not timed."""
    seen: set[str] = set()
    for doc in documents:
        if doc.language not in seen:
            seen.add(doc.language)
            function(doc, *args)


def timed(function: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


# --- language -------------------------------------------------------------------------------

def language_figures(documents: list[Document], detector_name: str) -> list[ToolFigures]:
    import langdetect
    from lingua import LanguageDetectorBuilder

    langdetect.DetectorFactory.seed = 0
    lingua_detector = LanguageDetectorBuilder.from_all_languages().build()

    def lingua_code(text: str) -> str:
        found = lingua_detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "und"

    def langdetect_code(text: str) -> str:
        try:
            return langdetect.detect(text)
        except langdetect.LangDetectException:
            return "und"

    rows = [_accuracy_row(f"pressnlp detect ({detector_name})", documents,
                          [(doc.record.get("language") or {}).get("code") for doc in documents],
                          stage_seconds(documents, "detect"))]
    for tool, detect in (("langdetect", langdetect_code), ("lingua (all languages)", lingua_code)):
        _, first_call = timed(detect, documents[0].text)  # loads profiles/models: not in the per-document time
        started = time.perf_counter()
        codes = [detect(doc.text) for doc in documents]
        rows.append(_accuracy_row(tool, documents, codes, time.perf_counter() - started))
        rows[-1].extra["first_call_seconds"] = round(first_call, 2)
    return rows


def _accuracy_row(tool: str, documents: list[Document], codes: list[str | None], seconds: float) -> ToolFigures:
    wrong = [f"{doc.gold['id']}: {code} (gold {doc.language})"
             for doc, code in zip(documents, codes, strict=True) if code != doc.language]
    correct = len(documents) - len(wrong)
    return ToolFigures("language", tool, "accuracy", correct / len(documents), f"{correct}/{len(documents)}",
                       seconds, len(documents), {"wrong": wrong})


# --- dates ----------------------------------------------------------------------------------

_PERIOD_FORMAT = {"year": "%Y", "month": "%Y-%m"}  # day, week and time: a day


def dateparser_dates(doc: Document, ignored: list[Span]) -> list[dict[str, Any]]:
    """search_dates on the text, each match placed in the text (for the ignored date line) and
    re-parsed for its period, as SPEC items; one item per value, as ours gives."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    reference = doc.reference_date()
    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if reference:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    found = search_dates(doc.text, languages=[doc.language], settings=settings) or []
    parser = DateDataParser(languages=[doc.language], settings=settings)
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    cursor = 0
    for text, moment in found:
        start = doc.text.find(text, cursor)
        if start >= 0:
            cursor = start + len(text)
            if any(start < end and begin < cursor for begin, end in ignored):
                continue
        data = parser.get_date_data(text)
        value = moment.strftime(_PERIOD_FORMAT.get(data.period or "day", "%Y-%m-%d"))
        if value not in seen:
            seen.add(value)
            items.append({"text": text, "value": value})
    return items


def date_figures(documents: list[Document]) -> list[ToolFigures]:
    tools: dict[str, Callable[[Document, list[Span]], list[dict[str, Any]]]] = {
        "pressnlp extract_dates": lambda doc, ignored: extract_dates(doc.text, doc.language, doc.reference_date(),
                                                                     ignore_spans=ignored),
        "dateparser.search_dates": dateparser_dates,
    }
    rows = []
    for tool, extract in tools.items():
        warm_up(extract, documents, [])
        total, seconds = FieldScore(), 0.0
        for doc in documents:
            ignored = doc.release_line()
            predicted, elapsed = timed(extract, doc, ignored)
            seconds += elapsed
            total.add(score_field("dates", predicted, doc.gold["facts"].get("dates") or []).score)
        rows.append(ToolFigures("dates", tool, "F1 (values)", total.f1,
                                f"P {total.precision:.2f} R {total.recall:.2f} (tp {total.tp}, fp {total.fp}, "
                                f"fn {total.fn})", seconds, len(documents)))
    return rows


# --- summaries ------------------------------------------------------------------------------

class _WordTokenizer:
    """sumy asks a tokenizer for the words of a sentence; NLTK's data is not needed for that."""

    @staticmethod
    def to_words(text: str) -> list[str]:
        return re.findall(r"\w+", text)


def _english_of(doc: Document, spans: list[Span]) -> str:
    """The English of the picked source sentences: the text itself for English, else the
    aligned translation (the same step our summarize stage uses)."""
    if doc.record.get("language", {}).get("code") == "en" or not doc.record.get("translation"):
        return " ".join(doc.text[start:end] for start, end in spans)
    return aligned_english(doc.record["translation"], spans) or ""


def _cap_words(text: str, max_words: int) -> str:
    words = text.split()
    return text if len(words) <= max_words else " ".join(words[:max_words]) + "…"


_SUMY_LANGUAGES = {"pl": "polish", "en": "english", "de": "german", "fr": "french", "es": "spanish",
                   "cs": "czech", "sk": "slovak", "uk": "ukrainian"}


@functools.cache
def sumy_summarizer(summarizer_cls: type, language: str) -> Any:
    """A sumy summarizer with sumy's stemmer and stop words for the language, where it has them
    (Polish stemming needs pystempel)."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    name = _SUMY_LANGUAGES.get(language, "")
    try:
        summarizer = summarizer_cls(Stemmer(name))
    except LookupError:
        summarizer = summarizer_cls()
    try:
        summarizer.stop_words = get_stop_words(name)
    except LookupError:
        logger.info("sumy has no stop words for %s", language)
    return summarizer


def sumy_summary(summarizer_cls: type, doc: Document, max_sentences: int, max_words: int) -> str:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    spans = [span for span in split_sentences(doc.text, doc.language) if doc.text[span[0]:span[1]].strip()]
    sentences = [Sentence(doc.text[start:end], _WordTokenizer()) for start, end in spans]
    summarizer = sumy_summarizer(summarizer_cls, doc.language)
    picked = summarizer(ObjectDocumentModel([Paragraph(sentences)]), max_sentences)
    indices = sorted(next(i for i, sentence in enumerate(sentences) if sentence is chosen) for chosen in picked)
    return _cap_words(_english_of(doc, [spans[i] for i in indices]), max_words)


def summary_figures(documents: list[Document], pipeline: Pipeline) -> list[ToolFigures]:
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    ours = next(stage for stage in pipeline.stages if stage.name == "summarize")
    options: SummarizeOptions = ours.options
    lead = SummarizeStage(SummarizeOptions(method="lead", max_sentences=options.max_sentences,
                                           max_words=options.max_words), pipeline.context)

    fresh_records = {doc.gold["id"]: copy.deepcopy(doc.record) for doc in documents}  # lead writes into them

    def lead_summary(doc: Document) -> str:
        return lead.process(fresh_records[doc.gold["id"]])["summary"]["en"] or ""

    rows = [_rouge_row(f"pressnlp summarize ({options.method})", documents,
                       [(doc.record.get("summary") or {}).get("en") or "" for doc in documents],
                       stage_seconds(documents, "summarize"))]
    tools: dict[str, Callable[[Document], str]] = {
        "pressnlp summarize (lead)": lead_summary,
        "sumy TextRank": lambda doc: sumy_summary(TextRankSummarizer, doc, options.max_sentences, options.max_words),
        "sumy LexRank": lambda doc: sumy_summary(LexRankSummarizer, doc, options.max_sentences, options.max_words),
    }
    for tool, summarise in tools.items():
        if tool.startswith("sumy"):  # not the lead stage: it would write into the records before timing
            warm_up(summarise, documents)
        summaries, seconds = [], 0.0
        for doc in documents:
            summary, elapsed = timed(summarise, doc)
            summaries.append(summary)
            seconds += elapsed
        rows.append(_rouge_row(tool, documents, summaries, seconds))
    return rows


def _rouge_row(tool: str, documents: list[Document], summaries: list[str], seconds: float) -> ToolFigures:
    scores = [rouge(summary, doc.gold["summary_en"]) for summary, doc in zip(summaries, documents, strict=True)]
    mean = {key: sum(s[key] for s in scores) / len(scores) for key in ("rouge1", "rouge2", "rougeL")}
    words = sum(len(summary.split()) for summary in summaries) / len(summaries)
    return ToolFigures("summary", tool, "ROUGE-L F1", mean["rougeL"],
                       f"R-1 {mean['rouge1']:.3f} R-2 {mean['rouge2']:.3f}, {words:.0f} words", seconds,
                       len(documents), {"mean": mean})


# --- the run --------------------------------------------------------------------------------

def load_documents(corpus: Path, gold_path: Path, split: str | None, config: str | None) -> tuple[list[Document],
                                                                                                   Pipeline]:
    """Our pipeline (read, detect, translate, summarize) over every gold document."""
    loaded = load_config(config)
    loaded.pipeline.stages = list(STAGES)
    pipeline = Pipeline.from_config(loaded).setup()
    lines = []
    for line in load_gold(gold_path, split):
        if (corpus / line["id"]).is_file():
            lines.append(line)
        else:
            logger.warning("%s: in the gold but not in the corpus; left out", line["id"])
    # one release per language first, untimed: models that load on first use (lingua's, the
    # lemmatiser's) would otherwise be charged to the first document
    for language in {line["language"]: line for line in lines}.values():
        pipeline.process_file(corpus / language["id"], id=language["id"])
    documents = [Document(line, pipeline.process_file(corpus / line["id"], id=line["id"])) for line in lines]
    return documents, pipeline


def markdown(rows: list[ToolFigures]) -> str:
    headers = ["task", "tool", "quality", "detail", "ms/doc", "quality vs ours", "time vs ours"]
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    ours: dict[str, ToolFigures] = {}
    for row in rows:
        base = ours.setdefault(row.task, row)  # the first row of a task is ours
        quality_ratio = f"{row.quality / base.quality:.2f}x" if base.quality else "-"
        time_ratio = f"{row.ms_per_document / base.ms_per_document:.2f}x" if base.ms_per_document else "-"
        lines.append(f"| {row.task} | {row.tool} | {row.measure} {row.quality:.3f} | {row.detail} | "
                     f"{row.ms_per_document:.1f} | {quality_ratio} | {time_ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO_ROOT / "corpus")
    parser.add_argument("--gold", type=Path, help="gold.jsonl (default: CORPUS/gold.jsonl)")
    parser.add_argument("--split", default="test", help="gold split to use, or 'all'")
    parser.add_argument("-c", "--config", help="pipeline config for our stages (its stage list is replaced)")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    warnings.filterwarnings("ignore", module="sumy")  # its Czech stemmer warns about every number
    os.environ.setdefault("TQDM_DISABLE", "1")  # pystempel draws a progress bar while loading

    split = None if args.split == "all" else args.split
    documents, pipeline = load_documents(args.corpus, args.gold or args.corpus / "gold.jsonl", split, args.config)
    if not documents:
        print("no gold documents found in the corpus", file=sys.stderr)
        return 2
    described = pipeline.describe()
    rows = [*language_figures(documents, described.get("detect", {}).get("detector", "?")),
            *date_figures(documents),
            *summary_figures([doc for doc in documents if doc.gold.get("summary_en")], pipeline)]
    backends = sorted({(doc.record.get("translation") or {}).get("backend") or "none (English)" for doc in documents})
    print(f"`python scripts/bench_peers.py --split {args.split}` on {os.cpu_count()} cores "
          f"({platform.machine()}, load average {os.getloadavg()[0]:.1f} at the end), Python "
          f"{platform.python_version()}: {len(documents)} gold documents of "
          f"{args.corpus.name}/; translation for the summaries: {', '.join(backends)}\n")
    print(markdown(rows))
    loading = ", ".join(f"{row.tool} {row.extra['first_call_seconds']} s" for row in rows
                        if "first_call_seconds" in row.extra)
    print(f"\nRatios are the tool's figure over ours. First calls (loading data, not in ms/doc): {loading}.")
    for row in rows:
        for wrong in row.extra.get("wrong", []):
            print(f"- {row.tool} wrong: {wrong}")
    if args.json:
        args.json.write_text(json.dumps([row.__dict__ | {"ms_per_document": row.ms_per_document} for row in rows],
                                        indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
