"""Tiny neural models for the translate tests, built once per session (about 10 s on 2 cores).

The builder lives in `pressnlp.testing` so that other stages' tests (summarize) can build their
own tiny seq2seq models without importing from this folder.
"""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory) -> Path:
    """A MarianMT model trained on `pressnlp.testing.toy_pairs_pl_en()`, saved like opus-mt."""
    for module in ("torch", "transformers", "sentencepiece"):
        pytest.importorskip(module)
    from pressnlp.testing import build_tiny_marian

    return build_tiny_marian(tmp_path_factory.mktemp("models") / "tiny-opus-mt-pl-en")


@pytest.fixture(scope="session")
def tiny_ct2(tiny_marian, tmp_path_factory) -> Path:
    """The tiny model converted by the code behind `pressnlp models convert ... --quantization int8`."""
    pytest.importorskip("ctranslate2")
    from pressnlp.models import convert_model

    return convert_model(tiny_marian, tmp_path_factory.mktemp("converted") / "tiny-ct2", "int8")


@pytest.fixture(autouse=True)
def _config_home_of_the_tests(tmp_path_factory, monkeypatch):
    """The translate stage reads the user's glossary when a config names none: tests get an
    empty config folder of their own, never the real user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "empty-config-home"))
