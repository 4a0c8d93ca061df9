"""deckgen never reaches the network and starts light: checked in fresh processes."""

import subprocess
import sys
import textwrap

from pptx import Presentation

from .conftest import BRIEF

BLOCK_SOCKETS = textwrap.dedent("""
    import socket, sys
    def refuse(*args, **kwargs):
        raise RuntimeError("network access attempted")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from deckgen.cli import app
    sys.argv = ["deckgen", *sys.argv[1:]]
    app()
""")


def test_a_build_with_sockets_blocked(tmp_path):
    out = tmp_path / "deck.pptx"
    result = subprocess.run([sys.executable, "-c", BLOCK_SOCKETS, "build", "--brief", str(BRIEF), "-o", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "network access attempted" not in result.stderr
    assert len(Presentation(str(out)).slides) > 5


def test_help_loads_neither_python_pptx_nor_the_model():
    code = ("import sys; from deckgen.cli import app; sys.argv=['deckgen','--help']\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pptx', 'wordllama', 'numpy', 'syntok', 'jinja2') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
