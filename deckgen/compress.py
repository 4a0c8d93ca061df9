"""Turn a source sentence into a bullet by deleting words, never adding or changing any.

Deletions, in order, each kept only when the result is still faithful and at least
MIN_BULLET_WORDS long:

1. a leading source tag or dateline ("(CNN)", "BOSTON (CNN) --", "Scroll down for video");
2. a leading discourse word ("However,", "But", "Meanwhile,");
3. descriptions between commas after a name: "who/which" clauses and appositives
   ("Charles Lister, the director of the ... Program, has tracked" -> "Charles Lister has tracked");
4. a trailing attribution (", senior U.S. officials said Friday.") which becomes a short
   credit after the claim: "— Sabrina Singh" for a named speaker, "(senior U.S. officials)"
   for a described one. A pronoun speaker ("she said") cannot stand alone as a credit, so
   it stays as written and only the words after its verb go.

Only the first letter's case and punctuation change; quotes keep every word. ``is_faithful``
checks the result, so a rule that would break it leaves the sentence as it was.
"""

from __future__ import annotations

import re

MIN_BULLET_WORDS = 5

_SOURCE_TAG = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*,?\s+){0,4}\((?:CNN|AP|Reuters|AFP|EW\.com|[A-Z][\w.&' ]{1,40})\)"
    r"(?:\s*(?:--|—|–)\s*|(?=[A-Z“\"‘']))"
    r"|^Scroll down for (?:video|more)\s+)")
_DISCOURSE = re.compile(
    r"^(?:However|But|And|Meanwhile|Also|Still|Yet|Moreover|Furthermore|In addition|Additionally|"
    r"Separately|Instead|Indeed|Nevertheless|Nonetheless|Meantime|Now)\b,?\s+(?=\S)")
# A description between commas after the subject that opens the sentence, before its verb:
# "Charles Lister, the director of ..., has tracked", "The performer, who was ..., was".
_DESCRIPTION = re.compile(
    r"^(?:(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*),\s+(?:the|a|an)"
    r"|(?P<subject>(?:[\w.’'-]+\s+){0,5}[\w.’'-]+),\s+(?:who|which))"
    r"\s+[^,“”\"‘’'()]{3,90}?,\s+(?=(?!(?:and|or|but|according|including|as|with|in|on|at|to|for|from|by|of)\b)[a-z])")
_SPEECH = (r"said|says|told|tells|added|adds|noted|warned|stressed|explained|wrote|writes|stated|"
           r"insisted|argued|announced|confirmed|reported|reports|claimed|admitted|revealed")
_WHO = r"[^,“”\"()]{2,80}?"
# What may follow the verb: a short complement, then perhaps a participle clause.
_TAIL = (r"(?:\s+[^,;“”\"]{1,60})?"
         r"(?:,\s+(?:using|adding|pointing|citing|emphasizing|noting|referring|speaking)\b[^“”\"]*)?\.$")
_TRAILING_ATTRIBUTION = (
    # '..., X said Friday.'  '“...,” X told reporters.'  '..., his daughter, Claudette King, told CNN.'
    re.compile(rf"[,”\"]['’]?\s+(?P<who>{_WHO}(?:,\s+{_WHO},)?)\s+(?:has\s+|have\s+)?(?P<verb>{_SPEECH})\b{_TAIL}"),
    # '..., said a senior U.S. defense official, emphasizing ...'
    re.compile(rf"[,”\"]['’]?\s+(?P<verb>said|says|added|wrote)\s+(?P<who>{_WHO})(?:,\s+[^,“”\"]{{1,40}})?\.$"),
    # '..., according to the Journal of Industrial Medicine.'
    re.compile(rf",\s+(?P<verb>according to)\s+(?P<who>{_WHO})\.$"),
)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|this|that)$", re.I)
_NOT_A_SPEAKER = re.compile(r"\b(?:that|which|who|when|if|because|and|but|as)\b", re.I)
_NAME_WORD = re.compile(r"^(?:al-|el-|bin|de|van|von|da)?[A-Z][\w.’'-]*$")
_TOKEN = re.compile(r"[\w’'.%$€£-]+")


def bullet_text(sentence: str) -> str:
    """The shortest faithful bullet these rules give for ``sentence``; a sentence no rule
    shortens comes back stripped but otherwise whole."""
    text = sentence.strip()
    for rule in (_drop_source_tag, _drop_discourse, _drop_descriptions, _credit_attribution):
        candidate = rule(text)
        if candidate != text and is_faithful(candidate, sentence) and len(candidate.split()) >= MIN_BULLET_WORDS:
            text = candidate
    return text


def _drop_source_tag(text: str) -> str:
    return _capitalise_first(_SOURCE_TAG.sub("", text, count=1))


def _drop_discourse(text: str) -> str:
    return _capitalise_first(_DISCOURSE.sub("", text, count=1))


def _drop_descriptions(text: str) -> str:
    return _DESCRIPTION.sub(lambda match: (match.group("name") or match.group("subject")) + " ", text, count=1)


def _credit_attribution(text: str) -> str:
    """'“Quote,” Singh told reporters Friday.' -> '“Quote” — Singh'; '..., she said Friday.' -> '..., she said.'"""
    for pattern in _TRAILING_ATTRIBUTION:
        match = pattern.search(text)
        if not match or match.start() == 0:
            continue
        who, verb = match.group("who").strip(" ,"), match.group("verb")
        if _NOT_A_SPEAKER.search(who) or len(who.split()) > 8:
            continue
        if _PRONOUN.match(who):
            spoken = match.start("who") < match.start("verb") and verb not in ("told", "tells")
            return text[: match.end("verb")] + "." if spoken else text
        claim = re.sub(r"[,;:]([”\"'’]?)$", r"\1", text[: min(match.start("who"), match.start("verb"))].rstrip())
        names = who.split()
        if all(_NAME_WORD.match(word) for word in names):
            return f"{claim} — {' '.join(names[-2:])}"
        return f"{claim} ({who})"
    return text


def _capitalise_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens with surrounding punctuation removed ("U.S." stays whole)."""
    return [t.strip(".-").lower() for t in _TOKEN.findall(text) if t.strip(".-")]


def uses_only_quoted_words(text: str, quote: str) -> bool:
    """True when every word of ``text`` occurs in ``quote`` (in any order): for items such as
    figures and quotes credited to a speaker, which put the quote's own words together."""
    available = set(tokens(quote))
    return all(word in available for word in tokens(text))


_DATE_LABELS = re.compile(r"^(?:[^:]*?\('[^']*'\)(?:: [^:;]*)?(?:; )?)+: ")


def strip_date_labels(text: str) -> str:
    """A timeline item without its leading resolved-date labels ("Sep 2025 ('next September'): ")."""
    return _DATE_LABELS.sub("", text, count=1)


def is_faithful(bullet: str, quote: str) -> bool:
    """True when the bullet has words and they are an in-order subsequence of the quote's
    words (case-insensitive), so the bullet says nothing the quote does not."""
    remaining = iter(tokens(quote))
    words = tokens(bullet)
    return bool(words) and all(word in remaining for word in words)
