"""Every point any path of the summarizer emits is a deletion of its quotes, and every quote
is verbatim in the paragraph it cites: for the seed (sections, BLUF, proposed sections),
for every article of the CNN/DM dev set and every brief of the real-documents corpus (both
read at test time, skipped when absent)."""

import json
from pathlib import Path

import pytest

from deckgen.compress import is_faithful
from deckgen.model import SectionSpec
from deckgen.pipeline import keypoints_for_text, load_documents
from deckgen.plan import plan_outline
from deckgen.summarize import SUMMARIZERS, get_summarizer

SEED = Path(__file__).parent.parent / "seeds" / "000_673533e19380046e.txt"
EVAL = next((p for p in (Path(__file__).parent.parent.parent / "shared" / "eval", Path("/work/shared/eval"))
             if p.is_dir()), Path("../shared/eval"))
DEV = EVAL / "cnndm_dev.jsonl"
REALDOCS = EVAL / "realdocs"
SPECS = [SectionSpec(t) for t in ("Mission change", "Phases", "Militia threat", "IS resurgence")]


def assert_faithful(point, paragraph_text, source=None):
    """Every quote is verbatim in its paragraph; the bullet's words are an in-order subsequence
    of its quotes in citation order (the sentence it comes from first, then a sentence that
    names its speaker, if it is credited), or the claim is and the credit is the publisher or
    author of its ``source`` (a document speaking as "we")."""
    for citation in point.citations:
        assert citation.quote in paragraph_text(citation), citation
    quotes = " ".join(c.quote for c in point.citations)
    claim, _, credit = point.text.rpartition(" — ")
    if source is not None and credit in (source.publisher, source.author):
        assert is_faithful(claim, quotes), (point.text, quotes)
    else:
        assert is_faithful(point.text, quotes), (point.text, quotes)
    assert is_faithful(point.text.split(" — ")[0], point.citations[0].quote), point.text


@pytest.mark.parametrize("name", sorted(SUMMARIZERS))
@pytest.mark.parametrize("specs", [SPECS, []], ids=["sections", "proposed"])
def test_seed_points_are_faithful(name, specs):
    documents = load_documents([SEED])
    outline = plan_outline(documents, specs, get_summarizer(name))
    by_source = {d.source.id: d for d in documents}
    points = [*outline.bluf, *(p for section in outline.sections for p in section.points)]
    assert points
    for point in points:
        assert_faithful(point, lambda c: by_source[c.source].paragraph_text(c.paragraph))


@pytest.mark.skipif(not DEV.exists(), reason=f"CNN/DM dev set not found at {DEV}")
def test_dev_set_points_are_faithful():
    from deckgen.ingest import normalise

    for line in DEV.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        paragraphs = normalise(row["text"]).split("\n\n")
        for point in keypoints_for_text(row["id"], row["text"], 3):
            assert_faithful(point, lambda c: paragraphs[c.paragraph - 1])


@pytest.mark.skipif(not REALDOCS.is_dir(), reason=f"real-documents corpus not found at {REALDOCS}")
def test_real_document_bullets_are_faithful():
    from deckgen.brief import load_brief
    from deckgen.pipeline import OutlineRequest, build_outline

    briefs = sorted(REALDOCS.glob("*.brief.yaml"))
    assert briefs
    for brief_path in briefs:
        brief = load_brief(brief_path)
        documents = {d.source.id: d for d in load_documents([s.path for s in brief.sources], brief)}
        outline = build_outline(OutlineRequest(brief=brief, kinds=()))
        for point in [*outline.bluf, *(p for section in outline.sections for p in section.points)]:
            assert_faithful(point, lambda c: documents[c.source].paragraph_text(c.paragraph),
                            documents[point.citations[0].source].source)
