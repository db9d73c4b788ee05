"""One release as Markdown and as DOCX: the English text and its facts, ready for a newsletter."""
from __future__ import annotations

import io
import re
from typing import Any

from pressnlp.report.views import GIST_NOTICE, ReleaseView, release_view

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
# Characters XML 1.0 cannot hold; python-docx refuses strings with them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _md(text: Any) -> str:
    """Text as Markdown that renders as itself (no links, emphasis or raw HTML from documents)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text if text is not None else ""))


def _md_cell(text: Any) -> str:
    return " ".join(_md(text).split())


def _english_title(view: ReleaseView) -> str:
    return view.title_en or view.record.get("title") or view.record.get("id") or "Release"


def _english_summary(view: ReleaseView) -> str | None:
    summary = view.summary or {}
    return summary.get("en") or (summary.get("text") if view.language_code == "en" else None)


def _english_text(view: ReleaseView) -> str:
    translation = view.record.get("translation")
    return (translation or {}).get("text") or view.record.get("text") or ""


def fact_rows(view: ReleaseView) -> list[tuple[str, str, str]]:
    """(fact, value, details) rows of a release: the facts table of the DOCX export."""
    rows = []
    for p in view.partners:
        details = ", ".join(part for part in (p.get("role"), p.get("name") if p.get("name_en") else None,
                                              *(p.get("aliases") or [])) if part)
        rows.append(("Partner", p.get("name_en") or p.get("name") or "", details))
    rows += [("Date", d.get("value") or "unresolved", d.get("text") or "") for d in view.dates]
    rows += [("Theme", t.get("label") or t.get("id") or "", ", ".join(t.get("evidence") or [])) for t in view.themes]
    for c in view.contacts:
        details = ", ".join(part for part in (c.get("kind"), c.get("role"), c.get("organization")) if part)
        rows.append(("Contact", c.get("value") or "", details))
    return rows


def to_markdown(record: dict[str, Any]) -> str:
    """The release in English with its facts as Markdown tables."""
    view = release_view(record)
    lines = [f"# {_md(_english_title(view))}", ""]
    if view.title_en and record.get("title"):
        lines += [f"*{_md(record['title'])}*", ""]
    backend = f"{view.backend} (dictionary gist)" if view.is_gist else (view.backend or "not translated")
    lines += ["| | |", "|---|---|",
              f"| Source | {_md_cell(record.get('id'))} |",
              f"| Language | {_md_cell(view.language_name)} ({_md_cell(view.language_code)}) |",
              f"| Release date | {_md_cell(record.get('date') or 'not found')} |",
              f"| Translated by | {_md_cell(backend)} |", ""]
    if view.is_gist:
        lines += [f"> **Dictionary gist.** {GIST_NOTICE}", ""]
    if view.errors:
        lines += ["## Problems", "", *(f"- {_md(e.get('stage'))}: {_md(e.get('message'))}" for e in view.errors), ""]
    if view.skipped:
        lines += ["## Not done", "", *(f"- {_md(s['stage'])}: {_md(s['reason'])}" for s in view.skipped), ""]
    summary = _english_summary(view)
    lines += ["## Summary", "", _md(summary) if summary else "*No English summary.*", ""]
    lines += _md_table("Partners", ["Name", "In English", "Role"],
                       [[p.get("name"), p.get("name_en") or "", p.get("role") or "other"] for p in view.partners])
    lines += _md_table("Dates", ["As written", "ISO value"],
                       [[d.get("text"), d.get("value") or "unresolved"] for d in view.dates])
    lines += _md_table("Themes", ["Theme", "Evidence"],
                       [[t.get("label") or t.get("id"), ", ".join(t.get("evidence") or [])] for t in view.themes])
    lines += _md_table("Contacts", ["Kind", "Contact", "Role, organisation"],
                       [[c.get("kind"), c.get("value"), _role_and_organisation(c)] for c in view.contacts])
    heading = "English translation" if view.translated else "Text"
    lines += [f"## {heading}", "", *(_md(line) for line in _english_text(view).splitlines()), ""]
    return "\n".join(lines)


def _role_and_organisation(contact: dict[str, Any]) -> str:
    return ", ".join(part for part in (contact.get("role"), contact.get("organization")) if part)


def _md_table(title: str, header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = [f"## {title}", ""]
    if not rows:
        return [*lines, "*None found.*", ""]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _xml_safe(text: Any) -> str:
    return _NOT_XML.sub("", str(text if text is not None else ""))


def to_docx(record: dict[str, Any]) -> bytes:
    """A Word document: English title, summary, facts table, English translation, source details."""
    from docx import Document

    view = release_view(record)
    document = Document()
    document.core_properties.title = _xml_safe(_english_title(view))[:250]
    document.add_heading(_xml_safe(_english_title(view)), level=1)
    if view.title_en and record.get("title"):
        document.add_paragraph().add_run(_xml_safe(record["title"])).italic = True
    if view.is_gist:
        notice = document.add_paragraph()
        notice.add_run("Dictionary gist. ").bold = True
        notice.add_run(GIST_NOTICE)
    for error in view.errors:
        document.add_paragraph(_xml_safe(f"Problem in {error.get('stage')}: {error.get('message')}"))
    for skipped in view.skipped:
        document.add_paragraph(_xml_safe(f"Not done ({skipped['stage']}): {skipped['reason']}"))

    document.add_heading("Summary", level=2)
    document.add_paragraph(_xml_safe(_english_summary(view) or "No English summary."))

    document.add_heading("Facts", level=2)
    rows = fact_rows(view)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ("Fact", "Value", "Details"), strict=True):
        cell.text = label
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = _xml_safe(value)

    document.add_heading("English translation" if view.translated else "Text", level=2)
    for paragraph in re.split(r"\n\s*\n", _english_text(view)):
        if paragraph.strip():
            document.add_paragraph(_xml_safe(paragraph.strip()))

    document.add_heading("Source", level=2)
    backend = f"{view.backend} (dictionary gist)" if view.is_gist else (view.backend or "not translated")
    for label, value in (("Document", record.get("id")), ("Language", f"{view.language_name} ({view.language_code})"),
                         ("Release date", record.get("date") or "not found"), ("Translated by", backend)):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(_xml_safe(value))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
