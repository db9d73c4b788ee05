"""Clear errors for users: a bad config through the real command gets exit code 2 and one message
that names the file, the key and what was expected; never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

# name -> (config text, words the message must contain besides the file name)
CASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "toml-syntax": ('[pipeline\nstages = ["read"]\n', ("TOML syntax error", "line 1")),
    "unknown-section": ("[limit]\ndoc_timeout_s = 5\n", ("key 'limit'", "unknown section", "limits")),
    "wrong-type": ('[run]\nworkers = "two"\n', ("key 'run.workers'", "expected int", "'two'")),
    "wrong-type-option": ('[stages.read]\nmax_file_bytes = "50 MB"\n',
                          ("key 'stages.read.max_file_bytes'", "expected int", "'50 MB'")),
    "wrong-type-limit": ('[limits]\nmax_text_chars = { extract = "dużo" }\n',
                         ("key 'limits.max_text_chars.extract'", "expected int", "'dużo'")),
    "negative-limit": ("[limits]\ndoc_timeout_s = -1\n", ("key 'limits'", "positive")),
    "unknown-stage": ('[pipeline]\nstages = ["read", "detect", "tłumacz"]\n',
                      ("key 'pipeline.stages'", "unknown stage 'tłumacz'", "valid stages", "translate")),
    "unknown-option": ('[stages.detect]\ndetektor = "lingua"\n',
                       ("key 'stages.detect.detektor'", "unknown option 'detektor'", "valid options", "detector")),
    "bad-choice": ('[stages.detect]\ndetector = "fasttext"\n',
                   ("key 'stages.detect.detector'", "unknown language detector 'fasttext'", "langdetect, lingua")),
    "options-of-a-missing-stage": ('[pipeline]\nstages = ["read"]\n[stages.detect]\ndetector = "lingua"\n',
                                   ("key 'stages.detect'", "not in pipeline.stages")),
    "missing-model-path": ('[stages.translate]\nbackend = "marian"\nmodels = { pl = "/nonexistent/opus-mt-pl-en" }\n',
                           ("stages.translate", "/nonexistent/opus-mt-pl-en", "not found")),
    "missing-glossary": ('[stages.translate]\nglossary = "/nonexistent/słownik.toml"\n',
                         ("key 'stages.translate.glossary'", "/nonexistent/słownik.toml")),
}
KNOWN_BUGS: dict[str, str] = {}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, tuple[str, subprocess.CompletedProcess]]:
    """Every case through `python -m pressnlp.cli run`, all processes at once to save time."""
    base = tmp_path_factory.mktemp("configs")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "pusty.txt").write_bytes(b"")  # a run that gets past the config finishes at once
    env = {**os.environ, "XDG_CACHE_HOME": str(base / "cache")}
    running = {}
    for name, (text, _) in CASES.items():
        config = base / f"{name}.toml"
        config.write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "pressnlp.cli", "run", str(corpus), "-o", str(base / f"out-{name}"),
                   "-c", str(config), "--no-progress"]
        running[name] = (str(config), subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                                         text=True, env=env))
    results = {}
    for name, (config, process) in running.items():
        stdout, stderr = process.communicate(timeout=300)
        results[name] = (config, subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))
    return results


@pytest.mark.parametrize("case", [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name]))
                                  if name in KNOWN_BUGS else name for name in CASES])
def test_bad_config_gets_one_clear_message_and_exit_code_2(outcomes, case):
    config, result = outcomes[case]
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pressnlp: error: "), result.stderr
    message = lines[0]
    assert config in message, message
    for words in CASES[case][1]:
        assert words in message, (words, message)
