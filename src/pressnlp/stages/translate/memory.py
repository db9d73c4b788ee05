"""Translation memory: a sentence already translated with the same engine and settings is reused.

Press releases repeat themselves (contact blocks, boilerplate about the issuer) and runs are
repeated after a config change elsewhere; a neural model is the slow part, so each distinct
(masked) sentence goes through it once. SQLite, because it is in the standard library, safe for
several worker processes, and a single file a user can delete.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_SCHEMA = """CREATE TABLE IF NOT EXISTS memory (
    key TEXT PRIMARY KEY, backend TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    created REAL NOT NULL)"""


def memory_key(setup: dict[str, Any], sentence: str) -> str:
    """Key of one sentence under one engine setup (backend id, model, options)."""
    payload = json.dumps([setup, sentence], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class TranslationMemory:
    """A SQLite table of translations keyed by `memory_key`; the connection opens on first use."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.hits = 0
        self.misses = 0
        self.failed = False
        self._connection: sqlite3.Connection | None = None

    def __getstate__(self) -> dict[str, Any]:  # worker processes open their own connection
        return {**self.__dict__, "_connection": None}

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(self.path, timeout=30)
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute(_SCHEMA)
        return self._connection

    def lookup(self, keys: Iterable[str]) -> dict[str, str]:
        """Stored translations of those keys that have one."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        if self.failed:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                rows = self._db().execute(
                    f"SELECT key, target FROM memory WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                found.update(rows)
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def store(self, backend: str, entries: Iterable[tuple[str, str, str]]) -> None:
        """Save (key, source, target) triples."""
        now = time.time()
        if self.failed:
            return
        try:
            with self._db() as connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO memory (key, backend, source, target, created) VALUES (?, ?, ?, ?, ?)",
                    [(key, backend, source, target, now) for key, source, target in entries])
        except (sqlite3.Error, OSError) as exc:
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        """A memory that cannot be read or written slows a run down; it must not fail it."""
        log.warning("translation memory %s unusable, translating without it: %s", self.path, exc)
        self.failed = True
