"""Result records as Arrow data with one fixed schema (SPEC.md section 1).

Inferring a schema record by record breaks on real corpora (a chunk where every date value is
null, a plug-in's extra field); a fixed schema makes Parquet files and datasets comparable across
runs. Fields outside SPEC stay in results.jsonl only.

pyarrow comes with the `data` extra: only Parquet writing and `to_dataset` import this module.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pressnlp.core.errors import PressnlpError

try:
    import pyarrow as pa
except ImportError as exc:
    raise PressnlpError("Parquet files and datasets need the 'data' extra: pip install 'pressnlp[data]'") from exc

_span = pa.list_(pa.int64())
RESULT_SCHEMA = pa.schema([
    ("schema", pa.string()),
    ("id", pa.string()),
    ("source", pa.struct([("path", pa.string()), ("sha256", pa.string()), ("format", pa.string()),
                          ("encoding", pa.string()), ("bytes", pa.int64())])),
    ("language", pa.struct([("code", pa.string()), ("confidence", pa.float64()), ("detector", pa.string()),
                            ("segments", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64()),
                                                             ("code", pa.string())])))])),
    ("title", pa.string()),
    ("date", pa.string()),
    ("text", pa.string()),
    ("translation", pa.struct([("source_language", pa.string()), ("target_language", pa.string()),
                               ("backend", pa.string()), ("title", pa.string()), ("text", pa.string()),
                               ("segments", pa.list_(pa.struct([("source", _span), ("target", _span)])))])),
    ("facts", pa.struct([
        ("partners", pa.list_(pa.struct([("name", pa.string()), ("name_en", pa.string()),
                                         ("aliases", pa.list_(pa.string())), ("role", pa.string()),
                                         ("mentions", pa.list_(_span))]))),
        ("dates", pa.list_(pa.struct([("text", pa.string()), ("value", pa.string()), ("start", pa.int64()),
                                      ("end", pa.int64())]))),
        ("themes", pa.list_(pa.struct([("id", pa.string()), ("label", pa.string()), ("score", pa.float64()),
                                       ("evidence", pa.list_(pa.string()))]))),
        ("contacts", pa.list_(pa.struct([("kind", pa.string()), ("value", pa.string()), ("role", pa.string()),
                                         ("organization", pa.string())]))),
    ])),
    ("summary", pa.struct([("method", pa.string()), ("text", pa.string()), ("en", pa.string())])),
    # a list rather than an Arrow map, which `datasets` cannot represent
    ("stages", pa.list_(pa.struct([("stage", pa.string()), ("status", pa.string()), ("reason", pa.string()),
                                   ("ms", pa.float64())]))),
    ("errors", pa.list_(pa.struct([("stage", pa.string()), ("type", pa.string()), ("message", pa.string())]))),
])


def _fit(value: Any, arrow_type: pa.DataType) -> Any:
    """Keep only what the schema holds, recursively."""
    if value is None:
        return None
    if pa.types.is_struct(arrow_type):
        return {arrow_type.field(i).name: _fit(value.get(arrow_type.field(i).name), arrow_type.field(i).type)
                for i in range(arrow_type.num_fields)}
    if pa.types.is_list(arrow_type):
        return [_fit(item, arrow_type.value_type) for item in value]
    return value


def _row(record: dict[str, Any]) -> dict[str, Any]:
    flat = dict(record)
    flat["stages"] = [{"stage": name, **run} for name, run in (record.get("stages") or {}).items()]
    return {field.name: _fit(flat.get(field.name), field.type) for field in RESULT_SCHEMA}


def records_to_table(records: Iterable[dict[str, Any]]) -> pa.Table:
    rows = [_row(record) for record in records]
    return pa.Table.from_pylist(rows, schema=RESULT_SCHEMA)


def _chunks(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_parquet(sink: str | Path | BinaryIO, records: Iterable[dict[str, Any]], chunk_size: int = 1000) -> None:
    import pyarrow.parquet as pq

    with pq.ParquetWriter(sink, RESULT_SCHEMA) as writer:
        for chunk in _chunks(records, chunk_size):
            writer.write_table(records_to_table(chunk))
