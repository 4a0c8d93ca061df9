"""Perspectives: attributed statements grouped by who makes them, and contrasting claims side by side.

Groups come from the speaker's words (name, role or description), first match wins:
"International bodies" (United Nations, NATO, ...), "Independent analysts" (analyst, expert,
Institute, University, ...), "U.S. officials" (U.S., Pentagon, White House, Central Command,
administration, ...), "<Demonym> officials" for a capitalised demonym ("Iraqi"). A bare definite
description ("the official") takes the group of the last described speaker before it in the
document; a speaker joined from several groups ("U.S. officials and independent analysts") is
"Several groups"; anything else is "Other". Statements whose speaker is unknown are left out.

Contrasts are conservative: two groups (never "Several groups" or "Other") make statements on
one topic with opposite polarity. A topic is a frame of the small lexicon ``FRAMES`` found in
both, or, outside any frame, an embedding similarity of at least ``PARAPHRASE_SIMILARITY``.
Polarity is negative when the claim holds a negation or a decrease word ("not", "rejected",
"refused", "diminishing"). Each statement joins at most one contrast per frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..compress import bullet_text
from ..model import Document
from .attribution import Attribution, Speaker, SpeakerKind

SEVERAL = "Several groups"
OTHER = "Other"
PARAPHRASE_SIMILARITY = 0.8
FRAMES = {
    "withdrawal": r"withdraw\w*|pull\s?outs?|pull(?:s|ing|ed)? out|leav(?:e|es|ing)|exits?|exiting|depart\w*|"
                  r"drawdown|draw(?:s|ing)? down",
    "threat": r"threats?|rebound\w*|resurg\w*|spillover|surge|strongholds?|diminish\w*|recover\w*|rebuild\w*|dire",
}
_GROUPS = (
    ("International bodies", r"United Nations|U\.N\.|\bUN\b|NATO|European Union|World Bank|\bIMF\b|International|"
                             r"Red Cross|World Health Organization"),
    ("Independent analysts", r"\b(?:analysts?|experts?|researchers?|scholars?|professor|fellow|think tank)\b|"
                             r"Institute|University|Foundation"),
    ("U.S. officials", r"U\.S\.|\bUS\b|American|Pentagon|White House|State Department|CENTCOM|Central Command|"
                       r"\badministration\b"),
)
# "U.S. officials and independent analysts": an "and" before another group of speakers.
_CONJUNCT = re.compile(r"\s+and\s+(?=(?:\S+\s+){0,2}(?:officials|analysts|experts|diplomats|sources)\b)")
_DEMONYM = re.compile(r"\b([A-Z][a-z]+(?:i|ian|ese|ish))\b")
_NEGATIVE = re.compile(r"\b(?:not|no|never|nor|without|rejected|rejects|denied|denies|refused|refuses|dismissed|"
                       r"diminish\w*|declin\w*|reduc\w*|weaken\w*|fewer|less)\b|n[’']t\b", re.I)


@dataclass(frozen=True)
class Statement:
    """What one sentence attributes to a speaker; ``text`` is a faithful shortening of the sentence."""

    speaker: Speaker
    group: str
    text: str
    negative: bool
    sentence_ids: tuple[str, ...]


@dataclass(frozen=True)
class Perspective:
    group: str
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Contrast:
    """Two groups' opposing statements on ``topic`` (a FRAMES key, or None for a close paraphrase)."""

    topic: str | None
    first: tuple[Statement, ...]
    second: tuple[Statement, ...]

    @property
    def sentence_ids(self) -> tuple[str, ...]:
        return tuple(i for s in (*self.first, *self.second) for i in s.sentence_ids)


def find_statements(document: Document, attributions: dict[str, Attribution]) -> list[Statement]:
    """One statement per attributed sentence whose speaker is known, in document order."""
    statements: list[Statement] = []
    for sentence in document.sentences:
        attribution = attributions.get(sentence.id)
        if not attribution or attribution.speaker is None:
            continue
        ids = tuple(dict.fromkeys((sentence.id, attribution.sentence_id)))
        text = bullet_text(sentence.text)
        group = _group(attribution.speaker, statements)
        statements.append(Statement(attribution.speaker, group, text, bool(_NEGATIVE.search(text)), ids))
    return statements


def perspectives(statements: Sequence[Statement]) -> list[Perspective]:
    """Statements by group, groups in order of first appearance."""
    groups: dict[str, list[Statement]] = {}
    for statement in statements:
        groups.setdefault(statement.group, []).append(statement)
    return [Perspective(group, tuple(members)) for group, members in groups.items()]


def find_contrasts(statements: Sequence[Statement]) -> list[Contrast]:
    """Contrasts by frame (in FRAMES order), then paraphrase pairs, each side in document order."""
    eligible = [s for s in statements if s.group not in (SEVERAL, OTHER)]
    contrasts = []
    for topic, pattern in FRAMES.items():
        framed = [s for s in eligible if re.search(rf"\b(?:{pattern})\b", s.text, re.I)]
        contrasts.extend(_opposed(topic, framed))
    framed_ids = {i for c in contrasts for i in c.sentence_ids}
    contrasts.extend(_paraphrases([s for s in eligible if s.sentence_ids[0] not in framed_ids]))
    return contrasts


def _opposed(topic: str | None, statements: Sequence[Statement]) -> list[Contrast]:
    """For each group with negative statements, against the first other group with positive ones."""
    contrasts, used = [], set()
    groups = list(dict.fromkeys(s.group for s in statements))
    for group in groups:
        negative = tuple(s for s in statements if s.group == group and s.negative)
        for other in groups:
            positive = tuple(s for s in statements if s.group == other and not s.negative)
            if other != group and negative and positive and other not in used and group not in used:
                contrasts.append(Contrast(topic, negative, positive))
                used |= {group, other}
    return contrasts


def _paraphrases(statements: Sequence[Statement]) -> list[Contrast]:
    if len(statements) < 2:
        return []
    from ..embed import embed

    vectors = embed([s.text for s in statements])
    similarity = vectors @ vectors.T
    contrasts = []
    for i, a in enumerate(statements):
        for j in range(i + 1, len(statements)):
            b = statements[j]
            if a.group != b.group and a.negative != b.negative and similarity[i, j] >= PARAPHRASE_SIMILARITY:
                contrasts.append(Contrast(None, (a,), (b,)))
    return contrasts


def _group(speaker: Speaker, earlier: Sequence[Statement]) -> str:
    words = speaker.role if speaker.kind is SpeakerKind.PERSON and speaker.role else speaker.name
    parts = _CONJUNCT.split(words.split(", including")[0])
    groups = {_group_of(part) for part in parts}
    if len(groups) > 1:
        return SEVERAL
    group = groups.pop()
    if group is None and speaker.kind is SpeakerKind.DESCRIBED and re.match(r"the\s", words, re.I):
        described = [s for s in earlier
                     if s.speaker.kind is SpeakerKind.DESCRIBED and s.group not in (SEVERAL, OTHER)]
        group = described[-1].group if described else None
    return group or OTHER


def _group_of(words: str) -> str | None:
    for group, pattern in _GROUPS:
        if re.search(pattern, words):
            return group
    demonym = _DEMONYM.search(words)
    return f"{demonym.group(1)} officials" if demonym else None
