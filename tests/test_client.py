"""Real-client checks: decks converted by LibreOffice must show every slide's text, inside its box.

Each deck also passes `deckgen check`. Conversions are slow, so decks are built once per module.
"""

from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.check import check_deck
from deckgen.layouts import load_layout
from deckgen.model import Section
from deckgen.pipeline import OutlineRequest, build_outline
from deckgen.render import render_deck

from .clienttools import convert_to_pdf, requires_client, slide_texts_missing, words_outside_shapes

pytestmark = requires_client

LONG_URL = "https://example.org/" + "/".join(f"segment{i:03d}-with-words" for i in range(19))[:380]


def long_url_outline(tmp_path: Path):
    """A document whose metadata and text carry a 400-character URL."""
    assert len(LONG_URL) == 400
    doc = tmp_path / "url.md"
    doc.write_text(f"---\npublisher: Example Wire\ndate: 2024-09-27\nurl: {LONG_URL}\n---\n\n"
                   f"The full report is published at {LONG_URL} for anyone to read.\n\n"
                   "Officials said the mission would change next year. Analysts said the group is rebuilding.\n")
    return build_outline(OutlineRequest(documents=(doc,), summarizer="lead"))


def long_section_outline(outline):
    point = outline.sections[0].points[0]
    text = " ".join([point.text] * 3)
    return replace(outline, sections=(Section("A long section", tuple(
        replace(point, text=f"{n}. {text}") for n in range(1, 8))),))


@pytest.fixture(scope="module")
def decks(tmp_path_factory, seed_outline):
    """name -> (deck, layout) for every case, rendered once."""
    folder = tmp_path_factory.mktemp("client")
    cases = {f"{name}-{aspect.replace(':', 'x')}": (seed_outline, load_layout(name, {"aspect": aspect}))
             for name in ("briefing", "executive", "handout") for aspect in ("16:9", "4:3")}
    cases["banner"] = (seed_outline, load_layout("briefing", {"classification": "SECRET", "dtg": True}))
    cases["long-section"] = (long_section_outline(seed_outline), load_layout("briefing"))
    cases["long-url"] = (long_url_outline(folder), load_layout("handout"))
    user = folder / "layouts" / "house"
    (user / "templates").mkdir(parents=True)
    (user / "layout.yaml").write_text("extends: executive\nfont: Liberation Sans\ncolors: {accent: '7A1F5C'}\n")
    (user / "templates" / "footnote_source.j2").write_text("{{ source.publisher }}")
    cases["user-layout"] = (seed_outline, load_layout(str(user)))
    master = folder / "master.pptx"
    prs = Presentation()
    prs.slide_layouts.get_by_name("Title and Content")._element.cSld.set("name", "Content")
    prs.save(str(master))
    cases["user-master"] = (seed_outline, load_layout("briefing", {"master": str(master),
                                                                  "master_layouts": {"content": "Content"}}))
    built = {}
    for name, (outline, layout) in cases.items():
        deck = folder / f"{name}.pptx"
        render_deck(outline, layout, deck)
        built[name] = (deck, layout, convert_to_pdf(deck, folder))
    return built


CASES = [f"{n}-{a}" for n in ("briefing", "executive", "handout") for a in ("16x9", "4x3")] + \
        ["banner", "long-section", "long-url", "user-layout", "user-master"]


@pytest.mark.parametrize("case", CASES)
def test_deck_passes_check(decks, case):
    deck, layout, _ = decks[case]
    assert [str(f) for f in check_deck(deck, body_min_pt=layout.body_min, text_min_pt=layout.source_min)] == []


@pytest.mark.parametrize("case", CASES)
def test_libreoffice_shows_every_slide_text_inside_its_box(decks, case):
    deck, _, pdf = decks[case]
    assert slide_texts_missing(deck, pdf) == []
    assert words_outside_shapes(deck, pdf) == []


def test_the_long_section_really_split(decks):
    deck, _, _ = decks["long-section"]
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(deck)).slides]
    assert "A long section (cont.)" in titles


def test_the_long_url_is_on_a_slide(decks):
    deck, _, _ = decks["long-url"]
    text = " ".join(sh.text_frame.text for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_text_frame)
    assert LONG_URL in text
