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

This module is the one place that reads and writes these formats (`read_glossary`,
`write_glossary`; the web page's editor saves through it).

Where: the file the config names, else the user's own glossary (`default_glossary_path`), the one
the web page edits. Either is read again when it changes, so an edit applies to the next batch.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import re
import threading
import time
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pressnlp.core.errors import ConfigError, PressnlpError
from pressnlp.io.writers import atomic_write_bytes
from pressnlp.lang.pl.morphology import analyse_pl
from pressnlp.stages.translate.protect import Span, choose_spans

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
_JOINER = re.compile(r"[\s\-–‑]*")  # what may stand between the words of a term
# A word morfeusz2 does not know matches by prefix: its last letters may inflect.
_STEM_MIN_LENGTH = 5  # letters left once the inflection is cut: "Energa" must not match "energii"
_INFLECTION_LETTERS = 2
_MAX_ENDING = 5
# A file changed this recently may change again without a new (mtime, size): its content decides.
_RACY_NS = 2_000_000_000


# --- matching ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    translation: str | None  # None: keep the source text as it appears
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class _TermWord:
    keys: frozenset[str]
    stem: str | None  # prefix match for words morfeusz2 does not know


@lru_cache(maxsize=65536)
def _polish_lemmas(word: str) -> tuple[frozenset[str], bool]:
    """Lemmas (casefolded) of all readings of `word` as one segment, and whether morfeusz2 knows it."""
    readings = analyse_pl(word)
    return frozenset(reading.lemma.split(":")[0].casefold() for reading in readings), bool(readings)


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
        # Which patterns a word may start (by its keys; by stem for words morfeusz2 does not know),
        # so that a sentence is not tried against every term of a long glossary at every word.
        self._starting: dict[str, list[int]] = {}
        self._stem_starting: list[int] = []
        for index, (words, _entry) in enumerate(self._patterns):
            if words[0].stem:
                self._stem_starting.append(index)
            for key in words[0].keys:
                self._starting.setdefault(key, []).append(index)

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
            if not known and len(word) - _INFLECTION_LETTERS >= _STEM_MIN_LENGTH and self.language == "pl":
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
            candidates = {*self._stem_starting}
            for key in token_keys[first]:
                candidates.update(self._starting.get(key, ()))
            for words, entry in (self._patterns[index] for index in sorted(candidates)):
                last = first + len(words) - 1
                if last >= len(tokens) or not self._matches(words, tokens, token_keys, first, sentence):
                    continue
                start, end = tokens[first].start(), tokens[last].end()
                if entry.translation is None:
                    spans.append(Span(start, end, "term", sentence[start:end]))
                else:
                    spans.append(Span(start, end, "glossary", entry.translation))
        return spans

    def english_name(self, name: str) -> str | None:
        """The glossary's English for a whole name, also inflected ("Urzędu Marszałkowskiego" →
        "Marshal's Office"); None unless its terms cover every word of it and one is translated."""
        spans = choose_spans(self.find(name))
        if not any(span.kind == "glossary" for span in spans):
            return None
        covered = {offset for span in spans for offset in range(span.start, span.end)}
        if any(word.start() not in covered for word in _WORD.finditer(name)):
            return None
        pieces, position = [], 0
        for span in spans:
            pieces += [name[position:span.start], span.output]
            position = span.end
        return "".join([*pieces, name[position:]]).strip()

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


# --- the file formats ----------------------------------------------------------------------------

TOML_HEADER = ('# pressnlp glossary: "term in the source language" = "fixed English translation".\n'
               '# An empty translation keeps the term as written; {translation = "...", forms = [...]}\n'
               '# also lists inflected forms. Edited on the pressnlp web page (comments are not kept).\n')


def glossary_format(path: Path) -> str:
    """"csv" for a .csv file, else "toml"."""
    return "csv" if path.suffix.lower() == ".csv" else "toml"


def load_glossary(path: str | Path, language: str) -> Glossary:
    """A glossary from a TOML or CSV file (see the module docstring for the formats)."""
    return Glossary(read_glossary(path), language)


def read_glossary(path: str | Path) -> list[GlossaryEntry]:
    """The entries of a TOML or CSV glossary file, in file order."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the glossary: {exc}", source=str(path)) from exc
    return parse_glossary(data, path)


def parse_glossary(data: bytes, path: Path) -> list[GlossaryEntry]:
    """The entries of a glossary file's content; `path` says the format and names the file in errors."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text: {exc}", source=str(path)) from exc
    if glossary_format(path) == "csv":
        return _csv_entries(text)
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", source=str(path)) from exc
    return toml_entries(table, str(path))


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


def _toml_string(text: str) -> str:
    # A JSON string without control characters is a valid TOML basic string (same escapes).
    return json.dumps(text, ensure_ascii=False)


def _toml_text(entries: Iterable[GlossaryEntry]) -> str:
    """One line per term, in the order given (inline tables keep rows where the user put them)."""
    lines = []
    for entry in entries:
        if entry.forms:
            head = f"translation = {_toml_string(entry.translation)}" if entry.translation else "keep = true"
            forms = ", ".join(_toml_string(form) for form in entry.forms)
            value = f"{{{head}, forms = [{forms}]}}"
        else:
            value = _toml_string(entry.translation or "")
        lines.append(f"{_toml_string(entry.term)} = {value}\n")
    return TOML_HEADER + "".join(lines)


def _csv_text(entries: Iterable[GlossaryEntry]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["term", "translation", "forms"])
    for entry in entries:
        if any("|" in form for form in entry.forms):
            raise PressnlpError(f"glossary term {entry.term!r}: a form cannot contain '|' in a CSV glossary")
        writer.writerow([entry.term, entry.translation or "", "|".join(entry.forms)])
    return buffer.getvalue()


def write_glossary(path: Path, entries: list[GlossaryEntry]) -> list[GlossaryEntry]:
    """Save entries atomically in the file's format, then read them back, so that a file this
    module cannot read is never left behind (the previous content comes back)."""
    text = _csv_text(entries) if glossary_format(path) == "csv" else _toml_text(entries)
    previous = path.read_bytes() if path.exists() else None
    atomic_write_bytes(path, text.encode("utf-8"))
    try:
        return read_glossary(path)
    except ConfigError as exc:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write_bytes(path, previous)
        raise PressnlpError(f"the glossary could not be saved: {exc}") from exc


# --- where the user's glossary is, and keeping it current -------------------------------------------

def default_glossary_path() -> Path:
    """The user's glossary, used when a config names none: $XDG_CONFIG_HOME/pressnlp/glossary.toml
    (~/.config/pressnlp/glossary.toml); the web page edits this file."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "pressnlp" / "glossary.toml"


def file_digest(path: Path) -> str | None:
    """Content hash of a glossary file (part of the stage's identity); None when there is none."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except FileNotFoundError:
        return None
    except OSError:
        return f"unreadable:{path}"


@dataclass(frozen=True)
class LoadedGlossary:
    """The entries of a glossary file and the digest of the content they were read from."""

    digest: str | None  # None: no file
    entries: tuple[GlossaryEntry, ...]


class GlossaryFile:
    """A glossary file kept up to date cheaply: `current()` stats the file, and reads it only when
    its (mtime, size, inode) changed, or when it was written so recently that an edit could have
    kept them; its content digest decides whether the entries changed.

    The first read must succeed (a bad glossary stops a run before it starts); an absent file is
    an error only when `required`. Later, an unreadable or invalid file keeps the last good
    entries with a warning: a run or a server must not stop because someone is editing a file."""

    def __init__(self, path: Path, *, required: bool):
        self.path = path
        self.required = required
        self._lock = threading.Lock()
        self._loaded: LoadedGlossary | None = None
        self._signature: tuple[int, int, int] | None = None
        self._racy = False

    def __getstate__(self) -> dict[str, object]:  # a stage may be sent to a worker process
        return {key: value for key, value in self.__dict__.items() if key != "_lock"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state, _lock=threading.Lock())

    def current(self) -> LoadedGlossary:
        """The entries as the file is now (an absent optional file has none)."""
        with self._lock:
            try:
                stat = self.path.stat()
            except FileNotFoundError as exc:
                if self.required:
                    return self._keep_last(exc)
                stat = None
            except OSError as exc:
                return self._keep_last(exc)
            signature = None if stat is None else (stat.st_mtime_ns, stat.st_size, stat.st_ino)
            if self._loaded is not None and signature == self._signature and not self._racy:
                return self._loaded
            self._signature = signature
            self._racy = stat is not None and time.time_ns() - stat.st_mtime_ns < _RACY_NS
            try:
                loaded = self._read() if stat is not None else LoadedGlossary(None, ())
            except (ConfigError, OSError) as exc:
                return self._keep_last(exc)
            if self._loaded is not None and loaded.digest != self._loaded.digest:
                log.info("glossary %s changed: %d terms now", self.path, len(loaded.entries))
            self._loaded = loaded
            return loaded

    def _read(self) -> LoadedGlossary:
        data = self.path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:16]
        if self._loaded is not None and digest == self._loaded.digest:
            return self._loaded
        return LoadedGlossary(digest, tuple(parse_glossary(data, self.path)))

    def _keep_last(self, exc: Exception) -> LoadedGlossary:
        if self._loaded is None:
            if isinstance(exc, ConfigError):
                raise exc
            raise ConfigError(f"cannot read the glossary: {exc}", source=str(self.path)) from exc
        log.warning("glossary %s cannot be used now (%s); keeping the %d terms read before",
                    self.path, exc, len(self._loaded.entries))
        return self._loaded
