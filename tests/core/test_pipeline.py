"""The pipeline runs stages in order, times them, and keeps one document's failure to itself."""
from dataclasses import dataclass

import pytest

from pressnlp.core.document import Record
from pressnlp.core.pipeline import Pipeline
from pressnlp.core.registry import register
from pressnlp.core.stage import Stage
from pressnlp.schema import record_problems


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
    (skipped,) = _picky_records("Bez kropki")
    typed = Record.from_dict(skipped)
    assert typed.stages["test-picky"].reason == "nothing to pick: no sentence ends in this text"
    assert typed.stages["read"].reason is None
    assert typed.to_dict() == skipped


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
