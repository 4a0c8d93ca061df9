"""Whether an extra item (a key quote, a figure, a dated event, a statement) stands on its slide
alone: the slide shows no sentence around it, so precision over recall.

What the slide shows is read in its parse: a stretch of a sentence (a quotation's words, a
figure's clause) in the document's analysis, a shortened sentence (a dated event, a statement,
maybe credited to its speaker: "... — Sabrina Singh") parsed as shown, since its speaker's "she
said" and its scene may be cut. It is read by ``context.needs_context`` with definite
descriptions counted ("The couple had been transported ...", "This amount is $500 ..."), and,
since a reader has nothing before the item, by ``loose_words`` for what points back off the key
arguments ``needs_context`` reads (words it does not read; the smallest addition, kept here so
``context`` stays as it is).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..compress import CREDIT
from ..context import needs_context

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_RESTRICTING = frozenset({"relcl", "acl"})
_TIMES = frozenset({"DATE", "TIME"})


def stands_alone(span: Span) -> bool:
    """True when nothing in ``span`` (the parse of what the slide shows) points back to words
    the slide does not show."""
    return not needs_context(span, descriptions=True) and not loose_words(span)


def text_stands_alone(texts: Sequence[str]) -> list[bool]:
    """``stands_alone`` for each text as shown, parsed on its own; a credit ("... — Li Jifeng")
    is left out of the parse (the parser would take the name for part of the sentence: "The
    couple ... — Li Jifeng" is no named couple)."""
    from ..analysis import load_pipeline

    claims = (text.rpartition(CREDIT)[0] or text for text in texts)
    return [stands_alone(doc[:]) for doc in load_pipeline().pipe(claims)]


def loose_words(span: Span) -> list[Token]:
    """Words of ``span`` that point back without an antecedent before them in it, wherever they
    stand: a third-person pronoun but "it" ("wash them", "bail was posted for him"; a he or she
    needs a named person before it, a they a noun; an "it" mostly stands for a clause or a
    situation: "make it"), a demonstrative ("on that measure", not "this year" nor "those who")
    whose noun did not come before, and a subject that is a bare numeral or a described adjective
    ("One took place ...", "The 48-year-old got ...")."""
    loose = []
    for token in span:
        before = span[:token.i - span.start]
        if _personal(token):
            if token.morph.get("Gender") in (["Masc"], ["Fem"]):
                named = any(t.ent_type_ == "PERSON" for t in before)
            else:
                named = any(t.pos_ in ("NOUN", "PROPN") for t in before)
            if not named:
                loose.append(token)
        elif "Dem" in token.morph.get("PronType") and _points_back(token):
            noun = token.head if token.dep_ == "det" else token
            if not any(t.lemma_.lower() == noun.lemma_.lower() for t in before):
                loose.append(token)
        elif token.dep_ in _SUBJECTS and _nominal(token):
            loose.append(token)
    return loose


def _personal(token: Token) -> bool:
    morph = token.morph
    return token.pos_ == "PRON" and morph.get("Person") == ["3"] and morph.get("Gender") != ["Neut"] \
        and "Prs" in morph.get("PronType")


def _points_back(demonstrative: Token) -> bool:
    """A demonstrative, alone or on its noun, that no clause restricts and no time follows."""
    noun = demonstrative.head if demonstrative.dep_ == "det" else demonstrative
    if demonstrative.dep_ not in ("det", *_SUBJECTS, "dobj", "pobj") or noun.ent_type_ in _TIMES:
        return False
    return not any(c.dep_ in _RESTRICTING for c in noun.children)


def _nominal(subject: Token) -> bool:
    """A subject with no noun: a bare count ("One", "Two of them") or a definite adjective
    ("The 48-year-old", "The latter")."""
    children = list(subject.children)
    if subject.pos_ == "NUM":
        return subject.ent_type_ in ("", "CARDINAL") and not any(c.dep_ == "prep" and c.lower_ != "of"
                                                                 for c in children)
    return subject.pos_ == "ADJ" and any(c.dep_ == "det" and c.morph.get("Definite") == ["Def"] for c in children)
