"""Run-level evaluation: a run folder against a gold file, as a table, JSON and charts.

`evaluate_run` is what `pressnlp evaluate` calls; the figures come from `scoring.score`, so the
command, the benchmarks and the tests report the same numbers. This module adds what a
researcher needs around them: which gold split, which documents had no record, what produced
the run (the manifest's stage descriptions), per-document F1, scores per gold language,
ablations (the same run's facts re-extracted without the built-in gazetteer) and a readable
rendering.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressnlp.core.errors import PressnlpError
from pressnlp.evaluation.ablation import ABLATIONS, reextract, run_config
from pressnlp.evaluation.data import load_gold, load_results, results_path
from pressnlp.evaluation.scoring import CANONICAL_NAMES, FieldScore, Report, score

log = logging.getLogger(__name__)

SCHEMA = "pressnlp.evaluation/1"
DOCUMENT_ROWS = 50  # documents shown in the terminal table; the JSON always has every one


@dataclass
class EvaluationResult:
    """The scores of one run against one gold file (or one split of it)."""

    gold_path: str
    results_path: str
    split: str | None
    report: Report
    errors_by_id: dict[str, list[str]]
    run_stages: dict[str, Any] | None
    ablations: dict[str, Report] = field(default_factory=dict)
    """By ablation name (ablation.ABLATIONS): the scores of the run's facts re-extracted without it."""

    @property
    def all_fields(self) -> FieldScore:
        """Micro-average over every fact field together."""
        return _all_fields(self.report.fields)

    def language_scores(self) -> dict[str, dict[str, FieldScore]]:
        """Per gold language: each fact field, canonical names and "all fields"."""
        return _language_fields(self.report)

    @property
    def missing_ids(self) -> list[str]:
        """Gold documents the run has no record for (all their gold items count as missed)."""
        return [doc["id"] for doc in self.report.documents if not doc["found"]]

    def document_scores(self) -> list[tuple[str, FieldScore]]:
        """Per document, the micro-average over its fact fields, in gold order."""
        return [(doc["id"], _document_total(doc, self.report.fields)) for doc in self.report.documents]

    def to_dict(self) -> dict[str, Any]:
        report = self.report.to_dict()
        documents = []
        for doc, (_, total) in zip(report["documents"], self.document_scores(), strict=True):
            documents.append({**doc, "all_fields": total.to_dict(),
                              "errors": self.errors_by_id.get(doc["id"], [])})
        return {
            "schema": SCHEMA,
            "gold": self.gold_path,
            "results": self.results_path,
            "split": self.split,
            "documents_scored": len(documents),
            "missing_ids": self.missing_ids,
            "unscored_ids": report["unscored_ids"],
            "fields": report["fields"],
            CANONICAL_NAMES: report[CANONICAL_NAMES],
            "all_fields": self.all_fields.to_dict(),
            "languages": _languages_dict(self.report),
            "language": report["language"],
            "summary": report["summary"],
            "translation": report["translation"],
            "run_stages": self.run_stages,
            "ablations": {name: _ablation_dict(name, ablated) for name, ablated in self.ablations.items()},
            "documents": documents,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def table(self, document_rows: int = DOCUMENT_ROWS) -> str:
        """A plain-text report: field scores, language, summary and translation figures, then
        per document its F1 and what was missed (-) and spurious (+)."""
        return "\n".join(_render(self, document_rows))


def evaluate_run(gold_path: str | Path, out_dir: str | Path, split: str | None = None,
                 without: Sequence[str] = ()) -> EvaluationResult:
    """Score the run in `out_dir` (a run folder or a results.jsonl) against `gold_path`,
    restricted to gold lines whose "split" is `split` when one is given; for each name in
    `without` (ablation.ABLATIONS), also score the run's facts extracted again without it."""
    unknown = [name for name in without if name not in ABLATIONS]
    if unknown:
        raise PressnlpError(f"unknown ablation '{unknown[0]}'; known: {', '.join(ABLATIONS)}")
    gold = load_gold(gold_path, split)
    records = load_results(out_dir)
    report = score(records, gold)
    gold_ids = {line["id"] for line in gold}
    ablations = {}
    if without:
        config = run_config(out_dir)
        scored = [record for record in records if record["id"] in gold_ids]
        ablations = {name: score(reextract(scored, config, ABLATIONS[name]), gold, text_metrics=False)
                     for name in without}
    errors_by_id = {record["id"]: [_error_text(error) for error in record.get("errors") or []]
                    for record in records if record["id"] in gold_ids and record.get("errors")}
    log.info("scored %d gold documents against %d records", len(gold), len(records))
    return EvaluationResult(gold_path=str(gold_path), results_path=str(results_path(out_dir)), split=split,
                            report=report, errors_by_id=errors_by_id, run_stages=_run_stages(out_dir),
                            ablations=ablations)


def _run_stages(out_dir: str | Path) -> dict[str, Any] | None:
    """What produced the run (backends, models, data versions), from OUT/manifest.json if any."""
    manifest = Path(out_dir) / "manifest.json"
    if not manifest.is_file():
        return None
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("stages")
    except (json.JSONDecodeError, AttributeError):
        log.warning("%s: unreadable manifest; the run's stages are not reported", manifest)
        return None


def _all_fields(fields: Mapping[str, FieldScore]) -> FieldScore:
    total = FieldScore()
    for field_score in fields.values():
        total.add(field_score)
    return total


def _language_fields(report: Report) -> dict[str, dict[str, FieldScore]]:
    """Per gold language: the fact fields, canonical names, and "all fields" (the fact fields
    together; canonical names re-score partners, so they are not added in)."""
    return {language: scores | {"all fields": _all_fields({name: scores[name] for name in report.fields})}
            for language, scores in report.by_language.items()}


def _languages_dict(report: Report) -> dict[str, Any]:
    documents = report.language_documents()
    return {language: {"documents": documents[language]}
            | {name.replace(" ", "_"): score.to_dict() for name, score in scores.items()}
            for language, scores in _language_fields(report).items()}


def _ablation_dict(name: str, ablated: Report) -> dict[str, Any]:
    ablation = ABLATIONS[name]
    data = ablated.to_dict()
    return {"switched_off": ablation.description, "config": {ablation.key: ablation.value},
            "fields": data["fields"], CANONICAL_NAMES: data[CANONICAL_NAMES],
            "all_fields": _all_fields(ablated.fields).to_dict(), "languages": _languages_dict(ablated)}


def _error_text(error: Mapping[str, Any]) -> str:
    return f"{error.get('stage', '?')}: {error.get('message', '')}"


def _counts(detail: Mapping[str, Any]) -> FieldScore:
    return FieldScore(tp=detail["tp"], fp=detail["fp"], fn=detail["fn"])


def _document_total(document: Mapping[str, Any], fields: Mapping[str, FieldScore]) -> FieldScore:
    total = FieldScore()
    for name in fields:
        total.add(_counts(document[name]))
    return total


# --- rendering ------------------------------------------------------------------------------

def item_label(field_name: str, item: Any) -> str:
    """A short human label of a gold or predicted item, as the per-document detail shows it."""
    if isinstance(item, str):
        return item
    if field_name == "partners":
        return str(item.get("name"))
    if field_name == "dates":
        return f'"{item.get("text")}" {item.get("value")}'
    if field_name == "themes":
        return str(item.get("id"))
    if field_name == "contacts":
        return f"{item.get('kind')}:{item.get('value')}"
    return json.dumps(item, ensure_ascii=False)


def _grid(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned first column, right-aligned numbers."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        return "  ".join([str(first).ljust(widths[0])] + [str(c).rjust(w) for c, w in zip(rest, widths[1:],
                                                                                        strict=True)])
    return [line(headers), "  ".join("-" * w for w in widths)] + [line(row) for row in rows]


def _f1_cell(field_score: FieldScore) -> str:
    """'-' where a document has nothing to score in a field (F1 is undefined there)."""
    return "-" if not (field_score.tp or field_score.fp or field_score.fn) else f"{field_score.f1:.3f}"


def _chrf_bleu(figures: Mapping[str, Any]) -> str:
    return f"chrF {figures['chrf']:.2f}  BLEU {figures['bleu']:.2f}  ({figures['documents']} documents)"


def _render(result: EvaluationResult, document_rows: int) -> list[str]:
    report = result.report
    documents = report.documents
    split = f" (split {result.split})" if result.split else ""
    lines = [f"{result.results_path} against {result.gold_path}{split}: {len(documents)} gold documents, "
             f"{len(documents) - len(result.missing_ids)} with a result record", ""]
    rows = [[name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp), str(s.fp), str(s.fn)]
            for name, s in [*_with_canonical_names(report.fields, report.canonical_names).items(),
                            ("all fields", result.all_fields)]]
    lines += _grid(["field", "precision", "recall", "F1", "tp", "fp", "fn"], rows)
    if "partners" in report.fields:
        lines.append("(canonical names: partners whose own name is a gold name; not part of 'all fields')")
    lines += ["", *_render_languages(report), ""]
    correct = sum(1 for doc in documents if doc["language"]["predicted"] == doc["language"]["gold"])
    lines.append(f"language   accuracy {report.language['accuracy']:.3f} ({correct}/{len(documents)})")
    if report.summary:
        s = report.summary
        lines.append(f"summary    ROUGE-1 {s['rouge1']:.3f}  ROUGE-2 {s['rouge2']:.3f}  ROUGE-L {s['rougeL']:.3f}"
                     f"  (F1, mean of {s['documents']} documents)")
    if report.translation:
        t = report.translation
        lines.append(f"translation {_chrf_bleu(t)}")
        lines += [f"  backend {backend}: {_chrf_bleu(figures)}" for backend, figures in t["backends"].items()]
    if result.missing_ids:
        lines.append(f"no result record for {len(result.missing_ids)} gold documents: "
                     + ", ".join(result.missing_ids[:10]) + (" ..." if len(result.missing_ids) > 10 else ""))
    for name, ablated in result.ablations.items():
        lines += ["", *_render_ablation(result, name, ablated)]
    lines += ["", *_render_documents(result, document_rows)]
    return lines


def _with_canonical_names(fields: Mapping[str, FieldScore], canonical: FieldScore) -> dict[str, FieldScore]:
    """The fact fields in order, canonical names right after partners (when partners are scored)."""
    shown: dict[str, FieldScore] = {}
    for name, field_score in fields.items():
        shown[name] = field_score
        if name == "partners":
            shown["canonical names"] = canonical
    return shown


def _render_languages(report: Report) -> list[str]:
    """F1 per field for each gold language."""
    documents = report.language_documents()
    by_language = _language_fields(report)
    names = [name.replace("_", " ") for name in next(iter(by_language.values()), {})]
    rows = [[language, str(documents[language]), *(_f1_cell(score) for score in scores.values())]
            for language, scores in by_language.items()]
    return ["per language (F1 over the documents whose gold language it is)",
            *_grid(["language", "documents", *names], rows)]


def _render_ablation(result: EvaluationResult, name: str, ablated: Report) -> list[str]:
    """F1 with and without one part of the extract stage, in total and per language."""
    ablation = ABLATIONS[name]
    with_all = _with_canonical_names(result.report.fields, result.report.canonical_names)
    without_all = _with_canonical_names(ablated.fields, ablated.canonical_names)
    with_all["all fields"], without_all["all fields"] = result.all_fields, _all_fields(ablated.fields)
    rows = [[field_name, f"{with_all[field_name].f1:.3f}", f"{without_all[field_name].f1:.3f}",
             f"{without_all[field_name].f1 - with_all[field_name].f1:+.3f}"] for field_name in with_all]
    per_language = _language_fields(ablated)
    language_rows = [[language, f"{scores['partners'].f1:.3f}", f"{per_language[language]['partners'].f1:.3f}",
                      f"{scores['all fields'].f1:.3f}", f"{per_language[language]['all fields'].f1:.3f}"]
                     for language, scores in _language_fields(result.report).items() if "partners" in scores]
    lines = [f"without {name}: {ablation.description}",
             f"(the run's facts extracted again with {ablation.key} = {json.dumps(ablation.value)})",
             *_grid(["field", "F1", f"F1 without {name}", "change"], rows)]
    if language_rows:
        lines += ["", *_grid(["language", "partners", "without", "all fields", "without"], language_rows)]
    return lines


def _render_documents(result: EvaluationResult, limit: int) -> list[str]:
    documents = result.report.documents
    fields = list(result.report.fields)
    totals = dict(result.document_scores())
    shown = documents
    heading = "per document (F1; '-' nothing to score)"
    if len(documents) > limit:
        shown = sorted(documents, key=lambda doc: totals[doc["id"]].f1)[:limit]
        heading += f": the {limit} lowest of {len(documents)}; every document is in the JSON"
    rows = [[doc["id"], *(_f1_cell(_counts(doc[name])) for name in fields), _f1_cell(totals[doc["id"]])]
            for doc in shown]
    lines = [heading, *_grid(["document", *fields, "all"], rows), "", "missed (-) and spurious (+) per document"]
    for doc in shown:
        detail = []
        if not doc["found"]:
            detail.append("    no result record")
        detail += [f"    {message}" for message in (f"error {e}" for e in result.errors_by_id.get(doc["id"], []))]
        for name in fields:
            for sign, key in (("-", "missed"), ("+", "spurious")):
                if doc[name][key]:
                    detail.append(f"    {sign} {name}: " + "; ".join(item_label(name, item) for item in doc[name][key]))
        language = doc["language"]
        if language["predicted"] != language["gold"]:
            detail.append(f"    language {language['predicted']} (gold {language['gold']})")
        if detail:
            lines += [f"  {doc['id']}", *detail]
    return lines
