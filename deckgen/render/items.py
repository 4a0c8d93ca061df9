"""What a slide shows, before it is drawn: items (a bullet's text and the citations its
marker resolves to) and groups of them under a title."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Chart, Citation, Contrast, Point


@dataclass(frozen=True)
class Item:
    """A bullet to lay out: its text and the citations its marker resolves to (none: no marker)."""

    text: str
    citations: tuple[Citation, ...] = ()
    point: Point | None = None


def point_item(point: Point) -> Item:
    """The point as its slide shows it (with its label, if any)."""
    return Item(point.shown, point.citations, point)


@dataclass(frozen=True)
class BulletGroup:
    """Bullets under one title (a section, the BLUF, the agenda, the references)."""

    title: str
    items: tuple[Item, ...]
    headline: Item | None = None   # assertion title: a point taken out of the bullets, cited in the title
    empty: Item | None = None      # what an empty group's slide says instead of bullets

    @property
    def lead(self) -> tuple[Item, ...]:
        """Items cited before the bullets (the headline), for footnote numbering."""
        return (self.headline,) if self.headline else ()


@dataclass(frozen=True)
class ChartSlide:
    """A bar chart on a slide of its own."""

    title: str
    chart: Chart


@dataclass(frozen=True)
class ColumnSlides:
    """Two sides of a contrast in columns, continued on "(cont.)" slides."""

    title: str
    contrast: Contrast
