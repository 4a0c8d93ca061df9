"""Timeline and what to watch: time expressions resolved against a date, shown with their words.

The anchor is the document's publication date (from its metadata or the brief), never the
deck's as-of date: "Wednesday" in an undated document stays unresolved. Rules:

- a month-day with no year is the occurrence nearest the anchor (the earlier on a tie), but no
  more than 90 days ahead without a cue: "January 5" read on 20 Dec 2014 is 5 Jan 2015,
  "September 1" read on 21 Apr 2015 is 1 Sep 2014; a future cue ("will", "set to", "going to") governing the
  date puts it on or after the anchor, "since" on or before it;
- a month with no year is in the past (on or before the anchor's month: news reports what
  happened "in July") unless a future cue governs it; "next September" is the first September
  after the anchor's month, "last July" the last one before it;
- a cue governs a date only from the date's own clause, at most eight words before or after it:
  in "Janner, who will not face charges, ... signed on April 9" the "will" belongs to another clause;
- a weekday is the anchor day if it falls on that weekday, else the last one before it; after a
  governing future cue the next one after it, and flagged as ambiguous when the anchor falls on it;
- day words that name something are not dates: "the Today programme", "Radio 4's Today", "Good
  Friday", "the Mail on Sunday", "the Sunday Times" (a capitalised "Today" is a date only where a
  sentence, clause or quote opens);
  a weekday or "today" right after a speech verb ("told reporters Friday") only dates a
  statement: ``reporting`` is True;
- "a year from now", "within the next two years", "10 years ago" count from the anchor (month
  precision for months and years, day precision for days and weeks); "will last at least one
  year" counts from the last date resolved earlier in the same sentence, and is flagged when
  there is none;
- "soon", "in the coming weeks" are kept but flagged as vague; with no anchor every relative
  expression is flagged, and absolute dates ("Sept. 27, 2024", "in 2023") still resolve;
- a year needs a preposition before it, in either case ("In 2013 they ...", "in 2014, Blizerian
  ..."), and is no year when a comma and a digit follow ("in 2000,000");
- a date governed by a photo cue, in its own clause at most eight words before it ("here the couple
  is pictured in June 2013", "- pictured in 2013 -", "(file photo from 2012)"), is when a picture was taken, not when the
  event happened: it is flagged, not resolved. A cue outside the date's clause does not count:
  "Hargreaves (pictured with her children) died in 1995" dates the death.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from ..calendar_names import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, any_of
from ..compress import bullet_text
from ..model import Document, Sentence

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
            r"\b(?!,\d)",
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
_FUTURE = re.compile(r"\b(?:will|won[’']t|shall|(?:is|are) (?:set|expected|scheduled|due) to|set to|plans? to|going to|"
                     r"upcoming)\b", re.I)
_CLAUSE_START = re.compile(r".*(?:[,;:()“”\"—–]|\s-\s|\b(?:who|which|that|because|but|while|although|whereas|and|or|"
                           r"when|if)\b)", re.I | re.S)
_GOVERNING_WORDS = 8  # a tense cue governs a date only from this many words before it, in its clause
_PHOTO = re.compile(r"\b(?:pictured|photographed|snapped|(?:seen|shown) here|file (?:photo|picture|image|footage)|"
                    r"(?:photo|photograph|picture|image|footage)s?\s+(?:taken|dated|shot|from))\b", re.I)
_NAME_BEFORE = re.compile(r"(?:\b(?:Good|Black|Super|Ash|Palm|Easter|Cyber|Bloody|Holy|Maundy)|\bMail on)\s+$")
_TODAY_NAME_BEFORE = re.compile(r"(?:\bthe|’s|'s)\s+$", re.I)  # "the Today programme", "Radio 4's Today"
_NAME_AFTER = re.compile(r"\s+(?:Times|Telegraph|Mirror|Express|People|Post|Herald|Mail|Sport|Independent|Night|"
                         r"Morning|Show|Programme|programme|show)\b")
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")
_OPENING = re.compile(r"(?:^|[.!?:;“\"‘'(—–-])\s*$")
_REPORTING = re.compile(r"\b(?:said|says|told|briefing|announced|added|wrote|stated)\b[^,;“”\"]*$")


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
    sentence. ``when`` is None exactly when ``problem`` says why it could not be resolved."""

    text: str
    when: date | None
    precision: Precision | None
    relation: Relation
    anchor: date | None
    problem: str | None
    reporting: bool
    event: str
    sentence_ids: tuple[str, ...]

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


def find_times(document: Document) -> list[TimeMention]:
    """The time expressions of every sentence, in order, resolved against the document's own
    publication date; with none, relative ones are flagged (the deck's as-of date is not the
    day the document was written, and a guessed anchor would invent dates)."""
    return [mention for sentence in document.sentences for mention in _sentence_times(sentence, document.source.date)]


def _sentence_times(sentence: Sentence, anchor: date | None) -> list[TimeMention]:
    text = sentence.text
    matches = sorted(((m.start(), -m.end(), kind, m) for kind, pattern in _COMPILED.items()
                      for m in pattern.finditer(text)), key=lambda t: (t[0], t[1]))
    mentions: list[TimeMention] = []
    taken_until = 0
    for start, _, kind, match in matches:
        if start < taken_until or (kind in ("weekday", "day_word") and _is_name(text, match)) \
                or (kind == "month" and _month_is_a_name(text, match)):
            continue
        taken_until = match.end()
        cue = _CUE.search(text[:start])
        span_start = cue.start() if cue else start
        words = text[span_start:match.end()]
        relation = next((r for w, r in _RELATION_WORDS.items() if words.lower().startswith(w + " ")), Relation.ON)
        reporting = kind in ("weekday", "day_word") and bool(_REPORTING.search(text[:start]))
        previous = next((m for m in reversed(mentions) if m.when), None)
        try:
            future = _governed_by_future(text, span_start, match.end()) and not reporting
            when, precision, problem, relation = _resolve(kind, match, anchor, future, previous, relation)
        except (ValueError, OverflowError):  # "Feb. 30", "2024-13-45", "10,000 years ago"
            when, precision, problem = None, None, "not a valid date"
        if _PHOTO.search(_clause_before(text, span_start)):
            when, precision, problem = None, None, "dates a photo, not the event"
        mentions.append(TimeMention(words, when, precision, relation, anchor, problem, reporting,
                                    bullet_text(text), (sentence.id,)))
    return mentions


def _governed_by_future(text: str, start: int, end: int) -> bool:
    """True when a future cue ("will", "set to") stands in the date's own clause, at most
    _GOVERNING_WORDS words before it ("talks will resume on April 9") or after it ("Saturday's
    fixture will be staged"); not "Janner, who will not face charges, ... signed on April 9" (a
    comma or "who" opens another clause)."""
    after = re.split(r"[,;:()“”\"—–]|\s-\s|\b(?:who|which|that|because|but|while|and|or|when|if)\b", text[end:],
                     maxsplit=1, flags=re.I)[0]
    near = _clause_before(text, start) + " | " + " ".join(after.split()[:_GOVERNING_WORDS])
    return bool(_FUTURE.search(near))


def _clause_before(text: str, start: int) -> str:
    """The last _GOVERNING_WORDS words before ``start`` in its clause: after "Flay and March, who
    separated, pictured in 2013" that is "pictured"; in "Hargreaves (pictured with her children)
    died in 1995" the ")" ends the clause that "pictured" is in."""
    before = text[:start]
    clause_start = _CLAUSE_START.match(before)
    clause = before[clause_start.end():] if clause_start else before
    return " ".join(clause.split()[-_GOVERNING_WORDS:])


def _month_is_a_name(text: str, match: re.Match) -> bool:
    """A month with no year right before a capitalised word is a first name ("after January Jones",
    "April Ryan said"), or too unclear to date: left out either way."""
    groups = match.groupdict()
    if groups.get("year") or groups.get("year_only"):
        return False
    return bool(_CAPITALISED_NEXT.match(text[match.end():]))


def _is_name(text: str, match: re.Match) -> bool:
    """A day word that names something, not a date: "the Today programme", "BBC Radio 4's Today",
    "Good Friday", "the Mail on Sunday", "the Sunday Times". A capitalised "Today" counts as a
    name except where a sentence, clause or quote opens ("Today the capital...", "said: 'Today ...")."""
    before, after = text[: match.start()], text[match.end():]
    if _NAME_BEFORE.search(before) or _NAME_AFTER.match(after):
        return True
    word = match.group()
    return word in ("Today", "Tonight") and (bool(_TODAY_NAME_BEFORE.search(before)) or not _OPENING.search(before))


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
