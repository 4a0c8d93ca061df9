"""One piece of work done in a forked child process while the caller goes on with its own.

``deckgen build`` builds the outline (importing numpy, loading the model, summarizing) in a
child while the parent loads python-pptx and opens the master deck: with two cores the slower
of the two sets the time, not their sum. Linux only: elsewhere (and if fork fails) the work
runs in the caller when its result is asked for. The child computes and pipes back its pickled
result, or the DeckgenError it raised, then leaves with ``os._exit`` (it never runs the
parent's clean-up or flushes the parent's buffered output).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from .errors import DeckgenError

Result = TypeVar("Result")


class Background(Generic[Result]):
    """``with Background(function, *args) as work: ...; value = work.result()``.

    ``result`` returns what ``function(*args)`` returned or raises the DeckgenError it raised;
    a bug in the child comes back as a RuntimeError carrying the child's traceback. Leaving the
    block before asking for the result (an error in the caller's own work) kills the child.
    """

    def __init__(self, function: Callable[..., Result], *args):
        self.function, self.args = function, args
        self.pid: int | None = None
        self.pipe = None

    def __enter__(self) -> Background[Result]:
        if sys.platform.startswith("linux"):
            try:
                self._fork()
            except OSError:  # no process left to fork: do the work in place
                self.pid = None
        return self

    def __exit__(self, *exc_info) -> None:
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap()

    def result(self) -> Result:
        if self.pid is None:
            return self.function(*self.args)
        try:
            succeeded, value = pickle.load(self.pipe)
        except EOFError:
            raise DeckgenError("the process building the outline ended without a result "
                               "(out of memory?)") from None
        finally:
            self._reap()
        if succeeded:
            return value
        raise value

    def _fork(self) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, leave
            os.close(read_end)
            status = 0
            try:
                with os.fdopen(write_end, "wb") as pipe:
                    pickle.dump(self._outcome(), pipe)
            except BaseException:  # interrupted, or an unpicklable result: the parent sees EOF
                status = 1
            os._exit(status)
        os.close(write_end)
        self.pid, self.pipe = pid, os.fdopen(read_end, "rb")

    def _outcome(self) -> tuple[bool, object]:
        try:
            return True, self.function(*self.args)
        except DeckgenError as exc:
            return False, exc
        except Exception:
            return False, RuntimeError("in the process building the outline:\n" + traceback.format_exc())

    def _reap(self) -> None:
        self.pipe.close()
        os.waitpid(self.pid, 0)
        self.pid = None
