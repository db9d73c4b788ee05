"""Dates in press releases: our own grammar, for every language whose pack has date words.

Why not dateparser (or another generic parser)? It reads the Polish word "się" as August,
returns None for "we wrześniu 2021 r." and has no notion of "r."/"roku", quarters ("w III kwartale
2024 r."), ranges ("w dniach 12–14 czerwca") or open ends ("do końca 2025 r."), and it parses
one string, so it cannot find dates inside running text with exact offsets. The grammar here
is small regular expressions built from per-language word lists (each pack's dates.toml: every
inflected month and weekday form, ordinals, prepositions, relative phrases).
"""
from __future__ import annotations

import datetime as dt

from pressnlp.lang.dates.grammar import DateMatch, available_languages, grammar_for
from pressnlp.lang.dates.lexicon import Lexicon
from pressnlp.lang.dates.release import bare_date_lines, date_lines, find_release_date, metadata_dates

__all__ = ["DateMatch", "Lexicon", "available_languages", "bare_date_lines", "date_lines", "find_dates",
           "find_release_date", "metadata_dates", "parse_iso_date"]


def find_dates(text: str, language: str, reference: dt.date | None = None, *,
               nearest_year: bool = False) -> list[DateMatch]:
    """Every date expression in `text`, in order, each with exact offsets and an ISO 8601 value.

    `reference` (the release date) resolves dates without a year and relative expressions;
    without it those get value None. `nearest_year`: a day-month without a year takes the year
    that puts it nearest to the reference instead of the reference's own year.
    """
    return grammar_for(language).find(text, reference, nearest_year=nearest_year)


def parse_iso_date(value: str | None) -> dt.date | None:
    """A reference date from a record's `date` ("2024-03-14", or "2024-03" -> the 1st); else None."""
    if not value:
        return None
    parts = value.split("/")[0].split("-")
    try:
        numbers = [int(part) for part in parts[:3]]
        while len(numbers) < 3:
            numbers.append(1)
        return dt.date(*numbers)
    except ValueError:
        return None
