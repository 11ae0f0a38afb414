"""The attribution worker: one thread that extracts claims while ingest encodes.

Attribution (spaCy's parse and the rules) takes one core; the encoder takes all of them.
The thread runs at the lowest scheduling priority (`_yield_to_encoder`), and `busy` tells the
encoder when to leave it a core (`index.vectors.embedding.TorchEmbedder`), so the two share
the CPU without either waiting on the other.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any, TypeVar

ATTRIBUTION_NICE = 19  # the attribution thread's niceness (Linux), see `_yield_to_encoder`

_T = TypeVar("_T")


class Attributor:
    """A one-thread pool for attribution jobs that knows whether one is running or queued.

    Use it as a context manager: leaving it waits for the jobs submitted.
    """

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="attribution",
                                        initializer=_yield_to_encoder)
        self._jobs: list[Future[Any]] = []

    def submit(self, job: Callable[[Any], _T], argument: Any) -> Future[_T]:
        """Queue `job(argument)` on the attribution thread."""
        future = self._pool.submit(job, argument)
        self._jobs = [j for j in self._jobs if not j.done()] + [future]
        return future

    def busy(self) -> bool:
        """Whether a job is running or waiting to run."""
        return any(not j.done() for j in self._jobs)

    def __enter__(self) -> Attributor:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._pool.shutdown(wait=True)


def _yield_to_encoder() -> None:
    """Give the attribution thread the lowest scheduling priority, so that it runs on what
    the encoder leaves idle. The encoder splits each matrix product between two threads and
    waits for the slower half: beside a busy attribution thread of equal priority it ran at
    37% of its speed, beside one at niceness 19 at 95% (docs/benchmarks.md, "Scale").
    Only Linux sets niceness per thread id; elsewhere the same call could renice a process,
    so it is skipped."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):  # a sandbox may forbid it: attribution still runs
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), ATTRIBUTION_NICE)
