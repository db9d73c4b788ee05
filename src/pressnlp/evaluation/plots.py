"""PNG charts of an evaluation: per-field precision/recall/F1, F1 per gold language and per-document F1.

Figures are drawn on matplotlib's Agg canvas without pyplot, so no display, no global figure
state and no backend switch in the caller's process.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from pressnlp.core.errors import PressnlpError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from pressnlp.evaluation.evaluate import EvaluationResult

log = logging.getLogger(__name__)

LABELLED_DOCUMENTS = 60  # above this, per-document bars lose their labels and become a sorted curve


def _new_figure(width: float, height: float) -> Figure:
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise PressnlpError("plots need matplotlib: pip install 'pressnlp[eval]'") from exc
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _title(result: EvaluationResult) -> str:
    split = f", split {result.split}" if result.split else ""
    return f"{Path(result.results_path).parent.name or result.results_path}{split}"


def fields_chart(result: EvaluationResult) -> Figure:
    """Grouped bars: precision, recall and F1 for each fact field and for all fields together."""
    scores = {**result.report.fields, "all fields": result.all_fields}
    figure = _new_figure(8, 4.5)
    axes = figure.add_subplot()
    width = 0.26
    for offset, (metric, colour) in enumerate((("precision", "#4c72b0"), ("recall", "#dd8452"), ("f1", "#55a868"))):
        values = [getattr(score, metric) for score in scores.values()]
        positions = [i + (offset - 1) * width for i in range(len(scores))]
        bars = axes.bar(positions, values, width, label="F1" if metric == "f1" else metric, color=colour)
        axes.bar_label(bars, fmt="%.2f", fontsize=7, padding=1)
    axes.set_xticks(range(len(scores)), [f"{name}\n(tp {s.tp}, fp {s.fp}, fn {s.fn})" for name, s in scores.items()],
                    fontsize=8)
    axes.set_ylim(0, 1.18)
    axes.set_ylabel("micro-averaged score")
    axes.set_title(f"Facts against gold — {_title(result)}")
    axes.legend(loc="upper right", fontsize=8, ncols=3)
    return figure


def documents_chart(result: EvaluationResult) -> Figure:
    """Per-document F1 over all fact fields, lowest first (documents with nothing to score are left out)."""
    scored = sorted(((doc_id, score) for doc_id, score in result.document_scores()
                     if score.tp or score.fp or score.fn), key=lambda pair: pair[1].f1)
    if len(scored) <= LABELLED_DOCUMENTS:
        figure = _new_figure(8, max(3.0, 0.22 * len(scored) + 1.2))
        axes = figure.add_subplot()
        bars = axes.barh(range(len(scored)), [score.f1 for _, score in scored], color="#55a868")
        axes.bar_label(bars, fmt="%.2f", fontsize=7, padding=2)
        axes.set_yticks(range(len(scored)), [doc_id for doc_id, _ in scored], fontsize=7)
        axes.invert_yaxis()
        axes.set_xlim(0, 1.08)
        axes.set_xlabel("F1 over partners, dates, themes and contacts")
    else:
        figure = _new_figure(8, 4.5)
        axes = figure.add_subplot()
        axes.plot(range(1, len(scored) + 1), [score.f1 for _, score in scored], color="#55a868")
        axes.set_ylim(0, 1.02)
        axes.set_xlabel(f"documents, sorted by F1 ({len(scored)})")
        axes.set_ylabel("F1 over all fact fields")
    axes.set_title(f"Per-document F1 — {_title(result)}")
    return figure


def languages_chart(result: EvaluationResult) -> Figure:
    """Grouped bars: for each gold language, the F1 of every fact field, canonical names and all fields."""
    by_language = result.language_scores()
    names = list(next(iter(by_language.values()), {}))
    figure = _new_figure(max(8.0, 1.6 * len(by_language) + 2), 4.5)
    axes = figure.add_subplot()
    width = 0.8 / max(len(names), 1)
    for offset, name in enumerate(names):
        positions = [i + (offset - (len(names) - 1) / 2) * width for i in range(len(by_language))]
        bars = axes.bar(positions, [scores[name].f1 for scores in by_language.values()], width,
                        label=name.replace("_", " "))
        axes.bar_label(bars, fmt="%.2f", fontsize=6, padding=1, rotation=90)
    documents = result.report.language_documents()
    axes.set_xticks(range(len(by_language)), [f"{language}\n({documents[language]} documents)"
                                               for language in by_language], fontsize=8)
    axes.set_ylim(0, 1.25)
    axes.set_ylabel("F1")
    axes.set_title(f"F1 per gold language — {_title(result)}")
    axes.legend(loc="upper right", fontsize=7, ncols=4)
    return figure


def write_plots(result: EvaluationResult, folder: str | Path) -> list[Path]:
    """Write fields.png, languages.png and documents.png into `folder` (created if needed); return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in (("fields.png", fields_chart), ("languages.png", languages_chart),
                       ("documents.png", documents_chart)):
        path = folder / name
        draw(result).savefig(path)
        written.append(path)
        log.info("wrote %s", path)
    return written
