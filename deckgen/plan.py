"""Turn segmented documents and the summarizer's choices into an Outline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .compress import bullet_text
from .corroborate import corroborating
from .model import Citation, Document, Outline, Point, Section, SectionSpec, Sentence
from .summarize import Summarizer

BLUF_POINTS = 3
MAX_SECTION_POINTS = 5
AUTO_SECTIONS = 4


def point_from(sentence: Sentence, also: Sequence[Sentence] = ()) -> Point:
    """A bullet made from one sentence, citing it and the sentences of other sources that
    say the same thing (``also``)."""
    cited = (sentence, *also)
    citations = tuple(Citation(s.source, s.paragraph, s.text) for s in cited)
    return Point(bullet_text(sentence.text), citations, tuple(s.id for s in cited))


def plan_outline(documents: Sequence[Document], specs: Sequence[SectionSpec], summarizer: Summarizer, *,
                 title: str | None = None, subtitle: str | None = None, as_of: date | None = None,
                 bluf_points: int = BLUF_POINTS, max_points: int = MAX_SECTION_POINTS,
                 auto_sections: int = AUTO_SECTIONS) -> Outline:
    """Choose the BLUF and each section's points.

    With no ``specs`` the summarizer proposes about ``auto_sections`` sections.
    The title defaults to the first source's title, then its file name; ``as_of``
    to the newest source date (None when no source is dated).
    """
    sentences = [s for document in documents for s in document.sentences]
    bluf_picks = summarizer.keypoints(sentences, bluf_points)
    if specs:
        named = list(zip((spec.title for spec in specs), summarizer.sections(sentences, specs, max_points)))
    else:
        named = summarizer.propose_sections(sentences, auto_sections, max_points)
    also = corroborating([*bluf_picks, *(s for _, picked in named for s in picked)], sentences)

    def points(picked: Sequence[Sentence]) -> tuple[Point, ...]:
        """Points of one slide group; a sentence already cited by an earlier point is skipped."""
        result: list[Point] = []
        for sentence in picked:
            if not any(sentence.id in point.sentence_ids for point in result):
                result.append(point_from(sentence, also.get(sentence.id, ())))
        return tuple(result)

    bluf = points(bluf_picks)
    sections = tuple(Section(name, points(picked)) for name, picked in named)
    sources = tuple(document.source for document in documents)
    dates = [source.date for source in sources if source.date]
    return Outline(
        title=title or _default_title(documents),
        subtitle=subtitle,
        as_of=as_of or (max(dates) if dates else None),
        sources=sources,
        bluf=bluf,
        sections=sections,
    )


def _default_title(documents: Sequence[Document]) -> str:
    first = documents[0].source
    if first.title:
        return first.title
    from pathlib import Path

    return Path(first.path).stem.replace("_", " ").replace("-", " ").strip() or "Briefing"
