"""What the slides show, planned before anything is drawn: a section's bullets and headline,
the references, and the citations each planned slide shows. No python-pptx here."""

from __future__ import annotations

from ..fit import EMU_PER_PT, metrics_for, wrap
from ..layouts import Layout
from ..model import Citation, Outline
from ..outline import EMPTY_TEXT, WITHHELD_TEXT
from ..text import Templates
from .footnotes import Footnotes
from .geometry import INSET
from .items import BulletGroup, ChartSlide, ColumnSlides, Item, point_item

TITLE_SLIDE = "title"      # the title slide's place among the planned entries
MIN_TITLE_WORDS = 6        # an assertion title states a point: shorter points are labels
UNRESOLVED_OPENERS = {"he", "she", "it", "they", "we", "i", "this", "that", "these", "those"}


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


def references(outline: Outline, footnotes: Footnotes, templates: Templates, title: str) -> BulletGroup:
    """Which sources support which sections (as the outline's sections say), each source in
    full with the paragraphs cited, then the endnotes if footnotes go here."""
    cited: dict[str, set[int]] = {}
    for source, paragraph in footnotes.endnotes:
        cited.setdefault(source, set()).add(paragraph)
    support: dict[str, tuple[str, ...]] = {}
    for section in outline.sections:  # a repeated title lists the sources of all its sections
        support[section.title] = tuple(dict.fromkeys([*support.get(section.title, ()), *section.sources]))
    summary = templates.render("source_summary", sections=outline.sections, support=support)
    items = [Item(summary)] if summary else []
    items += [Item(templates.render("reference", source=s, paragraphs=sorted(cited.get(s.id, ()))))
              for s in outline.sources]
    if footnotes.mode == "references":
        items += [Item(line) for line in footnotes.endnote_lines()]
    return BulletGroup(title, tuple(items))


def citations_of(entry) -> list[Citation]:
    """Every citation a planned entry (bullet group, chart, contrast, title slide) shows."""
    if isinstance(entry, BulletGroup):
        shown = entry.items or ((entry.empty,) if entry.empty else ())
        return [c for item in (*entry.lead, *shown) for c in item.citations]
    if isinstance(entry, ChartSlide):
        return list(entry.chart.citations)
    if isinstance(entry, ColumnSlides):
        return [c for side in entry.contrast.sides for p in side.points for c in p.citations]
    return []
