"""Slide kinds are plug-ins: a toy kind added through the registry only (KINDS, one line) is
collected, written to and read from outline files, reviewed, checked and drawn, and no other
module changes. The toy module is the worked example of docs/extending.md."""

import json
import sys
import textwrap

import pytest
from pptx import Presentation

from deckgen.kinds import KINDS, all_kinds, get_kind
from deckgen.layouts import load_layout
from deckgen.outline import dumps, load_outline
from deckgen.pipeline import OutlineRequest, build_deck, verify_outline

TOY = textwrap.dedent('''
    """Questions the sources raise: each sentence that asks one, as written."""

    from deckgen.kinds.base import SlideKind
    from deckgen.model import Citation, Point


    class QuestionsKind(SlideKind):
        name = "questions"
        keys = ("questions",)  # its items go in outline files under "questions"

        def collect(self, corpus):
            return tuple(Point(s.text, (Citation(s.source, s.paragraph, s.text),), (s.id,))
                         for document in corpus.documents for s in document.sentences if s.text.endswith("?"))


    KIND = QuestionsKind()
''')
STORY = ("The council met on Monday to discuss the budget. Who will pay for the new school?\n\n"
         "The mayor said the city would borrow the money. Can the city afford another loan?\n")


@pytest.fixture
def questions(tmp_path, monkeypatch):
    """The toy kind registered, and a story that asks two questions."""
    (tmp_path / "questions_kind.py").write_text(TOY)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(KINDS, "questions", "questions_kind")  # the one registration line
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    yield story
    sys.modules.pop("questions_kind", None)


def test_a_new_kind_is_collected_stored_reviewed_checked_and_drawn(questions, tmp_path):
    layout = load_layout("briefing", {"slides": "title,bluf,questions,references"})
    request = OutlineRequest(documents=(questions,), summarizer="lead")
    deck = build_deck(request, layout, tmp_path / "deck.pptx")

    asked = [p.text for p in deck.outline.group("questions")]
    assert asked == ["Who will pay for the new school?", "Can the city afford another loan?"]
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(tmp_path / "deck.pptx")).slides]
    assert titles == [titles[0], "Bottom line up front", "Questions", "References"]
    questions_slide = Presentation(str(tmp_path / "deck.pptx")).slides[2]
    assert [p.runs[0].text for p in questions_slide.placeholders[1].text_frame.paragraphs] == asked

    saved = tmp_path / "o.json"
    saved.write_text(dumps(deck.outline, "json"))
    assert [q["text"] for q in json.loads(saved.read_text())["questions"]] == asked
    loaded = load_outline(saved)
    assert loaded == deck.outline
    assert "## Questions\n\n- Who will pay for the new school? [S1 para. 1]" in dumps(loaded, "md")
    assert verify_outline(loaded, tmp_path) == []

    edited = json.loads(saved.read_text())
    edited["questions"][0]["text"] = "Who will pay for the new stadium?"  # a word the quote does not have
    saved.write_text(json.dumps(edited))
    assert verify_outline(load_outline(saved), tmp_path) == [
        "point 'Who will pay for the new stadium?' has words its quotes do not have"]


def test_a_kind_not_shown_is_not_collected(questions):
    layout = load_layout("briefing", {"slides": "title,bluf,references"})
    assert build_deck(OutlineRequest(documents=(questions,), summarizer="lead"), layout).outline.groups == {}


def test_layouts_accept_exactly_the_registered_kinds(questions):
    assert load_layout("briefing", {"slides": "questions"}).slides == ("questions",)
    with pytest.raises(Exception, match="kinds from title, bluf"):
        load_layout("briefing", {"slides": "answers"})


def test_every_built_in_kind_is_registered_under_its_own_name():
    assert [kind.name for kind in all_kinds()] == list(KINDS)
    assert get_kind("quotes").keys == ("quotes",)


def test_each_kind_checks_its_points_its_own_way():
    from deckgen.model import Citation, Point

    quote = (Citation("S1", 4, "The second phase will start in September 2025, officials said."),)
    timeline, bluf = get_kind("timeline"), get_kind("bluf")
    # a timeline item's date label is data, not quoted words: only the event is checked
    assert timeline.faithful(Point("The second phase will start in September 2025", quote, label="Sep 2025"))
    assert not timeline.faithful(Point("Sep 2025: The second phase will start", quote))
    assert not timeline.faithful(Point("The third phase will start", quote, label="Sep 2025"))
    # bullets only delete words, in order; other items may put quoted words together in any order
    assert bluf.faithful(Point("The second phase will start in September 2025.", quote))
    assert not bluf.faithful(Point("In September 2025 the second phase will start.", quote))
    assert get_kind("quotes").faithful(Point("In September 2025 the second phase will start.", quote))
