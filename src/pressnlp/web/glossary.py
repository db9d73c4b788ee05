"""The glossary file the translate stage reads, as rows a person can edit on a web page.

The file format belongs to the translate stage (`pressnlp.stages.translate.glossary`): TOML
(`"term" = "translation"`, `""` keeps the term, a table adds inflected `forms`) or CSV
(`term,translation,forms separated by |`). This module reads and writes it through that module
only, so what is saved is exactly what the stage will use; here are the editor's own rules
(tidy rows, no duplicates, size limits).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pressnlp.core.config import Config
from pressnlp.core.errors import PressnlpError
from pressnlp.stages.translate.glossary import (
    GlossaryEntry,
    default_glossary_path,
    glossary_format,
    read_glossary,
    write_glossary,
)

__all__ = ["MAX_TERMS", "Term", "clean_terms", "glossary_format", "glossary_location", "read_terms", "write_terms"]

MAX_TERMS = 20_000
MAX_TERM_LENGTH = 300
_CONTROL = re.compile("[\x00-\x1f\x7f]")


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


def read_terms(path: Path) -> list[Term]:
    """The terms of a glossary file; none when the file does not exist yet."""
    if not path.exists():
        return []
    return _terms(read_glossary(path))


def _terms(entries: list[GlossaryEntry]) -> list[Term]:
    return [Term(entry.term, entry.translation, list(entry.forms)) for entry in entries]


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


def write_terms(path: Path, terms: list[Term]) -> list[Term]:
    """Save terms atomically in the file's format; a file the translate stage cannot read is never
    left behind."""
    entries = [GlossaryEntry(term.term, term.translation, tuple(term.forms)) for term in clean_terms(terms)]
    return _terms(write_glossary(path, entries))
