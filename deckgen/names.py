"""People's names as a document gives them: who a short mention ("Abernathy", "Mr Hussen",
"Julia") stands for.

A mention is the entity a proper noun is in, else the proper noun with the proper nouns
compounded before it; its words are the mention's without a possessive ending and without the
titles before the last (a word of two letters or more spelt without a vowel, "Mr", "Mrs", "Dr",
or abbreviated with a full stop, "Gen.", "Sen."; not an initial). A name of one word is short:
a surname or a first name. A name of two words or more is a full name, and names a person when
the recogniser tags it PERSON, or tags it otherwise while tagging a mention of its last word
PERSON ("Penelope Muse Abernathy" read as an organisation, "Abernathy" as a person). One person
is one first and last word: "Penelope Abernathy" and "Penelope Muse Abernathy" are one, "Hillary
Clinton" and "Bill Clinton" two.

A short name points to the people the document names in full whose last word it is (a
surname) or, for a word no full name ends with, whose first word it is (a first name).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .analysis import entities_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


@dataclass(frozen=True)
class FullName:
    """A full name as one mention gives it: the mention and its words (titles dropped)."""

    span: Span
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        """The mention as written, without a possessive ending."""
        return _without_possessive(self.span.text)

    @property
    def person(self) -> tuple[str, str]:
        return self.words[0], surname(self.words[-1])


def name_words(text: str) -> tuple[str, ...]:
    """The words of a name, without the titles before it and a possessive ending ("Mr Hussen's"
    -> Hussen; "Andrew Ng" keeps its last word)."""
    words = _without_possessive(text).split()
    return (*(word for word in words[:-1] if not _title(word)), *words[-1:])


def _without_possessive(text: str) -> str:
    return next((text[: -len(end)].rstrip() for end in _POSSESSIVE if text.endswith(end) and len(text) > len(end)),
                text)


def _title(word: str) -> bool:
    """"Mr", "Mrs", "Dr" (no vowel), "Gen.", "Sen." (a full stop after a short word); not an
    initial ("J.")."""
    letters = word.rstrip(".")
    return len(letters) > 1 and (not any(c in "aeiouyAEIOUY" for c in letters)
                                 or (word.endswith(".") and len(letters) <= 4))


def mention(token: Token) -> Span | None:
    """The name a proper noun is part of: its entity, else the proper nouns compounded before it
    and itself; None for any other word."""
    if token.pos_ != "PROPN":
        return None
    entity = entities_of(token.doc).at(token)
    if entity is not None:
        return entity
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].dep_ == "compound" \
            and token.doc[start - 1].head.i >= start:
        start -= 1
    return token.doc[start:token.i + 1]


def short_name(token: Token) -> str | None:
    """The one word a proper noun names someone by ("Abernathy", "Mr Hussen" -> Hussen), or None."""
    found = mention(token)
    words = name_words(found.text) if found is not None else ()
    return words[0] if len(words) == 1 else None


def full_names(doc: Doc) -> tuple[FullName, ...]:
    """The full names of people in ``doc``, in order, one per mention (read once per Doc). A
    name opens with a capital: "the Herald Sun Daniel" (a paper's name run into a person's) is
    none."""
    found = _FULL_NAMES.get(doc)
    if found is None:
        entities = entities_of(doc).entities
        people = {name_words(e.text)[-1:] for e in entities if e.label_ == "PERSON"}
        found = tuple(FullName(e, words) for e in entities
                      if len(words := name_words(e.text)) >= 2 and e.text[:1].isupper()
                      and (e.label_ == "PERSON" or (e.root.pos_ == "PROPN" and words[-1:] in people)))
        _FULL_NAMES[doc] = found
    return found


_FULL_NAMES: WeakKeyDictionary[Doc, tuple[FullName, ...]] = WeakKeyDictionary()


def full_names_before(doc: Doc, offset: int) -> tuple[FullName, ...]:
    """The full names of people ``doc`` gives before character ``offset``: whom a short name
    after it may stand for."""
    return tuple(name for name in full_names(doc) if name.span.start_char < offset)


def fuller(word: str, names: Iterable[FullName]) -> list[FullName]:
    """The full names among ``names`` that the short name ``word`` may stand for: those it ends
    (``surname``), or, when none does, those it opens."""
    names = list(names)
    surnames = [name for name in names if surname(name.words[-1]) == surname(word)]
    return surnames or [name for name in names if name.words[0] == word]


def surname(name: str) -> str:
    """The last word of a name, lower case, without an Arabic article: "Thabit al-Abbasi" and
    "Abbasi" share one."""
    last = name.split()[-1].lower()
    return last.split("-", 1)[1] if last[:3] in ("al-", "el-") else last


def full_name(token: Token) -> str | None:
    """The full name of the one person a short name stands for in its document (as the document
    first gives it in full), or None: no short name, nobody, or two people ("Clinton")."""
    word = short_name(token)
    if word is None:
        return None
    matches = fuller(word, full_names(token.doc))
    return matches[0].text if len({m.person for m in matches}) == 1 else None
