"""Dates in words for people: "until December 2023", "12–14 June 2024", "June (year not stated)".

Records keep dates as ISO 8601 values (SPEC.md section 1: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an
interval `START/END` with either end open); staff read words. The page, report.html and the
downloads all word dates here, in the reader's language (the pipeline's target language), and
show the ISO value beside the words as secondary text.

A date the extractor could not resolve (value null, typically a month without a year and no
release date to take it from) is worded from its text, through the release language's date
grammar, so "w czerwcu" still reads as "June (year not stated)".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pressnlp.lang.dates.grammar import grammar_for
from pressnlp.lang.dates.values import Partial

_ISO_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Wording:
    """How one reader language words dates (patterns use {day}, {month} and {year})."""

    months: tuple[str, ...]
    day_month_year: str
    day_month: str
    month_year: str
    dash: str  # between the ends of a range written compactly: "12–14 June"
    spaced_dash: str  # between ends that both carry several words: "30 May – 2 June"
    until: str
    since: str
    year_not_stated: str


WORDINGS = {
    "en": Wording(
        months=("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"),
        day_month_year="{day} {month} {year}", day_month="{day} {month}", month_year="{month} {year}",
        dash="–", spaced_dash=" – ", until="until {}", since="from {}", year_not_stated="{} (year not stated)"),
}
DEFAULT_READER = "en"


def wording_for(reader: str | None) -> Wording:
    """The wording of the reader's language; English where none is written yet."""
    return WORDINGS.get(reader or DEFAULT_READER, WORDINGS[DEFAULT_READER])


def _parse(part: str) -> Partial | None:
    match = _ISO_PART.match(part)
    if not match:
        return None
    year, month, day = (int(group) if group else None for group in match.groups())
    if month is not None and not 1 <= month <= 12:
        return None
    return Partial(year=year, month=month, day=day)


def _single(date: Partial, wording: Wording) -> str:
    month = wording.months[date.month - 1] if date.month else None
    if month is None:
        return str(date.year) if date.year is not None else ""
    if date.day is None:
        return wording.month_year.format(month=month, year=date.year) if date.year is not None else month
    if date.year is None:
        return wording.day_month.format(day=date.day, month=month)
    return wording.day_month_year.format(day=date.day, month=month, year=date.year)


def _range(start: Partial, end: Partial, wording: Wording) -> str:
    """Both ends, the parts they share said once: "12–14 June 2024", "June–September 2024"."""
    same_shape = (start.month is None) == (end.month is None) and (start.day is None) == (end.day is None)
    if not same_shape:
        return _single(start, wording) + wording.spaced_dash + _single(end, wording)
    if start.month is None:
        return f"{start.year}{wording.dash}{end.year}"
    same_year = start.year == end.year
    if start.day is None:
        if same_year:
            first = wording.months[start.month - 1]
            last = _single(end, wording)
            return f"{first}{wording.dash}{last}"
        return _single(start, wording) + wording.spaced_dash + _single(end, wording)
    if same_year and start.month == end.month:
        month = wording.months[end.month - 1]
        days = f"{start.day}{wording.dash}{end.day}"
        if end.year is None:
            return wording.day_month.format(day=days, month=month)
        return wording.day_month_year.format(day=days, month=month, year=end.year)
    if same_year:
        first = wording.day_month.format(day=start.day, month=wording.months[start.month - 1])
        return first + wording.spaced_dash + _single(end, wording)
    return _single(start, wording) + wording.spaced_dash + _single(end, wording)


def value_in_words(value: str | None, reader: str | None = None) -> str | None:
    """An ISO 8601 date or interval in words; None when there is no value or it is not ISO."""
    if not value or not isinstance(value, str):
        return None
    wording = wording_for(reader)
    if "/" not in value:
        date = _parse(value)
        return _single(date, wording) if date else None
    first, _, last = value.partition("/")
    start, end = (_parse(first) if first else None), (_parse(last) if last else None)
    if (first and start is None) or (last and end is None) or (start is None and end is None):
        return None
    if start is None:
        return wording.until.format(_single(end, wording))
    if end is None:
        return wording.since.format(_single(start, wording))
    return _range(start, end, wording)


def text_in_words(text: str | None, language: str | None, reader: str | None = None) -> str | None:
    """An unresolved date worded from what it says: "w czerwcu" -> "June (year not stated)".
    None when the text names no month (a weekday alone, "next week")."""
    if not text or not language:
        return None
    atoms = grammar_for(language).atoms(text)
    if len(atoms) != 1 or atoms[0].relative or atoms[0].weekday_shift is not None:
        return None
    atom = atoms[0]
    if atom.low.month is None or atom.low.year is not None:
        return None
    wording = wording_for(reader)
    words = _single(atom.low, wording) if atom.high is None else _range(atom.low, atom.high, wording)
    return wording.year_not_stated.format(words)


def date_in_words(value: str | None, text: str | None = None, language: str | None = None,
                  reader: str | None = None) -> str | None:
    """The words a reader sees for a date: from its ISO value, else from its text."""
    return value_in_words(value, reader) or (None if value else text_in_words(text, language, reader))
