"""Stage `summarize` on the evaluation corpus: boilerplate is never selected, limits hold,
summaries do not change between runs (issue 6)."""
from __future__ import annotations

import copy
import json
import re
from functools import cache
from pathlib import Path

import pytest

from pressnlp import Pipeline
from pressnlp.stages.summarize import SummarizeOptions, SummarizeStage
from pressnlp.stages.summarize.boilerplate import word_count
from pressnlp.stages.summarize.candidates import candidate_sentences

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
GOLD = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text("utf-8").split("\n") if line.strip()]
IDS = [gold["id"] for gold in GOLD]
# Issue 16 (item 5): a release that opens with a label line ("INFORMACJA PRASOWA", with or without
# "| issuer") gets no candidate sentence and an empty summary. Strict: the day summarize is fixed,
# these pass and the marks must go.
EMPTY_SUMMARY_BUG = pytest.mark.xfail(strict=True, reason="issue 16: no summary after a label line")
LABEL_LINE_RELEASES = {
    "pl/2024-09-umwl-bilet-kolejowy-lubuskie.md",
    "pl/2024-10-iimr-pib-recykling-lopat-turbin.txt",
    "pl/2025-03-szpital-leszno-telemonitoring-kardiologia.txt",
}

# Written independently of boilerplate.toml: what a reader would call boilerplate in these releases.
CONTACT_HEADING = re.compile(r"^(kontakt|media contacts?|press contacts?|pressekontakt|contact presse|"
                             r"contacto|контакти|about the partners)", re.IGNORECASE | re.MULTILINE)
FORBIDDEN = [
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),  # e-mail
    re.compile(r"(\+|00)\d[\d ()-]{7,}\d|\b\d{2,3} \d{3} \d{2} \d{2}\b"),  # phone
    re.compile(r"^(więcej informacji|dowiedz się|aby uzyskać więcej|more information|kontakt)", re.IGNORECASE),
    re.compile(r"cookie", re.IGNORECASE),
    re.compile(r"^[\w .-]{2,30}, \d{1,2}\.? \w+ \d{4}( r\.)?$"),  # dateline
]


@cache
def read_and_detect(doc_id: str) -> dict:
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "detect"]}})
    return pipeline.process_file(CORPUS / doc_id, id=doc_id)


def summary_of(doc_id: str, **options) -> dict:
    record = copy.deepcopy(read_and_detect(doc_id))
    return SummarizeStage(SummarizeOptions(**options)).process(record)["summary"]


@pytest.mark.parametrize("doc_id", [pytest.param(doc_id, marks=EMPTY_SUMMARY_BUG) if doc_id in LABEL_LINE_RELEASES
                                    else doc_id for doc_id in IDS])
def test_boilerplate_is_never_selected(doc_id):
    record = read_and_detect(doc_id)
    text, language = record["text"], record["language"]["code"]
    heading = CONTACT_HEADING.search(text)
    closing = heading.start() if heading else len(text)
    for sentence in candidate_sentences(text, language, record["title"]):
        assert sentence.end <= closing, f"after the contact block: {sentence.text!r}"
        for pattern in FORBIDDEN:
            assert not pattern.search(sentence.text), f"{pattern.pattern!r} in {sentence.text!r}"
    everything = summary_of(doc_id, max_sentences=1000, max_words=100_000)["text"]
    assert everything, "every corpus release has something to summarise"
    assert all(not pattern.search(everything) for pattern in FORBIDDEN[:2] + FORBIDDEN[3:4])


@pytest.mark.parametrize(("max_sentences", "max_words"), [(2, 80), (1, 30), (3, 50)])
def test_length_limits_hold_on_the_corpus(max_sentences, max_words):
    for doc_id in IDS:
        record = read_and_detect(doc_id)
        candidates = candidate_sentences(record["text"], record["language"]["code"], record["title"])
        for method in ("textrank", "lead"):
            summary = summary_of(doc_id, method=method, max_sentences=max_sentences, max_words=max_words)
            assert word_count(summary["text"]) <= max_words, (doc_id, method)
            assert sum(c.text in summary["text"] for c in candidates) <= max_sentences, (doc_id, method)
            if record["language"]["code"] == "en":
                assert summary["en"] == summary["text"]


def test_corpus_summaries_are_deterministic():
    first = [summary_of(doc_id) for doc_id in IDS]
    again = [SummarizeStage().process(copy.deepcopy(read_and_detect(doc_id)))["summary"] for doc_id in IDS]
    assert first == again
    assert all(summary["method"] == "textrank" for summary in first)
