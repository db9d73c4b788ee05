"""Method `abstractive`: a seq2seq model loaded from a path, here a tiny one trained by the test."""
from __future__ import annotations

import pytest

from pressnlp.core.errors import ConfigError, StageError
from pressnlp.core.pipeline import Pipeline
from pressnlp.core.registry import register
from pressnlp.core.stage import Stage
from pressnlp.stages.summarize import AbstractiveOptions, SummarizeOptions, SummarizeStage

pytest.importorskip("transformers")
pytestmark = pytest.mark.neural

RELEASES = {
    "pl": ("Nowy dworzec w Gliwicach\n\nKatowice, 5 kwietnia 2024 r.\n\n"
           "Miasto buduje nowy dworzec autobusowy przy ulicy Dworcowej. Budowa potrwa dwa lata.\n\n"
           "Kontakt dla mediów:\nKamila Okoń\ntel. 32 728 46 00"),
    "en": ("New school hall in Leeds\n\n"
           "The school is opening a new sports hall for five hundred pupils. It cost four million pounds."),
}
# What the summariser sees is the body without title, dateline and contacts.
TRAINING_PAIRS = [
    ("Miasto buduje nowy dworzec autobusowy przy ulicy Dworcowej. Budowa potrwa dwa lata.",
     "Miasto buduje dworzec."),
    ("The school is opening a new sports hall for five hundred pupils. It cost four million pounds.",
     "A school opens a hall."),
]


@pytest.fixture(scope="module")
def tiny_summariser(tmp_path_factory):
    from pressnlp.testing import build_tiny_marian

    return build_tiny_marian(tmp_path_factory.mktemp("tiny-summariser"), TRAINING_PAIRS, steps=60)


def record(language: str) -> dict:
    return {"text": RELEASES[language], "title": None, "translation": None,
            "language": {"code": language, "confidence": 1.0, "detector": "test", "segments": []}}


def abstractive_stage(model_path) -> SummarizeStage:
    options = SummarizeOptions(method="abstractive",
                               abstractive=AbstractiveOptions(model_path=model_path, num_beams=2))
    return SummarizeStage(options)


def test_abstractive_summary_comes_from_the_model(tiny_summariser):
    stage = abstractive_stage(tiny_summariser)
    stage.setup()
    polish = stage.process(record("pl"))["summary"]
    english = stage.process(record("en"))["summary"]
    assert polish == {"method": "abstractive", "text": "Miasto buduje dworzec.", "en": None}
    assert english == {"method": "abstractive", "text": "A school opens a hall.", "en": "A school opens a hall."}
    assert stage.describe() == {"method": "abstractive", "model": str(tiny_summariser)}


def test_abstractive_is_deterministic(tiny_summariser):
    summaries = {abstractive_stage(tiny_summariser).process(record("pl"))["summary"]["text"] for _ in range(2)}
    assert len(summaries) == 1


def test_abstractive_without_a_model_is_a_clear_error(tmp_path):
    with pytest.raises(StageError, match="model_path"):
        SummarizeStage(SummarizeOptions(method="abstractive")).setup()
    with pytest.raises(StageError, match="not found"):
        abstractive_stage(tmp_path / "missing").setup()


def test_abstractive_is_never_the_default_and_is_configurable(tiny_summariser):
    assert SummarizeOptions().method == "textrank"

    @register
    class GivenText(Stage):
        name = "test-given-text"
        requires = ("source",)
        provides = ("text", "language", "title")

        def process(self, record):
            record["text"] = RELEASES["en"]
            record["language"] = {"code": "en", "confidence": 1.0, "detector": "test", "segments": []}
            return record

    config = {"pipeline": {"stages": ["test-given-text", "summarize"]},
              "stages": {"summarize": {"method": "abstractive",
                                       "abstractive": {"model_path": str(tiny_summariser), "num_beams": 1}}}}
    result = Pipeline.from_config(config).process_text("ignored", id="doc")
    assert result["errors"] == []
    assert result["summary"]["text"] == "A school opens a hall."
    with pytest.raises(ConfigError, match="method"):
        Pipeline.from_config({"pipeline": {"stages": ["test-given-text", "summarize"]},
                              "stages": {"summarize": {"method": "gpt"}}})
