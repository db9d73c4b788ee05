"""Stopword lists (function words that say nothing about a text's topic), one file per language.

Used to keep grammar out of summary vectors and to tell an English quote from the language
around it. Files hold lower-case words separated by whitespace ("#" starts a comment); a
language without a file has an empty list.
"""
from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def stopwords(language: str) -> frozenset[str]:
    """Stopwords of `language` (ISO 639-1); empty for a language we have no list for."""
    resource = resources.files(__package__).joinpath(f"{language}.txt")
    if not resource.is_file():
        return frozenset()
    words = set()
    for line in resource.read_text("utf-8").splitlines():
        words.update(line.split("#", 1)[0].lower().split())
    return frozenset(words)


def available() -> list[str]:
    """Languages that have a stopword list."""
    return sorted(entry.name.removesuffix(".txt") for entry in resources.files(__package__).iterdir()
                  if entry.name.endswith(".txt"))
