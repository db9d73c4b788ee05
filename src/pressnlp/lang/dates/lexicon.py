"""Date words of one language: the `dates.toml` of its pack (`pressnlp.lang.get(code).dates`).

A data file has:
- `case_sensitive_names`: month and weekday forms match only as written (plus all caps), so the
  English modal "may" is not a month; `roman_ordinals`: "III kwartał"; `month_first`: "March 14".
- `[months]` 1..12 and `[weekdays]` 1..7 (ISO, Monday = 1): every inflected form;
  `[month_abbreviations]` 1..12: short forms ("lut", "wrz."), months only beside a day or a year
  ("4 lut 2025"), since alone they are often other words (Polish "sie" is "się" without accents);
  `[ordinals]` 1..4: ordinal words for quarters and halves.
- `[words]`: lists of words that glue a date together (see `Lexicon` fields).
- `[relative]`: phrase -> code, "day+1", "week-1", "month+0", "year+1"; a leading "/" means an
  open interval ending with that period ("do końca roku" -> "/year+0").
- `[fiscal_year]`: a currency sign -> the first month of the financial year that "2025-26" means
  in a release that writes it ("£" = 4: UK public bodies, April to March).
- `[words] label`: what a release's date line may carry before the date ("Data publikacji:");
  `event_label`: what an invitation's line for its event carries ("Kiedy:", "When:", "Termín:");
  `label_of`: what joins a release label to its date ("Pressemitteilung Nr. 12 vom 3.4.2025",
  "Komunikat prasowy z dnia …") or opens a date line alone ("vom 26.10.2017").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Lexicon:
    """Everything the grammar needs to know about one language's date vocabulary."""

    language: str
    case_sensitive_names: bool
    roman_ordinals: bool
    month_first: bool  # "March 14, 2024" as well as "14 March 2024"
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    relative: dict[str, str]
    month_abbreviations: dict[str, int] = field(default_factory=dict)
    fiscal_year: dict[str, int] = field(default_factory=dict)  # a currency in the text -> first month of "2025-26"
    year_after: tuple[str, ...] = ()  # after a year: "r.", "roku", "року"
    year_before: tuple[str, ...] = ()  # before a year: "roce" (v roce 2023), "Jahr"
    day_suffix: tuple[str, ...] = ()  # glued to a day number: "st", "er", "-go"
    day_month: tuple[str, ...] = ()  # between day and month: "de", "of"
    month_year: tuple[str, ...] = ()  # between month and year: "de", "del"
    period_year: tuple[str, ...] = ()  # between quarter/half and year: "of", "de"
    quarter: tuple[str, ...] = ()
    season: tuple[str, ...] = ()  # before a year: "jesienią 2025 r.", "spring 2026" (no ISO value)
    half: tuple[str, ...] = ()
    at: tuple[str, ...] = ()  # prepositions that only locate: "w", "on", "am"
    from_: tuple[str, ...] = ()  # start of a range: "od", "from", "vom"
    to: tuple[str, ...] = ()  # end of a range, also without a start word: "do", "to", "bis"
    between: tuple[str, ...] = ()
    between_to: tuple[str, ...] = ()  # "and" — a range connector only after `between`
    range_prefix: tuple[str, ...] = ()  # "w dniach", "w latach"
    until: tuple[str, ...] = ()  # open end: "do", "until", "by"
    clock_before: tuple[str, ...] = ()  # before a clock time: "godz.", "um" ("do godz. 12:00 dnia 5 marca")
    end_of: tuple[str, ...] = ()  # open end at the end of the period: "do końca"
    since: tuple[str, ...] = ()  # open start: "od", "since", "seit"
    next: tuple[str, ...] = ()  # "next Tuesday"
    last: tuple[str, ...] = ()  # "last Tuesday"
    this_year: tuple[str, ...] = ()  # in the year position: "w marcu br."
    last_year: tuple[str, ...] = ()
    blocked_before: tuple[str, ...] = ()  # a "date" after these is a name: "ul. 3 Maja"
    next_year: tuple[str, ...] = ()
    label: tuple[str, ...] = ()  # before a release's date: "data publikacji", "published on"
    event_label: tuple[str, ...] = ()  # before an event's date in an invitation ("Kiedy:", "When:"): not the release's
    label_of: tuple[str, ...] = ()  # between a release label and its date, or alone before it: "vom", "z dnia"
    back_to: tuple[str, ...] = ()  # before "do"/"to": it means "back to", not "until" ("sięgają do 1992 r.")
    future: tuple[str, ...] = ()  # in a sentence about the future: "will", "będzie" (a month goes forward)
    past: tuple[str, ...] = ()  # in a sentence about the past: "was", "odbyło się" (a month goes back)

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Lexicon:
        """The lexicon of a parsed dates.toml."""
        case_sensitive = bool(table.get("case_sensitive_names", False))
        words = {("from_" if key == "from" else key): tuple(values)
                 for key, values in table.get("words", {}).items()}
        return cls(
            language=table["language"],
            case_sensitive_names=case_sensitive,
            roman_ordinals=bool(table.get("roman_ordinals", False)),
            month_first=bool(table.get("month_first", False)),
            months=_numbered(table["months"], case_sensitive),
            month_abbreviations=_numbered(table.get("month_abbreviations", {}), case_sensitive),
            fiscal_year={marker: int(month) for marker, month in table.get("fiscal_year", {}).items()
                         if 2 <= int(month) <= 12},
            weekdays=_numbered(table["weekdays"], case_sensitive),
            ordinals=_numbered(table.get("ordinals", {}), False),
            relative={" ".join(phrase.casefold().split()): code
                      for phrase, code in table.get("relative", {}).items()},
            **words,
        )

    def month(self, form: str) -> int:
        try:
            return _lookup(self.months, form)
        except KeyError:
            return _lookup(self.month_abbreviations, form)

    def weekday(self, form: str) -> int:
        return _lookup(self.weekdays, form)

    def ordinal(self, form: str) -> int:
        return _lookup(self.ordinals, form)


def _lookup(table: dict[str, int], form: str) -> int:
    key = " ".join(form.split())
    value = table.get(key)
    if value is None:
        value = table[key.casefold()]
    return value


def _numbered(section: dict[str, list[str]], case_sensitive: bool) -> dict[str, int]:
    """form -> number; case-insensitive tables are keyed by the casefolded form."""
    table: dict[str, int] = {}
    for number, forms in section.items():
        for form in forms:
            if case_sensitive:
                table[form] = int(number)
                table[form.upper()] = int(number)
            else:
                table[form.casefold()] = int(number)
    return table
