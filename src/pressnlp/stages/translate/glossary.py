"""A user's terminology: source terms with a fixed translation, or kept as they are.

Communications staff have names for their own institutions and programmes that no engine knows;
the glossary wins over every backend because its matches are masked before translation and put
back as the fixed translation. Polish inflects names ("Urzędu Marszałkowskiego", "w Metropolii
GZM"), so terms also match through their morfeusz2 lemmas, and a user may list forms explicitly.

File formats (the term is in the source language):
- TOML: `"Urząd Marszałkowski" = "Marshal's Office"`; `"GZM" = ""` keeps the term as written;
  a table for more: `"Metropolia" = {translation = "Metropolis", forms = ["Metropolii"]}` or
  `{keep = true}`.
- CSV: `term,translation[,forms separated by |]`; an empty translation keeps the term; a first
  row starting with `term` is a header.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from pressnlp.core.errors import ConfigError
from pressnlp.stages.translate.protect import Span

_WORD = re.compile(r"\w+")
_JOINER = re.compile(r"[\s\-–‑]*")  # what may stand between the words of a term
# A word morfeusz2 does not know matches by prefix: its last letters may inflect.
_STEM_MIN_LENGTH = 5
_INFLECTION_LETTERS = 2
_MAX_ENDING = 5


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    translation: str | None  # None: keep the source text as it appears
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class _TermWord:
    keys: frozenset[str]
    stem: str | None  # prefix match for words morfeusz2 does not know


@cache
def _morfeusz():
    import morfeusz2

    return morfeusz2.Morfeusz(generate=False)


@lru_cache(maxsize=65536)
def _polish_lemmas(word: str) -> tuple[frozenset[str], bool]:
    """Lemmas (casefolded) of all readings of `word`, and whether morfeusz2 knows the word."""
    readings = _morfeusz().analyse(word)
    last = max((end for _, end, _ in readings), default=0)
    whole = [info for start, end, info in readings if start == 0 and end == last]
    known = [info for info in whole if info[2] != "ign"]
    return frozenset(info[1].split(":")[0].casefold() for info in known), bool(known)


class Glossary:
    """Terms of one source language, matched in sentences as protected spans."""

    def __init__(self, entries: Iterable[GlossaryEntry], language: str):
        self.entries = list(entries)
        self.language = language
        self._patterns: list[tuple[tuple[_TermWord, ...], GlossaryEntry]] = []
        for entry in self.entries:
            self._patterns.append((self._term_words(entry.term, inflect=True), entry))
            for form in entry.forms:
                self._patterns.append((self._term_words(form, inflect=False), entry))
        self._patterns = [(words, entry) for words, entry in self._patterns if words]
        # Longest terms first, so "Urząd Marszałkowski Województwa Śląskiego" beats "Urząd Marszałkowski".
        self._patterns.sort(key=lambda pattern: -len(pattern[0]))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def fingerprint(self) -> str:
        """Changes when any entry changes (part of translation-memory keys)."""
        data = json.dumps([[e.term, e.translation, list(e.forms)] for e in self.entries], ensure_ascii=False)
        return hashlib.sha256(data.encode()).hexdigest()[:16]

    def _word_keys(self, word: str) -> tuple[frozenset[str], bool]:
        folded = word.casefold()
        if self.language != "pl":
            return frozenset({folded}), True
        lemmas, known = _polish_lemmas(word)
        return lemmas | {folded}, known

    def _term_words(self, phrase: str, *, inflect: bool) -> tuple[_TermWord, ...]:
        words = []
        for match in _WORD.finditer(phrase):
            word = match.group()
            if not inflect:
                words.append(_TermWord(frozenset({word.casefold()}), None))
                continue
            keys, known = self._word_keys(word)
            stem = None
            if not known and len(word) >= _STEM_MIN_LENGTH and self.language == "pl":
                stem = word.casefold()[:-_INFLECTION_LETTERS]
            words.append(_TermWord(keys, stem))
        return tuple(words)

    def find(self, sentence: str) -> list[Span]:
        """Glossary matches in `sentence` (may overlap; the stage keeps the longest)."""
        if not self._patterns:
            return []
        tokens = list(_WORD.finditer(sentence))
        token_keys = [self._word_keys(token.group())[0] for token in tokens]
        spans: list[Span] = []
        for first in range(len(tokens)):
            for words, entry in self._patterns:
                last = first + len(words) - 1
                if last >= len(tokens) or not self._matches(words, tokens, token_keys, first, sentence):
                    continue
                start, end = tokens[first].start(), tokens[last].end()
                if entry.translation is None:
                    spans.append(Span(start, end, "term", sentence[start:end]))
                else:
                    spans.append(Span(start, end, "glossary", entry.translation))
        return spans

    @staticmethod
    def _matches(words: tuple[_TermWord, ...], tokens: list[re.Match[str]],
                 token_keys: list[frozenset[str]], first: int, sentence: str) -> bool:
        for offset, word in enumerate(words):
            position = first + offset
            if offset and not _JOINER.fullmatch(sentence, tokens[position - 1].end(), tokens[position].start()):
                return False
            if word.keys & token_keys[position]:
                continue
            text = tokens[position].group().casefold()
            if word.stem and text.startswith(word.stem) and len(text) <= len(word.stem) + _MAX_ENDING:
                continue
            return False
        return True


def load_glossary(path: str | Path, language: str) -> Glossary:
    """A glossary from a TOML or CSV file (see the module docstring for the formats)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the glossary: {exc}", source=str(path)) from exc
    if path.suffix.lower() == ".csv":
        return Glossary(_csv_entries(text), language)
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", source=str(path)) from exc
    return Glossary(toml_entries(table, str(path)), language)


def toml_entries(table: dict[str, object], source: str) -> list[GlossaryEntry]:
    """Entries from a parsed TOML glossary."""
    entries = []
    for term, value in table.items():
        if isinstance(value, str):
            entries.append(GlossaryEntry(term, value or None))
        elif isinstance(value, dict) and set(value) <= {"translation", "keep", "forms"}:
            translation = None if value.get("keep") else (value.get("translation") or None)
            forms = value.get("forms", [])
            if not (isinstance(forms, list) and all(isinstance(form, str) for form in forms)):
                raise ConfigError("forms must be a list of strings", source=source, key=term)
            entries.append(GlossaryEntry(term, translation, tuple(forms)))
        else:
            raise ConfigError("expected a translation string or a table with translation/keep/forms",
                              source=source, key=term)
    return entries


def _csv_entries(text: str) -> list[GlossaryEntry]:
    entries = []
    for row_number, row in enumerate(csv.reader(io.StringIO(text))):
        if not row or not row[0].strip() or (row_number == 0 and row[0].strip().lower() == "term"):
            continue
        translation = row[1].strip() if len(row) > 1 else ""
        forms = tuple(form.strip() for form in row[2].split("|") if form.strip()) if len(row) > 2 else ()
        entries.append(GlossaryEntry(row[0].strip(), translation or None, forms))
    return entries
