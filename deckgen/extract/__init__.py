"""Briefing content beyond bullets: figures, quotes, a timeline and perspectives, read from each
document's analysis (``deckgen.analysis``).

``extract(analyses)`` is the one entry; every item carries the ``sentence_ids`` its citations are
derived from, and its text is verbatim or a deletion-only shortening of them. Deterministic;
never prints. Items from different documents are kept apart (each with its own sentence ids);
speakers are resolved within one document only. What a slide shows of them is chosen by each
module's policy function (``shown_figures``, ``key_quotes``, ``timeline_groups``,
``shown_perspectives``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .coverage import sources_by_section
from .figures import Figure, FigureSeries, figure_series, find_figures, shown_figures
from .perspectives import Contrast, Perspective, Statement, find_contrasts, find_statements, perspectives, \
    shown_perspectives
from .quotes import Quote, find_quotes, key_quotes
from .speech import Speaker, SpeakerKind, read_speech
from .timeline import Precision, Relation, TimeMention, find_times, timeline_groups

if TYPE_CHECKING:
    from ..analysis import Analysis


@dataclass(frozen=True)
class Extracts:
    """Everything ``extract`` finds, each kind in document order (documents in the order given)."""

    figures: tuple[Figure, ...]
    series: tuple[FigureSeries, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[TimeMention, ...]
    perspectives: tuple[Perspective, ...]
    contrasts: tuple[Contrast, ...]


def extract(analyses: Sequence[Analysis]) -> Extracts:
    """Extract from analysed documents; relative dates resolve against each document's own
    publication date (flagged when it has none)."""
    figures, quotes, times, statements = [], [], [], []
    for analysis in analyses:
        speech = read_speech(analysis)
        figures += find_figures(analysis, speech)
        quotes += find_quotes(analysis, speech)
        times += find_times(analysis, speech)
        statements += find_statements(analysis, speech)
    return Extracts(tuple(figures), tuple(figure_series(figures)), tuple(quotes), tuple(times),
                    tuple(perspectives(statements)), tuple(find_contrasts(statements)))


__all__ = ["Contrast", "Extracts", "Figure", "FigureSeries", "Perspective", "Precision", "Quote", "Relation",
           "Speaker", "SpeakerKind", "Statement", "TimeMention", "extract", "key_quotes", "shown_figures",
           "shown_perspectives", "sources_by_section", "timeline_groups"]
