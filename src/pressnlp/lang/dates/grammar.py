"""The date grammar: regular expressions built from a language's lexicon, in two passes.

Pass 1 finds atoms — one written date or period each ("15 marca 2024 r.", "we wrześniu 2021 r.",
"III kwartał 2024", "12–14 czerwca", "jutro", a bare "2024" or "czerwcu"). Pass 2 looks at the words
around the atoms: two atoms joined by a dash or "do"/"to"/"bis" make a range, and a preposition in
front gives the meaning ("do końca 2025 r." -> "/2025-12", "od 1 lipca" -> "2024-07-01/") and joins
the span. A bare year or month counts only with such a word before it (or "r."/"roku" after a year),
so "Fundusze Europejskie dla Śląskiego 2021-2027" and "2 500 zł" give nothing.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from pressnlp.lang.dates.lexicon import Lexicon
from pressnlp.lang.dates.values import (
    Partial,
    is_valid,
    iso,
    last_month,
    relative_value,
    resolve,
    to_date,
    weekday_date,
)
from pressnlp.lang.pack import Language, available, find, get

_SPACE = r"[^\S\n]+"
_OPT_SPACE = r"[^\S\n]*"
_DASH = rf"{_OPT_SPACE}[-–—‑−]{_OPT_SPACE}"
_START = r"(?<![\w.,/])"  # an atom never starts inside a word or a number
_YEAR_DIGITS = r"(?:1[89]|2[01])\d\d(?!\d|[.,]\d)"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_BRACKET = re.compile(r"[^\S\n]*\([^\S\n]*")  # "od wtorku (14 kwietnia)"
_CLOCK_BEFORE = re.compile(r"\d{1,2}(?:[:.]\d\d)?[^\S\n]*(?:[ap]\.?m\.?)?[^\S\n]*\Z")  # "od 8:00 " before "do 16:00"
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d|\d{1,2}[^\S\n]*[-–][^\S\n]*\d{1,2}(?!\d)")  # "7:30", "10–14"
# "w poniedziałek: 7:30 – 15:30": a row of a table of opening hours
_TABLE_HOURS = re.compile(r"[^\S\n]*:[^\S\n]*\d{1,2}(?:[:.]\d\d)?[^\S\n]*(?:[-–—]|\w+)[^\S\n]*\d{1,2}[:.]\d\d")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class DateMatch:
    """One date expression: its span in the text and its ISO 8601 value (None: unresolved)."""

    start: int
    end: int
    text: str
    value: str | None
    rule: str


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    rule: str
    low: Partial
    high: Partial | None = None  # the last part of a period or of a range written as one atom
    needs_prefix: bool = False  # a bare "2024" or "czerwcu": a date only after a preposition
    is_range: bool = False  # "12–14 czerwca": its own start and end, never reopened by "od"/"do"
    relative: str | None = None  # a [relative] code
    weekday_shift: int | None = None  # a weekday alone: +1 next, -1 last, 0 nearest
    direction: int = 0  # a month named as "next" (+1) or "last" (-1): the side of the release date it lies on
    full_date: bool = False  # day, month and year all written: what a release's date line has
    season: bool = False  # "jesienią 2025 r.", "spring 2026": a date without an ISO value


# A bare year or month ("2024", "czerwcu") is a date only after one of these: "w", "do", "od",
# "w latach", "do końca". "de 2029" (fr/es "of") or "and 2026" alone do not make it one.
_VALIDATING = frozenset({"at", "range_prefix", "until", "end_of", "since"})
_PREFIX_KINDS = ("at", "from_", "to", "between", "between_to", "range_prefix", "until", "end_of", "since")


def _norm(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


def _alternation(forms: Iterable[str], *, exact_case: bool = False) -> str:
    """Whole-word alternation of `forms`, longest first; a space matches any run of spaces.

    A lookahead for the forms' first letters goes first: `re` tries every alternative at every
    position of a release, and most positions start with none of those letters (a third faster)."""
    forms = set(forms)
    pieces = []
    for form in sorted(forms, key=len, reverse=True):
        piece = _SPACE.join(re.escape(word) for word in form.split())
        if form[-1].isalnum():
            piece += r"(?!\w)"
        pieces.append(piece)
    body = "|".join(pieces) or r"(?!)"
    if pieces and all(form.split() for form in forms):
        first_letters = "".join(sorted({re.escape(form.split()[0][0]) for form in forms}))
        body = f"(?=[{first_letters}])(?:{body})"
    return f"(?-i:{body})" if exact_case else f"(?:{body})"


class Grammar:
    """The compiled grammar of one language."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._rules = list(self._build_rules())
        prefixes = (*lexicon.at, *lexicon.from_, *lexicon.to, *lexicon.between, *lexicon.range_prefix,
                    *lexicon.until, *lexicon.end_of, *lexicon.since)
        self._prefix = re.compile(rf"(?<!\w)(?P<p>{_alternation(prefixes)}){_SPACE}\Z", re.IGNORECASE)
        # "by 5pm on 17 June", "do godz. 12:00 w dniu 5 marca": a deadline at a clock time on a day
        clock = (rf"(?:\d{{1,2}}(?:[:.]\d\d{_OPT_SPACE}(?:[ap]\.?m\.?)?|{_OPT_SPACE}(?:[ap]\.?m\.?|Uhr|h)(?!\w))"
                 rf"|noon|midnight)")
        hour = _alternation(lexicon.clock_before)
        self._until_at_time = (re.compile(rf"(?<!\w)(?P<p>{_alternation(lexicon.until)}){_SPACE}(?:{hour}{_SPACE})?"
                                          rf"{clock}(?:{_SPACE}{hour})?,?(?:{_SPACE}{_alternation(lexicon.at)})?"
                                          rf"{_SPACE}\Z", re.IGNORECASE) if lexicon.until else None)
        self._connector = re.compile(
            rf"(?:{_DASH}|{_SPACE}(?P<to>{_alternation((*lexicon.to, *lexicon.between_to))}){_SPACE})\Z",
            re.IGNORECASE)
        self._words = {name: frozenset(_norm(w) for w in getattr(lexicon, name))
                       for name in ("at", "from_", "to", "between", "between_to", "range_prefix",
                                    "until", "end_of", "since", "half", "next", "blocked_before")}
        self._year_offsets = {_norm(w): offset for offset, forms in
                              ((0, lexicon.this_year), (-1, lexicon.last_year), (1, lexicon.next_year))
                              for w in forms}
        blocked = lexicon.blocked_before
        self._back_to = (re.compile(rf"(?<!\w){_alternation(lexicon.back_to)}(?:{_SPACE}\w+){{0,2}}{_OPT_SPACE}\Z",
                                    re.IGNORECASE) if lexicon.back_to else None)
        self._future = re.compile(rf"(?<!\w){_alternation(lexicon.future)}", re.IGNORECASE) if lexicon.future else None
        self._past = re.compile(rf"(?<!\w){_alternation(lexicon.past)}", re.IGNORECASE) if lexicon.past else None
        self._between = (re.compile(rf"(?<!\w){_alternation(lexicon.between)}{_SPACE}\Z", re.IGNORECASE)
                         if lexicon.between else None)
        self._blocked = (re.compile(rf"(?<!\w){_alternation(blocked)}{_OPT_SPACE}\Z", re.IGNORECASE)
                         if blocked else None)

    # -- pass 1: atoms -------------------------------------------------------------------------

    def _build_rules(self) -> Iterator[tuple[str, re.Pattern[str], Callable[[re.Match[str]], _Atom | None], bool]]:
        """(name, pattern, builder, numeric) per rule; `numeric`: its atoms open with a figure."""
        lx = self.lexicon
        exact = lx.case_sensitive_names
        month_word = _alternation(lx.months, exact_case=exact)
        # beside a day or a year a month may be abbreviated ("4 lut 2025"); alone it may not
        month = _alternation((*lx.months, *lx.month_abbreviations), exact_case=exact)
        weekday = _alternation(lx.weekdays, exact_case=exact)
        # "14 marca (czwartek) 2024 r.": the weekday in brackets inside the date
        bracketed_weekday = rf"(?:{_SPACE}\({_OPT_SPACE}{weekday}{_OPT_SPACE}\))?"
        day_suffix = _alternation(lx.day_suffix) if lx.day_suffix else "(?!)"

        def day(name: str) -> str:
            return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?!\d)(?:{day_suffix})?\.?"

        def year(name: str, *, relative: bool = True) -> str:
            digits = rf"(?P<{name}>{_YEAR_DIGITS})(?:{_OPT_SPACE}(?P<{name}w>{_alternation(lx.year_after)}))?"
            if not relative:
                return digits
            words = (*lx.this_year, *lx.last_year, *lx.next_year)
            return rf"(?:{digits}|(?P<{name}rel>{_alternation(words)}))"

        day_month = rf"(?:{_SPACE}(?:{_alternation(lx.day_month)}))?{_SPACE}" if lx.day_month else _SPACE
        # "14.März" after an ordinal dot; "piątek, 28, lipiec 2017" (a CMS's date) with a year after the month
        day_month = rf"(?:{day_month}|(?<=\.){_OPT_SPACE}|,{_SPACE}(?=\w+\.?{_SPACE}{_YEAR_DIGITS}))"
        month_year = rf"{_SPACE}(?:{_alternation(lx.month_year)}{_SPACE})?" if lx.month_year else _SPACE
        period_year = rf"{_SPACE}(?:{_alternation(lx.period_year)}{_SPACE})?" if lx.period_year else _SPACE
        year_before = rf"(?:(?P<yb>{_alternation(lx.year_before)}){_SPACE})?" if lx.year_before else ""
        # "we wtorek 5 listopada", "Monday, 11 March", "we wtorek – 13 marca", a weekday on the line above
        # "v neděli dne 20. ledna": a locating word may stand between the weekday and the day
        at_word = rf"(?:{_alternation(lx.at)}{_SPACE})?" if lx.at else ""
        on_weekday = rf"(?:(?P<wd>{weekday})(?:,?{_SPACE}{at_word}|{_DASH}|{_OPT_SPACE}\n{_OPT_SPACE}))?"
        dash_or_to = rf"(?:{_DASH}|{_SPACE}{_alternation(lx.to)}{_SPACE})"
        # "am 18. und 19. September", "5 i 6 czerwca": two days side by side (checked in _day_range)
        day_pair = rf"(?:{dash_or_to}|{_SPACE}(?P<and>{_alternation(lx.between_to)}){_SPACE})" if lx.between_to \
            else dash_or_to
        ordinal = _alternation(lx.ordinals)
        if lx.roman_ordinals:
            ordinal = rf"(?:{ordinal}|(?-i:IV|III|II|I)(?!\w))"
        ordinal = rf"(?:{ordinal}|[1-4]\.)"
        units = rf"(?P<unit>{_alternation((*lx.quarter, *lx.half))})"

        def rule(name: str, pattern: str, build: Callable[[re.Match[str]], _Atom | None], *, numeric: bool = False):
            return name, re.compile(_START + pattern, re.IGNORECASE), build, numeric

        yield rule("day_range", rf"{day('d')}{day_pair}{day('d2')}{day_month}(?P<m>{month})"
                                rf"(?:{month_year}{year('y')})?", self._day_range, numeric=True)
        yield rule("date", rf"{on_weekday}{day('d')}{day_month}(?P<m>{month})"
                           rf"(?:{bracketed_weekday}{month_year}{year('y')})?", self._date)
        if lx.month_first:
            yield rule("month_day_range", rf"(?P<m>{month}){_SPACE}{day('d')}{dash_or_to}{day('d2')}"
                                          rf"(?:,?{_SPACE}{year('y')})?", self._day_range)
            yield rule("month_day", rf"{on_weekday}(?P<m>{month}){_SPACE}{day('d')}"
                                    rf"(?:,?{_SPACE}{year('y')})?(?!{_OPT_SPACE}\d)",
                       self._date)
        yield rule("iso", r"(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)(?!\d)", self._numeric, numeric=True)
        yield rule("numeric", rf"(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<mo>\d{{1,2}})(?P=sep)"
                              rf"{year('y', relative=False)}", self._numeric, numeric=True)
        # "14. 6. 2019" (Czech, Slovak, German): day and month with a dot, then a space
        yield rule("numeric_spaced", rf"(?P<d>\d{{1,2}})\.{_SPACE}(?P<mo>\d{{1,2}})\.{_OPT_SPACE}"
                                     rf"{year('y', relative=False)}", self._numeric, numeric=True)
        # "v pondělí 5. 5.", "we wtorek 5.03": a day and a month in figures, only after a weekday
        yield rule("weekday_numeric", rf"(?P<wd>{weekday}),?{_SPACE}{at_word}(?P<d>3[01]|[12]\d|0?[1-9])\."
                                      rf"{_OPT_SPACE}(?P<mo>1[0-2]|0?[1-9])\.?(?![\d\w]|\.?{_OPT_SPACE}\d)",
                   self._weekday_numeric)
        # "czwartkowej (26.08.) sesji", "wczoraj (09.05.)": a day and a month in figures alone in brackets
        yield rule("bracketed_numeric", r"(?<=\()(?P<d>[0-3]\d)\.(?P<mo>[01]\d)\.?(?=\))", self._day_month_numeric,
                   numeric=True)
        yield rule("numeric_range", rf"(?P<d1>\d{{1,2}})(?:\.(?P<mo1>\d{{1,2}}))?\.?{_DASH}"
                                    rf"(?P<d>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.{year('y', relative=False)}",
                   self._numeric_range, numeric=True)
        yield rule("month_year", rf"(?P<m>{month}){month_year}{year_before}{year('y')}", self._month_year)
        shift = _alternation((*lx.next, *lx.last))
        # "im vergangenen Oktober", "next March": the word before the month says which side of the release date
        yield rule("month", rf"(?:(?P<shift>{shift}){_SPACE})?(?P<m>{month_word})", self._month_year)
        yield rule("year", rf"{year_before}{year('y', relative=False)}", self._year, numeric=not year_before)
        if lx.season:
            yield rule("season", rf"{_alternation(lx.season)}{period_year}{year('y')}", self._season)
            # "letos v létě", "this year in the summer": a season of a year named by a relative word
            years = [phrase for phrase, code in lx.relative.items() if code.startswith("year")]
            if years:
                yield rule("season_relative", rf"{_alternation(years)}{_SPACE}{at_word}{_alternation(lx.season)}"
                                              rf"(?!\w)", self._season)
        # a school or fiscal year: "2025/2026", "2025/26", "2025-26" (a following year only)
        yield rule("year_pair", rf"{year_before}(?P<y>{_YEAR_DIGITS})(?:/(?P<y2>{_YEAR_DIGITS}|\d\d)"
                                rf"|[-–](?P<y3>\d\d))(?![\d\w]|[.,/-]\d)", self._year_pair,
                   numeric=not year_before)
        yield rule("period", rf"(?P<ord>{ordinal}){_SPACE}{units}(?:{period_year}{year('y')})?",
                   self._period)
        yield rule("period_code", rf"(?-i:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H)"
                                  rf"(?:{_OPT_SPACE}[/ ]?{_OPT_SPACE}{year('y', relative=False)})?(?!\w)",
                   self._period_code)
        yield rule("weekday", rf"(?:(?P<shift>{shift}){_SPACE})?(?P<wd>{weekday})", self._weekday)
        if lx.relative:
            yield rule("relative", rf"(?P<rel>{_alternation(lx.relative)})(?!{_SPACE}\d)", self._relative)

    def _year_of(self, match: re.Match[str], name: str) -> Partial:
        digits = match.groupdict().get(name)
        if digits:
            return Partial(year=int(digits))
        words = match.groupdict().get(f"{name}rel")
        if words:
            return Partial(year_offset=self._year_offsets[_norm(words)])
        return Partial()

    def _date(self, match: re.Match[str]) -> _Atom | None:
        weekday = self.lexicon.weekday(match["wd"]) if match["wd"] else None
        partial = replace(self._year_of(match, "y"), month=self.lexicon.month(match["m"]),
                          day=int(match["d"]), weekday=weekday)
        return _Atom(match.start(), match.end(), "date", partial,
                     full_date=partial.year is not None)

    def _day_range(self, match: re.Match[str]) -> _Atom | None:
        first, last = int(match["d"]), int(match["d2"])
        # "5 i 12 czerwca" are two dates; "5 i 6 czerwca" and "between 10 and 14 March" are one span
        if last <= first or match.groupdict().get("and") and last != first + 1 and not self._after_between(match):
            return None
        low = replace(self._year_of(match, "y"), month=self.lexicon.month(match["m"]), day=first)
        high = replace(low, day=last)
        return _Atom(match.start(), match.end(), "day_range", low, high, is_range=True)

    def _after_between(self, match: re.Match[str]) -> bool:
        return bool(self._between and self._between.search(match.string, max(0, match.start() - 30), match.start()))

    def _numeric(self, match: re.Match[str]) -> _Atom | None:
        day, month = int(match["d"]), int(match["mo"])
        if month > 12 and day <= 12 and match.groupdict().get("sep") == "/":
            day, month = month, day  # "03/14/2024": American order, only when it cannot be day-first
        partial = Partial(year=int(match["y"]), month=month, day=day)
        return _Atom(match.start(), match.end(), "numeric", partial, full_date=True)

    def _weekday_numeric(self, match: re.Match[str]) -> _Atom | None:
        partial = Partial(month=int(match["mo"]), day=int(match["d"]), weekday=self.lexicon.weekday(match["wd"]))
        return _Atom(match.start(), match.end(), "date", partial)

    def _day_month_numeric(self, match: re.Match[str]) -> _Atom | None:
        return _Atom(match.start(), match.end(), "date", Partial(month=int(match["mo"]), day=int(match["d"])))

    def _numeric_range(self, match: re.Match[str]) -> _Atom | None:
        high = Partial(year=int(match["y"]), month=int(match["mo"]), day=int(match["d"]))
        low = replace(high, day=int(match["d1"]), month=int(match["mo1"]) if match["mo1"] else high.month)
        if not (is_valid(low) and is_valid(high)) or to_date(low) >= to_date(high):
            return None
        return _Atom(match.start(), match.end(), "numeric_range", low, high, is_range=True)

    def _month_year(self, match: re.Match[str]) -> _Atom | None:
        partial = replace(self._year_of(match, "y"), month=self.lexicon.month(match["m"]))
        bare = partial.year is None and partial.year_offset is None
        direction = self._shift(match.groupdict().get("shift"))
        return _Atom(match.start(), match.end(), "month" if bare else "month_year", partial,
                     needs_prefix=bare and not direction, direction=direction)

    def _shift(self, word: str | None) -> int:
        """+1 for a "next" word, -1 for a "last" one, 0 for none."""
        if not word:
            return 0
        return 1 if _norm(word) in self._words["next"] else -1

    def _year(self, match: re.Match[str]) -> _Atom | None:
        marked = bool(match["yw"] or match.groupdict().get("yb"))
        return _Atom(match.start(), match.end(), "year", Partial(year=int(match["y"])),
                     needs_prefix=not marked)

    def _season(self, match: re.Match[str]) -> _Atom | None:
        return _Atom(match.start(), match.end(), "season", self._year_of(match, "y"), season=True)

    def _year_pair(self, match: re.Match[str]) -> _Atom | None:
        first = int(match["y"])
        second = match["y2"] or match["y3"]
        following = int(second) if len(second) == 4 else first - first % 100 + int(second)
        if following != first + 1:
            return None
        # "2025-26", "2025/26": a school or financial year, not two calendar years
        rule = "year_pair" if len(second) == 4 else "short_year_pair"
        return _Atom(match.start(), match.end(), rule, Partial(year=first), Partial(year=following), is_range=True)

    def _period(self, match: re.Match[str]) -> _Atom | None:
        written = match["ord"]
        number = _ROMAN.get(written) or (int(written[0]) if written[0].isdigit() else self.lexicon.ordinal(written))
        return self._period_atom(match, number, _norm(match["unit"]) in self._words["half"])

    def _period_code(self, match: re.Match[str]) -> _Atom | None:
        quarter = match["q"] or match["q2"]
        number = int(quarter or match["h"] or match["h2"])
        return self._period_atom(match, number, quarter is None)

    def _period_atom(self, match: re.Match[str], number: int, is_half: bool) -> _Atom | None:
        if is_half and number > 2:
            return None
        months = 6 if is_half else 3
        year = self._year_of(match, "y")
        low = replace(year, month=(number - 1) * months + 1)
        high = replace(year, month=number * months)
        bare = year.year is None and year.year_offset is None
        return _Atom(match.start(), match.end(), "period", low, high, needs_prefix=bare)

    def _weekday(self, match: re.Match[str]) -> _Atom | None:
        shift = self._shift(match["shift"])
        return _Atom(match.start(), match.end(), "weekday", Partial(weekday=self.lexicon.weekday(match["wd"])),
                     needs_prefix=not shift, weekday_shift=shift)

    def _relative(self, match: re.Match[str]) -> _Atom | None:
        code = self.lexicon.relative[_norm(match["rel"])]
        return _Atom(match.start(), match.end(), "relative", Partial(), relative=code)

    def atoms(self, text: str) -> tuple[_Atom, ...]:
        """Non-overlapping atoms, the longest first where candidates overlap; remembered for the
        texts asked last: a release's first lines are read for its own date, for the date lines
        to leave out and for the bare date lines."""
        return _atoms_of(self, text)

    def _find_atoms(self, text: str) -> tuple[_Atom, ...]:
        candidates: list[tuple[int, int, int, _Atom]] = []
        blocked: list[tuple[int, int]] = []
        numbers = [found.start() for found in _NUMBER.finditer(text)]
        for priority, (_, pattern, build, numeric) in enumerate(self._rules):
            for match in _matches_at(pattern, text, numbers) if numeric else pattern.finditer(text):
                atom = build(match)
                if atom is None or not is_valid(atom.low) or (atom.high is not None and not is_valid(atom.high)):
                    continue
                if self._blocked and self._blocked.search(text, max(0, match.start() - 25), match.start()):
                    blocked.append(match.span())  # "ul. 3 Maja" is a street; nothing inside it is a date
                    continue
                candidates.append((-(atom.end - atom.start), atom.start, priority, atom))
        candidates.sort(key=lambda c: c[:3])
        taken: list[_Atom] = []
        for *_, atom in candidates:
            if any(atom.start < end and start < atom.end for start, end in blocked):
                continue
            if all(atom.end <= other.start or atom.start >= other.end for other in taken):
                taken.append(atom)
        return tuple(sorted(taken, key=lambda a: a.start))

    # -- pass 2: ranges, prepositions, values ---------------------------------------------------

    def find(self, text: str, reference: dt.date | None = None, *,
             nearest_year: bool = False) -> list[DateMatch]:
        """Every date expression of `text`, resolved against `reference` (the release date)."""
        atoms = self.atoms(text)
        found: list[DateMatch] = []
        index = 0
        while index < len(atoms):
            atom = atoms[index]
            prefix = self._deadline_at_time(text, atom) or self._prefix.search(text, max(0, atom.start - 60),
                                                                               atom.start)
            kinds = self._kinds(prefix["p"]) if prefix else set()
            if kinds & {"until", "to"} and self._reaches_back(text, prefix):
                kinds = {"at"}  # "korzenie sięgają do 1992 r.": back to that year, not until it
            start = prefix.start() if prefix else atom.start
            if index + 1 < len(atoms) and self._joins(text, atom, atoms[index + 1], kinds):
                end = atoms[index + 1].end
                value = self._range_value(atom, atoms[index + 1], reference, nearest_year)
                found.append(DateMatch(start, end, text[start:end], value, "range"))
                index += 2
                continue
            index += 1
            if atom.weekday_shift is not None and index < len(atoms) and _BRACKET.fullmatch(
                    text, atom.end, atoms[index].start) and not atoms[index].needs_prefix:
                atom = atoms[index]  # "od wtorku (14 kwietnia)": the date in brackets takes the preposition
                index += 1
            if atom.needs_prefix and not kinds & _VALIDATING:
                continue
            if atom.needs_prefix and self._proper_noun(text, atom, prefix):
                continue
            if atom.weekday_shift == 0 and self._habit(text, atom, kinds):
                continue
            if not kinds - {"to", "between_to", "between"}:
                start = atom.start  # "and 2026", "do" alone say nothing about a single date
            if atom.season:
                value = None
            elif atom.rule == "short_year_pair" and (first_month := self._fiscal_year_start(text)):
                year = atom.low.year or 0
                value = f"{year}-{first_month:02d}/{year + 1}-{first_month - 1:02d}"
            else:
                value = self._value(atom, kinds, reference, nearest_year, atom.direction or self._tense(text, atom))
            found.append(DateMatch(start, atom.end, text[start:atom.end], value, atom.rule))
        return found

    def _deadline_at_time(self, text: str, atom: _Atom) -> re.Match[str] | None:
        """"by 5pm on 17 June", "do godz. 12:00 w dniu 5 marca": until that day; not "od 8:00 do
        16:00 w dniu 5 marca", hours on that day."""
        found = self._until_at_time.search(text, max(0, atom.start - 60), atom.start) if self._until_at_time else None
        if found and _CLOCK_BEFORE.search(text, max(0, found.start() - 12), found.start()):
            return None
        return found

    def _fiscal_year_start(self, text: str) -> int | None:
        """The first month of the financial year a release's "2025-26" means, told by the currency
        it writes ("£": a UK body, April to March), or None: two calendar years."""
        return next((month for marker, month in self.lexicon.fiscal_year.items() if marker in text), None)

    def _habit(self, text: str, atom: _Atom, kinds: set[str]) -> bool:
        """A weekday that begins a span of days ("od poniedziałku do piątku") or of hours ("w
        poniedziałek: 7:30–15:30", "od soboty w godz. 10–14") names a habit, not a day; "od środy"
        alone is an open start."""
        after = text[atom.end:atom.end + 40].split("\n", 1)[0]
        if "since" in kinds:
            following = self.atoms(after)[:1]
            days = bool(following and following[0].weekday_shift is not None
                        and self._connector.match(after, 0, following[0].start))
            return days or bool(_CLOCK.search(after))
        return bool(kinds & {"until", "from_", "to"} or _TABLE_HOURS.match(after))

    def _tense(self, text: str, atom: _Atom) -> int:
        """+1 when the sentence around a date speaks of the future ("will", "będzie"), -1 of the
        past ("was", "odbyło się"), 0 when it says neither or both: which side of the release
        date a month, day or weekday without a year lies on."""
        if self._future is None and self._past is None:
            return 0
        start = max(text.rfind(mark, 0, atom.start) for mark in ".!?\n") + 1
        ends = [position for mark in ".!?\n" if (position := text.find(mark, atom.end)) >= 0]
        sentence = text[start:min(ends, default=len(text))]
        future = bool(self._future and self._future.search(sentence))
        past = bool(self._past and self._past.search(sentence))
        return int(future) - int(past)

    def _reaches_back(self, text: str, prefix: re.Match[str] | None) -> bool:
        """"do"/"to" after a verb of reaching back ("sięgają do", "dating back to", "sahá do")."""
        return bool(self._back_to and prefix and self._back_to.search(text, max(0, prefix.start() - 50),
                                                                      prefix.start()))

    def _proper_noun(self, text: str, atom: _Atom, prefix: re.Match[str] | None) -> bool:
        """"w Środzie Śląskiej" is a town: a capitalised name after a lowercase preposition, in a
        language that writes months and weekdays in lowercase."""
        if self.lexicon.case_sensitive_names or prefix is None:
            return False
        name = re.search(r"[^\W\d]", text[atom.start:atom.end])
        return bool(name and name.group().isupper() and prefix["p"][0].islower())

    def _kinds(self, phrase: str) -> set[str]:
        key = _norm(phrase)
        return {name for name in _PREFIX_KINDS if key in self._words[name]}

    def _joins(self, text: str, first: _Atom, second: _Atom, prefix_kinds: set[str]) -> bool:
        """Two atoms make one range: "1 lipca – 30 września 2024", "between 2024 and 2026"."""
        connector = self._connector.match(text, first.end, second.start)
        if connector is None or first.relative or second.relative or first.is_range or second.is_range:
            return False
        if first.weekday_shift is not None or second.weekday_shift is not None:
            return False
        word = _norm(connector["to"] or "")
        if word and word not in self._words["to"] and "between" not in prefix_kinds:
            return False  # "and" joins two dates into a range only after "between"
        return not (first.needs_prefix and second.needs_prefix and not prefix_kinds)

    def _range_value(self, first: _Atom, second: _Atom, reference: dt.date | None,
                     nearest_year: bool) -> str | None:
        """START/END; the start borrows a year it does not write from the end ("1 lipca – 30
        września 2024"), and the end is resolved first so that both lie in one span of time."""
        end = resolve(second.high or second.low, reference, nearest_year=nearest_year)
        if end is None:
            return None
        begin = resolve(first.low.with_year_from(end), reference, nearest_year=nearest_year)
        if begin is None or to_date(begin) > to_date(end):
            return None
        return f"{iso(begin)}/{iso(end)}"

    def _value(self, atom: _Atom, prefix_kinds: set[str], reference: dt.date | None,
               nearest_year: bool, tense: int = 0) -> str | None:
        if atom.relative:
            return relative_value(atom.relative, reference) if reference else None
        if atom.weekday_shift is not None:
            if reference is None:
                return None
            day = weekday_date(reference, atom.low.weekday or 1, atom.weekday_shift, tense).isoformat()
            return f"{day}/" if "since" in prefix_kinds else day
        low = resolve(atom.low, reference, nearest_year=nearest_year, tense=tense)
        if low is None:
            return None
        high = None
        if atom.high is not None:  # a period or "12–14 czerwca": the end lies in the start's year
            high = atom.high if atom.high.year is not None else replace(atom.high, year=low.year,
                                                                        year_offset=None)
        if high is not None and (atom.is_range or not prefix_kinds & {"until", "end_of", "since"}):
            return f"{iso(low)}/{iso(high)}"
        last = high or low
        if "end_of" in prefix_kinds:
            return f"/{iso(last_month(last))}"
        if "until" in prefix_kinds:
            return f"/{iso(last)}"
        if "since" in prefix_kinds:
            return f"{iso(low)}/"
        return iso(low)


@lru_cache(maxsize=64)
def _atoms_of(grammar: Grammar, text: str) -> tuple[_Atom, ...]:
    return grammar._find_atoms(text)


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, trying only `starts` (sorted): a rule whose atoms open
    with a figure can only match where a number starts, and a release has few numbers (its rules
    are tried there and not at each of its thousands of characters)."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


def available_languages() -> tuple[str, ...]:
    """Codes of the languages whose pack has date words, sorted."""
    return _with_dates(available())


@cache
def _with_dates(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(code for code in codes if get(code).dates is not None)


def grammar_for(language: str) -> Grammar:
    """The grammar of `language`; English's for a language without date words."""
    pack = find(language)
    return _grammar(pack if pack is not None and pack.dates is not None else get("en"))


@cache
def _grammar(pack: Language) -> Grammar:
    """Built once per pack."""
    assert pack.dates is not None
    return Grammar(pack.dates)
