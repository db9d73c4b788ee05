"""Corpus runs: outputs, incremental re-runs, parallel workers, locking, failures, datasets."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from pressnlp import Pipeline, to_dataset
from pressnlp.cli import main
from pressnlp.core.errors import RunLockedError
from pressnlp.engines.output import OutputFolder, doc_relpath
from pressnlp.schema import validate_jsonl

READ_ONLY = {"pipeline": {"stages": ["read"]}}


def test_run_writes_sorted_results_docs_and_manifest(small_corpus, tmp_path, run_results):
    out = tmp_path / "out"
    summary = Pipeline.from_config(READ_ONLY).run(small_corpus, out, progress=False)
    records = run_results(out)
    ids = [r["id"] for r in records]
    assert ids == sorted(ids) and len(ids) == 13
    assert "notes.csv" not in ids and summary.ignored == 1
    assert summary.failed == 1 and summary.exit_code == 1
    broken = next(r for r in records if r["id"] == "b/broken.docx")
    assert broken["errors"][0]["stage"] == "read"
    good = next(r for r in records if r["id"] == "a/release-01.txt")
    assert good["title"] == "Nabór wniosków nr 2 w programie wsparcia gmin"  # the label line above is not the title
    assert good["date"] == "2024-03-02"
    assert good["source"]["encoding"] == "utf-8"
    assert (out / "docs" / "a" / "release-01.txt.json").is_file()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"] == {"documents": 13, "processed": 13, "cached": 0, "failed": 1, "ignored": 1}
    assert manifest["timings"]["read"]["documents"] == 13
    assert manifest["config"]["pipeline"]["stages"] == ["read"]
    assert list(validate_jsonl(out / "results.jsonl")) == []
    report = (out / "report.html").read_text(encoding="utf-8")
    assert all(record_id in report for record_id in ids)
    assert oct((out / "results.jsonl").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask():
    current = os.umask(0)
    os.umask(current)
    return current


def test_rerun_skips_unchanged_and_redoes_changed_documents(small_corpus, tmp_path, run_results):
    out = tmp_path / "out"
    pipeline = Pipeline.from_config(READ_ONLY)
    pipeline.run(small_corpus, out, progress=False)
    again = pipeline.run(small_corpus, out, progress=False)
    assert (again.processed, again.cached) == (0, 13)
    (small_corpus / "a" / "release-03.txt").write_text("Nowy tytuł\n\nNowa treść.", encoding="utf-8")
    changed = pipeline.run(small_corpus, out, progress=False)
    assert (changed.processed, changed.cached) == (1, 12)
    assert next(r for r in run_results(out) if r["id"] == "a/release-03.txt")["title"] == "Nowy tytuł"
    other_config = Pipeline.from_config({**READ_ONLY, "stages": {"read": {"max_file_bytes": 10**6}}})
    assert other_config.run(small_corpus, out, progress=False).processed == 13


def test_a_document_file_a_power_cut_left_empty_is_done_again(small_corpus, tmp_path, run_results):
    """Document files and state rows are not flushed to disk one by one: after a power cut a file
    whose row survived may come back empty."""
    out = tmp_path / "out"
    pipeline = Pipeline.from_config(READ_ONLY)
    pipeline.run(small_corpus, out, progress=False)
    assert sqlite3.connect(out / ".pressnlp" / "state.sqlite").execute("PRAGMA journal_mode").fetchone() == ("wal",)
    (out / doc_relpath("a/release-03.txt")).write_bytes(b"")
    again = pipeline.run(small_corpus, out, progress=False)
    assert (again.processed, again.cached) == (1, 12)
    assert next(r for r in run_results(out) if r["id"] == "a/release-03.txt")["title"].startswith("Nabór")


def test_two_workers_give_the_same_records_as_one(small_corpus, tmp_path, run_results):
    pipeline = Pipeline.from_config(READ_ONLY)
    pipeline.run(small_corpus, tmp_path / "one", progress=False)
    pipeline.run(small_corpus, tmp_path / "two", workers=2, batch_size=3, progress=False)
    assert run_results(tmp_path / "one", timings=False) == run_results(tmp_path / "two", timings=False)


def test_second_run_on_a_busy_output_folder_is_refused(small_corpus, tmp_path):
    out = tmp_path / "out"
    with OutputFolder(out).lock():
        with pytest.raises(RunLockedError, match="in use by another pressnlp run"):
            Pipeline.from_config(READ_ONLY).run(small_corpus, out, progress=False)
    assert Pipeline.from_config(READ_ONLY).run(small_corpus, out, progress=False).documents == 13


def test_parquet_and_datasets(small_corpus, tmp_path):
    import datasets

    out = tmp_path / "out"
    Pipeline.from_config(READ_ONLY).run(small_corpus, out, formats=["jsonl", "parquet"], progress=False)
    dataset = to_dataset(out)
    assert dataset.num_rows == 13 and "text" in dataset.column_names
    parquet = datasets.load_dataset("parquet", data_files=str(out / "results.parquet"), split="train")
    assert sorted(parquet["id"]) == sorted(dataset["id"])


def test_document_ids_cannot_escape_the_output_folder():
    for doc_id in ("../../etc/passwd", "a/../../x.txt", "nazwa z\nnową linią.txt", "/abs.txt", "C:\\x.txt"):
        path = doc_relpath(doc_id)
        assert path.startswith("docs/") and ".." not in path.split("/") and "\n" not in path
        assert "//" not in path
    assert doc_relpath("pl/zażółć gęślą.txt") == "docs/pl/zażółć gęślą.txt.json"
    assert doc_relpath("a/../b.txt") != doc_relpath("a/__/b.txt")


def test_cli_exit_codes(small_corpus, tmp_path, capsys):
    config = tmp_path / "read.toml"
    config.write_text('[pipeline]\nstages = ["read"]\n', encoding="utf-8")
    assert main(["run", str(small_corpus), "-o", str(tmp_path / "out"), "-c", str(config), "--no-progress"]) == 1
    (small_corpus / "b" / "broken.docx").unlink()
    assert main(["run", str(small_corpus), "-o", str(tmp_path / "out"), "-c", str(config), "--no-progress"]) == 0
    assert main(["validate", str(tmp_path / "out" / "results.jsonl")]) == 0
    assert main(["show", str(tmp_path / "out"), "a/release-01.txt"]) == 0
    assert "Nabór wniosków nr 2 w programie wsparcia gmin" in capsys.readouterr().out
    assert main(["show", str(tmp_path / "out"), "nope.txt"]) == 2
    missing_config = str(tmp_path / "nope.toml")
    assert main(["run", str(small_corpus), "-o", str(tmp_path / "o2"), "-c", missing_config]) == 2
    assert "config file not found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["run", str(small_corpus)])
    assert usage.value.code == 2


def test_validate_reports_broken_records(tmp_path):
    bad = tmp_path / "results.jsonl"
    bad.write_text('{"schema": "pressnlp.result/1", "id": "x"}\nnot json\n', encoding="utf-8")
    problems = list(validate_jsonl(bad))
    assert any("'source' is a required property" in p for p in problems)
    assert any(p.startswith("line 2: not JSON") for p in problems)


@pytest.mark.slow
def test_killed_run_resumes_to_the_same_results(tmp_path, slow_stage_site, run_results):
    """SIGKILL at random moments, then run again: exactly the uninterrupted run's records."""
    import random

    site = slow_stage_site(0.004)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(300):
        (corpus / f"r{n:03d}.txt").write_text(f"Tytuł {n}\n\nTreść komunikatu numer {n}.\n", encoding="utf-8")
    config = tmp_path / "slow.toml"
    config.write_text('[pipeline]\nstages = ["read", "slow"]\n[run]\nbatch_size = 4\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    command = [sys.executable, "-m", "pressnlp.cli", "run", str(corpus), "-c", str(config), "--no-progress"]
    subprocess.run([*command, "-o", str(tmp_path / "reference")], env=env, check=True, capture_output=True)
    out = tmp_path / "killed"
    rng = random.Random(7)
    kills = 0
    for _ in range(4):
        process = subprocess.Popen([*command, "-o", str(out)], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.4, 1.6))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
    subprocess.run([*command, "-o", str(out)], env=env, check=True, capture_output=True)
    assert kills >= 1
    reference = run_results(tmp_path / "reference", timings=False)
    resumed = run_results(out, timings=False)
    assert resumed == reference
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == 300
