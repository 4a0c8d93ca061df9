"""Perspectives: attributed statements grouped by who makes them, and contrasting claims side by side.

A speaker's group is the named body (ORG, GPE or NORP entity) the text gives them: in their
name ("the Pentagon said"), their role ("Deputy Pentagon press secretary Sabrina Singh") or their
description ("a senior U.S. defense official"); a body named by its initials is the one whose
name the initials spell ("the EPA" with "The U.S. Environmental Protection Agency"), under the
name the document gave first. A speaker the text ties to no named body is in
"Other", which no slide shows: precision over recall. Statements whose speaker is unknown,
whose speech verb is not the sentence's main verb or is reported by someone else (hearsay),
that relay a report ("The Associated Press reports that 28 people were quarantined": a fact
the speaker passes on, not their view), that tell what happened in the passive, the past
perfect or the simple past with its date ("No U.S. personnel were hurt, the State Department
said", "officials said he had died", "In 2011, workers fell ill, the CDC said": a report of an
event, not a view; "said officials acted too slowly" stays), or whose
words as shown point back to what they do not say ("She made the decision alone", "The male was advised ...":
``alone.text_stands_alone``) are left out.

Contrasts are conservative: two groups (never "Other") make statements on one topic with
opposite polarity. A topic is a frame of the small lexicon ``FRAMES`` found in both, or, outside
any frame, an embedding similarity of at least ``PARAPHRASE_SIMILARITY``. Polarity is negative
when the claim holds a negation or a decrease word ("not", "rejected", "diminishing"). Each
statement joins at most one contrast per frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..compress import bullet_text, credit_source
from ..summarize.lexical import expand_acronyms, is_acronym
from .alone import Before, said_before, text_stands_alone
from .speech import Speaker, Speech

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..analysis import Analysis

OTHER = "Other"
PARAPHRASE_SIMILARITY = 0.8
FRAMES = {
    "withdrawal": r"withdraw\w*|pull\s?outs?|pull(?:s|ing|ed)? out|leav(?:e|es|ing)|exits?|exiting|depart\w*|"
                  r"drawdown|draw(?:s|ing)? down",
    "threat": r"threats?|rebound\w*|resurg\w*|spillover|surge|strongholds?|diminish\w*|recover\w*|rebuild\w*|dire",
}
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


def find_statements(analysis: Analysis, speech: Speech) -> list[Statement]:
    """One statement per attributed parsed sentence whose speaker is known, in document order."""
    statements: list[Statement] = []
    before: list[Before] = []
    for sentence, span in analysis.parsed_spans():
        attribution = speech.attributions.get(sentence.id)
        if not attribution or attribution.speaker is None or not attribution.main or attribution.hearsay \
                or attribution.verb.lower().startswith("report") or _tells_an_event(span, attribution.verb):
            continue
        text = bullet_text(span)
        named = [s.id for s in credit_source(text, sentence, analysis.document.sentences)]
        ids = tuple(dict.fromkeys((sentence.id, attribution.sentence_id, *named)))
        group = attribution.speaker.body or OTHER
        statements.append(Statement(attribution.speaker, group, text, bool(_NEGATIVE.search(text)), ids))
        before.append(said_before(analysis.doc, sentence.start))
    # "She made the decision alone": who she is was said before
    standing = [s for s, stands in zip(statements, text_stands_alone([s.text for s in statements], before)) if stands]
    names = list(dict.fromkeys(s.group for s in standing))
    first = {name: next(other for other in names if other == name or _same_body(name, other)) for name in names}
    return [replace(s, group=first[s.group]) for s in standing]


def _same_body(one: str, other: str) -> bool:
    """Whether one name is the other's initials or the other way round ("EPA", "the EPA" and
    "The U.S. Environmental Protection Agency")."""
    def spells(short: str, long: str) -> bool:
        initials = short.split()[-1] if short.split() else ""
        return is_acronym(initials) and expand_acronyms(initials, [long]) != initials

    return one != OTHER != other and (spells(one, other) or spells(other, one))


def _tells_an_event(span: Span, verb: str) -> bool:
    """The claim (what the main speech verb governs; after "according to", the main verb) is
    told in the passive past or the past perfect, with no modal ("were hurt", "had died"), or
    in the simple past with its date ("In 2011, warehouse workers fell ill")."""
    root = span.root
    claim = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), root)
    if claim == root and root.lower_ == verb.lower():
        return False  # "X criticized the plan": the speech verb is the claim
    auxiliaries = [c for c in claim.children if c.dep_ in ("aux", "auxpass")]
    if claim.tag_ == "VBD" and not auxiliaries and any(t.ent_type_ == "DATE" for t in claim.subtree):
        return True
    return claim.tag_ == "VBN" and bool(auxiliaries) and all(a.tag_ == "VBD" for a in auxiliaries) \
        and any(a.dep_ == "auxpass" or a.lemma_ == "have" for a in auxiliaries)


def perspectives(statements: Sequence[Statement]) -> list[Perspective]:
    """Statements by group, groups in order of first appearance."""
    groups: dict[str, list[Statement]] = {}
    for statement in statements:
        groups.setdefault(statement.group, []).append(statement)
    return [Perspective(group, tuple(members)) for group, members in groups.items()]


def find_contrasts(statements: Sequence[Statement]) -> list[Contrast]:
    """Contrasts by frame (in FRAMES order), then paraphrase pairs, each side in document order."""
    eligible = [s for s in statements if s.group != OTHER]
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


def shown_perspectives(groups: Sequence[Perspective], standing: set[str] | None = None) -> list[Perspective]:
    """The groups worth a slide: not "Other" (it says nothing of where a view comes from), each
    with its statements from sentences that can stand as a point (ids in ``standing``, when
    given: no caption or run-on), and none unless at least two groups speak."""
    named = []
    for group in groups:
        statements = tuple(s for s in group.statements if standing is None or s.sentence_ids[0] in standing)
        if group.group != OTHER and statements:
            named.append(Perspective(group.group, statements))
    return named if len(named) >= 2 else []
