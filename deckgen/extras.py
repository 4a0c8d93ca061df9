"""Turn what ``extract`` finds into outline items: figure, quote and timeline points, charts,
perspectives and contrasts. Citations come from each item's sentence ids; what is shown is
chosen by the extract modules' policy functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .analysis import PARSE_WHOLE_CHARS, Analysis
from .extract import extract, key_quotes, shown_figures, shown_perspectives, timeline_groups
from .model import Chart, Citation, Contrast, Document, Point, Section, Sentence
from .names import surname
from .runin import runs_in
from .summarize.base import candidates

MAX_STATEMENTS_PER_SIDE = 3


def extras_sentences(documents: Sequence[Document]) -> list[Sentence]:
    """What the extras read of an input too long to parse whole: the sentences that can stand
    as a point (``summarize.base.candidates``) from the start of each document, up to an equal
    share of PARSE_WHOLE_CHARS each, so their cost stays that of the longest input parsed
    whole while the rest of the build grows linearly. A figure, date or statement further into
    a long document is not shown."""
    budget = PARSE_WHOLE_CHARS // max(len(documents), 1)
    chosen = []
    for document in documents:
        used = 0
        for sentence in candidates(document.sentences):
            used += len(sentence.text)
            if used > budget:
                break
            chosen.append(sentence)
    return chosen


def briefing_extras(analyses: Sequence[Analysis], bullets: Sequence[Point] = ()) -> dict:
    """The outline fields beyond BLUF and sections, as keyword arguments for ``Outline``;
    relative dates resolve against each document's own publication date. Figures, timeline
    items and statements come from sentences that can stand as a point and are no run-in
    (``runin.runs_in``: a caption run into the story). ``bullets`` are the deck's BLUF and
    section points: a figure one of them shows is not shown again."""
    shown: dict[str, list[str]] = {}
    for bullet in bullets:
        if bullet.sentence_ids:
            shown.setdefault(bullet.sentence_ids[0], []).append(bullet.text)
    found = extract(analyses)
    documents = [a.document for a in analyses]
    sentences = {s.id: s for document in documents for s in document.sentences}
    standing = {s.id for a in analyses for s in candidates(a.document.sentences) if not runs_in(a.span(s))}

    def point(text: str, ids: Sequence[str]) -> Point:
        ids = tuple(dict.fromkeys(ids))
        return Point(text, tuple(_citation(sentences[i]) for i in ids), ids)

    def statement(s) -> Point:
        """A statement under its group's heading; one whose words do not name the speaker ("It
        said ...", "“...,” he said") is credited, citing where the speaker is named."""
        if surname(s.speaker.name) in s.text.lower():
            return point(s.text, s.sentence_ids)
        return point(f"{s.text} — {s.speaker.name}", (*s.sentence_ids, *s.speaker.sentence_ids))

    return {
        "figures": tuple(point(f.text, (*f.sentence_ids, *(f.stated_by.sentence_ids if f.stated_by else ())))
                         for f in shown_figures(found.figures, standing, shown)),
        "charts": tuple(_chart(series, sentences) for series in found.series),
        "quotes": tuple(point(f"“{q.text}”" + (f" — {q.speaker.label}" if q.speaker else ""),
                              (*q.sentence_ids, *(q.speaker.sentence_ids if q.speaker else ())))
                        for q in key_quotes(found.quotes)),
        "timeline": tuple(replace(point(group[0].event, group[0].sentence_ids),
                                  label="; ".join(m.label for m in group))
                          for group in timeline_groups(found.timeline, standing)),
        "perspectives": tuple(Section(p.group, tuple(statement(s) for s in p.statements[:MAX_STATEMENTS_PER_SIDE]))
                              for p in shown_perspectives(found.perspectives, standing)),
        "contrasts": tuple(Contrast(c.topic or "Contrasting claims", tuple(
            Section(_side_title(side), tuple(statement(s) for s in side[:MAX_STATEMENTS_PER_SIDE]))
            for side in (c.first, c.second))) for c in found.contrasts),
    }


def _citation(sentence: Sentence) -> Citation:
    return Citation(sentence.source, sentence.paragraph, sentence.text)


def _chart(series, sentences: dict[str, Sentence]) -> Chart:
    figures = series.figures
    return Chart(title=series.measure, unit=series.unit, labels=series.labels,
                 texts=tuple(f.number for f in figures), lows=tuple(f.low for f in figures),
                 highs=tuple(f.high for f in figures),
                 citations=tuple(_citation(sentences[f.sentence_ids[0]]) for f in figures))


def _side_title(statements) -> str:
    return " and ".join(dict.fromkeys(s.group for s in statements))
