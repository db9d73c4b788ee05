"""Extractors are found by name through the `pressnlp.extractors` entry points: ours as
pyproject.toml declares them, another package's from its own metadata."""
from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressnlp.core.errors import ConfigError
from pressnlp.core.stage import StageContext, build_options
from pressnlp.stages.extract import EXTRACTORS, FACT_FIELDS, Extractor, ExtractStage

PLUGIN = '''
from dataclasses import dataclass

from pressnlp.stages.extract.base import Extractor


@dataclass
class QuoteOptions:
    marks: str = "„”"


class QuoteExtractor(Extractor):
    """Quoted passages: what a third-party extractor looks like."""

    name = "quotes"
    Options = QuoteOptions

    def extract(self, doc):
        opening, closing = self.options.marks
        found, start = [], doc.text.find(opening)
        while start >= 0:
            end = doc.text.find(closing, start + 1)
            if end < 0:
                break
            found.append({"text": doc.text[start + 1:end], "start": start + 1, "end": end})
            start = doc.text.find(opening, end + 1)
        return found
'''


def test_pyproject_declares_our_extractors(declared_extractors: dict[str, str]):
    declared = declared_extractors
    assert set(declared) == set(FACT_FIELDS)
    for name, target in declared.items():
        module, _, attribute = target.partition(":")
        extractor_cls = getattr(importlib.import_module(module), attribute)
        assert issubclass(extractor_cls, Extractor) and extractor_cls.name == name
        assert EXTRACTORS.get(name) is extractor_cls


@pytest.fixture
def plugin_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A package installed the way pip would (a module and a dist-info with entry points)."""
    (tmp_path / "pressnlp_quotes.py").write_text(PLUGIN, encoding="utf-8")
    dist_info = tmp_path / "pressnlp_quotes-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: pressnlp-quotes\nVersion: 1.0\n",
                                        encoding="utf-8")
    (dist_info / "entry_points.txt").write_text(
        "[pressnlp.extractors]\nquotes = pressnlp_quotes:QuoteExtractor\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "quotes"
    sys.modules.pop("pressnlp_quotes", None)


def stage(**options) -> ExtractStage:
    return ExtractStage(build_options(ExtractStage.Options, options, prefix="stages.extract"), StageContext())


def test_an_extractor_from_another_package(plugin_package: str):
    assert plugin_package in EXTRACTORS.available()
    extract = stage(extractors=["contacts", plugin_package],
                    extractor_options={plugin_package: {"marks": "«»"}})
    record = {"text": "Il a dit «bonjour» et «merci». Contact : info@example.org",
              "language": {"code": "fr"}}
    facts = extract.process(record)["facts"]
    assert [quote["text"] for quote in facts["quotes"]] == ["bonjour", "merci"]
    assert {c["value"] for c in facts["contacts"]} == {"info@example.org"}
    assert facts["partners"] == facts["dates"] == facts["themes"] == []  # the SPEC's facts stay
    assert extract.describe()["extractors"] == ["contacts", "quotes"]


def test_an_extractors_options_are_checked(plugin_package: str):
    with pytest.raises(ConfigError, match="unknown option 'colour'"):
        stage(extractors=[plugin_package], extractor_options={plugin_package: {"colour": "red"}})


def test_unknown_extractors_name_the_valid_ones():
    with pytest.raises(ConfigError, match="unknown extractor 'sentiment'; valid extractors: contacts, dates, partners"):
        stage(extractors=["partners", "sentiment"])
    with pytest.raises(ConfigError, match="unknown extractor 'sentimnet'"):
        stage(extractor_options={"sentimnet": {}})
