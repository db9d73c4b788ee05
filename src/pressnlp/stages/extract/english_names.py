"""English renderings of Polish organisation names the gazetteer does not know.

Institution names follow a few patterns ("Urząd Marszałkowski Województwa X" is always the
"Marshal's Office of the X Voivodeship"), so templates plus a word list give a usable English
name; when a common word is missing from lang/pl/name_en.toml the name gets none rather than a
half-translated one.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

from pressnlp import lang
from pressnlp.lang.morphology import match_case
from pressnlp.lang.pl.morphology import NOMINAL, analyse_pl, clean_lemma

log = logging.getLogger(__name__)

DATA_FILE = "name_en.toml"  # in the Polish pack
# The English of a connector that introduces the place ("w Gdańsku" -> "in Gdańsk").
_PLACE = "in"


@dataclass(frozen=True)
class _Data:
    templates: tuple[tuple[tuple[str, ...], str], ...]
    heads: dict[str, str]
    words: dict[str, str]
    connectors: dict[str, str]
    compound_ending: str  # of the first part of a compound adjective ("Górnośląsko-")
    compound_lemma_endings: tuple[str, ...]  # ...in place of which its lemma ends in one of these


@cache
def _data() -> _Data:
    table = lang.get("pl").toml(DATA_FILE)
    templates = tuple((tuple(pattern.split()), english) for pattern, english in table.get("templates", []))
    compound = table.get("compound_adjectives", {})
    return _Data(templates, table.get("heads", {}), table.get("words", {}), table.get("connectors", {}),
                 compound.get("ending", ""), tuple(compound.get("lemma_endings", [])))


@dataclass(frozen=True)
class _Word:
    text: str
    lemmas: frozenset[str]
    proper: bool  # a proper name (place, person, brand): kept as written
    adjective: bool
    nominative: str  # the proper name in the nominative ("Gliwicach" -> "Gliwice")


def _analyse(word: str) -> _Word:
    readings = analyse_pl(word)
    parts = word.split("-")
    if not readings and len(parts) > 1:
        # "Górnośląsko-Zagłębiowska": each part on its own, rendered "Upper Silesian-Zagłębie"
        readings = tuple(r for part in parts for r in analyse_pl(part))
    lemmas = frozenset(clean_lemma(r.lemma).lower() for r in readings) | {word.lower()}
    geographic = [r for r in readings if "nazwa_geograficzna" in r.labels and r.pos in NOMINAL]
    common = any("nazwa_pospolita" in r.labels or r.pos not in NOMINAL for r in readings)
    proper = not readings or (bool(geographic) and not common)
    nominative = match_case(clean_lemma(geographic[0].lemma), word) if geographic else word
    adjective = any(r.pos in ("adj", "adja", "ppas", "pact") for r in readings)
    return _Word(word, lemmas, proper, adjective, nominative)


def english_name(name: str, language: str) -> str | None:
    """An English name for a Polish organisation name, or None when it cannot be rendered."""
    if language != "pl" or re.search(r"[„”\"«»()]", name):
        return None
    words = [_analyse(w) for w in name.split()]
    if not words:
        return None
    return _from_template(words) or _generic(words)


def _from_template(words: list[_Word]) -> str | None:
    data = _data()
    for pattern, english in data.templates:
        if pattern[-1] == "{place}" and len(words) > len(pattern) and all(w.proper for w in words[len(pattern) - 1:]):
            place = " ".join(w.nominative for w in words[len(pattern) - 1:])
            words_here = words[:len(pattern) - 1] + [_Word(place, frozenset(), True, False, place)]
        else:
            words_here = words
        if len(pattern) != len(words_here):
            continue
        slots: dict[str, str] = {}
        for slot, word in zip(pattern, words_here, strict=True):
            if slot == "{adj}":
                rendered = next((data.words[lemma] for lemma in sorted(word.lemmas) if lemma in data.words), None)
                if rendered is None or not word.adjective:
                    break
                slots["adj"] = rendered
            elif slot == "{place}":
                if not word.proper:
                    break
                slots["place"] = word.nominative
            elif slot not in word.lemmas:
                break
        else:
            return english.format(**slots)
    return None


def _generic(words: list[_Word]) -> str | None:
    """Adjectives + head + 'of' complement + 'in' place: "Narodowe Centrum Badań i Rozwoju" ->
    "National Centre of Research and Development"."""
    data = _data()
    head_at = next((i for i, w in enumerate(words) if any(lemma in data.heads for lemma in w.lemmas)), None)
    if head_at is None:
        return None
    head = next(data.heads[lemma] for lemma in sorted(words[head_at].lemmas) if lemma in data.heads)
    before = [_translate(w) for w in words[:head_at]]
    rest = words[head_at + 1:]
    after_adjectives = []
    while rest and rest[0].adjective and not rest[0].proper and _agrees(rest[0].text, words[head_at].text):
        after_adjectives.append(_translate(rest[0]))
        rest = rest[1:]
    if None in before or None in after_adjectives:
        return None
    if rest and rest[0].adjective and _nominative_name(rest[0].text):
        # "Fundacja Miejskie Lasy": a name in apposition, put before the head in English
        return " ".join([*before, *(w.text for w in rest), head])
    pieces = [*before, *after_adjectives, head]
    complement = _complement(rest)
    if complement is None:
        return None
    return " ".join(p for p in pieces if p) + complement


def _agrees(adjective: str, noun: str) -> bool:
    """Whether an adjective after the head agrees with it (nominative, same gender/number)."""
    noun_readings = [r for r in analyse_pl(noun) if r.pos in NOMINAL and "nom" in r.cases]
    for reading in analyse_pl(adjective.rpartition("-")[2]):
        if reading.pos in ("adj", "ppas", "pact") and "nom" in reading.cases:
            for noun_reading in noun_readings:
                if reading.numbers & noun_reading.numbers and reading.genders & noun_reading.genders:
                    return True
    return False


def _nominative_name(word: str) -> bool:
    """A capitalised word that can be nominative and is not a genitive complement."""
    readings = analyse_pl(word)
    return word[:1].isupper() and (not readings or all("gen" not in r.cases for r in readings
                                                       if r.pos in ("adj", "ppas", "pact")))


def _complement(words: list[_Word]) -> str | None:
    """The genitive complement and a locative place, with Polish post-nominal adjectives put
    before their noun: "Funduszy i Polityki Regionalnej w Gdańsku" -> " of Funds and Regional
    Policy in Gdańsk"."""
    if not words:
        return ""
    connectors = _data().connectors
    groups: list[list[str]] = [[]]
    joiners: list[str] = []
    place = ""
    i = 0
    while i < len(words):
        word = words[i]
        lowered = word.text.lower()
        if connectors.get(lowered) == _PLACE and i + 1 < len(words):
            place = f" {_PLACE} " + " ".join(w.nominative for w in words[i + 1:])
            break
        if lowered in connectors:
            joiners.append(connectors[lowered])
            groups.append([])
        elif word.proper and not word.adjective:
            groups[-1].append(word.text)
        else:
            english = _translate(word)
            if english is None:
                return None
            if word.adjective and groups[-1]:
                groups[-1].insert(len(groups[-1]) - 1, english)
            else:
                groups[-1].append(english)
        i += 1
    rendered = ""
    for n, group in enumerate(groups):
        if n:
            rendered += f" {joiners[n - 1]} " if joiners[n - 1] else " "
        rendered += " ".join(group)
    rendered = rendered.strip()
    return (" of " + rendered if rendered else "") + place


def _translate(word: _Word) -> str | None:
    data = _data()
    parts = word.text.split("-")
    if len(parts) > 1 and word.text.lower() not in data.words:
        rendered = [_translate(_analyse(part)) for part in parts]
        return None if None in rendered else "-".join(rendered)  # type: ignore[arg-type]
    lemmas = set(word.lemmas)
    if data.compound_ending and word.text.endswith(data.compound_ending):  # "Górnośląsko-"
        stem = word.text.lower().removesuffix(data.compound_ending)
        lemmas |= {stem + ending for ending in data.compound_lemma_endings}
    for lemma in sorted(lemmas):
        if lemma in data.words:
            return data.words[lemma]
    return word.text if word.proper else None
