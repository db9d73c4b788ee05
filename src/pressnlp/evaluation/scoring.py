"""The scorer of SPEC.md section 3: result records against gold annotations.

One module used by the `evaluate` command, the benchmarks and the tests alike, so that every
figure the project reports is computed the same way. It reads records and never runs a stage.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pressnlp.core.errors import PressnlpError
from pressnlp.lang.normalise import normalise

log = logging.getLogger(__name__)

FACT_FIELDS = ("partners", "dates", "themes", "contacts")
# Partners again, stricter: only a prediction whose own `name` is a name of the gold organisation
# counts. Reported beside the fact fields, never summed into "all fields" (it re-scores partners).
CANONICAL_NAMES = "canonical_names"

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")


# --- keys: what makes two items the same ----------------------------------------------------

def partner_names(partner: Mapping[str, Any], *, predicted: bool) -> frozenset[str]:
    """Normalised names a partner goes by: a prediction's name, name_en and aliases; a gold
    partner's name and aliases."""
    keys = ["name", "aliases"] + (["name_en"] if predicted else [])
    names: list[str] = []
    for key in keys:
        value = partner.get(key)
        if isinstance(value, str):
            names.append(value)
        elif isinstance(value, list):
            names.extend(item for item in value if isinstance(item, str))
    return frozenset(n for n in (normalise(name) for name in names) if n)


def contact_key(contact: Mapping[str, Any]) -> tuple[str, str] | None:
    """(kind, key): email casefolded; phone digits with country code; url casefolded without
    scheme, leading 'www.' and trailing '/'; person normalise(name)."""
    kind = contact.get("kind")
    value = contact.get("value")
    if not isinstance(value, str) or not value:
        return None
    if kind == "email":
        key = value.strip().casefold()
    elif kind == "phone":
        key = re.sub(r"\D", "", value)
    elif kind == "url":
        key = _SCHEME.sub("", value.strip().casefold())
        key = key.removeprefix("www.").rstrip("/")
    elif kind == "person":
        key = normalise(value)
    else:
        return None
    return (kind, key) if key else None


def date_key(date: Mapping[str, Any]) -> str | None:
    value = date.get("value")
    return value if isinstance(value, str) and value else None


def theme_key(theme: Mapping[str, Any] | str) -> str | None:
    """Gold themes are ids; predicted themes are objects with an `id`."""
    return theme if isinstance(theme, str) else theme.get("id")


# --- one-to-one matching --------------------------------------------------------------------

def match_pairs(predicted: Sequence[Any], gold: Sequence[Any],
                matches: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of predicted to gold items (each used at most once).

    Greedy pairing can undercount when one prediction could match two gold items (a partner
    with several aliases), so this finds augmenting paths (Kuhn's algorithm); lists are short.
    """
    candidates = [[g for g, gold_item in enumerate(gold) if matches(item, gold_item)] for item in predicted]
    owner: dict[int, int] = {}

    def assign(p: int, seen: set[int]) -> bool:
        for g in candidates[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or assign(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(predicted)):
        assign(p, set())
    return sorted((p, g) for g, p in owner.items())


def _match_by_key(predicted: list[Hashable], gold: list[Hashable]) -> list[tuple[int, int]]:
    return match_pairs(predicted, gold, lambda p, g: p == g)


# --- scores ---------------------------------------------------------------------------------

@dataclass
class FieldScore:
    """Micro-averaged counts of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class FieldDetail:
    """One field of one document: counts plus what was missed and what was spurious."""

    score: FieldScore
    missed: list[Any] = field(default_factory=list)
    spurious: list[Any] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**self.score.to_dict(), "missed": self.missed, "spurious": self.spurious}


def _detail(predicted: list[Any], gold: list[Any], pairs: list[tuple[int, int]]) -> FieldDetail:
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    return FieldDetail(
        FieldScore(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs)),
        missed=[item for i, item in enumerate(gold) if i not in matched_g],
        spurious=[item for i, item in enumerate(predicted) if i not in matched_p])


def score_canonical_names(predicted: list[Any], gold: list[Any]) -> FieldDetail:
    """Partners scored on their canonical name (issue 16): a prediction matches a gold partner
    when normalise(its `name`) equals the normalised gold `name` or one of the gold `aliases`.

    Unlike the partners score, the prediction's own `aliases` and `name_en` do not help: a
    prediction named "Urzędzie Marszałkowskim" with the alias "UM" matches a gold partner with the
    alias "UM" as a partner, but its name is not a name of that organisation, so it is a false
    positive here (and the gold partner a miss). Any gold name counts, the acronym too: the gold
    lists every name a release uses for the organisation, and the acronym the release introduces
    is one of them. Same one-to-one matching, so recall is over gold partners and precision over
    predicted ones, as for partners.
    """
    pred_names = [normalise(p.get("name")) if isinstance(p.get("name"), str) else "" for p in predicted]
    gold_names = [partner_names(g, predicted=False) for g in gold]
    pairs = match_pairs(pred_names, gold_names, lambda p, g: bool(p) and p in g)
    return _detail(predicted, gold, pairs)


def score_field(name: str, predicted: list[Any], gold: list[Any]) -> FieldDetail:
    """Score one fact field of one document (SPEC.md section 3)."""
    if name == "partners":
        pred_names = [partner_names(p, predicted=True) for p in predicted]
        gold_names = [partner_names(g, predicted=False) for g in gold]
        pairs = match_pairs(pred_names, gold_names, lambda p, g: bool(p & g))
        return _detail(predicted, gold, pairs)
    if name == "dates":
        predicted = [d for d in predicted if date_key(d)]
        gold = [d for d in gold if date_key(d)]
        key = date_key
    elif name == "themes":
        key = theme_key
    elif name == "contacts":
        predicted = [c for c in predicted if contact_key(c)]
        gold = [c for c in gold if contact_key(c)]
        key = contact_key
    else:
        raise ValueError(f"unknown fact field '{name}'; valid: {', '.join(FACT_FIELDS)}")
    pairs = _match_by_key([key(item) for item in predicted], [key(item) for item in gold])
    return _detail(predicted, gold, pairs)


# --- text metrics ---------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


class _WordTokenizer:
    """rouge-score's own tokenizer keeps only [a-z0-9], which cuts "Górnośląsko" into pieces;
    this one keeps every Unicode word, case-folded, so names score as whole words."""

    def tokenize(self, text: str) -> list[str]:
        return _words(text)


@functools.cache
def _rouge_scorer() -> Any:
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise PressnlpError("summary scoring needs rouge-score: pip install 'pressnlp[eval]'") from exc
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False,
                                    tokenizer=_WordTokenizer())


def rouge(candidate: str, reference: str) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 (rouge-score) on case-folded Unicode word tokens, with
    no stemming, so figures are the same for every language."""
    scores = _rouge_scorer().score(reference, candidate)
    return {name: value.fmeasure for name, value in scores.items()}


def _summary_of(record: Mapping[str, Any]) -> str | None:
    summary = record.get("summary") or {}
    language = (record.get("language") or {}).get("code")
    text = summary.get("en") or (summary.get("text") if language == "en" else None)
    return text if isinstance(text, str) else None


# --- the report -----------------------------------------------------------------------------

def gold_language(code: Any) -> str:
    """The group a gold document is scored in per language: its gold `language`, "und" when unset."""
    return code if isinstance(code, str) and code else "und"


@dataclass
class Report:
    """Scores over a corpus: micro P/R/F1 per fact field, language accuracy, summary ROUGE,
    translation chrF/BLEU, and the per-document detail behind them."""

    fields: dict[str, FieldScore]
    canonical_names: FieldScore
    by_language: dict[str, dict[str, FieldScore]]
    """Per gold language: the fact fields and canonical names, over that language's documents."""
    language: dict[str, Any]
    summary: dict[str, Any] | None
    translation: dict[str, Any] | None
    documents: list[dict[str, Any]]
    unscored_ids: list[str]

    def language_documents(self) -> dict[str, int]:
        """How many gold documents each gold language has."""
        counts: dict[str, int] = {}
        for document in self.documents:
            language = gold_language(document["language"]["gold"])
            counts[language] = counts.get(language, 0) + 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {"fields": {name: score.to_dict() for name, score in self.fields.items()},
                CANONICAL_NAMES: self.canonical_names.to_dict(),
                "languages": {language: {name: score.to_dict() for name, score in scores.items()}
                              for language, scores in self.by_language.items()},
                "language": self.language, "summary": self.summary, "translation": self.translation,
                "documents": self.documents, "unscored_ids": self.unscored_ids}


def score(records: Iterable[Mapping[str, Any]], gold: Iterable[Mapping[str, Any]], *,
          fields: Sequence[str] = FACT_FIELDS, text_metrics: bool = True) -> Report:
    """Score result records against gold lines (matched by `id`).

    A gold document without a record counts every gold item as missed; records without gold
    are listed in `unscored_ids` and change no figure.
    """
    by_id = {record["id"]: record for record in records}
    gold = list(gold)
    gold_ids = {line["id"] for line in gold}
    totals = {name: FieldScore() for name in fields}
    canonical = FieldScore()
    # canonical names right after partners, when partners are scored
    language_fields = [name for field_name in fields
                       for name in ((field_name, CANONICAL_NAMES) if field_name == "partners" else (field_name,))]
    by_language: dict[str, dict[str, FieldScore]] = {}
    documents = []
    language_hits = 0
    rouge_rows: list[dict[str, float]] = []
    hypotheses: list[str] = []
    references: list[str] = []
    backends: list[str] = []
    for line in gold:
        record = by_id.get(line["id"], {})
        predicted_facts = record.get("facts") or {}
        gold_facts = line.get("facts") or {}
        detail: dict[str, Any] = {"id": line["id"], "found": bool(record)}
        language_totals = by_language.setdefault(gold_language(line.get("language")),
                                                 {name: FieldScore() for name in language_fields})
        for name in fields:
            result = score_field(name, list(predicted_facts.get(name) or []), list(gold_facts.get(name) or []))
            totals[name].add(result.score)
            language_totals[name].add(result.score)
            detail[name] = result.to_dict()
        if "partners" in fields:
            result = score_canonical_names(list(predicted_facts.get("partners") or []),
                                           list(gold_facts.get("partners") or []))
            canonical.add(result.score)
            language_totals[CANONICAL_NAMES].add(result.score)
            detail[CANONICAL_NAMES] = result.to_dict()
        predicted_language = (record.get("language") or {}).get("code")
        detail["language"] = {"predicted": predicted_language, "gold": line.get("language")}
        language_hits += predicted_language == line.get("language")
        if text_metrics and line.get("summary_en"):
            candidate = _summary_of(record) or ""
            rouge_rows.append(rouge(candidate, line["summary_en"]))
            detail["summary"] = {key: round(value, 4) for key, value in rouge_rows[-1].items()}
        if text_metrics and line.get("translation_en"):
            translation = record.get("translation") or {}
            hypotheses.append(translation.get("text") or "")
            references.append(line["translation_en"])
            backends.append(translation.get("backend") or "none")
            detail["translation"] = {"backend": backends[-1]}
        documents.append(detail)
    summary = None
    if rouge_rows:
        summary = {key: round(sum(row[key] for row in rouge_rows) / len(rouge_rows), 4)
                   for key in ("rouge1", "rouge2", "rougeL")} | {"documents": len(rouge_rows)}
    translation = _translation_scores(hypotheses, references, backends) if hypotheses else None
    return Report(
        fields=totals, canonical_names=canonical, by_language=dict(sorted(by_language.items())),
        language={"accuracy": round(language_hits / len(gold), 4) if gold else 0.0, "documents": len(gold)},
        summary=summary, translation=translation, documents=documents,
        unscored_ids=sorted(set(by_id) - gold_ids))


def _translation_scores(hypotheses: list[str], references: list[str],
                        backends: list[str]) -> dict[str, Any] | None:
    """Corpus-level chrF and BLEU through sacrebleu (the reference implementation), over all
    documents and per translation backend ("none": no translation in the record), so a
    dictionary gist is never read as a neural figure."""
    try:
        import sacrebleu
    except ImportError:
        log.warning("sacrebleu is not installed; translation is not scored")
        return None

    def corpus_scores(indices: list[int]) -> dict[str, Any]:
        hyps = [hypotheses[i] for i in indices]
        refs = [references[i] for i in indices]
        return {"chrf": round(sacrebleu.corpus_chrf(hyps, [refs]).score, 2),
                "bleu": round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2),
                "documents": len(indices)}

    by_backend: dict[str, list[int]] = {}
    for index, backend in enumerate(backends):
        by_backend.setdefault(backend, []).append(index)
    return corpus_scores(list(range(len(hypotheses)))) | {
        "backends": {backend: corpus_scores(indices) for backend, indices in sorted(by_backend.items())}}
