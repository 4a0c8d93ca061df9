"""Forked children that do one slow set-up while the caller goes on, then answer its calls:
the one mechanism for work in other processes.

* ``Server``: one child. ``deckgen build`` loads the embedding model in it (see
  ``embed.model_in_background``) while the parent reads and segments the documents, imports
  python-pptx and opens the master deck; the parent's requests for embeddings are answered by
  the child, so with two cores the model load costs the build only what the parent's own work
  does not cover.
* ``ordered_map``: ``jobs`` children, each loading the models once (``load_models``), sharing
  a stream of tasks (``deckgen keypoints`` and ``build --each`` with ``--jobs``).

Linux only: elsewhere (and if fork fails) the set-up runs in the caller on the first call. A
child leaves with ``os._exit`` when the caller closes its end (it never runs the parent's
clean-up or flushes the parent's buffered output). Arguments and answers are pickled; the
set-up and the answering function are not (the child has them from the fork).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .errors import DeckgenError

Handler = Callable[[Any], Any]
Item = TypeVar("Item")
Result = TypeVar("Result")
PENDING_PER_JOB = 4  # tasks in flight per child: enough to keep it busy; small answers fit the pipe


def load_models() -> None:
    """Load every model a worker needs before its first task (add a model's loader here)."""
    from .embed import load_model

    load_model()


def ordered_map(function: Callable[[Item], Result], items: Iterable[Item], jobs: int,
                setup: Callable[[], None] = load_models) -> Iterator[Result]:
    """``map(function, items)`` in input order; with ``jobs`` > 1 in that many children (each
    running ``setup`` once), tasks dealt round the children with a bounded window in flight.
    A task's DeckgenError is raised here, in its turn."""
    if jobs <= 1:
        yield from map(function, items)
        return

    def child_setup() -> Handler:
        setup()
        return function

    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(Server(child_setup)) for _ in range(jobs)]
        pending: deque[Server] = deque()
        for index, item in enumerate(items):
            server = servers[index % jobs]
            server.submit(item)
            pending.append(server)
            if len(pending) >= jobs * PENDING_PER_JOB:
                yield pending.popleft().answer()
        while pending:
            yield pending.popleft().answer()


class Server:
    """``with Server(setup) as server: ...; value = server.call(argument)``.

    ``setup()`` runs once, in the child, and returns the function that answers each call.
    ``call`` returns what that function returned or raises the DeckgenError it (or the set-up)
    raised; a bug in the child comes back as a RuntimeError carrying the child's traceback.
    ``submit`` and ``answer`` split a call in two, so that several children work at once
    (answers come back in the order of the submissions). Leaving the block ends the child, at
    once if it is still setting up.
    """

    def __init__(self, setup: Callable[[], Handler]):
        self.setup = setup
        self.pid: int | None = None
        self.requests = self.replies = None
        self.handler: Handler | None = None
        self.waiting: deque[Any] = deque()  # without a child: the arguments submitted, not yet answered

    def __enter__(self) -> Server:
        if sys.platform.startswith("linux"):
            try:
                self._fork()
            except OSError:  # no process left to fork: work in place
                self.pid = None
        return self

    def __exit__(self, *exc_info) -> None:
        if self.pid is not None:
            try:
                self.requests.close()
            except BrokenPipeError:  # the child died with a request half sent: nothing to flush to
                pass
            self.replies.close()
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = None

    def call(self, argument):
        self.submit(argument)
        return self.answer()

    def submit(self, argument) -> None:
        """Send ``argument`` to the child (without one: keep it for ``answer``)."""
        if self.pid is None:
            self.waiting.append(argument)
            return
        try:
            pickle.dump(argument, self.requests)
            self.requests.flush()
        except BrokenPipeError:
            raise DeckgenError("the process loading the model ended without an answer (out of memory?)") from None

    def answer(self):
        """The answer to the oldest argument submitted and not yet answered."""
        if self.pid is None:
            if self.handler is None:
                self.handler = self.setup()
            return self.handler(self.waiting.popleft())
        try:
            succeeded, value = pickle.load(self.replies)
        except EOFError:
            raise DeckgenError("the process loading the model ended without an answer (out of memory?)") from None
        if succeeded:
            return value
        raise value

    def _fork(self) -> None:
        request_read, request_write = os.pipe()
        reply_read, reply_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: set up, answer until the parent closes its end, leave
            os.close(request_write)
            os.close(reply_read)
            status = 0
            try:
                with os.fdopen(request_read, "rb") as requests, os.fdopen(reply_write, "wb") as replies:
                    self._serve(requests, replies)
            except BaseException:  # interrupted, or an unpicklable answer: the parent sees EOF
                status = 1
            os._exit(status)
        os.close(request_read)
        os.close(reply_write)
        self.pid = pid
        self.requests, self.replies = os.fdopen(request_write, "wb"), os.fdopen(reply_read, "rb")

    def _serve(self, requests, replies) -> None:
        handler, failure = None, None
        try:
            handler = self.setup()
        except Exception as exc:  # every call gets the set-up's error
            failure = _failure(exc)
        while True:
            try:
                argument = pickle.load(requests)
            except EOFError:
                return
            if failure:
                outcome = failure
            else:
                try:
                    outcome = True, handler(argument)
                except Exception as exc:
                    outcome = _failure(exc)
            pickle.dump(outcome, replies)
            replies.flush()


def _failure(exc: Exception) -> tuple[bool, Exception]:
    if isinstance(exc, DeckgenError):
        return False, exc
    return False, RuntimeError("in the process loading the model:\n" + traceback.format_exc())
