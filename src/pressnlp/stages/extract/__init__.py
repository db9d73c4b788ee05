"""Stage `extract`: key facts of a release — partners, dates, themes, contacts (SPEC.md 1-2).

Extraction runs on the source text (Polish morphology is more reliable than machine-translated
English), one extractor per fact type, each switchable (`extractors`) and configured in its own
options table:

    [stages.extract]
    extractors = ["partners", "dates", "themes", "contacts"]
    [stages.extract.themes]
    taxonomy = "my-themes.toml"
    [stages.extract.partners]
    gazetteers = ["our-partners.tsv"]
    [stages.extract.partners.ner]         # optional: a token-classification model adds recall
    model = "models/ner-pl"

Extractors are found by name through the `pressnlp.extractors` entry points (base.EXTRACTORS):
another package adds one (a subclass of base.Extractor) by declaring an entry point; it fills
`facts.<its name>`, and its options go in `[stages.extract.extractor_options.<its name>]`.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from pressnlp.core.document import GLOSSARY_NOTE, DocumentContext
from pressnlp.core.errors import StageError
from pressnlp.core.stage import Stage, build_options
from pressnlp.lang.dates import parse_iso_date
from pressnlp.stages.extract.base import EXTRACTORS, Extractor, Shared
from pressnlp.stages.extract.contacts import ContactOptions
from pressnlp.stages.extract.dates import DateOptions
from pressnlp.stages.extract.gazetteer import load_gazetteer
from pressnlp.stages.extract.ner import check_options as check_ner_options
from pressnlp.stages.extract.organisations import OrganisationFinder
from pressnlp.stages.extract.partners import PartnerOptions
from pressnlp.stages.extract.text import Doc
from pressnlp.stages.extract.themes import ThemeOptions
from pressnlp.stages.read import DATELINE

log = logging.getLogger(__name__)

# The facts every record has (SPEC.md section 2), empty when their extractor is switched off.
FACT_FIELDS = ("partners", "dates", "themes", "contacts")
# Language used for releases whose language could not be told.
FALLBACK_LANGUAGE = "en"


@dataclass
class ExtractOptions:
    extractors: list[str] = field(default_factory=lambda: list(FACT_FIELDS))
    """Which extractors run (by name); the facts of the others are reported as empty lists."""
    partners: PartnerOptions = field(default_factory=PartnerOptions)
    dates: DateOptions = field(default_factory=DateOptions)
    themes: ThemeOptions = field(default_factory=ThemeOptions)
    contacts: ContactOptions = field(default_factory=ContactOptions)
    extractor_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Options of extractors from other packages, by name; each table is checked against that
    extractor's Options."""


class ExtractStage(Stage):
    name = "extract"
    requires = ("text", "language")
    provides = ("facts",)
    Options = ExtractOptions

    def __init__(self, options: Any = None, context: Any = None):
        super().__init__(options, context)
        source = self.context.config_source
        for name in self.options.extractor_options:
            EXTRACTORS.get(name, source=source)  # a typo is an unknown extractor
        self.extractor_classes = {name: EXTRACTORS.get(name, source=source) for name in self.options.extractors}
        self.extractor_settings = {name: self._options_of(name, cls) for name, cls in self.extractor_classes.items()}
        if "partners" in self.options.extractors and self.options.partners.ner:
            check_ner_options(self.options.partners.ner, source)
        self.extractors: list[Extractor] = []  # in the order of extractor_classes
        # Milliseconds spent per extractor in this process (for benchmarks and the manifest).
        self.timings: dict[str, float] = {name: 0.0 for name in self.options.extractors}

    def _options_of(self, name: str, extractor_cls: type[Extractor]) -> Any:
        """An extractor's options: its own table of ExtractOptions (ours), else its table in
        `extractor_options` checked against its Options."""
        if name in FACT_FIELDS:  # the SPEC's facts are ours, each with its table
            return getattr(self.options, name)
        return build_options(extractor_cls.Options, self.options.extractor_options.get(name, {}),
                             prefix=f"stages.extract.extractor_options.{name}", source=self.context.config_source)

    def setup(self) -> None:
        partner_options: PartnerOptions = self.options.partners
        gazetteer = load_gazetteer(partner_options.gazetteers, builtin=partner_options.builtin_gazetteer)
        shared = Shared(OrganisationFinder(gazetteer))
        self.extractors = []
        for name, extractor_cls in self.extractor_classes.items():
            extractor = extractor_cls(self.extractor_settings[name], self.context, shared)
            extractor.setup()
            self.extractors.append(extractor)

    def describe(self) -> dict[str, Any]:
        described: dict[str, Any] = {"extractors": list(self.options.extractors)}
        for name, extractor_cls in self.extractor_classes.items():
            described[name] = extractor_cls(self.extractor_settings[name], self.context).describe()
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
        if GLOSSARY_NOTE in notes:
            doc.terminology = notes[GLOSSARY_NOTE]  # the translate stage's glossary
        facts: dict[str, list[dict[str, Any]]] = {name: [] for name in FACT_FIELDS}
        for name, extractor in zip(self.extractor_classes, self.extractors, strict=True):
            started = time.perf_counter()
            facts[name] = extractor.extract(doc)
            self.timings[name] += (time.perf_counter() - started) * 1000
        record["facts"] = facts
        return record


def _language_of(record: dict[str, Any]) -> str:
    language = record.get("language")
    code = language.get("code") if isinstance(language, dict) else language
    return code if isinstance(code, str) and code not in ("", "und") else FALLBACK_LANGUAGE


__all__ = ["EXTRACTORS", "FACT_FIELDS", "ExtractOptions", "ExtractStage", "Extractor"]
