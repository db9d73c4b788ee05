"""report.html: every release of a run on one self-contained page.

The page loads nothing from elsewhere (inline CSS, one inline script allowed by a per-file nonce
in its Content-Security-Policy), so it can be mailed or opened from a USB stick; Jinja2
autoescaping makes every piece of document text plain text.
"""
from __future__ import annotations

import logging
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2

from pressnlp._version import __version__
from pressnlp.io.writers import atomic_write_bytes
from pressnlp.report.dates import value_in_words
from pressnlp.report.views import GIST_NOTICE, MARK_LABELS, release_view, searchable_text

log = logging.getLogger(__name__)

TEMPLATE_PACKAGE = "pressnlp.report"
# Past this many releases the page would grow to hundreds of megabytes: later releases keep their
# facts and summaries, and `pressnlp serve --runs OUT` shows their sentence tables.
SENTENCE_TABLES = 1000


def template_loader() -> jinja2.BaseLoader:
    """The shared templates (the release partial, the CSS, the copy script)."""
    return jinja2.PackageLoader(TEMPLATE_PACKAGE, "templates")


def configure_environment(environment: jinja2.Environment) -> jinja2.Environment:
    """Globals the release partial needs; used by report.html and by the web app alike."""
    environment.globals.update(gist_notice=GIST_NOTICE, mark_labels=MARK_LABELS, version=__version__,
                               date_words=value_in_words)
    return environment


def _environment() -> jinja2.Environment:
    # autoescape=True: every {{ }} is escaped, whatever the template's file name.
    return configure_environment(jinja2.Environment(loader=template_loader(), autoescape=True,
                                                    trim_blocks=False, lstrip_blocks=False))


def render_report(records: Iterable[dict[str, Any]], manifest: dict[str, Any] | None = None, *,
                  sentence_tables: int = SENTENCE_TABLES) -> str:
    """The HTML of report.html for `records`, in the order given; the first `sentence_tables`
    releases get their sentence-by-sentence table."""
    records = list(records)
    return "".join(stream_report(lambda: records, manifest, sentence_tables=sentence_tables))


def stream_report(records: Callable[[], Iterable[dict[str, Any]]], manifest: dict[str, Any] | None = None, *,
                  sentence_tables: int = SENTENCE_TABLES) -> Iterator[str]:
    """report.html in pieces, from two passes over `records()` (an index, then the releases), so a
    run of any size is written without holding its records in memory."""
    target = ((manifest or {}).get("config") or {}).get("pipeline", {}).get("target_language", "en")
    rows = []
    languages: Counter[str] = Counter()
    failed = gist_count = 0
    for index, record in enumerate(records()):
        view = release_view(record, anchor=f"release-{index + 1}", target_language=target, with_pairs=False)
        languages[view.language_code] += 1
        failed += bool(view.errors)
        gist_count += view.is_gist
        rows.append({"anchor": view.anchor, "language": view.language_code, "errors": bool(view.errors),
                     "search": searchable_text(record, full_text=False),
                     "title": view.title_en or record.get("title") or record.get("id"), "id": record.get("id"),
                     "date": record.get("date"), "date_words": view.date_words,
                     "themes": [t.get("label") or t.get("id") for t in view.themes[:3]],
                     "partners": [p.get("name") for p in view.partners[:3]]})

    def views() -> Iterator[Any]:
        for index, record in enumerate(records()):
            yield release_view(record, anchor=f"release-{index + 1}", target_language=target,
                               with_pairs=index < sentence_tables)

    template = _environment().get_template("report.html")
    return template.generate(count=len(rows), rows=rows, views=views(), manifest=manifest,
                             languages=languages.most_common(), failed=failed, gist_count=gist_count,
                             nonce=secrets.token_urlsafe(16), pairs_open=False)


def write_report(records: list[dict[str, Any]], out_path: Path, manifest: dict[str, Any] | None = None, *,
                 sentence_tables: int = SENTENCE_TABLES) -> None:
    """Write report.html atomically (a reader never sees half a page)."""
    html = render_report(records, manifest, sentence_tables=sentence_tables)
    atomic_write_bytes(out_path, html.encode("utf-8"))
    log.info("wrote %s (%d releases)", out_path, len(records))
