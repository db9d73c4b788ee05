"""Releases submitted through the web page, processed one at a time in a background thread.

The pipeline is built and its models loaded once, when the server starts. Requests only queue
work and read its state, so the page stays responsive while a release is translated; one worker
thread means stages never run concurrently (models need not be thread-safe) and the progress of
the one running job is known. An edited glossary needs no rebuild: the translate stage reads the
file again when it changed.
"""
from __future__ import annotations

import logging
import secrets
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressnlp.core.config import Config, load_config
from pressnlp.core.errors import PressnlpError
from pressnlp.core.pipeline import Pipeline, StageProgress
from pressnlp.web.glossary import glossary_location

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
# A short release in the project's main language: processing it at start makes the stages load
# what they load on first use (translators, dictionaries) before the first real release.
WARM_UP_TEXT = ("Katowice, 2 stycznia 2024 r.\n\nMetropolia GZM zaprasza na konferencję o transporcie "
                "publicznym.\n\nKontakt: biuro@example.pl, tel. 32 000 00 00")


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
    started: float | None = None
    finished: float | None = None
    record: dict[str, Any] | None = None
    error: str | None = None
    future: Future[None] | None = field(default=None, repr=False)

    def elapsed(self) -> float:
        end = self.finished or time.time()
        return round(end - (self.started or self.submitted), 2)

    def status(self) -> dict[str, Any]:
        """What the page's progress bar and API clients poll."""
        return {"id": self.id, "name": self.name, "state": self.state, "stage": self.stage,
                "stages": self.stages, "done_stages": self.done_stages, "elapsed_s": self.elapsed(),
                "error": self.error, "result_url": f"/jobs/{self.id}"}


class Processor:
    """The web app's pipeline and its job queue."""

    def __init__(self, config: str | Path | dict[str, Any] | None = None, *, cache_dir: Path | None = None,
                 keep_jobs: int = 200):
        self._keep_jobs = keep_jobs
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._current: Job | None = None
        self.config: Config = load_config(config)
        # The file the glossary page edits: the one the translate stage reads (the config's, else
        # the user's default glossary, which the stage picks up once it exists).
        self.glossary_path, self.glossary_configured = glossary_location(self.config)
        self.pipeline = self._build(cache_dir)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pressnlp-web")

    # --- the pipeline -------------------------------------------------------------------------
    def _build(self, cache_dir: Path | None) -> Pipeline:
        """Build the pipeline and load its models."""
        pipeline = Pipeline.from_config(self.config, cache_dir=cache_dir)
        pipeline.setup()
        pipeline.progress = self._follow
        return pipeline

    def _follow(self, event: StageProgress) -> None:
        """Tell the running job which stage it is in (the progress the page shows)."""
        job = self._current
        if job is not None and not event.finished:
            job.stage, job.done_stages = event.stage, event.index

    def warm_up(self) -> None:
        """Process WARM_UP_TEXT in the worker thread, ahead of any submitted release."""
        self._executor.submit(self._warm_up)

    def _warm_up(self) -> None:
        started = time.perf_counter()
        try:
            self.pipeline.process_text(WARM_UP_TEXT, id="warm-up")
        except Exception:  # noqa: BLE001 - a failed warm-up only means the first release loads the models
            log.exception("warm-up failed")
        log.info("pipeline warmed up in %.1f s", time.perf_counter() - started)

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.pipeline.stages]

    @property
    def target_language(self) -> str:
        return self.config.pipeline.target_language

    # --- jobs ---------------------------------------------------------------------------------
    def submit(self, data: bytes, *, name: str, fmt: str) -> Job:
        job = Job(id=secrets.token_urlsafe(12), name=name, stages=self.stage_names)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old_jobs()
        job.future = self._executor.submit(self._run, job, data, fmt)
        return job

    def _forget_old_jobs(self) -> None:
        finished = [job_id for job_id, job in self._jobs.items() if job.state in (DONE, FAILED)]
        for job_id in finished[:max(0, len(self._jobs) - self._keep_jobs)]:
            del self._jobs[job_id]

    def _run(self, job: Job, data: bytes, fmt: str) -> None:
        job.state, job.started = RUNNING, time.time()
        self._current = job
        try:
            job.record = self.pipeline.process_bytes(data, id=job.name, format=fmt)
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

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
