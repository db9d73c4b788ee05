"""FreeDict Polish-English, the gist's fallback word list: the pack's converted table by default,
or a dictd release (`freedict_path`).

The Polish pack ships FreeDict pol-eng converted (lang/pl/freedict-pol-eng.tsv, CC BY-SA 3.0, its
attribution in the file's header; `scripts/build_freedict.py` makes it from the dictd files), so a
gist is the same on every machine rather than depending on whether a system package is installed.
Only the first meaning of an entry is kept: the most frequent English word across its senses,
which is "good" for "dobry" where the first listed word would be "interesting". dictd keeps an
index (headword, offset, length; numbers in base 64) and a gzip/dictzip body.
"""
from __future__ import annotations

import gzip
import logging
import re
from collections import Counter
from pathlib import Path

log = logging.getLogger(__name__)

TABLE_NAME = "freedict-pol-eng.tsv"
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
    """Headword -> first English sense per part of speech."""

    def __init__(self, senses: dict[str, dict[str, str]], origin: str):
        self._senses = senses
        self.origin = origin  # where it was read from, for the manifest

    @classmethod
    def from_table(cls, text: str, origin: str) -> FreeDict:
        """The converted table: `headword <TAB> pos <TAB> english` a line, `#` lines comments."""
        senses: dict[str, dict[str, str]] = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                headword, pos, english = line.split("\t")
                senses.setdefault(headword, {})[pos] = english
        return cls(senses, origin)

    @classmethod
    def from_dictd(cls, base: Path) -> FreeDict:
        """A dictd release: `base`.index and `base`.dict.dz."""
        body = gzip.decompress(base.with_suffix(".dict.dz").read_bytes())
        senses: dict[str, dict[str, str]] = {}
        for line in base.with_suffix(".index").read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) != 3 or parts[0].startswith("00database"):
                continue
            offset, length = _decode(parts[1]), _decode(parts[2])
            parsed = _first_sense(body[offset:offset + length].decode("utf-8", "replace"))
            if parsed:
                senses.setdefault(parts[0].lower(), {}).setdefault(*parsed)
        return cls(senses, str(base))

    @classmethod
    def load(cls, base: Path) -> FreeDict | None:
        """The dictd release at `base` if its files exist and read, else None."""
        if not (base.with_suffix(".index").is_file() and base.with_suffix(".dict.dz").is_file()):
            return None
        try:
            return cls.from_dictd(base)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("FreeDict at %s could not be read: %s", base, exc)
            return None

    def table(self) -> str:
        """The lines of the converted table, sorted (what `from_table` reads)."""
        return "".join(f"{headword}\t{pos}\t{english}\n" for headword in sorted(self._senses)
                       for pos, english in self._senses[headword].items())

    def __len__(self) -> int:
        return len(self._senses)

    def senses(self, headword: str) -> dict[str, str]:
        """First English sense of `headword` for each part of speech it has."""
        return self._senses.get(headword.lower(), {})

    def lookup(self, headword: str, pos: tuple[str, ...]) -> tuple[str, str] | None:
        """(english, pos) for the first of `pos` the dictionary has, else its first sense, else None."""
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
    word = re.sub(r"\([^)]*\)|\s+", lambda m: " " if m.group().isspace() else "", word).strip(" .;")
    return word.removeprefix("to ").strip()
