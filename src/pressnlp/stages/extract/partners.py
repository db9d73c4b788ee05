"""Partners: the organisations that issue, take part in, fund or support what a release
announces (SPEC.md section 2), each with every mention, its aliases, a role and an English name.

Mentions come from organisations.py; here they are merged into organisations (same canonical
name, acronym defined in brackets or spelled by the initials, a bare head word such as
"Metropolia" referring back to the one organisation with that head), filtered (programmes,
sub-units, names that occur only in boilerplate) and given a role.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pressnlp.lang.morphology import lemmas
from pressnlp.lang.normalise import normalise
from pressnlp.lang.pl.morphology import analyse_pl, clean_lemma
from pressnlp.stages.extract.base import Extractor
from pressnlp.stages.extract.english_names import english_name
from pressnlp.stages.extract.gazetteer import Entry, Gazetteer, load_gazetteer
from pressnlp.stages.extract.lexicon import lexicon
from pressnlp.stages.extract.ner import NerOptions, NerTagger, describe_options
from pressnlp.stages.extract.organisations import OrgMention, initials_match
from pressnlp.stages.extract.people import find_people
from pressnlp.stages.extract.text import Doc, words_of

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


@dataclass(eq=False)
class _Group:
    """The mentions of one organisation."""

    mentions: list[OrgMention] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    entry: Entry | None = None

    @property
    def names(self) -> list[OrgMention]:
        return [m for m in self.mentions if m.kind in ("name", "gazetteer")]

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def heads(self) -> set[str]:
        return {m.head for m in self.names if m.head}

    def best_name(self) -> str:
        names = [m for m in self.names if m.kind == "name" and not m.is_unit] or self.names
        if names:
            # The fullest written form: legal form and locative kept ("TBS w Gliwicach").
            return max(names, key=lambda m: (len(m.words), m.legal_form is not None, -m.start)).name
        if self.entry:
            return self.entry.name
        return self.acronyms[0] if self.acronyms else self.mentions[0].name


class PartnerExtractor(Extractor):
    name = "partners"

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
        groups = self.group(doc, mentions)
        chosen = self.select(doc, groups)
        issuer = self.issuer(doc, chosen)
        partners = []
        for group in chosen:
            partners.append(self.partner(doc, group, "issuer" if group is issuer else self.role(doc, group)))
        return partners

    # --- grouping -------------------------------------------------------------------------------
    def group(self, doc: Doc, mentions: list[OrgMention]) -> list[_Group]:
        mentions = [m for m in mentions if not doc.in_boilerplate(m.start)]
        programmes = [m for m in mentions if m.is_programme]
        programme_names = {normalise(name) for m in programmes for name in (m.name, doc.text[m.start:m.end])}
        mentions = [m for m in mentions if not m.is_programme and normalise(m.name) not in programme_names
                    and not any(p.start < m.end and m.start < p.end for p in programmes)]
        mentions = _drop_overlaps(mentions)
        groups: dict[str, _Group] = {}
        by_acronym: dict[str, _Group] = {}
        names = sorted((m for m in mentions if m.kind in ("name", "gazetteer")), key=lambda m: m.start)
        for mention in names:
            entry = self._entry_for(mention)
            key = "entry:" + entry.name if entry else _legal_free(mention.key)
            group = groups.get(key) or by_acronym.get(normalise(mention.name))
            if group is None:
                group = groups[key] = _Group()
            groups.setdefault(key, group)
            group.mentions.append(mention)
            group.entry = group.entry or entry
            if mention.acronym:
                if mention.acronym not in group.acronyms:
                    group.acronyms.append(mention.acronym)
                by_acronym.setdefault(normalise(mention.acronym), group)
        self._merge_prefixes(groups)
        ordered = _merge_territorial(list(dict.fromkeys(groups.values())), doc)
        for mention in (m for m in mentions if m.kind == "acronym"):
            group = by_acronym.get(normalise(mention.name)) or self._acronym_owner(mention.name, ordered)
            if group is None:
                entry = self.gazetteer.lookup(mention.name)
                group = groups.setdefault("entry:" + entry.name if entry else "acronym:" + mention.name, _Group())
                group.entry = group.entry or entry
                if group not in ordered:
                    ordered.append(group)
            if mention.name not in group.acronyms:
                group.acronyms.append(mention.name)
            by_acronym.setdefault(normalise(mention.name), group)
            group.mentions.append(mention)
        for mention in (m for m in mentions if m.kind == "head"):
            owner = _head_owner(mention, ordered)
            if owner:
                owner.mentions.append(mention)
        return [g for g in ordered if g.mentions]

    def _entry_for(self, mention: OrgMention) -> Entry | None:
        """The gazetteer entry of a name, tried with and without its legal form and through
        its bracketed acronym."""
        for name in (mention.name, _strip_legal_form(mention.name, mention.legal_form), mention.acronym):
            if name:
                entry = self.gazetteer.lookup(name)
                if entry:
                    return entry
        return None

    def _merge_prefixes(self, groups: dict[str, _Group]) -> None:
        """'Urząd Marszałkowski' is 'Urząd Marszałkowski Województwa Śląskiego' named short;
        'Stowarzyszenie Metropolia Poznań' contains 'Metropolia Poznań'."""
        keys = sorted(groups, key=lambda k: len(_lemma_words(groups[k])))
        for short in keys:
            words = _lemma_words(groups[short])
            if len(words) < 2:
                continue
            for long in keys:
                if long == short or groups[long] is groups[short] or _is_unit(groups[long]):
                    continue
                long_words = _lemma_words(groups[long])
                if len(long_words) > len(words) and _contains(long_words, words):
                    target = groups[long]
                    source = groups[short]
                    target.mentions.extend(source.mentions)
                    target.acronyms.extend(a for a in source.acronyms if a not in target.acronyms)
                    target.entry = target.entry or source.entry
                    groups[short] = target
                    break

    @staticmethod
    def _acronym_owner(acronym: str, groups: list[_Group]) -> _Group | None:
        for group in groups:
            for mention in group.names:
                words = mention.name.split()
                if initials_match(acronym, words):
                    return group
        return None

    # --- selection and roles -----------------------------------------------------------------
    def select(self, doc: Doc, groups: list[_Group]) -> list[_Group]:
        people = find_people(doc, self.finder)
        affiliations = {span for person in people for span in person.organisation_spans}
        scored = []
        for group in groups:
            if not self.options.keep_units and _is_unit(group):
                continue
            if group.entry and group.entry.is_programme or any(m.is_programme for m in group.mentions):
                continue
            body = [m for m in group.mentions if not doc.in_background(m.start)]
            if not body:
                continue
            weak = group.heads() and group.heads() <= (doc.lexicon.weak_heads | lexicon("en").weak_heads) and (
                doc.language in ("pl", "cs", "sk", "uk") or all(len(m.words) <= 2 for m in group.names))
            if weak and not (group.acronyms or group.entry or len(body) >= self.options.min_mentions):
                continue
            if not group.names and not group.entry and len(body) < self.options.min_mentions:
                continue  # an acronym never spelled out and named once
            if _venue(doc, group):
                continue
            evidence = 0.0
            evidence += len(body) >= self.options.min_mentions
            evidence += any(m.start < doc.lead[1] for m in body)
            evidence += any(doc.in_contact_block(m.start) for m in body)
            evidence += any((m.start, m.end) in affiliations or _inside_any(m, affiliations) for m in body)
            evidence += self._cued(doc, group)
            evidence += 0.5 * bool(group.entry)
            evidence += 0.5 * any(m.kind == "name" and len(m.words) > 1 for m in body)
            evidence += 0.5 * any(_acting(doc, m) for m in body if m.kind != "head")
            evidence += 0.5 * any(m.described for m in body)
            if evidence >= 1:
                scored.append((evidence, group))
        scored.sort(key=lambda item: (-item[0], item[1].first))
        chosen = [group for _, group in scored[: self.options.max_partners]]
        return sorted(chosen, key=lambda g: g.first)

    def issuer(self, doc: Doc, groups: list[_Group]) -> _Group | None:
        """Who the release speaks for: the organisation of the contact block, else the first
        organisation of the lead that is not its funder."""
        for group in groups:
            if any(doc.in_contact_block(m.start) for m in group.mentions):
                return group
        in_lead = [g for g in groups if any(m.start < doc.lead[1] for m in g.mentions)
                   and self.role(doc, g) != "funder"]
        return min(in_lead, key=lambda g: g.first) if in_lead else None

    def role(self, doc: Doc, group: _Group) -> str:
        if any("funder" in _cues_near(doc, m) for m in group.mentions):
            return "funder"
        if self._cued(doc, group):
            return "partner"
        return "partner" if len(group.mentions) > 1 else "other"

    @staticmethod
    def _cued(doc: Doc, group: _Group) -> bool:
        return any(_cues_near(doc, m) for m in group.mentions)

    def partner(self, doc: Doc, group: _Group, role: str) -> dict[str, Any]:
        name = group.best_name()
        aliases: list[str] = []
        for candidate in [m.name for m in group.names] + group.acronyms + (
                [group.entry.name, *group.entry.aliases] if group.entry else []):
            if candidate != name and candidate not in aliases:
                aliases.append(candidate)
        if group.entry and group.entry.name_en:
            name_en = group.entry.name_en
        elif doc.language == "en":
            name_en = name
        else:
            name_en = english_name(name, doc.language)
        mentions = sorted({(m.start, m.end) for m in group.mentions})
        return {"name": name, "name_en": name_en, "aliases": aliases, "role": role,
                "mentions": [list(span) for span in mentions]}



def _drop_overlaps(mentions: list[OrgMention]) -> list[OrgMention]:
    """Keep the longest of overlapping mentions (a rule name over a shorter gazetteer match)."""
    kept: list[OrgMention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        overlapping = [k for k in kept if k.start < mention.end and mention.start < k.end]
        # what a unit's name contains is kept: "Wydział Chemii UJ" names UJ too
        if all(k.is_unit and k.start <= mention.start and mention.end <= k.end for k in overlapping):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


# Prepositions before a place: an organisation named only after one of these is where
# something happens ("w Międzynarodowym Centrum Kongresowym", "at Wrocław City Hall").
_LOCATIVE = frozenset({"w", "we", "na", "at", "in", "im", "am", "à", "en", "v", "ve", "vo", "у", "в"})
# Words before an acting organisation: the agent of a passive ("udzielony przez BGK").
_AGENT = frozenset({"przez", "by", "von", "par", "por", "podle", "від"})


def _previous_word(doc: Doc, mention: OrgMention) -> str:
    index = doc.token_index(mention.start) - 1
    while index >= 0 and doc.tokens[index].text.lower() in ("the", "der", "die", "dem", "la", "le", "el"):
        index -= 1
    if index < 0 or not doc.tokens[index].is_word:
        return ""
    return doc.tokens[index].text.lower()


def _venue(doc: Doc, group: _Group) -> bool:
    """Named only as the place where something happens."""
    if group.entry or group.acronyms:
        return False
    for mention in group.mentions:
        if _previous_word(doc, mention) not in _LOCATIVE:
            return False
        if doc.language == "pl" and mention.head:
            head = doc.tokens[doc.token_index(mention.start)]
            if not any("loc" in r.cases for r in analyse_pl(head.text)) and not any(
                    "loc" in r.cases for t in doc.tokens[doc.token_index(mention.start):doc.token_index(mention.end)]
                    for r in analyse_pl(t.text) if lemmas(t.text, "pl") & {mention.head}):
                return False
    return True


def _acting(doc: Doc, mention: OrgMention) -> bool:
    """The organisation does something: a Polish name in the nominative (the subject), a name
    opening a sentence, or the agent after "przez"/"by"."""
    previous = _previous_word(doc, mention)
    if previous in _AGENT:
        return True
    if doc.language == "pl":
        return doc.text[mention.start:mention.end] == mention.name and previous not in _PREPOSITIONS_PL
    return mention.start in doc.sentence_starts


# Polish prepositions that take a noun out of the nominative.
_PREPOSITIONS_PL = frozenset({"w", "we", "z", "ze", "do", "od", "na", "o", "przy", "dla", "przez", "za", "po",
                              "pod", "nad", "przed", "między", "u", "obok", "wobec", "według", "dzięki"})


def _lemma_words(group: _Group) -> list[str]:
    """The lemmas of a group's longest written name (for 'contains' comparisons)."""
    names = group.names
    return max((m.words for m in names), key=len) if names else []


def _merge_territorial(groups: list[_Group], doc: Doc) -> list[_Group]:
    """Bodies of one self-government are one partner: "Urząd Miasta Rybnika", "Miasto Rybnik",
    "Gmina Miasta Gdańska"/"Urząd Miejski w Gdańsku", "Zarząd Województwa Śląskiego"/"Urząd
    Marszałkowski Województwa Śląskiego" (the words are the lexicon's `territorial_levels`)."""
    levels = doc.lexicon.territorial_levels
    if not levels:
        return groups
    by_key: dict[tuple[str, str], _Group] = {}
    kept: list[_Group] = []
    for group in groups:
        key = None if _is_unit(group) else _territory(group, doc, levels)
        if key and key in by_key:
            target = by_key[key]
            target.mentions.extend(group.mentions)
            target.acronyms.extend(a for a in group.acronyms if a not in target.acronyms)
            target.entry = target.entry or group.entry
            continue
        if key:
            by_key[key] = group
        kept.append(group)
    return kept


def _territory(group: _Group, doc: Doc, levels: tuple[str, ...]) -> tuple[str, str] | None:
    """(level, place) for names of a municipality or region or of their offices and boards:
    ("local", "gdańsk") for "Gmina Miasta Gdańska" and "Urząd Miejski w Gdańsku": the name is a
    level or a body of one, and the place is the proper name in it."""
    for mention in group.names:
        if mention.head not in levels and mention.head not in doc.lexicon.territorial_bodies:
            continue
        surface = words_of(doc.text[mention.start:mention.end])
        lemmas_ = mention.words
        level = next((lvl for lvl in levels if lvl in lemmas_), None)
        if level is None:
            continue
        places = [word for word, lemma_ in zip(surface, lemmas_, strict=False)
                  if word[:1].isupper() and lemma_ not in levels and lemma_ not in doc.lexicon.org_heads
                  and _place_lemma(word) is not None]
        if places:
            return (levels[0] if level == levels[0] else "local", _place_lemma(places[-1]) or "")
    return None


def _place_lemma(word: str) -> str | None:
    """The geographic name a word is a form of ("Gdańska", "Gdańsku" -> "gdańsk")."""
    for reading in analyse_pl(word):
        if "nazwa_geograficzna" in reading.labels:
            return clean_lemma(reading.lemma).lower()
    readings = analyse_pl(word)
    if any(r.pos == "adj" for r in readings):  # "Województwa Śląskiego"
        return clean_lemma(next(r.lemma for r in readings if r.pos == "adj")).lower()
    return None


def _is_unit(group: _Group) -> bool:
    return bool(group.names) and all(m.is_unit for m in group.names)


def _strip_legal_form(name: str, legal_form: str | None) -> str:
    if legal_form and name.endswith(legal_form):
        return name[: -len(legal_form)].rstrip(" ,")
    return name


def _legal_free(key: str) -> str:
    words = key.split()
    while words and words[-1].replace(".", "") in {"sa", "s.a", "sp", "o.o", "z", "gmbh", "ltd", "inc", "plc",
                                                    "a.s", "s.r.o", "llc", "ag"}:
        words.pop()
    return " ".join(words) or key


def _contains(long: list[str], short: list[str]) -> bool:
    """A contiguous part ("Metropolia Poznań" in "Stowarzyszenie Metropolia Poznań"), or, for
    names of three words or more, the same first word and the rest in order ("Instytut
    Katalizy PAN" in "Instytut Katalizy i Fizykochemii Powierzchni PAN")."""
    if any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return True
    if len(short) < 3 or short[0] != long[0]:
        return False
    position = 1
    for word in short[1:]:
        try:
            position = long.index(word, position) + 1
        except ValueError:
            return False
    return True


def _head_owner(mention: OrgMention, groups: list[_Group]) -> _Group | None:
    """The organisation a bare head word refers to: of those with that head named before it,
    the most named (then the latest), else the only one named after it."""
    with_head = [g for g in groups if mention.head in g.heads()]
    before = [g for g in with_head if g.first < mention.start]
    if before:
        return max(before, key=lambda g: (len(g.mentions),
                                          max(m.start for m in g.mentions if m.start < mention.start)))
    return with_head[0] if len(with_head) == 1 else None


def _inside_any(mention: OrgMention, spans: set[tuple[int, int]]) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def _cues_near(doc: Doc, mention: OrgMention, window: int = 6) -> frozenset[str]:
    """Which kinds of cue ("funder", "partner") occur within `window` words before or after a
    mention in its sentence; cues are lemma phrases from the language's lexicon."""
    found = doc.cache.setdefault("cues", {})
    key = (mention.start, mention.end)
    if key in found:
        return found[key]
    sentence_start, sentence_end = doc.sentence_of(mention.start)
    first = doc.token_index(max(sentence_start, mention.start))
    before = [t for t in doc.tokens[max(0, first - window * 2):first] if t.is_word and t.start >= sentence_start]
    last = doc.token_index(mention.end)
    after = [t for t in doc.tokens[last:last + window * 2] if t.is_word and t.end <= sentence_end]
    context = [lemmas(t.text, doc.language) for t in before[-window:] + after[:window]]
    kinds = set()
    index = _cue_index(doc.lexicon)
    for i, forms in enumerate(context):
        for form in forms:
            for kind, cue in index.get(form, ()):
                if i + len(cue) <= len(context) and all(cue[k] in context[i + k] for k in range(1, len(cue))):
                    kinds.add(kind)
    found[key] = frozenset(kinds)
    return found[key]


@lru_cache(maxsize=32)
def _cue_index(lexicon_: Any) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """First word of each cue -> (kind, cue)."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for kind, cues in (("funder", lexicon_.funder_cues), ("partner", lexicon_.partner_cues)):
        for cue in cues:
            index.setdefault(cue[0], []).append((kind, cue))
    return index
