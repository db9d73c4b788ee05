"""Partners: the organisations that issue, take part in, fund or support what a release
announces (SPEC.md section 2), each with every mention, its aliases, a role and an English name.

Mentions come from organisations/; merging.py merges them into organisations (same canonical
name, acronym defined in brackets or spelled by the initials, a bare head word such as
"Metropolia" referring back to the one organisation with that head), roles.py keeps those with
evidence of taking part (not programmes, sub-units, venues or names only in boilerplate) and
gives each a role.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressnlp.lang.morphology import lemma
from pressnlp.stages.extract.base import Extractor
from pressnlp.stages.extract.english_names import english_name
from pressnlp.stages.extract.gazetteer import Gazetteer, load_gazetteer
from pressnlp.stages.extract.ner import NerOptions, NerTagger, describe_options
from pressnlp.stages.extract.partners import roles
from pressnlp.stages.extract.partners.merging import OrgGroup, group_mentions
from pressnlp.stages.extract.people import find_people
from pressnlp.stages.extract.text import Doc

log = logging.getLogger(__name__)


@dataclass
class PartnerOptions:
    gazetteers: list[Path] = field(default_factory=list)
    """Extra gazetteer files (TSV: name, org|programme, language, name_en, aliases); their
    entries win over the built-in ones."""
    builtin_gazetteer: bool = True
    """Use the gazetteer of well-known institutions and programmes shipped with pressnlp."""
    min_mentions: int = 2
    """An organisation named this often is a partner even without other evidence."""
    max_partners: int = 12
    """At most this many partners per release (the best supported first)."""
    keep_units: bool = False
    """Report departments and offices ("Departament Infrastruktury GZM") as partners too."""
    ner: NerOptions | None = None
    """A token-classification model whose organisation entities add to the rules' mentions
    ([stages.extract.partners.ner] model = "path"); none by default."""


class PartnerExtractor(Extractor):
    name = "partners"
    Options = PartnerOptions

    def setup(self) -> None:
        self.finder = self.shared.finder
        self.gazetteer: Gazetteer = self.finder.gazetteer or load_gazetteer()
        self.ner = NerTagger(self.options.ner) if self.options.ner else None
        if self.ner:
            self.ner.load()

    def describe(self) -> dict[str, Any]:
        described: dict[str, Any] = {"gazetteers": [str(p) for p in self.options.gazetteers],
                                     "builtin_gazetteer": self.options.builtin_gazetteer}
        if self.options.ner:
            described["ner"] = describe_options(self.options.ner)
        return described

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        mentions = self.finder.find(doc)
        if self.ner:
            mentions = self.ner.add_mentions(doc, mentions, self.finder)
        groups = group_mentions(doc, mentions, self.gazetteer)
        affiliations = {span for person in find_people(doc, self.finder) for span in person.organisation_spans}
        chosen = roles.select(doc, groups, affiliations, min_mentions=self.options.min_mentions,
                              max_partners=self.options.max_partners, keep_units=self.options.keep_units)
        issuer = roles.issuer(doc, chosen)
        return [self.partner(doc, group, "issuer" if group is issuer else roles.role(doc, group))
                for group in chosen]

    def partner(self, doc: Doc, group: OrgGroup, role: str) -> dict[str, Any]:
        """The SPEC item of one partner."""
        lesser = doc.lexicon.organ_heads
        if group.heads() & doc.lexicon.named_by_level:  # "Powiat X", not "Starostwo Powiatowe w X"
            lesser = lesser | doc.lexicon.territorial_bodies
        name = group.best_name(lesser, acronym_first=not doc.lexicon.head_initial)
        entry = group.entry
        if entry is None and not group.acronyms and (entry := self.gazetteer.shortened(name, doc.language)):
            name = entry.name  # "Ministerstwo Kultury": the gazetteer's one ministry named so short
        seatless = _without_seat(name, doc)
        if seatless and doc.lexicon.names_without_seat:  # "Acme Holding in St. Petersburg" -> "Acme Holding"
            name, seatless = seatless[0], [name]
        aliases: list[str] = []
        for candidate in [m.name for m in group.names] + [m.organ for m in group.names if m.organ] + group.acronyms + (
                [entry.name, *entry.aliases] if entry else []) + seatless:
            if candidate != name and candidate not in aliases:
                aliases.append(candidate)
        from_glossary = doc.terminology and next(
            filter(None, map(doc.terminology.english_name, [name, *aliases])), None)
        if from_glossary:
            name_en = from_glossary
        elif entry and entry.name_en:
            name_en = entry.name_en
        elif doc.language == "en":
            name_en = name
        else:
            name_en = english_name(name, doc.language)
        mentions = sorted({(m.start, m.end) for m in group.mentions})
        return {"name": name, "name_en": name_en, "aliases": aliases, "role": role,
                "mentions": [list(span) for span in mentions]}


def _without_seat(name: str, doc: Doc) -> list[str]:
    """The name without the seat at its end, another name of the organisation ("Państwowy Instytut
    Geologiczny" for "… w Warszawie"); the pack's `seat_prepositions`, a name of two words or more
    before them that is no generic office ("Starostwo Powiatowe", "Urząd Miejski")."""
    words = name.split()
    levels = set(doc.lexicon.territorial_levels) | doc.lexicon.region_bodies
    for index in range(len(words) - 2, 1, -1):
        if words[index] in doc.lexicon.seat_prepositions and all(w[:1].isupper() for w in words[index + 1:]):
            if index == 2 and lemma(words[1], doc.language) in levels:
                return []
            return [" ".join(words[:index])]
    return []
