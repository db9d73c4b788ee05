"""The Dask engine: the same batches as the local engine, on a Dask cluster.

With no scheduler address it starts a `LocalCluster` of worker processes; with one it joins an
existing cluster (dask-jobqueue on Slurm, dask-kubernetes, ...), whose workers must have pressnlp
installed. Each worker process builds the pipeline once per config and keeps its models between
batches. A batch whose worker dies is split into single documents that run alone, and only a
document that kills workers on its own gets an error record.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from typing import Any

from pressnlp.core.config import load_config
from pressnlp.core.document import Document
from pressnlp.core.errors import PressnlpError
from pressnlp.core.pipeline import Pipeline
from pressnlp.engines.local import (
    MAX_ATTEMPTS,
    crashed_record,
    gather_warnings,
    process_documents,
    quiet_run_warnings,
)

log = logging.getLogger(__name__)

_pipelines: dict[str, Pipeline] = {}  # per worker process, keyed by config fingerprint


def _work(config: dict[str, Any], fingerprint: str, documents: list[Document]) -> tuple[list[dict], list[str]]:
    pipeline = _pipelines.get(fingerprint)
    if pipeline is None:
        quiet_run_warnings()
        pipeline = _pipelines[fingerprint] = Pipeline.from_config(load_config(config))
    return process_documents(pipeline, documents), list(pipeline.context.warnings)


class DaskEngine:
    def __init__(self, pipeline: Pipeline, workers: int, scheduler: str | None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise PressnlpError("the Dask engine needs dask.distributed: pip install 'pressnlp[dask]'") from None
        self.pipeline = pipeline
        self.warnings: list[str] = []
        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
        else:
            # The local scheduler runs in this process and logs at INFO, tracebacks of the harmless
            # "comm closed" races of a shutdown included; they are shown only when our own log is.
            if not log.isEnabledFor(logging.INFO):
                logging.getLogger("distributed").setLevel(logging.ERROR)
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
        self._slots = 2 * max(1, len(self._client.scheduler_info().get("workers", {})) or workers)

    def _submit(self, documents: list[Document]) -> Any:
        return self._client.submit(_work, self._config, self._fingerprint, documents, pure=False)

    def process(self, batches: Iterator[list[Document]]) -> Iterator[dict[str, Any]]:
        """Batches over the cluster. A worker's death fails every task it held, whichever one
        killed it, so the documents of a failed batch become suspects that run alone, one at a
        time with nothing else in flight: only a document that kills a worker on its own is blamed,
        and a record never depends on which documents shared its worker."""
        from distributed import as_completed

        self._config = self.pipeline.config.to_dict()
        self._fingerprint = self.pipeline.fingerprint()
        pending: dict[Any, tuple[list[Document], int | None]] = {}  # attempts: None unless a suspect
        fresh = iter(batches)
        suspects: deque[tuple[Document, int]] = deque()

        def top_up(queue: Any) -> None:
            while len(pending) < self._slots:
                if suspects:
                    if pending:
                        return
                    document, attempts = suspects.popleft()
                    future = self._submit([document])
                    pending[future] = ([document], attempts)
                    queue.add(future)
                    return
                documents = next(fresh, None)
                if documents is None:
                    return
                future = self._submit(documents)
                pending[future] = (documents, None)
                queue.add(future)

        queue = as_completed()
        top_up(queue)
        for future in queue:
            documents, attempts = pending.pop(future)
            if future.status == "error":
                error = future.exception()
                if not _is_worker_death(error):
                    raise error
                log.warning("workers died while processing a batch of %d documents; retrying", len(documents))
                if attempts is None:
                    suspects.extend((document, 0) for document in documents)
                elif attempts + 1 < MAX_ATTEMPTS:
                    suspects.appendleft((documents[0], attempts + 1))
                else:
                    yield crashed_record(documents[0])
            else:
                done, warnings = future.result()
                gather_warnings(self.pipeline, self.warnings, warnings)
                yield from done
            future.release()
            top_up(queue)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _is_worker_death(error: BaseException) -> bool:
    from distributed.scheduler import KilledWorker

    return isinstance(error, KilledWorker)
