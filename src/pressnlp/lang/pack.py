"""A language pack: everything pressnlp knows about one language, as data files in one folder.

Packs are found by ISO 639-1 code through the `pressnlp.languages` entry-point group (ours are
registered the same way in pyproject.toml), so another package adds a language by shipping a
folder of data files and one entry point, without touching pressnlp. A pack is loaded on first
use and cached: a run that never meets Czech never reads Czech data (as Babel's `Locale.parse`).

The data files of a pack are plain TOML / TSV / word lists; which files exist and what they mean
is listed in `lang/README.md`. Python keeps the algorithms; a pack only answers "what words".
"""
from __future__ import annotations

import csv
import io
import logging
import tomllib
from functools import cache, cached_property
from importlib import resources
from importlib.abc import Traversable
from importlib.metadata import EntryPoint, entry_points
from typing import Any

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "pressnlp.languages"


class UnknownLanguage(LookupError):
    """No pack is registered for a language code."""


class Language:
    """One language's knowledge. Subclass it in `lang/<code>/__init__.py` to add behaviour the data
    cannot express (e.g. Polish morphology through Morfeusz); the data folder is the subclass's package."""

    code: str = ""
    name: str = ""  # English name, for messages ("German")

    def __init__(self) -> None:
        if not self.code:
            raise ValueError(f"{type(self).__qualname__} has no code")

    # --- where the data lives -------------------------------------------------------------------
    @cached_property
    def folder(self) -> Traversable:
        """The pack's data folder: the package its class is defined in."""
        return resources.files(type(self).__module__)

    def resource(self, name: str) -> Traversable | None:
        """A data file of this pack (path relative to the pack's folder), or None when absent."""
        found = self.folder.joinpath(*name.split("/"))
        return found if found.is_file() else None

    # --- readers: a missing file is an empty table, so a pack holds only what it knows ---------------
    def text(self, name: str) -> str:
        found = self.resource(name)
        return found.read_text("utf-8") if found is not None else ""

    def toml(self, name: str) -> dict[str, Any]:
        return tomllib.loads(self.text(name))

    def words(self, name: str) -> frozenset[str]:
        """A word list: whitespace-separated words, `#` starts a comment."""
        return frozenset(word for line in self.text(name).splitlines() for word in line.split("#", 1)[0].split())

    def lines(self, name: str) -> tuple[str, ...]:
        """One entry a line (entries may contain spaces), `#` lines and blank lines skipped."""
        return tuple(stripped for line in self.text(name).splitlines()
                     if (stripped := line.strip()) and not stripped.startswith("#"))

    def tsv(self, name: str) -> list[list[str]]:
        """Tab-separated rows, `#` lines and blank lines skipped."""
        rows = csv.reader(io.StringIO(self.text(name)), delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row for row in rows if row and any(row) and not row[0].startswith("#")]

    def __repr__(self) -> str:
        return f"<Language {self.code}>"


def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available() -> tuple[str, ...]:
    """Codes of every registered language pack, sorted."""
    return tuple(sorted(_entry_points()))


@cache
def get(code: str) -> Language:
    """The language pack for `code`, loaded on first use and cached for the process."""
    found = _entry_points().get(code)
    if found is None:
        raise UnknownLanguage(f"no language pack for '{code}'; available: {', '.join(available())}")
    pack_cls = found.load()
    if not (isinstance(pack_cls, type) and issubclass(pack_cls, Language)):
        raise TypeError(f"entry point '{code}' ({found.value}) is not a pressnlp Language subclass")
    pack = pack_cls()
    if pack.code != code:
        raise ValueError(f"entry point '{code}' ({found.value}) names a pack for '{pack.code}'")
    return pack


def find(code: str | None) -> Language | None:
    """The pack for `code`, or None for an unknown code, "und" or None (callers fall back)."""
    if not code or code == "und":
        return None
    try:
        return get(code)
    except UnknownLanguage:
        return None
