"""Known organisations and programmes (a TSV gazetteer), extensible by users.

The gazetteer does three jobs the rules cannot: it recognises well-known names without an
organisation word ("Orlen", "Thales"), it tells programme and fund names apart from
organisations ("Horyzont Europa", "Fundusze Europejskie dla Śląska"), and it gives English
names (`name_en`). Entries match inflected Polish forms through their lemmas.

File format (UTF-8, tab-separated, '#' comments): name, kind (org | programme), language,
name_en (may be empty), aliases (separated by ' | '). The built-in entries are each language
pack's `gazetteer.tsv` (lang/<code>/, rows in the pack's language).
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from pressnlp import lang
from pressnlp.core.errors import StageError
from pressnlp.lang.morphology import lemmas
from pressnlp.lang.normalise import normalise
from pressnlp.stages.extract.built_lemmas import built_lemma
from pressnlp.stages.extract.lexicon import everywhere
from pressnlp.stages.extract.text import Doc, WordMemo, words_of

log = logging.getLogger(__name__)

DATA_FILE = "gazetteer.tsv"


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    language: str
    name_en: str | None
    aliases: tuple[str, ...]

    @property
    def is_programme(self) -> bool:
        return self.kind == "programme"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases) + ((self.name_en,) if self.name_en else ())


@dataclass(frozen=True)
class _Pattern:
    entry: Entry
    name: str  # the name or alias this pattern spells
    words: tuple[frozenset[str], ...]  # accepted forms of each word (lower-cased)
    exact: tuple[str, ...] | None  # acronyms match as written
    order: int  # position in the gazetteer: of two matches as long, the one listed first wins


class Gazetteer:
    """Entries plus an index from a word form to the patterns that start with it."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries = list(entries)
        self._index: dict[str, list[_Pattern]] = {}
        self._by_name: dict[str, Entry] = {}
        self._starting: WordMemo[tuple[_Pattern, ...]] = WordMemo()
        self._by_first_field: dict[str, set[Entry]] = {}
        names = ((entry, name) for entry in self.entries for name in entry.names)
        for order, (entry, name) in enumerate(names):
            self._by_name.setdefault(normalise(name), entry)
            if name != entry.name_en:
                for short in _first_fields(normalise(name)):
                    self._by_first_field.setdefault(short, set()).add(entry)
            pattern = _pattern(entry, name, order)
            if pattern:
                first = pattern.exact[0].lower() if pattern.exact else min(pattern.words[0])
                for form in (pattern.words[0] if not pattern.exact else {first}):
                    self._index.setdefault(form, []).append(pattern)

    def lookup(self, name: str) -> Entry | None:
        """The entry one of whose names normalises like `name`."""
        return self._by_name.get(normalise(name))

    def shortened(self, name: str, language: str) -> Entry | None:
        """The one entry of `language` that `name` names by the first of its coordinated fields:
        "Ministerstwo Kultury" for "Ministerstwo Kultury i Dziedzictwa Narodowego"; None when it
        could be several (a short English name may be any country's ministry)."""
        found = self._by_first_field.get(normalise(name), set())
        entry = next(iter(found)) if len(found) == 1 else None
        return entry if entry and entry.language == language else None

    def find(self, doc: Doc) -> Iterator[tuple[Entry, str, int, int]]:
        """Entries named in the text with the name or alias matched: the longest match, of matches
        as long the entry listed first (never the order in which a set yields a word's forms)."""
        tokens = [t for t in doc.tokens if t.is_word]
        i = 0
        while i < len(tokens):
            best: tuple[int, _Pattern] | None = None
            for pattern in self._starting_with(tokens[i].text, doc.language):
                size = _match(pattern, tokens, i, doc)
                if size and (best is None or (size, -pattern.order) > (best[0], -best[1].order)):
                    best = (size, pattern)
            if best:
                size, pattern = best
                yield pattern.entry, pattern.name, tokens[i].start, tokens[i + size - 1].end
                i += size
            else:
                i += 1

    def _starting_with(self, word: str, language: str) -> tuple[_Pattern, ...]:
        """The patterns whose first word is one of the word's forms: asked of every word of every
        release, so remembered per word (most words start none)."""
        return self._starting.get(word, language, lambda: tuple(
            pattern for form in _forms(word, language) for pattern in self._index.get(form, ())))


def _first_fields(name: str) -> list[str]:
    """A normalised name cut before each coordinator that lists its fields, from two words on:
    "ministerstwo kultury i dziedzictwa narodowego" -> ["ministerstwo kultury"]."""
    words = name.split()
    coordinators = everywhere().coordinators
    return [" ".join(words[:index]) for index in range(2, len(words)) if words[index] in coordinators]


def _pattern(entry: Entry, name: str, order: int) -> _Pattern | None:
    words = name_words(name)
    if not words:
        return None
    if is_acronym(words):
        return _Pattern(entry, name, (), tuple(words), order)
    language = lemma_language(entry)
    accepted = tuple(frozenset({w.lower(), built_lemma(w, language)}) for w in words)
    return _Pattern(entry, name, accepted, None, order)


def name_words(name: str) -> list[str]:
    return [w for w in name.replace("„", " ").replace("”", " ").split() if any(ch.isalnum() for ch in w)]


def is_acronym(words: list[str]) -> bool:
    """One word with two capitals or more: matched as written, not through lemmas."""
    return len(words) == 1 and sum(ch.isupper() for ch in words[0]) >= 2


def lemma_language(entry: Entry) -> str:
    """The morphology an entry's words are lemmatised by (Polish names inflect; others rarely do)."""
    return entry.language if entry.language == "pl" else "en"


def name_lemma_words(pack: lang.Language) -> dict[str, set[str]]:
    """language -> the words of a pack's entries matched through lemmas (what
    scripts/build_lang_data.py lemmatises)."""
    needed: dict[str, set[str]] = {}
    for entry in read_entries(pack.text(DATA_FILE), f"lang/{pack.code}/{DATA_FILE}"):
        for name in entry.names:
            words = name_words(name)
            if words and not is_acronym(words):
                needed.setdefault(lemma_language(entry), set()).update(words)
    return needed


@lru_cache(maxsize=200_000)
def _forms(word: str, language: str) -> frozenset[str]:
    """The word as written (lower-cased) and its lemmas, which entries match: asked of every word of
    every release, so remembered per process."""
    return frozenset({word.lower()}) | lemmas(word, language)


def _match(pattern: _Pattern, tokens: list, i: int, doc: Doc) -> int:
    if pattern.exact:
        size = len(pattern.exact)
        window = [t.text for t in tokens[i:i + size]]
        return size if window == list(pattern.exact) else 0
    size = len(pattern.words)
    if i + size > len(tokens):
        return 0
    for offset, accepted in enumerate(pattern.words):
        token = tokens[i + offset]
        if offset == 0 and not token.is_capitalised:
            return 0
        if not _forms(token.text, doc.language) & accepted:
            return 0
    return size


def read_entries(text: str, source: str) -> list[Entry]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or fields[1] not in ("org", "programme"):
            raise StageError(f"{source}:{number}: expected 'name<TAB>org|programme<TAB>language"
                             f"<TAB>name_en<TAB>aliases', got {line!r}")
        fields += [""] * (5 - len(fields))
        aliases = tuple(a.strip() for a in fields[4].split("|") if a.strip())
        entries.append(Entry(fields[0].strip(), fields[1], fields[2].strip() or "und",
                             fields[3].strip() or None, aliases))
    return entries


@cache
def builtin_entries() -> tuple[Entry, ...]:
    """Every pack's entries, in the order of lang.available()."""
    entries: list[Entry] = []
    for code in lang.available():
        found = read_entries(lang.get(code).text(DATA_FILE), f"lang/{code}/{DATA_FILE}")
        strays = [entry.name for entry in found if entry.language != code]
        if strays:
            raise StageError(f"lang/{code}/{DATA_FILE}: entries in another language: {', '.join(strays)}")
        entries.extend(found)
    return tuple(entries)


def load_gazetteer(extra: Iterable[Path] = (), *, builtin: bool = True) -> Gazetteer:
    """The built-in gazetteer plus users' files (their entries come first, so they win)."""
    entries: list[Entry] = []
    for path in extra:
        try:
            entries.extend(read_entries(Path(path).read_text("utf-8"), str(path)))
        except OSError as exc:
            raise StageError(f"cannot read gazetteer {path}: {exc}") from exc
    if builtin:
        entries.extend(builtin_entries())
    return Gazetteer(entries)


@cache
def not_organisation_acronyms() -> frozenset[str]:
    """Acronyms that are never organisations (units, currencies, EU, CO2), legal forms ("GmbH",
    "Sp", "SE") included."""
    words = everywhere()
    return words.not_organisations | {word for form in words.legal_forms for word in words_of(form)}
