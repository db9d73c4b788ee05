"""JSON Schemas of the data contract (SPEC.md), and validation against them."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

SCHEMAS = {"result": "result.schema.json", "gold": "gold.schema.json"}


@cache
def load_schema(kind: str = "result") -> dict[str, Any]:
    text = resources.files("pressnlp.schema").joinpath(SCHEMAS[kind]).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator(kind: str) -> jsonschema.protocols.Validator:
    import jsonschema  # only validation needs it; building records reads the schema as JSON

    schema = load_schema(kind)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    return validator_cls(schema)


def record_problems(record: dict[str, Any], kind: str = "result") -> list[str]:
    """Human-readable schema violations of one record (empty when valid), plus the rules that a
    JSON Schema cannot say: every offset must index `text`; a stage's status agrees with `errors`."""
    problems = [f"{'/'.join(map(str, error.absolute_path)) or '(record)'}: {error.message}"
                for error in _validator(kind).iter_errors(record)]
    if kind == "result" and not problems:
        problems.extend(_offset_problems(record))
        problems.extend(_status_problems(record))
    return problems


def _status_problems(record: dict[str, Any]) -> list[str]:
    """A stage with an error of its own reports `failed`, and a failed stage has its error."""
    stages = record["stages"]
    with_errors = {error["stage"] for error in record["errors"]}
    problems = [f"stages/{name}: status '{stages[name]['status']}' beside an error of this stage"
                for name in sorted(with_errors & set(stages)) if stages[name]["status"] != "failed"]
    problems += [f"stages/{name}: failed without an entry in errors"
                 for name, run in stages.items() if run["status"] == "failed" and name not in with_errors]
    return problems


def _offset_problems(record: dict[str, Any]) -> list[str]:
    text_length = len(record["text"])
    spans: list[tuple[str, int, int]] = []
    facts = record.get("facts") or {}
    for i, partner in enumerate(facts.get("partners", [])):
        spans += [(f"facts/partners/{i}/mentions", s, e) for s, e in partner["mentions"]]
    for i, item in enumerate(facts.get("dates", [])):
        spans.append((f"facts/dates/{i}", item["start"], item["end"]))
    language = record.get("language") or {}
    spans += [("language/segments", seg["start"], seg["end"]) for seg in language.get("segments", [])]
    translation = record.get("translation") or {}
    spans += [("translation/segments", *seg["source"]) for seg in translation.get("segments", [])]
    problems = [f"{where}: span [{s}, {e}] outside text of length {text_length}"
                for where, s, e in spans if not 0 <= s <= e <= text_length]
    for i, item in enumerate(facts.get("dates", [])):
        if record["text"][item["start"]:item["end"]] != item["text"]:
            problems.append(f"facts/dates/{i}: text {item['text']!r} is not text[start:end]")
    target_length = len(translation.get("text", ""))
    problems += [f"translation/segments: target span {seg['target']} outside translation text"
                 for seg in translation.get("segments", [])
                 if not 0 <= seg["target"][0] <= seg["target"][1] <= target_length]
    return problems


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object) of a JSON Lines file; a bad line yields a ValueError object."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, ValueError(f"not JSON: {exc}")


def validate_jsonl(path: str | Path, kind: str = "result") -> Iterable[str]:
    """Every problem of a JSON Lines file, as 'line N (id): message' strings."""
    for number, item in iter_jsonl(path):
        if isinstance(item, ValueError):
            yield f"line {number}: {item}"
            continue
        for problem in record_problems(item, kind):
            yield f"line {number} ({item.get('id', '?')}): {problem}"
