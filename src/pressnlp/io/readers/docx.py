"""Word documents (.docx) with python-docx: paragraphs and tables in document order.

A .docx is a zip archive, so a hostile one can be a zip bomb: before python-docx inflates
anything we check the sizes the archive declares (total, and the ratio per member).
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from pressnlp.core.errors import StageError

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 10_000
_RATIO_FLOOR = 1024 * 1024  # tiny members compress absurdly well (empty XML) and harm nobody
_HEADING_STYLES = ("title", "heading", "nagłówek", "tytuł", "überschrift", "titel", "titre", "título")


@dataclass(frozen=True)
class DocxContent:
    blocks: list[str]
    title: str | None


def check_zip(data: bytes, what: str = "docx") -> None:
    """StageError for a broken archive or one that would inflate to a dangerous size."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise StageError(f"not a valid .{what} file (broken or truncated zip archive: {error})") from error
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise StageError(f"the .{what} archive has {len(members):,} members; refusing (zip bomb?)")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise StageError(f"the .{what} archive would inflate to {total:,} bytes, over the limit of "
                         f"{MAX_UNCOMPRESSED_BYTES:,} (zip bomb?)")
    for member in members:
        if member.file_size > _RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise StageError(f"the .{what} member {member.filename!r} is compressed {member.file_size:,}:"
                             f"{member.compress_size:,}, more than {MAX_RATIO}:1 (zip bomb?)")


def read_docx(data: bytes) -> DocxContent:
    check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
        return DocxContent(*_blocks_and_title(document))
    except StageError:
        raise
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors … for bad parts
        raise StageError(f"cannot read the .docx file: {type(error).__name__}: {error}") from error


def _blocks_and_title(document: Document) -> tuple[list[str], str | None]:
    blocks: list[str] = []
    list_lines: list[str] = []
    heading: str | None = None
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text.strip()
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            if _is_list_item(paragraph, style):
                list_lines.append(text)
                continue
            if list_lines:
                blocks.append("\n".join(list_lines))
                list_lines = []
            if heading is None and style.casefold().startswith(_HEADING_STYLES):
                heading = " ".join(text.split())
            blocks.append(text)
        elif tag == "tbl":
            if list_lines:
                blocks.append("\n".join(list_lines))
                list_lines = []
            blocks.append(_table_text(Table(child, document)))
    if list_lines:
        blocks.append("\n".join(list_lines))
    title = (document.core_properties.title or "").strip() or heading
    return blocks, title


def _is_list_item(paragraph: Paragraph, style: str) -> bool:
    """List paragraphs stay one item a line in one block, like a list in Markdown."""
    properties = paragraph._p.pPr
    return style.casefold().startswith("list") or (properties is not None and properties.numPr is not None)


def _table_text(table: Table) -> str:
    """Each row a line, cells joined by " | "; a merged cell (repeated by python-docx) once."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)
