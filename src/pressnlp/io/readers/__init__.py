"""Readers: bytes of a press release in any supported format to clean text, title and date.

    from pressnlp.io.readers import format_for_path, read_document
    result = read_document(path.read_bytes(), format_for_path(path.name))
    result.text, result.title, result.date, result.encoding

Every format ends in the same layout (see clean.clean_text): NFC, paragraphs separated by
exactly one blank line, lines without trailing spaces. The title comes from the format when it
has one (first Markdown heading, og:title/<h1>, a docx Title/Heading or core property, PDF
metadata), else from the first short line. The release date comes from publication metadata
(HTML) when present, else from a date line near the top ("Katowice, 14 marca 2024 r."); file
timestamps (docx/PDF creation dates) are when a file was made, not when the release was issued,
so they are not used. Unreadable input raises StageError with a message for people.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from pressnlp.core.errors import StageError
from pressnlp.io.readers.clean import clean_text, join_blocks, title_or_guess
from pressnlp.io.readers.encoding import decode_text
from pressnlp.lang.dates import find_release_date

__all__ = ["SUPPORTED_FORMATS", "ReadResult", "format_for_path", "read_document"]

_EXTENSIONS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
               ".docx": "docx", ".pdf": "pdf"}
SUPPORTED_FORMATS: tuple[str, ...] = ("txt", "md", "html", "docx", "pdf")


@dataclass(frozen=True)
class ReadResult:
    text: str
    title: str | None
    date: str | None  # the release's own date, ISO 8601 (YYYY-MM-DD)
    encoding: str | None  # of a text format ("utf-8", "cp1250", "iso-8859-2"); None for docx/pdf
    dateline: tuple[str, tuple[int, int]] | None = None
    """(ISO date, span in `text`) of the date line, as `lang.dates.find_release_date` finds it."""


def format_for_path(name: str) -> str | None:
    """The reader format of a file name by its extension; None for files we do not read."""
    return _EXTENSIONS.get(PurePath(name).suffix.lower())


def read_document(data: bytes, fmt: str) -> ReadResult:
    """Read one document; `fmt` is one of SUPPORTED_FORMATS."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "txt":
        decoded, encoding = decode_text(data, "text")
        return _finish(clean_text(decoded), None, None, encoding)
    # The other formats' libraries (markdown-it, trafilatura, python-docx, pypdf) load on first use
    # of their format: a folder of .txt releases never pays for them.
    if fmt == "md":
        from pressnlp.io.readers.markdown import markdown_to_blocks

        decoded, encoding = decode_text(data, "Markdown")
        blocks, title = markdown_to_blocks(decoded)
        return _finish(join_blocks(blocks), title, None, encoding)
    if fmt == "html":
        from pressnlp.io.readers.html import read_html

        page = read_html(data)
        return _finish(join_blocks(page.blocks), page.title, page.date, page.encoding)
    if fmt == "docx":
        from pressnlp.io.readers.docx import read_docx

        document = read_docx(data)
        return _finish(join_blocks(document.blocks), document.title, None, None)
    if fmt == "pdf":
        from pressnlp.io.readers.pdf import read_pdf

        pdf = read_pdf(data)
        return _finish(join_blocks(pdf.blocks), pdf.title, None, None)
    raise StageError(f"unknown format {fmt!r}; supported: {', '.join(SUPPORTED_FORMATS)}")


def _finish(text: str, title: str | None, date: str | None, encoding: str | None) -> ReadResult:
    """The date line is looked for once per document: the title guess skips it, and the extract
    stage gets it through the read stage instead of looking again."""
    dateline = find_release_date(text)
    title = title_or_guess(title, text, dateline)
    return ReadResult(text=text, title=title or None, date=date or (dateline[0] if dateline else None),
                      encoding=encoding, dateline=dateline)
