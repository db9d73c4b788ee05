"""Helpers for the extract stage's tests: run the stage on a text the way the pipeline would."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from pressnlp.core.document import new_record
from pressnlp.core.stage import StageContext, build_options
from pressnlp.stages.extract import ExtractStage

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _declared_extractors() -> dict[str, str]:
    """The `pressnlp.extractors` entry points pyproject.toml declares: name -> "module:Class"."""
    table = tomllib.loads(PYPROJECT.read_text("utf-8"))
    return table["project"]["entry-points"]["pressnlp.extractors"]


@pytest.fixture
def declared_extractors() -> dict[str, str]:
    return _declared_extractors()


@pytest.fixture(scope="module")
def extract():
    """`extract(text, language="pl", title=None, date=None, **options) -> facts`; stages are
    cached per option set, as a pipeline builds one per run."""
    stages: dict[str, ExtractStage] = {}

    def run(text: str, language: str = "pl", *, title: str | None = None, date: str | None = None,
            **options: Any) -> dict[str, Any]:
        key = repr(sorted(options.items()))
        if key not in stages:
            stage = ExtractStage(build_options(ExtractStage.Options, options, prefix="stages.extract"),
                                 StageContext())
            stage.setup()
            stages[key] = stage
        record = new_record("test.txt", {"path": "test.txt", "sha256": "", "format": "txt"})
        record.update(text=text, title=title, date=date,
                      language={"code": language, "confidence": 1.0, "detector": "test", "segments": []})
        return stages[key].process(record)["facts"]

    return run
