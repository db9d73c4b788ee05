"""The release's date line is looked for once per document: the read stage finds it (for the
record's date and to skip it in the title guess) and the extract stage reuses what it found; the
extract stage on its own looks for it itself, and the facts come out the same either way."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressnlp import Pipeline
from pressnlp.core.document import DocumentContext, new_record
from pressnlp.io import readers
from pressnlp.io.readers import format_for_path
from pressnlp.lang.dates import find_release_date
from pressnlp.stages.extract import ExtractStage
from pressnlp.stages.extract import text as extract_text
from pressnlp.stages.read import DATELINE

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
RELEASE = """Metropolia rusza z programem

Katowice, 14 marca 2024 r.

Nabór ruszy w czerwcu, a instalacje powstaną do końca 2025 r.
"""


def test_a_pipeline_looks_for_the_date_line_once_per_document(monkeypatch):
    texts: list[str] = []

    def counted(text, language=None, **options):
        texts.append(text)
        return find_release_date(text, language, **options)

    monkeypatch.setattr(readers, "find_release_date", counted)
    monkeypatch.setattr(extract_text, "find_release_date", counted)
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "detect", "extract"]}})
    record = pipeline.process_text(RELEASE, id="once.txt")
    assert len(texts) == 1
    assert record["date"] == "2024-03-14"
    assert record["title"] == "Metropolia rusza z programem"
    assert [d["text"] for d in record["facts"]["dates"]] == ["w czerwcu", "do końca 2025 r."]


@pytest.fixture(scope="module")
def read_and_detect():
    return Pipeline.from_config({"pipeline": {"stages": ["read", "detect"]}})


@pytest.fixture(scope="module")
def extract_stage():
    stage = ExtractStage()
    stage.setup()
    return stage


def _gold_ids() -> list[str]:
    lines = (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["id"] for line in lines if line.strip()]


@pytest.mark.parametrize("doc_id", _gold_ids())
def test_the_read_stage_date_line_gives_the_facts_the_extract_stage_finds_alone(doc_id, read_and_detect,
                                                                                extract_stage):
    path = CORPUS / doc_id
    context = DocumentContext(content=path.read_bytes())
    record = new_record(doc_id, {"path": doc_id, "sha256": "", "format": format_for_path(path.name),
                                 "encoding": None, "bytes": 0})
    (record,) = read_and_detect.process_records([record], [context])
    if record["errors"]:
        pytest.skip(f"{doc_id} is not readable: {record['errors']}")
    assert DATELINE in context.notes
    alone = extract_stage.process(json.loads(json.dumps(record)))["facts"]
    reusing = extract_stage.process_documents([record], [context])[0]["facts"]
    assert reusing == alone
