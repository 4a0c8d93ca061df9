"""End to end: reopen the rendered .pptx with python-pptx and read it back."""

import re
from dataclasses import replace

import pytest
from pptx import Presentation
from pptx.util import Pt

from deckgen.errors import OutputError
from deckgen.layouts import load_layout
from deckgen.model import Citation, Point, Section
from deckgen.render import render_deck


def slides_of(path):
    return list(Presentation(str(path)).slides)


def body_paragraphs(slide):
    """Paragraphs of the body placeholders (one, or two columns); none on a chart slide."""
    return [p for s in slide.placeholders if s.placeholder_format.idx >= 1 for p in s.text_frame.paragraphs]


def markers(paragraph) -> list[int]:
    """Numbers in superscript runs at the end of a bullet."""
    found = []
    for run in paragraph.runs:
        if run._r.find("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr") is not None and \
                run._r.rPr.get("baseline") == "30000":
            found += [int(n) for n in run.text.split(",")]
    return found


def footnote_entries(slide) -> dict[int, str]:
    """Number -> text of the entry that follows it in the Footnotes box."""
    box = next((s for s in slide.shapes if s.name == "Footnotes"), None)
    if box is None:
        return {}
    runs = [r for p in box.text_frame.paragraphs for r in p.runs]
    return {int(r.text): runs[i + 1].text.strip() for i, r in enumerate(runs) if r._r.rPr.get("baseline") == "30000"}


def test_slide_sequence_and_titles(seed_deck):
    titles = [s.shapes.title.text_frame.text for s in slides_of(seed_deck)]
    assert titles[0] == "Anti-IS coalition to wind down its military mission in Iraq"
    assert titles[1:3] == ["Bottom line up front", "Agenda"]
    sections = ["Mission change", "Phases", "Militia threat", "IS resurgence"]
    assert [t for t in titles if t.split(" (cont.")[0] in sections][0] == "Mission change"
    assert titles[-1] == "References"
    assert len(set(titles)) == len(titles)


def test_title_slide_carries_as_of_and_source(seed_deck):
    text = slides_of(seed_deck)[0].placeholders[1].text_frame.text
    assert "As of 27 September 2024" in text
    assert "Voice of America (with material from Agence France-Presse), 27 Sep 2024" in text


def test_agenda_lists_the_sections(seed_deck):
    agenda = slides_of(seed_deck)[2]
    assert [p.text for p in body_paragraphs(agenda)] == ["Mission change", "Phases", "Militia threat", "IS resurgence"]


def test_every_bullet_has_a_marker_that_resolves_on_its_slide(seed_outline, seed_deck):
    slides = slides_of(seed_deck)
    paragraphs_by_point = {p.text: {c.paragraph for c in p.citations} for p in seed_outline.all_points()}
    checked = 0
    for slide in slides[1:]:
        entries = footnote_entries(slide)
        for paragraph in body_paragraphs(slide):
            bullet = "".join(r.text for r in paragraph.runs[:-1])
            if bullet not in paragraphs_by_point:
                continue  # agenda lines, column headings, references
            numbers = markers(paragraph)
            assert numbers, paragraph.text
            cited = {int(re.search(r"para\. (\d+)", entries[n]).group(1)) for n in numbers}
            assert cited == paragraphs_by_point[bullet]
            checked += 1
        if entries:
            source_line = next(s for s in slide.shapes if s.name == "Footnotes").text_frame.text
            assert source_line.startswith("Voice of America (with material from Agence France-Presse), 27 Sep 2024:")
    assert checked >= len(seed_outline.bluf) + sum(len(s.points) for s in seed_outline.sections)


def test_notes_hold_the_full_quotes(seed_outline, seed_deck):
    slides = slides_of(seed_deck)
    for section in seed_outline.sections:
        # the section's slide and its "(cont.)" slides, if any
        notes = "\n".join(s.notes_slide.notes_text_frame.text for s in slides
                          if s.shapes.title.text_frame.text in (section.title, f"{section.title} (cont.)"))
        for point in section.points:
            assert point.citations[0].quote in notes


def test_each_notes_page_is_its_own_part_tied_to_its_slide(seed_deck):
    from pptx.opc.constants import RELATIONSHIP_TYPE

    with_notes = [s for s in slides_of(seed_deck) if s.has_notes_slide]
    assert len(with_notes) >= 9  # every slide but the title; the seed shows one perspectives group ("Singh called ..." names her by surname)
    pages = [s.notes_slide for s in with_notes]
    assert len({page.part.partname for page in pages}) == len(pages)
    for slide, page in zip(with_notes, pages):
        assert page.part.part_related_by(RELATIONSHIP_TYPE.SLIDE) is slide.part
        assert page.notes_text_frame.text.startswith("1. ")
        bullets = ["".join(r.text for r in p.runs[:-1]) for p in body_paragraphs(slide)]
        assert all(bullet in page.notes_text_frame.text for bullet in bullets)  # this slide's own notes


def test_body_text_respects_the_floor_and_titles_the_title_size(seed_deck):
    for slide in slides_of(seed_deck)[1:]:
        for paragraph in body_paragraphs(slide):
            assert all(run.font.size >= Pt(18) for run in paragraph.runs)
        assert all(r.font.size >= Pt(28) for p in slide.shapes.title.text_frame.paragraphs for r in p.runs)


def test_document_properties_are_set(seed_deck):
    props = Presentation(str(seed_deck)).core_properties
    assert props.title == "Anti-IS coalition to wind down its military mission in Iraq"
    assert props.language == "en-US"


def test_same_outline_gives_the_same_bytes(seed_outline, tmp_path):
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    render_deck(seed_outline, load_layout(), first)
    render_deck(seed_outline, load_layout(), second)
    assert first.read_bytes() == second.read_bytes()


def long_section(seed_outline, count: int) -> Section:
    point = seed_outline.sections[0].points[0]
    long_text = " ".join([point.text] * 3)
    return Section("Long section", tuple(replace(point, text=f"{i}: {long_text}") for i in range(count)))


def test_a_section_that_does_not_fit_continues_with_its_own_footnotes(seed_outline, tmp_path):
    outline = replace(seed_outline, sections=(long_section(seed_outline, 7),))
    out = tmp_path / "long.pptx"
    render_deck(outline, load_layout(), out)
    slides = [s for s in slides_of(out) if s.shapes.title.text_frame.text.startswith("Long section")]
    titles = [s.shapes.title.text_frame.text for s in slides]
    assert titles[:2] == ["Long section", "Long section (cont.)"] and len(titles) >= 3
    assert sum(len(body_paragraphs(s)) for s in slides) == 7
    for slide in slides:
        assert footnote_entries(slide), "each continuation carries its own source line"


def test_an_empty_section_says_so(seed_outline, tmp_path):
    outline = replace(seed_outline, sections=(Section("Nothing here", ()),))
    out = tmp_path / "empty.pptx"
    render_deck(outline, load_layout(), out)
    slide = next(s for s in slides_of(out) if s.shapes.title.text_frame.text == "Nothing here")
    assert body_paragraphs(slide)[0].text == "The sources hold nothing on this topic."
    assert not footnote_entries(slide)


def test_a_section_found_only_in_passages_that_cannot_be_bullets_cites_them(seed_outline, tmp_path):
    quote = "“That spillover across the river is now a very real reality,” he said."
    outline = replace(seed_outline, sections=(Section("Spillover", (), (Citation("S1", 24, quote),)),))
    out = tmp_path / "withheld.pptx"
    render_deck(outline, load_layout(), out)
    slide = next(s for s in slides_of(out) if s.shapes.title.text_frame.text == "Spillover")
    [paragraph] = body_paragraphs(slide)
    assert paragraph.text.startswith("The sources touch on this only in passages that name no speaker or subject")
    [number] = markers(paragraph)
    assert "para. 24" in footnote_entries(slide)[number]


def test_duplicate_section_titles_stay_unique(seed_outline, tmp_path):
    section = seed_outline.sections[0]
    out = tmp_path / "dup.pptx"
    render_deck(replace(seed_outline, sections=(section, section)), load_layout(), out)
    titles = [s.shapes.title.text_frame.text for s in slides_of(out)]
    assert "Mission change" in titles and "Mission change (2)" in titles


def test_control_characters_never_reach_the_xml(seed_outline, tmp_path):
    bad = Point("Tab\there, NUL\x00 and \x0b vertical tab.", (Citation("S1", 1, "q"),))
    outline = replace(seed_outline, sections=(Section("Odd \x07 title", (bad,)),))
    out = tmp_path / "odd.pptx"
    render_deck(outline, load_layout(), out)
    assert any(s.shapes.title.text_frame.text == "Odd  title" for s in slides_of(out))


@pytest.mark.parametrize("target, problem", [
    ("missing/deck.pptx", "does not exist"),
    ("folder", "is a folder"),
])
def test_unwritable_outputs_leave_nothing_behind(seed_outline, tmp_path, target, problem):
    (tmp_path / "folder").mkdir()
    with pytest.raises(OutputError, match=problem):
        render_deck(seed_outline, load_layout(), tmp_path / target)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["folder"]


def test_read_only_folder(seed_outline, tmp_path, monkeypatch):
    """As root a chmod does not stop writes, so the refusal the OS would give is simulated."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="cannot write here \\(Permission denied\\)"):
        render_deck(seed_outline, load_layout(), tmp_path / "deck.pptx")
    assert not list(tmp_path.iterdir())


def test_a_failed_rename_leaves_no_temporary_file(seed_outline, tmp_path, monkeypatch):
    import os

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left"):
        render_deck(seed_outline, load_layout(), tmp_path / "deck.pptx")
    assert not list(tmp_path.iterdir())


def test_times_come_from_source_date_epoch_else_the_as_of_date(seed_outline, tmp_path, monkeypatch):
    import zipfile
    from datetime import datetime

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    render_deck(seed_outline, load_layout(), tmp_path / "a.pptx")
    assert Presentation(str(tmp_path / "a.pptx")).core_properties.modified == datetime(2024, 9, 27)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    render_deck(seed_outline, load_layout(), tmp_path / "b.pptx")
    assert Presentation(str(tmp_path / "b.pptx")).core_properties.created == datetime(2023, 11, 14, 22, 13, 20)
    stamps = {info.date_time for info in zipfile.ZipFile(tmp_path / "b.pptx").infolist()}
    assert stamps == {(2023, 11, 14, 22, 13, 20)}


def test_the_time_stamp_changes_nothing_but_the_times(seed_outline, tmp_path, monkeypatch):
    import io
    import zipfile

    from dataclasses import replace

    from deckgen.model import Chart

    # a chart brings a workbook with its own time stamps (the seed itself draws none)
    citation = seed_outline.bluf[0].citations[0]
    chart = Chart("Troops", None, ("A", "B"), ("2,500", "900"), (2500.0, 900.0), (2500.0, 900.0), (citation, citation))
    outline = replace(seed_outline, groups={**seed_outline.groups, "figures": (*seed_outline.figures, chart)})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    render_deck(outline, load_layout(), tmp_path / "a.pptx")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")  # 2020-09-13 12:26:40 UTC
    render_deck(outline, load_layout(), tmp_path / "b.pptx")
    a, b = zipfile.ZipFile(tmp_path / "a.pptx"), zipfile.ZipFile(tmp_path / "b.pptx")
    assert a.testzip() is None and b.testzip() is None  # every entry's checksum still holds
    assert {info.date_time for info in b.infolist()} == {(2020, 9, 13, 12, 26, 40)}
    differing = [name for name in a.namelist() if a.read(name) != b.read(name)]
    workbooks = [name for name in b.namelist() if name.endswith(".xlsx")]
    assert workbooks and set(differing) == {"docProps/core.xml", *workbooks}
    core = zipfile.ZipFile(io.BytesIO(b.read(workbooks[0]))).read("docProps/core.xml").decode()
    assert core.count(">2020-09-13T12:26:40Z<") == 2  # the chart's workbook: created and modified


def test_a_point_longer_than_a_slide_continues_on_the_next(seed_outline, tmp_path):
    point = seed_outline.sections[0].points[0]
    long_word = "x" * 2000
    text = f"Start {long_word} middle " + " ".join(["word"] * 300) + " end."
    outline = replace(seed_outline, sections=(Section("Huge", (replace(point, text=text),)),))
    out = tmp_path / "huge.pptx"
    render_deck(outline, load_layout(), out)
    slides = [s for s in slides_of(out) if s.shapes.title.text_frame.text.startswith("Huge")]
    assert len(slides) >= 2
    pieces = ["".join(r.text for r in p.runs[:-1]) for s in slides for p in body_paragraphs(s)]
    assert "".join(pieces).replace("…", "").replace(" ", "") == text.replace(" ", "")
    assert all(footnote_entries(s) for s in slides)
    from deckgen.check import check_deck

    assert [str(f) for f in check_deck(out)] == []


def test_an_outline_without_sections_gets_no_empty_agenda(seed_outline, tmp_path):
    out = tmp_path / "bare.pptx"
    render_deck(replace(seed_outline, sections=()), load_layout("briefing"), out)
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(out)).slides]
    assert "Agenda" not in titles and "Bottom line up front" in titles


def test_new_slides_are_the_slides_python_pptx_makes():
    """NewSlides copies a layout's placeholders instead of cloning them: the XML must not differ."""
    from lxml import etree
    from pptx import Presentation

    from deckgen.render.package import NewSlides, placeholder

    ours, theirs = Presentation(), Presentation()
    new_slides = NewSlides(ours)
    for name in ["Title Slide", "Title and Content", "Two Content"] * 2:
        ours_slide = new_slides.add(ours.slide_layouts.get_by_name(name))
        theirs_slide = theirs.slides.add_slide(theirs.slide_layouts.get_by_name(name))
        assert etree.tostring(ours_slide._element) == etree.tostring(theirs_slide._element)
        assert ours_slide.slide_id == theirs_slide.slide_id
    assert [s.slide_layout.name for s in ours.slides] == [s.slide_layout.name for s in theirs.slides]
    for slide in ours.slides:  # the one-query lookup finds what python-pptx's iteration finds
        for shape in slide.placeholders:
            assert placeholder(slide, shape.placeholder_format.idx).shape_id == shape.shape_id
        assert placeholder(slide, 99) is None
