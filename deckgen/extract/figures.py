"""By the numbers: figures written in digits (or as "one-third of ..."), what they count and who states them.

A figure keeps the words of the text: ``number`` is "about 2,500" or "between 1,500 and 3,000"
as written, ``counts`` the noun phrase after it ("U.S. forces in Iraq"; for money also "in aid") or,
for "put the number of X at 2,500", the X. Both occur verbatim in the sentence. ``low``/``high`` are parsed from the
number (scale words multiply: "5 million" is 5e6); a qualifier ("about", "more than") is kept
beside them, never applied to them.

Skipped: years (four digits without a comma from 1800 to 2100, with no unit; AP style writes
counts of a thousand or more with a comma), days of a month ("Sept. 27", "27 September"),
clock times, ordinals ("3rd"), labels ("Article 5"), compounds ("30-day"), durations that
date something ("10 years ago", "for two years"), and numbers whose counted thing cannot be
found. Spelled-out counts ("two years", "dozens") are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Sentence
from .attribution import Attribution, Speaker

_QUALIFIER = (r"about|around|approximately|roughly|nearly|almost|more than|over|less than|fewer than|under|"
              r"at least|at most|up to|some|an estimated|as many as|close to")
_VALUE = (r"[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?"
          r"(?:\s?%|\s+percent|\s+per cent)?")
_FRACTION = r"(?:one|two|three)-(?:half|thirds?|quarters?|fifths?)"
_FIGURE = re.compile(
    rf"(?<![\w.,$€£-])(?:(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"(?:(?P<between>between)\s+(?P<low>{_VALUE})\s+and\s+(?P<high>{_VALUE})"
    rf"|(?P<from>{_VALUE})\s*(?:to|-|–)\s*(?P<to>{_VALUE})"
    rf"|(?P<value>{_VALUE})|(?P<fraction>{_FRACTION})(?=\s+of\s))"
    r"(?![\w:]|[-–][A-Za-z]|\s+[ap]\.m\.)", re.I)
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|June|July|"
          r"August|September|October|November|December")
_ADJECTIVE = r"[a-z][\w’'-]*(?:ed|al|ary|ive|ian|ous|ic|ful|ern)"
_PLACE = r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
_COUNTED = re.compile(
    rf"\s+(?P<np>(?:of\s+{_PLACE}(?:\s+and\s+{_PLACE})*|of\s+(?:the\s+)?[a-z][\w’'-]*)"
    rf"|(?:(?:[A-Z][\w.’'-]*|{_ADJECTIVE})\s+){{0,3}}(?P<head>[a-z][\w’'-]*)"
    rf"(?:\s+(?:in|across|inside|outside|on|at|from|throughout|near)\s+{_PLACE}(?:\s+and\s+{_PLACE})*)?"
    r"(?:\s+(?:so far\s+)?(?:this|last)\s+(?:year|month|week))?)")
_WORD = r"(?!(?:to|for|from|and|or|by|with|on|at|in|the|a)\b)[a-z][\w’'-]*"
_MONEY_FOR = re.compile(rf"\s+(?P<np>(?:in|of|for)\s+(?:{_WORD}\s+){{0,2}}{_WORD})")
_NUMBER_OF = re.compile(r"\bnumber of (?P<np>[^,;“”\"]+?)\s+"
                        r"(?:at|to|as|was|is|stood at|reached|totaled|totals)\s+$")
_NOT_HEADS = {"and", "or", "to", "of", "in", "on", "at", "by", "for", "from", "with", "was", "were", "is", "are",
              "has", "have", "had", "will", "would", "could", "should", "may", "might", "than", "that", "which",
              "who", "the", "a", "an", "per", "times", "percent"}
_TIME_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "decade",
               "decades", "minute", "minutes"}
_DATING_AFTER = re.compile(r"\s+(?:ago|after|before|later|earlier|from now|old)\b")
_DATING_BEFORE = {"for", "within", "in", "after", "over", "past", "next", "last"}
_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3}


@dataclass(frozen=True)
class Figure:
    """One numeric fact. ``unit`` is "%", a currency sign, "fraction" or None (a plain count)."""

    number: str
    counts: str
    stated_by: Speaker | None
    low: float
    high: float
    unit: str | None
    qualifier: str | None
    sentence_ids: tuple[str, ...]


@dataclass(frozen=True)
class FigureSeries:
    """Figures from different speakers that measure the same thing, for a chart.

    ``measure`` is the fullest of their ``counts``; a figure with no speaker is labelled "Unattributed".
    """

    measure: str
    unit: str | None
    figures: tuple[Figure, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(_chart_label(f.stated_by) for f in self.figures)

    @property
    def sentence_ids(self) -> tuple[str, ...]:
        return tuple(i for f in self.figures for i in f.sentence_ids)


def find_figures(document: Document, attributions: dict[str, Attribution]) -> list[Figure]:
    """The document's figures in order; the speaker is the sentence's, when its verb states ('said',
    'estimated', 'tracked') rather than takes a stance ('declined', 'rejected')."""
    figures = []
    for sentence in document.sentences:
        attribution = attributions.get(sentence.id)
        speaker = attribution.speaker if attribution and attribution.stating else None
        for match in _FIGURE.finditer(sentence.text):
            figure = _figure(match, sentence, speaker)
            if figure:
                figures.append(figure)
    return figures


def figure_series(figures: list[Figure]) -> list[FigureSeries]:
    """Group figures of one unit whose counted things share a head noun and whose words are
    contained one in the other ("fighters in Iraq and Syria" / "IS fighters in Iraq and Syria");
    only groups with two or more different speakers become a series (first figure per speaker)."""
    series: list[list[Figure]] = []
    for figure in figures:
        group = next((g for g in series if _same_measure(g[0], figure)), None)
        if group is None:
            series.append([figure])
        elif _chart_label(figure.stated_by) not in {_chart_label(f.stated_by) for f in group}:
            group.append(figure)
    return [FigureSeries(max((f.counts for f in g), key=lambda c: len(_words(c))), g[0].unit, tuple(g))
            for g in series if len(g) > 1]


def _figure(match: re.Match, sentence: Sentence, speaker: Speaker | None) -> Figure | None:
    text = sentence.text
    before, after = text[: match.start()], text[match.end():]
    if _is_date_or_label(match, before, after):
        return None
    low, high, unit = _values(match)
    counted = _COUNTED.match(after)
    head = counted.group("head") if counted else None
    if counted and head not in _NOT_HEADS:
        counts = re.sub(r"(?<=[a-z]{2})\.$", "", counted.group("np"))  # "Syria." at a sentence's end
        previous = (before.split() or [""])[-1].lower()
        if head in _TIME_UNITS and (_DATING_AFTER.match(after[counted.end("head"):]) or previous in _DATING_BEFORE):
            return None
    else:
        counted = _MONEY_FOR.match(after) if unit in ("$", "€", "£") else None
        counted = counted or _NUMBER_OF.search(before)
        if not counted:
            return None
        counts = counted.group("np")
    qualifier = (match.group("qualifier") or match.group("between") or "").lower() or None
    return Figure(match.group(), counts, speaker, low, high, unit, qualifier, (sentence.id,))


def _is_date_or_label(match: re.Match, before: str, after: str) -> bool:
    """Years, days of a month, and numbers named by a capitalised word ("Article 5", "Sept. 27")."""
    values = [v for v in (match.group("low"), match.group("high"), match.group("from"), match.group("to"),
                          match.group("value")) if v]
    if values and not match.group("qualifier") and all(re.fullmatch(r"1[89]\d\d|20\d\d|2100", v) for v in values):
        return True
    previous = before.split()[-1:] or [""]
    if re.fullmatch(rf"(?:{_MONTH})|[A-Z][\w’'-]*", previous[0]) and before.strip() != previous[0]:
        return True
    return bool(re.match(rf"\s+(?:{_MONTH})\b", after))


def _values(match: re.Match) -> tuple[float, float, str | None]:
    if match.group("fraction"):
        count, part = match.group("fraction").lower().split("-")
        value = _WORD_NUMBERS[count] / _FRACTIONS[part]
        return value, value, "fraction"
    texts = [match.group(g) for g in ("low", "high", "from", "to", "value") if match.group(g)]
    last = texts[-1]
    scale = _SCALE.search(last)  # "between 1.5 and 3 million": the scale word covers both ends
    numbers = [_number(t if _SCALE.search(t) or not scale else f"{t} {scale.group()}") for t in texts]
    unit = "%" if re.search(r"%|per\s?cent", last) else next((c for c in "$€£" if c in match.group()), None)
    return min(numbers), max(numbers), unit


_SCALE = re.compile(r"thousand|million|billion|trillion")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _number(text: str) -> float:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", text).group().replace(",", "")
    word = _SCALE.search(text)
    return float(digits) * (_SCALES[word.group()] if word else 1)


def _words(counts: str) -> set[str]:
    return {w.lower().rstrip("s") for w in re.findall(r"[\w.’'-]+", counts)} - {"in", "of", "the", "and", "a"}


def _head(counts: str) -> str | None:
    before_place = re.split(r"\s+(?:in|across|inside|outside|on|at|from|throughout|near|this|last|so)\s+", counts)[0]
    last = before_place.split()[-1]
    return None if counts.startswith("of ") else last.lower().rstrip("s")


def _same_measure(a: Figure, b: Figure) -> bool:
    if a.unit != b.unit or _head(a.counts) is None or _head(a.counts) != _head(b.counts):
        return False
    words_a, words_b = _words(a.counts), _words(b.counts)
    return words_a <= words_b or words_b <= words_a


def _chart_label(speaker: Speaker | None) -> str:
    """'A recent United Nations report' -> 'Recent United Nations report'."""
    if speaker is None:
        return "Unattributed"
    name = re.sub(r"^(?:the|a|an)\s+", "", speaker.name, flags=re.I)
    return name[:1].upper() + name[1:]
