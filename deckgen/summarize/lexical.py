"""Word-level helpers: content words with a light stemmer, acronyms and their expansions."""

from __future__ import annotations

import re
from collections.abc import Iterable

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say told according mr mrs ms one two new also
""".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")


def words(text: str) -> list[str]:
    """Word tokens in order, case kept; numbers stay whole ("2,500")."""
    return _WORD.findall(text)


def stem(word: str) -> str:
    """A light suffix stripper, enough to match "militias" with "militia" and "phases",
    "phased" and "phase" with each other; words of 3 letters or fewer stay whole."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def content_words(text: str) -> set[str]:
    """Stems of the words that carry meaning; an all-caps acronym ("IS") is kept even
    when its lower-case form is a stop word."""
    result = set()
    for word in (part for token in words(text) for part in token.split("-")):
        if is_acronym(word):
            result.add(word)
        elif word.lower() not in STOPWORDS and len(word) > 1:
            result.add(stem(word))
    return result


def is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def expand_acronyms(query: str, texts: Iterable[str]) -> str:
    """Spell out each acronym of ``query`` whose expansion the texts contain.

    "IS resurgence" with a text naming "the Islamic State" becomes
    "Islamic State (IS) resurgence". An acronym with no expansion stays as is.
    """
    corpus = " ".join(texts)
    def expand(match: re.Match) -> str:
        acronym = match.group()
        if not is_acronym(acronym):
            return acronym
        pattern = r"\b" + r"\s+".join(f"{letter}[a-z]+" for letter in acronym) + r"\b"
        found = re.search(pattern, corpus)
        return f"{found.group()} ({acronym})" if found else acronym
    return re.sub(r"\b[A-Z]{2,}\b", expand, query)
