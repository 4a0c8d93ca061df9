"""Timeline and what to watch: time expressions resolved against a date, shown with their words.

The anchor is ``as_of`` when given, else the document's publication date. Rules:

- a month with no year is the nearest one in the sentence's tense: past (the default, and always
  after "since") means on or before the anchor's month, future ("will", "set to", "expected to")
  on or after it; "next September" is the first September after the anchor's month, "last
  July" the last one before it;
- a weekday is the anchor day if it falls on that weekday, else the last one before it; in a
  future sentence the next one after it, and flagged as ambiguous when the anchor falls on it;
  a weekday or "today" right after a speech verb ("told reporters Friday") only dates a
  statement: ``reporting`` is True;
- "a year from now", "within the next two years", "10 years ago" count from the anchor (month
  precision for months and years, day precision for days and weeks); "will last at least one
  year" counts from the last date resolved earlier in the same sentence, and is flagged when
  there is none;
- "soon", "in the coming weeks" are kept but flagged as vague; with no anchor every relative
  expression is flagged, and absolute dates ("Sept. 27, 2024", "in 2023") still resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from ..compress import bullet_text
from ..model import Document, Sentence

_MONTH_NAMES = ("january february march april may june july august september october november december").split()
_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
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
            r"\b(?![,\d])",
    "weekday": r"\b(?:(?P<modifier>last|next|this)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|"
               r"Saturday|Sunday)\b",
    "day_word": r"\b(?P<word>today|tonight|yesterday|tomorrow|immediately)\b",
    "this_unit": r"\b(?:(?:earlier|later)\s+)?(?P<modifier>this|next|last)\s+(?P<unit>week|month|year)\b",
    "offset": rf"\b(?P<count>{_COUNT})\s+{_UNIT}\s+(?P<direction>ago|from now)\b",
    "within": rf"\b(?:within|in|over)\s+the\s+(?:next|coming)\s+(?P<count>{_COUNT})\s+{_UNIT}\b"
              rf"|\bwithin\s+(?P<count2>{_COUNT})\s+{_UNIT.replace('unit', 'unit2')}\b",
    "lasting": rf"\b(?:will\s+)?lasts?\s+(?P<qualifier>at least|about|up to)?\s*(?P<count>{_COUNT})\s+{_UNIT}\b",
    "vague": r"\b(?:soon|in the coming (?:days|weeks|months|years)|in the near future|"
             r"in the (?:days|weeks|months) ahead)\b",
}
_COMPILED = {kind: re.compile(pattern, re.I if kind in ("this_unit", "offset", "within", "lasting", "vague",
                                                        "day_word") else 0)
             for kind, pattern in _PATTERNS.items()}
_CUE = re.compile(r"(?:no later than|not later than|by|before|until|since|after|starting|beginning)\s+$", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are) (?:set|expected|scheduled|due) to|set to|plans? to|upcoming)\b", re.I)
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
    month = _ABBREVIATIONS[when.month - 1]
    return {Precision.DAY: f"{when.day} {month} {when.year}", Precision.WEEK: f"week of {when.day} {month} {when.year}",
            Precision.MONTH: f"{month} {when.year}", Precision.YEAR: str(when.year)}[precision]


def find_times(document: Document, as_of: date | None = None) -> list[TimeMention]:
    """The time expressions of every sentence, in order, resolved against ``as_of`` or the document's date."""
    anchor = as_of or document.source.date
    return [mention for sentence in document.sentences for mention in _sentence_times(sentence, anchor)]


def _sentence_times(sentence: Sentence, anchor: date | None) -> list[TimeMention]:
    text = sentence.text
    future = bool(_FUTURE.search(text))
    matches = sorted(((m.start(), -m.end(), kind, m) for kind, pattern in _COMPILED.items()
                      for m in pattern.finditer(text)), key=lambda t: (t[0], t[1]))
    mentions: list[TimeMention] = []
    taken_until = 0
    for start, _, kind, match in matches:
        if start < taken_until:
            continue
        taken_until = match.end()
        cue = _CUE.search(text[:start])
        span_start = cue.start() if cue else start
        words = text[span_start:match.end()]
        relation = next((r for w, r in _RELATION_WORDS.items() if words.lower().startswith(w + " ")), Relation.ON)
        reporting = kind in ("weekday", "day_word") and bool(_REPORTING.search(text[:start]))
        previous = next((m for m in reversed(mentions) if m.when), None)
        try:
            when, precision, problem, relation = _resolve(kind, match, anchor, future and not reporting, previous,
                                                          relation)
        except (ValueError, OverflowError):  # "Feb. 30", "2024-13-45", "10,000 years ago"
            when, precision, problem = None, None, "not a valid date"
        mentions.append(TimeMention(words, when, precision, relation, anchor, problem, reporting,
                                    bullet_text(text), (sentence.id,)))
    return mentions


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
        year = anchor.year + (1 if future and (month, day) < (anchor.month, anchor.day) else
                              -1 if not future and (month, day) > (anchor.month, anchor.day) else 0)
        return date(year, month, day), Precision.DAY, None, relation
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
        year = anchor.year + (month <= anchor.month)
    elif modifier == "last":
        year = anchor.year - (month >= anchor.month)
    elif modifier in ("this", "early", "late", "mid-"):
        year = anchor.year
    elif future and groups.get("prep") != "since":
        year = anchor.year + (month < anchor.month)
    else:
        year = anchor.year - (month > anchor.month)
    return date(year, month, 1)


def _weekday(anchor: date, groups: dict, future: bool) -> tuple[date | None, Precision | None, str | None]:
    target = _WEEKDAYS.index(groups["weekday"].lower())
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
    return next(i for i, full in enumerate(_MONTH_NAMES, start=1) if full.startswith(name.lower().rstrip(".")[:3]))


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
