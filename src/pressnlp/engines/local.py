"""The local engine: the pipeline in this process, or in a pool of worker processes.

Workers are forked from this process after it has loaded the pipeline's read-only data (the
detector's models, the taxonomy, the gazetteer, the gist lexicon and, for a long run, every
candidate language's pack and lemmatiser), so they share those pages copy-on-write instead of
loading a copy each; when that load started a neural runtime, workers are spawned and build the
pipeline themselves (`preload`).
A worker that dies, or that overruns its batch's time budget inside code a signal cannot
interrupt, is replaced; its batches are retried one document at a time, and only a document that
brings a worker down again gets an error record.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressnlp import lang
from pressnlp.core.config import load_config
from pressnlp.core.document import Document, public_view
from pressnlp.core.pipeline import WARM_UP_TEXT, Pipeline
from pressnlp.core.stage import not_a_run_warning

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 2
GRACE_S = 30.0  # on top of the budget: worker start, model loading
POLL_S = 2.0  # how often running batches are checked against their budget
# Native runtimes that start thread pools or device contexts a forked child cannot use.
FORK_UNSAFE_MODULES = ("torch", "ctranslate2", "onnxruntime", "tokenizers")
# From this many documents the parent loads every candidate language before forking (~20 s on
# one core, ~1.2 GB shared); a shorter run's workers load only the few languages they meet.
PRELOAD_LANGUAGES_FROM = 500


@dataclass
class _Batch:
    documents: list[Document]
    attempts: int = 0
    started: float | None = None


def gather_warnings(pipeline: Pipeline, gathered: list[str], new: list[str]) -> None:
    """Warnings that a batch returned: logged once in this process (workers do not print them,
    see `quiet_run_warnings`) and kept for the run summary."""
    for warning in new:
        pipeline.context.warn(warning)
        if warning not in gathered:
            gathered.append(warning)


def quiet_run_warnings() -> None:
    """In a worker process: run warnings travel back with the results and the parent reports
    them, so the worker leaves them out of what it prints (else each would show once per worker)."""
    for handler in [*logging.getLogger().handlers, logging.lastResort]:
        if handler is not None:
            handler.addFilter(not_a_run_warning)


def crashed_record(document: Document) -> dict[str, Any]:
    record, _ = document
    record["errors"].append({"stage": "run", "type": "WorkerCrashed",
                             "message": f"the worker process died or overran the time budget "
                                        f"(limits.doc_timeout_s) on this document, {MAX_ATTEMPTS} times"})
    return public_view(record)


class LocalEngine:
    def __init__(self, pipeline: Pipeline, workers: int, documents: int | None = None):
        self.pipeline = pipeline
        self.workers = workers
        self.documents = documents  # None: unknown
        self.warnings: list[str] = []
        self._pool: ProcessPoolExecutor | None = None
        self._fork: bool | None = None  # decided when the first pool starts

    def process(self, batches: Iterator[list[Document]]) -> Iterator[dict[str, Any]]:
        if self.workers == 1:
            for batch in batches:
                yield from process_documents(self.pipeline, batch)
            self._add_warnings(self.pipeline.context.warnings)
            return
        yield from self._process_parallel(batches)

    def close(self) -> None:
        if self._pool is not None:
            _stop(self._pool)
            self._pool = None
        if self._fork:
            gc.unfreeze()  # what `preload` froze may be collected again once no worker shares it

    def _add_warnings(self, warnings: list[str]) -> None:
        gather_warnings(self.pipeline, self.warnings, warnings)

    def _new_pool(self) -> ProcessPoolExecutor:
        if self._fork is None:
            self._fork = preload(self.pipeline, languages=(self.documents or 0) >= PRELOAD_LANGUAGES_FROM)
        if self._fork:
            global _worker_pipeline
            _worker_pipeline = self.pipeline  # what the forked workers inherit
            return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=quiet_run_warnings)
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker,
                                   initargs=(self.pipeline.config.to_dict(), self.pipeline.config.source,
                                             self.pipeline.context.cache_dir))

    def _overdue(self, batch: _Batch, now: float) -> bool:
        """A batch may take doc_timeout_s per document in all (plus start-up grace) from the moment
        a worker takes it; past that, its worker is stuck where SIGALRM cannot reach."""
        timeout = self.pipeline.config.limits.doc_timeout_s
        return bool(timeout) and batch.started is not None and \
            now > batch.started + timeout * len(batch.documents) + GRACE_S

    def _process_parallel(self, batches: Iterator[list[Document]]) -> Iterator[dict[str, Any]]:
        """Batches over the pool. When the pool breaks, every batch that was running is a suspect:
        suspects run alone, one document at a time, so a crash can be blamed on one document."""
        queue: deque[_Batch] = deque()
        suspects: deque[_Batch] = deque()
        fresh = iter(batches)
        running: dict[Future, _Batch] = {}
        self._pool = self._new_pool()
        while True:
            broken = self._fill(running, queue, suspects, fresh)
            if not running and not broken:
                return
            done, _ = wait(running, timeout=POLL_S, return_when=FIRST_COMPLETED)
            now = time.monotonic()
            for future, batch in running.items():
                if batch.started is None and future.running():
                    batch.started = now
            crashed: list[_Batch] = []
            for future in done:
                batch = running.pop(future)
                try:
                    records, warnings = future.result()
                except BrokenProcessPool:
                    crashed.append(batch)
                    continue
                self._add_warnings(warnings)
                yield from records
            overdue = [batch for batch in running.values() if self._overdue(batch, now)]
            if not (broken or crashed or overdue):
                continue
            if overdue:
                log.warning("a batch overran its time budget; replacing the worker processes")
                queue.extendleft(batch for batch in running.values() if batch not in overdue)
                blamed = overdue
            else:
                log.warning("a worker process died; replacing it and retrying its documents")
                blamed = crashed + list(running.values())
            running.clear()
            _stop(self._pool, kill=True)
            self._pool = self._new_pool()
            yield from _blame(blamed, suspects)

    def _fill(self, running: dict[Future, _Batch], queue: deque[_Batch], suspects: deque[_Batch],
              fresh: Iterator[list[Document]]) -> bool:
        """Submit work; returns True when the pool turned out to be broken."""
        while len(running) < (1 if suspects else 2 * self.workers):
            if suspects:
                if running:
                    return False
                batch = suspects.popleft()
            else:
                batch = queue.popleft() if queue else _next_batch(fresh)
                if batch is None:
                    return False
            batch.started = None
            try:
                running[self._pool.submit(_work, batch.documents)] = batch
            except BrokenProcessPool:  # a worker died since the last check
                (suspects if batch.attempts else queue).appendleft(batch)
                return True
        return False


def _next_batch(fresh: Iterator[list[Document]]) -> _Batch | None:
    documents = next(fresh, None)
    return None if documents is None else _Batch(documents)


def _blame(blamed: list[_Batch], suspects: deque[_Batch]) -> Iterator[dict[str, Any]]:
    """One document that broke a worker while running alone is counted against; any other
    batch is split into single documents that run alone next."""
    if len(blamed) == 1 and len(blamed[0].documents) == 1:
        batch = blamed[0]
        if batch.attempts + 1 >= MAX_ATTEMPTS:
            yield crashed_record(batch.documents[0])
        else:
            suspects.append(_Batch(batch.documents, batch.attempts + 1))
        return
    suspects.extend(_Batch([document], batch.attempts) for batch in blamed for document in batch.documents)


def _stop(pool: ProcessPoolExecutor, kill: bool = False) -> None:
    if kill:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
    pool.shutdown(wait=kill, cancel_futures=True)


_worker_pipeline: Pipeline | None = None


def candidate_languages(pipeline: Pipeline) -> list[str]:
    """The languages the pipeline's detect stage may report (none without one)."""
    detect = next((stage for stage in pipeline.stages if stage.name == "detect"), None)
    return list(getattr(detect.options, "languages", ())) if detect is not None else []


def preload(pipeline: Pipeline, *, languages: bool = True) -> bool:
    """Load the pipeline's models and data in this process, ready to be shared by forked workers;
    False when that started a runtime that must not be forked (torch, CTranslate2: their threads
    and device state do not survive fork), so workers must be spawned instead.

    The warm-up text goes through a twin of the pipeline with the translation memory off: the
    memory's SQLite connection must not cross a fork and the warm-up is no user's text; the twin's
    warnings are not the run's (the workers report the run's own). The twin shares the module-level
    data (language packs, lexicons, detector models) with `pipeline`, which itself only runs
    `setup` here. With `languages`, every language detect may report then loads its models, data
    files and lemmatiser. gc.freeze() keeps the collector from writing to (and so copying) the shared pages."""
    pipeline.setup()
    config = pipeline.config.to_dict()
    if "translate" in pipeline.config.pipeline.stages:
        config.setdefault("stages", {}).setdefault("translate", {})["memory"] = False
    twin = load_config(config)
    twin.source = pipeline.config.source
    logging.disable(logging.WARNING)
    try:
        Pipeline.from_config(twin, cache_dir=pipeline.context.cache_dir).process_text(WARM_UP_TEXT, id="warm-up")
    finally:
        logging.disable(logging.NOTSET)
    if languages:
        for stage in pipeline.stages:
            stage.preload()
        for code in candidate_languages(pipeline):
            pack = lang.find(code)
            if pack is not None:
                pack.preload()
    if any(name in sys.modules for name in FORK_UNSAFE_MODULES):
        return False
    gc.collect()
    gc.freeze()
    return True


def _init_worker(config: dict[str, Any], source: str | None, cache_dir: Path | None) -> None:
    global _worker_pipeline
    quiet_run_warnings()
    loaded = load_config(config)
    loaded.source = source
    _worker_pipeline = Pipeline.from_config(loaded, cache_dir=cache_dir)


def process_documents(pipeline: Pipeline, documents: list[Document]) -> list[dict[str, Any]]:
    """`pipeline` over a batch of documents (the records with their contexts)."""
    return pipeline.process_records([record for record, _ in documents], [context for _, context in documents])


def _work(documents: list[Document]) -> tuple[list[dict[str, Any]], list[str]]:
    if _worker_pipeline is None:
        raise RuntimeError("worker used before its initializer ran")
    return process_documents(_worker_pipeline, documents), list(_worker_pipeline.context.warnings)
