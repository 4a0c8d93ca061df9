"""Whether an extra item (a key quote, a figure, a dated event, a statement) stands on its slide
alone: the slide shows no sentence around it, so precision over recall.

What the slide shows is read in its parse: a stretch of a sentence (a quotation's words, a
figure's clause) in the document's analysis, a shortened sentence (a dated event, a statement,
maybe credited to its speaker: "... — Sabrina Singh") parsed as shown, since its speaker's "she
said" and its scene may be cut. It is read by ``context.needs_context`` with definite
descriptions counted ("The couple had been transported ...", "This amount is $500 ...") and,
since a reader has nothing before the item, every word read, not only the key arguments ("wash
them", "on that measure").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis import nouns_before
from ..compress import CREDIT
from ..context import needs_context
from ..names import FullName, full_names_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class Before:
    """What the document said before an item's sentence that the item, read on its own, may
    point back to: the lemmas of the common nouns it used ("the chemical") and the people it
    named in full ("Bader" after "Douglas Bader")."""

    nouns: frozenset[str] = frozenset()
    people: tuple[FullName, ...] = ()


def said_before(doc: Doc, offset: int) -> Before:
    """What ``doc`` (a document's parse) said before character ``offset``."""
    return Before(nouns_before(doc, offset), full_names_before(doc, offset))


def stands_alone(span: Span, before: Before | None = None) -> bool:
    """True when nothing in ``span`` (the parse of what the slide shows) points back to words
    the slide does not show. ``before``: what the document said before it; by default read from
    ``span``'s own Doc, which is right for a span of its document's parse."""
    if before is None:
        before = Before(nouns_before(span.doc, span.start_char))  # its Doc's people are read as it is
    return not needs_context(span, descriptions=True, anywhere=True, mentioned=before.nouns, people=before.people)


def text_stands_alone(texts: Sequence[str], before: Sequence[Before]) -> list[bool]:
    """``stands_alone`` for each text as shown, parsed on its own, with what its document said
    ``before`` its sentence; a credit ("... — Li Jifeng") is left out of the parse (the parser
    would take the name for part of the sentence: "The couple ... — Li Jifeng" is no named
    couple)."""
    from ..analysis import load_pipeline

    claims = (text.rpartition(CREDIT)[0] or text for text in texts)
    return [stands_alone(doc[:], said) for doc, said in zip(load_pipeline().pipe(claims), before)]
