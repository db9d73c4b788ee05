"""What every reader does last: one clean text layout and a title."""
from __future__ import annotations

import re
import unicodedata

from pressnlp.lang.labels import headline_after_label, is_contact_detail, is_release_label

# Invisible characters that only get in the way of matching: BOM, soft hyphen, zero widths.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u00ad\u200b\u200c\u200d\u2060"), None)
# Spaces of other widths become plain spaces (the text keeps "2 500 zł" readable and matchable).
_SPACES = re.compile(r"[\t\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_TITLE = 150
_WORD = re.compile(r"[^\W\d_]{3,}")  # a headline has a word; a line of figures, a number or a date has none


def clean_text(text: str) -> str:
    """NFC; LF line ends; no control or invisible characters; single spaces; lines stripped;
    paragraphs separated by exactly one blank line; no leading or trailing blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _CONTROL.sub("", _SPACES.sub(" ", text))
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def join_blocks(blocks: list[str]) -> str:
    """Paragraph blocks (each may hold several lines) to one clean text."""
    return clean_text("\n\n".join(block.strip() for block in blocks if block and block.strip()))


def guess_title(text: str, dateline: tuple[str, tuple[int, int]] | None, *, max_lines: int = 5) -> str | None:
    """The headline: the first line of the text when it is short enough to be a title, skipping the
    date line (`lang.dates.find_release_date`'s), label lines ("PRESS RELEASE", `lang.labels`),
    contact lines (an e-mail or a phone number never makes a title), a letter's salutation and
    lines without a word ("04.04.2017", "Nr. 07/2025")."""
    headline_on_label: str | None = None
    for index, line in enumerate(re.finditer(r"[^\n]+", text)):
        if index >= max_lines:
            break
        if dateline and line.start() <= dateline[1][0] < line.end():
            continue
        stripped = line.group().strip()
        if not stripped:
            continue
        if is_release_label(stripped):
            headline_on_label = headline_on_label or headline_after_label(stripped)
            continue
        if is_contact_detail(stripped) or stripped.endswith(",") or not _WORD.search(stripped):
            continue  # contact lines; a salutation ("Szanowni Państwo,"); "04.04.2017", "Nr. 07/2025"
        return stripped if len(stripped) <= _MAX_TITLE else headline_on_label
    return headline_on_label


def title_or_guess(title: str | None, text: str, dateline: tuple[str, tuple[int, int]] | None) -> str | None:
    """A format's own title (HTML heading, document property) unless it is only a label line such
    as "Pressemitteilung"; then the headline guessed from the text."""
    if title:
        title = " ".join(clean_text(title).split())
        if title and not is_release_label(title):
            return title
    return guess_title(text, dateline)

