"""Timeline and what to watch: dates found by the parser, resolved against the publication date.

What is a date is the named-entity recogniser's call (DATE entities: "the Today programme",
"April Ryan", "the Sunday Times" are none); ``_PATTERNS`` only reads the value of a date it
found. The anchor is the document's publication date (from its metadata or the brief), never the
deck's as-of date: "Wednesday" in an undated document stays unresolved. Rules:

- a month-day with no year is the occurrence nearest the anchor (the earlier on a tie), but no
  more than 90 days ahead without a cue: "January 5" read on 20 Dec 2014 is 5 Jan 2015,
  "September 1" read on 21 Apr 2015 is 1 Sep 2014; a date whose verb is future ("will",
  "shall", "set to", "expected to", "plans to") is on or after the anchor, "since" on or before it;
- a month with no year is in the past (on or before the anchor's month) unless its verb is
  future; "next September" is the first September after the anchor's month, "last July" the last
  one before it;
- a weekday is the anchor day if it falls on that weekday, else the last one before it; with a
  future verb the next one after it, and flagged as ambiguous when the anchor falls on it;
  a date attached to a speech verb ("told reporters Friday") only dates a statement:
  ``reporting`` is True;
- "a year from now", "within the next two years", "10 years ago" count from the anchor (month
  precision for months and years, day precision for days and weeks); "more than two weeks
  ago" is before the day it counts to, "less than a year ago" after it; "will last at least one
  year" counts from the last date resolved earlier in the same sentence, and is flagged when
  there is none;
- "soon", "in the coming weeks" are kept but flagged as vague; with no anchor every relative
  expression is flagged, and absolute dates ("Sept. 27, 2024", "in 2023") still resolve;
- resolved but placed on no timeline (``not_event`` says why): a date when a picture was taken (its verb is
  "pictured", "photographed"), a relative date inside a quotation (its "tomorrow" is the
  speaker's), a date in a hypothetical ("if I wake up tomorrow"), a recurring time ("Monday
  through Friday", "on Mondays", "every Friday"), a deadline rule counted from an event ("within
  30 days of receiving"), a date of a thing rather than an event ("the tax returns, from
  2013"), an event inside a quotation, an instruction or worked example addressed to the reader
  ("You sold the shares on August 1", "File the form by April 15"), a date in brackets (a reference: "(Aug. 24, 2012)"), a date of a
  subordinate clause (the sentence's event is its main verb's), a future event that would
  resolve to a date in the past, a deadline someone is bound to ("is directed to conduct two
  studies by October 28, 1999", "must file by April 15", "is due by"), a target ("plans to
  install 30.8 GW of solar by 2030"), and any date of a sentence resolving more than
  MAX_EVENT_DATES dates (a schedule: "the following deadlines: February 28, 2014; May 31, 2014;
  ..."). "In 2009-10" is a financial year, not 2009.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import Enum
from typing import TYPE_CHECKING

from ..analysis import CLAUSE_SUBJECTS, CONDITION_MARKS, SUBORDINATE_CLAUSES
from ..calendar_names import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, any_of
from ..compress import bullet_text, credit_source
from .alone import Before, said_before, text_stands_alone
from .speech import SPEECH_VERBS, Speech

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..analysis import Analysis
    from ..model import Sentence

MAX_TIMELINE = 8
UNCUED_AHEAD_DAYS = 90  # a month-day without a year or a future cue lies at most this far ahead

_MONTH = rf"(?:{any_of(MONTHS)}|{any_of(MONTH_ABBREVIATIONS)}\.)"
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_PATTERNS = {
    "iso": r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
    "month_day": rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b",
    "day_month": rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?",
    "month": rf"\b(?:(?P<modifier>next|last|this|early|late|mid-)\s*|(?P<prep>in|since|by|until|before|after|from|"
             rf"during|through|of|on)\s+)(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?(?!\s*\d)"
             rf"|\b(?P<month_year>{_MONTH})\s+(?P<year_only>\d{{4}})\b",
    "year": r"\b(?:in|since|by|until|before|after|during|from|through|early|late|mid-)\s*(?P<year>1[89]\d\d|20\d\d)"
            r"\b(?!,\d|[-–/]\d)",  # "in 2009-10" is a financial year, no year
    "weekday": rf"\b(?:(?P<modifier>last|next|this)\s+)?(?P<weekday>{any_of(WEEKDAYS)})\b",
    "day_word": r"\b(?P<word>today|tonight|yesterday|tomorrow|immediately)\b",
    "this_unit": r"\b(?:(?:earlier|later)\s+)?(?P<modifier>this|next|last)\s+(?P<unit>week|month|year)\b",
    "offset": rf"\b(?P<count>{_COUNT})\s+{_UNIT}\s+(?P<direction>ago|from now)\b",
    "within": rf"\b(?:within|in|over)\s+the\s+(?:next|coming)\s+(?P<count>{_COUNT})\s+{_UNIT}\b"
              rf"|\bwithin\s+(?P<count2>{_COUNT})\s+{_UNIT.replace('unit', 'unit2')}\b",
    "lasting": rf"\b(?:will\s+)?lasts?\s+(?P<qualifier>at least|about|up to)?\s*(?P<count>{_COUNT})\s+{_UNIT}\b",
    "vague": r"\b(?:soon|in the coming (?:days|weeks|months|years)|in the near future|"
             r"in the (?:days|weeks|months) ahead)\b",
}
_COMPILED = {kind: re.compile(pattern, re.I if kind in ("year", "this_unit", "offset", "within", "lasting", "vague",
                                                        "day_word") else 0)
             for kind, pattern in _PATTERNS.items()}
_CUE = re.compile(r"(?:no later than|not later than|by|before|until|since|after|starting|beginning)\s+$", re.I)
# A bound on an offset: "more than two weeks ago" is before the day two weeks back, "less than a
# year ago" after it.
_BOUND = re.compile(r"\b(?P<bound>more than|over|at least|less than|under)\s+$", re.I)
_FUTURE_AUXILIARIES = frozenset(("will", "shall", "'ll", "’ll", "wo"))
_FUTURE_HEADS = frozenset(("set", "expect", "schedule", "due", "plan", "go", "intend", "aim"))
# What makes "by <date>" a deadline someone is bound to, not an event: "is directed to conduct
# two studies by October 28, 1999", "requires each agency to establish ... by", "must file by".
_OBLIGING_HEADS = frozenset(("require", "direct", "order", "mandate", "oblige", "instruct", "due"))
_OBLIGING_AUXILIARIES = frozenset(("must", "shall", "should"))
# What makes "by <date>" a target, not an event: "Seoul plans to install 30.8 GW of solar by 2030".
_AIMING_HEADS = frozenset(("plan", "aim", "intend", "target", "pledge", "promise", "vow"))
MAX_EVENT_DATES = 2  # a sentence with more dates than this is a schedule, not one event
_PHOTO_VERBS = frozenset(("picture", "photograph", "snap", "film"))
_RECURRING = frozenset(("every", "each", "weekdays", "weekends", "daily", "weekly", "monthly", "through", "thru"))
_READER = frozenset(("you", "your", "yours", "yourself", "yourselves"))  # words that speak to the reader
_RELATIVE_KINDS = ("month_day", "day_month", "month", "weekday", "day_word", "this_unit", "offset", "within", "vague")


class Precision(str, Enum):
    DAY = "day"
    WEEK = "week"  # ``when`` is the Monday of the week
    MONTH = "month"  # ``when`` is the first of the month
    YEAR = "year"  # ``when`` is 1 January


class Relation(str, Enum):
    ON = ""
    BY = "by"
    BEFORE = "before"
    SINCE = "since"
    AFTER = "after"
    UNTIL = "until"
    AT_LEAST_TO = "at least to"


_RELATION_WORDS = {"no later than": Relation.BY, "not later than": Relation.BY, "by": Relation.BY,
                   "within": Relation.BY, "before": Relation.BEFORE, "until": Relation.UNTIL,
                   "since": Relation.SINCE, "after": Relation.AFTER, "starting": Relation.SINCE,
                   "beginning": Relation.SINCE}


@dataclass(frozen=True)
class TimeMention:
    """A time expression: ``text`` is its words as written, ``event`` a faithful shortening of its
    sentence. ``when`` is None exactly when ``problem`` says why it could not be resolved;
    ``not_event`` says why a resolved date places no event on a timeline (a recurring time, a
    hypothetical, a quotation's relative date ...)."""

    text: str
    when: date | None
    precision: Precision | None
    relation: Relation
    anchor: date | None
    problem: str | None
    reporting: bool
    event: str
    sentence_ids: tuple[str, ...]
    not_event: str | None = None
    before: Before = field(default=Before(), compare=False, repr=False)  # what the document said before the sentence

    @property
    def upcoming(self) -> bool:
        """True when the resolved date (at its precision) lies after the anchor."""
        if self.when is None or self.anchor is None:
            return False
        return _truncate(self.when, self.precision) > _truncate(self.anchor, self.precision)

    @property
    def label(self) -> str:
        """"by Sep 2025 ('no later than a year from now')"; "unresolved ('soon'): vague"."""
        if self.when is None:
            return f"unresolved ('{self.text}'): {self.problem}"
        prefix = f"{self.relation.value} " if self.relation.value else ""
        return f"{prefix}{format_date(self.when, self.precision)} ('{self.text}')"


def format_date(when: date, precision: Precision) -> str:
    """'27 Sep 2024', 'week of 23 Sep 2024', 'Sep 2024' or '2024' (English, whatever the locale)."""
    month = MONTHS[when.month - 1][:3]
    return {Precision.DAY: f"{when.day} {month} {when.year}", Precision.WEEK: f"week of {when.day} {month} {when.year}",
            Precision.MONTH: f"{month} {when.year}", Precision.YEAR: str(when.year)}[precision]


def find_times(analysis: Analysis, speech: Speech) -> list[TimeMention]:
    """The dates of every sentence, in order, resolved against the document's own publication
    date; with none, relative ones are flagged (the deck's as-of date is not the day the document
    was written, and a guessed anchor would invent dates)."""
    anchor = analysis.document.source.date
    mentions = []
    for sentence, span in analysis.parsed_spans():
        mentions += _sentence_times(sentence, span, analysis.entities_in(span), anchor, speech,
                                    analysis.document.sentences)
    return mentions


def timeline_groups(mentions: Sequence[TimeMention], standing: set[str]) -> list[list[TimeMention]]:
    """The mentions a timeline shows, one group per sentence: what is still to come first, then
    the most recent past, at most MAX_TIMELINE, in order of each group's earliest date. A group
    is shown under its resolved dates (its label), so no event is shown undated.

    Left out: unresolved mentions, mentions that date no event (``not_event``), mentions that only date a statement ("told
    reporters Friday"), sentences that could not stand as a point (ids not in ``standing``),
    questions, the same words under different dates (a condition the slide does not show decides
    which: "A return is due by April 15" and "... by June 16"; the same words at the same date
    are one event, shown once), and events whose words as shown
    point back to what they do not say (``alone.text_stands_alone``: "The couple had been ...",
    "As a player he was ...").
    """
    groups: dict[tuple[str, ...], list[TimeMention]] = {}
    for mention in mentions:
        if mention.when and not mention.not_event and not mention.reporting and mention.sentence_ids[0] in standing \
                and not mention.event.rstrip("'\"’”").endswith("?"):
            groups.setdefault(mention.sentence_ids, []).append(mention)
    dated: dict[str, set[frozenset[date]]] = {}
    for group in groups.values():
        dated.setdefault(_undated(group), set()).add(frozenset(m.when for m in group))
    groups = {ids: group for ids, group in groups.items() if len(dated[_undated(group)]) == 1}
    firsts: dict[str, tuple[str, ...]] = {}  # a sentence the source repeats word for word is one event
    for ids, group in groups.items():
        firsts.setdefault(group[0].event, ids)
    groups = {ids: group for ids, group in groups.items() if firsts[group[0].event] == ids}
    alone = text_stands_alone([group[0].event for group in groups.values()],
                              [group[0].before for group in groups.values()])
    groups = {ids: group for (ids, group), stands in zip(groups.items(), alone) if stands}
    upcoming = [g for g in groups.values() if any(m.upcoming for m in g)]
    past = sorted((g for g in groups.values() if g not in upcoming), key=lambda g: max(m.when for m in g),
                  reverse=True)
    return sorted((upcoming + past)[:MAX_TIMELINE], key=lambda g: (min(m.when for m in g), g[0].sentence_ids))


def _undated(group: list[TimeMention]) -> str:
    """A group's event as shown without its dates' words."""
    event = group[0].event
    for mention in group:
        event = event.replace(mention.text, "")
    return event


def _sentence_times(sentence, span: Span, entities: list[Span], anchor: date | None,
                    speech: Speech, sentences: Sequence[Sentence]) -> list[TimeMention]:
    text = sentence.text
    dates = [e for e in entities if e.label_ == "DATE"]
    if not dates:
        return []  # every mention is a date entity's
    matches = sorted(((m.start(), -m.end(), kind, m) for kind, pattern in _COMPILED.items()
                      for m in pattern.finditer(text)), key=lambda t: (t[0], t[1]))
    mentions: list[TimeMention] = []
    taken_until = 0
    event = bullet_text(span, dated_apart=True)
    named = tuple(s.id for s in credit_source(event, sentence, sentences))
    before = said_before(span.doc, sentence.start)
    for start, _, kind, match in matches:
        entity = _entity_at(dates, sentence.start + start, sentence.start + match.end())
        if start < taken_until or entity is None:
            continue
        taken_until = match.end()
        cue = _CUE.search(text[:start])
        span_start = cue.start() if cue else start
        words = text[span_start:match.end()]
        relation = next((r for w, r in _RELATION_WORDS.items() if words.lower().startswith(w + " ")), Relation.ON)
        bound = _BOUND.search(text[:start]) if kind == "offset" else None
        if bound:
            relation = _bounded(bound.group("bound"), match.group("direction"))
        verb = _verb(entity.root)
        reporting = kind in ("weekday", "day_word") and verb is not None and verb.lemma_.lower() in SPEECH_VERBS
        previous = next((m for m in reversed(mentions) if m.when), None)
        future = verb is not None and _is_future(verb) and not reporting
        try:
            when, precision, problem, relation = _resolve(kind, match, anchor, future, previous, relation)
        except (ValueError, OverflowError):  # "Feb. 30", "2024-13-45", "10,000 years ago"
            when, precision, problem = None, None, "not a valid date"
        if problem is None and future and when and anchor and _truncate(when, precision) < _truncate(anchor, precision):
            problem = "a future event dated in the past"
        if problem:
            when, precision = None, None
        bracketed = text[:start].count("(") > text[:start].count(")")
        not_event = "a reference in brackets, not an event" if bracketed else _not_an_event(kind, entity, verb, speech)
        if not_event is None and relation is Relation.BY and verb is not None and _binds(verb):
            not_event = "a deadline someone is bound to, not an event"
        if not_event is None and relation is Relation.BY and verb is not None and _aims(verb):
            not_event = "a target, not an event"
        if not_event is None and span_start > 0 and match.group() not in event:
            not_event = "the words shown leave out the date and what it dates"  # only an opening date goes to the label
        mentions.append(TimeMention(words, when, precision, relation, anchor, problem, reporting, event,
                                    (sentence.id, *named), not_event, before))
    if sum(m.when is not None for m in mentions) > MAX_EVENT_DATES:
        return [replace(m, not_event=m.not_event or "a schedule of dates, not one event") for m in mentions]
    return mentions


def _entity_at(dates: list[Span], start: int, end: int) -> Span | None:
    """The DATE entity a pattern's match falls in (overlaps)."""
    return next((e for e in dates if e.start_char < end and start < e.end_char), None)


def _verb(token: Token) -> Token | None:
    """The verb whose clause a date belongs to."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _a_period(entity: Span) -> bool:
    """A date that spans the time an event or a total runs over: "over the last year",
    "throughout 2014", "in the past year"."""
    preposition = entity.root.head if entity.root.dep_ == "pobj" else None
    if preposition is None:
        return False
    return preposition.lower_ in ("over", "throughout") or entity.text.lower().startswith(("the past ", "the last "))


def _dates_a_verb(entity: Span) -> bool:
    """Whether a date modifies a verb or a predicate ("closed in July", "met Monday", "is due on 4
    May"), not a noun."""
    token = entity.root
    if token.dep_ == "pobj":
        token = token.head
    return token.dep_ != "attr" and token.head.pos_ in ("VERB", "AUX", "ADJ")  # "is due on 4 May", not "are September 4"


def _in_main_clause(verb: Token) -> bool:
    """Whether a verb's clause is the sentence's own or a complement of it ("will see coalition
    forces wrap up ... no later than a year from now", "said the vote will be held Monday"), not
    a clause that modifies a noun or sets the scene: a date in "Kate Connelly, who he wed in 1995"
    or "a sign her husband has decided to run in 2016" dates something the sentence does not state."""
    while verb.head.i != verb.i:
        if verb.dep_ in SUBORDINATE_CLAUSES:
            return False
        verb = verb.head
    return True


def _addressed_to_reader(verb: Token, speech: Speech) -> bool:
    """"You sold the shares on August 1" (a worked example), "Your spouse died in 2005" (a case
    of the reader's), "File the form by April 15" (an instruction): the sentence speaks to its
    reader ("you" or "your" outside quotation marks), or its verb is a bare imperative with no
    subject."""
    if any(t.lower_ in _READER and speech.quotation_at(t.idx) is None for t in verb.sent):
        return True
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT" and verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                                                                  for c in verb.children)


def _root(token: Token) -> Token:
    while token.head.i != token.i:
        token = token.head
    return token


def _is_future(verb: Token) -> bool:
    """"will resume", "is set to resume", "plans to hold", "is expected to", "upcoming"."""
    while True:
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_HEADS:
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head


def _binds(verb: Token) -> bool:
    """Whether a clause binds someone to what it dates: "must file", "is due", "is directed to
    conduct", "requires each agency to establish"."""
    return any(t.lemma_.lower() in _OBLIGING_HEADS for v in _completed(verb)
               for t in (v, *(c for c in v.children if c.dep_ == "acomp"))) \
        or any(c.dep_ == "aux" and c.lower_ in _OBLIGING_AUXILIARIES for v in _completed(verb) for c in v.children)


def _aims(verb: Token) -> bool:
    """Whether a clause is what someone aims at: "plans to install", "has pledged to end"."""
    return any(v.lemma_.lower() in _AIMING_HEADS for v in _completed(verb))


def _completed(verb: Token) -> Iterator[Token]:
    """The verb, then each verb whose clause it completes or joins (xcomp, ccomp, conj)."""
    while True:
        yield verb
        if verb.dep_ not in ("xcomp", "ccomp", "conj") or verb.head.i == verb.i:
            return
        verb = verb.head


def _not_an_event(kind: str, entity: Span, verb: Token | None, speech: Speech) -> str | None:
    """Why a date places no event on a timeline, or None."""
    doc = entity.doc
    if entity.text in ("Today", "Tonight") and entity.start > 0 and doc[entity.start - 1].tag_ in ("DT", "POS"):
        return "a name, not a date"  # "the Today programme", "Radio 4's Today"
    if kind in _RELATIVE_KINDS and speech.quotation_at(entity.start_char) is not None:
        return "a relative date inside a quotation"
    clause = verb
    while clause is not None:
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
            return "hypothetical"
        if clause.lemma_.lower() in _PHOTO_VERBS:
            return "dates a photo, not the event"
        clause = clause.head if clause.head.i != clause.i and clause.dep_ in ("conj", "xcomp", "ccomp") else None
    if verb is None or not _in_main_clause(verb):
        return "dates a subordinate clause, not the sentence's event"
    if _addressed_to_reader(verb, speech):
        return "an instruction or a worked example for the reader, not an event"
    if not any(c.dep_ in CLAUSE_SUBJECTS for c in _root(verb).children):
        return "no subject (a list item or a heading), not an event"  # "Were present ... during 2007"
    if not _dates_a_verb(entity):
        return "dates a thing, not an event"  # "the tax returns, from 2013", "Summary December 1998"
    if _a_period(entity):
        return "a period, not a moment"  # "Over the last year, 25,000 people have fought ..."
    if kind == "day_word" and entity.root.lower_ == "today" and verb.tag_ in ("VBZ", "VBP") \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return "today as nowadays (a state in the simple present), not a date"  # "Today, infections are rare"
    if speech.quotation_at(verb.idx) is not None:
        return "an event in a quotation"
    around = doc[max(entity.start - 1, 0):min(entity.end + 1, len(doc))]
    if any(t.lower_ in _RECURRING for t in around) or \
            any(t.lower_.rstrip("s").capitalize() in WEEKDAYS and t.lower_.endswith("s") for t in entity):
        return "a recurring time, not an event"
    following = doc[entity.end] if entity.end < len(doc) else None
    if kind == "within" and following is not None and following.lower_ in ("of", "after", "from", "before"):
        return "a deadline counted from an event"
    return None


def _bounded(bound: str, direction: str) -> Relation:
    """The relation a bound gives an offset: "more than two weeks ago" is before the day it
    counts back to and "less than a year ago" after it; "more than a year from now" is after
    the day it counts forward to and "less than a year from now" before it."""
    more = bound.lower() in ("more than", "over", "at least")
    return Relation.BEFORE if more == (direction.lower() == "ago") else Relation.AFTER


def _resolve(kind: str, match: re.Match, anchor: date | None, future: bool, previous: TimeMention | None,
             relation: Relation) -> tuple[date | None, Precision | None, str | None, Relation]:
    """(when, precision, problem, relation) for one match."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    if kind == "vague":
        return None, None, "vague", relation
    if kind == "lasting":
        if previous is None:
            return None, None, "no start date in the sentence to count from", relation
        end = _add(previous.when, _count(groups["count"]), groups["unit"].lower())
        lasting = Relation.AT_LEAST_TO if groups.get("qualifier", "").lower() == "at least" else Relation.UNTIL
        return end, previous.precision, None, lasting
    absolute = _absolute(kind, groups)
    if absolute:
        return (*absolute, None, relation)
    if anchor is None:
        return None, None, "no publication date to resolve against", relation
    if kind in ("month_day", "day_month"):
        month, day = _month_number(groups["month"]), int(groups["day"])
        since = relation is Relation.SINCE
        return _nearest(anchor, lambda year: date(year, month, day), future, since), Precision.DAY, None, relation
    if kind == "month":
        return _month_of(anchor, groups, future), Precision.MONTH, None, relation
    if kind == "weekday":
        return (*_weekday(anchor, groups, future), relation)
    if kind == "day_word":
        shift = {"yesterday": -1, "tomorrow": 1}.get(groups["word"].lower(), 0)
        return anchor + timedelta(days=shift), Precision.DAY, None, relation
    if kind == "this_unit":
        unit, modifier = groups["unit"].lower(), groups["modifier"].lower()
        when = _add(anchor, {"this": 0, "next": 1, "last": -1}[modifier], unit)
        precision = {"week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}[unit]
        return _truncate(when, precision), precision, None, relation
    count = _count(groups.get("count") or groups["count2"])
    unit = (groups.get("unit") or groups["unit2"]).lower()
    sign = -1 if groups.get("direction", "").lower() == "ago" else 1
    precision = Precision.DAY if unit in ("day", "week") else Precision.MONTH
    when = _truncate(_add(anchor, sign * count, unit), precision)
    return when, precision, None, Relation.BY if kind == "within" else relation


def _absolute(kind: str, groups: dict) -> tuple[date, Precision] | None:
    """A date the text gives in full, needing no anchor."""
    if kind == "iso":
        return date(int(groups["year"]), int(groups["month"]), int(groups["day"])), Precision.DAY
    if kind in ("month_day", "day_month") and "year" in groups:
        return date(int(groups["year"]), _month_number(groups["month"]), int(groups["day"])), Precision.DAY
    if kind == "month" and ("year" in groups or "year_only" in groups):
        month = _month_number(groups.get("month") or groups["month_year"])
        return date(int(groups.get("year") or groups["year_only"]), month, 1), Precision.MONTH
    if kind == "year":
        return date(int(groups["year"]), 1, 1), Precision.YEAR
    return None


def _month_of(anchor: date, groups: dict, future: bool) -> date:
    month = _month_number(groups["month"])
    modifier = (groups.get("modifier") or "").lower()
    if modifier == "next":
        return date(anchor.year + (month <= anchor.month), month, 1)
    if modifier == "last":
        return date(anchor.year - (month >= anchor.month), month, 1)
    if modifier in ("this", "early", "late", "mid-"):
        return date(anchor.year, month, 1)
    if future and groups.get("prep") != "since":
        return date(anchor.year + (month < anchor.month), month, 1)
    return date(anchor.year - (month > anchor.month), month, 1)


def _nearest(anchor: date, on: Callable[[int], date], future: bool, past: bool) -> date:
    """The occurrence of a date without a year (``on(year)``) nearest ``anchor``, the earlier on a
    tie; on or after the anchor when ``future``, on or before it when ``past`` ("since"); with
    neither, at most UNCUED_AHEAD_DAYS ahead. "January 5" read on 20 Dec 2014 is 5 Jan 2015;
    "April 9" read on 21 Apr 2015 is 9 Apr 2015; "September 1" read then is 1 Sep 2014. Raises
    ValueError when no year has that date ("February 30")."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        with suppress(ValueError):  # 29 February outside a leap year
            candidates.append(on(year))
    if future:
        candidates = [c for c in candidates if c >= anchor]
    elif past:
        candidates = [c for c in candidates if c <= anchor]
    else:  # news reports what happened: uncued, a date far ahead is last year's
        candidates = [c for c in candidates if (c - anchor).days <= UNCUED_AHEAD_DAYS]
    if not candidates:
        raise ValueError("no such date near the anchor")
    return min(candidates, key=lambda c: (abs((c - anchor).days), c))


def _weekday(anchor: date, groups: dict, future: bool) -> tuple[date | None, Precision | None, str | None]:
    target = WEEKDAYS.index(groups["weekday"].capitalize())
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    modifier = (groups.get("modifier") or "").lower()
    if modifier == "last":
        return anchor - timedelta(days=back or 7), Precision.DAY, None
    if modifier == "next" or future:
        if not ahead and not modifier:
            return None, None, f"ambiguous: the anchor date is itself a {groups['weekday']}"
        return anchor + timedelta(days=ahead or 7), Precision.DAY, None
    return anchor - timedelta(days=back), Precision.DAY, None


def _month_number(name: str) -> int:
    return next(i for i, full in enumerate(MONTHS, start=1) if full.lower().startswith(name.lower().rstrip(".")[:3]))


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word.lower()]


def _add(when: date, count: int, unit: str) -> date:
    if unit in ("day", "week"):
        return when + timedelta(days=count * (7 if unit == "week" else 1))
    months = when.year * 12 + when.month - 1 + count * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(when.day, 28))


def _truncate(when: date, precision: Precision | None) -> date:
    if precision is Precision.WEEK:
        return when - timedelta(days=when.weekday())
    if precision is Precision.MONTH:
        return when.replace(day=1)
    if precision is Precision.YEAR:
        return date(when.year, 1, 1)
    return when
