"""Translation memory: a sentence already translated with the same engine and settings is reused.

Press releases repeat themselves (contact blocks, boilerplate about the issuer) and runs are
repeated after a config change elsewhere; a neural model is the slow part, so each distinct
(masked) sentence goes through it once. SQLite, because it is in the standard library, safe for
several worker processes, and a single file a user can delete.

Sharing: the threads of a process (a web server) share one connection under a lock; processes
(`-j` workers) share the file in WAL mode, where readers never wait and a writer waits up to
`timeout_s` for another. Keys are over the masked sentence, in which glossary terms and protected
spans are placeholders restored after the lookup, so an edited glossary never meets a stale entry.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_SCHEMA = """CREATE TABLE IF NOT EXISTS memory (
    key TEXT PRIMARY KEY, backend TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    created REAL NOT NULL)"""
BUSY_TIMEOUT_S = 30.0
_LOOKUP_CHUNK = 500  # keys per SELECT, under SQLite's limit on bound parameters


def memory_key(setup: dict[str, Any], sentence: str) -> str:
    """Key of one sentence under one engine setup (backend id, model, options)."""
    payload = json.dumps([setup, sentence], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class TranslationMemory:
    """A SQLite table of translations keyed by `memory_key`; the connection opens on first use."""

    def __init__(self, path: Path, *, timeout_s: float = BUSY_TIMEOUT_S):
        self.path = Path(path)
        self.timeout_s = timeout_s
        self.hits = 0
        self.misses = 0
        self.failed = False
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def __getstate__(self) -> dict[str, Any]:  # worker processes open their own connection
        return {key: value for key, value in self.__dict__.items() if key not in ("_connection", "_lock")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _connection=None, _lock=threading.Lock())

    def _db(self) -> sqlite3.Connection:
        """The connection, opened on first use (callers hold the lock)."""
        if self._connection is None:
            self._connection = self._open()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        """Connect and make sure the file is in WAL mode and has the table. Switching to WAL while
        another process is opening or writing the same new file fails at once with "database is
        locked" (SQLite does not wait there, to avoid a deadlock), so that step is retried."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit: transactions are explicit (BEGIN IMMEDIATE), so a writer waits for the
        # write lock up front instead of failing halfway. Threads share it under self._lock.
        connection = sqlite3.connect(self.path, timeout=self.timeout_s, isolation_level=None,
                                     check_same_thread=False)
        deadline = time.monotonic() + self.timeout_s
        pause = 0.01
        while True:
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")  # a cache: may lose the last entries, never its file
                connection.execute(_SCHEMA)
                return connection
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                    connection.close()
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def lookup(self, keys: Iterable[str]) -> dict[str, str]:
        """Stored translations of those keys that have one."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        with self._lock:
            if self.failed:
                return found
            try:
                connection = self._db()
                for start in range(0, len(keys), _LOOKUP_CHUNK):
                    chunk = keys[start:start + _LOOKUP_CHUNK]
                    found.update(connection.execute(
                        f"SELECT key, target FROM memory WHERE key IN ({','.join('?' * len(chunk))})", chunk))
            except (sqlite3.Error, OSError) as exc:
                self._give_up(exc)
            self.hits += len(found)
            self.misses += len(keys) - len(found)
        return found

    def store(self, backend: str, entries: Iterable[tuple[str, str, str]]) -> None:
        """Save (key, source, target) triples in one transaction."""
        now = time.time()
        rows = [(key, backend, source, target, now) for key, source, target in entries]
        with self._lock:
            if self.failed or not rows:
                return
            try:
                connection = self._db()
                connection.execute("BEGIN IMMEDIATE")
                try:
                    connection.executemany(
                        "INSERT OR REPLACE INTO memory (key, backend, source, target, created) VALUES (?, ?, ?, ?, ?)",
                        rows)
                except BaseException:
                    connection.execute("ROLLBACK")
                    raise
                connection.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        """A memory that cannot be read or written slows a run down; it must not fail it."""
        log.warning("translation memory %s unusable, translating without it: %s", self.path, exc)
        self.failed = True
