"""Interchangeable summarizers behind one signature, chosen by name.

``SUMMARIZERS`` maps the CLI name to the class; ``DEFAULT_SUMMARIZER`` is the best one.
"""

from __future__ import annotations

from ..errors import DeckgenError
from .base import Summarizer
from .lead import LeadSummarizer
from .query import QuerySummarizer
from .semantic import SemanticSummarizer

SUMMARIZERS: dict[str, type[Summarizer]] = {
    QuerySummarizer.name: QuerySummarizer,
    SemanticSummarizer.name: SemanticSummarizer,
    LeadSummarizer.name: LeadSummarizer,
}
DEFAULT_SUMMARIZER = QuerySummarizer.name


def get_summarizer(name: str = DEFAULT_SUMMARIZER) -> Summarizer:
    """The summarizer registered as ``name``; raises DeckgenError listing the known names."""
    try:
        return SUMMARIZERS[name]()
    except KeyError:
        raise DeckgenError(f"unknown summarizer {name!r}; known: {', '.join(SUMMARIZERS)}") from None


__all__ = ["DEFAULT_SUMMARIZER", "SUMMARIZERS", "Summarizer", "get_summarizer"]
