"""Read the FreeDict Polish-English dictionary (dictd format) as a fallback word list.

dictd keeps an index (headword, offset, length; numbers in base 64) and a gzip/dictzip body.
Only the first meaning of an entry is used: the most frequent English word across its senses,
which is "good" for "dobry" where the first listed word would be "interesting".
"""
from __future__ import annotations

import gzip
import logging
import re
from collections import Counter
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_BASE = Path("/usr/share/dictd/freedict-pol-eng")
_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_HEADER = re.compile(r"^(?P<head>.+?)\s+(?:/[^/]*/\s*)?<(?P<pos>[^>]+)>\s*$")
_SENSE = re.compile(r"^(?:\d+\.\s+)?(?P<words>.*?)(?:\s+\d+\.)?\s*$")
_NUMBERED = re.compile(r"^\d+\.\s")
# FreeDict part-of-speech labels mapped to the lexicon's
_POS = {"n": "n", "v": "v", "adj": "adj", "adv": "adv", "pn": "name", "acronym": "name",
        "preposition": "prep", "conjunction": "conj", "particle": "part", "pronoun": "pron",
        "personalpronoun": "pron", "indefinitepronoun": "pron", "possessiveadjective": "det",
        "numeral": "num", "cardinalnumeral": "num", "modal": "v", "participleadjective": "adj"}


def _decode(number: str) -> int:
    value = 0
    for char in number:
        value = value * 64 + _B64[char]
    return value


class FreeDict:
    """Headword -> first English sense per part of speech, read lazily from the dict body."""

    def __init__(self, base: Path = DEFAULT_BASE):
        self.base = base
        self._index: dict[str, list[tuple[int, int]]] = {}
        for line in base.with_suffix(".index").read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and not parts[0].startswith("00database"):
                self._index.setdefault(parts[0].lower(), []).append((_decode(parts[1]), _decode(parts[2])))
        self._body: bytes | None = None
        self._cache: dict[str, dict[str, str]] = {}

    @classmethod
    def load(cls, base: Path | None = None) -> FreeDict | None:
        """The dictionary if its files exist (Debian `dict-freedict-pol-eng`), else None."""
        base = base or DEFAULT_BASE
        if not (base.with_suffix(".index").is_file() and base.with_suffix(".dict.dz").is_file()):
            return None
        try:
            return cls(base)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("FreeDict at %s could not be read: %s", base, exc)
            return None

    def __len__(self) -> int:
        return len(self._index)

    def _text(self, offset: int, length: int) -> str:
        if self._body is None:
            self._body = gzip.decompress(self.base.with_suffix(".dict.dz").read_bytes())
        return self._body[offset:offset + length].decode("utf-8", "replace")

    def senses(self, headword: str) -> dict[str, str]:
        """First English sense of `headword` for each part of speech it has."""
        key = headword.lower()
        if key not in self._cache:
            found: dict[str, str] = {}
            for offset, length in self._index.get(key, ()):
                parsed = _first_sense(self._text(offset, length))
                if parsed and parsed[0] not in found:
                    found[parsed[0]] = parsed[1]
            self._cache[key] = found
        return self._cache[key]

    def lookup(self, headword: str, pos: tuple[str, ...]) -> tuple[str, str] | None:
        """(english, pos) for the first of `pos` the dictionary has, else any sense, else None."""
        senses = self.senses(headword)
        for wanted in pos:
            if wanted in senses:
                return senses[wanted], wanted
        return next(iter(senses.items()))[::-1] if senses else None


def _first_sense(entry: str) -> tuple[str, str] | None:
    lines = entry.splitlines()
    header = _HEADER.match(lines[0]) if lines else None
    if not header or len(lines) < 2:
        return None
    pos = _POS.get(header["pos"].strip().lower())
    if pos is None:  # affixes, idioms, proverbs: nothing a word can be translated with
        return None
    sense_lines = [lines[1], *(line for line in lines[2:] if _NUMBERED.match(line))]
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for line in sense_lines:
        words = _SENSE.match(line.strip())
        for word in (words["words"] if words else "").split(","):
            word = _clean(word)
            if word:
                counts[word] += 1
                first_seen.setdefault(word, len(first_seen))
    if not counts:
        return None
    best = max(counts, key=lambda w: (counts[w], -first_seen[w]))
    return pos, best


def _clean(word: str) -> str:
    word = re.sub(r"\([^)]*\)", "", word).strip(" .;")
    return word.removeprefix("to ").strip()
