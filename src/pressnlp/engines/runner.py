"""Running a pipeline over a corpus: the part every engine shares.

Discovery, the incremental cache, the output folder and the manifest live here; an engine only
turns batches of new documents (each an initial record with its context: where the file's bytes
are) into finished records (locally or on a Dask cluster). Results
are written as they arrive; OUT/results.jsonl is assembled at the end, atomically.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pressnlp.core.config import OUTPUT_FORMATS
from pressnlp.core.document import Document, DocumentContext, new_record, public_view
from pressnlp.core.errors import PressnlpError
from pressnlp.core.pipeline import Pipeline
from pressnlp.engines.corpus import CorpusFile, discover
from pressnlp.engines.output import OutputFolder
from pressnlp.engines.storage import Storage
from pressnlp.report.html import stream_report

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")


@dataclass
class RunSummary:
    """What a run did; `exit_code` follows the CLI contract (0 all ok, 1 some failed)."""

    out: str
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


class Engine(Protocol):
    """Turns new documents into processed records, in any order."""

    warnings: list[str]

    def process(self, batches: Iterator[list[Document]]) -> Iterator[dict[str, Any]]: ...

    def close(self) -> None: ...


def make_engine(name: str, pipeline: Pipeline, *, workers: int, scheduler: str | None = None,
                documents: int | None = None) -> Engine:
    """`documents`: how many the run will hand over, when known (the local engine sizes its start to it)."""
    if name == "local":
        from pressnlp.engines.local import LocalEngine

        return LocalEngine(pipeline, workers, documents=documents)
    if name == "dask":
        from pressnlp.engines.dask import DaskEngine

        return DaskEngine(pipeline, workers, scheduler)
    raise PressnlpError(f"unknown engine '{name}'; valid engines: {', '.join(ENGINES)}")


def initial_record(file: CorpusFile) -> dict[str, Any]:
    return new_record(file.id, {"path": file.id, "sha256": file.sha256, "format": file.format,
                                "encoding": None, "bytes": file.size})


def error_record(file: CorpusFile, stage: str, error_type: str, message: str) -> dict[str, Any]:
    """A finished record for a document no stage could work on."""
    record = initial_record(file)
    record["errors"].append({"stage": stage, "type": error_type, "message": message})
    record["stages"][stage] = {"status": "failed", "ms": 0.0}
    return public_view(record)


def run_corpus(pipeline: Pipeline, corpus: str | Path, out: str | Path, *, engine: str = "local",
               workers: int | None = None, batch_size: int | None = None, formats: list[str] | None = None,
               retry_failed: bool | None = None, progress: bool | None = None,
               scheduler: str | None = None) -> RunSummary:
    """Process every release under `corpus` into `out` (local paths or fsspec URLs); arguments
    left None come from the config's [run] section."""
    options = pipeline.config.run
    workers = workers or options.workers
    batch_size = batch_size or options.batch_size
    formats = formats or options.formats
    retry_failed = options.retry_failed if retry_failed is None else retry_failed
    unknown = sorted(set(formats) - set(OUTPUT_FORMATS))
    if unknown:
        raise PressnlpError(f"unknown output format '{unknown[0]}'; valid: {', '.join(OUTPUT_FORMATS)}")
    if "parquet" in formats:
        import pressnlp.io.arrow  # noqa: F401 - without the data extra, fail before the run rather than after it
    source = Storage(corpus)
    if not source.is_dir():
        raise PressnlpError(f"{corpus}: corpus folder not found")
    started = time.time()
    output = OutputFolder(out)
    with output.lock():
        files, ignored = discover(source, exclude=[output.location])
        fingerprint = pipeline.fingerprint()
        keys = {f.id: f"{f.version}:{fingerprint}" for f in files}
        pending = [f for f in files if not output.is_current(f.id, keys[f.id], retry_failed=retry_failed)]
        summary = RunSummary(out=output.location, documents=len(files), ignored=len(ignored),
                             cached=len(files) - len(pending))
        log.info("%d documents, %d to process, %d unchanged", len(files), len(pending), summary.cached)
        if pending:
            _process(pipeline, source, pending, output, keys, summary, engine=engine, workers=workers,
                     batch_size=batch_size, scheduler=scheduler, progress=progress)
        timings = _Timings()

        def visit(record: dict[str, Any]) -> None:
            summary.failed += bool(record["errors"])
            timings.add(record)

        output.write_results([f.id for f in files], formats, visit=visit)
        summary.seconds = round(time.time() - started, 3)
        manifest = _manifest(pipeline, source, fingerprint, summary, timings, started, engine=engine,
                             workers=workers)
        output.write_json("manifest.json", manifest)
        ids = [f.id for f in files]
        with output.storage.writer("report.html") as handle:
            handle.writelines(stream_report(lambda: output.records(ids), manifest))
    return summary


def _process(pipeline: Pipeline, source: Storage, pending: list[CorpusFile], output: OutputFolder,
             keys: dict[str, str], summary: RunSummary, *, engine: str, workers: int, batch_size: int,
             scheduler: str | None, progress: bool | None) -> None:
    from tqdm import tqdm

    ship_content = not source.shared_between_processes

    def batches() -> Iterator[list[Document]]:
        batch: list[Document] = []
        for file in pending:
            if file.error:
                continue
            context = DocumentContext(content=source.read_bytes(file.id) if ship_content else None,
                                      location=file.location)
            batch.append((initial_record(file), context))
            if len(batch) == batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(pending), unit="doc", disable=not show, dynamic_ncols=True)
    runner = make_engine(engine, pipeline, workers=workers, scheduler=scheduler,
                         documents=sum(1 for file in pending if not file.error))
    try:
        for file in pending:
            if file.error:
                output.save(error_record(file, "read", "OSError", file.error), keys[file.id])
                summary.processed += 1
                bar.update(1)
        for record in runner.process(batches()):
            output.save(record, keys[record["id"]])
            summary.processed += 1
            bar.update(1)
    finally:
        runner.close()
        bar.close()
        summary.warnings.extend(w for w in runner.warnings if w not in summary.warnings)


class _Timings:
    def __init__(self) -> None:
        self.stages: dict[str, dict[str, float]] = {}

    def add(self, record: dict[str, Any]) -> None:
        for name, run in record["stages"].items():
            entry = self.stages.setdefault(name, {"documents": 0, "total_ms": 0.0})
            entry["documents"] += 1
            entry["total_ms"] += run.get("ms", 0.0)

    def to_dict(self) -> dict[str, dict[str, float]]:
        return {name: {"documents": entry["documents"], "total_ms": round(entry["total_ms"], 3),
                       "mean_ms": round(entry["total_ms"] / entry["documents"], 3)}
                for name, entry in self.stages.items()}


def _library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    names = ("pressnlp", "langdetect", "lingua-language-detector", "morfeusz2", "simplemma",
             "trafilatura", "charset-normalizer", "phonenumbers", "torch", "transformers",
             "ctranslate2", "sentencepiece", "datasets", "dask", "distributed", "fsspec")
    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            continue
    return found


def _manifest(pipeline: Pipeline, source: Storage, fingerprint: str, summary: RunSummary, timings: _Timings,
              started: float, *, engine: str, workers: int) -> dict[str, Any]:
    return {
        "schema": "pressnlp.manifest/1",
        "corpus": str(source.local_path().resolve()) if source.local else source.location,
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "seconds": summary.seconds,
        "engine": {"name": engine, "workers": workers},
        "python": sys.version.split()[0],
        "host_cpus": os.cpu_count(),
        "libraries": _library_versions(),
        "fingerprint": fingerprint,
        "config": pipeline.effective_config(),
        "stages": pipeline.describe(),
        "counts": {"documents": summary.documents, "processed": summary.processed,
                   "cached": summary.cached, "failed": summary.failed, "ignored": summary.ignored},
        "timings": timings.to_dict(),
        "warnings": summary.warnings,
    }
