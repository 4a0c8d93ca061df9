"""Run one function in a forked child process while the caller goes on with other work.

The CLI builds the outline this way (loading the embedding model is most of it) while it
loads the layout, imports python-pptx and opens the master, so on two CPUs a build costs the
longer of the two instead of their sum. The outline is the same either way.

Edge cases:
* Only where forking is safe and can help: Linux, more than one CPU to run on (``taskset``
  limits it), and a calling process that is still single-threaded (a fork copies one thread;
  locks held by the others would never be released in the child). Otherwise the function
  runs in the calling process when the ``Background`` is made, and ``result`` hands back
  what it gave.
* An exception raised in the child is re-raised by ``result``; one that cannot be pickled
  comes back as a DeckgenError with its text. A child that dies without a result (killed,
  out of memory) is a DeckgenError too.
* Leaving the ``with`` block before ``result`` (an error in the caller's own work) kills the
  child, so nothing keeps running.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Any

from .errors import DeckgenError


def can_fork() -> bool:
    """True on Linux when this process may run on several CPUs and has a single thread."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1 and len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


class Background:
    """``function(*args)`` running in a child process; ``result()`` waits for it."""

    def __init__(self, function: Callable[..., Any], *args: Any):
        self._pid = None
        self._outcome: tuple[bool, Any] | None = None
        if not can_fork():
            self._outcome = _call(function, args)
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, and leave without running the parent's exit handlers
            os.close(read_end)
            try:
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(_dumps(_call(function, args)))
            finally:
                os._exit(0)
        os.close(write_end)
        self._pid, self._pipe = pid, os.fdopen(read_end, "rb")

    def result(self) -> Any:
        """The function's return value; raises what it raised."""
        if self._outcome is None:
            data = self._pipe.read()
            self._pipe.close()
            _, status = os.waitpid(self._pid, 0)
            self._pid = None
            if not data:
                raise DeckgenError(f"the outline process ended without a result (exit status {status})")
            self._outcome = pickle.loads(data)
        ok, value = self._outcome
        if not ok:
            raise value
        return value

    def __enter__(self) -> Background:
        return self

    def __exit__(self, *exc_info) -> None:
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pipe.close()
            self._pid = None


def _call(function: Callable[..., Any], args: tuple) -> tuple[bool, Any]:
    try:
        return True, function(*args)
    except Exception as exc:  # handed to the caller, who re-raises it
        return False, exc


def _dumps(outcome: tuple[bool, Any]) -> bytes:
    """The pickled outcome; an exception that cannot be pickled is sent as its text."""
    try:
        return pickle.dumps(outcome)
    except Exception:
        ok, value = outcome
        return pickle.dumps((False, DeckgenError(f"{value.__class__.__name__}: {value}" if not ok else
                                                 "the outline could not be sent back from its process")))
