"""The sentences of a release that may go into its summary, in document order.

The body starts after the title (and dateline) and ends where the closing block (contacts,
"about us") begins; within it, boilerplate lines, contact details, headings, fragments and list
items (details, rarely a whole statement) are left out. Offsets index record["text"], so the
translation's alignment can be looked up.
"""
from __future__ import annotations

from dataclasses import dataclass

from pressnlp.lang.labels import is_contact_detail, is_release_label
from pressnlp.lang.segment import split_paragraphs, split_sentences
from pressnlp.stages.summarize import boilerplate

MIN_WORDS = 5
"""Shorter sentences are fragments (labels, list items, captions), not summary material."""
FALLBACK_MIN_WORDS = 3
"""When nothing else is left, a list item or heading of this many words still says something."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    """Index of the body paragraph it belongs to (0 = the lead paragraph)."""

    @property
    def word_count(self) -> int:
        return boilerplate.word_count(self.text)


def candidate_sentences(text: str, language: str, title: str | None = None) -> list[Sentence]:
    """Body sentences that may be selected, in document order."""
    found: list[Sentence] = []
    body_paragraph = 0
    title_seen = False
    for start, end in split_paragraphs(text):
        paragraph = text[start:end]
        # Above the body a label line ("INFORMACJA PRASOWA | …") is not the contact block it may sound like.
        labelled = not found and is_release_label(paragraph.strip().split("\n", 1)[0])
        if not labelled and boilerplate.opens_closing_block(paragraph):
            break
        if not (found or labelled or title_seen):
            title_seen = True
            if _is_title(paragraph, title):
                continue
        kept = [Sentence(s, e, text[s:e], body_paragraph)
                for s, e in split_sentences(text, language, (start, end))
                if _may_summarise(text, s, e, language)]
        if kept:
            found.extend(kept)
            body_paragraph += 1
    return found


def fallback_sentences(text: str, language: str) -> list[Sentence]:
    """For a release whose body the rules above leave empty (everything after a closing-block
    heading, only list items): every sentence of the text with a few words that is not
    boilerplate, contact detail or a date line."""
    return [Sentence(s, e, text[s:e], index)
            for index, (start, end) in enumerate(split_paragraphs(text))
            for s, e in split_sentences(text, language, (start, end))
            if _informative(text, s, e, language)
            and len(boilerplate.words(boilerplate.without_urls(text[s:e]))) >= FALLBACK_MIN_WORDS]


def _is_title(paragraph: str, title: str | None) -> bool:
    """The read stage's title, or a first paragraph that is one line without a full stop."""
    normalised = " ".join(paragraph.split())
    if title and normalised == " ".join(title.split()):
        return True
    return "\n" not in paragraph.strip() and not boilerplate.ends_like_sentence(normalised)


def _line_of(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:line_end if line_end >= 0 else len(text)]


def _informative(text: str, start: int, end: int, language: str) -> bool:
    """Not boilerplate, a date line or contact detail."""
    sentence = text[start:end]
    line = _line_of(text, start, end)
    # A date line run into the lead ("Leszno, 3 marca 2025 r. – Szpital …") is a sentence of its own.
    return not (boilerplate.starts_like_boilerplate(line) or boilerplate.is_boilerplate(sentence)
                or boilerplate.is_date_line(line, language) or boilerplate.is_date_line(sentence, language)
                or is_contact_detail(sentence))


def _may_summarise(text: str, start: int, end: int, language: str) -> bool:
    """Informative, and a whole statement: not a heading, a list item or a fragment."""
    sentence = text[start:end]
    line = _line_of(text, start, end)
    if not _informative(text, start, end, language):
        return False
    if line.strip() == sentence.strip() and boilerplate.is_heading(sentence):
        return False
    if boilerplate.is_list_item(line):
        return False
    return len(boilerplate.words(boilerplate.without_urls(sentence))) >= MIN_WORDS
