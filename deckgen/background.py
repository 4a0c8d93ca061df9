"""A forked child that does one slow set-up while the caller goes on, then answers its calls.

``deckgen build`` loads the embedding model in a child (see ``embed.model_in_background``)
while the parent reads and segments the documents, imports python-pptx and opens the master
deck; the parent's requests for embeddings are answered by the child, so with two cores the
model load costs the build only what the parent's own work does not cover. Linux only:
elsewhere (and if fork fails) the set-up runs in the caller on the first call. The child
leaves with ``os._exit`` when the caller closes its end (it never runs the parent's clean-up
or flushes the parent's buffered output).
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Any

from .errors import DeckgenError

Handler = Callable[[Any], Any]


class Server:
    """``with Server(setup) as server: ...; value = server.call(argument)``.

    ``setup()`` runs once, in the child, and returns the function that answers each call.
    ``call`` returns what that function returned or raises the DeckgenError it (or the set-up)
    raised; a bug in the child comes back as a RuntimeError carrying the child's traceback.
    Leaving the block ends the child, at once if it is still setting up.
    """

    def __init__(self, setup: Callable[[], Handler]):
        self.setup = setup
        self.pid: int | None = None
        self.requests = self.replies = None
        self.handler: Handler | None = None

    def __enter__(self) -> Server:
        if sys.platform.startswith("linux"):
            try:
                self._fork()
            except OSError:  # no process left to fork: work in place
                self.pid = None
        return self

    def __exit__(self, *exc_info) -> None:
        if self.pid is not None:
            self.requests.close()
            self.replies.close()
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = None

    def call(self, argument):
        if self.pid is None:
            if self.handler is None:
                self.handler = self.setup()
            return self.handler(argument)
        try:
            pickle.dump(argument, self.requests)
            self.requests.flush()
            succeeded, value = pickle.load(self.replies)
        except (EOFError, BrokenPipeError):
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
