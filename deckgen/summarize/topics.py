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
* Titles: noun phrases read from the spaCy parse (``noun_phrases``: a noun heading a
  nominal with the nouns and adjectives before it, "Iranian-backed militias"; no
  determiner, possessive, pronoun, date or number, a name never cut), ranked by how much
  more frequent their words are in the cluster's sentences than in the others', a phrase
  whose head noun is itself more frequent there first ("Entire section" in a text where
  every part speaks of sections is not), two to four words preferred; never a phrase
  another cluster already has.

Everything is linear in the number of sentences (times the count and the rounds).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..analysis import SUBORDINATE_CLAUSES, spans_of
from ..model import Sentence
from .lexical import content_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..analysis import Analysis

Phrases = dict[str, list[tuple[str, ...]]]  # per sentence id, its noun phrases

NEIGHBOUR_SHARE = 0.5   # weight of each adjacent sentence in a sentence's clustering vector
MIN_SHARE = 0.5         # a cluster below this fraction of an even share (and below 2) is dissolved
COUNT_MARGIN = 0.02     # silhouette another count must gain over the asked one
KMEANS_ROUNDS = 30
LONGEST_TITLE = 4       # words
TITLE_LENGTH_BONUS = 0.03  # per word beyond the first
REPEAT_BONUS = 0.05        # per further sentence of the cluster holding the same phrase

# Entity labels of a date, time, number or amount: a word in one names no topic ("three days").
_NUMBERS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_HYPHENS = frozenset("-‐–")
_CLAUSES = SUBORDINATE_CLAUSES | {"ccomp", "xcomp"}
_NOT_IN_NAME = frozenset({"DET", "ADP", "CCONJ", "PRON", "VERB", "AUX", "PART", "SCONJ"})  # a title, not a name


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


def merge_by_title(labels: np.ndarray, pool: Sequence[Sentence], phrases: Phrases) -> np.ndarray:
    """Two clusters are one topic when their titles share a content word ("Iranian-backed
    militias", "Militia attacks"), each titled against the clusters other than the two (a word
    they share is what sets both apart); merged two at a time, labels renumbered 0.."""
    def name(label: int, twin: int) -> set[str]:
        return content_words(title([s for s, own in zip(pool, labels) if own == label],
                                   [s for s, own in zip(pool, labels) if own not in (label, twin)], phrases))
    while labels.max() > 0:
        pair = next(((a, b) for a in range(labels.max() + 1) for b in range(a + 1, labels.max() + 1)
                     if name(a, b) & name(b, a)), None)
        if pair is None:
            break
        labels = np.unique(np.where(labels == pair[1], pair[0], labels), return_inverse=True)[1]
    return labels


def title(members: Sequence[Sentence], others: Sequence[Sentence], phrases: Phrases,
          taken: set[str] = frozenset()) -> str:
    """The first of ``titles``."""
    return titles(members, others, phrases, taken)[0]


def titles(members: Sequence[Sentence], others: Sequence[Sentence], phrases: Phrases,
           taken: set[str] = frozenset()) -> list[str]:
    """The noun phrases of the cluster's sentences (``phrases``, per sentence id), most distinctive
    first, first letter capitalised. Distinctiveness: the mean over its words of their share of
    the cluster's sentences less their share of the others', plus small bonuses for length and for
    each further sentence holding it; a phrase whose head (last word) is not more frequent in the
    cluster comes after those whose head is, and one of a single word after those of more.
    "Other points" when every phrase is ``taken`` (compared case-blind)."""
    def share(sentences):
        counts = Counter(word for s in sentences for word in content_words(s.text))
        return {word: n / max(len(sentences), 1) for word, n in counts.items()}
    inside, outside = share(members), share(others)
    found = [{_stems(p): p for p in phrases[s.id]} for s in members]
    repeats = Counter(key for phrases in found for key in phrases)
    surface = {key: phrase for phrases in found for key, phrase in phrases.items()}

    def distinct(stems: Sequence[str]) -> float:
        return sum(inside.get(w, 0) - outside.get(w, 0) for w in stems) / max(len(stems), 1)

    def score(key: tuple[str, ...]) -> tuple[bool, bool, float, tuple[str, ...]]:
        length = len(surface[key])
        return (distinct(sorted(content_words(surface[key][-1]))) > 0, length > 1,
                distinct(key) + TITLE_LENGTH_BONUS * (length - 1) + REPEAT_BONUS * (repeats[key] - 1), key)
    names = [" ".join(surface[key]) for key in sorted(surface, key=score, reverse=True)]
    chosen = [name for name in names if name.lower() not in taken] or ["Other points"]
    return [name[0].upper() + name[1:] for name in chosen]


def _stems(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(stem for word in phrase for stem in sorted(content_words(word))) or ("",)


def sentence_phrases(pool: Sequence[Sentence], analyses: Sequence[Analysis] | None = None) -> Phrases:
    """Per sentence id, its ``noun_phrases``, read from its document's analysis (else parsed alone)."""
    return {s.id: list(noun_phrases(span)) for s, span in zip(pool, spans_of(pool, analyses))}


def noun_phrases(span: Span) -> Iterator[tuple[str, ...]]:
    """Title candidates of one parsed sentence, as words: each noun that heads a nominal
    (``_heads_a_nominal``) with the nouns and adjectives right before it in its phrase
    ("Iranian-backed militias", "academy graduate Harry Kane"; a determiner, possessive, number
    or stop word ends them), and its shorter endings; at most LONGEST_TITLE words, never
    starting inside a word or cutting a name in two."""
    for head in span:
        if not _heads_a_nominal(head):
            continue
        doc, start = head.doc, _word_start(head)
        if head.ent_type_:  # the whole name, or none when it is no noun phrase ("Lady and the Tramp")
            while doc[start].ent_iob_ == "I":
                start -= 1
            start += doc[start].pos_ == "DET"
            if any(t.pos_ in _NOT_IN_NAME for t in doc[start:head.i]):
                continue
        left = max(head.left_edge.i, span.start)
        while start > left and _modifies(doc[start - 1], head):
            start = _word_start(doc[start - 1])
        starts = [t.i for t in doc[start:head.i + 1] if t.i == start or doc[t.i - 1].whitespace_]
        text = doc[start:head.i + 1].text.split()
        for n, first in enumerate(starts):
            cut = _inside_name(doc[first]) or not n and _inside_word(doc[first])
            if len(starts) - n <= LONGEST_TITLE and not cut:
                yield tuple(text[n:])


def _heads_a_nominal(token: Token) -> bool:
    """A noun or name that ends its word and is not a compound's part (or other modifier of a noun),
    a noun used as an adverb ("all the way"), a word of a date or number, a stop word or a single
    letter; nor one the parse reads as a clause, which is a verb it mistook ("if Rotherham win")."""
    doc = token.doc
    ends_word = token.i + 1 == len(doc) or not _joined(token, doc[token.i + 1])
    ends_name = token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I"
    clause = token.dep_ in _CLAUSES or token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") \
        or any(child.dep_ in ("mark", "nsubj", "aux") for child in token.children)
    return (token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "nmod", "npadvmod") and not clause
            and token.ent_type_ not in _NUMBERS and not token.is_stop and len(token.text) > 1
            and token.text[0].isalpha() and ends_word and ends_name)


def _modifies(token: Token, head: Token) -> bool:
    """A word that may stand before ``head`` in a title: a noun, a name, or before a common noun
    an adjective or participle ("invading badgers"; "best Hazard" is where a parse went wrong);
    no stop word ("other"), date, number or measure ("2.1 GW", "three-point")."""
    describes = head.pos_ == "NOUN" and (token.pos_ == "ADJ" or token.pos_ == "VERB" and token.dep_ == "amod")
    before = token.doc[token.i - 1] if token.i else None
    measure = any(c.dep_ == "nummod" for c in token.children) or (
        before is not None and before.like_num and before.ent_type_ not in ("DATE", "TIME"))
    return (token.pos_ in ("NOUN", "PROPN") or describes) and not token.is_stop and token.text[0].isalnum() \
        and token.ent_type_ not in _NUMBERS and not measure


def _word_start(token: Token) -> int:
    """Index of the first token of the hyphenated word that ends with ``token`` ("Iranian-backed")."""
    doc, i = token.doc, token.i
    while i > 0 and _joined(doc[i - 1], doc[i]):
        i -= 1
    return i


def _joined(a: Token, b: Token) -> bool:
    """Two adjacent tokens of one hyphenated word."""
    return not a.whitespace_ and (a.text in _HYPHENS or b.text in _HYPHENS)


def _inside_word(token: Token) -> bool:
    """A token that goes on a word begun before it ("kWh" of "$0.06/kWh"), not one after an
    opening bracket or quote."""
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and not before.whitespace_ and not (before.is_left_punct or before.is_quote)


def _inside_name(token: Token) -> bool:
    """A word that goes on a name begun before it: inside a named entity (after more than its
    determiner, "the SIX Swiss Exchange"), or out of any a name after a name."""
    if token.ent_type_ and token.ent_type_ not in _NUMBERS:
        return token.ent_iob_ == "I" and token.doc[token.i - 1].pos_ != "DET"
    return token.i > 0 and token.pos_ == token.doc[token.i - 1].pos_ == "PROPN"


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
