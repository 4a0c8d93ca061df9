"""The "semantic" summarizer (the default, "query", keeps its key points and proposed sections): offline sentence embeddings, position, topic locality and MMR.

* Key points: a lead-aware score (position, likeness to the document's opening
  sentence, enough length, not a quotation), picked with maximal marginal
  relevance so no two say the same thing; never a question, nor a sentence that opens
  with "He"/"It"/"They" unless the sentence before it (which names them) is picked too.
* Sections: each title (acronyms spelled out from the documents' own words) is
  matched by embedding and by shared words, then refined twice with the sentences
  it won. A title that no sentence shares half its words with, or comes close to,
  gets no sentences. A sentence goes to the section whose standardised score, smoothed over
  its neighbours (news stories treat one topic in a run of sentences), is highest,
  and is kept only if its own score stands clearly above the mean, so a section is
  left short rather than padded; a section that vote leaves empty keeps its best clear
  match no other section keeps.
* Proposed sections: balanced topic clusters (see ``topics``; titles are noun phrases read from
  the documents' parses, else from the sentences parsed alone; clusters whose titles share a
  word are one topic and merged), each titled with the one of its most distinctive noun phrases
  closest in meaning to its sentences, of those that two of them are about (they name its head
  noun or come close to it), and given its best sentences about that title by the key-point
  score; a group with fewer than two such sentences is no section. Sections follow the order
  of their first point.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..analysis import span_reader
from ..context import unresolved
from ..embed import embed
from ..model import SectionSpec, Sentence
from . import topics
from .base import MIN_PROPOSED_POINTS, Choice, Summarizer, candidates, in_document_order, previous_ids
from .lexical import content_words, expand_acronyms

if TYPE_CHECKING:
    from spacy.tokens import Token

# Key points (weights chosen on CNN/DM dev articles, checked on XSum).
POSITION_WEIGHT = 1.75      # prior for early sentences: weight / sqrt(1 + rank in document)
LEAD_WEIGHT = 0.5           # likeness to the document's first sentence
LENGTH_WEIGHT = 0.25        # reward for length up to FULL_LENGTH words
FULL_LENGTH = 30
QUOTE_PENALTY = 0.2         # a bare quotation rarely states the news
REDUNDANCY_WEIGHT = 0.3     # MMR: a pick's score minus this times its likeness to earlier picks
DUPLICATE_SIMILARITY = 0.9  # above this two sentences say the same thing
MIN_KEYPOINT_WORDS = 6

# Sections.
MIN_TITLE_OVERLAP = 0.5     # a title is found in the documents when a sentence has half its words
MIN_TITLE_SIMILARITY = 0.3  # or is this close to it; otherwise its section stays empty
LEXICAL_WEIGHT = 0.3        # bonus for sharing the title's content words
FEEDBACK_WEIGHT = 1.0       # weight of the won sentences' centroid in a refined query
REFINE_ROUNDS = 2
NEIGHBOUR_WEIGHT = 2.0      # how much the two sentences either side vote on the owner
MIN_SECTION_Z = 0.75        # own and smoothed score, averaged, this many deviations above the mean
MIN_LOCAL_Z = 0.5           # and the neighbourhood must lean to the section too (no stray word match)
SECTION_POSITION_WEIGHT = 0.3
TITLE_CHOICES = 5           # distinctive phrases considered as a proposed section's title

_QUOTE_OPENERS = "\"“‘'"


class SemanticSummarizer(Summarizer):
    name = "semantic"

    def keypoints(self, sentences: Sequence[Sentence], k: int, *, analyses=None) -> list[Sentence]:
        pool = [s for s in candidates(sentences)
                if len(s.text.split()) >= MIN_KEYPOINT_WORDS and not s.text.endswith("?")] or candidates(sentences)
        if not pool or k <= 0:
            return []
        vectors = embed([s.text for s in pool])
        scores = _lead_score(pool, vectors)
        picked = standing(pool, vectors, scores, k, previous_ids(sentences), leaning(analyses))
        return in_document_order(pool[i] for i in picked)

    def choose(self, sentences: Sequence[Sentence], specs: Sequence[SectionSpec], max_points: int, *,
               analyses=None) -> list[list[Choice]]:
        pool = candidates(sentences)
        if not pool or not specs:
            return [[] for _ in specs]
        texts = [s.text for s in pool]
        vectors = embed(texts)
        queries = [expand_acronyms(spec.query, texts) for spec in specs]
        query_vectors = embed(queries)
        sentence_words = [content_words(t) for t in texts]
        overlap = np.array([[len(q & w) / max(len(q), 1) for w in sentence_words]
                            for q in map(content_words, queries)])
        found = ((overlap >= MIN_TITLE_OVERLAP) | (query_vectors @ vectors.T >= MIN_TITLE_SIMILARITY)).any(axis=1)
        own, members = _assign(query_vectors @ vectors.T + LEXICAL_WEIGHT * overlap, found, pool)
        for _ in range(REFINE_ROUNDS):
            centres = np.stack([_normalise(query_vectors[row] + FEEDBACK_WEIGHT * vectors[chosen].mean(axis=0))
                                if chosen.any() else query_vectors[row] for row, chosen in enumerate(members)])
            own, members = _assign(centres @ vectors.T + LEXICAL_WEIGHT * overlap, found, pool)
        bias = SECTION_POSITION_WEIGHT * _position_prior(pool)
        return [[Choice(pool[i], _reason(overlap[row, i] > 0)) for i in sorted(
                    _mmr(vectors, np.where(chosen, own[row] + bias, -np.inf), max_points))]
                for row, chosen in enumerate(members)]

    def propose_sections(self, sentences: Sequence[Sentence], count: int, max_points: int, *, analyses=None):
        pool = candidates(sentences)
        if not pool or count <= 0:
            return []
        vectors = embed([s.text for s in pool])
        phrases = topics.sentence_phrases(pool, analyses)
        labels = topics.merge_by_title(topics.cluster(vectors, pool, count), pool, phrases)
        scores = _lead_score(pool, vectors)
        result, taken = [], set()
        for label in range(labels.max() + 1):
            inside = labels == label
            names = topics.titles([pool[i] for i in np.flatnonzero(inside)],
                                  [pool[i] for i in np.flatnonzero(~inside)], phrases, taken)[:TITLE_CHOICES]
            needed = min(MIN_PROPOSED_POINTS, inside.sum())
            # of the most distinctive phrases, the one closest in meaning to the group's sentences of
            # those that enough of them are about: a phrase of no topic ("Large area") is close to none
            about, _, name = max(((inside & _about(name, vector, pool, vectors), float(np.mean(vectors[inside] @ vector)), name)
                                  for name, vector in zip(names, embed(names))),
                                 key=lambda found: (found[0].sum() >= needed, found[1]))
            taken.add(name.lower())
            if about.sum() >= needed:  # fewer, truer sections: each point is about its title
                result.append((name, in_document_order(pool[i] for i in _mmr(vectors, np.where(about, scores, -np.inf),
                                                                            max_points))))
        return sorted(result, key=lambda section: section[1][0].position)


def _about(title: str, title_vector: np.ndarray, pool: list[Sentence], vectors: np.ndarray) -> np.ndarray:
    """Per sentence, whether it is about ``title`` (a noun phrase, its head last): it names the head
    (by stem; "global forests" is not about "Global temperatures") or comes as close to the title
    as MIN_TITLE_SIMILARITY."""
    head = content_words(title.split()[-1])
    return np.array([bool(head & content_words(s.text)) for s in pool]) | (vectors @ title_vector >= MIN_TITLE_SIMILARITY)


def _assign(raw: np.ndarray, found: np.ndarray, pool: list[Sentence]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Standardised own scores and, per section, a mask of the sentences it keeps: those whose
    neighbourhood-smoothed score is highest for it and clear of the mean, own and smoothed.

    A section the neighbourhood vote leaves empty still keeps its best sentence that is clear of
    the mean for it and kept by no other section: in a short story a sentence's neighbours are
    other topics, and their vote could take a clear match from every section.
    """
    own = _standardise(raw)
    local = _standardise(_with_neighbours(raw, pool))
    owner = np.where(found[:, None], local, -np.inf).argmax(axis=0)
    clear = found[:, None] & (local >= MIN_LOCAL_Z) & (own + local >= 2 * MIN_SECTION_Z)
    members = [clear[row] & (owner == row) for row in range(len(raw))]
    for row, chosen in enumerate(members):
        free = clear[row] & ~np.any(members, axis=0)
        if not chosen.any() and free.any():
            chosen[np.flatnonzero(free)[own[row][free].argmax()]] = True
    return own, members


def _reason(shares_words: bool) -> str:
    return "shares the title's words" if shares_words else "close in meaning to the title"


def _lead_score(pool: list[Sentence], vectors: np.ndarray) -> np.ndarray:
    """Position prior, likeness to the first sentence of the same document, length, no bare quote."""
    first: dict[str, int] = {}
    for row, s in enumerate(pool):
        first.setdefault(s.source, row)
    lead_likeness = np.array([vectors[row] @ vectors[first[s.source]] for row, s in enumerate(pool)])
    length = np.array([min(len(s.text.split()), FULL_LENGTH) / FULL_LENGTH for s in pool])
    quote = np.array([s.text[:1] in _QUOTE_OPENERS for s in pool], dtype=float)
    return (POSITION_WEIGHT * _position_prior(pool) + LEAD_WEIGHT * lead_likeness
            + LENGTH_WEIGHT * length - QUOTE_PENALTY * quote)


def _position_prior(pool: list[Sentence]) -> np.ndarray:
    """1 for each document's first candidate, then 1/sqrt(1 + rank)."""
    rank: Counter[str] = Counter()
    prior = []
    for s in pool:
        prior.append(1.0 / np.sqrt(1 + rank[s.source]))
        rank[s.source] += 1
    return np.array(prior)


def _standardise(scores: np.ndarray) -> np.ndarray:
    """Each row to mean 0 and deviation 1 (a constant row becomes all zeros)."""
    return (scores - scores.mean(axis=1, keepdims=True)) / (scores.std(axis=1, keepdims=True) + 1e-9)


def _with_neighbours(scores: np.ndarray, pool: list[Sentence]) -> np.ndarray:
    """Add the scores of the two sentences either side in the same document, halved per step away."""
    result = scores.copy()
    for offset in (1, 2):
        weight = NEIGHBOUR_WEIGHT / (2 * offset)
        for i in range(len(pool) - offset):
            if pool[i].source == pool[i + offset].source:
                result[:, i] += weight * scores[:, i + offset]
                result[:, i + offset] += weight * scores[:, i]
    return result


def _normalise(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) + 1e-9)


def leaning(analyses=None) -> Callable[[Sentence], bool]:
    """Whether a sentence leans on the one before it: a pronoun or demonstrative on a key
    argument with no antecedent in it (``context.unresolved``), but a speaker after what they
    said ("“...,” he said": the slide credits them by name), read in its document's analysis,
    else parsed on its own (once)."""
    span, read = span_reader(analyses), {}

    def leans(sentence: Sentence) -> bool:
        if sentence.id not in read:
            read[sentence.id] = any(not _speaker_after_claim(word)
                                    for word in unresolved(span(sentence), descriptions=False))
        return read[sentence.id]

    return leans


def _speaker_after_claim(word: Token) -> bool:
    return word.dep_ == "nsubj" and any(c.dep_ == "ccomp" and c.i < word.i for c in word.head.children)


def standing(pool: list[Sentence], vectors: np.ndarray, scores: np.ndarray, k: int,
             previous: dict[str, str], leans: Callable[[Sentence], bool]) -> list[int]:
    """``_mmr`` picks, where a pick that ``leans`` on the sentence before it ("He was ranked
    ...") stands only with that sentence picked too; a stranded one is dropped and the picking
    runs again (an empty list when every pick would be stranded)."""
    while True:
        picked = _mmr(vectors, scores, k)
        ids = {pool[i].id for i in picked}
        stranded = [i for i in picked if previous.get(pool[i].id) not in ids and leans(pool[i])]
        if not stranded:
            return picked
        scores = scores.copy()
        scores[stranded] = -np.inf


def _mmr(vectors: np.ndarray, scores: np.ndarray, k: int) -> list[int]:
    """Maximal marginal relevance over finite scores; near-duplicates are never both picked."""
    picked: list[int] = []
    available = np.isfinite(scores)
    while len(picked) < k and available.any():
        gain = scores.copy()
        if picked:
            redundancy = (vectors @ vectors[picked].T).max(axis=1)
            gain = scores - REDUNDANCY_WEIGHT * redundancy
            available &= redundancy < DUPLICATE_SIMILARITY
        gain[~available] = -np.inf
        if not available.any():
            break
        best = int(np.argmax(gain))
        picked.append(best)
        available[best] = False
    return picked
