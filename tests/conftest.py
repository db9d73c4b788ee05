"""Fixtures shared by the whole suite."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

TINY_MODELS_DIR = Path(__file__).resolve().parent / "data" / "models"


@pytest.fixture
def plugin_site(tmp_path):
    """Install a stage plug-in the way pip would (a dist-info with entry_points.txt) into a folder
    that the test puts on sys.path or PYTHONPATH. Returns `install(module, code, stages)`."""
    site = tmp_path / "site"

    def install(module: str, code: str, stages: dict[str, str]) -> Path:
        package = site / module
        package.mkdir(parents=True)
        (package / "__init__.py").write_text(textwrap.dedent(code), encoding="utf-8")
        info = site / f"{module}-0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
        entries = "".join(f"{name} = {module}:{cls}\n" for name, cls in stages.items())
        (info / "entry_points.txt").write_text(f"[pressnlp.stages]\n{entries}")
        return site

    return install


def _run_results(out: Path, *, timings: bool = True) -> list[dict]:
    records = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    if not timings:
        for record in records:
            for run in record["stages"].values():
                run.pop("ms", None)
    return records


@pytest.fixture(scope="session")
def tiny_model():
    """`tiny_model(name)`: the folder of a tiny model committed in tests/data/models (built once by
    scripts/build_test_models.py, see pressnlp.testing.TINY_MODELS); skips without torch and
    transformers. Tests read these folders, never write them."""

    def folder(name: str) -> Path:
        for module in ("torch", "transformers"):
            pytest.importorskip(module)
        return TINY_MODELS_DIR / name

    return folder


@pytest.fixture(scope="session")
def run_results():
    """`run_results(out, timings=False)`: the records of OUT/results.jsonl in file order; without
    each stage's "ms" when timings=False, so that two runs of the same input compare equal."""
    return _run_results


@pytest.fixture(scope="session")
def results_by_id():
    """`results_by_id(out, timings=False)`: the records of OUT/results.jsonl by id (see run_results)."""

    def by_id(out: Path, *, timings: bool = True) -> dict[str, dict]:
        return {record["id"]: record for record in _run_results(out, timings=timings)}

    return by_id


SLOW_STAGE = """
import os
import time
from pressnlp.core.stage import Stage

class SlowStage(Stage):
    name = "slow"
    requires = ("text",)
    provides = ("slow",)

    def process(self, record):
        time.sleep(float(os.environ.get("PRESSNLP_TEST_SLOW_S", "0.004")))
        record["slow"] = len(record["text"])
        return record
"""


@pytest.fixture
def slow_stage_site(plugin_site, monkeypatch):
    """A `slow` stage plug-in (sleeps per document), for tests that interrupt runs; returns
    `install(seconds)` -> the site folder to put on PYTHONPATH."""

    def install(seconds: float) -> Path:
        monkeypatch.setenv("PRESSNLP_TEST_SLOW_S", str(seconds))
        return plugin_site("slowstage", SLOW_STAGE, {"slow": "SlowStage"})

    return install


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path_factory, monkeypatch):
    """Tests never read the real user's glossary or cache (~/.config/pressnlp, ~/.cache/pressnlp)."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
