"""Bytes of a text file to str, with an encoding detection that gets Polish right.

charset-normalizer alone takes ISO-8859-2 Polish for another Latin charset (ISO-8859-10 turns
"Zażółć" into "Zaŋóģæ"), because the single-byte Latin charsets differ in only a few letters. So
when the bytes are not UTF-8 we decode them as charset-normalizer's guess, cp1250, ISO-8859-2 and
cp1252, and keep the reading whose letters fit one alphabet best, with the fewest mojibake signs
("¹", "¿", "³", "¶", "±" inside words) and C1 control characters.
"""
from __future__ import annotations

import codecs
import logging
import re
from collections import Counter
from functools import cache

import charset_normalizer

from pressnlp import lang
from pressnlp.core.errors import StageError

logger = logging.getLogger(__name__)

_CYRILLIC = frozenset(chr(code) for code in range(0x430, 0x460))
_GREEK = frozenset(chr(code) for code in range(0x3AC, 0x3CF))  # no Greek pack yet: the script's letters


@cache
def _alphabets() -> tuple[frozenset[str], ...]:
    """The letters beyond ASCII of each alphabet a release may be written in, from the language
    packs (a Cyrillic pack lists only its own letters beyond the shared block, which is added). A
    right reading uses one alphabet ("être" is French); a wrong code page mixes them ("ętre", "Valčncia")."""
    found = [_CYRILLIC | letters if letters & _CYRILLIC or any("\u0400" <= c <= "\u04ff" for c in letters)
             else letters for code in lang.available() if (letters := lang.get(code).alphabet)]
    return (*found, _CYRILLIC, _GREEK)


# Signs that show up inside words where a wrong code page meets Polish letters ("mo¿e", "ma³y").
_MOJIBAKE = frozenset("¹¿³¶±¼¥¦¬ˇ˘˛˙˝¨´¸¤§Ÿ")
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")
_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_SIGNATURES = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (docx, xlsx, odt …)",
    b"\x1f\x8b": "a gzip archive", b"\xd0\xcf\x11\xe0": "an old MS Office document",
    b"7z\xbc\xaf": "a 7z archive", b"Rar!": "a RAR archive", b"\x7fELF": "a program",
    b"MZ": "a Windows program", b"RIFF": "a media file", b"ID3": "an MP3 file",
}
_CANDIDATES = ("cp1250", "iso-8859-2", "cp1252")


def normalise_encoding(name: str) -> str:
    """Python's codec name as people write it: "utf-8", "cp1250", "iso-8859-2"."""
    canonical = codecs.lookup(name).name
    if canonical in {"utf-8-sig", "utf_8"}:
        return "utf-8"
    if canonical.startswith("iso8859-"):
        return "iso-8859-" + canonical.removeprefix("iso8859-")
    return canonical


def refuse_binary(data: bytes, what: str) -> None:
    """StageError when `data` is clearly not text (an image, an archive, NUL bytes)."""
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            raise StageError(f"this {what} file is actually {kind}, not text")
    sample = data[:65536]
    if b"\x00" in sample:
        raise StageError(f"this {what} file contains NUL bytes: binary data, not text")
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f\x1b")
    if sample and controls / len(sample) > 0.01:
        raise StageError(f"this {what} file is binary data, not text "
                         f"({controls} control bytes in the first {len(sample)})")


def decode_text(data: bytes, what: str = "text") -> tuple[str, str]:
    """(text, encoding name) of a text file; StageError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), "utf-16"
    refuse_binary(data, what)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        logger.debug("invalid UTF-8 sequences replaced in an otherwise UTF-8 file")
        return data.decode("utf-8", errors="replace"), "utf-8"
    return _decode_single_byte(data)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken sequences (a cut file, one pasted cp1250 word), not a code page."""
    valid = len(_VALID_UTF8_MULTIBYTE.findall(data))
    broken = data.decode("utf-8", errors="replace").count("\ufffd") - data.decode(
        "utf-8", errors="ignore").count("\ufffd")
    return valid > 0 and valid >= 3 * broken


def _decode_single_byte(data: bytes) -> tuple[str, str]:
    guess = charset_normalizer.from_bytes(data).best()
    names = list(_CANDIDATES)
    if guess is not None and not guess.encoding.startswith(("utf_16", "utf_32")):
        guessed = normalise_encoding(guess.encoding)
        names = [guessed, *(name for name in names if name != guessed)]
    readings = {name: data.decode(name, errors="replace") for name in names}
    # max() keeps the first of equal scores: charset-normalizer's guess, then cp1250.
    best = max(names, key=lambda name: _plausibility(readings[name]))
    return readings[best], best


def _plausibility(text: str) -> int:
    """Letters of the alphabet that fits best count for a reading; letters from other alphabets,
    mojibake signs inside words and control characters against it."""
    letters = Counter(char.lower() for char in text if ord(char) > 127 and char.isalpha())
    total = sum(letters.values())
    fit = max(sum(count for char, count in letters.items() if char in alphabet) for alphabet in _alphabets())
    signs = sum(1 for index, char in enumerate(text) if char in _MOJIBAKE and _inside_word(text, index))
    broken = len(_C1_CONTROLS.findall(text)) + text.count("\ufffd")
    return fit - 2 * (total - fit) - 4 * signs - 6 * broken


def _inside_word(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before.isalpha() and after.isalpha()
