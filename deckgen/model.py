"""Frozen data classes that flow through the pipeline.

ingest -> ``Document``; segment -> ``Paragraph`` and ``Sentence``;
summarize -> sentence ids; plan -> ``Outline`` of ``Point`` with ``Citation``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class SourceInfo:
    """What a reference needs to know about one document; every field but ``id`` and ``path`` may be None."""

    id: str
    path: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """Paragraph ``number`` (from 1) spans ``document.text[start:end]``."""

    number: int
    start: int
    end: int
    heading: bool = False


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``document.text[start:end] == text`` always holds.

    ``id`` is ``"<source id>.<index>"`` with index counted from 1 over the document.
    """

    id: str
    source: str
    paragraph: int
    start: int
    end: int
    text: str

    @property
    def index(self) -> int:
        return int(self.id.rsplit(".", 1)[1])

    @property
    def position(self) -> tuple[int, int]:
        """(source number, sentence number): document order across sources, S2 before S10."""
        return source_number(self.source), self.index


def source_number(source_id: str) -> int:
    """3 for "S3"; ids are "S" and a number counted from 1."""
    return int(source_id[1:])


@dataclass(frozen=True)
class Document:
    """A source's normalised text, with its paragraphs and sentences once segmented."""

    source: SourceInfo
    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    def paragraph_text(self, number: int) -> str:
        """The text of paragraph ``number``; raises KeyError for a number the document lacks."""
        for paragraph in self.paragraphs:
            if paragraph.number == number:
                return self.text[paragraph.start : paragraph.end]
        raise KeyError(number)


@dataclass(frozen=True)
class SectionSpec:
    """A section the user asked for: a title, optionally described in the brief."""

    title: str
    description: str | None = None

    @property
    def query(self) -> str:
        return f"{self.title}. {self.description}" if self.description else self.title


@dataclass(frozen=True)
class Citation:
    """``quote`` occurs verbatim in paragraph ``paragraph`` of source ``source``."""

    source: str
    paragraph: int
    quote: str


@dataclass(frozen=True)
class Point:
    """One bullet: its text, the citations it rests on, and the sentence ids they came from.

    ``sentence_ids`` is empty for a point read back from an edited outline file. ``reason`` says
    in a few words why the summarizer chose it for its section ("under heading 'Snubs'"); None
    when nothing explains it (a BLUF point, a figure, an edited outline that dropped it).
    """

    text: str
    citations: tuple[Citation, ...]
    sentence_ids: tuple[str, ...] = ()
    reason: str | None = None


@dataclass(frozen=True)
class Section:
    """A titled group of points; ``points`` is empty when the documents say nothing on it.

    ``withheld`` cites, for a section left without points, the passages the summarizer found
    on its topic that could not stand as bullets (a quote with no named speaker, an unnamed
    "he" or "it", a question): the topic is in the sources, just not in a citable claim.
    """

    title: str
    points: tuple[Point, ...]
    withheld: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Chart:
    """Figures from the documents that measure the same thing, drawn as one bar chart.

    Bar ``i`` is stated by ``labels[i]`` as ``texts[i]`` (the words as written), spans
    ``lows[i]`` to ``highs[i]`` (equal for a single value) and cites ``citations[i]``.
    """

    title: str
    unit: str | None
    labels: tuple[str, ...]
    texts: tuple[str, ...]
    lows: tuple[float, ...]
    highs: tuple[float, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Contrast:
    """Claims on one topic that pull apart, side by side: each side a speaker group and its points."""

    topic: str
    sides: tuple[Section, ...]


@dataclass(frozen=True)
class Outline:
    """The contract between the summarizer and the renderer.

    Beyond the BLUF and the sections, the optional briefing content: figures, charts of
    figures that measure the same thing, key quotes, a timeline, statements grouped by
    who makes them (perspectives) and contrasting claims; each empty when not extracted.
    """

    title: str
    as_of: date | None
    sources: tuple[SourceInfo, ...]
    bluf: tuple[Point, ...]
    sections: tuple[Section, ...]
    subtitle: str | None = None
    author: str | None = None
    figures: tuple[Point, ...] = ()
    charts: tuple[Chart, ...] = ()
    quotes: tuple[Point, ...] = ()
    timeline: tuple[Point, ...] = ()
    perspectives: tuple[Section, ...] = ()
    contrasts: tuple[Contrast, ...] = ()

    def all_points(self) -> list[Point]:
        """Every point of the outline, in slide order of the default layout."""
        groups = [*self.perspectives, *(side for c in self.contrasts for side in c.sides)]
        return [*self.bluf, *(p for s in self.sections for p in s.points), *self.figures, *self.quotes,
                *self.timeline, *(p for g in groups for p in g.points)]
