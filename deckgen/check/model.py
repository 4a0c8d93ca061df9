"""The small model of a slide that the rules look at: shapes with their boxes in points, and
text blocks whose runs carry their effective size, font, colour and baseline (``style``
resolves them)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..fit import FontMetrics


@dataclass(frozen=True)
class Box:
    """A rectangle in points from the slide's top-left corner."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


Scale = tuple[float, float, float, float]  # (dx, dy, sx, sy): point = d + emu * s


@dataclass(frozen=True)
class Placed:
    """A shape with its box on the slide (None when it has no position); group members included."""

    shape: object
    box: Box | None
    top_level: bool


@dataclass(frozen=True)
class Run:
    text: str
    size_pt: float  # autofit font scale applied
    font: str
    bold: bool
    color: str | None  # "RRGGBB", None when the text is not one plain colour
    baseline: int  # thousandths of a percent; > 0 superscript, < 0 subscript


@dataclass(frozen=True)
class Paragraph:
    lines: tuple[tuple[Run, ...], ...]  # split at line breaks; an empty line holds its end mark
    margins_pt: float  # left + right margin + a positive first-line indent
    line_factor: float  # multiple of single spacing (used when line_pts is None)
    line_pts: float | None  # exact line pitch
    space_before_pt: float
    space_after_pt: float

    def line_height_pt(self, size_pt: float, metrics: FontMetrics) -> float:
        if self.line_pts is not None:
            return self.line_pts
        return metrics.line_height * size_pt * self.line_factor


@dataclass(frozen=True)
class Block:
    """The text of one shape or one table cell."""

    owner: int  # index of the shape in the slide's placed shapes
    shape: str
    frame: Box | None  # the box the text must fit in; None when not measured
    insets: dict[str, float]
    wraps: bool
    body: bool  # text of a body or object placeholder
    backdrop: str | None  # "RRGGBB" behind the text, None when not one colour
    paragraphs: tuple[Paragraph, ...]

    def lines(self) -> Iterator[tuple[Run, ...]]:
        for paragraph in self.paragraphs:
            yield from paragraph.lines

    def runs(self) -> Iterator[Run]:
        """Runs with visible text."""
        return (run for line in self.lines() for run in line if run.text.strip())


@dataclass(frozen=True)
class Theme:
    colors: dict[str, str]  # scheme slots and their mapped names (bg1, tx1, ...) -> "RRGGBB"
    major_font: str
    minor_font: str


@dataclass(frozen=True)
class Context:
    """What every shape on a slide inherits from outside itself."""

    theme: Theme
    master: object  # the slide master
    layout: object
    default_style: object | None  # the presentation's p:defaultTextStyle
    background: str | None
    slide_size: tuple[float, float] | None


@dataclass(frozen=True)
class Scope:
    """What the paragraphs of one text body inherit from outside themselves."""

    theme: Theme
    list_styles: tuple  # lstStyle-like elements holding a:lvlNpPr, nearest first
    font_ref: object | None  # the shape style's a:fontRef
    font_scale: float
    spacing_scale: float
