"""A corpus with releases in a language that has no translation model is processed, not failed:
the command exits 0, and each warning reaches the terminal once, whatever the number of workers."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

GERMAN = ("Die Stadtwerke Leipzig bauen eine Großwärmepumpe am Klärwerk Rosental. Sie soll ab 2026 Wärme "
          "aus gereinigtem Abwasser gewinnen und damit tausende Haushalte mit Fernwärme versorgen.\n")
POLISH = ("Metropolia GZM podpisała umowę z miastem Katowice. Projekt obejmie budowę nowych ścieżek "
          "rowerowych i potrwa do końca 2025 roku.\n")
CONFIG = '[pipeline]\nstages = ["read", "detect", "translate"]\n'


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[int, tuple[subprocess.CompletedProcess, list[dict]]]:
    """`pressnlp run` as a user starts it, with one and with two workers (both at once)."""
    base = tmp_path_factory.mktemp("warnings")
    corpus = base / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"de-{i}.txt").write_text(GERMAN.replace("2026", str(2026 + i)), encoding="utf-8")
        (corpus / f"pl-{i}.txt").write_text(POLISH.replace("2025", str(2025 + i)), encoding="utf-8")
    (base / "pipeline.toml").write_text(CONFIG, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(base / "cache")}
    started = {}
    for workers in (1, 2):
        command = [sys.executable, "-m", "pressnlp.cli", "run", str(corpus), "-o", str(base / f"out-{workers}"),
                   "-c", str(base / "pipeline.toml"), "-j", str(workers), "--batch-size", "1", "--no-progress"]
        started[workers] = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                            env=env)
    results = {}
    for workers, process in started.items():
        stdout, stderr = process.communicate(timeout=300)
        lines = (base / f"out-{workers}" / "results.jsonl").read_text(encoding="utf-8").splitlines()
        results[workers] = (subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr),
                            [json.loads(line) for line in lines])
    return results


@pytest.mark.parametrize("workers", [1, 2])
def test_a_language_without_a_model_is_skipped_and_the_run_succeeds(runs, workers):
    result, records = runs[workers]
    assert result.returncode == 0, result.stderr
    assert "0 with errors" in result.stdout
    german = [r for r in records if r["id"].startswith("de-")]
    assert len(german) == 3
    for record in german:
        assert record["errors"] == [] and record["translation"] is None
        assert record["stages"]["translate"]["status"] == "skipped"
        assert "no translation model for German (de)" in record["stages"]["translate"]["reason"]


@pytest.mark.parametrize("workers", [1, 2])
def test_each_warning_is_printed_once(runs, workers):
    stderr = runs[workers][0].stderr
    assert stderr.count("no translation model for German (de)") == 1, stderr
    assert stderr.count("dictionary gist") == 1, stderr
    assert "warning: translate: no translation model for German (de)" in stderr
