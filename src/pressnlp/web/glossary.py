"""The glossary file the translate stage reads, as rows a person can edit on a web page.

The file format belongs to the translate stage (`pressnlp.stages.translate.glossary`): TOML
(`"term" = "translation"`, `""` keeps the term, a table adds inflected `forms`) or CSV
(`term,translation,forms separated by |`). This module reads it with the stage's own parser
and writes it back in the same format, so what is saved is exactly what the stage will use.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pressnlp.core.config import Config
from pressnlp.core.errors import ConfigError, PressnlpError
from pressnlp.io.writers import atomic_write_bytes
from pressnlp.stages.translate.glossary import default_glossary_path, load_glossary

MAX_TERMS = 20_000
MAX_TERM_LENGTH = 300
_CONTROL = re.compile("[\x00-\x1f\x7f]")
TOML_HEADER = ('# pressnlp glossary: "term in the source language" = "fixed English translation".\n'
               '# An empty translation keeps the term as written; {translation = "...", forms = [...]}\n'
               '# also lists inflected forms. Edited on the pressnlp web page (comments are not kept).\n')


@dataclass
class Term:
    term: str
    translation: str | None  # None: kept as written
    forms: list[str] = field(default_factory=list)


def glossary_location(config: Config) -> tuple[Path, bool]:
    """The glossary file of a config (`stages.translate.glossary`) and whether the config names
    it; otherwise the user's default glossary, which the stage also reads when the config names none."""
    configured = (config.stage_options.get("translate") or {}).get("glossary")
    if configured:
        return Path(configured).expanduser(), True
    return default_glossary_path(), False


def glossary_format(path: Path) -> str:
    return "csv" if path.suffix.lower() == ".csv" else "toml"


def read_terms(path: Path) -> list[Term]:
    """The terms of a glossary file; none when the file does not exist yet."""
    if not path.exists():
        return []
    # The language only steers matching (lemmas); "und" parses the file without loading morphology.
    glossary = load_glossary(path, language="und")
    return [Term(entry.term, entry.translation, list(entry.forms)) for entry in glossary.entries]


def _tidy(text: str) -> str:
    """One line, single spaces, no control characters."""
    return " ".join(_CONTROL.sub(" ", text).split())


def clean_terms(terms: list[Term]) -> list[Term]:
    """Terms as they will be saved: tidied, empty rows dropped; duplicates and oversized
    entries are errors that name the term."""
    cleaned: list[Term] = []
    seen: set[str] = set()
    for term in terms:
        text = _tidy(term.term)
        if not text:
            continue
        translation = _tidy(term.translation or "") or None
        forms = [_tidy(form) for form in term.forms if _tidy(form)]
        if len(text) > MAX_TERM_LENGTH or len(translation or "") > MAX_TERM_LENGTH:
            raise PressnlpError(f"glossary term {text[:40]!r}: longer than {MAX_TERM_LENGTH} characters")
        if text in seen:
            raise PressnlpError(f"glossary term {text!r} appears twice; keep one row for it")
        seen.add(text)
        cleaned.append(Term(text, translation, forms))
    if len(cleaned) > MAX_TERMS:
        raise PressnlpError(f"the glossary has {len(cleaned)} terms; at most {MAX_TERMS} are accepted")
    return cleaned


def _toml_string(text: str) -> str:
    # A JSON string without control characters is a valid TOML basic string (same escapes).
    return json.dumps(text, ensure_ascii=False)


def _toml_text(terms: list[Term]) -> str:
    """One line per term, in the order given (inline tables keep rows where the user put them)."""
    lines = []
    for term in terms:
        if term.forms:
            head = f"translation = {_toml_string(term.translation)}" if term.translation else "keep = true"
            forms = ", ".join(_toml_string(form) for form in term.forms)
            value = f"{{{head}, forms = [{forms}]}}"
        else:
            value = _toml_string(term.translation or "")
        lines.append(f"{_toml_string(term.term)} = {value}\n")
    return TOML_HEADER + "".join(lines)


def _csv_text(terms: list[Term]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["term", "translation", "forms"])
    for term in terms:
        if any("|" in form for form in term.forms):
            raise PressnlpError(f"glossary term {term.term!r}: a form cannot contain '|' in a CSV glossary")
        writer.writerow([term.term, term.translation or "", "|".join(term.forms)])
    return buffer.getvalue()


def write_terms(path: Path, terms: list[Term]) -> list[Term]:
    """Save terms atomically in the file's format, then read them back with the translate
    stage's parser so that a file the stage cannot read is never left behind."""
    terms = clean_terms(terms)
    text = _csv_text(terms) if glossary_format(path) == "csv" else _toml_text(terms)
    previous = path.read_bytes() if path.exists() else None
    atomic_write_bytes(path, text.encode("utf-8"))
    try:
        return read_terms(path)
    except ConfigError as exc:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write_bytes(path, previous)
        raise PressnlpError(f"the glossary could not be saved: {exc}") from exc
