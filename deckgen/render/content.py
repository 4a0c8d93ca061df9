"""What each slide kind shows, chosen from the outline before anything is drawn: bullet
groups, charts, contrasts, or the title slide. No python-pptx here."""

from __future__ import annotations

from collections.abc import Sequence

from ..extract.coverage import sources_by_section
from ..fit import EMU_PER_PT, metrics_for, wrap
from ..layouts import Layout
from ..model import Chart, Citation, Contrast, Outline, Point
from ..outline import EMPTY_TEXT, WITHHELD_TEXT
from ..text import Templates
from .footnotes import Footnotes
from .geometry import INSET
from .items import BulletGroup, Item, point_item

TITLE_SLIDE = "title"      # the title slide's place among the planned entries
MIN_TITLE_WORDS = 6        # an assertion title states a point: shorter points are labels
UNRESOLVED_OPENERS = {"he", "she", "it", "they", "we", "i", "this", "that", "these", "those"}


def entries(kind: str, outline: Outline, layout: Layout, title_width: int) -> list:
    """What one slide kind (but the references) adds: bullet groups, charts, contrasts or the
    title slide. The optional kinds (figures, quotes, timeline, perspectives) add nothing when
    the outline has nothing of theirs. ``title_width`` (EMU) decides assertion headlines."""
    def points(title: str, found: Sequence[Point]) -> list[BulletGroup]:
        return [BulletGroup(title, tuple(point_item(p) for p in found))] if found else []

    if kind == "title":
        return [TITLE_SLIDE]
    if kind == "bluf":
        return [BulletGroup("Bottom line up front", tuple(point_item(p) for p in outline.bluf))]
    if kind == "agenda":  # no sections, no agenda
        return [BulletGroup("Agenda", tuple(Item(s.title) for s in outline.sections))] if outline.sections else []
    if kind == "sections":
        return [section_group(s, layout, title_width) for s in outline.sections]
    if kind == "figures":
        return [*points("By the numbers", outline.figures), *outline.charts]
    if kind == "quotes":
        return points("Key quotes", outline.quotes)
    if kind == "timeline":
        return points("Timeline and what to watch", outline.timeline)
    if kind == "perspectives":
        contrasts = [c for c in outline.contrasts if sum(bool(side.points) for side in c.sides[:2]) == 2]
        if contrasts:
            return contrasts
        return [BulletGroup(f"Perspectives: {group.title}", tuple(point_item(p) for p in group.points))
                for group in outline.perspectives if group.points]
    raise ValueError(f"unknown slide kind {kind!r}")


def section_group(section, layout: Layout, title_width: int) -> BulletGroup:
    """A section's bullets; in assertion-style layouts its shortest self-standing point that
    fits the title in two lines (with its marker, and "(cont.)" should the section go on)
    becomes the title instead of a bullet."""
    points = list(section.points)
    headline = None
    if layout.title_style == "assertion" and len(points) > 1:
        metrics = metrics_for(layout.font, bold=True)
        width_pt = (title_width - 2 * INSET) / EMU_PER_PT
        fitting = [p for p in points if len(p.text.split()) >= MIN_TITLE_WORDS
                   and p.text.split()[0].lower() not in UNRESOLVED_OPENERS
                   and len(wrap(p.text + " (cont.) 00", metrics, layout.title_min, width_pt)) <= 2]
        headline = min(fitting, key=lambda p: len(p.text.split()), default=None)
    items = tuple(point_item(p) for p in points if p is not headline)
    empty = Item(WITHHELD_TEXT, section.withheld) if section.withheld else Item(EMPTY_TEXT)
    return BulletGroup(section.title, items, point_item(headline) if headline else None, empty)


def references(outline: Outline, footnotes: Footnotes, templates: Templates) -> BulletGroup:
    """Which sources support which sections, each source in full with the paragraphs cited,
    then the endnotes if footnotes go here."""
    cited: dict[str, set[int]] = {}
    for source, paragraph in footnotes.endnotes:
        cited.setdefault(source, set()).add(paragraph)
    summary = templates.render("source_summary", sections=outline.sections,
                               support=sources_by_section(outline.sections, outline.sources))
    items = [Item(summary)] if summary else []
    items += [Item(templates.render("reference", source=s, paragraphs=sorted(cited.get(s.id, ()))))
              for s in outline.sources]
    if footnotes.mode == "references":
        items += [Item(line) for line in footnotes.endnote_lines()]
    return BulletGroup("References", tuple(items))


def citations_of(entry) -> list[Citation]:
    """Every citation a planned entry (bullet group, chart, contrast, title slide) shows."""
    if isinstance(entry, BulletGroup):
        shown = entry.items or ((entry.empty,) if entry.empty else ())
        return [c for item in (*entry.lead, *shown) for c in item.citations]
    if isinstance(entry, Chart):
        return list(entry.citations)
    if isinstance(entry, Contrast):
        return [c for side in entry.sides for p in side.points for c in p.citations]
    return []
