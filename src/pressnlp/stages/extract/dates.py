"""Dates and periods a release states about its subject, with exact offsets and ISO values.

The grammar is pressnlp.lang.dates (why not dateparser: see there). Span convention: a date's
`text` starts at the preposition that gives it meaning and ends after "r."/"roku": "we wrześniu
2021 r.", "w dniach 12–14 czerwca 2024 r.", "od 1 lipca do 30 września 2024 roku", "do końca
2025 r.", "on 14 March 2024". Values: "od X" -> "X/" (open start), "do X" -> "/X", "do końca
X" -> "/X" at month precision ("/2025-12"); a month or a day without a year takes the year that
puts it nearest to the reference date (the release's date); "we wtorek" is the nearest Tuesday.
The release's own date ("Katowice, 14 marca 2024 r." on the date line, "dziś", "today") is not a
fact about the subject and is skipped by default.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pressnlp.lang.dates import (
    bare_date_lines,
    date_lines,
    find_dates,
    find_release_date,
    metadata_dates,
    parse_iso_date,
)
from pressnlp.stages.extract.base import Extractor
from pressnlp.stages.extract.text import Doc

__all__ = ["DateExtractor", "DateOptions", "extract_dates", "find_release_date"]

Span = tuple[int, int]


@dataclass
class DateOptions:
    skip_release_date: bool = True
    """Leave out the release's own date line ("Katowice, 14 marca 2024 r.") and every line that
    holds nothing but a date (the date lines of other items on the page)."""
    nearest_year: bool = True
    """A month or day without a year ("w styczniu") takes the year nearest to the release date
    (January after a November release is next January); false: always the release's year."""
    keep_unresolved: bool = True
    """Report relative dates with value null when there is no release date to resolve them."""
    unique_values: bool = True
    """One item per distinct value (its first mention), as gold annotations list each date once."""
    skip_boilerplate: bool = True
    """Leave out dates in page furniture (cookie banners, footers, "other news" lists)."""
    anchor_undated: bool = True
    """A release without a date of its own resolves relative dates ("w bieżącym roku") and dates
    without a year against the latest day it states, in that day's year: what it reports happened
    near its writing."""


def extract_dates(text: str, language: str, reference: dt.date | None = None, *,
                  ignore_spans: Iterable[Span] = (), nearest_year: bool = True,
                  keep_unresolved: bool = True, unique_values: bool = True,
                  skip_reference_day: bool = True) -> list[dict[str, Any]]:
    """SPEC items {"text", "value", "start", "end"} in text order; text == text[start:end].

    `reference`: the release date, for dates without a year and relative dates.
    `ignore_spans`: spans whose dates are left out (the date line, boilerplate).
    `skip_reference_day`: leave out "dziś"/"today" and "wczoraj"/"yesterday", which only restate the
    day of writing.
    """
    ignored = list(ignore_spans)
    # "dziś", "wczoraj", "včera": they only restate the day of writing
    writing_days: set[str | None] = {None}  # without a reference a relative date says nothing
    if reference and skip_reference_day:
        writing_days = {(reference - dt.timedelta(days=back)).isoformat() for back in (0, 1)}
    seen: set[str] = set()
    items = []
    for match in find_dates(text, language, reference, nearest_year=nearest_year):
        if any(match.start < end and start < match.end for start, end in ignored):
            continue
        if match.value is None and not keep_unresolved:
            continue
        if match.rule == "relative" and match.value in writing_days:
            continue
        if unique_values and match.value is not None:
            if match.value in seen:
                continue
            seen.add(match.value)
        items.append({"text": match.text, "value": match.value, "start": match.start, "end": match.end})
    return items


def latest_stated_day(text: str, language: str, ignore_spans: Iterable[Span] = ()) -> dt.date | None:
    """The latest full date (day, month and year) written in `text` outside `ignore_spans`, or None;
    the ends of a span of days count ("od 30 września do 3 października 2016 r.")."""
    ignored = list(ignore_spans)
    days = [parse_iso_date(end) for match in find_dates(text, language)
            if match.value and not any(match.start < end and start < match.end for start, end in ignored)
            for end in match.value.split("/") if len(end) == len("2024-03-14")]
    return max((day for day in days if day), default=None)


class DateExtractor(Extractor):
    """The `dates` sub-extractor of the extract stage."""

    name = "dates"
    Options = DateOptions

    def describe(self) -> dict[str, Any]:
        return {"grammar": "pressnlp.lang.dates", "nearest_year": self.options.nearest_year}

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        options: DateOptions = self.options
        release = doc.dateline
        reference = doc.reference or (parse_iso_date(release[0]) if release else None)
        ignored: list[Span] = []
        other_items: set[str] = set()
        if options.skip_release_date:
            ignored.extend(span for _, span in metadata_dates(doc.text))
            bare_lines = bare_date_lines(doc.text, doc.language)  # other items' date lines, a closing date
            ignored.extend(span for _, span in bare_lines)
            if release:
                ignored.append(release[1])
                # the same date line again under a repeated headline
                ignored.extend(span for value, span in date_lines(doc.text, doc.language, other_languages=False)
                               if value == release[0])
                # the date lines of other news under the release: their teasers restate those dates
                other_items = {value for value, span in bare_lines if span[0] > release[1][1] and value != release[0]}
        if options.skip_boilerplate:
            ignored.extend(doc.boilerplate)
        # a reference the release itself does not give: its dates are not the release date
        skip_reference_day = options.skip_release_date and reference is not None
        nearest_year = options.nearest_year
        if reference is None and options.anchor_undated:
            reference = latest_stated_day(doc.text, doc.language, ignored)
            # the day it states is near its writing, not its writing: on which side of it a date
            # without a year lies is unknown, so it takes that day's year
            nearest_year = False
        items = extract_dates(doc.text, doc.language, reference, ignore_spans=ignored,
                              nearest_year=nearest_year, keep_unresolved=options.keep_unresolved,
                              unique_values=options.unique_values, skip_reference_day=skip_reference_day)
        return [item for item in items if item["value"] not in other_items]
