"""Stage `extract`: key facts of a release — partners, dates, themes, contacts (SPEC.md 1-2).

Extraction runs on the source text (Polish morphology is more reliable than machine-translated
English), one sub-extractor per fact type, each switchable (`extractors`) and configured in its
own options table:

    [stages.extract]
    extractors = ["partners", "dates", "themes", "contacts"]
    [stages.extract.themes]
    taxonomy = "my-themes.toml"
    [stages.extract.partners]
    gazetteers = ["our-partners.tsv"]
    [stages.extract.partners.ner]         # optional: a token-classification model adds recall
    model = "models/ner-pl"
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from pressnlp.core.document import DocumentContext
from pressnlp.core.errors import ConfigError, StageError
from pressnlp.core.stage import Stage
from pressnlp.lang.dates import parse_iso_date
from pressnlp.stages.extract.base import Extractor, Shared
from pressnlp.stages.extract.contacts import ContactExtractor, ContactOptions
from pressnlp.stages.extract.dates import DateExtractor, DateOptions
from pressnlp.stages.extract.gazetteer import load_gazetteer
from pressnlp.stages.extract.ner import check_options as check_ner_options
from pressnlp.stages.extract.organisations import OrganisationFinder
from pressnlp.stages.extract.partners import PartnerExtractor, PartnerOptions
from pressnlp.stages.extract.text import Doc
from pressnlp.stages.extract.themes import ThemeExtractor, ThemeOptions
from pressnlp.stages.read import DATELINE

log = logging.getLogger(__name__)

EXTRACTORS: dict[str, type[Extractor]] = {
    "partners": PartnerExtractor,
    "dates": DateExtractor,
    "themes": ThemeExtractor,
    "contacts": ContactExtractor,
}
FACT_FIELDS = tuple(EXTRACTORS)
# Language used for releases whose language could not be told.
FALLBACK_LANGUAGE = "en"


@dataclass
class ExtractOptions:
    extractors: list[str] = field(default_factory=lambda: list(FACT_FIELDS))
    """Which facts to extract; the others are reported as empty lists."""
    partners: PartnerOptions = field(default_factory=PartnerOptions)
    dates: DateOptions = field(default_factory=DateOptions)
    themes: ThemeOptions = field(default_factory=ThemeOptions)
    contacts: ContactOptions = field(default_factory=ContactOptions)


class ExtractStage(Stage):
    name = "extract"
    requires = ("text", "language")
    provides = ("facts",)
    Options = ExtractOptions

    def __init__(self, options: Any = None, context: Any = None):
        super().__init__(options, context)
        unknown = [name for name in self.options.extractors if name not in EXTRACTORS]
        if unknown:
            raise ConfigError(f"unknown extractor '{unknown[0]}'; valid: {', '.join(EXTRACTORS)}",
                              key="stages.extract.extractors")
        if "partners" in self.options.extractors and self.options.partners.ner:
            check_ner_options(self.options.partners.ner, self.context.config_source)
        self.extractors: list[Extractor] = []
        # Milliseconds spent per extractor in this process (for benchmarks and the manifest).
        self.timings: dict[str, float] = {name: 0.0 for name in self.options.extractors}

    def setup(self) -> None:
        partner_options: PartnerOptions = self.options.partners
        gazetteer = load_gazetteer(partner_options.gazetteers, builtin=partner_options.builtin_gazetteer)
        shared = Shared(OrganisationFinder(gazetteer))
        self.extractors = []
        for name in self.options.extractors:
            extractor = EXTRACTORS[name](getattr(self.options, name), self.context, shared)
            extractor.setup()
            self.extractors.append(extractor)

    def describe(self) -> dict[str, Any]:
        described: dict[str, Any] = {"extractors": list(self.options.extractors)}
        for name in self.options.extractors:
            extractor = EXTRACTORS[name](getattr(self.options, name), self.context)
            described[name] = extractor.describe()
        return described

    def process(self, record: dict[str, Any]) -> dict[str, Any]:
        return self._extract(record, {})

    def process_documents(self, records: list[dict[str, Any]],
                          contexts: list[DocumentContext]) -> list[dict[str, Any]]:
        return [self._extract(record, context.notes) for record, context in zip(records, contexts, strict=True)]

    def _extract(self, record: dict[str, Any], notes: dict[str, Any]) -> dict[str, Any]:
        if not self.extractors and self.options.extractors:
            self.setup()
        text = record.get("text")
        if not isinstance(text, str):
            raise StageError("record has no text to extract facts from")
        doc = Doc(text, _language_of(record), title=record.get("title"),
                  reference=parse_iso_date(record.get("date")))
        if DATELINE in notes:
            doc.dateline = notes[DATELINE]  # found by the read stage; not looked for again
        facts: dict[str, list[dict[str, Any]]] = {name: [] for name in FACT_FIELDS}
        for extractor in self.extractors:
            started = time.perf_counter()
            facts[extractor.name] = extractor.extract(doc)
            self.timings[extractor.name] += (time.perf_counter() - started) * 1000
        record["facts"] = facts
        return record


def _language_of(record: dict[str, Any]) -> str:
    language = record.get("language")
    code = language.get("code") if isinstance(language, dict) else language
    return code if isinstance(code, str) and code not in ("", "und") else FALLBACK_LANGUAGE


__all__ = ["EXTRACTORS", "ExtractOptions", "ExtractStage"]
