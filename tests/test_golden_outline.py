"""The seed's outline, checked by hand against the article.

The lead summarizer is used where exact text is pinned, so these expectations
do not move when the default summarizer is tuned; the default summarizer's
choices are pinned in test_seed_sections.py.
"""

from deckgen.brief import load_brief
from deckgen.outline import to_dict
from deckgen.pipeline import OutlineRequest, build_outline

from .conftest import BRIEF

# Read in the article: paragraph 1 is the lede (its trailing ", part of a two-phased plan that U.S.
# officials say ..." is a separate, separately attributed claim: deleted), paragraph 2 Singh's
# announcement (her attribution clause becomes the credit), paragraph 3 opens with Singh's quote
# "The U.S. is not withdrawing from Iraq" (negation kept, "told reporters in response to ..." gone;
# "Singh" credited by the full name paragraph 2 gives her, which the point also cites).
EXPECTED_LEAD_BLUF = [
    {"text": "The global coalition to ensure the defeat of the Islamic State terror group is set to wind down "
             "its military mission in Iraq.",
     "paragraph": 1},
    {"text": "The mission would be changing to a bilateral security partnership with the Iraqi government"
             " — Sabrina Singh",
     "paragraph": 2},
    {"text": "“The U.S. is not withdrawing from Iraq” — Sabrina Singh", "paragraph": 3},
]


def test_seed_outline_header_comes_from_the_brief(seed_outline):
    data = to_dict(seed_outline)
    assert data["title"] == "Anti-IS coalition to wind down its military mission in Iraq"
    assert data["as_of"] == "2024-09-27"
    assert [s["title"] for s in data["sections"]] == ["Mission change", "Phases", "Militia threat", "IS resurgence"]
    (source,) = data["sources"]
    assert source["id"] == "S1"
    assert source["publisher"] == "Voice of America (with material from Agence France-Presse)"
    assert source["date"] == "2024-09-27"
    assert source["title"] is None  # the headline is not in the text: not guessed


def test_lead_bluf_is_the_hand_checked_lede():
    outline = build_outline(OutlineRequest(brief=load_brief(BRIEF), summarizer="lead"))
    got = [{"text": p.text, "paragraph": p.citations[0].paragraph} for p in outline.bluf]
    assert got == EXPECTED_LEAD_BLUF
    assert outline.bluf[2].citations[0].quote.startswith("“The U.S. is not withdrawing from Iraq,” Singh told")
    assert [c.paragraph for c in outline.bluf[2].citations] == [3, 2]


def test_every_quote_is_verbatim_in_its_paragraph(seed_outline):
    from deckgen.pipeline import load_documents

    (document,) = load_documents([s.path for s in load_brief(BRIEF).sources])
    points = list(seed_outline.bluf) + [p for s in seed_outline.sections for p in s.points]
    assert points
    for point in points:
        for citation in point.citations:
            assert citation.quote in document.paragraph_text(citation.paragraph)
        assert point.sentence_ids and all(i.startswith("S1.") for i in point.sentence_ids)


def test_sections_hold_two_to_five_points_in_document_order_without_repeats(seed_outline):
    seen = set()
    for section in seed_outline.sections:
        assert 2 <= len(section.points) <= 5, section.title
        indexes = [int(p.sentence_ids[0].split(".")[1]) for p in section.points]
        assert indexes == sorted(indexes)
        assert not seen & set(indexes)
        seen |= set(indexes)
