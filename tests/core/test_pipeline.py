"""The pipeline runs stages in order, times them, and keeps one document's failure to itself."""
from dataclasses import dataclass

import pytest

from pressnlp.core.document import Record
from pressnlp.core.pipeline import Pipeline
from pressnlp.core.registry import register
from pressnlp.core.stage import Stage


@dataclass
class FussyOptions:
    refuse: str = "BOOM"


@register
class FussyStage(Stage):
    """Fails on documents containing a marker, in batch and one at a time."""

    name = "test-fussy"
    requires = ("text",)
    provides = ("checked",)
    Options = FussyOptions

    def process_batch(self, records):
        for record in records:
            if self.options.refuse in record["text"]:
                raise ValueError(f"cannot handle {record['id']}")
            record["checked"] = True
        return records


@register
class NeedsCheckedStage(Stage):
    name = "test-after"
    requires = ("checked",)
    provides = ("after",)

    def process(self, record):
        record["after"] = len(record["text"])
        return record


def _pipeline():
    return Pipeline.from_config({"pipeline": {"stages": ["read", "test-fussy", "test-after"]}})


def test_a_failing_document_gets_an_error_and_its_batch_mates_go_on():
    pipeline = _pipeline()
    records = []
    for i, text in enumerate(["Pierwszy komunikat.", "Tu jest BOOM w tekście.", "Trzeci komunikat."]):
        records.append(pipeline.process_text(text, id=f"doc{i}.txt"))
    bad = records[1]
    assert bad["errors"] == [{"stage": "test-fussy", "type": "ValueError", "message": "cannot handle doc1.txt"}]
    assert bad["stages"]["test-fussy"]["status"] == "error"
    assert bad["stages"]["test-after"]["status"] == "skipped"
    assert "after" not in bad
    assert [r["after"] for r in (records[0], records[2])] == [19, 17]


def test_batch_failure_is_isolated_to_the_failing_record():
    from pressnlp.core.document import new_record

    pipeline = _pipeline().setup()
    batch = []
    for i, text in enumerate(["ok one", "BOOM", "ok two"]):
        record = new_record(f"d{i}", {"path": f"d{i}", "sha256": "", "format": "txt", "encoding": None,
                                      "bytes": 0})
        record["_content"] = text.encode()
        batch.append(record)
    out = pipeline.process_records(batch)
    assert [bool(r["errors"]) for r in out] == [False, True, False]
    assert all(not key.startswith("_") for r in out for key in r)


def test_records_round_trip_through_typed_objects():
    record = _pipeline().process_text("Katowice, 14 marca 2024 r.\n\nTreść komunikatu.", id="rt.txt")
    typed = Record.from_dict(record)
    assert typed.source.format == "txt"
    assert typed.to_dict() == record


def test_fingerprint_changes_with_stage_options():
    first = Pipeline.from_config({"pipeline": {"stages": ["read", "test-fussy"]}})
    second = Pipeline.from_config({"pipeline": {"stages": ["read", "test-fussy"]},
                                   "stages": {"test-fussy": {"refuse": "X"}}})
    scheduling = Pipeline.from_config({"pipeline": {"stages": ["read", "test-fussy"]}, "run": {"workers": 2}})
    assert first.fingerprint() != second.fingerprint()
    assert first.fingerprint() == scheduling.fingerprint()


def test_stage_without_implementation_reports_itself():
    class Empty(Stage):
        name = "test-empty"

    with pytest.raises(NotImplementedError, match="test-empty"):
        Empty().process({})
