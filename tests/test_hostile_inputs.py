"""Hostile input through the CLI: every case ends in a deck that reopens, or in one line on
stderr naming the file and the problem, exit code 2, no traceback and no file left behind.

Each case is a row: the files to make (name -> bytes, or a function of the folder), the
command's arguments, and either OK (a deck, optionally holding some text) or the problem
expected in the message together with the file it must name.
"""

from __future__ import annotations

import io
import os
import pathlib
import random
import tempfile

import pytest
from pptx import Presentation
from typer.testing import CliRunner

from deckgen.cli import app

from .conftest import SEED

runner = CliRunner()
OK = None
DECK = "deck.pptx"
TEXT = SEED.read_text(encoding="utf-8")


def seed_bytes(encoding="utf-8") -> bytes:
    return TEXT.encode(encoding)


def with_controls() -> bytes:
    lines = TEXT.splitlines()
    lines[0] = lines[0].replace("coalition", "coal\x00ition", 1)
    lines[1] = lines[1].replace("told", "\x0btold\x0c", 1)
    lines[2] = lines[2] + " \ufffe\uffff\x7f\x1b"
    return "\n".join(lines).encode("utf-8")


def stray_bytes() -> bytes:
    """UTF-8 with two broken bytes, as a bad copy-paste leaves them."""
    data = seed_bytes()
    return data[:500] + b"\xff" + data[500:1500] + b"\xc3(" + data[1500:]


ARABIC = ("أعلن التحالف الدولي ضد تنظيم الدولة الإسلامية أنه سينهي مهمته العسكرية في العراق. "
          "وقال مسؤولون أمريكيون إن الخطة تتكون من مرحلتين.\n\n"
          "The coalition (التحالف الدولي) will end its mission in Iraq by September 2025, officials said. "
          "Сообщается, что 2 500 американских военнослужащих остаются в Ираке. "
          "日本の報道によると、会談は続いている。 עוד נמסר כי השיחות יימשכו.\n")
EMOJI = ("The mission is changing 🚀 and officials are optimistic 👍🏽 about the partnership. "
         "Flags 🇺🇸🇮🇶 were raised at the ceremony in Baghdad.\n\n"
         "A family 👨‍👩‍👧 watched the parade, and the crowd cheered 🎉 for an hour.\n")
LONG_WORD = ("Officials said the code word was " + "A" * 2000 + " during the briefing on Friday. "
             "The mission will change next year, they said.\n")


def no_punctuation_line() -> bytes:
    words = ["coalition", "mission", "Iraq", "forces", "officials", "phase", "militia", "Syria"]
    rng = random.Random(6)
    return " ".join(rng.choice(words) for _ in range(30_000)).encode()[:200_000]


def stray_quotes_paragraph() -> bytes:
    """One 60 KB paragraph full of single quotes that never close, names after "the" and pronoun
    speakers: each unclosed mark used to scan to the paragraph's end (quadratic), and "the Then
    ..." sent the name reader into an endless loop."""
    words = ["the", "army", "'said", "he", "went", "home", "and", "later", "'we", "are", "here.", "Then",
             "coalition"]
    rng = random.Random(7)
    return " ".join(rng.choice(words) for _ in range(12_000)).encode()


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(TEXT.splitlines()[0])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pptx_bytes() -> bytes:
    buffer = io.BytesIO()
    Presentation().save(buffer)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 700, TEXT.splitlines()[0][:80])
    pdf.save()
    return buffer.getvalue()


def broken_xref(data: bytes) -> bytes:
    """A PDF whose cross-reference pointer is wrong: pdfminer.six recovers, and logs what it did."""
    return data[: data.rfind(b"startxref")] + b"startxref\n99999\n%%EOF\n"


def half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def big_file(folder: pathlib.Path) -> None:
    with open(folder / "big.txt", "wb") as stream:  # sparse: 50 MB on paper, nothing on disk
        stream.truncate(50 * 1024 * 1024)


def folder_input(folder: pathlib.Path) -> None:
    (folder / "docs").mkdir()


def output_folder(folder: pathlib.Path) -> None:
    (folder / "outdir").mkdir()


def bad_layout(folder: pathlib.Path) -> None:
    (folder / "layouts" / "mine").mkdir(parents=True)
    (folder / "layouts" / "mine" / "layout.yaml").write_text("extends: briefing\ncolour: red\n")


def unreadable(folder: pathlib.Path, monkeypatch) -> None:
    """chmod 000 does not stop root, so opening the file is made to fail as it would for a user."""
    path = folder / "locked.txt"
    path.write_bytes(seed_bytes())
    path.chmod(0)
    real_open = pathlib.Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refuse)


def read_only_output(folder: pathlib.Path, monkeypatch) -> None:
    """A read-only folder does not stop root either: creating the temporary file is made to fail."""
    (folder / "ro").mkdir()
    (folder / "ro").chmod(0o555)
    real_mkstemp = tempfile.mkstemp

    def refuse(*args, dir=None, **kwargs):
        if dir is not None and pathlib.Path(dir).name == "ro":
            raise PermissionError(13, "Permission denied")
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


CASES = [
    # (id, files, arguments, expected problem or OK, file the message names / text the deck holds)
    ("empty file", {"empty.txt": b""}, ["empty.txt"], "the document is empty", "empty.txt"),
    ("whitespace only", {"blank.txt": b" \n\t\n\r\n  "}, ["blank.txt"], "the document is empty", "blank.txt"),
    ("binary with a text suffix", {"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4},
     ["image.txt"], "looks like a binary file", "image.txt"),
    ("random bytes as markdown", {"noise.md": random.Random(1).randbytes(4096)}, ["noise.md"],
     "looks like a binary file", "noise.md"),
    ("invalid UTF-8 bytes", {"stray.txt": stray_bytes()}, ["stray.txt"], OK, "Sabrina Singh"),
    ("cp1252 curly quotes", {"cp1252.txt": seed_bytes("cp1252")}, ["cp1252.txt"], OK, "\u201cThe U.S. is not"),
    ("UTF-16 with BOM", {"utf16.txt": seed_bytes("utf-16")}, ["utf16.txt"], OK, "Sabrina Singh"),
    ("UTF-8 with BOM", {"bom.md": b"\xef\xbb\xbf" + seed_bytes()}, ["bom.md"], OK, "Sabrina Singh"),
    ("50 MB file", {"big.txt": big_file}, ["big.txt"], "50.0 MB is over the 20 MB input limit", "big.txt"),
    ("file over a lowered limit", {"seed.txt": seed_bytes()}, ["seed.txt", "--max-input-mb", "0.001"],
     "over the 0.001 MB input limit", "seed.txt"),
    ("200 KB line without punctuation", {"line.txt": no_punctuation_line()}, ["line.txt"], OK, "coalition"),
    ("stray single quotes", {"quotes.txt": stray_quotes_paragraph()}, ["quotes.txt"], OK, "coalition"),
    ("control characters", {"controls.txt": with_controls()}, ["controls.txt"], OK, "coal ition"),
    ("Arabic and mixed scripts", {"arabic.txt": ARABIC.encode()}, ["arabic.txt"], OK, "التحالف"),
    ("emoji", {"emoji.md": EMOJI.encode()}, ["emoji.md"], OK, "🚀"),
    # the word comes through (the BLUF opens with it); "code word was" alone is a one-point proposed section: dropped
    ("2,000-character word", {"word.txt": LONG_WORD.encode()}, ["word.txt"], OK, "A" * 50),
    ("missing file", {}, ["missing.txt"], "no such file", "missing.txt"),
    ("folder as input", {"docs": folder_input}, ["docs"], "is a folder", "docs"),
    ("device as input", {}, ["/dev/zero"], "is not a regular file", "/dev/zero"),
    ("unreadable file", {"locked.txt": unreadable}, ["locked.txt"], "permission denied", "locked.txt"),
    ("unknown suffix", {"notes.xyz": b"Some text."}, ["notes.xyz"], "unknown document format '.xyz'", "notes.xyz"),
    ("malformed front matter", {"front.md": b"---\ntitle: [unclosed\n---\nText here.\n"}, ["front.md"],
     "front matter is not valid YAML: line 2", "front.md"),
    ("front matter title is a list", {"list.md": b"---\ntitle: [a, b]\n---\nText here.\n"}, ["list.md"],
     "metadata 'title' must be a single value", "list.md"),
    ("HTML without an article", {"empty.html": b"<html><head><title>x</title></head><body></body></html>"},
     ["empty.html"], "no article text found", "empty.html"),
    ("malformed brief", {"bad.yaml": b"title: ok\nsections: [\n"}, ["--brief", "bad.yaml"],
     "invalid YAML at line 3", "bad.yaml"),
    ("brief that is not UTF-8", {"latin.yaml": "title: caf\u00e9\n".encode("latin-1")}, ["--brief", "latin.yaml"],
     "cannot read the brief", "latin.yaml"),
    ("unknown key in a brief", {"brief.yaml": b"title: T\ntitel: typo\n"}, ["--brief", "brief.yaml"],
     "unknown key 'titel' in the brief", "brief.yaml"),
    ("brief naming a missing source", {"brief.yaml": b"sources:\n  - path: gone.txt\n"}, ["--brief", "brief.yaml"],
     "no such file", "gone.txt"),
    ("unknown key in a layout", {"layouts/mine": bad_layout}, ["seed.txt", "--layout", "mine"],
     "unknown layout key 'colour'", "layouts/mine/layout.yaml"),
    ("layout that does not exist", {}, ["seed.txt", "--layout", "nope"], "layout 'nope' not found", "nope"),
    ("master that does not exist", {}, ["seed.txt", "--master", "missing.pptx"], "no such master file", "missing.pptx"),
    ("master that is not a .pptx", {"bad.pptx": b"just text"}, ["seed.txt", "--master", "bad.pptx"],
     "not a readable .pptx master", "bad.pptx"),
    ("truncated master", {"cut.pptx": half(pptx_bytes())}, ["seed.txt", "--master", "cut.pptx"],
     "not a readable .pptx master", "cut.pptx"),
    ("output in a missing folder", {}, ["seed.txt", "-o", "nowhere/deck.pptx"], "does not exist",
     "nowhere/deck.pptx"),
    ("output in a read-only folder", {"ro": read_only_output}, ["seed.txt", "-o", "ro/deck.pptx"],
     "cannot write here (Permission denied)", "ro/deck.pptx"),
    ("output that is a folder", {"outdir": output_folder}, ["seed.txt", "-o", "outdir"], "is a folder", "outdir"),
    ("truncated .docx", {"cut.docx": half(docx_bytes())}, ["cut.docx"], "not a readable .docx file", "cut.docx"),
    ("text saved as .docx", {"fake.docx": seed_bytes()}, ["fake.docx"], "not a readable .docx file", "fake.docx"),
    ("corrupt .pdf", {"bad.pdf": b"%PDF-1.7\n" + random.Random(2).randbytes(3000)}, ["bad.pdf"],
     "not a readable PDF file", "bad.pdf"),
    ("PDF with a broken cross-reference", {"xref.pdf": broken_xref(pdf_bytes())}, ["xref.pdf"], OK,
     "The global coalition"),
    ("truncated .pdf", {"cut.pdf": pdf_bytes()[:300]}, ["cut.pdf"], "not a readable PDF file", "cut.pdf"),
]


@pytest.fixture
def in_tmp(tmp_path, seed_copy):
    """Run in a temporary folder holding seeds/ and a copy of the seed as seed.txt."""
    (tmp_path / "seed.txt").write_bytes(seed_bytes())
    old = os.getcwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(old)


def make_files(folder, files, monkeypatch):
    for name, content in files.items():
        if callable(content):
            arity = content.__code__.co_argcount
            content(folder, monkeypatch) if arity == 2 else content(folder)
        else:
            (folder / name).write_bytes(content)


def listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def deck_text(path) -> str:
    """The text of every slide and of its speaker notes (which quote the sources whole: a bullet
    may drop an aside such as a parenthetical, the notes keep it)."""
    slides = Presentation(str(path)).slides
    shown = [shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame]
    notes = [slide.notes_slide.notes_text_frame.text for slide in slides if slide.has_notes_slide]
    return "\n".join([*shown, *notes])


@pytest.mark.parametrize("files, args, problem, named", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_input(in_tmp, monkeypatch, files, args, problem, named):
    make_files(in_tmp, files, monkeypatch)
    if "-o" not in args:
        args = [*args, "-o", DECK]
    before = listing(in_tmp)
    result = runner.invoke(app, ["build", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if problem is OK:
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines() == [f"wrote {DECK}"]  # nothing else on stderr
        assert named in deck_text(in_tmp / DECK)
        return
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("deckgen: error: ") and problem in lines[0] and named in lines[0], lines[0]
    assert listing(in_tmp) == before
