"""The Lead baseline: the first sentences (of the documents taken in order), nothing smarter."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import SectionSpec, Sentence
from .base import Choice, Summarizer, candidates, in_document_order
from .lexical import STOPWORDS, content_words, words


class LeadSummarizer(Summarizer):
    """Key points are the first k sentences; sections take the first sentences that
    share a content word with the title; proposed sections are consecutive chunks
    titled by their first sentence's leading content words."""

    name = "lead"

    def keypoints(self, sentences: Sequence[Sentence], k: int, *, analyses=None) -> list[Sentence]:
        return candidates(sentences)[:k]

    def choose(self, sentences, specs: Sequence[SectionSpec], max_points: int, *, analyses=None):
        taken: set[str] = set()
        result = []
        for spec in specs:
            title_words = content_words(spec.query)
            chosen = [s for s in candidates(sentences)
                      if s.id not in taken and title_words & content_words(s.text)][:max_points]
            taken.update(s.id for s in chosen)
            result.append([Choice(s, f"shares '{_shared_word(s.text, title_words)}' with the title") for s in chosen])
        return result

    def propose_sections(self, sentences, count: int, max_points: int, *, analyses=None):
        pool = candidates(sentences)
        size = max(1, -(-len(pool) // max(count, 1)))
        chunks = [pool[i : i + size] for i in range(0, len(pool), size)][:count]
        return [(_leading_words(chunk[0].text), in_document_order(chunk[:max_points])) for chunk in chunks]


def _shared_word(text: str, stems: set[str]) -> str:
    """The first word of ``text``, as written, whose stem is in ``stems``."""
    return next(word for word in words(text) if content_words(word) & stems)


def _leading_words(text: str, count: int = 3) -> str:
    """The first ``count`` content words of a sentence, as written ("Global coalition defeat")."""
    chosen = [w for w in words(text) if w.lower() not in STOPWORDS and len(w) > 1 and not w[0].isdigit()][:count]
    title = " ".join(chosen) or "Other points"
    return title[0].upper() + title[1:]
