"""The default summarizer: offline sentence embeddings, centrality, position and MMR.

* Key points: score = centrality (similarity to the documents' centroid) plus a
  lead bias, picked with maximal marginal relevance so no two say the same thing.
* Sections: each title (acronyms spelled out from the documents' own words) is
  embedded, refined once with its best-matching sentences, and scored against
  every sentence; scores are standardised per section, each sentence goes to the
  section it fits best, and only clear matches are kept, so a section is left
  short rather than padded.
* Proposed sections: deterministic k-means over the embeddings; each cluster is
  titled with its most distinctive words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from ..embed import embed
from ..model import SectionSpec, Sentence
from .base import Summarizer, candidates, in_document_order
from .lexical import content_words, expand_acronyms, stem, words

POSITION_WEIGHT = 0.25      # how strongly earlier sentences are preferred
MMR_LAMBDA = 0.7            # relevance versus novelty
DUPLICATE_SIMILARITY = 0.9  # above this two sentences say the same thing
FEEDBACK_WEIGHT = 0.5       # share of the best matches mixed into a section query
LEXICAL_WEIGHT = 0.15       # bonus for sharing the title's content words
MIN_SECTION_Z = 1.0         # a sentence must stand this many deviations above the mean


class SemanticSummarizer(Summarizer):
    name = "semantic"

    def keypoints(self, sentences: Sequence[Sentence], k: int) -> list[Sentence]:
        pool = candidates(sentences)
        if not pool:
            return []
        vectors = embed([s.text for s in pool])
        scores = _centrality(vectors) + POSITION_WEIGHT * _lead_bias(pool)
        return in_document_order(pool[i] for i in _mmr(vectors, scores, k))

    def sections(self, sentences: Sequence[Sentence], specs: Sequence[SectionSpec], max_points: int):
        pool = candidates(sentences)
        if not pool or not specs:
            return [[] for _ in specs]
        vectors = embed([s.text for s in pool])
        relevance = np.stack([_relevance(spec, pool, vectors) for spec in specs])
        z = (relevance - relevance.mean(axis=1, keepdims=True)) / (relevance.std(axis=1, keepdims=True) + 1e-9)
        owner = z.argmax(axis=0)
        result = []
        for row, _spec in enumerate(specs):
            eligible = np.flatnonzero((owner == row) & (z[row] >= MIN_SECTION_Z))
            scores = np.full(len(pool), -np.inf)
            scores[eligible] = relevance[row, eligible]
            picked = _mmr(vectors, scores, min(max_points, len(eligible)))
            result.append(in_document_order(pool[i] for i in picked))
        return result

    def propose_sections(self, sentences: Sequence[Sentence], count: int, max_points: int):
        pool = candidates(sentences)
        count = min(count, len(pool))
        if count == 0:
            return []
        vectors = embed([s.text for s in pool])
        labels = _kmeans(vectors, count)
        scores = _centrality(vectors) + POSITION_WEIGHT * _lead_bias(pool)
        clusters = sorted(set(labels.tolist()), key=lambda c: int(np.flatnonzero(labels == c)[0]))
        result = []
        for cluster in clusters:
            members = np.flatnonzero(labels == cluster)
            masked = np.full(len(pool), -np.inf)
            masked[members] = scores[members]
            chosen = [pool[i] for i in _mmr(vectors, masked, min(max_points, len(members)))]
            others = [pool[i] for i in np.flatnonzero(labels != cluster)]
            result.append((_title_from_words([pool[i] for i in members], others), in_document_order(chosen)))
        return result


def _relevance(spec: SectionSpec, pool: list[Sentence], vectors: np.ndarray) -> np.ndarray:
    """Similarity of each sentence to the section: embedding, refined by feedback, plus word overlap."""
    query_text = expand_acronyms(spec.query, (s.text for s in pool))
    query = embed([query_text])[0]
    first = vectors @ query
    top = np.argsort(-first, kind="stable")[:3]
    refined = query + FEEDBACK_WEIGHT * vectors[top].mean(axis=0)
    refined /= np.linalg.norm(refined) + 1e-9
    query_words = content_words(query_text)
    overlap = np.array([len(query_words & content_words(s.text)) / max(len(query_words), 1) for s in pool])
    return vectors @ refined + LEXICAL_WEIGHT * overlap


def _centrality(vectors: np.ndarray) -> np.ndarray:
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) + 1e-9
    return vectors @ centroid


def _lead_bias(pool: list[Sentence]) -> np.ndarray:
    """1 for each document's first sentence, decaying with position."""
    first = {}
    for s in pool:
        first.setdefault(s.source, s.index)
    return np.array([1.0 / np.sqrt(1 + s.index - first[s.source]) for s in pool])


def _mmr(vectors: np.ndarray, scores: np.ndarray, k: int) -> list[int]:
    """Maximal marginal relevance over finite scores; near-duplicates are never both picked."""
    picked: list[int] = []
    available = np.isfinite(scores)
    while len(picked) < k and available.any():
        if picked:
            redundancy = (vectors @ vectors[picked].T).max(axis=1)
            gain = MMR_LAMBDA * scores - (1 - MMR_LAMBDA) * redundancy
            available &= redundancy < DUPLICATE_SIMILARITY
            if not available.any():
                break
        else:
            gain = scores.copy()
        gain[~available] = -np.inf
        best = int(np.argmax(gain))
        picked.append(best)
        available[best] = False
    return picked


def _kmeans(vectors: np.ndarray, count: int, rounds: int = 20) -> np.ndarray:
    """Deterministic k-means: farthest-point start from the most central sentence."""
    centres = [int(np.argmax(_centrality(vectors)))]
    while len(centres) < count:
        distance = 1 - (vectors @ vectors[centres].T).max(axis=1)
        centres.append(int(np.argmax(distance)))
    means = vectors[centres].copy()
    labels = np.zeros(len(vectors), dtype=int)
    for _ in range(rounds):
        new_labels = (vectors @ means.T).argmax(axis=1)
        if _ and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        for c in range(count):
            members = vectors[labels == c]
            if len(members):
                means[c] = members.mean(axis=0) / (np.linalg.norm(members.mean(axis=0)) + 1e-9)
    return labels


def _title_from_words(members: list[Sentence], others: list[Sentence], size: int = 3) -> str:
    """The cluster's most distinctive content words, in the form they appear in its text."""
    inside = Counter(stem(w) for s in members for w in set(words(s.text)) if stem(w) in content_words(w))
    outside = Counter(stem(w) for s in others for w in set(words(s.text)))
    surface = {}
    for s in members:
        for w in words(s.text):
            surface.setdefault(stem(w), w)
    ranked = sorted(inside, key=lambda t: (-(inside[t] / len(members) - outside[t] / max(len(others), 1)), t))
    chosen = [surface[t] for t in ranked if not t[0].isdigit()][:size]
    title = " ".join(chosen) if chosen else "Other points"
    return title[0].upper() + title[1:]
