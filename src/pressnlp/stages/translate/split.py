"""Splitting sentences that are too long for a model at clause boundaries, so nothing is cut.

Marian models truncate inputs past their limit and CTranslate2 stops decoding at its own; press
releases have 80-word sentences. We split at the boundary nearest the middle, preferring strong
punctuation, then commas, then clause-opening words, and only then any space.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from pressnlp import lang

# Boundary kinds and the penalty that makes a weaker boundary lose unless it is much nearer the middle.
_PUNCTUATION = [(re.compile(r"[;:](?=\s)|\s[–—-](?=\s)"), 0.0), (re.compile(r",(?=\s)"), 0.15)]
_CLAUSE_WORD_PENALTY = 0.3
_ANY_SPACE_PENALTY = 0.6


@cache
def clause_words(language: str) -> re.Pattern[str] | None:
    """A pattern of the spaces that stand before a clause-opening word of `language` (its pack's
    clause_words.txt); None for a language that lists none."""
    pack = lang.find(language)
    words = pack.lines("clause_words.txt") if pack is not None else ()
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s(?=(?:{alternatives})\b)", re.IGNORECASE)


def _boundaries(text: str, language: str) -> list[tuple[int, float]]:
    """Candidate cut positions (index where the second piece starts, before stripping) with penalties."""
    found: list[tuple[int, float]] = []
    for pattern, penalty in _PUNCTUATION:
        found.extend((match.end(), penalty) for match in pattern.finditer(text))
    words = clause_words(language)
    if words is not None:
        found.extend((match.start(), _CLAUSE_WORD_PENALTY) for match in words.finditer(text))
    found.extend((match.start(), _ANY_SPACE_PENALTY) for match in re.finditer(r"\s", text))
    return [(cut, penalty) for cut, penalty in found if text[:cut].strip() and text[cut:].strip()]


def best_cut(text: str, language: str) -> int | None:
    """Where to split `text` in two, or None when it has no space at all."""
    candidates = _boundaries(text, language)
    if not candidates:
        return None
    middle = len(text) / 2
    return min(candidates, key=lambda c: c[1] + abs(c[0] - middle) / len(text))[0]


def split_to_fit(text: str, fits: Callable[[str], bool], language: str) -> list[str]:
    """Pieces of `text`, in order, each accepted by `fits`; joined with spaces they give the text back
    (up to whitespace). A piece with no space left that still does not fit is cut in the middle."""
    if fits(text):
        return [text]
    cut = best_cut(text, language)
    if cut is None:
        if len(text) < 2:
            return [text]
        cut = len(text) // 2
        left, right = text[:cut], text[cut:]
    else:
        left, right = text[:cut].strip(), text[cut:].strip()
    return split_to_fit(left, fits, language) + split_to_fit(right, fits, language)
