"""Atomic output: a file is either its old complete self or its new complete self, never torn."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


FILE_MODE = 0o666 & ~_umask()
"""Mode of files we write: what a plain open() would give (mkstemp makes them private)."""


def atomic_write_bytes(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Write through a temporary file and a rename: a killed process leaves the old file or the new
    one. `durable` also flushes the data to disk before the rename, so that a power cut cannot leave
    an empty file either (~5 ms a file: a run's per-document files skip it, see engines/output.py)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:40]}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as tmp:
            tmp.write(data)
            if durable:
                tmp.flush()
                os.fsync(tmp.fileno())
        os.chmod(tmp_name, FILE_MODE)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def dumps_json(value: Any, *, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=False)


def atomic_write_json(path: str | Path, value: Any) -> None:
    atomic_write_bytes(path, (dumps_json(value, indent=2) + "\n").encode("utf-8"))


def atomic_write_jsonl(path: str | Path, records: Iterable[Any]) -> int:
    """Write JSON Lines atomically; returns the number of lines."""
    lines = [dumps_json(record) for record in records]
    atomic_write_bytes(path, ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))
    return len(lines)
