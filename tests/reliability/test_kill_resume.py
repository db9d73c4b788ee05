"""Crash safety with worker processes: SIGKILL the runner of a -j 2 run at chosen moments (while
documents are being processed, and while the final files are written), ten times, then finish."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

SLOW_PLUGIN = '''
import time
from pressnlp.core.stage import Stage

class CarefulStage(Stage):
    name = "careful"
    requires = ("text",)
    provides = ("words",)

    def process(self, record):
        time.sleep(0.01)
        record["words"] = len(record["text"].split())
        return record
'''
RELEASES = 300
KILLS = 10


def _done(out) -> int:
    docs = out / "docs"
    return sum(1 for path in docs.iterdir() if path.suffix == ".json") if docs.is_dir() else 0


def _wait_for_progress(out, target: int, runner: subprocess.Popen, timeout: float) -> None:
    """Until `target` documents are done or the runner has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _done(out) < target and runner.poll() is None:
        time.sleep(0.01)


@pytest.mark.slow
def test_killed_parallel_run_resumes_to_the_same_results(tmp_path, plugin_site, run_results):
    site = plugin_site("carefulstage", SLOW_PLUGIN, {"careful": "CarefulStage"})
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(RELEASES):
        (corpus / f"k{n:03d}.txt").write_text(f"Komunikat {n}\n\nGmina ogłasza nabór numer {n}. "
                                              f"Wnioski do {n % 28 + 1} marca 2024 r.\n", encoding="utf-8")
    config = tmp_path / "careful.toml"
    config.write_text('[pipeline]\nstages = ["read", "careful"]\n[run]\nbatch_size = 4\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pressnlp.cli", "run", str(corpus), "-c", str(config), "-j", "2",
               "--no-progress"]
    subprocess.run([*command, "-o", str(tmp_path / "reference")], env=env, check=True, capture_output=True,
                   timeout=300)
    out = tmp_path / "killed"
    rng = random.Random(20240314)
    kills, busy_refused = 0, False
    for trial in range(3 * KILLS):
        if kills == KILLS:
            break
        before = _done(out)
        # most kills land after a random number of new documents; every third one at the very end,
        # when all documents are done and results.jsonl and the manifest are being written
        at_the_end = trial % 3 == 2
        target = RELEASES if at_the_end else min(RELEASES, before + rng.randint(1, 40))
        runner = subprocess.Popen([*command, "-o", str(out)], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            _wait_for_progress(out, target, runner, timeout=120)
            if not busy_refused and runner.poll() is None:
                second = subprocess.run([*command, "-o", str(out)], env=env, capture_output=True, text=True,
                                        timeout=120)
                assert second.returncode == 2 and "in use by another pressnlp run" in second.stderr, second.stderr
                assert "Traceback" not in second.stderr
                busy_refused = True
            time.sleep(rng.uniform(0, 0.05 if at_the_end else 0.2))
            if runner.poll() is None:
                runner.send_signal(signal.SIGKILL)  # the runner only: its workers are orphaned
                kills += 1
            runner.wait(timeout=60)
        finally:
            try:
                os.killpg(runner.pid, signal.SIGKILL)  # then the orphaned workers of this run
            except ProcessLookupError:
                pass
        if (out / "results.jsonl").exists():  # an earlier finished run's file: whole, never torn
            assert all(json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines())
    finished = subprocess.run([*command, "-o", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert kills == KILLS and busy_refused
    assert run_results(out, timings=False) == run_results(tmp_path / "reference", timings=False)
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == RELEASES
    documents = sorted(path for path in (out / "docs").iterdir() if not path.name.startswith("."))
    assert len(documents) == RELEASES and all(json.loads(path.read_text(encoding="utf-8")) for path in documents)
    again = subprocess.run([*command, "-o", str(out)], env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and f"0 processed, {RELEASES} unchanged" in again.stdout
