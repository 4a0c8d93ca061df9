"""The real-client helpers on two small decks, each converted by LibreOffice once."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Inches, Pt

from deckgen.check import check_deck
from deckgen.fit import EMU_PER_PT

from .clienttools import (convert_to_pdf, pdf_word_boxes, png_pages, requires_client, slide_texts_missing,
                          words_outside_shapes)

pytestmark = [requires_client, pytest.mark.client]
SLIDE_PT = (720, 540)  # python-pptx's default 10 x 7.5 in slide


def _save_and_convert(prs, folder: Path, name: str) -> tuple[Path, Path]:
    deck = folder / f"{name}.pptx"
    prs.save(deck)
    return deck, convert_to_pdf(deck, folder)


@pytest.fixture(scope="module")
def fitting(tmp_path_factory) -> tuple[Path, Path]:
    """Three slides whose text sits inside its boxes; the second is hidden (no PDF page)."""
    prs = Presentation()
    first = prs.slides.add_slide(prs.slide_layouts[1])
    first.shapes.title.text = "Coalition winds down"
    first.placeholders[1].text_frame.text = "The mission in Iraq ends in September 2025"
    hidden = prs.slides.add_slide(prs.slide_layouts[5])
    hidden.shapes.title.text = "Backup slide"
    hidden.element.set("show", "0")
    last = prs.slides.add_slide(prs.slide_layouts[5])
    last.shapes.title.text = "What to watch"
    table = last.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(8), Inches(1.5)).table
    for cell, text in zip((c for row in table.rows for c in row.cells), ("Date", "Milestone", "Sep 2025", "Phase two")):
        cell.text = text
    box = last.shapes.add_textbox(Inches(1), Inches(5), Inches(8), Inches(1))
    box.text_frame.text = "Watch for the joint statement"
    return _save_and_convert(prs, tmp_path_factory.mktemp("fitting"), "fitting")


@pytest.fixture(scope="module")
def overflowing(tmp_path_factory) -> tuple[Path, Path]:
    """One slide with a short, fixed-size text box whose text runs far below it and off the page."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Overflow"
    box = slide.shapes.add_textbox(Inches(1), Inches(4), Inches(4), Inches(0.6))
    box.name = "Long note"
    box.text_frame.word_wrap = True
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    box.text_frame.text = " ".join(f"word{i}" for i in range(150))
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    return _save_and_convert(prs, tmp_path_factory.mktemp("overflowing"), "overflowing")


def test_each_shown_slide_becomes_a_page_of_the_slide_size(fitting):
    pages = pdf_word_boxes(fitting[1])
    assert [" ".join(w.text for w in page)[:20] for page in pages] == ["Coalition winds down", "What to watch Date M"]
    for word in (w for page in pages for w in page):
        assert 0 <= word.left < word.right <= SLIDE_PT[0] and 0 <= word.top < word.bottom <= SLIDE_PT[1]


def test_a_word_box_lies_where_its_shape_is(fitting):
    title = Presentation(str(fitting[0])).slides[0].shapes.title
    word = pdf_word_boxes(fitting[1])[0][0]
    assert word.text == "Coalition"
    assert title.left / EMU_PER_PT <= word.left and word.right <= (title.left + title.width) / EMU_PER_PT
    assert title.top / EMU_PER_PT <= word.top and word.bottom <= (title.top + title.height) / EMU_PER_PT


def test_png_pages_gives_one_image_per_page(fitting, tmp_path):
    images = png_pages(fitting[1], tmp_path, dpi=36)
    assert [path.name for path in images] == ["fitting-1.png", "fitting-2.png"]
    width, height = struct.unpack(">II", images[0].read_bytes()[16:24])  # the PNG header's IHDR
    assert (width, height) == (360, 270)


def test_text_inside_its_boxes_gives_no_findings(fitting):
    assert words_outside_shapes(*fitting) == []
    assert slide_texts_missing(*fitting) == []


def test_text_below_its_box_is_found(overflowing):
    outside = words_outside_shapes(*overflowing)
    assert outside and all(problem.startswith("slide 1: 'word") for problem in outside)


def test_text_off_the_page_is_missing(overflowing):
    missing = slide_texts_missing(*overflowing)
    assert "slide 1: 'word149' is not on its PDF page" in missing
    assert "slide 1: 'word0' is not on its PDF page" not in missing


def test_the_linter_finds_what_the_client_shows(overflowing):
    assert any(f.shape == "Long note" and f.problem.startswith("text needs") for f in check_deck(overflowing[0]))
