"""Turn segmented documents and the summarizer's choices into an Outline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .compress import bullet_text
from .model import Citation, Document, Outline, Point, Section, SectionSpec, Sentence
from .summarize import Summarizer

BLUF_POINTS = 3
MAX_SECTION_POINTS = 5
AUTO_SECTIONS = 4


def point_from(sentence: Sentence) -> Point:
    """A bullet made from one sentence, citing exactly that sentence."""
    citation = Citation(sentence.source, sentence.paragraph, sentence.text)
    return Point(bullet_text(sentence.text), (citation,), (sentence.id,))


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
    bluf = tuple(point_from(s) for s in summarizer.keypoints(sentences, bluf_points))
    if specs:
        chosen = summarizer.sections(sentences, specs, max_points)
        sections = tuple(Section(spec.title, tuple(point_from(s) for s in picked))
                         for spec, picked in zip(specs, chosen))
    else:
        sections = tuple(Section(name, tuple(point_from(s) for s in picked))
                         for name, picked in summarizer.propose_sections(sentences, auto_sections, max_points))
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
