"""The deck linter: each defect in a small deck made to have it is found; a clean deck has none."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.util import Inches, Pt

from deckgen.check import Finding, check_deck, contrast_ratio
from deckgen.errors import CheckError
from deckgen.fit import metrics_for

TITLE_AND_CONTENT, TITLE_ONLY, BLANK = 1, 5, 6
BODY = "Content Placeholder 2"
DECORATIVE = ('<a:extLst %s><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
              '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
              '</a:ext></a:extLst>' % nsdecls("a"))


# --- Building small decks ----------------------------------------------------------------------


def problems(prs, tmp_path, **limits) -> list[str]:
    path = tmp_path / "deck.pptx"
    prs.save(path)
    return [str(finding) for finding in check_deck(path, **limits)]


def titled(prs, title: str | None, layout: int = TITLE_ONLY):
    slide = prs.slides.add_slide(prs.slide_layouts[layout])
    if title is not None:
        slide.shapes.title.text = title
    return slide


def text_box(slide, text: str, *, name="Note", left=1.0, top=2.0, width=6.0, height=1.0, size=12,
             color: str | None = None, bold=False, wrap=True):
    """A text box (inches) holding one run; it does not grow with its text."""
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    box.name = name
    box.text_frame.word_wrap = wrap
    box.text_frame.auto_size = MSO_AUTO_SIZE.NONE
    run = box.text_frame.paragraphs[0].add_run()
    run.text, run.font.size, run.font.bold = text, Pt(size), bold
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    return box


def add_runs(paragraph, *parts: str, size: float | None = None):
    """One run per part; a part written "^1" is the raised (superscript) run "1"."""
    for part in parts:
        run = paragraph.add_run()
        run.text = part.removeprefix("^")
        if part.startswith("^"):
            run.font._rPr.set("baseline", "30000")
        if size:
            run.font.size = Pt(size)


def fill_paragraphs(frame, lines: tuple[tuple[str, ...], ...], size: float | None = None):
    for i, parts in enumerate(lines):
        add_runs(frame.paragraphs[0] if i == 0 else frame.add_paragraph(), *parts, size=size)


def bullets(slide, *lines: tuple[str, ...]):
    """Body bullets, each given as its runs (see ``add_runs``)."""
    body = slide.placeholders[1]
    fill_paragraphs(body.text_frame, lines)
    return body


def footnotes(slide, *lines: tuple[str, ...]):
    """A 12 pt "Footnotes" box as the renderer draws it, each line given as its runs."""
    box = slide.shapes.add_textbox(Inches(0.5), Inches(6.6), Inches(9), Inches(0.8))
    box.name = "Footnotes"
    box.text_frame.word_wrap = True
    fill_paragraphs(box.text_frame, lines, size=12)
    return box


def picture(slide, tmp_path, alt_text: str | None = None):
    path = tmp_path / "map.png"
    Image.new("RGB", (40, 30), "navy").save(path)
    pic = slide.shapes.add_picture(str(path), Inches(6), Inches(2), Inches(3), Inches(2))
    if alt_text is not None:
        set_alt_text(pic, alt_text)
    return pic


def chart(slide, alt_text: str | None = None):
    data = CategoryChartData()
    data.categories = ["2023", "2024"]
    data.add_series("Troops", (2500, 2000))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(4), Inches(3),
                                   data)
    if alt_text is not None:
        set_alt_text(frame, alt_text)
    return frame


def set_alt_text(shape, text: str):
    shape.element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def lst_style_size(placeholder, size_pt: int):
    """Give a placeholder's own list style a level-1 size."""
    style = placeholder.element.txBody.find("{http://schemas.openxmlformats.org/drawingml/2006/main}lstStyle")
    style.append(parse_xml(f'<a:lvl1pPr {nsdecls("a")}><a:defRPr sz="{size_pt * 100}"/></a:lvl1pPr>'))


# --- A clean deck --------------------------------------------------------------------------------


def test_a_clean_deck_has_no_findings(tmp_path):
    prs = Presentation()
    slide = titled(prs, "Coalition winds down", TITLE_AND_CONTENT)
    bullets(slide, ("The coalition ends its Iraq mission in 2025.", "^1"),
            ("A second phase follows in Syria.", "^1,2"))
    footnotes(slide, ("^1", " Voice of America, 27 Sep 2024, para. 3"), ("^2", " Reuters, 27 Sep 2024, para. 9"))
    picture(slide, tmp_path, "Map of coalition bases in Iraq")
    watch = titled(prs, "What to watch")
    chart(watch, "Column chart: troops fall from 2,500 to 2,000")
    text_box(watch, "Sep 2025: second phase starts", top=5.5, size=20)
    assert problems(prs, tmp_path) == []


def test_a_finding_reads_slide_shape_and_problem():
    assert str(Finding(3, BODY, "body text 14 pt is under the 18 pt floor")) == \
        "slide 3 'Content Placeholder 2': body text 14 pt is under the 18 pt floor"
    assert str(Finding(2, "", "slide has no title placeholder")) == "slide 2: slide has no title placeholder"


# --- Text outside its shape, shapes outside the slide ---------------------------------------------


def test_text_taller_than_its_box_is_found(tmp_path):
    prs = Presentation()
    slide = titled(prs, "Too much", TITLE_AND_CONTENT)
    bullets(slide, *[("A bullet long enough to take two lines of the body at thirty-two points.",)] * 8)
    found = problems(prs, tmp_path)
    assert len(found) == 1 and found[0].startswith(f"slide 1 '{BODY}': text needs ")


def test_a_box_that_fits_only_without_its_insets_is_found(tmp_path):
    prs = Presentation()
    slide = titled(prs, "Tight")
    text_box(slide, "One short line", height=0.25)  # 18 pt high, 10.8 pt inside the insets
    line = metrics_for("Calibri").line_height * 12  # 13.8 to 14.6 pt, by the font found
    assert problems(prs, tmp_path) == [f"slide 1 'Note': text needs {round(line, 1):g} pt of height "
                                       "but the box holds 10.8 pt"]


def test_an_unwrapped_line_wider_than_its_box_is_found(tmp_path):
    prs = Presentation()
    slide = titled(prs, "Wide")
    text_box(slide, "A line that does not wrap and is far wider than its box", width=2, wrap=False)
    found = problems(prs, tmp_path)
    assert len(found) == 1 and found[0].startswith("slide 1 'Note': unwrapped text runs ")


def test_a_shape_past_the_slide_edge_is_found(tmp_path):
    prs = Presentation()
    slide = titled(prs, "Edge")
    text_box(slide, "Half off", left=9, width=2)  # the slide is 10 in wide
    assert problems(prs, tmp_path) == ["slide 1 'Note': shape reaches 72 pt past the right edge of the slide"]


# --- Text size floors -------------------------------------------------------------------------------


def test_body_text_under_the_body_floor_is_found(tmp_path):
    prs = Presentation()
    body = bullets(titled(prs, "Small", TITLE_AND_CONTENT), ("Fourteen point body text",))
    body.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    assert problems(prs, tmp_path) == [f"slide 1 '{BODY}': body text 14 pt is under the 18 pt floor"]


def test_body_size_inherited_from_the_layout_is_found(tmp_path):
    prs = Presentation()
    lst_style_size(prs.slide_layouts[TITLE_AND_CONTENT].placeholders[1], 14)
    bullets(titled(prs, "Inherited", TITLE_AND_CONTENT), ("No size of its own",))
    assert problems(prs, tmp_path) == [f"slide 1 '{BODY}': body text 14 pt is under the 18 pt floor"]


def test_shrink_on_overflow_scales_the_size(tmp_path):
    prs = Presentation()
    body = bullets(titled(prs, "Shrunk", TITLE_AND_CONTENT), ("Shrunk to half",))
    body.text_frame.paragraphs[0].runs[0].font.size = Pt(24)
    body.element.txBody.bodyPr.append(parse_xml(f'<a:normAutofit {nsdecls("a")} fontScale="50000"/>'))
    assert problems(prs, tmp_path) == [f"slide 1 '{BODY}': body text 12 pt is under the 18 pt floor"]


def test_superscript_markers_answer_only_to_the_text_floor(tmp_path):
    prs = Presentation()
    slide = titled(prs, "Markers", TITLE_AND_CONTENT)
    paragraph = slide.placeholders[1].text_frame.paragraphs[0]
    add_runs(paragraph, "Twenty-point claim", size=20)
    add_runs(paragraph, "^1", size=12)
    footnotes(slide, ("^1", " Voice of America"))
    assert problems(prs, tmp_path) == []


@pytest.mark.parametrize(("size", "limits", "floor"), [(8, {}, 9), (10, {"text_min_pt": 12}, 12)])
def test_any_text_under_the_text_floor_is_found(tmp_path, size, limits, floor):
    prs = Presentation()
    text_box(titled(prs, "Fine print"), "Fine print", size=size)
    assert problems(prs, tmp_path, **limits) == [f"slide 1 'Note': text {size} pt is under the {floor} pt floor"]


# --- Titles -----------------------------------------------------------------------------------------


def test_a_slide_without_a_title_placeholder_is_found(tmp_path):
    prs = Presentation()
    text_box(prs.slides.add_slide(prs.slide_layouts[BLANK]), "Looks like a title", size=40)
    assert problems(prs, tmp_path) == ["slide 1: slide has no title placeholder"]


def test_an_empty_title_is_found(tmp_path):
    prs = Presentation()
    titled(prs, None)
    assert problems(prs, tmp_path) == ["slide 1 'Title 1': title placeholder is empty"]


def test_a_repeated_title_is_found(tmp_path):
    prs = Presentation()
    titled(prs, "Phases")
    titled(prs, "Timeline")
    titled(prs, " phases ")
    assert problems(prs, tmp_path) == ["slide 3 'Title 1': title 'phases' repeats slide 1's title"]


# --- Alt text -------------------------------------------------------------------------------------


@pytest.mark.parametrize("alt_text", [None, "", "map.png"], ids=["python-pptx default", "empty", "file name"])
def test_a_picture_without_alt_text_is_found(tmp_path, alt_text):
    prs = Presentation()
    picture(titled(prs, "Map"), tmp_path, alt_text)
    assert problems(prs, tmp_path) == ["slide 1 'Picture 2': picture has no alt text"]


def test_a_decorative_picture_needs_no_alt_text(tmp_path):
    prs = Presentation()
    pic = picture(titled(prs, "Map"), tmp_path, "")
    pic.element.xpath("./*[1]/p:cNvPr")[0].append(parse_xml(DECORATIVE))
    assert problems(prs, tmp_path) == []


def test_a_chart_without_alt_text_is_found(tmp_path):
    prs = Presentation()
    chart(titled(prs, "Troops"))
    assert problems(prs, tmp_path) == ["slide 1 'Chart 2': chart has no alt text"]


# --- Contrast ---------------------------------------------------------------------------------------


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21)
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("color", "size", "bold", "found"), [
    ("999999", 12, False, True),   # 2.85:1
    ("767676", 12, False, False),  # 4.54:1
    ("949494", 24, False, False),  # 3.03:1 is enough for large text
    ("949494", 14, True, False),   # ... and for 14 pt bold
    ("949494", 14, False, True),   # ... but not for 14 pt regular
])
def test_low_contrast_text_is_found(tmp_path, color, size, bold, found):
    prs = Presentation()
    text_box(titled(prs, "Grey"), "Grey text", color=color, size=size, bold=bold)
    assert any("text contrast" in problem for problem in problems(prs, tmp_path)) == found


def test_a_low_contrast_finding_names_both_colours(tmp_path):
    prs = Presentation()
    text_box(titled(prs, "Grey"), "Grey text", color="999999")
    assert problems(prs, tmp_path) == ["slide 1 'Note': text contrast 2.84:1 (#999999 on #FFFFFF) is under 4.5:1"]


def white_text(slide):
    box = text_box(slide, "White text")
    box.text_frame.paragraphs[0].runs[0].font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
    return box


def on_the_white_slide(slide):
    white_text(slide)


def over_a_dark_shape(slide):
    rect = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(0.5), Inches(1.5), Inches(8), Inches(3))
    rect.fill.solid()
    rect.fill.fore_color.rgb = RGBColor(0x1F, 0x1F, 0x1F)
    white_text(slide)


def on_a_dark_slide_background(slide):
    slide.background.fill.solid()
    slide.background.fill.fore_color.rgb = RGBColor(0x0B, 0x25, 0x45)
    white_text(slide)


def in_a_dark_box(slide):
    box = white_text(slide)
    box.fill.solid()
    box.fill.fore_color.rgb = RGBColor(0x0B, 0x25, 0x45)


@pytest.mark.parametrize(("scene", "found"), [
    (on_the_white_slide, True), (over_a_dark_shape, False), (on_a_dark_slide_background, False),
    (in_a_dark_box, False)])
def test_contrast_is_judged_against_what_is_behind_the_text(tmp_path, scene, found):
    prs = Presentation()
    scene(titled(prs, "White"))
    expected = ["slide 1 'Note': text contrast 1.00:1 (#FFFFFF on #FFFFFF) is under 4.5:1"] if found else []
    assert [problem for problem in problems(prs, tmp_path) if "'Note'" in problem] == expected


# --- Footnotes ------------------------------------------------------------------------------------


def unsourced(number: int) -> str:
    return f"slide 1 '{BODY}': footnote marker {number} has no source line on this slide"


def test_a_marker_without_a_source_line_is_found(tmp_path):
    prs = Presentation()
    slide = titled(prs, "Sourced", TITLE_AND_CONTENT)
    bullets(slide, ("First claim.", "^1"), ("Second claim.", "^2,3"))
    footnotes(slide, ("^1", " Voice of America, 27 Sep 2024, para. 3"), ("^3", " Reuters, para. 2"))
    assert problems(prs, tmp_path) == [unsourced(2)]


def test_an_entry_in_the_same_shape_does_not_resolve_a_marker(tmp_path):
    prs = Presentation()
    bullets(titled(prs, "Self-sourced", TITLE_AND_CONTENT), ("A claim.", "^1"), ("^1", " Voice of America"))
    assert problems(prs, tmp_path) == [unsourced(1)]


def test_a_compact_source_line_resolves_each_raised_number(tmp_path):
    prs = Presentation()
    slide = titled(prs, "Compact", TITLE_AND_CONTENT)
    bullets(slide, ("First claim.", "^1"), ("Second claim.", "^2"), ("Third claim.", "^3"))
    footnotes(slide, ("Voice of America, 27 Sep 2024: ", "^1", " para. 1  ", "^2", " para. 9"))
    assert problems(prs, tmp_path) == [unsourced(3)]


def test_bracketed_markers_resolve_against_numbered_lines(tmp_path):
    prs = Presentation()
    slide = titled(prs, "Bracketed", TITLE_AND_CONTENT)
    bullets(slide, ("First claim [1].",), ("Second claim [2].",))
    text_box(slide, "1. Voice of America, 27 Sep 2024", name="Sources", top=6.5, height=0.5)
    assert problems(prs, tmp_path) == [unsourced(2)]


@pytest.mark.parametrize("marker", [("First claim [1].",), ("First claim.", "^1")], ids=["bracketed", "raised"])
def test_a_labelled_sources_line_resolves_bracketed_and_raised_markers(tmp_path, marker):
    prs = Presentation()
    slide = titled(prs, "Labelled", TITLE_AND_CONTENT)
    bullets(slide, marker, ("Second claim [2].",), ("Third claim [3].",))
    text_box(slide, "Sources: [1] Voice of America, 27 Sep 2024; [2] Reuters, 3 May 2024", name="Sources",
             top=6.5, height=0.5)
    assert problems(prs, tmp_path) == [unsourced(3)]  # the sources line itself cites nothing


def test_a_deck_without_slides_is_a_finding(tmp_path):
    assert problems(Presentation(), tmp_path) == ["deck: the deck has no slides"]


def test_endnotes_on_a_references_slide_resolve_markers_on_any_slide(tmp_path):
    prs = Presentation()
    bullets(titled(prs, "Claims", TITLE_AND_CONTENT), ("First claim.", "^1"), ("Second claim.", "^2"))
    bullets(titled(prs, "Elsewhere", TITLE_AND_CONTENT), ("[2] Reuters, 3 May 2024",))
    bullets(titled(prs, "References (cont.)", TITLE_AND_CONTENT), ("[1] Voice of America, 27 Sep 2024",))
    # an entry on a slide not titled as references resolves nothing elsewhere, unless endnotes is set
    assert problems(prs, tmp_path) == [unsourced(2)]
    assert problems(prs, tmp_path, endnotes=True) == []


# --- Unreadable files -------------------------------------------------------------------------------


def _text_file(path):
    path.write_text("not a deck")


def _zip_without_a_deck(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")


@pytest.mark.parametrize("make", [None, Path.mkdir, _text_file, _zip_without_a_deck],
                         ids=["missing", "folder", "text", "zip"])
def test_an_unreadable_file_raises_check_error(tmp_path, make):
    path = tmp_path / "broken.pptx"
    if make:
        make(path)
    with pytest.raises(CheckError, match="broken.pptx"):
        check_deck(path)
