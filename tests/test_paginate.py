"""Pagination, footnote numbering and slide geometry without python-pptx: each test runs in
milliseconds (decks are rendered in test_render.py)."""

import subprocess
import sys

import pytest

from deckgen.fit import EMU_PER_PT, metrics_for, wrap
from deckgen.layouts import load_layout
from deckgen.model import Citation, Point, Section, SourceInfo
from deckgen.render.content import section_group
from deckgen.render.footnotes import Footnotes, endnote_numbers, marker_text
from deckgen.render.geometry import INSET, Geometry, inches
from deckgen.render.items import Item
from deckgen.render.paginate import Pager, title_size
from deckgen.text import Templates

SOURCE = SourceInfo("S1", "a.txt", title="Report", publisher="Voice of America")
SIZES = {"16:9": (inches(13.333), inches(7.5)), "4:3": (inches(10.0), inches(7.5))}


def setting(name="briefing", endnotes=None, **overrides):
    """(layout, geometry, footnotes, pager) for a layout name and overrides."""
    layout = load_layout(name, overrides)
    geometry = Geometry(layout, *SIZES[layout.aspect])
    footnotes = Footnotes(layout.footnotes, Templates(layout.template_folders), {"S1": SOURCE}, endnotes or {})
    return layout, geometry, footnotes, Pager(layout, footnotes.numbers, footnotes.source_line)


def item(text, *paragraphs):
    return Item(text, tuple(Citation("S1", p, text) for p in paragraphs))


def test_pure_modules_import_without_python_pptx():
    code = ("import sys, deckgen.render.paginate, deckgen.render.footnotes, deckgen.render.content, "
            "deckgen.render.geometry; assert 'pptx' not in sys.modules, 'pptx imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_items_that_fit_share_a_slide_up_to_max_bullets_spread_evenly():
    _, geometry, _, pager = setting(max_bullets=5)
    items = [item(f"Point number {n} is short.", n) for n in range(1, 8)]
    pages = pager.paginate(items, geometry.body_box(), geometry.footnote_box())
    # greedy would give 5 + 2; the same two slides hold 4 + 3
    assert [len(page.items) for page in pages] == [4, 3]
    assert [i for page in pages for i in page.items] == items
    assert all(page.body_size == 24 and page.source_size == 11 for page in pages)


def test_no_items_no_pages():
    _, geometry, _, pager = setting()
    assert pager.paginate([], geometry.body_box(), geometry.footnote_box()) == []


def test_long_items_go_on_to_more_slides_each_fitting_at_or_above_the_floor():
    layout, geometry, _, pager = setting()
    long_text = " ".join(["The coalition said the mission would change over the coming two years."] * 4)
    items = [item(f"{n}: {long_text}", n) for n in range(7)]
    body = geometry.body_box()
    pages = pager.paginate(items, body, geometry.footnote_box())
    assert len(pages) > 1 and sum(len(page.items) for page in pages) == 7
    for page in pages:
        assert layout.body_min <= page.body_size <= layout.body_size
        assert pager.text_fits(list(page.items), body, page.body_size, bullets=True)


def test_an_item_longer_than_a_slide_is_cut_at_line_breaks_into_pieces_that_each_fit():
    layout, geometry, _, pager = setting()
    words = [f"word{n}" for n in range(700)]
    long_item = item(" ".join(words), 3)
    body = geometry.body_box()
    pages = pager.paginate([long_item], body, geometry.footnote_box())
    pieces = [i for page in pages for i in page.items]
    assert len(pieces) >= 3 and all(len(page.items) == 1 for page in pages)
    assert pieces[0].text.endswith("…") and not pieces[0].text.startswith("…")
    assert pieces[-1].text.startswith("…") and not pieces[-1].text.endswith("…")
    assert " ".join(p.text.strip("…") for p in pieces).split() == words  # nothing lost, nothing added
    assert all(p.citations == long_item.citations for p in pieces)
    assert all(pager.text_fits([p], body, layout.body_min, bullets=True) for p in pieces)


def test_a_source_line_too_long_for_its_strip_moves_bullets_on():
    """Each bullet cites four more paragraphs: a 0.2-inch strip holds one line of entries."""
    _, geometry, _, pager = setting(footnote_height=0.2)
    items = [item(f"Point {n}.", *range(4 * n, 4 * n + 4)) for n in range(1, 6)]
    footer = geometry.footnote_box()
    pages = pager.paginate(items, geometry.body_box(), footer)
    assert len(pages) > 1
    assert all(pager.source_line_fits(list(page.items), footer, 9) or len(page.items) == 1 for page in pages)


def test_footnotes_number_per_slide_or_deck_wide_or_not_at_all():
    a, b, c = item("A.", 4), item("B.", 2, 4), item("C.", 9)
    endnotes = endnote_numbers(citation for i in (a, b, c) for citation in i.citations)
    assert endnotes == {("S1", 4): 1, ("S1", 2): 2, ("S1", 9): 3}
    per_slide = setting()[2]
    assert per_slide.numbers([c, b]) == {("S1", 9): 1, ("S1", 2): 2, ("S1", 4): 3}
    assert marker_text(b, per_slide.numbers([c, b])) == " 2,3"
    assert per_slide.source_line_runs(per_slide.numbers([c])) == [
        ("Voice of America: ", False), ("1", True), (" para. 9", False)]
    deck_wide = setting(footnotes="references", endnotes=endnotes)[2]
    assert deck_wide.numbers([c]) == {("S1", 9): 3}
    assert deck_wide.endnote_lines()[0] == "[1] Voice of America, para. 4"
    assert setting(footnotes="notes")[2].numbers([a, b]) == {}
    assert marker_text(Item("Agenda line"), per_slide.numbers([a])) == ""


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_an_assertion_headline_fits_two_title_lines_with_its_marker_and_cont(aspect):
    """Headlines of several lengths around the two-line limit, alone or with more points than
    a slide holds (the title then gets "(cont.)"): the one chosen fits two lines once its
    footnote marker is added (it once wrapped to a third line, outside the box)."""
    layout, geometry, footnotes, _ = setting("executive", aspect=aspect)
    templates = Templates(layout.template_folders)
    words = ("The manager said the young midfielder is so positive around the place and gives everyone a boost "
             "at the training ground every single morning of the long and hard season").split()
    other = ("The club said the new contract, agreed after weeks of talks between the player's agent and the "
             "board, runs until the summer of 2019 at least and includes a clause on a move abroad.")
    second = Point(other, (Citation("S1", 3, other),))
    box = geometry.title_box()
    width_pt = (box.width - 2 * INSET) / EMU_PER_PT
    chosen = set()
    for count in range(6, len(words) + 1):  # headlines of several lengths around the two-line limit
        text = " ".join(words[:count]) + "."
        headline = Point(text, (Citation("S1", 12, text),))
        for others in (1, 4):
            group = section_group(Section("Midfield", (headline, *[second] * others)), layout, box.width)
            if group.headline is None:
                continue
            chosen.add(count)
            marker = marker_text(group.headline, footnotes.numbers([group.headline])).strip()
            for part in (1, 2, 3):
                title = templates.render("slide_title", title="Midfield", headline=group.headline.text, part=part)
                size = title_size(title + marker, box, layout, max_lines=2)
                assert size >= layout.title_min
                assert len(wrap(title + marker, metrics_for(layout.font, bold=True), size, width_pt)) <= 2, title
    assert 6 in chosen and len(words) not in chosen  # the sweep crosses the limit


def test_boxes_stay_inside_the_slide_and_the_body_above_the_source_line():
    for aspect in SIZES:
        for banner in (None, "SECRET"):
            _, geometry, _, _ = setting("briefing", aspect=aspect, classification=banner)
            title, body, footer = geometry.title_box(), geometry.body_box(), geometry.footnote_box()
            assert title.top + title.height < body.top
            assert body.top + body.height < footer.top
            assert footer.top + footer.height <= geometry.slide_height - (inches(0.32) if banner else 0)
            left, right = geometry.column_boxes()
            assert left.left + left.width < right.left and right.left + right.width <= body.left + body.width
