"""The extract entry and the source summary."""

from datetime import date

import pytest

from deckgen.analysis import analyse_all
from deckgen.brief import load_brief
from deckgen.extract import Extracts, extract, sources_by_section
from deckgen.model import Citation, Document, Point, Section, SourceInfo
from deckgen.pipeline import load_documents
from deckgen.segment import segment

from .conftest import BRIEF, SEED


@pytest.fixture(scope="module")
def seed():
    return load_documents([SEED], load_brief(BRIEF))[0]


def test_extract_is_deterministic_and_every_id_names_a_sentence(seed):
    first, second = extract(analyse_all([seed])), extract(analyse_all([seed]))
    assert isinstance(first, Extracts) and first == second
    known = {s.id for s in seed.sentences}
    items = [*first.figures, *first.series, *first.quotes, *first.timeline, *first.contrasts,
             *(s for p in first.perspectives for s in p.statements)]
    assert items and all(item.sentence_ids and set(item.sentence_ids) <= known for item in items)


def test_extract_keeps_documents_apart():
    texts = ["Officials said 500 troops remain in Syria. “We are not leaving anytime soon,” the general said.",
             "A report said 700 troops remain in Syria."]
    documents = [segment(Document(SourceInfo(f"S{n}", f"{n}.txt", date=date(2024, 1, 5)), t))
                 for n, t in enumerate(texts, start=1)]
    found = extract(analyse_all(documents))
    assert [f.sentence_ids for f in found.figures] == [("S1.1",), ("S2.1",)]
    assert [f.stated_by.name for f in found.series[0].figures] == ["Officials", "A report"]
    (quote,) = found.quotes
    assert quote.speaker.name == "the general" and quote.sentence_ids == ("S1.2",)


def test_sources_by_section():
    sources = [SourceInfo("S1", "a.txt"), SourceInfo("S2", "b.txt")]
    point = lambda *ids: Point("x", tuple(Citation(i, 1, "x") for i in ids))  # noqa: E731
    sections = [Section("Phases", (point("S2"), point("S1", "S2"))), Section("Threat", (point("S2"),)),
                Section("Empty", ()), Section("Other", (point("S9"), point("S1")))]
    assert sources_by_section(sections, sources) == {
        "Phases": ("S1", "S2"), "Threat": ("S2",), "Empty": (), "Other": ("S1", "S9")}
