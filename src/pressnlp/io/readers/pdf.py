"""PDF files with pypdf: text in reading order, whitespace normalised.

pypdf's layout mode keeps vertical gaps as blank lines, which mark paragraphs. Inside a
paragraph, a line that runs (nearly) to the right margin was wrapped by the typesetter and is
joined to the next one ("infra-" + "struktury" -> "infrastruktury"); a short line (a heading, an
address or a contact line) keeps its line break.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

import pypdf
from pypdf.errors import LimitReachedError, PyPdfError

from pressnlp.core.errors import StageError

logger = logging.getLogger(__name__)

_FULL_LINE = 0.7  # a line at least this share of the page's longest line was wrapped
_PAGE_NUMBER = re.compile(r"^(?:\d{1,4}|-\s*\d{1,4}\s*-|(?:page|strona|seite|str\.)\s*\d+(?:\s*(?:of|z|von)\s*\d+)?)$",
                          re.IGNORECASE)
_JUNK_TITLE = re.compile(r"^(?:microsoft\s+word\b|untitled|document\d*$|dokument\d*$)|\.(?:docx?|pdf|odt|rtf)$",
                         re.IGNORECASE)


@dataclass(frozen=True)
class PdfContent:
    blocks: list[str]
    title: str | None


def read_pdf(data: bytes) -> PdfContent:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise StageError("the PDF is encrypted with a password; cannot read it")
        pages = [_page_text(page) for page in reader.pages]
        metadata_title = (reader.metadata.title if reader.metadata else None) or ""
    except StageError:
        raise
    except LimitReachedError as error:
        raise StageError(f"the PDF would decompress to more than pypdf's safety limit (a PDF bomb?): "
                         f"{error}") from error
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise StageError(f"cannot read the PDF file: {type(error).__name__}: {error}") from error
    blocks = _join_pages([_page_blocks(text) for text in pages])
    if not blocks:
        raise StageError("the PDF has no text layer (a scanned image?); OCR is not supported")
    title = " ".join(metadata_title.split())
    if not title or _JUNK_TITLE.search(title):
        return PdfContent(blocks, None)
    if " ".join(blocks[0].split()) == title:
        blocks[0] = title  # a title set in large type wraps onto several short lines
    return PdfContent(blocks, title)


def _page_text(page: pypdf.PageObject) -> str:
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except Exception as error:  # layout mode is young; plain mode reads what it cannot
        logger.debug("layout extraction failed (%s); using plain mode", error)
        return page.extract_text() or ""


def _page_blocks(text: str) -> list[str]:
    """Blank-line separated blocks of one page, wrapped lines joined, page numbers dropped."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    widest = max((len(line) for line in lines), default=0)
    blocks: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line and not _PAGE_NUMBER.match(line):
            current.append(line)
        elif current and not line:
            blocks.append(_join_wrapped(current, widest))
            current = []
    return blocks


def _join_pages(pages: list[list[str]]) -> list[str]:
    """A paragraph that runs over a page break is one paragraph: the page's last block does not
    end a sentence and the next page goes on in lower case."""
    blocks: list[str] = []
    for page in pages:
        if blocks and page and not blocks[-1].rstrip().endswith((".", "!", "?", ":", "”", '"', "»"))\
                and page[0][:1].islower():
            blocks[-1] = f"{blocks[-1]} {page[0]}"
            page = page[1:]
        blocks.extend(page)
    return blocks


def _join_wrapped(lines: list[str], widest: int) -> str:
    text = lines[0]
    for previous, line in zip(lines, lines[1:], strict=False):
        if len(previous) < _FULL_LINE * widest:
            text += "\n" + line
        elif previous.endswith("-") and line[:1].islower() and previous[-2:-1].isalpha():
            text = text[:-1] + line  # a word hyphenated at the line end
        elif previous.endswith("-"):
            text += line  # "Górnośląsko-" + "Zagłębiowska": the hyphen belongs to the word
        else:
            text += " " + line
    return text
