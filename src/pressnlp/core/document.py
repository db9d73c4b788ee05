"""Typed view of the result record of SPEC.md section 1.

Stages exchange plain dicts (cheap to pickle between processes, easy for plug-ins); these
dataclasses are the typed face of the same data for API users: `Record.from_dict(d).to_dict() == d`.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

RESULT_SCHEMA_ID = "pressnlp.result/1"


def _convert(value: Any, hint: Any) -> Any:
    """Turn JSON data into the type a dataclass field declares (recursively)."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        candidates = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(value, candidates[0]) if len(candidates) == 1 else value
    if dataclasses.is_dataclass(hint):
        return _from_dict(hint, value)
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return [_convert(item, item_hint) for item in value]
    if origin is tuple:
        return tuple(value)
    if origin is dict:
        _, value_hint = typing.get_args(hint)
        return {key: _convert(item, value_hint) for key, item in value.items()}
    return value


def _from_dict(cls: Any, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    kwargs = {name: _convert(data[name], hints[name]) for name in known if name in data}
    instance = cls(**kwargs)
    extra = {key: value for key, value in data.items() if key not in known}
    if extra and "extra" in known:
        instance.extra.update(extra)
    return instance


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_to_json(item) for item in value]
    if isinstance(value, dict):
        return {key: _to_json(item) for key, item in value.items()}
    return value


class _Serialisable:
    """to_dict/from_dict for the record's dataclasses; fields that stages add survive in `extra`."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if f.name == "extra":
                continue
            out[f.name] = _to_json(getattr(self, f.name))
        out.update(_to_json(getattr(self, "extra", {})))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        return _from_dict(cls, data)


@dataclass
class Source(_Serialisable):
    path: str
    sha256: str
    format: str
    encoding: str | None = None
    bytes: int = 0


@dataclass
class LanguageSegment(_Serialisable):
    start: int
    end: int
    code: str


@dataclass
class Language(_Serialisable):
    code: str
    confidence: float
    detector: str
    segments: list[LanguageSegment] = field(default_factory=list)


@dataclass
class AlignedSegment(_Serialisable):
    source: tuple[int, int]
    target: tuple[int, int]


@dataclass
class Translation(_Serialisable):
    source_language: str
    target_language: str
    backend: str
    title: str | None
    text: str
    segments: list[AlignedSegment] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Partner(_Serialisable):
    name: str
    name_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    role: Literal["issuer", "partner", "funder", "other"] = "other"
    mentions: list[tuple[int, int]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class DateFact(_Serialisable):
    text: str
    value: str | None
    start: int
    end: int
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Theme(_Serialisable):
    id: str
    label: str
    score: float
    evidence: list[str] = field(default_factory=list)


@dataclass
class Contact(_Serialisable):
    kind: Literal["email", "phone", "url", "person"]
    value: str
    role: str | None = None
    organization: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Facts(_Serialisable):
    partners: list[Partner] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)


@dataclass
class Summary(_Serialisable):
    method: str
    text: str
    en: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class StageRun(_Serialisable):
    status: Literal["ok", "skipped", "failed"]
    ms: float = 0.0
    reason: str | None = None  # why a skipped stage did not apply, for people
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if out["reason"] is None:  # only skipped stages say why
            del out["reason"]
        return out


@dataclass
class RecordError(_Serialisable):
    stage: str
    type: str
    message: str


@dataclass
class Record(_Serialisable):
    id: str
    source: Source
    text: str = ""
    schema: str = RESULT_SCHEMA_ID
    language: Language | None = None
    title: str | None = None
    date: str | None = None
    translation: Translation | None = None
    facts: Facts | None = None
    summary: Summary | None = None
    stages: dict[str, StageRun] = field(default_factory=dict)
    errors: list[RecordError] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


# The order keys are written in, so that results read the way SPEC.md shows them.
RECORD_KEY_ORDER = ("schema", "id", "source", "language", "title", "date", "text", "translation",
                    "facts", "summary", "stages", "errors")


def new_record(doc_id: str, source: dict[str, Any]) -> dict[str, Any]:
    """An empty record: every SPEC field present, filled in by the stages that run."""
    return {"schema": RESULT_SCHEMA_ID, "id": doc_id, "source": source, "language": None,
            "title": None, "date": None, "text": "", "translation": None, "facts": None,
            "summary": None, "stages": {}, "errors": []}


def public_view(record: dict[str, Any]) -> dict[str, Any]:
    """The record as written: SPEC key order first, transient `_` keys dropped."""
    ordered = {key: record[key] for key in RECORD_KEY_ORDER if key in record}
    ordered.update({key: value for key, value in record.items()
                    if key not in ordered and not key.startswith("_")})
    return ordered
