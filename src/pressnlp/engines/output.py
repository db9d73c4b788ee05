"""The output folder of a run: lock, per-document files, resume state, final results."""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pressnlp.core.errors import RunLockedError
from pressnlp.io.writers import atomic_write_bytes, atomic_write_jsonl, dumps_json, write_parquet

STATE_DIR = ".pressnlp"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\\:*?\"<>|]")


def doc_relpath(doc_id: str) -> str:
    """A file name under docs/ for a document id: the id's own path where it is safe, otherwise
    made safe and suffixed with a hash, so no id can escape the output folder or collide."""
    parts = [_UNSAFE.sub("_", part) for part in doc_id.split("/")]
    parts = ["_" if part in ("", ".", "..") else part[:200] for part in parts]
    safe = "/".join(parts)
    if safe != doc_id:
        safe += "~" + hashlib.sha1(doc_id.encode()).hexdigest()[:8]
    return safe + ".json"


class OutputFolder:
    def __init__(self, root: Path):
        self.root = root
        self.docs = root / "docs"
        self.state_dir = root / STATE_DIR
        self._db: sqlite3.Connection | None = None

    @contextlib.contextmanager
    def lock(self) -> Iterator[OutputFolder]:
        """One run per output folder. The kernel drops the lock when a process dies, so a killed
        run never leaves the folder stuck."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        handle = open(self.state_dir / "lock", "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise RunLockedError(f"{self.root}: output folder is in use by another pressnlp run "
                                 f"(pid {holder}); wait for it or choose another -o folder") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield self
        finally:
            if self._db is not None:
                self._db.close()
                self._db = None
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(self.state_dir / "state.sqlite")
            self._db.execute("CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY, key TEXT NOT NULL, "
                             "ok INTEGER NOT NULL)")
        return self._db

    def doc_path(self, doc_id: str) -> Path:
        path = self.docs / doc_relpath(doc_id)
        if not path.resolve().is_relative_to(self.docs.resolve()):
            raise ValueError(f"document id {doc_id!r} maps outside the output folder")
        return path

    def is_current(self, doc_id: str, key: str, *, retry_failed: bool) -> bool:
        if key.startswith(":"):  # the file could not be read: look again every run
            return False
        row = self.db.execute("SELECT key, ok FROM docs WHERE id = ?", (doc_id,)).fetchone()
        if row is None or row[0] != key or (retry_failed and not row[1]):
            return False
        return self.doc_path(doc_id).exists()

    def save(self, record: dict[str, Any], key: str) -> None:
        """Document file first, then the state row: a kill between the two only redoes work."""
        atomic_write_bytes(self.doc_path(record["id"]), (dumps_json(record, indent=2) + "\n").encode())
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO docs (id, key, ok) VALUES (?, ?, ?)",
                            (record["id"], key, int(not record["errors"])))

    def collect(self, ids: list[str]) -> list[dict[str, Any]]:
        records = []
        for doc_id in sorted(ids):
            with open(self.doc_path(doc_id), encoding="utf-8") as handle:
                records.append(json.load(handle))
        return records

    def write_results(self, records: list[dict[str, Any]], formats: list[str]) -> None:
        atomic_write_jsonl(self.root / "results.jsonl", records)
        if "parquet" in formats:
            write_parquet(self.root / "results.parquet", records)
