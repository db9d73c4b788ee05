"""report.html: every release of a run on one self-contained page.

The page loads nothing from elsewhere (inline CSS, one inline script allowed by a per-file nonce
in its Content-Security-Policy), so it can be mailed or opened from a USB stick; Jinja2
autoescaping makes every piece of document text plain text.
"""
from __future__ import annotations

import logging
import secrets
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2

from pressnlp._version import __version__
from pressnlp.io.writers import atomic_write_bytes
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
    environment.globals.update(gist_notice=GIST_NOTICE, mark_labels=MARK_LABELS, version=__version__)
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
    target = ((manifest or {}).get("config") or {}).get("pipeline", {}).get("target_language", "en")
    views = [release_view(record, anchor=f"release-{index + 1}", target_language=target,
                          with_pairs=index < sentence_tables)
             for index, record in enumerate(records)]
    languages = Counter(view.language_code for view in views).most_common()
    template = _environment().get_template("report.html")
    return template.render(
        views=views, manifest=manifest, languages=languages,
        failed=sum(1 for view in views if view.errors),
        gist_count=sum(1 for view in views if view.is_gist),
        search_text=[searchable_text(record, full_text=False) for record in records],
        nonce=secrets.token_urlsafe(16), pairs_open=False,
    )


def write_report(records: list[dict[str, Any]], out_path: Path, manifest: dict[str, Any] | None = None, *,
                 sentence_tables: int = SENTENCE_TABLES) -> None:
    """Write report.html atomically (a reader never sees half a page)."""
    html = render_report(records, manifest, sentence_tables=sentence_tables)
    atomic_write_bytes(out_path, html.encode("utf-8"))
    log.info("wrote %s (%d releases)", out_path, len(records))
