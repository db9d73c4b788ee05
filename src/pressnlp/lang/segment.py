"""Paragraph and sentence segmentation with offsets, aware of each language's abbreviations
(its pack's abbreviations.txt and never_final.txt).

Our own because general splitters (NLTK punkt, pysbd) either lack Polish or break after
"r.", "ul.", "m.in." and "Sp. z o.o."; press releases need exact offsets into the text, too.
"""
from __future__ import annotations

import re
from functools import cache

from pressnlp.lang.pack import Language, available, find, get

Span = tuple[int, int]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A candidate end: terminal punctuation, closing quotes/brackets, then whitespace.
_CANDIDATE_END = re.compile(r"[.!?…]+[\"'”»)\]]*(?=\s)")


def _abbreviations(language: str) -> frozenset[str]:
    """The language's abbreviations and English's (English names and terms turn up everywhere)."""
    return _known(find(language), get("en"))


@cache
def _known(pack: Language | None, english: Language) -> frozenset[str]:
    return (pack.abbreviations if pack else frozenset()) | english.abbreviations


@cache
def _never_final(languages: tuple[str, ...]) -> frozenset[str]:
    """Every pack's never-final abbreviations: a title ("Mr.", "dr") stands before names in any language."""
    return frozenset().union(*(get(code).never_final for code in languages))


# A sentence runs on across a line break from a line ending in a lower-case word into one
# beginning with a lower-case word not followed by a full stop or colon ("tel."). A line ending
# in punctuation (a comma included, as clause lists are written) or in a name stays apart.
_LAST_WORD = re.compile(r"([^\W\d_]+)\s*$")
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)(?![.:@\w-])")


def split_paragraphs(text: str) -> list[Span]:
    """Paragraphs: text between blank lines, surrounding whitespace excluded."""
    spans: list[Span] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        span = _strip(text, position, end)
        if span:
            spans.append(span)
        if match:
            position = match.end()
    return spans


def split_sentences(text: str, language: str = "pl", span: Span | None = None) -> list[Span]:
    """Sentences of `text` (or of `span` within it) as offsets; each line of a paragraph is at
    least its own segment, so headings, list items and contact lines stay apart."""
    start, end = span if span else (0, len(text))
    known = _abbreviations(language)
    never_final = _never_final(available())
    sentences: list[Span] = []
    for paragraph_start, paragraph_end in split_paragraphs(text[start:end]):
        line_start = start + paragraph_start
        block_end = start + paragraph_end
        for line_from, line_to in _sentence_lines(text, line_start, block_end):
            sentences.extend(_split_line(text, line_from, line_to, known, never_final))
    return sentences


def _sentence_lines(text: str, start: int, end: int) -> list[Span]:
    """The lines of a paragraph, a line joined to the next when a sentence runs on across a hard
    line break: it ends in a lower-case word and the next line begins with one that is no
    abbreviation ("Projekt realizowany jest\nw ramach programu"). Headings, list items and contact
    lines ("Jan Nowak\ntel. 32 …") stay apart."""
    lines: list[Span] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_from, line_to = start + line.start(), start + line.end()
        last = _LAST_WORD.search(text, lines[-1][0], lines[-1][1]) if lines else None
        first = _FIRST_WORD.match(text, line_from, line_to)
        if last and first and last.group(1).islower() and first.group(1).islower():
            lines[-1] = (lines[-1][0], line_to)
        else:
            lines.append((line_from, line_to))
    return lines


def _split_line(text: str, start: int, end: int, known: frozenset[str], never_final: frozenset[str]) -> list[Span]:
    spans: list[Span] = []
    piece_start = start
    for match in _CANDIDATE_END.finditer(text, start, end):
        boundary = match.end()
        if _is_sentence_end(text, match.start(), boundary, end, piece_start, known, never_final):
            span = _strip(text, piece_start, boundary)
            if span:
                spans.append(span)
            piece_start = boundary
    span = _strip(text, piece_start, end)
    if span:
        spans.append(span)
    return spans


def _is_sentence_end(text: str, dot: int, boundary: int, end: int, piece_start: int,
                     known: frozenset[str], never_final: frozenset[str]) -> bool:
    following = text[boundary:end].lstrip()
    if not following:
        return True
    first = following[0]
    if text[dot] != ".":
        return first.isupper() or first.isdigit() or first in "\"„“«(–—-"
    token = re.split(r"\s", text[piece_start:dot])[-1].lstrip("(\"„“«[")
    lowered = token.lower()
    if not token:
        return False
    if first.islower() or first in ",;:)":
        return False
    if lowered in never_final or token in never_final:
        return False
    if len(token) == 1 and token.isupper():  # an initial: "J. Nowak"
        return False
    if token.isdigit() and text[piece_start:dot].strip() == token:  # list marker "1. Item"
        return False
    if lowered in known or token in known:  # "2024 r. Projekt", "1 mln zł. Kolejne"
        return first.isupper() or first in "\"„“«–—-"
    return first.isupper() or first.isdigit() or first in "\"„“«(–—-"


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
