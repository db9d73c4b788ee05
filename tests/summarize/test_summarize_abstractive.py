"""Method `abstractive`: a seq2seq model loaded from a path, here the committed tiny summariser.

Its greedy summaries are asserted exactly: it chooses each of their tokens clearly (see
pressnlp.testing, "margins"). Beam search is checked only for what holds on any CPU (the same
summary twice): no margin check covers which hypotheses a beam keeps."""
from __future__ import annotations

import pytest

from pressnlp.core.errors import ConfigError, StageError
from pressnlp.core.pipeline import Pipeline
from pressnlp.core.registry import register
from pressnlp.core.stage import Stage
from pressnlp.stages.summarize import AbstractiveOptions, SummarizeOptions, SummarizeStage
from pressnlp.stages.summarize.abstractive import AbstractiveSummarizer
from pressnlp.testing import TOY_SUMMARY_PAIRS

pytest.importorskip("transformers")
pytestmark = pytest.mark.neural

RELEASES = {
    "pl": ("Nowy dworzec w Gliwicach\n\nKatowice, 5 kwietnia 2024 r.\n\n"
           "Miasto buduje nowy dworzec autobusowy przy ulicy Dworcowej. Budowa potrwa dwa lata.\n\n"
           "Kontakt dla mediów:\nKamila Okoń\ntel. 32 728 46 00"),
    "en": ("New school hall in Leeds\n\n"
           "The school is opening a new sports hall for five hundred pupils. It cost four million pounds."),
}


@pytest.fixture(scope="module")
def tiny_summariser(tiny_model):
    return tiny_model("tiny-summariser")


def record(language: str) -> dict:
    return {"text": RELEASES[language], "title": None, "translation": None,
            "language": {"code": language, "confidence": 1.0, "detector": "test", "segments": []}}


def abstractive_stage(model_path, num_beams: int = 1) -> SummarizeStage:
    options = SummarizeOptions(method="abstractive",
                               abstractive=AbstractiveOptions(model_path=model_path, num_beams=num_beams))
    return SummarizeStage(options)


def test_abstractive_summary_comes_from_the_model(tiny_summariser, monkeypatch):
    given: list[str] = []
    summarize = AbstractiveSummarizer.summarize
    monkeypatch.setattr(AbstractiveSummarizer, "summarize",
                        lambda self, text: given.append(text) or summarize(self, text))
    stage = abstractive_stage(tiny_summariser)
    stage.setup()
    polish = stage.process(record("pl"))["summary"]
    english = stage.process(record("en"))["summary"]
    # the model sees the candidate sentences (no title, dateline, contacts, nor "Budowa potrwa dwa
    # lata."): the inputs whose margins tests/test_tiny_models.py checks
    assert given == [source for source, _ in TOY_SUMMARY_PAIRS]
    assert polish == {"method": "abstractive", "text": "Miasto buduje dworzec.", "en": None}
    assert english == {"method": "abstractive", "text": "A school opens a hall.", "en": "A school opens a hall."}
    assert stage.describe() == {"method": "abstractive", "model": str(tiny_summariser)}


def test_abstractive_is_deterministic_with_beams_too(tiny_summariser):
    summaries = {abstractive_stage(tiny_summariser, num_beams=2).process(record("pl"))["summary"]["text"]
                 for _ in range(2)}
    assert len(summaries) == 1 and summaries != {""}


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
