"""The pipeline runs stages in order, times them, and keeps one document's failure to itself."""
from dataclasses import dataclass

import pytest

from pressnlp.core.document import RECORD_KEY_ORDER, DocumentContext, new_record
from pressnlp.core.pipeline import Pipeline
from pressnlp.core.registry import register
from pressnlp.core.stage import Stage
from pressnlp.schema import load_schema, record_problems


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
    pipeline = _pipeline().setup()
    batch, contexts = [], []
    for i, text in enumerate(["ok one", "BOOM", "ok two"]):
        batch.append(new_record(f"d{i}", {"path": f"d{i}", "sha256": "", "format": "txt", "encoding": None,
                                          "bytes": 0}))
        contexts.append(DocumentContext(content=text.encode()))
    out = pipeline.process_records(batch, contexts)
    assert [bool(r["errors"]) for r in out] == [False, True, False]
    assert [r["text"] for r in out] == ["ok one", "BOOM", "ok two"]  # the read stage took the bytes from the context
    assert out[1]["stages"]["test-after"]["status"] == "skipped"
    assert contexts[1].missing == {"checked", "after"}  # what the failed and the skipped stage did not provide
    for record in out:  # the working data stays off the record
        assert list(record)[:len(RECORD_KEY_ORDER)] == list(RECORD_KEY_ORDER)
        assert set(record) - set(RECORD_KEY_ORDER) <= {"checked", "after"}


def test_the_record_is_defined_by_its_json_schema():
    schema = load_schema("result")
    assert list(new_record("a.txt", {})) == list(schema["properties"])
    record = _pipeline().process_text("Katowice, 14 marca 2024 r.\n\nTreść komunikatu.", id="rt.txt")
    assert record["schema"] == schema["$id"]
    assert record_problems(record) == []


@register
class NotingStage(Stage):
    """Leaves a note in each document's context, as a stage that needs working data does."""

    name = "test-noting"
    requires = ("text",)

    def process_documents(self, records, contexts):
        for record, context in zip(records, contexts, strict=True):
            context.notes["test.words"] = len(record["text"].split())
        return records


@register
class ReadingNotesStage(Stage):
    name = "test-reading-notes"
    provides = ("words",)

    def process_documents(self, records, contexts):
        for record, context in zip(records, contexts, strict=True):
            record["words"] = context.notes["test.words"]
        return records


def test_stages_pass_working_data_through_the_context_and_it_is_never_written():
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "test-noting", "test-reading-notes"]}})
    record = pipeline.process_text("Trzy krótkie słowa.", id="notes.txt")
    assert record["words"] == 3
    assert set(record) == {*RECORD_KEY_ORDER, "words"}


@register
class FlakyNotingStage(Stage):
    """Notes every document, then fails the batch once it holds BOOM (the single retries pass)."""

    name = "test-flaky-noting"
    requires = ("text",)

    def process_documents(self, records, contexts):
        for context in contexts:
            context.notes["test.calls"] = context.notes.get("test.calls", 0) + 1
        if len(records) > 1 and any("BOOM" in record["text"] for record in records):
            raise ValueError("the batch fails")
        return records


def test_a_retried_document_starts_again_from_its_context_as_it_was():
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "test-flaky-noting"]}}).setup()
    batch = [new_record(name, {"path": name, "sha256": "", "format": "txt", "encoding": None, "bytes": 0})
             for name in ("a", "b")]
    contexts = [DocumentContext(content=b"ok"), DocumentContext(content=b"BOOM")]
    out = pipeline.process_records(batch, contexts)
    assert [r["errors"] for r in out] == [[], []]
    assert [context.notes["test.calls"] for context in contexts] == [1, 1]


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
