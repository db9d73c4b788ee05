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


def _records(out):
    records = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    for record in records:
        for run in record["stages"].values():
            run.pop("ms")
    return records


@pytest.mark.slow
def test_dask_gives_the_same_records_as_local_and_reruns_incrementally(small_corpus, tmp_path):
    pipeline = Pipeline.from_config(READ_ONLY)
    pipeline.run(small_corpus, tmp_path / "local", progress=False)
    summary = pipeline.run(small_corpus, tmp_path / "dask", engine="dask", workers=2, batch_size=3,
                           progress=False)
    assert (summary.documents, summary.processed) == (13, 13)
    assert _records(tmp_path / "dask") == _records(tmp_path / "local")
    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text())
    assert manifest["engine"] == {"name": "dask", "workers": 2}
    again = pipeline.run(small_corpus, tmp_path / "dask", engine="dask", workers=2, progress=False)
    assert (again.processed, again.cached) == (0, 13)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["dask", "local"])
def test_a_killed_worker_costs_no_record(small_corpus, tmp_path, plugin_site, monkeypatch, engine):
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
    records = _records(tmp_path / "out")
    assert [r["id"] for r in records] == sorted({r["id"] for r in records}) and len(records) == 13
    by_id = {r["id"]: r for r in records}
    assert (tmp_path / "killed-once").exists()
    assert by_id["a/release-05.txt"]["survived"] is True and not by_id["a/release-05.txt"]["errors"]
    assert by_id["b/release-06.txt"]["errors"][0]["type"] == "WorkerCrashed"
    assert summary.failed == 2  # the poison document and the broken .docx
    assert all(r.get("survived") for r in records if not r["errors"])
