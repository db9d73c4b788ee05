"""A result record (SPEC.md section 1) turned into what a page shows: sentence pairs with marked
spans, language shares, the backend notice, safe links.

Shared by report.html, the web result page and the exports, so that a release reads the same
everywhere. Nothing here builds HTML: templates escape every piece of document text themselves.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pressnlp import lang
from pressnlp.lang.normalise import normalise
from pressnlp.lang.segment import split_paragraphs
from pressnlp.report.dates import date_in_words

GIST_BACKEND_PREFIX = "lexicon"
# Said once wherever a gist is shown: the lead in bold, then the rest.
GIST_LEAD = "Dictionary gist:"
GIST_EXPLANATION = ("this English text was made word by word from a dictionary, not by a translation model. "
                    "Use it to see what the release is about; check names and numbers against the source "
                    "before quoting it.")
GIST_NOTICE = f"{GIST_LEAD} {GIST_EXPLANATION}"
# What each stage does, in words for the messages about it.
STAGE_LABELS = {"read": "Reading the file", "detect": "Language detection", "translate": "Translation",
                "extract": "Finding the facts", "summarize": "The summary"}
FAILURE_SUMMARIES = {"read": "The file could not be read.", "detect": "The language could not be told.",
                     "translate": "The text could not be translated.",
                     "extract": "The facts (partners, dates, contacts) could not be found.",
                     "summarize": "No summary could be made."}
MARK_LABELS = {"partner": "partner name", "date": "date", "glossary": "glossary term",
               "protected": "kept as written (name, number, address)",
               "untranslated": "left untranslated (no dictionary entry)"}

_URL_WITH_SCHEME = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_BARE_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+(?:/[^\s<>\"']*)?$",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Piece:
    """A run of text and the kind of fact it is marked as (None: plain text)."""

    text: str
    kind: str | None = None


@dataclass(frozen=True)
class StageMessage:
    """A stage that failed or was skipped, said plainly; `detail` is the technical message,
    shown folded away."""

    stage: str
    summary: str
    detail: str | None = None


@dataclass
class SentencePair:
    source: list[Piece]
    target: list[Piece]


@dataclass
class LanguageShare:
    code: str
    name: str
    percent: int


@dataclass
class ReleaseView:
    """Everything a page needs about one release, with safe defaults for missing parts."""

    record: dict[str, Any]
    anchor: str
    language_code: str
    language_name: str
    confidence: float | None
    shares: list[LanguageShare]
    backend: str | None
    is_gist: bool
    title_en: str | None
    pairs: list[SentencePair]
    partners: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    themes: list[dict[str, Any]]
    contacts: list[dict[str, Any]]
    summary: dict[str, Any] | None
    errors: list[dict[str, Any]]
    problems: list[StageMessage]
    skipped: list[StageMessage]
    date_words: str | None
    already_in_target: bool
    marked_kinds: list[str] = field(default_factory=list)
    pairs_omitted: bool = False

    @property
    def mixed(self) -> bool:
        return len(self.shares) > 1

    @property
    def translated(self) -> bool:
        return self.record.get("translation") is not None


def language_name(code: str | None) -> str:
    """The English name of the language's pack; a code without a pack as it is."""
    if not code:
        return "not detected"
    if code == "und":
        return "undetermined"
    pack = lang.find(code)
    return pack.name if pack is not None else code


def contact_href(contact: dict[str, Any]) -> str | None:
    """A link for a contact, or None when its value could be anything but what its kind says
    (a url contact of "javascript:..." must never become a link)."""
    value = str(contact.get("value") or "").strip()
    kind = contact.get("kind")
    if kind == "email" and re.fullmatch(r"[^\s@<>\"':/]+@[^\s@<>\"':/]+", value):
        return f"mailto:{value}"
    if kind == "phone" and re.fullmatch(r"\+?[0-9 ()-]{3,}", value):
        return "tel:" + re.sub(r"[^0-9+]", "", value)
    if kind == "url":
        if _URL_WITH_SCHEME.match(value):
            return value
        if _BARE_DOMAIN.match(value):
            return f"https://{value}"
    return None


def marked_pieces(text: str, start: int, end: int, spans: Iterable[tuple[int, int, str]]) -> list[Piece]:
    """`text[start:end]` cut into plain and marked pieces; overlapping spans: the first one wins."""
    pieces: list[Piece] = []
    position = start
    for span_start, span_end, kind in sorted(spans):
        span_start, span_end = max(span_start, position), min(span_end, end)
        if span_start >= span_end:
            continue
        if span_start > position:
            pieces.append(Piece(text[position:span_start]))
        pieces.append(Piece(text[span_start:span_end], kind))
        position = span_end
    if position < end:
        pieces.append(Piece(text[position:end]))
    return pieces


def _offset_spans(items: Iterable[Sequence[Any]], kind: str, limit: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of well-formed [start, end] pairs inside a text of length `limit`."""
    spans = []
    for item in items:
        if (isinstance(item, (list, tuple)) and len(item) >= 2 and isinstance(item[0], int)
                and isinstance(item[1], int) and 0 <= item[0] < item[1] <= limit):
            spans.append((item[0], item[1], kind))
    return spans


def source_spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Partner mentions and dates in the source text, to mark them where they occur."""
    facts = record.get("facts") or {}
    limit = len(record.get("text") or "")
    spans = []
    for partner in facts.get("partners") or []:
        spans += _offset_spans(partner.get("mentions") or [], "partner", limit)
    spans += _offset_spans(([d.get("start"), d.get("end")] for d in facts.get("dates") or []), "date", limit)
    return spans


def target_spans(translation: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Glossary terms, protected spans (names, numbers, addresses kept as written) and words a gist
    left untranslated, in the translation."""
    limit = len(translation.get("text") or "")
    return (_offset_spans(translation.get("glossary") or [], "glossary", limit)
            + _offset_spans(translation.get("protected") or [], "protected", limit)
            + _offset_spans(translation.get("untranslated") or [], "untranslated", limit))


def sentence_pairs(record: dict[str, Any]) -> list[SentencePair]:
    """Source and translation sentence by sentence from `translation.segments`; without a
    translation, the source paragraphs alone."""
    text = record.get("text") or ""
    marks_in_source = source_spans(record)
    translation = record.get("translation")
    if not translation:
        return [SentencePair(marked_pieces(text, start, end, marks_in_source), [])
                for start, end in split_paragraphs(text)]
    target_text = translation.get("text") or ""
    marks_in_target = target_spans(translation)
    pairs = []
    for segment in translation.get("segments") or []:
        source, target = segment.get("source") or [0, 0], segment.get("target") or [0, 0]
        pairs.append(SentencePair(marked_pieces(text, source[0], source[1], marks_in_source),
                                  marked_pieces(target_text, target[0], target[1], marks_in_target)))
    if not pairs and target_text:  # a translation without alignment: one block beside the source
        pairs.append(SentencePair(marked_pieces(text, 0, len(text), marks_in_source),
                                  marked_pieces(target_text, 0, len(target_text), marks_in_target)))
    return pairs


def language_shares(language: dict[str, Any] | None) -> list[LanguageShare]:
    """Share of the text in each detected language, largest first."""
    lengths: dict[str, int] = {}
    for segment in (language or {}).get("segments") or []:
        code = segment.get("code") or "und"
        lengths[code] = lengths.get(code, 0) + max(0, int(segment.get("end", 0)) - int(segment.get("start", 0)))
    total = sum(lengths.values())
    if not total:
        return []
    ordered = sorted(lengths.items(), key=lambda item: -item[1])
    return [LanguageShare(code, language_name(code), round(100 * length / total)) for code, length in ordered]


def is_gist_backend(backend: str | None) -> bool:
    return bool(backend) and backend.startswith(GIST_BACKEND_PREFIX)


def failure_message(error: dict[str, Any], language: str | None) -> StageMessage:
    """A failure from `errors` said plainly; the stage's own message becomes the detail."""
    stage = str(error.get("stage") or "")
    detail = str(error.get("message") or "") or None
    if stage == "translate" and error.get("type") == "BackendUnavailable":
        summary = f"No translation from {language_name(language)} is available here; the text is shown as written."
    else:
        summary = FAILURE_SUMMARIES.get(stage, f"Stage '{stage}' failed.")
    return StageMessage(stage, summary, detail)


def skipped_messages(stages: dict[str, Any]) -> list[StageMessage]:
    """Stages skipped for a reason a reader should know ("no translation model for German")."""
    messages = []
    for name, run in stages.items():
        if isinstance(run, dict) and run.get("status") == "skipped" and run.get("reason"):
            label = STAGE_LABELS.get(name, name)
            messages.append(StageMessage(name, f"{label} was skipped: {run['reason']}"))
    return messages


def dated(dates: Iterable[dict[str, Any]], language: str | None, reader: str) -> list[dict[str, Any]]:
    """The dates of `facts.dates`, each with its `words` for the reader."""
    return [dict(d, words=date_in_words(d.get("value") if isinstance(d.get("value"), str) else None,
                                        d.get("text") if isinstance(d.get("text"), str) else None, language, reader))
            for d in dates]


def release_view(record: dict[str, Any], anchor: str = "release", target_language: str = "en",
                 *, with_pairs: bool = True) -> ReleaseView:
    """The view of one record; tolerant of records whose stages failed or did not run.
    `with_pairs=False` leaves out the sentence table (huge reports)."""
    language = record.get("language") or {}
    translation = record.get("translation") or {}
    facts = record.get("facts") or {}
    backend = translation.get("backend")
    pairs = sentence_pairs(record) if with_pairs else []
    kinds = sorted({piece.kind for pair in pairs for piece in [*pair.source, *pair.target] if piece.kind})
    contacts = [dict(contact, href=contact_href(contact)) for contact in facts.get("contacts") or []]
    code = language.get("code")
    errors = list(record.get("errors") or [])
    release_date = record.get("date")
    return ReleaseView(
        record=record, anchor=anchor,
        language_code=language.get("code") or "und", language_name=language_name(language.get("code")),
        confidence=language.get("confidence"), shares=language_shares(language),
        backend=backend, is_gist=is_gist_backend(backend), title_en=translation.get("title"),
        pairs=pairs, partners=list(facts.get("partners") or []),
        dates=dated(facts.get("dates") or [], code, target_language),
        themes=list(facts.get("themes") or []), contacts=contacts, summary=record.get("summary"),
        errors=errors, problems=[failure_message(error, code) for error in errors],
        skipped=skipped_messages(record.get("stages") or {}),
        date_words=date_in_words(release_date, reader=target_language) if isinstance(release_date, str) else None,
        marked_kinds=kinds,
        already_in_target=not translation and language.get("code") == target_language,
        pairs_omitted=not with_pairs,
    )


def searchable_text(record: dict[str, Any], *, full_text: bool = True) -> str:
    """Normalised words of everything a reader may search for: id, titles, facts, summaries and,
    with `full_text`, the text and its translation (the folding of SPEC.md's normalise, so that
    "Łódź" is found as "lodz")."""
    translation = record.get("translation") or {}
    facts = record.get("facts") or {}
    summary = record.get("summary") or {}
    parts: list[Any] = [record.get("id"), record.get("title"), translation.get("title"),
                        summary.get("text"), summary.get("en")]
    if full_text:
        parts += [record.get("text"), translation.get("text")]
    for partner in facts.get("partners") or []:
        parts += [partner.get("name"), partner.get("name_en"), *(partner.get("aliases") or [])]
    for theme in facts.get("themes") or []:
        parts += [theme.get("id"), theme.get("label")]
    parts += [contact.get("value") for contact in facts.get("contacts") or []]
    return normalise(" ".join(part for part in parts if isinstance(part, str)))
