"""Partial dates and how they become ISO 8601 values, with the reference (release) date."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Partial:
    """A date as written: any field may be missing until the reference date fills it."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_offset: int | None = None  # "br.", "next year": the reference year plus this
    weekday: int | None = None  # ISO weekday written next to the date ("we wtorek 5 listopada")

    @property
    def needs_reference(self) -> bool:
        return self.year is None

    def with_year_from(self, later: Partial) -> Partial:
        """Fill a missing year (and month) from the end of a range: "1 lipca – 30 września 2024"."""
        if self.year is not None or (later.year is None and later.year_offset is None):
            return self
        month = self.month if self.month is not None else later.month
        year = later.year
        if year is not None and month is not None and later.month is not None and month > later.month:
            year -= 1  # "grudnia 2023 – lutego 2024" is written "grudnia – lutego 2024"
        return replace(self, year=year, month=month,
                       year_offset=None if year is not None else later.year_offset)


def iso(partial: Partial) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD; the partial must have a year."""
    text = f"{partial.year:04d}"
    if partial.month is not None:
        text += f"-{partial.month:02d}"
        if partial.day is not None:
            text += f"-{partial.day:02d}"
    return text


def is_valid(partial: Partial) -> bool:
    """A day that exists: 31 April and 30 February are not dates."""
    if partial.month is not None and not 1 <= partial.month <= 12:
        return False
    if partial.day is None:
        return True
    if partial.month is None:
        return False
    year = partial.year if partial.year is not None else 2024  # a leap year allows 29 February
    return 1 <= partial.day <= calendar.monthrange(year, partial.month)[1]


# How much nearer the reference's own year counts when a month or day has no year: "30 września"
# in a March release is this September (7 months ahead), not last September (5 months back).
_OWN_YEAR_BONUS_DAYS = 122


def resolve(partial: Partial, reference: dt.date | None, *, nearest_year: bool = False,
            tense: int = 0) -> Partial | None:
    """Give a partial its year from the reference date; None when it cannot be known.

    Rule: a month or a day without a year is in the reference's year ("w czerwcu" in a release of
    March 2024 is June 2024). When a weekday is written too, the year (reference year - 1 .. + 1)
    whose date falls on that weekday and lies nearest to the reference wins. With `nearest_year`
    the nearest one wins even without a weekday, the reference's own year counting four months
    nearer ("w styczniu" in a November release is next January; "in March" in a June release and
    "30 września" in a March release stay in the reference's year). `tense` +1 (the sentence
    speaks of the future) or -1 (of the past) keeps only the years on that side of the reference,
    when one is.
    """
    if partial.year is not None:
        return partial
    if reference is None:
        return None
    if partial.year_offset is not None:
        return replace(partial, year=reference.year + partial.year_offset, year_offset=None)
    if partial.month is None:
        return None
    years = (reference.year, reference.year + 1, reference.year - 1)
    candidates = [c for c in (replace(partial, year=year) for year in years) if is_valid(c)]
    if tense and nearest_year:
        candidates = [c for c in candidates if _side(c, reference) in (0, tense)] or candidates
    if not candidates:
        return None
    if partial.weekday is not None and partial.day is not None:
        matching = [c for c in candidates if to_date(c).isoweekday() == partial.weekday]
        if matching:
            return min(matching, key=lambda c: _days_apart(c, reference))
    if not nearest_year:
        return candidates[0]
    return min(candidates, key=lambda c: _days_apart(c, reference)
               - (_OWN_YEAR_BONUS_DAYS if c.year == reference.year else 0))


def _side(partial: Partial, reference: dt.date) -> int:
    """-1 before the reference, +1 after it, 0 the same day (or month, for a month)."""
    own = (partial.year or 0, partial.month or 0, partial.day or 0)
    other = (reference.year, reference.month, reference.day if partial.day is not None else 0)
    return (own > other) - (own < other)


def _days_apart(partial: Partial, reference: dt.date) -> float:
    if partial.day is not None:
        return abs((to_date(partial) - reference).days)
    months = (partial.year or 0) * 12 + (partial.month or 1) - (reference.year * 12 + reference.month)
    return abs(months) * 30.44


def to_date(partial: Partial) -> dt.date:
    return dt.date(partial.year or 1, partial.month or 1, partial.day or 1)


def last_month(partial: Partial) -> Partial:
    """The end of a period at month precision: "do końca 2025 r." ends in 2025-12."""
    return partial if partial.month is not None else replace(partial, month=12)


def weekday_date(reference: dt.date, weekday: int, shift: int, tense: int = 0) -> dt.date:
    """The date of `weekday` relative to the reference.

    shift +1 ("next Tuesday", "w przyszły wtorek"): the first such day after the reference;
    shift -1 ("last Tuesday"): the last such day before it; 0 ("we wtorek", "on Tuesday"): the
    nearest such day, within three days either side (the reference itself when it is that day);
    with `tense` +1 or -1 (the sentence speaks of the future or the past) the nearest such day on
    that side, the reference included.
    """
    delta = (weekday - reference.isoweekday()) % 7
    if shift == 0 and tense:
        return reference + dt.timedelta(days=delta if tense > 0 else -((7 - delta) % 7))
    if shift > 0:
        return reference + dt.timedelta(days=delta or 7)
    if shift < 0:
        return reference - dt.timedelta(days=(7 - delta) % 7 or 7)
    return reference + dt.timedelta(days=delta if delta <= 3 else delta - 7)


def relative_value(code: str, reference: dt.date) -> str:
    """Resolve a [relative] code of a lexicon ("day+1", "week-1", "/year+0") to ISO 8601."""
    open_end = code.startswith("/")
    unit, sign, amount = _split_code(code.lstrip("/"))
    offset = amount if sign == "+" else -amount
    if unit == "day":
        value = (reference + dt.timedelta(days=offset)).isoformat()
    elif unit == "week":
        monday = reference - dt.timedelta(days=reference.isoweekday() - 1) + dt.timedelta(weeks=offset)
        value = f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    elif unit == "month":
        index = reference.year * 12 + reference.month - 1 + offset
        value = f"{index // 12:04d}-{index % 12 + 1:02d}"
    else:
        year = reference.year + offset
        value = f"{year:04d}-12" if open_end else f"{year:04d}"
    return f"/{value}" if open_end else value


def _split_code(code: str) -> tuple[str, str, int]:
    for sign in "+-":
        if sign in code:
            unit, amount = code.split(sign, 1)
            return unit, sign, int(amount)
    raise ValueError(f"relative date code {code!r} lacks +N or -N")
