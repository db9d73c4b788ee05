"""Lines that are not the release's news, known before anyone knows the language, so every pack's
words apply to every release:

- label lines: "PRESS RELEASE", "Komunikat prasowy nr 14", "TLAČOVÁ SPRÁVA | Trnava" — the line
  above the headline that names the kind of document; neither the title nor the start of the
  closing block (each pack's `release_labels`, boilerplate.toml);
- contact detail: an e-mail address or a phone number, bare or after a pack's `phone_labels`
  ("tel. 32 …"); never a title, never summary material.

    >>> is_release_label("INFORMACJA PRASOWA | DLA INWESTORÓW")
    True
    >>> is_release_label("Komunikat w sprawie remontu ulicy")
    False
"""
from __future__ import annotations

import re
from functools import cache

from pressnlp.lang.pack import available, get

# Emphasis and heading marks a label may carry in Markdown or a converted page ("*Informacja dla mediów*").
_MARKS = r"[\s*_#>•·\-–—]*"
# What may follow the label on its line: a separator and anything, a number ("nr 14", "No. 3", "č. 5"),
# a date, or a field of one or two words ("Contact: …", "Media contact: …").
_REST = (r"(?:$|\s*[|:–—\-/•·,(\[]|\s*(?:nr|no|č|n°|nº|№)\.?\s*\d|\s*\d"
         r"|\s+\w+(?:\s+\w+)?\s*:)")


@cache
def _pattern(languages: tuple[str, ...]) -> re.Pattern[str]:
    labels = [label for code in languages for label in get(code).boilerplate.release_labels]
    alternatives = "|".join(labels) or "(?!)"
    return re.compile(rf"^{_MARKS}(?P<label>{alternatives})(?!\w)[*_]*{_REST}", re.IGNORECASE)


def release_label(line: str) -> re.Match[str] | None:
    """The label at the start of `line` when the whole line is a label line; None otherwise."""
    return _pattern(available()).match(line.strip())


@cache
def _trailing_pattern(languages: tuple[str, ...]) -> re.Pattern[str]:
    labels = [label for code in languages for label in get(code).boilerplate.release_labels]
    alternatives = "|".join(labels) or "(?!)"
    return re.compile(rf"(?<=\s)(?P<label>{alternatives})[.\s]*$", re.IGNORECASE)


def trailing_label(line: str) -> tuple[int, int] | None:
    """Where a label closes a line after the issuer's name, without a separator: "University of
    X Media Release." (start and end of the label in `line`); None when none does."""
    match = _trailing_pattern(available()).search(line)
    return match.span("label") if match else None


@cache
def _leading_pattern(languages: tuple[str, ...]) -> re.Pattern[str]:
    labels = [label for code in languages for label in get(code).boilerplate.release_labels]
    alternatives = "|".join(labels) or "(?!)"
    return re.compile(rf"(?P<label>{alternatives})(?!\w)", re.IGNORECASE)


def leading_label(text: str, start: int = 0) -> int:
    """The end of a label that opens `text` at `start` ("Tlačová správa Žilinského kraja" names the
    issuer after its label); `start` when none does."""
    match = _leading_pattern(available()).match(text, start)
    return match.end("label") if match else start


def is_release_label(line: str) -> bool:
    """A label line, also with the issuer before the label ("Landratsamt X – Pressestelle",
    "Gmina Y | INFORMACJA PRASOWA")."""
    if release_label(line):
        return True
    head, separator, tail = line.strip().rpartition(" | " if " | " in line else " – ")
    return bool(separator and head and (match := release_label(tail)) and not tail[match.end("label"):].strip())


def headline_after_label(line: str) -> str | None:
    """The headline on a label's own line ("PRESS RELEASE: City opens a new library"): text after
    a separator that reads like a headline (four words or more, not a contact field)."""
    match = release_label(line)
    if match is None:
        return None
    rest = line.strip()[match.end("label"):].strip(" |:–—-/•·*_")
    if len(rest.split()) < 4 or "@" in rest or re.match(r"\w+\s*:", rest):
        return None
    return rest


# Contact detail in any language: an e-mail, an international number, a national one in groups.
_CONTACT = (r"[\w.+-]+@[\w-]+(\.[\w-]+)+",
            r"(\+|00)\d[\d ()/-]{7,}\d",
            r"\b\d{2,3}[ -]\d{3}[ -]\d{2}[ -]\d{2}\b")


@cache
def _contact_pattern(languages: tuple[str, ...]) -> re.Pattern[str]:
    labels = list(dict.fromkeys(label for code in languages for label in get(code).boilerplate.phone_labels))
    phone_label = [rf"\b({'|'.join(labels)})\.?\s*[:+(\d]"] if labels else []
    return re.compile("|".join(f"(?:{pattern})" for pattern in [*_CONTACT, *phone_label]), re.IGNORECASE)


def is_contact_detail(text: str) -> bool:
    """Holds an e-mail address or a phone number ("tel. 32 728 46 00", "+48 …", "anna@x.pl")."""
    return bool(_contact_pattern(available()).search(text))
