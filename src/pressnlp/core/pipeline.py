"""A pipeline: stages built from a config, checked at build time, run over batches of records.

Running over a corpus folder and reading files by path are the facade's (`pressnlp.api`): they
need the engines and the readers, which the core does not import."""
from __future__ import annotations

import copy
import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pressnlp._version import __version__
from pressnlp.core.budget import time_budget
from pressnlp.core.config import Config, effective_config, load_config
from pressnlp.core.document import DocumentContext, new_record, public_view
from pressnlp.core.errors import ConfigError, PressnlpError, StageError
from pressnlp.core.registry import get_stage
from pressnlp.core.stage import SKIP_REASON_KEY, Stage, StageContext, build_options

log = logging.getLogger(__name__)

# Fields every record has before the first stage runs.
INITIAL_FIELDS = ("id", "source")
# A short release in the project's main language: processing it ahead of the first real release
# (the server, the parent of forked workers) makes the stages load what they load on first use.
WARM_UP_TEXT = ("Katowice, 2 stycznia 2024 r.\n\nMetropolia GZM zaprasza na konferencję o transporcie "
                "publicznym.\n\nKontakt: biuro@example.pl, tel. 32 000 00 00")


@dataclass(frozen=True)
class StageProgress:
    """A stage starting (`finished` False) or finishing on a batch: what a progress display needs
    (the web page's steps, a command-line bar, a notebook)."""

    stage: str
    index: int  # the stage's position in the pipeline, from 0
    stages: int  # how many stages the pipeline has
    records: int  # the batch's size
    finished: bool


ProgressCallback = Callable[[StageProgress], None]


class Pipeline:
    """Ordered stages plus the config they came from.

    >>> Pipeline.from_config(None).process_text("Katowice, 14 marca 2024 r. ...", id="demo")
    """

    def __init__(self, config: Config, stages: list[Stage], context: StageContext):
        self.config = config
        self.stages = stages
        self.context = context
        # told before and after each stage runs over a batch (processing waits for it to return)
        self.progress: ProgressCallback | None = None
        self._ready = False

    # --- building ---------------------------------------------------------------------------
    @classmethod
    def from_config(cls, config: str | Path | dict[str, Any] | Config | None = None,
                    *, cache_dir: Path | None = None) -> Pipeline:
        """Build and check a pipeline; unknown stages or options and unmet requirements fail here."""
        loaded = load_config(config)
        context = StageContext(target_language=loaded.pipeline.target_language, cache_dir=cache_dir,
                               config_source=loaded.source)
        provided = set(INITIAL_FIELDS)
        stages: list[Stage] = []
        for name in loaded.pipeline.stages:
            stage_cls = get_stage(name, source=loaded.source)
            missing = [field for field in stage_cls.requires if field not in provided]
            if missing:
                raise ConfigError(
                    f"stage '{name}' requires {', '.join(missing)}, which no earlier stage provides "
                    f"(stages so far: {', '.join(s.name for s in stages) or 'none'})",
                    source=loaded.source, key="pipeline.stages")
            options = build_options(stage_cls.Options, loaded.stage_options.get(name, {}),
                                    prefix=f"stages.{name}", source=loaded.source)
            stages.append(stage_cls(options, context))
            provided.update(stage_cls.provides)
        return cls(loaded, stages, context)

    def setup(self) -> Pipeline:
        """Load every stage's models once; called lazily before the first document."""
        if not self._ready:
            for stage in self.stages:
                stage.setup()
            self._ready = True
        return self

    # --- identity ---------------------------------------------------------------------------
    def effective_config(self) -> dict[str, Any]:
        return effective_config(self.config, {stage.name: stage.options for stage in self.stages})

    def describe(self) -> dict[str, Any]:
        return {stage.name: stage.describe() for stage in self.stages}

    def fingerprint(self) -> str:
        """Changes whenever a record could change: config, stage identities, package version."""
        config = self.effective_config()
        config.pop("run", None)  # scheduling does not change results
        payload = json.dumps({"config": config, "stages": self.describe(), "version": __version__},
                             sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    # --- processing -------------------------------------------------------------------------
    def process_records(self, records: list[dict[str, Any]],
                        contexts: list[DocumentContext] | None = None) -> list[dict[str, Any]]:
        """Run every stage over a batch; a failure stays with its own document. `contexts`: each
        record's working data (where its bytes are), in the same order, updated in place; empty
        ones when None."""
        self.setup()
        if contexts is None:
            contexts = [DocumentContext() for _ in records]
        for index, stage in enumerate(self.stages):
            self._notify(index, len(records), finished=False)
            records = self._run_stage(stage, records, contexts)
            self._notify(index, len(records), finished=True)
        return [public_view(record) for record in records]

    def _notify(self, index: int, size: int, *, finished: bool) -> None:
        if self.progress is not None:
            self.progress(StageProgress(self.stages[index].name, index, len(self.stages), size, finished))

    def _run_stage(self, stage: Stage, records: list[dict[str, Any]],
                   contexts: list[DocumentContext]) -> list[dict[str, Any]]:
        """The records after `stage`; `contexts` are updated in place."""
        records = list(records)
        positions = []
        text_limit = self.config.limits.text_limit(stage.name)
        for i, record in enumerate(records):
            blocked = _blocked_reason(stage, record, contexts[i])
            if blocked:
                record["stages"][stage.name] = {"status": "skipped", "reason": blocked, "ms": 0.0}
                _mark_missing(stage, contexts[i])
            elif "text" in stage.requires and len(record.get("text", "")) > text_limit:
                _record_failure(stage, record, contexts[i], StageError(
                    f"text is {len(record['text']):,} characters, over the limit of {text_limit:,} for "
                    f"stage '{stage.name}' (limits.max_text_chars)"), 0.0)
            else:
                positions.append(i)
        if not positions:
            return records
        started = time.perf_counter()
        budget = self.config.limits.doc_timeout_s * len(positions)
        # a failed batch is retried document by document, from the documents as they were before it
        pristine = {i: _snapshot(records[i], contexts[i]) for i in positions} if len(positions) > 1 else {}
        try:
            with time_budget(budget, f"stage '{stage.name}'"):
                done = stage.process_documents([records[i] for i in positions], [contexts[i] for i in positions])
            if len(done) != len(positions):
                raise PressnlpError(f"stage '{stage.name}' returned {len(done)} records for {len(positions)}")
        except Exception as exc:  # noqa: BLE001 - isolate the failing documents, then go on
            if len(positions) == 1:
                i = positions[0]
                _record_failure(stage, records[i], contexts[i], exc, time.perf_counter() - started)
            else:
                for i in positions:
                    records[i], contexts[i] = pristine[i]
                    records[i] = self._run_stage(stage, [records[i]], [contexts[i]])[0]
            return records
        per_doc_ms = round((time.perf_counter() - started) * 1000 / len(positions), 3)
        for i, record in zip(positions, done, strict=True):
            _record_outcome(stage, record, contexts[i], per_doc_ms)
            records[i] = record
        return records

    def process_text(self, text: str, *, id: str = "text", format: str = "txt") -> dict[str, Any]:
        """Process a release given as a string (the `read` stage still cleans it and finds title and date)."""
        data = text.encode("utf-8")
        return self.process_bytes(data, id=id, format=format)

    def process_bytes(self, data: bytes, *, id: str, format: str) -> dict[str, Any]:
        source = {"path": id, "sha256": hashlib.sha256(data).hexdigest(), "format": format,
                  "encoding": None, "bytes": len(data)}
        return self.process_records([new_record(id, source)], [DocumentContext(content=data)])[0]


def _snapshot(record: dict[str, Any], context: DocumentContext) -> tuple[dict[str, Any], DocumentContext]:
    """A document as it is now, to run it again alone if its batch fails: the record copied deeply
    (stages change it in place), the context's tables copied but not what they hold (a note, such as
    the glossary every document shares, is set by one stage and only read after: deep-copying it
    took ~10 ms a document and stage)."""
    return copy.deepcopy(record), replace(context, missing=dict(context.missing), notes=dict(context.notes))


def _blocked_reason(stage: Stage, record: dict[str, Any], context: DocumentContext) -> str | None:
    """Why `stage` cannot run on `record`: a failed or skipped stage was to provide what it requires."""
    by_provider: dict[str, list[str]] = {}
    for field in stage.requires:
        if field in context.missing:
            by_provider.setdefault(context.missing[field], []).append(field)
    if not by_provider:
        return None
    causes = [f"stage '{provider}' {record['stages'][provider]['status']} (no {', '.join(fields)})"
              for provider, fields in by_provider.items()]
    return "not run: " + "; ".join(causes)


def _mark_missing(stage: Stage, context: DocumentContext) -> None:
    """Remember which fields `stage` did not provide, and that it was the one to provide them."""
    context.missing.update(dict.fromkeys(stage.provides, stage.name))


def _record_outcome(stage: Stage, record: dict[str, Any], context: DocumentContext, ms: float) -> None:
    """Status of a stage that returned the record: failed when it reported an error of its own
    (a stage never says ok beside its own error), skipped when it said it did not apply, else ok."""
    reason = record.pop(SKIP_REASON_KEY, None)
    if any(error.get("stage") == stage.name for error in record["errors"]):
        record["stages"][stage.name] = {"status": "failed", "ms": ms}
        _mark_missing(stage, context)
    elif reason:
        record["stages"][stage.name] = {"status": "skipped", "reason": reason, "ms": ms}
    else:
        record["stages"][stage.name] = {"status": "ok", "ms": ms}


def _record_failure(stage: Stage, record: dict[str, Any], context: DocumentContext, exc: Exception,
                    seconds: float) -> None:
    message = str(exc) or type(exc).__name__
    log.warning("stage %s failed on %s: %s", stage.name, record.get("id"), message)
    log.debug("traceback of that failure", exc_info=exc)
    record.pop(SKIP_REASON_KEY, None)
    record["errors"].append({"stage": stage.name, "type": type(exc).__name__, "message": message})
    record["stages"][stage.name] = {"status": "failed", "ms": round(seconds * 1000, 3)}
    _mark_missing(stage, context)
