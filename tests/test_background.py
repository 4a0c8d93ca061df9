"""A forked child sets up once (loads the model) while the caller goes on, then answers its calls."""

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from deckgen import embed as embedding
from deckgen.background import Server, ordered_map
from deckgen.errors import DeckgenError, InputError

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux only")
ROOT = Path(__file__).resolve().parent.parent


def setup_counter():
    """Answers with the answering process's id, the argument and how often it was asked."""
    asked = []

    def answer(argument):
        asked.append(argument)
        return os.getpid(), argument, len(asked)
    return answer


def setup_that_fails():
    raise InputError("model.bin: the model cannot be read")


def setup_dividing():
    return lambda number: 1 / number


def setup_dying():
    return lambda argument: os._exit(9)  # killed while answering, as by the kernel when memory runs out


def setup_dying_at_once():
    os._exit(9)  # killed while loading: the request is never read


def setup_slowly():
    time.sleep(60)
    return lambda argument: argument


@linux_only
def test_calls_are_answered_in_another_process_that_set_up_once():
    with Server(setup_counter) as server:
        first = server.call({"a": (1, 2.5, "é")})
        second = server.call([3])
    assert first[0] == second[0] != os.getpid()
    assert first[1:] == ({"a": (1, 2.5, "é")}, 1) and second[1:] == ([3], 2)


def test_a_deckgen_error_in_the_set_up_is_raised_by_every_call():
    with Server(setup_that_fails) as server:
        for _ in range(2):
            with pytest.raises(InputError, match="model.bin: the model cannot be read"):
                server.call("texts")


def test_a_bug_in_a_call_comes_back_with_its_traceback_and_the_server_goes_on():
    with Server(setup_dividing) as server:
        with pytest.raises((RuntimeError, ZeroDivisionError)) as raised:
            server.call(0)
        assert server.call(4) == 0.25
    if sys.platform.startswith("linux"):
        assert "ZeroDivisionError" in str(raised.value) and "<lambda>" in str(raised.value)


@linux_only
@pytest.mark.parametrize("setup", [setup_dying, setup_dying_at_once])
def test_a_child_that_dies_gives_a_deckgen_error_not_a_hang(setup):
    with Server(setup) as server, pytest.raises(DeckgenError, match="ended without an answer"):
        server.call("x" * 1_000_000)  # more than a pipe holds


@linux_only
def test_leaving_early_ends_a_child_still_setting_up_and_leaves_no_zombie():
    started = time.monotonic()
    with pytest.raises(ValueError), Server(setup_slowly) as server:
        child = server.pid
        raise ValueError("the master deck is bad")
    assert time.monotonic() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already reaped


def test_without_fork_the_set_up_runs_in_place_on_the_first_call(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    with Server(setup_counter) as server:
        assert server.pid is None
        assert server.call(7) == (os.getpid(), 7, 1)
        assert server.call(8) == (os.getpid(), 8, 2)


@linux_only
def test_embeddings_from_the_background_model_equal_those_computed_in_place():
    texts = ["The coalition will wind down its mission in Iraq.", "IS is rebounding, officials said.",
             "The coalition will wind down its mission in Iraq."]
    embedding.forget_embeddings()
    with embedding.model_in_background():
        assert embedding._background.pid is not None
        remote, empty = embedding.embed(texts), embedding.embed([])
    embedding.forget_embeddings()
    local = embedding.embed(texts)
    assert remote.dtype == local.dtype == np.float32 and remote.shape == local.shape
    assert np.array_equal(remote, local)
    assert empty.shape == (0, local.shape[1])
    assert embedding._background is None


@linux_only
def test_build_with_the_model_in_the_background_writes_the_same_deck_as_without(tmp_path):
    """The deck a build writes does not depend on where the model ran (a child, or in place
    on a platform without fork)."""
    forked, in_place = tmp_path / "forked.pptx", tmp_path / "in_place.pptx"
    run = [sys.executable, "-c", "import sys; from deckgen.cli import main; sys.argv = sys.argv[1:]; main()",
           "deckgen", "build", "--brief", str(ROOT / "seeds" / "iraq-coalition.brief.yaml")]
    subprocess.run([*run, "-o", str(forked)], check=True, capture_output=True, cwd=ROOT)
    without_fork = ("import sys, types; import deckgen.background as b; b.sys = types.SimpleNamespace("
                    "platform='win32'); from deckgen.cli import main; sys.argv = sys.argv[1:]; main()")
    subprocess.run([sys.executable, "-c", without_fork, *run[3:], "-o", str(in_place)], check=True,
                   capture_output=True, cwd=ROOT)
    assert forked.read_bytes() == in_place.read_bytes()


def square_with_pid(number):
    if number < 0:
        raise InputError(f"task {number}: negative")
    return number * number, os.getpid()


@linux_only
def test_ordered_map_answers_in_input_order_from_children_that_set_up_once(tmp_path):
    log = tmp_path / "setups"

    def setup():
        with log.open("a") as stream:
            stream.write(f"{os.getpid()}\n")

    answers = list(ordered_map(square_with_pid, range(40), jobs=3, setup=setup))
    assert [value for value, _ in answers] == [n * n for n in range(40)]
    children = {pid for _, pid in answers}
    assert len(children) == 3 and os.getpid() not in children
    assert sorted(map(int, log.read_text().split())) == sorted(children)  # one set-up per child


def test_ordered_map_raises_a_tasks_deckgen_error_in_its_turn():
    for jobs in (1, 2):
        answers = ordered_map(square_with_pid, [1, 2, -3, 4], jobs=jobs, setup=lambda: None)
        assert [next(answers)[0], next(answers)[0]] == [1, 4]
        with pytest.raises(InputError, match="task -3: negative"):
            next(answers)
