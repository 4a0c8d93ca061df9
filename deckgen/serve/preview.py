"""Slide previews drawn by LibreOffice from the real deck, with one office kept warm.

A headless ``soffice`` is started once, with a private profile and a document open (an office
with no document open quits after a conversion). Each conversion is then a short
``soffice --convert-to pdf`` with the same profile: it hands its request to the warm office
over LibreOffice's own single-instance pipe and returns when the PDF is written (about 0.5 s
for the seed deck, against about 3 s for an office started per conversion). Conversions wait
until the warm office has its document open (its lock file exists); if it has died, it is
started again. ``pdftoppm`` draws a page as PNG and ``pdftotext``
finds the page an item lands on. Without soffice or poppler-utils, ``available`` is False
and ``note`` says what to install.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

from ..errors import DeckgenError

TIMEOUT = 120          # seconds a conversion may take
MATCH_WORDS = 8        # words of an item's text looked for on the pages


class PreviewError(DeckgenError):
    """LibreOffice or poppler could not draw the deck."""


class Previewer:
    """``start(deck)`` once, then ``pdf``, ``page_png`` and ``page_of``; ``stop`` at the end."""

    def __init__(self, enabled: bool = True):
        self.soffice = shutil.which("soffice") if enabled else None
        self.poppler = bool(shutil.which("pdftoppm") and shutil.which("pdftotext"))
        self.folder = Path(tempfile.mkdtemp(prefix="deckgen-serve-"))
        self.profile = (self.folder / "profile").as_uri()
        self.office: subprocess.Popen | None = None
        self.keep_open: Path | None = None
        self.lock = threading.Lock()
        self.texts: dict[Path, list[str]] = {}

    @property
    def can_convert(self) -> bool:
        return self.soffice is not None

    @property
    def available(self) -> bool:
        return self.can_convert and self.poppler

    @property
    def note(self) -> str:
        if not self.soffice:
            return "No slide preview and no PDF: LibreOffice is not installed (apt-get install libreoffice-impress)."
        if not self.poppler:
            return "No slide preview: poppler-utils is not installed (apt-get install poppler-utils)."
        return ""

    def start(self, deck: Path) -> None:
        """Start the warm office with a copy of ``deck`` open (does not wait for it)."""
        if not self.can_convert:
            return
        self.keep_open = self.folder / "open.pptx"
        shutil.copyfile(deck, self.keep_open)
        self._launch()

    def _launch(self) -> None:
        self._lock_file().unlink(missing_ok=True)  # left by an office that died
        self.office = subprocess.Popen(
            [self.soffice, f"-env:UserInstallation={self.profile}", "--headless", "--norestore", "--nologo",
             "--nolockcheck", str(self.keep_open)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def _lock_file(self) -> Path:
        """The lock LibreOffice writes beside a document it has opened."""
        return self.keep_open.with_name(f".~lock.{self.keep_open.name}#")

    def _wait_until_ready(self) -> None:
        """Wait until the warm office has opened its document: a conversion asked for before its
        single-instance pipe exists would start an office of its own, and the warm one would
        hand its document to that and quit."""
        deadline = time.monotonic() + TIMEOUT
        while not self._lock_file().exists() and self.office.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self) -> None:
        """End the warm office (and its children) and remove the working folder."""
        if self.office is not None:
            try:
                os.killpg(self.office.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.office.wait()
            self.office = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def pdf(self, deck: Path) -> Path:
        """``deck`` drawn as ``<folder>/pdf/<stem>.pdf`` (kept: a second call returns it)."""
        if not self.can_convert:
            raise PreviewError(self.note)
        outdir = self.folder / "pdf"
        pdf = outdir / f"{deck.stem}.pdf"
        with self.lock:
            if pdf.exists():
                return pdf
            if self.keep_open:
                if self.office is None or self.office.poll() is not None:
                    self._launch()
                self._wait_until_ready()
            command = [self.soffice, f"-env:UserInstallation={self.profile}", "--headless", "--norestore",
                       "--convert-to", "pdf", "--outdir", str(outdir), str(deck)]
            with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  start_new_session=True) as process:
                try:
                    _, errors = process.communicate(timeout=TIMEOUT)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.communicate()
                    raise PreviewError(f"LibreOffice took over {TIMEOUT} s to draw the deck") from None
        if not pdf.exists():
            raise PreviewError(f"LibreOffice could not draw the deck: {errors.strip()[:200]}")
        return pdf

    def forget(self, stem: str) -> None:
        """Remove the PDF of deck ``stem`` and its pages' pictures."""
        for path in (self.folder / "pdf").glob(f"{stem}*"):
            self.texts.pop(path, None)
            path.unlink()

    def page_png(self, pdf: Path, page: int, dpi: int = 96) -> bytes:
        """Page ``page`` (from 1) of ``pdf`` as PNG."""
        target = pdf.with_name(f"{pdf.stem}-{page}")
        png = target.with_suffix(".png")
        if not png.exists():
            self._poppler(["pdftoppm", "-png", "-singlefile", "-r", str(dpi), "-f", str(page), "-l", str(page),
                           str(pdf), str(target)])
        return png.read_bytes()

    def pages(self, pdf: Path) -> list[str]:
        """Each page's text (read once per PDF)."""
        if pdf not in self.texts:
            self.texts[pdf] = self._poppler(["pdftotext", "-enc", "UTF-8", str(pdf), "-"]).split("\f")[:-1]
        return self.texts[pdf]

    def page_of(self, pdf: Path, text: str, title: str) -> int | None:
        """The first page (from 1) showing the opening words of ``text`` and the slide title
        ``title`` (the same point may be on the BLUF slide and on its section's), compared
        without case, spaces or compatibility forms, so line breaks do not matter. None when
        no page shows both."""
        wanted, heading = _squeezed(" ".join(text.split()[:MATCH_WORDS])), _squeezed(title)
        return next((number for number, page in enumerate(map(_squeezed, self.pages(pdf)), start=1)
                     if wanted in page and heading in page), None)

    def _poppler(self, command: list[str]) -> str:
        if not self.poppler:
            raise PreviewError(self.note)
        try:
            return subprocess.run(command, capture_output=True, check=True, timeout=TIMEOUT,
                                  encoding="utf-8").stdout
        except (subprocess.SubprocessError, OSError) as exc:
            raise PreviewError(f"{command[0]} failed on the deck's PDF ({exc})") from None


def _squeezed(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())
