"""Spans no engine may touch: found in a sentence, swapped for placeholders, put back afterwards.

Engines garble what they were not trained on: an email becomes "e-mail", a phone number loses a
digit, "GZM" becomes a word. Masking these spans before translation (and glossary terms too,
restored as their fixed translation) is what makes the output trustworthy whatever the backend.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pressnlp import lang
from pressnlp.stages.translate.base import PLACEHOLDER_RE, placeholder

PROTECT_KINDS = ("email", "url", "phone", "number", "acronym", "foreign")

_UPPER = "A-ZĄĆĘŁŃÓŚŹŻÄÖÜÁČĎÉĚÍŇŘŠŤÚŮÝŽ"
_TLDS = "pl|eu|com|org|net|gov|edu|info|biz|io|de|uk|cz|sk|ua|fr|es|it|nl|be|at|ch|lt|lv|ee|hu|se|no|dk|fi"
_PATTERNS: dict[str, re.Pattern[str]] = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "url": re.compile(
        r"(?:https?://|www\.)[^\s<>\"„”«»]+"
        rf"|(?<![@\w.-])(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})(?:/[^\s<>\"„”«»]*)?(?![\w@])"),
    "phone": re.compile(r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?!\w)"),
    # A number followed by a unit symbol that reads the same in every language ("15 km", "20%",
    # "3,5 MW", "100 zł"); word units ("mln", "proc.") are left for the engine to translate.
    "number": re.compile(
        r"(?<![\w.,])\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?[ \u00a0\u202f]?"
        r"(?:%|‰|€|\$|£|zł|PLN|EUR|USD|GBP|CHF|km/h|km²|km2|km|m²|m2|m³|m3|cm|mm|ha|kg|MWh|kWh|GWh|TWh|"
        r"MWp|kWp|MW|kW|GW|°C)(?![\w²³])"),
    "acronym": re.compile(rf"(?<![\w-])[{_UPPER}][{_UPPER}0-9]*[{_UPPER}](?:-\d+)?(?![\w-])"),
}
# English names inside a release in another language ("Institute of Science and Technology Austria",
# "Solaris Bus & Coach"): capitalised words joined by English function words, one of them "of", "and",
# "for", "the" or "&" — words no pack language uses between the parts of its own names.
_CAPITALISED = rf"[{_UPPER}][\w'’-]*"
_ENGLISH_NAME = re.compile(rf"(?<![\w-]){_CAPITALISED}(?:\s+(?:(?:of|and|for|the|on|in|at|&)\s+)*{_CAPITALISED})+")
_ENGLISH_JOINER = re.compile(r"\s(?:of|and|for|the|&)\s")
_TRAILING_PUNCTUATION = ".,;:!?)]}'\""
_SLOGAN_GAP = re.compile(r"[\s,!?.:;–-]{1,3}")
_SENTENCE_END = re.compile(r"[\s.!?…:;\"'”»)\]]*$")


@dataclass(frozen=True)
class Span:
    """A piece of the source sentence and what the output must show in its place."""

    start: int
    end: int
    kind: str  # one of PROTECT_KINDS, "glossary", "term" (user-listed, kept as is)
    output: str


def find_protected(sentence: str, kinds: Iterable[str], language: str | None = None) -> list[Span]:
    """Protected spans of the requested kinds (possibly overlapping; see `choose_spans`);
    `language`, the sentence's, tells its own words from the start of an English name."""
    kinds = set(kinds)
    spans: list[Span] = []
    if "foreign" in kinds and not _mostly_uppercase(sentence):
        spans.extend(_english_names(sentence, language))
    # Text that already looks like a placeholder must survive restoration unchanged.
    spans.extend(Span(m.start(), m.end(), "placeholder", m.group()) for m in PLACEHOLDER_RE.finditer(sentence))
    for kind in _PATTERNS:
        if kind not in kinds or (kind == "acronym" and _mostly_uppercase(sentence)):
            continue
        matches = list(_PATTERNS[kind].finditer(sentence))
        if kind == "acronym":
            matches = _acronyms_outside_slogans(matches, sentence, language)
        for match in matches:
            start, end = match.span()
            if kind == "url":
                end = start + len(match.group().rstrip(_TRAILING_PUNCTUATION))
            if kind == "phone" and not _is_phone(match.group()):
                continue
            spans.append(Span(start, end, kind, sentence[start:end]))
    return spans


def _english_names(sentence: str, language: str | None) -> list[Span]:
    """English names kept as written, without the sentence's own common words before them
    ("Firma Solaris Bus & Coach" keeps "Solaris Bus & Coach")."""
    morphology = pack.morphology if (pack := lang.find(language)) else None
    spans = []
    for match in _ENGLISH_NAME.finditer(sentence):
        start, name = match.start(), match.group()
        while morphology and (first := re.match(r"\S+\s+", name)) and morphology.is_common_word(first.group().strip()):
            start, name = start + first.end(), name[first.end():]
        if _ENGLISH_JOINER.search(name):
            spans.append(Span(start, start + len(name), "foreign", name))
    return spans


def _acronyms_outside_slogans(matches: list[re.Match[str]], sentence: str, language: str | None) -> list[re.Match[str]]:
    """Words in capitals next to each other that the language knows ("NIE KLIKAJ, ZADZWOŃ!") are a
    slogan to translate, not acronyms."""
    morphology = pack.morphology if (pack := lang.find(language)) else None
    if morphology is None:
        return matches

    def beside(first: re.Match[str], second: re.Match[str]) -> bool:
        return _SLOGAN_GAP.fullmatch(sentence[first.end():second.start()]) is not None

    return [match for index, match in enumerate(matches)
            if not (morphology.is_common_word(match.group().lower())
                    and ((index and beside(matches[index - 1], match))
                         or (index + 1 < len(matches) and beside(match, matches[index + 1]))))]


def _mostly_uppercase(sentence: str) -> bool:
    """A heading in capitals: its words are words, not acronyms."""
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _is_phone(candidate: str) -> bool:
    """9 to 15 digits in short groups (an amount with its currency wins as the longer span)."""
    digits = sum(c.isdigit() for c in candidate)
    if not 9 <= digits <= 15:
        return False
    if candidate.startswith("+") or "(" in candidate:
        return True
    return all(len(group) <= 4 for group in re.split(r"[ .-]", candidate))


def choose_spans(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, earliest first and, at the same start, the longest."""
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start < span.end and (not chosen or span.start >= chosen[-1].end):
            chosen.append(span)
    return chosen


@dataclass
class Masked:
    """A sentence with its protected spans replaced by placeholders, and how to undo it."""

    text: str
    spans: list[Span]

    @property
    def has_words(self) -> bool:
        """Whether anything is left to translate once the placeholders are out."""
        return any(c.isalpha() for c in PLACEHOLDER_RE.sub("", self.text))


def mask(sentence: str, spans: list[Span]) -> Masked:
    """Replace each (non-overlapping, sorted) span by its placeholder."""
    pieces: list[str] = []
    position = 0
    for index, span in enumerate(spans):
        pieces.append(sentence[position:span.start])
        pieces.append(placeholder(index))
        position = span.end
    pieces.append(sentence[position:])
    return Masked("".join(pieces), spans)


def unmask(translated: str, masked: Masked) -> tuple[str, list[tuple[int, int, str]]]:
    """Put the protected text back into a translation; returns it and (start, end, kind) of every
    restored span in it. A placeholder the engine dropped is re-inserted before the final
    punctuation, so that no email or number is ever lost; invented ones are removed."""
    pieces: list[tuple[str, str | None]] = []  # (text, kind of the restored span or None)
    used: set[int] = set()
    position = 0
    for match in PLACEHOLDER_RE.finditer(translated):
        before = translated[position:match.start()]
        index = int(match.group(1))
        position = match.end()
        if index >= len(masked.spans):  # invented by the engine: drop it and one space
            glued = translated[position:position + 1].isalnum()
            pieces.append((before if glued else before.rstrip(" "), None))
            continue
        pieces.append((before, None))
        pieces.append((masked.spans[index].output, masked.spans[index].kind))
        used.add(index)
    tail = translated[position:]
    missing = [i for i in range(len(masked.spans)) if i not in used]
    if missing:
        cut = _SENTENCE_END.search(tail).start()
        pieces.append((tail[:cut], None))
        for index in missing:
            so_far = "".join(text for text, _ in pieces)
            if so_far and not so_far[-1].isspace():
                pieces.append((" ", None))
            pieces.append((masked.spans[index].output, masked.spans[index].kind))
        tail = tail[cut:]
    pieces.append((tail, None))
    restored: list[tuple[int, int, str]] = []
    length = 0
    for text, kind in pieces:
        if kind is not None:
            restored.append((length, length + len(text), kind))
        length += len(text)
    return "".join(text for text, _ in pieces), restored
