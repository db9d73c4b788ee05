"""Reports people read: report.html for a run, one release on the terminal, Markdown and DOCX exports.

The per-release view (`views.release_view`) and its template partial are shared with the web app.
"""
from pressnlp.report.exports import to_docx, to_markdown
from pressnlp.report.html import render_report, write_report
from pressnlp.report.terminal import show

__all__ = ["render_report", "show", "to_docx", "to_markdown", "write_report"]
