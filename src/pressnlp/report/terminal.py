"""`pressnlp show`: one release's facts and summary as plain text for the terminal."""
from __future__ import annotations

import textwrap
from typing import Any

from pressnlp.report.views import GIST_NOTICE, release_view

_WIDTH = 100


def _wrapped(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width=_WIDTH, initial_indent=indent, subsequent_indent=indent) \
        or [indent]


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", title.upper(), *(lines or ["  none found"])]


def show(record: dict[str, Any]) -> str:
    """One release for the terminal: title, language, backend, facts, summaries, errors.

    Control characters from documents are dropped so that a release cannot move the cursor or
    recolour the terminal."""
    view = release_view(record)
    lines = [record.get("id") or "?", "=" * min(_WIDTH, len(record.get("id") or "?"))]
    lines += _wrapped(record.get("title") or "(no title found)", "")
    if view.title_en:
        lines += _wrapped(view.title_en, "")
    language = f"{view.language_name} ({view.language_code})"
    if view.mixed:
        language += ", mixed: " + ", ".join(f"{share.code} {share.percent}%" for share in view.shares)
    lines += ["", f"Language:      {language}", f"Release date:  {record.get('date') or 'not found'}"]
    if view.backend:
        lines.append(f"Translated by: {view.backend}" + ("  << DICTIONARY GIST, not a translation" if view.is_gist
                                                       else ""))
    if view.is_gist:
        lines += _wrapped(GIST_NOTICE, "  ")
    if view.errors:
        lines += _section("Problems", [f"  {e.get('stage')}: {e.get('message')}" for e in view.errors])
    if view.skipped:
        lines += _section("Not done", [line for s in view.skipped for line in _wrapped(f"{s['stage']}: {s['reason']}")])

    lines += _section("Partners", [
        f"  {p.get('name')}" + (f" = {p['name_en']}" if p.get("name_en") else "") + f"  [{p.get('role') or 'other'}]"
        + (f"  also: {', '.join(p['aliases'])}" if p.get("aliases") else "")
        for p in view.partners])
    lines += _section("Dates", [f"  {d.get('value') or 'unresolved':<24} {d.get('text')}" for d in view.dates])
    lines += _section("Themes", [
        f"  {t.get('label') or t.get('id')}"
        + (f" ({t['score']:.2f})" if isinstance(t.get("score"), (int, float)) else "")
        + (f": {', '.join(t['evidence'])}" if t.get("evidence") else "")
        for t in view.themes])
    lines += _section("Contacts", [
        f"  {c.get('kind'):<7} {c.get('value')}"
        + "".join(f", {extra}" for extra in (c.get("role"), c.get("organization")) if extra)
        for c in view.contacts])

    summary = view.summary or {}
    english = summary.get("en") or (summary.get("text") if view.language_code == "en" else None)
    lines += _section("Summary (English)", _wrapped(english) if english else [])
    if summary.get("text") and view.language_code != "en":
        lines += _section(f"Summary ({view.language_name})", _wrapped(summary["text"]))
    return "\n".join(_printable(line) for line in lines) + "\n"


def _printable(line: str) -> str:
    return "".join(ch for ch in line if ch.isprintable() or ch == "\t")
