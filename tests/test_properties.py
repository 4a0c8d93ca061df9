"""Property tests: whatever text and section titles come in, build gives a deck that reopens
with every footnote marker resolved, or a DeckgenError; never any other exception."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from deckgen.errors import DeckgenError
from deckgen.layouts import load_layout
from deckgen.model import SectionSpec
from deckgen.pipeline import OutlineRequest, build_outline
from deckgen.render import render_deck

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
words = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)
sentences = st.tuples(st.lists(words, min_size=1, max_size=25).map(" ".join), st.sampled_from(".!?")).map("".join)
documents = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=2000),
    st.lists(st.lists(sentences, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=8).map("\n\n".join),
)
titles = st.lists(st.text(st.characters(codec="utf-8"), min_size=1, max_size=40), max_size=4)


def resolved_markers(path) -> bool:
    for slide in Presentation(str(path)).slides:
        footer = next((s.text_frame for s in slide.shapes if s.name == "Footnotes"), None)
        entries = {int(r.text) for p in (footer.paragraphs if footer else []) for r in p.runs
                   if r._r.rPr.get("baseline") == "30000"}
        for shape in slide.placeholders:
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    if run._r.rPr is not None and run._r.rPr.get("baseline") == "30000":
                        if not set(map(int, re.findall(r"\d+", run.text))) <= entries:
                            return False
    return True


@SETTINGS
@given(text=documents, section_titles=titles)
def test_any_text_gives_a_deck_or_a_deckgen_error(tmp_path, text, section_titles):
    source = tmp_path / "doc.txt"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    out = tmp_path / "deck.pptx"
    out.unlink(missing_ok=True)
    specs = tuple(SectionSpec(t) for t in section_titles if t.strip())
    try:
        outline = build_outline(OutlineRequest(documents=(source,), sections=specs))
        render_deck(outline, load_layout(), out)
    except DeckgenError:
        assert not out.exists()
        return
    assert resolved_markers(out)
