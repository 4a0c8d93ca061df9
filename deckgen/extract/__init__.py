"""Briefing content beyond bullets: figures, quotes, a timeline and perspectives.

``extract(documents)`` is the one entry; every item carries the ``sentence_ids`` its
citations are derived from, and its text is verbatim or a deletion-only shortening of them.
Deterministic; never prints. Items from different documents are kept apart (each with its own
sentence ids); speakers are resolved within one document only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Document
from .attribution import Speaker, SpeakerKind, attribute
from .coverage import sources_by_section
from .figures import Figure, FigureSeries, figure_series, find_figures
from .perspectives import Contrast, Perspective, Statement, find_contrasts, find_statements, perspectives
from .quotes import Quote, find_quotes
from .timeline import Precision, Relation, TimeMention, find_times


@dataclass(frozen=True)
class Extracts:
    """Everything ``extract`` finds, each kind in document order (documents in the order given)."""

    figures: tuple[Figure, ...]
    series: tuple[FigureSeries, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[TimeMention, ...]
    perspectives: tuple[Perspective, ...]
    contrasts: tuple[Contrast, ...]


def extract(documents: Sequence[Document]) -> Extracts:
    """Extract from segmented documents; relative dates resolve against each document's own
    publication date (flagged when it has none)."""
    figures, quotes, times, statements = [], [], [], []
    for document in documents:
        attributions = attribute(document)
        figures += find_figures(document, attributions)
        quotes += find_quotes(document, attributions)
        times += find_times(document)
        statements += find_statements(document, attributions)
    return Extracts(tuple(figures), tuple(figure_series(figures)), tuple(quotes), tuple(times),
                    tuple(perspectives(statements)), tuple(find_contrasts(statements)))


__all__ = ["Contrast", "Extracts", "Figure", "FigureSeries", "Perspective", "Precision", "Quote", "Relation",
           "Speaker", "SpeakerKind", "Statement", "TimeMention", "extract", "sources_by_section"]
