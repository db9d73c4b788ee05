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


@register
class PickyStage(Stage):
    """Does not apply to documents without a full stop, and says so; reports a marker as its own error."""

    name = "test-picky"
    requires = ("text",)
    provides = ("picked",)

    def process(self, record):
        record["picked"] = None
        if "OOPS" in record["text"]:
            record["errors"].append({"stage": self.name, "type": "Oops", "message": "reported, not raised"})
        elif "." not in record["text"]:
            self.skip(record, "nothing to pick: no sentence ends in this text")
        else:
            record["picked"] = record["text"].split(".")[0]
        return record


@register
class NeedsPickedStage(Stage):
    name = "test-after-picky"
    requires = ("picked",)
    provides = ("picked_length",)

    def process(self, record):
        record["picked_length"] = len(record["picked"] or "")
        return record


def _pipeline():
    return Pipeline.from_config({"pipeline": {"stages": ["read", "test-fussy", "test-after"]}})


def _picky_records(*texts):
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "test-picky", "test-after-picky"]}})
    return [pipeline.process_text(text, id=f"doc{i}.txt") for i, text in enumerate(texts)]


def test_a_failing_document_gets_an_error_and_its_batch_mates_go_on():
    pipeline = _pipeline()
    records = []
    for i, text in enumerate(["Pierwszy komunikat.", "Tu jest BOOM w tekście.", "Trzeci komunikat."]):
        records.append(pipeline.process_text(text, id=f"doc{i}.txt"))
    bad = records[1]
    assert bad["errors"] == [{"stage": "test-fussy", "type": "ValueError", "message": "cannot handle doc1.txt"}]
    assert bad["stages"]["test-fussy"]["status"] == "failed"
    assert bad["stages"]["test-after"] == {
        "status": "skipped", "reason": "not run: stage 'test-fussy' failed (no checked)", "ms": 0.0}
    assert "after" not in bad
    assert [r["after"] for r in (records[0], records[2])] == [19, 17]
    assert all(r["stages"]["test-fussy"]["status"] == "ok" for r in (records[0], records[2]))


def test_a_stage_that_does_not_apply_says_why_and_is_not_a_failure():
    good, skipped = _picky_records("Zdanie pierwsze. Drugie", "Nagłówek bez kropki")
    assert good["stages"]["test-picky"]["status"] == "ok" and "reason" not in good["stages"]["test-picky"]
    assert skipped["errors"] == []
    assert skipped["stages"]["test-picky"]["status"] == "skipped"
    assert skipped["stages"]["test-picky"]["reason"] == "nothing to pick: no sentence ends in this text"
    # its field is null, as for any document it has nothing to do for, and later stages still run
    assert skipped["picked"] is None
    assert skipped["stages"]["test-after-picky"]["status"] == "ok" and skipped["picked_length"] == 0
    assert all(not key.startswith("_") for key in skipped)
    assert record_problems(skipped) == []


def test_a_stage_never_reports_ok_beside_its_own_error():
    (reported,) = _picky_records("OOPS. Coś poszło nie tak.")
    assert reported["errors"] == [{"stage": "test-picky", "type": "Oops", "message": "reported, not raised"}]
    assert reported["stages"]["test-picky"]["status"] == "failed"
    assert reported["stages"]["test-after-picky"]["status"] == "skipped"
    assert record_problems(reported) == []


def test_validation_catches_a_status_that_contradicts_errors():
    (record,) = _picky_records("Zdanie. Drugie.")
    record["errors"].append({"stage": "test-picky", "type": "X", "message": "m"})
    assert record_problems(record) == ["stages/test-picky: status 'ok' beside an error of this stage"]
    record["errors"].clear()
    record["stages"]["test-picky"]["status"] = "failed"
    assert record_problems(record) == ["stages/test-picky: failed without an entry in errors"]
    record["stages"]["test-picky"] = {"status": "skipped", "ms": 0.0}
    assert any("reason" in problem for problem in record_problems(record))


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
