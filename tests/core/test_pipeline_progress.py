"""The pipeline tells a progress callback when each stage starts and finishes, in order, with the batch size."""
from pressnlp.core.document import DocumentContext, new_record
from pressnlp.core.pipeline import Pipeline, StageProgress
from pressnlp.core.registry import register
from pressnlp.core.stage import Stage

HEARD: list[str] = []


@register
class ListeningStage(Stage):
    """Notes when it runs, so the test sees the callback's events around the stage's own work."""

    name = "test-listening"
    requires = ("text",)
    provides = ()

    def process(self, record):
        HEARD.append(f"processing {record['id']}")
        return record


def _batch(*texts: str) -> tuple[list[dict], list[DocumentContext]]:
    records = [new_record(f"d{i}.txt", {"path": f"d{i}.txt", "sha256": "", "format": "txt", "encoding": None,
                                        "bytes": len(text)}) for i, text in enumerate(texts)]
    return records, [DocumentContext(content=text.encode()) for text in texts]


def test_progress_hears_each_stage_start_and_finish_around_its_work():
    HEARD.clear()
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "test-listening", "detect"]}})
    events: list[StageProgress] = []

    def listen(event: StageProgress) -> None:
        events.append(event)
        HEARD.append(f"{'finished' if event.finished else 'started'} {event.stage}")

    pipeline.progress = listen
    out = pipeline.process_records(*_batch("Pierwszy komunikat prasowy.", "Second press release."))
    assert [record["stages"]["test-listening"]["status"] for record in out] == ["ok", "ok"]
    assert HEARD == ["started read", "finished read", "started test-listening", "processing d0.txt",
                     "processing d1.txt", "finished test-listening", "started detect", "finished detect"]
    assert events[2] == StageProgress("test-listening", index=1, stages=3, records=2, finished=False)
    assert {(event.stages, event.records) for event in events} == {(3, 2)}
    assert [event.index for event in events] == [0, 0, 1, 1, 2, 2]


def test_a_failing_stage_is_still_reported_finished_and_no_callback_is_the_default():
    events: list[StageProgress] = []
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "test-listening"]}})
    assert pipeline.progress is None
    assert pipeline.process_text("Bez słuchacza.", id="quiet.txt")["stages"]["test-listening"]["status"] == "ok"
    pipeline.progress = events.append
    record = pipeline.process_bytes(b"\xff\xfe\x00binary\x00", id="broken.txt", format="docx")
    assert record["stages"]["read"]["status"] == "failed"
    assert [(event.stage, event.finished) for event in events] == [
        ("read", False), ("read", True), ("test-listening", False), ("test-listening", True)]
