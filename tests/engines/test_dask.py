"""The Dask engine on a 2-worker LocalCluster: same records as local, survives a killed worker."""
import json

import pytest

from pressnlp import Pipeline

distributed = pytest.importorskip("distributed")

READ_ONLY = {"pipeline": {"stages": ["read"]}}

# Kills its worker process the first time it sees a document marked "ZABIJ" (a flag file records
# that it did), and every time for one marked "ZAWSZE".
KILLER = '''
import os
from pathlib import Path
from pressnlp.core.stage import Stage

class KillerStage(Stage):
    name = "killer"
    requires = ("text",)
    provides = ("survived",)

    def process(self, record):
        flag = Path(os.environ["PRESSNLP_TEST_FLAG"])
        if "ZAWSZE" in record["text"] or ("ZABIJ" in record["text"] and not flag.exists()):
            flag.touch()
            os._exit(1)
        record["survived"] = True
        return record
'''


@pytest.mark.slow
def test_dask_gives_the_same_records_as_local_and_reruns_incrementally(small_corpus, tmp_path, run_results):
    pipeline = Pipeline.from_config(READ_ONLY)
    pipeline.run(small_corpus, tmp_path / "local", progress=False)
    summary = pipeline.run(small_corpus, tmp_path / "dask", engine="dask", workers=2, batch_size=3,
                           progress=False)
    assert (summary.documents, summary.processed) == (13, 13)
    assert run_results(tmp_path / "dask", timings=False) == run_results(tmp_path / "local", timings=False)
    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text())
    assert manifest["engine"] == {"name": "dask", "workers": 2}
    again = pipeline.run(small_corpus, tmp_path / "dask", engine="dask", workers=2, progress=False)
    assert (again.processed, again.cached) == (0, 13)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["dask", "local"])
def test_a_killed_worker_costs_no_record(small_corpus, tmp_path, plugin_site, monkeypatch, engine, run_results):
    import dask

    site = plugin_site("killerstage", KILLER, {"killer": "KillerStage"})
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", str(site))
    monkeypatch.setenv("PRESSNLP_TEST_FLAG", str(tmp_path / "killed-once"))
    (small_corpus / "a" / "release-05.txt").write_text("ZABIJ\n\nTen dokument zabija proces raz.", encoding="utf-8")
    (small_corpus / "b" / "release-06.txt").write_text("ZAWSZE\n\nTen zawsze.", encoding="utf-8")
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "killer"]}})
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        summary = pipeline.run(small_corpus, tmp_path / "out", engine=engine, workers=2, batch_size=4,
                               progress=False)
    records = run_results(tmp_path / "out", timings=False)
    assert [r["id"] for r in records] == sorted({r["id"] for r in records}) and len(records) == 13
    by_id = {r["id"]: r for r in records}
    assert (tmp_path / "killed-once").exists()
    assert by_id["a/release-05.txt"]["survived"] is True and not by_id["a/release-05.txt"]["errors"]
    assert by_id["b/release-06.txt"]["errors"][0]["type"] == "WorkerCrashed"
    # Only the poison document and the broken .docx fail, whichever documents shared the poison's worker.
    assert sorted(r["id"] for r in records if r["errors"]) == ["b/broken.docx", "b/release-06.txt"]
    assert summary.failed == 2
    assert all(r.get("survived") for r in records if not r["errors"])


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["dask", "local"])
def test_ctrl_c_stops_cleanly_and_the_next_run_resumes(tmp_path, slow_stage_site, engine):
    import os
    import signal
    import subprocess
    import sys
    import time

    site = slow_stage_site(0.05)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(120):
        (corpus / f"r{n:03d}.txt").write_text(f"Tytuł {n}\n\nTreść {n}.\n", encoding="utf-8")
    config = tmp_path / "slow.toml"
    config.write_text('[pipeline]\nstages = ["read", "slow"]\n[run]\nbatch_size = 2\n', encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pressnlp.cli", "run", str(corpus), "-o", str(out), "-c", str(config),
               "--engine", engine, "-j", "2", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(site)}
    # a shell that starts jobs in the background (as CI may) makes them ignore SIGINT: undo that,
    # as a terminal's foreground process would have it
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list((out / "docs").glob("*.json")):
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "run the same command again to resume" in stderr and "Traceback" not in stderr
    done_before = len(list((out / "docs").glob("*.json")))
    assert 0 < done_before < 120 and not (out / "results.jsonl").exists()
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    import re

    processed, unchanged = map(int, re.search(r"(\d+) processed, (\d+) unchanged", finished.stdout).groups())
    # a document interrupted between its file and its state row is simply done again
    assert processed + unchanged == 120 and done_before - 1 <= unchanged <= done_before
    assert len((out / "results.jsonl").read_text(encoding="utf-8").splitlines()) == 120
