"""Releases submitted through the web page, processed one at a time in a background thread.

The server answers at once: the pipeline is built, its models loaded and a short release
processed (the warm-up) in the worker thread once the server has started (`start`). A release submitted
meanwhile waits behind the warm-up, and its progress says so ("warming up"). Requests only
queue work and read its state, so the page stays responsive while a release is translated; one
worker thread means stages never run concurrently (models need not be thread-safe) and the
progress of the one running job is known. An edited glossary needs no rebuild: the translate
stage reads the file again when it changed.

Finished releases go to the web store (`pressnlp.web.store`) when there is one, so their pages
outlive the server; the jobs themselves are kept in memory (the latest `keep_jobs`).
"""
from __future__ import annotations

import logging
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pressnlp.core.config import Config, load_config
from pressnlp.core.document import new_record
from pressnlp.core.errors import PressnlpError
from pressnlp.core.pipeline import WARM_UP_TEXT, Pipeline, StageProgress
from pressnlp.web.glossary import glossary_location
from pressnlp.web.store import WebStore

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
WARMING_UP = "warming up"
SHORT_TEXT = 40  # characters: shorter texts are detected together with the others of their request
T = TypeVar("T")


@dataclass
class Job:
    """One submitted release and where its processing stands."""

    id: str
    name: str
    stages: list[str]
    submitted: float = field(default_factory=time.time)
    state: str = QUEUED
    stage: str | None = None
    done_stages: int = 0
    waits_for_warm_up: bool = False  # submitted before the pipeline was ready
    started: float | None = None
    finished: float | None = None
    record: dict[str, Any] | None = None
    error: str | None = None
    future: Future[None] | None = field(default=None, repr=False)

    def elapsed(self) -> float:
        end = self.finished or time.time()
        return round(end - (self.started or self.submitted), 2)

    def status(self, warming_up: bool) -> dict[str, Any]:
        """What the page's progress bar and API clients poll; `warming_up`: the pipeline is not
        ready yet (this job waits for it)."""
        waiting = warming_up and self.state == QUEUED
        return {"id": self.id, "name": self.name, "state": self.state,
                "stage": WARMING_UP if waiting else self.stage, "stages": self.stages,
                "done_stages": self.done_stages, "warming_up": waiting, "elapsed_s": self.elapsed(),
                "error": self.error, "result_url": f"/jobs/{self.id}"}


@dataclass(frozen=True)
class Snippet:
    """A text translated for the LibreTranslate-compatible API."""

    text: str
    language: str
    confidence: float | None
    backend: str | None  # None: already in the target language


class TranslationUnavailable(PressnlpError):
    """No translation from this language here (no model, no gist)."""


class Processor:
    """The web app's pipeline and its job queue."""

    def __init__(self, config: str | Path | dict[str, Any] | None = None, *, cache_dir: Path | None = None,
                 store: WebStore | None = None, keep_jobs: int = 200):
        self._keep_jobs = keep_jobs
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._current: Job | None = None
        self.config: Config = load_config(config)
        self.store = store
        # The file the glossary page edits: the one the translate stage reads (the config's, else
        # the user's default glossary, which the stage picks up once it exists).
        self.glossary_path, self.glossary_configured = glossary_location(self.config)
        self._cache_dir = cache_dir
        self._pipeline: Pipeline | None = None
        self._ready = threading.Event()
        self._started = False
        self.startup_error: str | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pressnlp-web")

    # --- the pipeline -------------------------------------------------------------------------
    def start(self) -> None:
        """Begin the warm-up in the worker thread (once). The app calls it when the server starts,
        after everything it imports is loaded, so the warm-up never delays the first page; work
        submitted earlier starts it too."""
        with self._lock:
            if self._started:
                return
            self._started = True
        self._executor.submit(self._warm_up, self._cache_dir)

    def _warm_up(self, cache_dir: Path | None) -> None:
        """Build the pipeline, load its models and process WARM_UP_TEXT, ahead of any release."""
        started = time.perf_counter()
        try:
            pipeline = Pipeline.from_config(self.config, cache_dir=cache_dir)
            pipeline.setup()
        except Exception as exc:  # noqa: BLE001 - the page reports it; the server keeps answering
            log.exception("the pipeline could not be built")
            self.startup_error = str(exc) if isinstance(exc, PressnlpError) else f"{type(exc).__name__}: {exc}"
            self._ready.set()
            return
        pipeline.progress = self._follow
        try:
            pipeline.process_text(WARM_UP_TEXT, id="warm-up")
        except Exception:  # noqa: BLE001 - a failed warm-up only means the first release loads the models
            log.exception("warm-up failed")
        self._pipeline = pipeline
        self._ready.set()
        log.info("pipeline ready in %.1f s", time.perf_counter() - started)

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def wait_until_ready(self, timeout: float | None = None) -> bool:
        self.start()
        return self._ready.wait(timeout)

    @property
    def pipeline(self) -> Pipeline:
        """The built pipeline (waits for the warm-up)."""
        self.start()
        self._ready.wait()
        if self._pipeline is None:
            raise PressnlpError(f"the pipeline could not be built: {self.startup_error}")
        return self._pipeline

    def _follow(self, event: StageProgress) -> None:
        """Tell the running job which stage it is in (the progress the page shows)."""
        job = self._current
        if job is not None and not event.finished:
            job.stage, job.done_stages = event.stage, event.index

    @property
    def stage_names(self) -> list[str]:
        return list(self.config.pipeline.stages)

    @property
    def target_language(self) -> str:
        return self.config.pipeline.target_language

    def call(self, function: Callable[[Pipeline], T]) -> Future[T]:
        """Run `function(pipeline)` in the worker thread, after the warm-up and the releases
        queued before it (the models are never used by two threads at once)."""
        self.start()
        return self._executor.submit(lambda: function(self.pipeline))

    # --- jobs ---------------------------------------------------------------------------------
    def submit(self, data: bytes, *, name: str, fmt: str, record_id: str | None = None) -> Job:
        """Queue a release; `record_id` processes a stored release again under its own id."""
        self.start()
        job = Job(id=secrets.token_urlsafe(12), name=name, stages=self.stage_names,
                  waits_for_warm_up=not self.ready)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old_jobs()
        job.future = self._executor.submit(self._run, job, data, fmt, record_id)
        return job

    def _forget_old_jobs(self) -> None:
        finished = [job_id for job_id, job in self._jobs.items() if job.state in (DONE, FAILED)]
        for job_id in finished[:max(0, len(self._jobs) - self._keep_jobs)]:
            del self._jobs[job_id]

    def _run(self, job: Job, data: bytes, fmt: str, record_id: str | None) -> None:
        job.state, job.started = RUNNING, time.time()
        self._current = job
        try:
            pipeline = self.pipeline
            record = pipeline.process_bytes(data, id=record_id or job.name, format=fmt)
            if self.store is not None:
                record = self.store.save(record, data, name=job.name, extension=fmt,
                                         job_id=job.id, pipeline=pipeline, record_id=record_id)
            job.record = record
            job.done_stages, job.stage, job.state = len(job.stages), None, DONE
        except PressnlpError as exc:
            job.error, job.state = str(exc), FAILED
        except Exception:  # noqa: BLE001 - a bug must not kill the worker; the log has the traceback
            log.exception("processing %s failed", job.name)
            job.error, job.state = "internal error while processing this release (details in the server log)", FAILED
        finally:
            self._current = None
            job.finished = time.time()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def status(self, job: Job) -> dict[str, Any]:
        return job.status(warming_up=not self.ready)

    def recent(self, limit: int = 20) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))[:limit]

    def wait(self, job: Job, timeout: float) -> None:
        """Block up to `timeout` seconds for a job (API clients that want the record at once)."""
        if job.future is not None and timeout > 0:
            try:
                job.future.result(timeout=timeout)
            except TimeoutError:
                pass

    # --- translation of snippets (the LibreTranslate-compatible API) ----------------------------
    def translate(self, texts: list[str], source: str | None) -> Future[list[Snippet]]:
        """Translate short texts into the target language with the pipeline's own detect and
        translate stages (glossary, protected spans and memory included); `source` None detects
        each text's language."""
        return self.call(lambda pipeline: _translate(pipeline, texts, source))

    def detect(self, text: str) -> Future[Snippet]:
        """The language of a text, by the pipeline's detect stage."""
        return self.call(lambda pipeline: _detect(pipeline, text))

    def source_languages(self) -> Future[list[str]]:
        """Codes of the languages this pipeline can translate into the target language."""
        return self.call(_source_languages)

    def close(self) -> None:
        """Stop the worker (queued work is dropped); a closed processor never starts."""
        with self._lock:
            self._started = True
        self._executor.shutdown(wait=False, cancel_futures=True)


def _stage(pipeline: Pipeline, name: str) -> Any:
    for stage in pipeline.stages:
        if stage.name == name:
            return stage
    raise TranslationUnavailable(f"this server's pipeline has no {name} stage")


def _snippet_records(texts: list[str], languages: list[dict[str, Any] | None]) -> list[dict[str, Any]]:
    """Records of short texts, as the read stage would leave them, with their language if known."""
    records = []
    for number, (text, language) in enumerate(zip(texts, languages, strict=True)):
        record = new_record(f"snippet-{number}", {"path": f"snippet-{number}", "sha256": "", "format": "txt",
                                                  "encoding": "utf-8", "bytes": len(text.encode("utf-8"))})
        record["text"] = text
        record["language"] = language
        records.append(record)
    return records


def _given(code: str, text: str, confidence: float = 1.0) -> dict[str, Any]:
    return {"code": code, "confidence": confidence, "detector": "given",
            "segments": [{"start": 0, "end": len(text), "code": code}]}


def _detected(pipeline: Pipeline, texts: list[str]) -> list[dict[str, Any]]:
    """The `language` of each text by the detect stage. As LibreTranslate does, a text too short
    to tell (SHORT_TEXT characters or fewer) takes the language of all the texts together."""
    detect = Pipeline(pipeline.config, [_stage(pipeline, "detect")], pipeline.context)
    long = [number for number, text in enumerate(texts) if len(text) > SHORT_TEXT]
    records = detect.process_records(_snippet_records([texts[n] for n in long], [None] * len(long)))
    found: dict[int, dict[str, Any]] = {number: record["language"]
                                        for number, record in zip(long, records, strict=True)}
    if len(long) < len(texts):
        (overall,) = detect.process_records(_snippet_records(["\n\n".join(texts)], [None]))
        language = overall["language"] or {}
        for number, text in enumerate(texts):
            found.setdefault(number, _given(language.get("code") or "und", text, language.get("confidence") or 0.0))
    return [found[number] for number in range(len(texts))]


def _detect(pipeline: Pipeline, text: str) -> Snippet:
    (language,) = _detected(pipeline, [text])
    return Snippet(text=text, language=language.get("code") or "und", confidence=language.get("confidence"),
                   backend=None)


def _translate(pipeline: Pipeline, texts: list[str], source: str | None) -> list[Snippet]:
    target = pipeline.config.pipeline.target_language
    languages = [_given(source, text) for text in texts] if source else _detected(pipeline, texts)
    translate = Pipeline(pipeline.config, [_stage(pipeline, "translate")], pipeline.context)
    done = translate.process_records(_snippet_records(texts, languages))
    snippets = []
    for text, record in zip(texts, done, strict=True):
        language = record.get("language") or {}
        code = language.get("code") or "und"
        translation = record.get("translation")
        if translation is None and text.strip() and code not in (target, "und"):
            raise TranslationUnavailable(_why_untranslated(record, code, target))
        snippets.append(Snippet(text=translation["text"] if translation else text, language=code,
                                confidence=language.get("confidence"),
                                backend=translation.get("backend") if translation else None))
    return snippets


def _why_untranslated(record: dict[str, Any], code: str, target: str) -> str:
    run = (record.get("stages") or {}).get("translate") or {}
    reasons = [run.get("reason")] + [error.get("message") for error in record.get("errors") or []
                                     if error.get("stage") == "translate"]
    reason = next((reason for reason in reasons if reason), "no translation backend")
    return f"{code} is not available for translation into {target} ({reason})"


def _source_languages(pipeline: Pipeline) -> list[str]:
    from pressnlp.lang import pack
    from pressnlp.stages.translate.base import BackendUnavailable

    target = pipeline.config.pipeline.target_language
    translate = _stage(pipeline, "translate")
    found = []
    for code in pack.available():
        if code == target:
            continue
        try:
            translate.translator(code)
        except BackendUnavailable:
            continue
        found.append(code)
    return found
