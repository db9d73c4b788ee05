"""The tiny Marian model of the translate tests, committed in tests/data/models (its exact outputs
are asserted: see pressnlp.testing, "margins"), and its CTranslate2 conversion, made per session
because converting takes a second and tests the converter too."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def tiny_marian(tiny_model) -> Path:
    """A MarianMT model trained on `pressnlp.testing.toy_pairs_pl_en()`, saved like opus-mt."""
    pytest.importorskip("sentencepiece")
    return tiny_model("tiny-opus-mt-pl-en")


@pytest.fixture(scope="session")
def tiny_ct2(tiny_marian, tmp_path_factory) -> Path:
    """The tiny model converted in float32 by the code behind `pressnlp models convert`."""
    pytest.importorskip("ctranslate2")
    from pressnlp.models import convert_model

    return convert_model(tiny_marian, tmp_path_factory.mktemp("converted") / "tiny-ct2", "float32")


@pytest.fixture(autouse=True)
def _config_home_of_the_tests(tmp_path_factory, monkeypatch):
    """The translate stage reads the user's glossary when a config names none: tests get an
    empty config folder of their own, never the real user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "empty-config-home"))


@pytest.fixture(scope="session")
def translator():
    """The dictionary gist on our own lexicon only (FreeDict off): what a test expects of it is ours."""
    pytest.importorskip("morfeusz2")
    from pressnlp.stages.translate.base import TranslatorSettings
    from pressnlp.stages.translate.lexicon import LexiconTranslator

    return LexiconTranslator("pl", "en", TranslatorSettings(extra={"freedict": False}))


@pytest.fixture(scope="session")
def gist(translator):
    """`gist(sentence)`: the gist of one sentence."""
    return lambda sentence: translator.translate_batch([sentence])[0]
