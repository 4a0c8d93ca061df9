"""Proposed sections: balanced topic clusters of the sentences, each titled with its own words.

* Vectors: the embeddings less their mean (what every sentence shares, say "Iraq" in
  a story about Iraq, would otherwise swamp the differences), each plus half of each
  neighbour's in the same source, as a story treats one topic in a run of sentences.
* Clusters: deterministic k-means started from equal runs of the documents, so a
  story's parts seed the topics; a cluster smaller than its share of the sentences
  allows is dissolved into the nearest others. Each count from one below the asked
  count to one above is tried, and the one with the best simplified silhouette
  (nearness to the own centroid against the nearest other centroid) wins; the asked
  count keeps its place unless another beats it by ``COUNT_MARGIN``.
* Merging: clusters whose titles share a content word are one topic, and are merged.
* Titles: the noun phrase of the cluster (a run of content words after a determiner
  or preposition, "from Iranian-backed militias") whose words are most frequent in
  its sentences compared with the others', two to four words preferred; never a
  phrase another cluster already has.

Everything is linear in the number of sentences (times the count and the rounds).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from ..calendar_names import WEEKDAYS, lower_case
from ..model import Sentence
from .lexical import STOPWORDS, content_words

NEIGHBOUR_SHARE = 0.5   # weight of each adjacent sentence in a sentence's clustering vector
MIN_SHARE = 0.5         # a cluster below this fraction of an even share (and below 2) is dissolved
COUNT_MARGIN = 0.02     # silhouette another count must gain over the asked one
KMEANS_ROUNDS = 30
LONGEST_TITLE = 4       # words
TITLE_LENGTH_BONUS = 0.03  # per word beyond the first
REPEAT_BONUS = 0.05        # per further sentence of the cluster holding the same phrase

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'’-]*|\d[\d,.]*(?:st|nd|rd|th|s)?|\S")  # "100th" is one
_OPENERS = frozenset("""the a an of from by in on with for against about over into its their his her our
this that these those""".split())
_NOT_IN_TITLE = lower_case(WEEKDAYS, """today yesterday
reporters statement interview official officials day days hour hours within across since earlier later despite among toward
towards via amid around near beyond without upon including like ago still even already yet however always
never often ever seems seem include includes last next year years week weeks month months time times many
much several though although meanwhile otherwise unless onto us per cent must might pretty nearby
wrote flew wore went got became began goes go get gets took came gave told saw ran held kept
celebrates celebrate poses smiles arrives speaks shows
along alongside away behind beside besides beneath inside outside throughout amongst ahead apart aside
together alone almost nearly instead whilst""".split())  # date words, function words, verbs, adverbs
_NOT_A_HEAD = re.compile(r"(?:ing|ed|ly)$|[’']s?$")
_CONTRACTION = re.compile(r"[’'](?:t|re|ve|ll|d|m)$")
_VERB_LIKE = re.compile(r"^[a-z]+(?:ed|ly)$")  # "covered", "nearly": ends a run (not "Iranian-backed")


def cluster(vectors: np.ndarray, pool: Sequence[Sentence], count: int) -> np.ndarray:
    """A cluster label per sentence, 0.. in no particular order. Every count tried is clamped
    to 1..half the sentences (two a cluster), so fewer than four sentences make one cluster."""
    limit = max(1, len(pool) // 2)
    counts = list(dict.fromkeys(min(max(c, 1), limit) for c in (count, count - 1, count + 1)))
    points = _context_vectors(vectors, pool)
    best_labels, best_score = None, -np.inf
    for c in counts:
        labels = _dissolve_small(points, _kmeans(points, c), max(2, int(MIN_SHARE * len(pool) / c)))
        score = _silhouette(points, labels) - (COUNT_MARGIN if c != counts[0] else 0.0)
        if score > best_score:
            best_labels, best_score = labels, score
    return best_labels


def merge_by_title(labels: np.ndarray, pool: Sequence[Sentence]) -> np.ndarray:
    """Two clusters are one topic when their titles share a content word ("Iranian-backed
    militias", "Militia attacks"), each titled against the clusters other than the two (a word
    they share is what sets both apart); merged two at a time, labels renumbered 0.."""
    def name(label: int, twin: int) -> set[str]:
        return content_words(title([s for s, own in zip(pool, labels) if own == label],
                                   [s for s, own in zip(pool, labels) if own not in (label, twin)]))
    while labels.max() > 0:
        pair = next(((a, b) for a in range(labels.max() + 1) for b in range(a + 1, labels.max() + 1)
                     if name(a, b) & name(b, a)), None)
        if pair is None:
            break
        labels = np.unique(np.where(labels == pair[1], pair[0], labels), return_inverse=True)[1]
    return labels


def title(members: Sequence[Sentence], others: Sequence[Sentence], taken: set[str] = frozenset()) -> str:
    """The first of ``titles``."""
    return titles(members, others, taken)[0]


def titles(members: Sequence[Sentence], others: Sequence[Sentence], taken: set[str] = frozenset()) -> list[str]:
    """The cluster's noun phrases, most distinctive first: its most distinctive noun phrase of two or more words (one word only when it
    has none), first letter capitalised: the mean over its words of their share of the
    cluster's sentences less their share of the others', plus small bonuses for length and
    for each further sentence holding it. "Other points" when every phrase is ``taken``
    (compared case-blind)."""
    def share(sentences):
        counts = Counter(word for s in sentences for word in content_words(s.text))
        return {word: n / max(len(sentences), 1) for word, n in counts.items()}
    inside, outside = share(members), share(others)
    found = [{_stems(p): p for p in noun_phrases(s.text)} for s in members]
    repeats = Counter(key for phrases in found for key in phrases)
    surface = {key: phrase for phrases in found for key, phrase in phrases.items()}

    def score(key: tuple[str, ...]) -> tuple[bool, float, tuple[str, ...]]:
        distinct = sum(inside.get(w, 0) - outside.get(w, 0) for w in key) / len(key)
        length = len(surface[key])
        return length > 1, distinct + TITLE_LENGTH_BONUS * (length - 1) + REPEAT_BONUS * (repeats[key] - 1), key
    names = [" ".join(surface[key]) for key in sorted(surface, key=score, reverse=True)]
    chosen = [name for name in names if name.lower() not in taken] or ["Other points"]
    return [name[0].upper() + name[1:] for name in chosen]


def _stems(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(stem for word in phrase for stem in sorted(content_words(word))) or ("",)


def noun_phrases(text: str):
    """Runs of up to LONGEST_TITLE content words right after a determiner or preposition
    ("the two-phased agreement", "from Iranian-backed militias"), with their shorter
    endings ("agreement"); a run that ends in "-ing", "-ed", "-ly" or a possessive is no
    noun phrase, and an ending never cuts a capitalised name in two."""
    tokens = _TOKEN.findall(text)
    for i, token in enumerate(tokens[:-1]):
        if token.lower() not in _OPENERS and not token[0].isdigit():
            continue
        run: list[str] = []
        for word in tokens[i + 1:]:
            if not _is_title_word(word) or _VERB_LIKE.match(word):
                break
            run.append(word)
        if not run or _NOT_A_HEAD.search(run[-1]):
            continue
        for start in range(len(run)):
            cuts_name = start and run[start][0].isupper() and run[start - 1][0].isupper()
            if len(run) - start <= LONGEST_TITLE and not cuts_name and not _joins_two_runs(run[start:]):
                yield tuple(run[start:])


def _joins_two_runs(phrase: list[str]) -> bool:
    """A lower-case word before a capitalised one after the first ("best Hazard", "morning
    Shearer"): in a title that is where one caption or sentence ran into the next."""
    return any(a[0].islower() and b[0].isupper() for a, b in zip(phrase[1:], phrase[2:])) or (
        len(phrase) > 1 and phrase[0][0].islower() and phrase[1][0].isupper())


def _is_title_word(word: str) -> bool:
    """A content word that can stand in a title: not a stopword, a date word, a single letter
    or a contraction ("wasn't")."""
    lower = word.lower()
    return word[0].isalpha() and lower not in STOPWORDS and lower not in _NOT_IN_TITLE and not (
        len(word) == 1 and word != "I") and not _CONTRACTION.search(lower)


def _context_vectors(vectors: np.ndarray, pool: Sequence[Sentence]) -> np.ndarray:
    centred = _unit(vectors - vectors.mean(axis=0))
    result = centred.copy()
    same = np.array([a.source == b.source for a, b in zip(pool, pool[1:])], dtype=bool)
    result[:-1][same] += NEIGHBOUR_SHARE * centred[1:][same]
    result[1:][same] += NEIGHBOUR_SHARE * centred[:-1][same]
    return _unit(result)


def _kmeans(points: np.ndarray, count: int) -> np.ndarray:
    """Spherical k-means from the means of ``count`` equal runs; deterministic."""
    bounds = np.linspace(0, len(points), count + 1).astype(int)
    means = _unit(np.stack([points[a:b].mean(axis=0) for a, b in zip(bounds, bounds[1:])]))
    labels = np.full(len(points), -1)
    for _ in range(KMEANS_ROUNDS):
        new_labels = (points @ means.T).argmax(axis=1)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
        means = _centroids(points, labels, means)
    return labels


def _dissolve_small(points: np.ndarray, labels: np.ndarray, min_size: int) -> np.ndarray:
    """Move the members of the smallest too-small cluster to their nearest other cluster,
    until none is too small or one is left; labels are renumbered 0.. without gaps."""
    labels = labels.copy()
    while True:
        sizes = np.bincount(labels)
        small = np.flatnonzero((sizes > 0) & (sizes < min_size))
        if not len(small) or (sizes > 0).sum() == 1:
            return np.unique(labels, return_inverse=True)[1]
        worst = small[np.argmin(sizes[small])]
        nearness = points[labels == worst] @ _centroids(points, labels).T
        nearness[:, (sizes == 0) | (np.arange(len(sizes)) == worst)] = -np.inf
        labels[labels == worst] = nearness.argmax(axis=1)


def _silhouette(points: np.ndarray, labels: np.ndarray) -> float:
    """Mean of (b - a) / max(a, b), with a and b the cosine distances to the own and the
    nearest other centroid; 0 for a single cluster."""
    if labels.max() == 0:
        return 0.0
    distance = 1 - points @ _centroids(points, labels).T
    rows = np.arange(len(points))
    own = distance[rows, labels].copy()
    distance[rows, labels] = np.inf
    other = distance.min(axis=1)
    return float(np.mean((other - own) / np.maximum(np.maximum(own, other), 1e-9)))


def _centroids(points: np.ndarray, labels: np.ndarray, fallback: np.ndarray | None = None) -> np.ndarray:
    """Unit mean per label; an empty label keeps its ``fallback`` row (zeros without one)."""
    size = labels.max() + 1 if fallback is None else len(fallback)
    means = np.zeros((size, points.shape[1]), dtype=points.dtype) if fallback is None else fallback.copy()
    for label in np.unique(labels):
        means[label] = points[labels == label].mean(axis=0)
    return _unit(means)


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / (np.linalg.norm(rows, axis=-1, keepdims=True) + 1e-9)
