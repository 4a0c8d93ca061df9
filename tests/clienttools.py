"""Helpers for real-client tests: draw a deck with LibreOffice, read the PDF back with poppler.

A deck can be right in its XML and still be drawn wrong: text spilling out of its box, text
clipped off the page, glyphs missing. ``convert_to_pdf`` renders the deck the way a viewer would;
``words_outside_shapes`` and ``slide_texts_missing`` compare each PDF page with its slide.
Coordinates are points from the top-left corner: the PDF page is the slide size in points.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.shapes.group import GroupShape

from deckgen.fit import EMU_PER_PT

requires_client = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                                     reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)")
XHTML = {"x": "http://www.w3.org/1999/xhtml"}
TOLERANCE_PT = 2.0


@dataclass(frozen=True)
class Word:
    """A word on a PDF page and its box in points from the page's top-left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def holds(self, word: Word, slack: float) -> bool:
        return (word.left >= self.left - slack and word.right <= self.right + slack
                and word.top >= self.top - slack and word.bottom <= self.bottom + slack)


def convert_to_pdf(pptx: Path, outdir: Path, timeout: float = 120) -> Path:
    """``pptx`` as ``outdir/<stem>.pdf``, drawn by LibreOffice with a private, throw-away profile
    (parallel runs do not share one). Raises RuntimeError when soffice fails or times out."""
    outdir.mkdir(parents=True, exist_ok=True)
    pdf = outdir / f"{pptx.stem}.pdf"
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="deckgen-lo-") as profile:
        command = ["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(outdir), str(pptx)]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              start_new_session=True) as process:
            try:
                _, errors = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # soffice's own children go with it
                process.communicate()
                raise RuntimeError(f"soffice took over {timeout} s to convert {pptx}") from None
    if process.returncode or not pdf.exists():
        raise RuntimeError(f"soffice could not convert {pptx}: {errors.strip()}")
    return pdf


def pdf_word_boxes(pdf: Path) -> list[list[Word]]:
    """The words of each page, in reading order, from ``pdftotext -bbox-layout``."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True,
                           encoding="utf-8", timeout=60).stdout
    pages = ET.fromstring(xhtml).iterfind(".//x:page", XHTML)
    return [[Word(word.text or "", *(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
             for word in page.iterfind(".//x:word", XHTML)] for page in pages]


def png_pages(pdf: Path, outdir: Path, dpi: int = 50) -> list[Path]:
    """One PNG per page (``<stem>-<n>.png`` in ``outdir``) from pdftoppm, in page order."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(outdir / pdf.stem)],
                   capture_output=True, check=True, timeout=120)
    return sorted(outdir.glob(f"{pdf.stem}-*.png"), key=lambda path: int(path.stem.rsplit("-", 1)[1]))


def words_outside_shapes(pptx: Path, pdf: Path, tolerance_pt: float = TOLERANCE_PT) -> list[str]:
    """PDF words that lie in no shape's box on their slide (within ``tolerance_pt``): text drawn
    outside its box. The boxes are the slide's top-level shapes (a group's box holds its
    members) and the non-placeholder shapes its layout and master draw on it."""
    problems = []
    for number, slide, words in _slides_with_pages(pptx, pdf):
        boxes = _shape_boxes(slide)
        problems += [f"slide {number}: {word.text!r} at ({word.left:.0f}, {word.top:.0f}) pt lies in no shape"
                     for word in words if not any(box.holds(word, tolerance_pt) for box in boxes)]
    return problems


def slide_texts_missing(pptx: Path, pdf: Path) -> list[str]:
    """Words of a slide's text (shapes, groups, table cells) not found on its PDF page: text
    clipped off the page or lost. Compared without case, spaces or compatibility forms (NFKC),
    so a word may match across PDF word breaks."""
    problems = []
    for number, slide, words in _slides_with_pages(pptx, pdf):
        page = _squeezed("".join(word.text for word in words))
        problems += [f"slide {number}: {word!r} is not on its PDF page"
                     for word in _slide_words(slide) if _squeezed(word) not in page]
    return problems


def _slides_with_pages(pptx: Path, pdf: Path):
    """(slide number, slide, words of its page) for each shown slide; hidden slides get no page
    in LibreOffice's PDF, and a slide without a page gets no words."""
    pages = pdf_word_boxes(pdf)
    shown = [(number, slide) for number, slide in enumerate(Presentation(str(pptx)).slides, start=1)
             if slide.element.get("show") != "0"]
    return [(number, slide, pages[i] if i < len(pages) else []) for i, (number, slide) in enumerate(shown)]


def _shape_boxes(slide) -> list[Box]:
    drawn = [*slide.shapes,
             *(shape for owner in (slide.slide_layout, slide.slide_layout.slide_master)
               for shape in owner.shapes if not shape.is_placeholder)]
    return [Box(shape.left / EMU_PER_PT, shape.top / EMU_PER_PT, (shape.left + shape.width) / EMU_PER_PT,
                (shape.top + shape.height) / EMU_PER_PT)
            for shape in drawn if None not in (shape.left, shape.top, shape.width, shape.height)]


def _slide_words(slide) -> list[str]:
    return [word for text in _texts(slide.shapes) for word in text.split()]


def _texts(shapes) -> list[str]:
    texts = []
    for shape in shapes:
        if isinstance(shape, GroupShape):
            texts += _texts(shape.shapes)
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def _squeezed(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())
