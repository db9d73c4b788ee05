"""The output folder of a run: lock, per-document files, resume state, final results.

Records go to OUT/docs/<id>.json as they finish. The resume state (which documents are done, for
which bytes and config) is a SQLite file beside them for a local OUT, or in the user's cache
for a remote one; a kill between a document file and its state row only redoes that document.
Neither is flushed to disk one document at a time (two fsyncs a document were a third of a short
release's time): a kill loses nothing the OS holds, and after a power cut a document file that came
back empty counts as not done.
"""
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
from pressnlp.engines.storage import Storage, user_cache_dir
from pressnlp.io.writers import dumps_json

STATE_DIR = ".pressnlp"
DOCS_DIR = "docs"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\\:*?\"<>|]")


def doc_relpath(doc_id: str) -> str:
    """A file name under docs/ for a document id: the id's own path where it is safe, otherwise
    made safe and suffixed with a hash, so no id can escape the output folder or collide."""
    parts = [_UNSAFE.sub("_", part) for part in doc_id.split("/")]
    parts = ["_" if part in ("", ".", "..") else _clip(part) for part in parts]
    safe = "/".join(parts)
    if safe != doc_id:
        safe += "~" + hashlib.sha1(doc_id.encode()).hexdigest()[:8]
    return f"{DOCS_DIR}/{safe}.json"


def _clip(part: str, limit: int = 200) -> str:
    """At most `limit` bytes of UTF-8, so that the name with its suffixes fits a 255-byte file name."""
    return part.encode("utf-8")[:limit].decode("utf-8", "ignore")


class OutputFolder:
    def __init__(self, location: str | Path):
        self.storage = Storage(location)
        if self.storage.local:
            self.state_dir = self.storage.local_path(STATE_DIR)
        else:
            digest = hashlib.sha1(self.storage.location.encode()).hexdigest()[:16]
            self.state_dir = user_cache_dir() / "runs" / digest
        self._db: sqlite3.Connection | None = None
        self._existing: set[str] | None = None

    @property
    def location(self) -> str:
        return self.storage.location

    @contextlib.contextmanager
    def lock(self) -> Iterator[OutputFolder]:
        """One run per output folder (per machine for remote ones). The kernel drops the lock when
        a process dies, so a killed run never leaves the folder stuck."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        handle = open(self.state_dir / "lock", "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise RunLockedError(f"{self.location}: output folder is in use by another pressnlp run "
                                 f"(pid {holder}); wait for it or choose another -o folder") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._remove_stale_temporaries()
        try:
            yield self
        finally:
            if self._db is not None:
                self._db.close()
                self._db = None
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    def _remove_stale_temporaries(self) -> None:
        """Temporary files of a run that was killed while writing (we hold the lock: none is live)."""
        if not self.storage.local:
            return
        root = self.storage.local_path()
        for stale in [*root.glob(".*.tmp"), *(root / DOCS_DIR).rglob(".*.tmp")]:
            stale.unlink(missing_ok=True)

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(self.state_dir / "state.sqlite")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # a commit reaches the OS, not the disk
            self._db.execute("CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY, key TEXT NOT NULL, "
                             "ok INTEGER NOT NULL)")
        return self._db

    def is_current(self, doc_id: str, key: str, *, retry_failed: bool) -> bool:
        if key.startswith(":"):  # unreadable before: look again every run
            return False
        row = self.db.execute("SELECT key, ok FROM docs WHERE id = ?", (doc_id,)).fetchone()
        if row is None or row[0] != key or (retry_failed and not row[1]):
            return False
        if self._existing is None:
            self._existing = {rel for rel, info in self.storage.list_files(DOCS_DIR).items() if info.get("size")}
        return doc_relpath(doc_id) in self._existing

    def save(self, record: dict[str, Any], key: str) -> None:
        """Document file first, then the state row."""
        self.storage.write_bytes(doc_relpath(record["id"]), (dumps_json(record, indent=2) + "\n").encode(),
                                 durable=False)
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO docs (id, key, ok) VALUES (?, ?, ?)",
                            (record["id"], key, int(not record["errors"])))

    def records(self, ids: list[str]) -> Iterator[dict[str, Any]]:
        """The saved records of `ids`, sorted by id, one at a time (memory stays flat)."""
        for doc_id in sorted(ids):
            yield json.loads(self.storage.read_bytes(doc_relpath(doc_id)))

    def write_results(self, ids: list[str], formats: list[str], *, visit: Any = None) -> None:
        """OUT/results.jsonl (and .parquet) streamed from the document files, written atomically.
        `visit(record)` sees every record on the way (counts, timings, report)."""
        with self.storage.writer("results.jsonl") as handle:
            for record in self.records(ids):
                handle.write(dumps_json(record) + "\n")
                if visit:
                    visit(record)
        if "parquet" in formats:
            from pressnlp.io.arrow import write_parquet  # the data extra's pyarrow, only when asked for

            with self.storage.writer("results.parquet", "wb") as handle:
                write_parquet(handle, self.records(ids))

    def write_json(self, rel: str, value: Any) -> None:
        self.storage.write_bytes(rel, (dumps_json(value, indent=2) + "\n").encode("utf-8"))
