"""Turn what ``extract`` finds into outline items: figure, quote and timeline points, charts,
perspectives and contrasts. Citations come from each item's sentence ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .extract import Extracts, Speaker, TimeMention, extract
from .extract.perspectives import OTHER
from .model import Chart, Citation, Contrast, Document, Point, Section, Sentence
from .summarize.base import candidates, dangles

MAX_FIGURES = 8
MAX_QUOTES = 6
MAX_TIMELINE = 8
MAX_STATEMENTS_PER_SIDE = 3
MIN_QUOTE_WORDS = 6
MAX_QUOTE_WORDS = 45
_BARE_MEASURES = frozenset("""seconds minutes hours days weeks months years decades yards metres meters feet
miles kilometres kilometers km inches centimetres cm millimetres mm kilograms kg grams pounds lbs stone
tonnes tons calories degrees times""".split())
_OPENS_WITH_A_PERSON_PRONOUN = re.compile(r"\W*(?:he|she|they|his|her|their|him|them)\b", re.I)


def briefing_extras(documents: Sequence[Document]) -> dict:
    """The outline fields beyond BLUF and sections, as keyword arguments for ``Outline``;
    relative dates resolve against each document's own publication date."""
    found = extract(documents)
    sentences = {s.id: s for document in documents for s in document.sentences}
    standing = {s.id for document in documents for s in candidates(document.sentences)}

    def point(text: str, ids: Sequence[str]) -> Point:
        ids = tuple(dict.fromkeys(ids))
        return Point(text, tuple(_citation(sentences[i]) for i in ids), ids)

    def statement(s) -> Point:
        """A statement under its group's heading; one whose words do not name the speaker ("It
        said ...", "“...,” he said") is credited, citing where the speaker is named."""
        if s.speaker.name.split()[-1] in s.text:
            return point(s.text, s.sentence_ids)
        return point(f"{s.text} — {s.speaker.name}", (*s.sentence_ids, *s.speaker.sentence_ids))

    return {
        "figures": tuple(point(_figure_text(f.number, f.counts, f.stated_by),
                               (*f.sentence_ids, *(f.stated_by.sentence_ids if f.stated_by else ())))
                         for f in [f for f in found.figures if _says_something(f)][:MAX_FIGURES]),
        "charts": tuple(_chart(series, sentences) for series in found.series),
        "quotes": tuple(point(f"“{q.text}”" + (f" — {q.speaker.label}" if q.speaker else ""),
                              (*q.sentence_ids, *(q.speaker.sentence_ids if q.speaker else ())))
                        for q in _key_quotes(found)),
        "timeline": tuple(replace(point(group[0].event, group[0].sentence_ids),
                                  label="; ".join(m.label for m in group))
                          for group in _timeline_groups(found.timeline, standing)),
        "perspectives": tuple(Section(p.group, tuple(statement(s) for s in p.statements[:MAX_STATEMENTS_PER_SIDE]))
                              for p in _shown_perspectives(found)),
        "contrasts": tuple(Contrast(c.topic or "Contrasting claims", tuple(
            Section(_side_title(side), tuple(statement(s) for s in side[:MAX_STATEMENTS_PER_SIDE]))
            for side in (c.first, c.second))) for c in found.contrasts),
    }


def _citation(sentence: Sentence) -> Citation:
    return Citation(sentence.source, sentence.paragraph, sentence.text)


def _says_something(figure) -> bool:
    """A bare measure with nobody stating it ("56 minutes", "17 months", "45 feet") tells a
    reader nothing on a slide of figures: the clause that says what lasted or measured it is
    not shown. A count of something ("3,862 people"), or any figure with its speaker, is kept."""
    return figure.stated_by is not None or figure.counts.lower() not in _BARE_MEASURES


def _figure_text(number: str, counts: str, speaker: Speaker | None) -> str:
    """'about 500 IS attacks this year (Charles Lister)': the number and what it counts as written."""
    text = f"{number} {counts}"
    return f"{text} ({_without_article(speaker.name)})" if speaker else text


def _without_article(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if first.lower() in ("a", "an", "the") and rest else name


def _chart(series, sentences: dict[str, Sentence]) -> Chart:
    figures = series.figures
    return Chart(title=series.measure, unit=series.unit, labels=series.labels,
                 texts=tuple(f.number for f in figures), lows=tuple(f.low for f in figures),
                 highs=tuple(f.high for f in figures),
                 citations=tuple(_citation(sentences[f.sentence_ids[0]]) for f in figures))


def _shown_perspectives(found: Extracts):
    """The speaker groups worth a slide: not "Other" (it says nothing of where a view comes from),
    and none unless at least two groups speak."""
    groups = [p for p in found.perspectives if p.group != OTHER]
    return groups if len(groups) >= 2 else []


def _key_quotes(found: Extracts):
    """Substantive quotes whose speaker is known, each speaker's first before anyone's second,
    in document order. Left out: a quote with no speaker (on a slide of quotes it would be read
    as the last speaker's), one under MIN_QUOTE_WORDS and one over MAX_QUOTE_WORDS (a passage is
    no quote to show; it cannot be cut without changing it), and one that opens with he, she or
    they (“He has a very good kicking technique ...” — Van Gaal: nobody on the slide says who)."""
    quotes = [q for q in found.quotes
              if q.speaker and MIN_QUOTE_WORDS <= len(q.text.split()) <= MAX_QUOTE_WORDS
              and not _OPENS_WITH_A_PERSON_PRONOUN.match(q.text)]
    seen: set[str] = set()
    firsts, rest = [], []
    for quote in quotes:
        key = quote.speaker.name if quote.speaker else ""
        (rest if key in seen else firsts).append(quote)
        seen.add(key)
    chosen = (firsts + rest)[:MAX_QUOTES]
    return sorted(chosen, key=quotes.index)


def _timeline_groups(mentions: Sequence[TimeMention], standing: set[str]) -> list[list[TimeMention]]:
    """Mentions that place events in time, one group per sentence: what is still to come first,
    then the most recent past, at most MAX_TIMELINE, shown in order of each group's earliest date
    (a sentence dating "10 years ago" and "today" sits at the first).

    Left out: mentions that only date a statement ("told reporters Friday"), mentions that
    could not be resolved ("soon", "pictured in 2013", or "Wednesday" in a text with no
    publication date), events that open with "He"/"It" (nobody on the slide says who), events
    whose sentence could not stand as a point either (ids not in ``standing``: a picture caption,
    boilerplate, the lower-case rest of a run-on the segmenter had to cut), and questions, also before closing quote marks ("Remember THAT goal against QPR in 2012?" states no
    event; bullets leave questions out too). The slide is read as is, so a point must sit at a date and say
    who acts; the unresolved mentions stay in ``extract``'s result, where their ``problem`` says why.
    """
    groups: dict[tuple[str, ...], list[TimeMention]] = {}
    for mention in mentions:
        if mention.when and not mention.reporting and mention.sentence_ids[0] in standing \
                and not dangles(mention.event) and not mention.event.rstrip("'\"’”").endswith("?"):
            groups.setdefault(mention.sentence_ids, []).append(mention)

    def when(group: list[TimeMention]) -> date:
        return max(m.when for m in group)

    def start(group: list[TimeMention]) -> date:
        return min(m.when for m in group)

    upcoming = [g for g in groups.values() if any(m.upcoming for m in g)]
    past = sorted((g for g in groups.values() if g not in upcoming), key=when, reverse=True)
    return sorted((upcoming + past)[:MAX_TIMELINE], key=start)


def _side_title(statements) -> str:
    return " and ".join(dict.fromkeys(s.group for s in statements))
