"""Across several sources: find where another source says the same thing as a chosen sentence,
so that one bullet cites both instead of two bullets repeating each other.

Two sentences say the same thing when their embeddings are very close, they share most content
words, and they state the same figures (a sentence with "2,500" never corroborates one with
"2,000"). The comparison is chosen sentences x all sentences: linear in the documents' size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .model import Sentence, source_number

MIN_SIMILARITY = 0.85   # cosine of the two embeddings
MIN_SHARED_WORDS = 0.5  # Jaccard overlap of content words
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def corroborating(chosen: Sequence[Sentence], sentences: Sequence[Sentence]) -> dict[str, tuple[Sentence, ...]]:
    """For each chosen sentence id, the sentences of *other* sources that say the same thing
    (at most one per source, the closest), in source order. Empty when there is one source."""
    if len({s.source for s in sentences}) < 2 or not chosen:
        return {}
    from .embed import embed
    from .summarize.lexical import content_words

    vectors = embed([s.text for s in sentences])
    index = {s.id: i for i, s in enumerate(sentences)}
    words = [content_words(s.text) for s in sentences]
    result = {}
    for sentence in chosen:
        row = index[sentence.id]
        similarity = vectors @ vectors[row]
        best: dict[str, tuple[float, Sentence]] = {}
        for other in np.flatnonzero(similarity >= MIN_SIMILARITY):
            candidate = sentences[int(other)]
            if candidate.source == sentence.source or not _same_claim(sentence, candidate,
                                                                       words[row], words[int(other)]):
                continue
            if candidate.source not in best or similarity[other] > best[candidate.source][0]:
                best[candidate.source] = (float(similarity[other]), candidate)
        if best:
            result[sentence.id] = tuple(best[source][1] for source in sorted(best, key=source_number))
    return result


def _same_claim(a: Sentence, b: Sentence, words_a: set[str], words_b: set[str]) -> bool:
    shared = len(words_a & words_b) / max(len(words_a | words_b), 1)
    return shared >= MIN_SHARED_WORDS and set(_NUMBER.findall(a.text)) == set(_NUMBER.findall(b.text))
