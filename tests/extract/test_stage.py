"""The extract stage as a pipeline stage: contract, options, switches, release date handling."""
from __future__ import annotations

from typing import Any

import pytest

from pressnlp.core.errors import ConfigError
from pressnlp.core.pipeline import Pipeline
from pressnlp.core.registry import register
from pressnlp.core.stage import Stage
from pressnlp.stages.extract import ExtractStage

RELEASE = """GZM i Politechnika Śląska uruchamiają program

Katowice, 14 marca 2024 r.

Górnośląsko-Zagłębiowska Metropolia (GZM) i Politechnika Śląska rozpoczną nabór w czerwcu. \
Instalacje fotowoltaiczne i magazyny energii powstaną do końca 2025 r.

– To ważny krok dla energetyki – mówi Anna Nowak, rzeczniczka GZM.

Kontakt: media@gzm.pl, tel. 32 728 46 00
"""


@register
class PolishTag(Stage):
    """A stand-in for `detect`: says every text is Polish."""

    name = "test_polish_tag"
    requires = ("text",)
    provides = ("language",)

    def process(self, record: dict[str, Any]) -> dict[str, Any]:
        record["language"] = {"code": "pl", "confidence": 1.0, "detector": "test", "segments": []}
        return record


def test_stage_contract():
    assert ExtractStage.name == "extract"
    assert ExtractStage.requires == ("text", "language")
    assert ExtractStage.provides == ("facts",)


def test_pipeline_run_fills_every_fact_field():
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "test_polish_tag", "extract"]}})
    record = pipeline.process_text(RELEASE, id="gzm.txt")
    assert record["errors"] == []
    facts = record["facts"]
    assert record["date"] == "2024-03-14"
    names = [p["name"] for p in facts["partners"]]
    assert "Górnośląsko-Zagłębiowska Metropolia" in names and "Politechnika Śląska" in names
    # relative to the release date; the date line itself is not a fact
    assert [(d["text"], d["value"]) for d in facts["dates"]] == [("w czerwcu", "2024-06"),
                                                                  ("do końca 2025 r.", "/2025-12")]
    assert facts["themes"][0]["id"] == "energy"
    assert {(c["kind"], c["value"]) for c in facts["contacts"]} >= {
        ("email", "media@gzm.pl"), ("phone", "+48327284600"), ("person", "Anna Nowak")}


def test_extractors_are_switchable():
    pipeline = Pipeline.from_config({"pipeline": {"stages": ["read", "test_polish_tag", "extract"]},
                                     "stages": {"extract": {"extractors": ["contacts"]}}})
    facts = pipeline.process_text(RELEASE, id="gzm.txt")["facts"]
    assert facts["partners"] == facts["dates"] == facts["themes"] == []
    assert facts["contacts"]


def test_nested_options_are_validated():
    with pytest.raises(ConfigError, match="unknown extractor 'people'"):
        Pipeline.from_config({"pipeline": {"stages": ["read", "test_polish_tag", "extract"]},
                              "stages": {"extract": {"extractors": ["people"]}}})
    with pytest.raises(ConfigError, match="max_themes"):
        Pipeline.from_config({"pipeline": {"stages": ["read", "test_polish_tag", "extract"]},
                              "stages": {"extract": {"themes": {"max_themes": "four"}}}})
    with pytest.raises(ConfigError, match="unknown option"):
        Pipeline.from_config({"pipeline": {"stages": ["read", "test_polish_tag", "extract"]},
                              "stages": {"extract": {"partners": {"colour": "red"}}}})


def test_describe_needs_no_setup():
    described = ExtractStage().describe()
    assert described["extractors"] == ["partners", "dates", "themes", "contacts"]
    assert described["themes"]["taxonomy"] == "builtin"


def test_unknown_language_still_extracts_contacts(extract):
    facts = extract("Contact: info@example.org, https://example.org/news", "und")
    assert {c["value"] for c in facts["contacts"]} == {"info@example.org", "https://example.org/news"}
