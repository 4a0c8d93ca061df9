"""Sections read as queries: the default summarizer, named "query" (key points and proposed
sections as "semantic"; see docs/sections.md).

* A title is read for what it asks (``queries``): its words and their near neighbours in the
  word-embedding space, weighted by how telling a match is among the sentences, and the kind of
  answer a wh-word or asking noun calls for (places, dates, people, amounts).
* One score for a sentence and a section: its likeness to the title (then to the title moved
  toward the sentences it won, twice), standardised, plus its standardised word matches, plus one
  for giving the asked kind of answer, plus HEADING_WEIGHT under a heading that claims the
  section; a pick is ranked by that plus the lead prior LEAD_WEIGHT / sqrt(1 + rank in document).
* "Nothing on this" only when no sentence is a fair match: one that gives the asked answer, has a
  title word or near neighbour, stands under a claiming heading, or comes as close as
  MIN_TITLE_SIMILARITY. A title of function words only ("What they did") asks for anything.
* Each sentence goes to the one section (of those whose topic is there) it answers best, among
  those it stands out for; a lede (a document's first sentence under no heading) may
  answer any of them. Each pick carries its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..embed import embed
from ..model import SectionSpec, Sentence
from .base import Choice, candidates, previous_ids
from .lexical import STOPWORDS, expand_acronyms, words
from .queries import Query, evidence, headings_above, parse_sentences, read_query, shares, word_weights
from .semantic import (SemanticSummarizer, _mmr, _normalise, _position_prior, _standardise,
                       _with_neighbours, leaning, standing)

if TYPE_CHECKING:
    from ..analysis import Analysis

MIN_TITLE_SIMILARITY = 0.2  # a sentence this close to a title is a fair match for it (chosen on half A)
REFINE_ROUNDS = 2
HEADING_WEIGHT = 2.0        # a heading that matches a section claims the text under it
MIN_RELEVANCE = 0.5         # deviations above the section's mean a kept sentence must stand
RUN_WEIGHT = 0.25           # share of the neighbours' relevance in a pick's rank (a run on the topic)
LEAD_WEIGHT = 5.0           # lead prior: LEAD_WEIGHT / sqrt(1 + rank in document); news answers early


class QuerySummarizer(SemanticSummarizer):
    name = "query"
    reads_analyses = True

    def choose(self, sentences: Sequence[Sentence], specs: Sequence[SectionSpec], max_points: int, *,
               analyses: Sequence[Analysis] | None = None) -> list[list[Choice]]:
        pool = candidates(sentences)
        if not pool or not specs:
            return [[] for _ in specs]
        texts = [s.text for s in pool]
        vectors = embed(texts)
        queries = [read_query(expand_acronyms(spec.query, texts)) for spec in specs]
        query_vectors = embed([q.text for q in queries])
        likeness = query_vectors @ vectors.T
        parsed = parse_sentences(pool, analyses)
        found = [[evidence(query, p.tokens, p.entities) for p in parsed] for query in queries]
        weights = [word_weights(row) for row in found]
        share = np.stack([shares(row, w) for row, w in zip(found, weights)])
        answered = np.array([[e.answer is not None for e in row] for row in found])
        headings = headings_above(pool, analyses)
        claims = _heading_claims(headings, queries)
        claimed = np.array([[claims.get(h) == row for h in headings] for row in range(len(specs))])
        evidence_score = _standardise(share) + answered + HEADING_WEIGHT * claimed
        relevance = _standardise(likeness) + evidence_score
        fair = claimed | answered | (share > 0) | (likeness >= MIN_TITLE_SIMILARITY)
        fair[[not q.words and not q.kinds for q in queries]] = True  # a title of function words asks for anything
        fair[:] = fair.any(axis=1, keepdims=True)  # the topic is there: every sentence may answer it
        lede = _lede(pool, headings)
        members = _owners(relevance, fair, pool, lede)
        for _ in range(REFINE_ROUNDS):  # each query moves toward the sentences it won (relevance feedback)
            centres = np.stack([_normalise(query_vectors[row] + vectors[chosen].mean(axis=0)) if chosen.any()
                                else query_vectors[row] for row, chosen in enumerate(members)])
            relevance = _standardise(centres @ vectors.T) + evidence_score
            members = _owners(relevance, fair, pool, lede)
        ahead = np.maximum(relevance, 0)  # a neighbour on the topic vouches for a pick; one off it says nothing
        ranking = (relevance + RUN_WEIGHT * (_with_neighbours(ahead, pool) - ahead)
                   + LEAD_WEIGHT * _position_prior(pool))
        previous = previous_ids(sentences)
        leans = leaning(analyses)
        result = []
        for row, chosen in enumerate(members):
            scores = np.where(chosen, ranking[row], -np.inf)
            # when every match dangles, keep them: the outline cites them as withheld, not "nothing on this"
            picked = sorted(standing(pool, vectors, scores, max_points, previous, leans)
                            or _mmr(vectors, scores, max_points))
            result.append([Choice(pool[i], _reason(specs[row].title, headings[i] if claimed[row, i] else None,
                                                   found[row][i].reason(queries[row], weights[row])))
                           for i in picked])
        return result


def _lede(pool: list[Sentence], headings: Sequence[str | None]) -> np.ndarray:
    """True for each document's first sentence (the lead prior's 1) when no heading is above it:
    a news lede sums up the story, so it may answer any section whose topic is there (its first
    three pulled the sentences after a lede into the section the lede answers)."""
    return (_position_prior(pool) == 1.0) & np.array([heading is None for heading in headings], dtype=bool)


def _owners(relevance: np.ndarray, fair: np.ndarray, pool: list[Sentence], lede: np.ndarray) -> list[np.ndarray]:
    """Per section, a mask of the sentences it keeps: each sentence goes to the section it answers
    best, with its neighbours' relevance added (a story treats one topic in a run of sentences),
    among those it may answer (``fair``) and stands MIN_RELEVANCE above the mean for, that are
    in the ``lede``, or whose sentences surround it. A section left with none takes its best fair match from a section that
    keeps two or more."""
    eligible = fair & (relevance > MIN_RELEVANCE)
    eligible |= _between(eligible, pool) | (fair & lede)  # a lede opens no run: it vouches for no neighbour
    owner = np.where(eligible, _with_neighbours(relevance, pool), -np.inf).argmax(axis=0)
    members = [eligible[row] & (owner == row) for row in range(len(relevance))]
    for row, chosen in enumerate(members):
        if chosen.any() or not fair[row].any():
            continue
        kept = np.any(members, axis=0)
        spare = fair[row] & np.array([not kept[i] or members[owner[i]].sum() > 1 for i in range(len(owner))])
        if spare.any():
            best = np.flatnonzero(spare)[relevance[row][spare].argmax()]
            if kept[best]:
                members[owner[best]][best] = False
            chosen[best] = True
    return members


def _heading_claims(headings: Sequence[str | None], queries: Sequence[Query]) -> dict[str, int]:
    """Per heading text, the section it claims: the one its words (or their near neighbours)
    match best, when any does."""
    claims = {}
    for heading in dict.fromkeys(h for h in headings if h):
        tokens = [(word, word) for word in words(heading) if word.lower() not in STOPWORDS]
        matched = [np.mean(evidence(query, tokens, ()).scores or [0.0]) for query in queries]
        if max(matched) > 0:
            claims[heading] = int(np.argmax(matched))
    return claims


def _reason(title: str, heading: str | None, evidence_reason: str | None) -> str:
    """Why a sentence went to its section, in a few words."""
    if heading:
        return f"under heading '{heading}'"
    return evidence_reason or f"close in meaning to '{title}'"


def _between(mask: np.ndarray, pool: list[Sentence]) -> np.ndarray:
    """True where the sentences just before and after, in the same document, are both True: a
    sentence inside a run on one topic belongs to that topic too."""
    result = np.zeros_like(mask)
    for i in range(1, len(pool) - 1):
        if pool[i - 1].source == pool[i].source == pool[i + 1].source:
            result[:, i] = mask[:, i - 1] & mask[:, i + 1]
    return result
