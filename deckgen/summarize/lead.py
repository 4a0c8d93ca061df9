"""The Lead baseline: the first sentences of each document, nothing smarter."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import SectionSpec, Sentence
from .base import Summarizer, candidates, in_document_order
from .lexical import content_words


class LeadSummarizer(Summarizer):
    """Key points are the first k sentences; sections take the first sentences that
    share a content word with the title; proposed sections are consecutive chunks
    titled by their first sentence's leading content words."""

    name = "lead"

    def keypoints(self, sentences: Sequence[Sentence], k: int) -> list[Sentence]:
        return candidates(sentences)[:k]

    def sections(self, sentences, specs: Sequence[SectionSpec], max_points: int):
        taken: set[str] = set()
        result = []
        for spec in specs:
            words = content_words(spec.query)
            chosen = [s for s in candidates(sentences)
                      if s.id not in taken and words & content_words(s.text)][:max_points]
            taken.update(s.id for s in chosen)
            result.append(chosen)
        return result

    def propose_sections(self, sentences, count: int, max_points: int):
        pool = candidates(sentences)
        size = max(1, -(-len(pool) // max(count, 1)))
        chunks = [pool[i : i + size] for i in range(0, len(pool), size)][:count]
        return [(" ".join(sorted(content_words(chunk[0].text), key=chunk[0].text.find)[:3]).capitalize(),
                 in_document_order(chunk[:max_points])) for chunk in chunks]
