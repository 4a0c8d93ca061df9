"""Frozen data classes that flow through the pipeline.

ingest -> ``Document``; segment -> ``Paragraph`` and ``Sentence``;
summarize -> sentence ids; plan -> ``Outline`` of ``Point`` with ``Citation``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


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


class Role(str, Enum):
    """What a paragraph is in its document. Only the roles in ``TEXT_ROLES`` hold sentences;
    the others stay in the document (paragraph numbers are the source's) but never reach a slide."""

    HEADING = "heading"        # with its level in ``Paragraph.level`` (1 for a title or top heading)
    BODY = "body"
    LIST_ITEM = "list item"
    QUOTATION = "quotation"    # a block quote
    TABLE_ROW = "table row"    # cells joined by " | "
    CAPTION = "caption"        # of a picture, table or figure
    FOOTNOTE = "footnote"      # a footnote or endnote, a reference list entry
    FURNITURE = "furniture"    # bylines, page headers, copyright lines, tables of contents ...


TEXT_ROLES = frozenset({Role.BODY, Role.LIST_ITEM, Role.QUOTATION})


@dataclass(frozen=True)
class Paragraph:
    """Paragraph ``number`` (from 1) spans ``document.text[start:end]``; ``level`` is a heading's
    level (1 the highest), 0 for other roles."""

    number: int
    start: int
    end: int
    role: Role = Role.BODY
    level: int = 0

    @property
    def heading(self) -> bool:
        return self.role is Role.HEADING


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
    """A source's normalised text (paragraphs separated by one blank line), its paragraphs with
    their roles as the reader found them, and its sentences once segmented."""

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

    ``sentence_ids`` is empty for a point read back from an edited outline file. ``label`` is
    shown before the text but is not from the quotes (a timeline item's date: "Sep 2025
    ('next September')"), so the text alone is checked against them. ``reason``
    says in a few words why the summarizer chose it for its section ("under heading 'Snubs'");
    None when nothing explains it (a BLUF point, a figure, an edited outline that dropped it).
    """

    text: str
    citations: tuple[Citation, ...]
    sentence_ids: tuple[str, ...] = ()
    label: str | None = None
    reason: str | None = None

    @property
    def shown(self) -> str:
        """The text as a slide shows it: "label: text", or the text alone."""
        return f"{self.label}: {self.text}" if self.label else self.text


@dataclass(frozen=True)
class Section:
    """A titled group of points; ``points`` is empty when the documents say nothing on it.

    ``withheld`` cites, for a section left without points, the passages the summarizer found
    on its topic that could not stand as bullets (a quote with no named speaker, an unnamed
    "he" or "it", a question): the topic is in the sources, just not in a citable claim.
    ``sources`` are the ids of the sources the section rests on, as the References slide
    lists them (an edited outline may change them).
    """

    title: str
    points: tuple[Point, ...]
    withheld: tuple[Citation, ...] = ()
    sources: tuple[str, ...] = ()


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

    Beyond the header, the BLUF and the sections, ``groups`` holds the items of each slide
    kind that collects its own (``deckgen.kinds``: figures and charts, key quotes, timeline,
    perspectives and contrasts), keyed by kind name; a kind with nothing has no group.
    """

    title: str
    as_of: date | None
    sources: tuple[SourceInfo, ...]
    bluf: tuple[Point, ...]
    sections: tuple[Section, ...]
    subtitle: str | None = None
    author: str | None = None
    groups: dict[str, tuple] = field(default_factory=dict)

    def group(self, kind: str, of: type | None = None) -> tuple:
        """The items of slide kind ``kind`` (only those of type ``of``, if given)."""
        items = self.groups.get(kind, ())
        return items if of is None else tuple(item for item in items if isinstance(item, of))

    # The groups of the built-in kinds by their former names, for callers written before kinds.
    figures = property(lambda self: self.group("figures", Point))
    charts = property(lambda self: self.group("figures", Chart))
    quotes = property(lambda self: self.group("quotes"))
    timeline = property(lambda self: self.group("timeline"))
    perspectives = property(lambda self: self.group("perspectives", Section))
    contrasts = property(lambda self: self.group("perspectives", Contrast))

    def all_points(self) -> list[Point]:
        """Every point of the outline, kind by kind in the order the kinds are registered."""
        from .kinds import all_points

        return all_points(self)
