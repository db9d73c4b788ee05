"""What must never reach a summary: contact blocks, "more information" lines, cookie notices,
date lines, headings. The words live in the language packs (boilerplate.toml, dates.toml); this
module only applies them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pressnlp import lang

_BULLET = r"^[\s\-–—•*·>]*"
_TERMINAL = re.compile(r"[.!?…][\"'”»)\]]*$")
_WORD = re.compile(r"[^\W_]+")
_URL = re.compile(r"https?://\S+|www\.\S+|\b[\w-]+(\.[\w-]+)*\.(pl|com|eu|org|net|gov|de|cz|sk|fr|es|ua|uk)(/\S*)?",
                  re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*([-–—•*·▪►✓]|\d{1,2}[.)]|[a-z][.)])\s+")
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")

HEADING_MAX_WORDS = 10
"""A line without a full stop and with at most this many words is a heading or a label."""
DATE_LINE_MAX_WORDS = 10

# What is boilerplate in every language: the copyright sign (contact detail: `lang.labels`).
_CONTAINS = ("©",)


@dataclass(frozen=True)
class Patterns:
    closing: re.Pattern[str]
    line_starts: re.Pattern[str]
    line_contains: re.Pattern[str]


def _either(patterns: list[str], prefix: str = "") -> re.Pattern[str]:
    """Any of `patterns` (none: never matches)."""
    alternatives = "|".join(f"(?:{p})" for p in patterns) or "(?!)"
    return re.compile(prefix + "(?:" + alternatives + ")", re.IGNORECASE)


def patterns() -> Patterns:
    """Every language pack's patterns at once: a release in one language often carries an English
    "More information" or a Polish "Kontakt" line anyway."""
    return _patterns(lang.available())


@cache
def _patterns(codes: tuple[str, ...]) -> Patterns:
    packs = [lang.get(code).boilerplate for code in codes]
    closing = [pattern for pack in packs for pattern in pack.closing]
    line_starts = [pattern for pack in packs for pattern in pack.line_starts]
    line_contains = [pattern for pack in packs for pattern in pack.line_contains]
    return Patterns(closing=_either(closing, _BULLET),
                    line_starts=_either(line_starts, _BULLET),
                    line_contains=_either([*line_contains, *_CONTAINS]))


def words(text: str) -> list[str]:
    """Runs of letters and digits ("S.A." is two): for telling fragments and headings apart."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """Whitespace-separated tokens with a letter or digit: the unit of summary length limits."""
    return sum(any(char.isalnum() for char in token) for token in text.split())


def ends_like_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()))


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence: a title, a subheading, a label."""
    stripped = line.strip()
    return not ends_like_sentence(stripped) and len(words(stripped)) <= HEADING_MAX_WORDS


def is_list_item(line: str) -> bool:
    """A bulleted or numbered line."""
    return bool(_LIST_ITEM.match(line))


def opens_closing_block(paragraph: str) -> bool:
    """True for the first paragraph of the closing block ("Kontakt dla mediów:", "About us")."""
    first_line = paragraph.strip().split("\n", 1)[0].strip()
    if not (is_heading(first_line) or first_line.endswith(":")):
        return False
    return bool(patterns().closing.match(first_line))


def starts_like_boilerplate(text: str) -> bool:
    """"Dowiedz się więcej", "More information: …", "Press release" at the start of `text`."""
    return bool(patterns().line_starts.match(text.strip()))


def is_boilerplate(text: str) -> bool:
    """Starts like boilerplate or mentions cookies, privacy policy, copyright, newsletters."""
    return starts_like_boilerplate(text) or bool(patterns().line_contains.search(text))


def without_urls(text: str) -> str:
    return _URL.sub(" ", text)


def _date_words(language: str) -> frozenset[str]:
    """Month and weekday names and the words around a year ("r.", "roku") of a language."""
    pack = lang.find(language)
    return _lexicon_words(pack) if pack is not None else frozenset()


@cache
def _lexicon_words(pack: lang.Language) -> frozenset[str]:
    lexicon = pack.dates
    if lexicon is None:
        return frozenset()
    forms = [*lexicon.months, *lexicon.weekdays, *lexicon.year_after, *lexicon.day_month,
             *lexicon.month_year, *lexicon.at]
    return frozenset(word.casefold().rstrip(".") for form in forms for word in form.split())


def is_date_line(line: str, language: str) -> bool:
    """A dateline such as "Katowice, 5 kwietnia 2024 r." or "Edinburgh, 6 February 2024": after
    an optional place and a comma, nothing but numbers and date words."""
    stripped = line.strip()
    if len(words(stripped)) > DATE_LINE_MAX_WORDS:
        return False
    if not (_YEAR.search(stripped) or _NUMERIC_DATE.search(stripped)):
        return False
    date_part = stripped.split(",", 1)[1] if "," in stripped else stripped
    known = _date_words(language) | _date_words("en")
    return all(word.isdigit() or word.casefold() in known for word in words(date_part))
