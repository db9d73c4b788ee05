"""Limits users can set: file size, text length per stage, time per document (and a hung worker)."""
from __future__ import annotations

import pytest

from pressnlp import Pipeline
from pressnlp.engines import local

# Stages of a plug-in package: `count` needs only text; `hang` never returns on a document that says
# ZAWIEŚ (asleep in Python, which SIGALRM interrupts) or ZAWIEŚ NA AMEN (a loop inside C code that
# never looks at signals, as a stuck C extension would be: only killing the process ends it).
PLUGIN = '''
import collections
import itertools
import time

from pressnlp.core.stage import Stage


class CountStage(Stage):
    name = "count"
    requires = ("text",)
    provides = ("chars",)

    def process(self, record):
        record["chars"] = len(record["text"])
        return record


class HangStage(Stage):
    name = "hang"
    requires = ("text",)
    provides = ("finished",)

    def process(self, record):
        if "ZAWIEŚ NA AMEN" in record["text"]:
            collections.deque(itertools.repeat(0), maxlen=0)
        if "ZAWIEŚ" in record["text"]:
            time.sleep(3600)
        record["finished"] = True
        return record
'''


@pytest.fixture
def plugin(plugin_site, monkeypatch):
    site = plugin_site("pressnlp_limits_probe", PLUGIN, {"count": "CountStage", "hang": "HangStage"})
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", str(site))  # spawned workers find it too
    return site


def _corpus(folder, texts: dict[str, str]):
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _release(n: int) -> str:
    return f"Komunikat {n}\n\nGmina ogłasza nabór numer {n} do programu wsparcia.\n"


def test_files_over_max_file_bytes_get_an_error_record(tmp_path, plugin, results_by_id):
    corpus = _corpus(tmp_path / "corpus", {"small.txt": _release(1), "big.txt": _release(2) + "ż" * 600})
    config = {"pipeline": {"stages": ["read", "count"]}, "stages": {"read": {"max_file_bytes": 1000}}}
    summary = Pipeline.from_config(config).run(corpus, tmp_path / "out", progress=False)
    records = results_by_id(tmp_path / "out")
    assert records["small.txt"]["errors"] == [] and records["small.txt"]["chars"] == len(_release(1).strip())
    big = records["big.txt"]
    assert big["errors"] == [{"stage": "read", "type": "StageError",
                              "message": "file is over the limit of 1,000 bytes (stages.read.max_file_bytes)"}]
    assert big["stages"]["read"]["status"] == "failed"
    assert big["stages"]["count"] == {"status": "skipped", "reason": "not run: stage 'read' failed (no text)",
                                      "ms": 0.0}
    assert "chars" not in big
    assert summary.exit_code == 1


def test_max_text_chars_applies_per_stage(tmp_path, plugin, results_by_id):
    long_text = "Gmina ogłasza nabór. " * 60
    corpus = _corpus(tmp_path / "corpus", {"short.txt": _release(1), "long.txt": long_text})
    config = {"pipeline": {"stages": ["read", "count", "hang"]},
              "limits": {"max_text_chars": {"default": 10_000, "count": 500}}}
    Pipeline.from_config(config).run(corpus, tmp_path / "out", progress=False)
    records = results_by_id(tmp_path / "out")
    assert records["short.txt"]["errors"] == [] and records["short.txt"]["finished"] is True
    long = records["long.txt"]
    assert long["errors"] == [{"stage": "count", "type": "StageError",
                               "message": f"text is {len(long['text']):,} characters, over the limit of 500 "
                                          "for stage 'count' (limits.max_text_chars)"}]
    assert long["stages"]["hang"]["status"] == "ok" and long["finished"] is True  # other stages go on


def test_a_document_that_sleeps_forever_gets_an_error_within_its_budget(tmp_path, plugin, results_by_id):
    texts = {f"r{n}.txt": _release(n) for n in range(4)}
    texts["r2.txt"] = "ZAWIEŚ\n\nTen komunikat nigdy się nie kończy."
    corpus = _corpus(tmp_path / "corpus", texts)
    config = {"pipeline": {"stages": ["read", "hang"]}, "limits": {"doc_timeout_s": 0.5}}
    summary = Pipeline.from_config(config).run(corpus, tmp_path / "out", workers=1, progress=False)
    # the batch of four gets 4 × 0.5 s, then each document is retried alone with 0.5 s: only r2 times out
    records = results_by_id(tmp_path / "out")
    hung = records["r2.txt"]
    assert hung["errors"] == [{"stage": "hang", "type": "DocumentTimeout",
                               "message": "stage 'hang' exceeded its time budget of 0.5 s (limits.doc_timeout_s)"}]
    assert all(records[f"r{n}.txt"]["finished"] and not records[f"r{n}.txt"]["errors"] for n in (0, 1, 3))
    assert summary.failed == 1


@pytest.mark.slow
def test_a_worker_hung_beyond_signals_is_replaced_and_the_document_fails(tmp_path, plugin, monkeypatch, results_by_id):
    # The grace a batch gets for worker start-up and model loading (30 s) is cut to 10 s, so the test
    # waits seconds, not minutes, for the two attempts the hung document gets; less than that, a
    # loaded machine starting a fresh pool can overrun it on a good document.
    monkeypatch.setattr(local, "GRACE_S", 10.0)
    texts = {f"r{n}.txt": _release(n) for n in range(6)}
    texts["r3.txt"] = "ZAWIEŚ NA AMEN\n\nTen komunikat nigdy się nie kończy."
    corpus = _corpus(tmp_path / "corpus", texts)
    # 2 s, not less: a fresh worker's first document imports the read stage's libraries, which on a
    # loaded machine took more than half a second and failed a good document
    config = {"pipeline": {"stages": ["read", "hang"]}, "limits": {"doc_timeout_s": 2.0}}
    summary = Pipeline.from_config(config).run(corpus, tmp_path / "out", workers=2, batch_size=1, progress=False)
    records = results_by_id(tmp_path / "out")
    assert records["r3.txt"]["errors"][0]["type"] == "WorkerCrashed"
    assert "limits.doc_timeout_s" in records["r3.txt"]["errors"][0]["message"]
    good = [records[f"r{n}.txt"] for n in range(6) if n != 3]
    assert [record["id"] for record in good if record["errors"] or not record.get("finished")] == []
    assert summary.failed == 1
