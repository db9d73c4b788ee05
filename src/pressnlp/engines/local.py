"""The local engine: a corpus folder through a pipeline on this machine, resumable and crash-safe.

Each finished document is written atomically to OUT/docs/ and recorded in a small SQLite state
file; a run that is killed and started again redoes only unfinished documents, and assembles
OUT/results.jsonl (sorted by id) only at the end, atomically.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressnlp.core.config import load_config
from pressnlp.core.document import new_record
from pressnlp.core.errors import PressnlpError
from pressnlp.core.pipeline import Pipeline
from pressnlp.engines.corpus import CorpusFile, discover
from pressnlp.engines.output import OutputFolder
from pressnlp.io.writers import atomic_write_json

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 2  # a document that brings a worker down twice gets an error record


@dataclass
class RunSummary:
    """What a run did; `exit_code` follows the CLI contract (0 all ok, 1 some failed)."""

    out: Path
    documents: int = 0
    processed: int = 0
    cached: int = 0
    failed: int = 0
    ignored: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


@dataclass
class _Batch:
    files: list[CorpusFile]
    attempts: int = 0


def run_corpus(pipeline: Pipeline, corpus: str | Path, out: str | Path, *, workers: int | None = None,
               batch_size: int | None = None, formats: list[str] | None = None,
               retry_failed: bool | None = None, progress: bool | None = None) -> RunSummary:
    """Process every release under `corpus` into `out`; arguments left None come from the config."""
    run_options = pipeline.config.run
    workers = workers or run_options.workers
    batch_size = batch_size or run_options.batch_size
    formats = formats or run_options.formats
    retry_failed = run_options.retry_failed if retry_failed is None else retry_failed
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise PressnlpError(f"{corpus}: corpus folder not found")
    started = time.time()
    output = OutputFolder(Path(out))
    with output.lock():
        files, ignored = discover(corpus, exclude=[output.root])
        fingerprint = pipeline.fingerprint()
        keys = {f.id: f"{f.sha256}:{fingerprint}" for f in files}
        pending = [f for f in files if not output.is_current(f.id, keys[f.id], retry_failed=retry_failed)]
        summary = RunSummary(out=output.root, documents=len(files), ignored=len(ignored),
                             cached=len(files) - len(pending))
        log.info("%d documents, %d to process, %d unchanged", len(files), len(pending), summary.cached)
        bar = _progress_bar(len(pending), progress)
        for record in _process(pipeline, pending, workers, batch_size, summary.warnings):
            output.save(record, keys[record["id"]])
            summary.processed += 1
            bar.update(1)
        bar.close()
        records = output.collect([f.id for f in files])
        summary.failed = sum(1 for record in records if record["errors"])
        output.write_results(records, formats)
        summary.seconds = round(time.time() - started, 3)
        atomic_write_json(output.root / "manifest.json",
                          _manifest(pipeline, corpus, fingerprint, summary, records, started))
    return summary


def _progress_bar(total: int, enabled: bool | None) -> Any:
    from tqdm import tqdm

    show = sys.stderr.isatty() if enabled is None else enabled
    return tqdm(total=total, unit="doc", disable=not show, dynamic_ncols=True)


def _initial_record(file: CorpusFile) -> dict[str, Any]:
    record = new_record(file.id, {"path": file.id, "sha256": file.sha256, "format": file.format,
                                  "encoding": None, "bytes": file.size})
    record["_location"] = str(file.path)
    if file.error:
        record["errors"].append({"stage": "read", "type": "OSError", "message": file.error})
        record["stages"]["read"] = {"status": "error", "ms": 0.0}
    return record


def _batches(files: list[CorpusFile], size: int) -> Iterator[_Batch]:
    for start in range(0, len(files), size):
        yield _Batch(files[start:start + size])


def _process(pipeline: Pipeline, files: list[CorpusFile], workers: int, batch_size: int,
             warnings: list[str]) -> Iterator[dict[str, Any]]:
    unreadable = [f for f in files if f.error]
    for file in unreadable:
        yield _unreadable_record(file)
    readable = [f for f in files if not f.error]
    if not readable:
        return
    if workers == 1:
        for batch in _batches(readable, batch_size):
            yield from pipeline.process_records([_initial_record(f) for f in batch.files])
        warnings.extend(w for w in pipeline.context.warnings if w not in warnings)
        return
    yield from _process_parallel(pipeline, readable, workers, batch_size, warnings)


def _unreadable_record(file: CorpusFile) -> dict[str, Any]:
    from pressnlp.core.document import public_view

    return public_view(_initial_record(file))


def _process_parallel(pipeline: Pipeline, files: list[CorpusFile], workers: int, batch_size: int,
                      warnings: list[str]) -> Iterator[dict[str, Any]]:
    """Batches over worker processes; a crashed worker is replaced and its batches retried one
    document at a time, so only a document that crashes a worker again gets an error record."""
    config = pipeline.config.to_dict()
    queue: deque[_Batch] = deque(_batches(files, batch_size))
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                               initargs=(config, pipeline.config.source, pipeline.context.cache_dir))
    running: dict[Future, _Batch] = {}
    try:
        while queue or running:
            while queue and len(running) < 2 * workers:
                batch = queue.popleft()
                running[pool.submit(_work, [_initial_record(f) for f in batch.files])] = batch
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                batch = running.pop(future)
                try:
                    records, worker_warnings = future.result()
                except BrokenProcessPool:
                    broken = True
                    yield from _requeue(batch, queue)
                    continue
                warnings.extend(w for w in worker_warnings if w not in warnings)
                yield from records
            if broken:
                for batch in running.values():
                    yield from _requeue(batch, queue)
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                log.warning("a worker process died; starting a new one and retrying its documents")
                pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                           initargs=(config, pipeline.config.source,
                                                     pipeline.context.cache_dir))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _requeue(batch: _Batch, queue: deque[_Batch]) -> Iterator[dict[str, Any]]:
    """Split a batch whose worker died into single documents; give up on a repeat offender."""
    if len(batch.files) > 1:
        queue.extend(_Batch([f], batch.attempts) for f in batch.files)
        return
    if batch.attempts + 1 < MAX_ATTEMPTS:
        queue.append(_Batch(batch.files, batch.attempts + 1))
        return
    from pressnlp.core.document import public_view

    record = _initial_record(batch.files[0])
    record["errors"].append({"stage": "run", "type": "WorkerCrashed",
                             "message": "the worker process died while processing this document "
                                        f"({MAX_ATTEMPTS} attempts)"})
    yield public_view(record)


_worker_pipeline: Pipeline | None = None


def _init_worker(config: dict[str, Any], source: str | None, cache_dir: Path | None) -> None:
    global _worker_pipeline
    loaded = load_config(config)
    loaded.source = source
    _worker_pipeline = Pipeline.from_config(loaded, cache_dir=cache_dir)


def _work(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    assert _worker_pipeline is not None, "worker used before its initializer ran"
    return _worker_pipeline.process_records(records), list(_worker_pipeline.context.warnings)


def _library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    names = ("pressnlp", "langdetect", "lingua-language-detector", "morfeusz2", "simplemma",
             "trafilatura", "charset-normalizer", "phonenumbers", "torch", "transformers",
             "ctranslate2", "sentencepiece", "datasets")
    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            continue
    return found


def _manifest(pipeline: Pipeline, corpus: Path, fingerprint: str, summary: RunSummary,
              records: list[dict[str, Any]], started: float) -> dict[str, Any]:
    timings: dict[str, dict[str, float]] = {}
    for record in records:
        for name, run in record["stages"].items():
            entry = timings.setdefault(name, {"documents": 0, "total_ms": 0.0})
            entry["documents"] += 1
            entry["total_ms"] += run.get("ms", 0.0)
    for entry in timings.values():
        entry["total_ms"] = round(entry["total_ms"], 3)
        entry["mean_ms"] = round(entry["total_ms"] / entry["documents"], 3) if entry["documents"] else 0.0
    return {
        "schema": "pressnlp.manifest/1",
        "corpus": str(corpus.resolve()),
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "seconds": summary.seconds,
        "python": sys.version.split()[0],
        "host_cpus": os.cpu_count(),
        "libraries": _library_versions(),
        "fingerprint": fingerprint,
        "config": pipeline.effective_config(),
        "stages": pipeline.describe(),
        "counts": {"documents": summary.documents, "processed": summary.processed,
                   "cached": summary.cached, "failed": summary.failed, "ignored": summary.ignored},
        "timings": timings,
        "warnings": summary.warnings,
    }
