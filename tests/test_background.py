"""The outline is built in a forked child while the parent opens the master deck."""

import os
import sys
import time

import pytest

from deckgen.background import Background
from deckgen.errors import InputError


def pid_and(value):
    return os.getpid(), value


def fail_on_input(path):
    raise InputError(f"{path}: no such file")


def crash():
    return 1 / 0


def sleep_long():
    time.sleep(60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")
def test_the_work_runs_in_another_process_and_its_result_comes_back():
    with Background(pid_and, {"a": (1, 2.5, "é")}) as work:
        pid, value = work.result()
    assert pid != os.getpid() and value == {"a": (1, 2.5, "é")}


def test_a_deckgen_error_in_the_work_is_raised_with_its_message():
    with Background(fail_on_input, "story.txt") as work, pytest.raises(InputError, match="story.txt: no such file"):
        work.result()


def test_a_bug_in_the_work_comes_back_with_its_traceback():
    with Background(crash) as work, pytest.raises((RuntimeError, ZeroDivisionError)) as raised:
        work.result()
    if sys.platform.startswith("linux"):
        assert "ZeroDivisionError" in str(raised.value) and "crash" in str(raised.value)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")
def test_leaving_early_kills_the_child_and_leaves_no_zombie():
    started = time.monotonic()
    with pytest.raises(ValueError), Background(sleep_long) as work:
        child = work.pid
        raise ValueError("the master deck is bad")
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already reaped


def test_without_fork_the_work_runs_in_place(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    with Background(pid_and, 7) as work:
        assert work.pid is None
        assert work.result() == (os.getpid(), 7)
