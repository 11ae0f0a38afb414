"""The attribution worker thread: it says when it is busy, and yields the CPU to the encoder."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from index.attributor import ATTRIBUTION_NICE, Attributor


def test_busy_while_a_job_runs_or_waits_and_idle_once_all_are_done() -> None:
    release = threading.Event()
    with Attributor() as attributor:
        assert not attributor.busy()
        first = attributor.submit(lambda event: event.wait(10), release)
        second = attributor.submit(lambda n: n + 1, 41)  # queued behind the first
        assert attributor.busy()
        release.set()
        assert first.result(10) is True and second.result(10) == 42
        assert not attributor.busy()


def test_a_failed_job_raises_where_its_result_is_asked_for() -> None:
    with Attributor() as attributor:
        job = attributor.submit(lambda text: int(text), "not a number")
        with pytest.raises(ValueError):
            job.result(10)
        assert not attributor.busy()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="niceness per thread: Linux")
def test_the_thread_runs_at_the_lowest_priority() -> None:
    with Attributor() as attributor:
        nice = attributor.submit(
            lambda _: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()), None)
        # Lowering one's own priority is always allowed on Linux, so it must have happened.
        assert nice.result(10) == ATTRIBUTION_NICE
