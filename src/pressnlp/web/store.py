"""Releases processed on the web page, kept in a run folder of their own.

The folder is an ordinary output folder of `pressnlp run`, written by the same writers
(`pressnlp.engines.output.OutputFolder`): docs/<id>.json, results.jsonl and manifest.json, plus
the submitted files under sources/ (the corpus the records came from: `pressnlp run
STORE/sources -o STORE` finds every record current). So the run browser lists these releases,
they survive a restart of the server, and each can be processed again from its own bytes with
the glossary and config of the day. jobs.jsonl maps a job's address (/jobs/<id>) to its record.

A release is named by its title: ids are slugs ("metropolia-gzm-kupi-autobusy.txt"), made here,
never taken from a request, so joining one into a path cannot leave the folder.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pressnlp.core.errors import PressnlpError, RunLockedError
from pressnlp.core.pipeline import Pipeline
from pressnlp.engines.output import OutputFolder
from pressnlp.io.writers import atomic_write_bytes, dumps_json
from pressnlp.lang.normalise import normalise

log = logging.getLogger(__name__)

SOURCES_DIR = "sources"
JOBS_FILE = "jobs.jsonl"
STORE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z]{2,4}$")
LOCK_WAIT_S = 30.0
_SLUG_LIMIT = 60


def default_store_dir() -> Path:
    """$XDG_DATA_HOME/pressnlp/web-runs (~/.local/share/pressnlp/web-runs)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "pressnlp" / "web-runs"


def slug(text: str | None, limit: int = _SLUG_LIMIT) -> str:
    """Lower-case ASCII words joined by '-', at most `limit` characters, cut between words
    ("Metropolia GZM kupi nowe autobusy" -> "metropolia-gzm-kupi-nowe-autobusy"); '' if none."""
    words = re.findall(r"[a-z0-9]+", normalise(text or ""))
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > limit:
            break
        kept.append(word[:limit])
    return "-".join(kept)


class WebStore:
    """The run folder of the web page."""

    def __init__(self, root: str | Path):
        self.root = Path(root).expanduser().resolve()
        try:
            (self.root / SOURCES_DIR).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PressnlpError(f"--store {root}: cannot create the folder ({exc.strerror or exc})") from exc
        self._output = OutputFolder(self.root)
        self._lock = threading.Lock()
        self._jobs = self._read_jobs()

    @property
    def sources(self) -> Path:
        return self.root / SOURCES_DIR

    # --- jobs -----------------------------------------------------------------------------
    def _read_jobs(self) -> dict[str, str]:
        jobs: dict[str, str] = {}
        try:
            lines = (self.root / JOBS_FILE).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return jobs
        for line in lines:
            try:
                entry = json.loads(line)
                jobs[str(entry["job"])] = str(entry["record"])
            except (json.JSONDecodeError, KeyError, TypeError):
                log.warning("%s: a line that is not a job entry; skipped", self.root / JOBS_FILE)
        return jobs

    def record_id_of_job(self, job_id: str) -> str | None:
        with self._lock:
            return self._jobs.get(job_id)

    # --- releases ---------------------------------------------------------------------------
    def source(self, record_id: str) -> bytes | None:
        """The submitted bytes of a stored release (ids of other shapes are never opened)."""
        if not STORE_ID.match(record_id):
            return None
        try:
            return (self.sources / record_id).read_bytes()
        except FileNotFoundError:
            return None

    def save(self, record: dict[str, Any], data: bytes, *, name: str, extension: str, job_id: str,
             pipeline: Pipeline, record_id: str | None = None) -> dict[str, Any]:
        """Store a processed release under an id made from its title (or keep `record_id` when it
        is processed again) and return the record as stored."""
        with self._locked() as output:
            keys = dict(output.db.execute("SELECT id, key FROM docs").fetchall())
            sha256 = record["source"]["sha256"]
            if record_id is None or not STORE_ID.match(record_id):
                record_id = _free_id(slug(record.get("title")) or slug(name) or "release", extension, sha256, keys)
            record = dict(record, id=record_id, source=dict(record["source"], path=record_id))
            atomic_write_bytes(self.sources / record_id, data)
            keys[record_id] = f"{sha256}:{pipeline.fingerprint()}"
            output.save(record, keys[record_id])
            output.write_results(sorted(keys), ["jsonl"])
            output.write_json("manifest.json", self._manifest(pipeline, len(keys)))
        with self._lock:
            self._jobs[job_id] = record_id
            with (self.root / JOBS_FILE).open("a", encoding="utf-8") as handle:
                handle.write(dumps_json({"job": job_id, "record": record_id,
                                         "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}) + "\n")
        return record

    @contextlib.contextmanager
    def _locked(self) -> Iterator[OutputFolder]:
        """The output folder's lock, waited for (a `pressnlp run` on the same folder, another server)."""
        deadline = time.monotonic() + LOCK_WAIT_S
        with contextlib.ExitStack() as stack:
            while True:
                try:
                    output = stack.enter_context(self._output.lock())
                    break
                except RunLockedError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            yield output

    def _manifest(self, pipeline: Pipeline, documents: int) -> dict[str, Any]:
        try:
            started = json.loads((self.root / "manifest.json").read_text(encoding="utf-8")).get("started")
        except (OSError, json.JSONDecodeError, AttributeError):
            started = None
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        return {"schema": "pressnlp.manifest/1", "corpus": str(self.sources), "origin": "pressnlp serve",
                "started": started or now, "updated": now, "fingerprint": pipeline.fingerprint(),
                "config": pipeline.effective_config(), "stages": pipeline.describe(),
                "counts": {"documents": documents}, "warnings": list(pipeline.context.warnings)}


def _free_id(base: str, extension: str, sha256: str, keys: dict[str, str]) -> str:
    """`base.ext`, or `base-2.ext`, ...: the first id that is free or holds these same bytes."""
    number = 1
    while True:
        candidate = f"{base}.{extension}" if number == 1 else f"{base}-{number}.{extension}"
        existing = keys.get(candidate)
        if existing is None or existing.split(":", 1)[0] == sha256:
            return candidate
        number += 1
