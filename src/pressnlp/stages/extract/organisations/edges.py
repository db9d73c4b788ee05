"""What may follow a name and belong to it: a quoted proper name, a legal form, a name or
acronym in brackets."""
from __future__ import annotations

import re

OPEN_QUOTES = "„“«\"'‚"
CLOSE_QUOTES = "”“»\"'’"
_QUOTED = re.compile(rf"[ \u00a0]?[{OPEN_QUOTES}]([^\n{CLOSE_QUOTES}]{{2,60}})[{CLOSE_QUOTES}]")
_BRACKETED = re.compile(r"\s*\(([^()\n]{2,80})\)")


def quoted_name_after(text: str, end: int) -> int | None:
    """The end of a quoted proper name right after a head: Stowarzyszenie Ekologiczne „Zielone Beskidy”."""
    match = _QUOTED.match(text[end:end + 70])
    if match and match.group(1)[:1].isupper():
        return end + match.end()
    return None


def legal_form_after(text: str, end: int, legal_forms: tuple[str, ...]) -> str | None:
    """The legal form (of `legal_forms`, longest first) written right after `end`: " Sp. z o.o."."""
    following = text[end:end + 24]
    if not following.startswith((" ", ", ", ",\u00a0", "\u00a0")):
        return None
    rest = following.removeprefix(",").lstrip(" \u00a0")
    if not rest.startswith(legal_forms):  # one test in C for the usual case: no legal form at all
        return None
    for form in legal_forms:
        if rest.startswith(form):
            after = rest[len(form):len(form) + 1]
            if not after or not after.isalnum():
                return form
    return None


def bracketed_acronym(text: str, end: int) -> str | None:
    """An acronym or another name in brackets right after a name: "(GZM)", "(Politechnika
    Wrocławska)"."""
    match = _BRACKETED.match(text[end:end + 90])
    if not match:
        return None
    inner = match.group(1).strip()
    if any(ch.isdigit() for ch in inner) and (" " in inner or not any(ch.isalpha() for ch in inner)):
        return None
    if inner[:1].isupper() and len(inner.split()) <= 6:
        return inner
    return None


_TICKER = re.compile(r"\s*\(([A-Za-z][A-Za-z -]{1,14}?)\s*:\s*[A-Z][A-Z0-9.]{0,7}[);,]")


def listed_after(text: str, end: int, exchanges: frozenset[str]) -> bool:
    """Whether a stock ticker in brackets follows a name, which makes it a listed company's:
    "Acme Bio (Nasdaq: ACMB)", "(NYSE: XYZ; TSX: XYZ)"."""
    match = _TICKER.match(text, end, end + 40)
    return bool(match) and match.group(1).strip() in exchanges
