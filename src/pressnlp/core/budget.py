"""Time budgets for one stage on one document, so a pathological input cannot hang a worker.

A budget interrupts Python code through SIGALRM, so it applies only in a process's main thread
(workers and the CLI); elsewhere (a web server's thread pool) it is a no-op. Code stuck inside
a C extension is not interrupted: the parallel engine also kills and replaces such a worker.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

from pressnlp.core.errors import StageError


class DocumentTimeout(StageError):
    """A stage used up its time budget on a document."""


@contextlib.contextmanager
def time_budget(seconds: float | None, what: str) -> Iterator[None]:
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"{what} exceeded its time budget of {seconds:g} s (limits.doc_timeout_s)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
