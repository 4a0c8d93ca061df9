"""The background process the CLI builds the outline in: results, errors and clean-up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from deckgen import background
from deckgen.background import Background, can_fork
from deckgen.errors import DeckgenError, InputError

ROOT = Path(__file__).resolve().parent.parent
forking = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the background process needs fork")


@pytest.fixture
def forced_fork(monkeypatch):
    """Fork even if pytest has started threads: the functions below take no locks."""
    monkeypatch.setattr(background, "can_fork", lambda: True)


def child_pid() -> int:
    return os.getpid()


def fail_with_input_error(path: str):
    raise InputError(f"{path}: no such file")


class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("cannot pickle this")


def fail_unpicklably():
    raise Unpicklable("disk on fire")


def die():
    os._exit(3)


def wait_for_ever():
    threading.Event().wait()


@forking
def test_the_function_runs_in_another_process_and_its_value_comes_back(forced_fork):
    with Background(child_pid) as pending:
        assert pending.result() != os.getpid()
        assert pending.result() == pending.result()  # the outcome is kept, asked twice


@forking
def test_an_error_in_the_child_is_raised_in_the_caller_with_its_class(forced_fork):
    with Background(fail_with_input_error, "in.txt") as pending:
        with pytest.raises(InputError, match=r"^in\.txt: no such file$"):
            pending.result()


@forking
def test_an_error_that_cannot_be_pickled_comes_back_as_its_text(forced_fork):
    with Background(fail_unpicklably) as pending:
        with pytest.raises(DeckgenError, match="Unpicklable: disk on fire"):
            pending.result()


@forking
def test_a_child_that_dies_without_a_result_is_a_deckgen_error(forced_fork):
    with Background(die) as pending:
        with pytest.raises(DeckgenError, match="ended without a result"):
            pending.result()


@forking
def test_leaving_early_kills_the_child(forced_fork):
    with pytest.raises(RuntimeError):
        with Background(wait_for_ever) as pending:
            pid = pending._pid
            raise RuntimeError("the caller's own work failed")
    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(pid, os.WNOHANG)


def test_without_fork_the_function_runs_at_once_in_this_process(monkeypatch):
    monkeypatch.setattr(background, "can_fork", lambda: False)
    with Background(child_pid) as pending:
        assert pending.result() == os.getpid()
    with Background(fail_with_input_error, "in.txt") as pending:
        with pytest.raises(InputError):
            pending.result()


def test_a_process_with_threads_does_not_fork():
    started = threading.Event()
    thread = threading.Thread(target=lambda: started.wait(5))
    thread.start()
    try:
        assert can_fork() is False
    finally:
        started.set()
        thread.join()


@forking
def test_a_fresh_single_threaded_process_forks_when_it_has_two_cpus():
    code = "from deckgen.background import can_fork; print(can_fork())"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == str(len(os.sched_getaffinity(0)) > 1)


@forking
@pytest.mark.skipif(not shutil.which("taskset"), reason="needs taskset")
def test_a_process_kept_to_one_cpu_does_not_fork():
    code = "from deckgen.background import can_fork; print(can_fork())"
    output = subprocess.run(["taskset", "-c", str(min(os.sched_getaffinity(0))), sys.executable, "-c", code],
                            capture_output=True, text=True, check=True).stdout
    assert output.strip() == "False"


def test_the_cli_build_gives_the_same_deck_as_the_library(tmp_path):
    """The CLI (a fresh process: the outline is built in the background where it can be) and the
    library called in one process write the same bytes."""
    from deckgen.layouts import load_layout
    from deckgen.pipeline import OutlineRequest, build_outline
    from deckgen.brief import load_brief
    from deckgen.render import render_deck

    brief = ROOT / "seeds" / "iraq-coalition.brief.yaml"
    subprocess.run([sys.executable, "-m", "deckgen.cli", "build", "--brief", str(brief), "-o",
                    str(tmp_path / "cli.pptx")], check=True, capture_output=True, cwd=ROOT)
    render_deck(build_outline(OutlineRequest(brief=load_brief(brief))), load_layout("briefing"),
                tmp_path / "library.pptx")
    assert (tmp_path / "cli.pptx").read_bytes() == (tmp_path / "library.pptx").read_bytes()
