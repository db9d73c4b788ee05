"""The record of SPEC.md section 1, and the working data that travels beside it.

The record's one definition is its JSON Schema (src/pressnlp/schema/result.schema.json): its
fields and their order, and the schema id, are read from there. Stages exchange records as plain
dicts (cheap to pickle between processes, easy for plug-ins) and keep whatever is not a result
(a file's bytes, what a failed stage left missing) in a `DocumentContext`, which is never written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pressnlp.schema import load_schema

_SCHEMA = load_schema("result")
RESULT_SCHEMA_ID: str = _SCHEMA["$id"]
# The order keys are written in, so that results read the way SPEC.md shows them.
RECORD_KEY_ORDER: tuple[str, ...] = tuple(_SCHEMA["properties"])


@dataclass
class DocumentContext:
    """One document's working data while its record goes through the stages."""

    content: bytes | None = None
    """The file's bytes, when they came with the document (pasted text, a remote corpus)."""
    location: str | None = None
    """Where the read stage finds the bytes otherwise (a local path or an fsspec URL)."""
    missing: dict[str, str] = field(default_factory=dict)
    """Record fields that a failed or skipped stage was to provide, with that stage's name; stages
    requiring them are skipped, saying why."""
    notes: dict[str, Any] = field(default_factory=dict)
    """What one stage tells a later one about this document, under a key the first one exports
    (the read stage's `DATELINE`: where the release's date line is in `text`). A note is set, not
    changed in place: later stages only read it, and a retried batch does not copy it."""


GLOSSARY_NOTE = "translate.glossary"
"""DocumentContext.notes key under which the translate stage leaves the glossary that translated a
document: an object with `english_name(name) -> str | None`, which the extract stage asks for the
English names of partners, so that a user's terminology names them as it translates them."""

# A record with its working data, as engines hand documents to a pipeline.
Document = tuple[dict[str, Any], DocumentContext]


def new_record(doc_id: str, source: dict[str, Any]) -> dict[str, Any]:
    """An empty record: every SPEC field present, filled in by the stages that run."""
    record: dict[str, Any] = dict.fromkeys(RECORD_KEY_ORDER)
    record.update(schema=RESULT_SCHEMA_ID, id=doc_id, source=source, text="", stages={}, errors=[])
    return record


def public_view(record: dict[str, Any]) -> dict[str, Any]:
    """The record as written: SPEC key order first, then fields plug-in stages added; keys that
    start with `_` are a plug-in's private data and are dropped."""
    ordered = {key: record[key] for key in RECORD_KEY_ORDER if key in record}
    ordered.update({key: value for key, value in record.items()
                    if key not in ordered and not key.startswith("_")})
    return ordered
