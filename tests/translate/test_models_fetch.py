"""`pressnlp models fetch`: the real download code (huggingface_hub) against a hub served on
127.0.0.1 (HF_ENDPOINT), then conversion, and `backend = "auto"` picking the result up."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hub_server import COMMIT, serve_hub

pytestmark = pytest.mark.neural
REPO = "toy/opus-mt-pl-en"


def pressnlp(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pressnlp.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def hub_env(url: str, tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "HF_ENDPOINT": url, "HF_HOME": str(tmp_path / "hf-home"), "HF_HUB_DISABLE_TELEMETRY": "1"}
    for offline in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        env.pop(offline, None)
    return env


def config_for(tmp_path: Path, models: Path) -> Path:
    config = tmp_path / "pipeline.toml"
    config.write_text(f'version = 1\n[stages.translate]\nmodels = {{pl = "{REPO}"}}\nmodel_dir = "{models}"\n',
                      encoding="utf-8")
    return config


def test_fetch_downloads_converts_records_and_auto_uses_it(tiny_marian, tmp_path):
    models = tmp_path / "models"
    config = config_for(tmp_path, models)
    with serve_hub(REPO, tiny_marian) as (url, hub):
        fetched = pressnlp("models", "fetch", "pl", "-c", str(config), env=hub_env(url, tmp_path))
    assert fetched.returncode == 0, fetched.stderr
    assert any(request.startswith("GET /toy/opus-mt-pl-en/resolve/") for request in hub.requests)
    converted = models / (REPO + "-ct2")
    assert (converted / "model.bin").is_file()
    info = json.loads((converted / "pressnlp-conversion.json").read_text("utf-8"))
    assert info["revision"] == COMMIT and info["quantization"] == "int8"
    expected = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in tiny_marian.iterdir()}
    assert info["files"] == expected

    release = tmp_path / "release.txt"
    release.write_text("Miasto buduje nowy most.\n\nMost będzie gotowy w 2026 roku.\n", encoding="utf-8")
    offline = {**os.environ, "HF_HUB_OFFLINE": "1"}
    processed = pressnlp("process", str(release), "-c", str(config), env=offline)
    assert processed.returncode == 0, processed.stderr
    record = json.loads(processed.stdout)
    assert record["stages"]["translate"]["status"] == "ok"
    assert record["translation"]["backend"].startswith("ctranslate2")


def test_a_file_that_does_not_match_the_hubs_checksum_is_refused(tiny_marian, tmp_path):
    models = tmp_path / "models"
    with serve_hub(REPO, tiny_marian) as (url, hub):
        hub.corrupt.add("model.safetensors")
        fetched = pressnlp("models", "fetch", "pl", "--model", REPO, "--model-dir", str(models),
                           env=hub_env(url, tmp_path))
    assert fetched.returncode != 0
    assert "checksum" in fetched.stderr
    assert not (models / (REPO + "-ct2")).exists()


def test_unknown_revision_and_unconfigured_language_are_clear_errors(tiny_marian, tmp_path):
    with serve_hub(REPO, tiny_marian) as (url, _hub):
        env = hub_env(url, tmp_path)
        missing = pressnlp("models", "fetch", "pl", "--model", REPO, "--revision", "v9", "--model-dir",
                           str(tmp_path / "models"), env=env)
        unconfigured = pressnlp("models", "fetch", "xx", env=env)
    assert missing.returncode != 0 and "v9" in missing.stderr
    assert unconfigured.returncode != 0 and "configured: pl" in unconfigured.stderr


def test_offline_mode_says_what_to_do(tmp_path):
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    fetched = pressnlp("models", "fetch", "pl", "--model-dir", str(tmp_path / "models"), env=env)
    assert fetched.returncode != 0 and "HF_HUB_OFFLINE" in fetched.stderr
