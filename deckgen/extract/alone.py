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

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from ..analysis import nouns_before
from ..compress import CREDIT
from ..context import needs_context

if TYPE_CHECKING:
    from spacy.tokens import Span


def stands_alone(span: Span, mentioned: Collection[str] | None = None) -> bool:
    """True when nothing in ``span`` (the parse of what the slide shows) points back to words
    the slide does not show. ``mentioned``: the common nouns the document used before it (a
    description of one of them points back); by default read from ``span``'s own Doc, which is
    right for a span of its document's parse."""
    if mentioned is None:
        mentioned = nouns_before(span.doc, span.start_char)
    return not needs_context(span, descriptions=True, anywhere=True, mentioned=mentioned)


def text_stands_alone(texts: Sequence[str], mentioned: Sequence[Collection[str]]) -> list[bool]:
    """``stands_alone`` for each text as shown, parsed on its own, with the nouns its document
    ``mentioned`` before its sentence; a credit ("... — Li Jifeng") is left out of the parse
    (the parser would take the name for part of the sentence: "The couple ... — Li Jifeng" is no
    named couple)."""
    from ..analysis import load_pipeline

    claims = (text.rpartition(CREDIT)[0] or text for text in texts)
    return [stands_alone(doc[:], nouns) for doc, nouns in zip(load_pipeline().pipe(claims), mentioned)]
