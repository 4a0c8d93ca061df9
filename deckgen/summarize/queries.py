"""What a section title asks, and what in a sentence answers it.

A title is a short query. It may ask for a kind of answer: a wh-word ("Where it struck", "Who
was charged") or a noun that names the kind ("Location and affected areas", "Timeline", "Cost")
asks for places and distances, dates, people and bodies, or amounts, which the parse marks as
entities. Its content words (and the description's, when the brief gives one) are matched to a
sentence's words by their word embeddings: a sentence word counts when it is the title word or
one of its near neighbours ("penalty" and "prison", "struck" and "hit").

Every match carries its evidence, so a choice can say why it was made.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..analysis import load_pipeline
from ..embed import embed
from ..model import Role, Sentence
from .lexical import STOPWORDS, content_words, is_acronym, stem, words

if TYPE_CHECKING:
    from ..analysis import Analysis

NEAR_SIMILARITY = 0.2  # word-embedding cosine from which a sentence word stands for a title word

ADVICE = "ADVICE"  # not spaCy's: the label ``parse_sentences`` gives a word that advises ("should")
_ADVISING = frozenset({"should", "must", "ought", "recommend", "urge", "advise"})
# The entity labels (spaCy's) that answer each kind of question.
ANSWERS = {
    "where": frozenset({"GPE", "LOC", "FAC"}),
    "when": frozenset({"DATE", "TIME"}),
    "who": frozenset({"PERSON", "ORG", "NORP"}),
    "how much": frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"}),
    "what should": frozenset({ADVICE}),
}
# Title words that ask for each kind, besides the wh-words themselves ("how much", "how many").
_ASKING = {
    "where": "where location place region area geography site whereabouts",
    "when": "when date timeline timing schedule deadline",
    "who": "who people person",
    "how much": "amount cost number figure size value price total toll",
    "what should": "recommendation advice proposal should",
}
_ASKED_BY = {stem(word): kind for kind, line in _ASKING.items() for word in line.split()}
_HOW = re.compile(r"\bhow\s+(?:much|many|big|large|far|long)\b", re.I)
# A distance answers "where" too: "200 miles west-southwest of Ankara".
_DISTANCE = re.compile(r"\b(?:miles?|kilometres?|kilometers?|km)\b", re.I)


@dataclass(frozen=True)
class Query:
    """A section's query: its words (title, then description) and the kinds of answer it asks for."""

    text: str
    words: tuple[str, ...]
    kinds: tuple[str, ...]


def read_query(text: str) -> Query:
    """The content words of ``text`` as written (each stem once, in order) and the kinds of answer
    it asks for; a wh-word or asking noun is a kind, not a word to match."""
    kinds: list[str] = []
    if _HOW.search(text):
        kinds.append("how much")
    chosen: dict[str, str] = {}
    for word in words(text):
        key = stem(word)
        kind = _ASKED_BY.get(key) or ("how much" if word.lower() in ("much", "many") else None)
        if kind:
            kinds.append(kind)
        if content_words(word) and key not in chosen and (is_acronym(word) or word.lower() not in STOPWORDS):
            chosen[key] = word
    return Query(text, tuple(chosen.values()), tuple(dict.fromkeys(kinds)))


@dataclass(frozen=True)
class Evidence:
    """How a sentence answers a query: per query word, its best match (1 for the word itself, its
    word-embedding cosine for a near neighbour, 0 below NEAR_SIMILARITY) and the sentence word that
    gives it; and the kind of answer it gives with the entity that gives it."""

    scores: tuple[float, ...]
    found: tuple[str | None, ...]
    answer: tuple[str, str] | None  # (kind, entity text)

    def reason(self, query: Query, weights: Sequence[float]) -> str | None:
        """The answer it gives, else its strongest word match by ``weights`` (one per query word)."""
        if self.answer:
            kind, entity = self.answer
            return f"answers '{kind}': " + (f"says '{entity}'" if kind == "what should" else f"names {entity}")
        weighted = [score * weight for score, weight in zip(self.scores, weights)]
        if not any(weighted):
            return None
        best = int(np.argmax(weighted))
        asked, found = query.words[best], self.found[best]
        return f"matches '{asked}'" + ("" if stem(asked) == stem(found) else f": '{found}'")


@lru_cache(maxsize=50_000)
def _word_vector(word: str) -> np.ndarray:
    return embed([word])[0]


def evidence(query: Query, tokens: Sequence[tuple[str, str]], entities: Sequence[tuple[str, str]]) -> Evidence:
    """How ``query`` is answered by a sentence with these content ``tokens`` ((text, lemma)) and
    ``entities`` ((text, label))."""
    scores, found = [], []
    vectors = np.stack([_word_vector(lemma.lower()) for _, lemma in tokens]) if tokens else None
    stems = [stem(text) for text, _ in tokens]
    for word in query.words:
        same = [i for i, s in enumerate(stems) if s == stem(word)]
        if same:
            scores.append(1.0)
            found.append(tokens[same[0]][0])
            continue
        likeness = vectors @ _word_vector(word.lower()) if vectors is not None else np.zeros(1)
        best = int(likeness.argmax())
        near = float(likeness[best]) >= NEAR_SIMILARITY
        scores.append(float(likeness[best]) if near else 0.0)
        found.append(tokens[best][0] if near else None)
    answer = next(((kind, text) for kind in query.kinds for text, label in entities
                   if label in ANSWERS[kind] and (kind != "how much" or label != "CARDINAL" or _counts(text))), None)
    if answer is None and "where" in query.kinds:
        answer = next((("where", text) for text, label in entities
                       if label in ("QUANTITY", "CARDINAL") and _DISTANCE.search(text)), None)
    return Evidence(tuple(scores), tuple(found), answer)


def word_weights(found: Sequence[Evidence]) -> np.ndarray:
    """Per query word, how telling a match of it is among these sentences: log((n + 1) / (m + 0.5))
    with m of the n sentences matching it (a word that matches everywhere tells little)."""
    if not found or not found[0].scores:
        return np.zeros(0)
    matched = (np.array([e.scores for e in found]) > 0).sum(axis=0)
    return np.log((len(found) + 1) / (matched + 0.5))


def shares(found: Sequence[Evidence], weights: np.ndarray) -> np.ndarray:
    """Per sentence, the weighted share of the query's words it matches (0 with no query words)."""
    if not len(weights):
        return np.zeros(len(found))
    return np.array([e.scores for e in found]) @ weights / weights.sum()


def _counts(text: str) -> bool:
    """A cardinal that counts something ("2,000", "dozens"), not a lone small figure."""
    return bool(re.search(r"\d{2,}|dozens|hundreds|thousands|millions", text, re.I))


_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


@dataclass(frozen=True)
class Parsed:
    """What the query matching reads from one sentence's parse."""

    tokens: tuple[tuple[str, str], ...]    # content words: (text, lemma)
    entities: tuple[tuple[str, str], ...]  # (text, label); a word that advises is labelled ADVICE


def parse_sentences(sentences: Sequence[Sentence], analyses: Sequence[Analysis] | None = None) -> list[Parsed]:
    """One ``Parsed`` per sentence, read from its document's analysis when ``analyses`` holds it,
    else from a parse of the sentence alone. A document's entities are read once (a span's
    ``ents`` walks the whole document)."""
    by_source = {analysis.document.source.id: analysis for analysis in analyses or ()}
    entities = {source: [(e.start_char, e.end_char, e.text, e.label_) for e in analysis.doc.ents]
                for source, analysis in by_source.items()}
    missing = [s.text for s in sentences if s.source not in by_source]
    alone = iter(load_pipeline().pipe(missing)) if missing else iter(())
    result = []
    for sentence in sentences:
        analysis = by_source.get(sentence.source)
        if analysis:
            span = analysis.span(sentence)
            ents = _entities_within(entities[sentence.source], sentence)
        else:
            span = next(alone)
            ents = tuple((e.text, e.label_) for e in span.ents)
        tokens = tuple((t.text, t.lemma_) for t in span if t.is_alpha and (is_acronym(t.text) or (
            t.pos_ in _CONTENT_POS and not t.is_stop and t.text.lower() not in STOPWORDS)))
        advice = tuple((t.text, ADVICE) for t in span if t.lemma_.lower() in _ADVISING)
        result.append(Parsed(tokens, ents + advice))
    return result


def _entities_within(entities: list[tuple[int, int, str, str]], sentence: Sentence) -> tuple[tuple[str, str], ...]:
    """(text, label) of the entities, sorted by start, that lie inside the sentence."""
    result = []
    for start, end, text, label in entities[bisect_left(entities, (sentence.start,)):]:
        if start >= sentence.end:
            break
        if end <= sentence.end:
            result.append((text, label))
    return tuple(result)


def headings_above(sentences: Sequence[Sentence], analyses: Sequence[Analysis] | None) -> list[str | None]:
    """Per sentence, the text of the nearest heading above it in its document (None when there is
    none, or the document is not among ``analyses``). A heading above every sentence of its
    document is the document's title, not a part's, and counts as none."""
    documents = {analysis.document.source.id: analysis.document for analysis in analyses or ()}
    result = []
    for sentence in sentences:
        document = documents.get(sentence.source)
        above = [p for p in document.paragraphs if p.number < sentence.paragraph and p.role is Role.HEADING] if document else []
        text = document.text[above[-1].start:above[-1].end].strip() if above else ""
        result.append(text or None)
    whole = {source for source in {s.source for s in sentences}
             if len({h for s, h in zip(sentences, result) if s.source == source}) == 1}
    return [None if s.source in whole else heading for s, heading in zip(sentences, result)]
