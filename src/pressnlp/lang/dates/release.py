"""The release's own date: a date line near the top ("Katowice, 14 marca 2024 r.")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from pressnlp.lang.dates.grammar import available_languages, grammar_for
from pressnlp.lang.dates.lexicon import Lexicon
from pressnlp.lang.dates.values import iso
from pressnlp.lang.labels import release_label
from pressnlp.lang.pack import get

_MAX_LINE = 120
_MAX_AFTER = 40
_RUN_IN_DATE = 60  # the date of a line that runs into the lead starts within this many characters
_LATE_RUN_IN = 6  # lines after the first `max_lines` where only a date line that runs into the lead counts
_DIGIT = re.compile(r"\d")
# what every numeric full date holds ("14.03.2024", "3. 4. 2024", "3/14/2024", "2024-03-14"): a line
# without one has a full date in a language only if it names a month of that language
_NUMERIC_DATE = re.compile(r"\d{1,2}[./-] ?\d{1,2}[./-] ?\d{4}|\d{4}-\d\d-\d\d")
_WORD = re.compile(r"\w+")
_WORDS_AFTER = re.compile(r"[^\W\d]{4,}")  # a word after a date: not a bare date line ("r.", "hod." are not)


def find_release_date(text: str, language: str | None = None, *, max_lines: int = 8,
                      ) -> tuple[str, tuple[int, int]] | None:
    """(ISO date, span of the date) from the first date line among the first `max_lines`
    non-empty lines, or None. A date line is short and holds a full date (day, month, year)
    with at most a place, a label or a separator before it ("Edinburgh, 6 February 2024",
    "Data: 14.03.2024", "Bratislava 12. júna 2024"), or one that runs into the lead after a dash,
    a colon or a full stop ("Brno 3. března 2025 – Město …", "08 July 2014: The mayor …",
    "COLUMBUS, Ohio (February 18, 2025) — …", "NEW YORK, March 3, 2025 /PRNewswire/ -- …") — never a
    title that mentions a date. Without one,
    the first page-metadata date at the top or the bottom, or a date line closing the release."""
    found = next(date_lines(text, language, max_lines=max_lines), None)
    if found:
        return found
    metadata = metadata_dates(text)  # "Dátum vloženia: 7.10.2019" under the release
    return metadata[0] if metadata else closing_date_line(text, language)


def closing_date_line(text: str, language: str | None = None, *, last_lines: int = 2,
                      ) -> tuple[str, tuple[int, int]] | None:
    """(ISO date, span) of a date line that closes the release under its signature ("Jan Novák,
    tiskový mluvčí" / "13. ledna 2026"): a short line of a full date, at most a place before it."""
    languages = [language] if language in available_languages() else list(available_languages())
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text))
    for line in reversed(lines[-last_lines:]):
        if len(line.group().strip()) > _MAX_AFTER or not _DIGIT.search(line.group()):
            continue
        for code in languages:
            found = _date_in_line(text, line.start(), line.end(), code, after_title=True, run_in_only=False)
            if found and not text[found[1][1]:line.end()].strip(" .r"):
                return found
    return None


def date_lines(text: str, language: str | None = None, *, max_lines: int = 8, other_languages: bool = True,
               ) -> Iterator[tuple[str, tuple[int, int]]]:
    """(ISO date, span) of every date line among the first `max_lines` non-empty lines: a page
    that repeats its headline repeats its date line too. `other_languages`: also date lines in
    the other packs' languages (a release's language is not always its date line's)."""
    languages = [language] if language in available_languages() else []
    if other_languages or not languages:
        languages += [code for code in available_languages() if code not in languages]
    seen = 0
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        seen += 1
        if seen > max_lines + _LATE_RUN_IN:
            break
        # a long line can only be a date line that runs into the lead ("Brno 3. března 2025 – …"),
        # and so can a line under a long header ("Montvale, NJ – October 17, 2005 — …" under contacts)
        long_line = len(line.group().strip()) > _MAX_LINE or seen > max_lines
        if not _DIGIT.search(line.group(), 0, _RUN_IN_DATE if long_line else _MAX_LINE):
            continue  # every full date has a number; most lines of a release have none up front
        words = None if _NUMERIC_DATE.search(line.group()) else set(_WORD.findall(line.group().casefold()))
        for code in languages:
            if words is not None and not _month_words(code) & words:
                continue  # no full date in this language: its grammar is not even compiled (~20 ms)
            found = _date_in_line(text, line.start(), line.end(), code, after_title=seen > 1,
                                  run_in_only=long_line)
            if found:
                yield found
                break


@cache
def _month_words(language: str) -> frozenset[str]:
    """The first word of each month name and abbreviation of `language`, case-folded: a full date
    written with words holds one."""
    lexicon = get(language).dates
    assert lexicon is not None
    return frozenset(_WORD.findall(form.casefold())[0] for form in (*lexicon.months, *lexicon.month_abbreviations))


def _date_in_line(text: str, start: int, end: int, language: str, *, after_title: bool, run_in_only: bool,
                  ) -> tuple[str, tuple[int, int]] | None:
    line = text[start:end]
    grammar = grammar_for(language)
    for atom in grammar.atoms(line[:_MAX_LINE] if run_in_only else line):
        if not atom.full_date or atom.low.year is None:
            continue
        if _event_label(available_languages()).search(line[:atom.start]):
            continue  # "Kiedy: 14 marca 2024 r., godz. 11:00": the invitation's event, not its date
        before = _label(available_languages()).sub("", line[:atom.start].strip()).strip()
        if _labelled_of(line[:atom.start]):
            before = ""  # "(Pressemitteilung Nr. 134/2005 vom 27.07.2005)": the label line dates the release
        weekday = before.rstrip(",").rsplit(None, 1)[-1] if before else ""
        if weekday and _is_weekday(grammar.lexicon, weekday):  # "pátek 11.01.2019"
            before = before.rstrip(",")[:-len(weekday)].strip()
        after = line[atom.end:].strip()
        # "Brno 3. března 2025 – Město …": the date line runs into the lead after a dash
        # ", (February 18, 2025) — …" (a bracketed date), "Wendenburg, 20. März 2025. Die …" (a full
        # stop only after "Place,"), "CITY, Country, Jan. 21, 2026 /PRNewswire/ -- …" (a wire's tag)
        run_in = re.match(r"\)?\s*(?:/[^/\n]{2,40}/\s*)?(?:[–—-]{1,2}|:|(?P<stop>\.))\s", after)
        runs_into_lead = bool(run_in) and (not run_in["stop"] or before.endswith(","))
        if run_in_only and not runs_into_lead:
            continue
        # a place before the date without a comma: after the title, or alone with it on a line
        place = _is_place(before) and (after_title or runs_into_lead or not after)
        # "UHK Aktuálně, Věda a výzkum 14. 6. 2019": a site's section names, then the date
        sections = not after and _is_breadcrumb(before)
        if len(before) > 60 or before and before[-1] not in ",:|–—-/(•·" and not place and not sections:
            continue
        if before.endswith(",") and not sections and _is_clause(before):
            continue  # "Spotkanie prezesów izb krajowych, 27.03.2017 r.": a headline that ends with a date
        if len(after) > _MAX_AFTER and not runs_into_lead:
            continue
        return iso(atom.low), (start + atom.start, start + atom.end)
    return None


def bare_date_lines(text: str, language: str | None = None) -> list[tuple[str, tuple[int, int]]]:
    """(ISO date, span) of each line that holds nothing but a full date, a weekday or a place
    before it ("pátek 11.01.2019", "04.04.2017", "Kraków, 5 marca 2024 r."), under a line that is
    no label ("Kiedy:"): the date lines of the release and of the other items of its page. A
    release states its facts in sentences or labelled lines."""
    found_lines = []
    languages = [language] if language in available_languages() else list(available_languages())
    previous = ""
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        under_label = previous.rstrip().endswith(":")
        previous = line.group()
        if under_label or len(line.group().strip()) > _MAX_AFTER or not _DIGIT.search(line.group()):
            continue
        words = None if _NUMERIC_DATE.search(line.group()) else set(_WORD.findall(line.group().casefold()))
        found = next((found for code in languages if words is None or _month_words(code) & words
                      if (found := _date_in_line(text, line.start(), line.end(), code, after_title=True,
                                                 run_in_only=False))), None)
        if found and ":" not in text[line.start():found[1][0]] and not _WORDS_AFTER.search(text, found[1][1],
                                                                                              line.end()):
            found_lines.append(found)
    return found_lines


def metadata_dates(text: str, *, first_lines: int = 8, last_lines: int = 3,
                   ) -> list[tuple[str, tuple[int, int]]]:
    """(ISO date, span) of each date on a page-metadata line at the top or the bottom ("Dátum
    vloženia: 7.10.2019", "Last updated: 3 March 2024"): a label and a full date, nothing else
    but a clock time. They date the page, not the subject."""
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text))
    edges = lines[:first_lines] + lines[max(first_lines, len(lines) - last_lines):]
    found = []
    for line in edges:
        body = line.group()
        if len(body) > _MAX_AFTER * 2 or not _DIGIT.search(body):
            continue
        if not _opening_label(available_languages()).match(body):
            continue
        for code in available_languages():
            atoms = [atom for atom in grammar_for(code).atoms(body) if atom.full_date]
            if len(atoms) != 1:
                continue
            atom = atoms[0]
            before = body[:atom.start].strip()
            after = re.sub(r"[\d:.,\s–—-]|\b[hH]\b", "", body[atom.end:])  # "29.03.2017 - 13:15"
            if before and not _label(available_languages()).sub("", before).strip() and not after:
                found.append((iso(atom.low), (line.start() + atom.start, line.start() + atom.end)))
                break
    return found


def _is_weekday(lexicon: Lexicon, word: str) -> bool:
    try:
        lexicon.weekday(word)
    except KeyError:
        return False
    return True


def _is_clause(words: str) -> bool:
    """"Spotkanie prezesów izb krajowych," before a date: more words than a place, an issuer or a
    label, one of them a lowercase word of a sentence."""
    parts = words.split()
    return len(parts) > 4 and any(part[0].islower() and len(part) > 3 for part in parts)


def _is_breadcrumb(words: str) -> bool:
    """"News, Science and research, Abroad": two or more short section names in a row."""
    parts = [part.strip() for part in re.split(r"[,|›»>/]", words)]
    return len(parts) >= 2 and all(0 < len(part.split()) <= 3 and part[0].isupper() for part in parts)


def _is_place(words: str) -> bool:
    """"Bratislava" or "Nowy Sącz" before a date without a comma; a title has lowercase words."""
    parts = words.split()
    return 0 < len(parts) <= 3 and all(part[0].isupper() for part in parts)


def _alternation(languages: tuple[str, ...], field: str) -> str:
    """A regex alternation of the phrases in one word list of the packs' date lexicons (e.g.
    `label`), any whitespace between their words; one that never matches when there are none."""
    phrases = sorted({phrase for code in languages if (lexicon := get(code).dates)
                      for phrase in getattr(lexicon, field)})
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases) or "(?!)"


@cache
def _opening_label(languages: tuple[str, ...]) -> re.Pattern[str]:
    """A line that opens with a date label ("Dátum vloženia", "Last updated")."""
    return re.compile(rf"\s*(?:{_alternation(languages, 'label')})\b", re.IGNORECASE)


@cache
def _event_label(languages: tuple[str, ...]) -> re.Pattern[str]:
    """An invitation's label of its event's time before a date, a weekday between them: "Kiedy:
    wtorek", "When:", "KDY: Pátek" (each pack's `event_label` date words, then a colon)."""
    words = _alternation(languages, "event_label")
    return re.compile(rf"(?:^|[^\w\s])\s*(?:{words})\s*:\s*(?:\w+,?\s+)?$", re.IGNORECASE)


@cache
def _label_of(languages: tuple[str, ...]) -> re.Pattern[str]:
    """What joins a release label to its date at the end of the text before the date ("… vom")."""
    return re.compile(rf"(?:^|\s)(?:{_alternation(languages, 'label_of')})\s*$", re.IGNORECASE)


def _labelled_of(before: str) -> bool:
    """"vom 26.10.2017" alone, or after a release label ("Tisková zpráva č. 5 ze dne"): the release's date."""
    joint = _label_of(available_languages()).search(before)
    if joint is None:
        return False
    label = before[:joint.start()].strip().lstrip("([")
    return not label or bool(release_label(label))


@cache
def _label(languages: tuple[str, ...]) -> re.Pattern[str]:
    """Words a date line may carry before the date, in any language: "Data publikacji: 14.03.2024",
    "Published 14 March" (each pack's `label` date words)."""
    return re.compile(rf"(?:\b(?:{_alternation(languages, 'label')})\s*:?\s*)$", re.IGNORECASE)
