"""Lay an Outline into a .pptx deck: the only module that imports python-pptx.

Every slide has a real title placeholder; bullets live in the body placeholder;
each bullet ends with superscript footnote markers resolved by the source line
at the foot of the same slide. Text is measured with ``fit`` and never placed
in a box it does not fit: it shrinks to the layout's floor, then continues on
a "(cont.)" slide that carries its own footnotes.
"""

from __future__ import annotations

import copy
import io
import os
import re
import struct
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from .errors import LayoutError
from .files import write_atomically
from .fit import EMU_PER_PT, line_height_pt, metrics_for, text_height_pt, wrap
from .extract.coverage import sources_by_section
from .layouts import Layout
from .model import Chart, Citation, Contrast, Outline, Point, Section
from .outline import EMPTY_TEXT, WITHHELD_TEXT
from .text import Templates

INSET = Inches(0.08)
BULLET_INDENT = Inches(0.32)
BANNER_HEIGHT = Inches(0.32)
GAP = Inches(0.12)
SLIDE_NUMBER_WIDTH = Inches(1.0)
KICKER_SIZE = 14           # the section label above an assertion title
MIN_TITLE_WORDS = 6        # an assertion title states a point: shorter points are labels
UNRESOLVED_OPENERS = {"he", "she", "it", "they", "we", "i", "this", "that", "these", "those"}
CHART_TEXT_SIZE = 14       # axis, label and legend text of charts
SHRINK_BEFORE_SPLIT = 4    # points a slide's body may shrink before bullets go on to a "(cont.)" slide
XML_INVALID = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")  # what XML 1.0 text cannot hold
SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")
TITLE_SLIDE = "title"      # the title slide's place among the planned entries


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class Item:
    """A bullet to lay out: its text and the citations its marker resolves to (none: no marker)."""

    text: str
    citations: tuple[Citation, ...] = ()
    point: Point | None = None


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
class RenderOptions:
    timestamp: datetime | None = None  # fixed zip and core-property time; default: the outline's as-of date


def render_deck(outline: Outline, layout: Layout, out: Path, options: RenderOptions = RenderOptions(),
                master: Master | None = None) -> None:
    """Render and write ``out`` atomically (a temporary file, then a rename).

    ``master`` is the layout's master already opened by ``open_master`` (it is used up:
    slides are added to it); by default it is opened here. Raises LayoutError for an
    unusable master, OutputError for a path that cannot be written; nothing is left
    behind on error.
    """
    data = DeckBuilder(outline, layout, options, master or open_master(layout)).build()
    write_atomically(out, data)


@dataclass(frozen=True)
class Master:
    """What a render needs from its layout before the outline: the master deck opened and
    checked (the presentation the slides are added to, its title and content slide layouts)
    and the layout's templates compiled. Good for one deck."""

    prs: object
    title_layout: object
    content_layout: object
    templates: Templates


def open_master(layout: Layout) -> Master:
    """Open the layout's master deck and compile its templates; raises LayoutError when the
    master is unreadable or lacks the title or content slide layout or their placeholders, or a
    template is broken. Call it early: to fail before slow work, and (``deckgen build``) while
    the outline is being built. A layout that shows figures also loads the chart writer here."""
    prs = open_presentation(layout)
    templates = Templates(layout.template_folders)
    templates.compile_all()
    if "figures" in layout.slides:
        import pptx.chart.data  # noqa: F401  (pulls in XlsxWriter, which a chart slide needs)
    return Master(prs, find_slide_layout(prs, layout, "title", (0,)),
                  find_slide_layout(prs, layout, "content", (0, 1)), templates)


class DeckBuilder:
    """Builds one deck; holds the presentation, the layout and the running slide state."""

    def __init__(self, outline: Outline, layout: Layout, options: RenderOptions, master: Master):
        self.outline = outline
        self.layout = layout
        self.options = options
        self.templates = master.templates
        self.sources = {s.id: s for s in outline.sources}
        self.prs = master.prs
        self.title_layout = master.title_layout
        self.content_layout = master.content_layout
        self.titles: set[str] = set()
        self.new_slides = NewSlides(self.prs)
        self.notes_pages = NotesPages(self.prs)
        self.endnotes: dict[tuple[str, int], int] = {}  # (source, paragraph) -> number, over what is shown

    # ---- the deck ---------------------------------------------------------------------
    def build(self) -> bytes:
        """Add the slides in the layout's order, then number them and set the properties."""
        shown = {kind: self.entries(kind) for kind in self.layout.slides if kind != "references"}
        cited = [c for entries in shown.values() for entry in entries for c in citations_of(entry)]
        self.endnotes = {key: n for n, key in enumerate(dict.fromkeys((c.source, c.paragraph) for c in cited), 1)}
        entries = [entry for kind in self.layout.slides
                   for entry in (shown[kind] if kind in shown else self.entries(kind))]
        for entry in entries:
            if entry == TITLE_SLIDE:
                self.title_slide()
            elif isinstance(entry, BulletGroup):
                self.bullet_slides(entry)
            elif isinstance(entry, Chart):
                self.chart_slide(entry)
            else:
                self.contrast_slides(entry)
        if self.layout.slide_numbers:
            self.number_slides()
        self.set_properties()
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return stamp_zip(buffer.getvalue(), self.timestamp())

    def entries(self, kind: str) -> list:
        """What one slide kind adds: bullet groups, charts, contrasts or the title slide.
        The optional kinds (figures, quotes, timeline, perspectives) add nothing when the
        outline has nothing of theirs."""
        outline = self.outline

        def points(title: str, found: Sequence[Point]) -> list[BulletGroup]:
            return [BulletGroup(title, tuple(point_item(p) for p in found))] if found else []

        if kind == "title":
            return [TITLE_SLIDE]
        if kind == "bluf":
            return [BulletGroup("Bottom line up front", tuple(point_item(p) for p in outline.bluf))]
        if kind == "agenda":  # no sections, no agenda
            return [BulletGroup("Agenda", tuple(Item(s.title) for s in outline.sections))] if outline.sections else []
        if kind == "sections":
            return [self.section_group(s) for s in outline.sections]
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
        return [BulletGroup("References", tuple(self.reference_items()))]

    def section_group(self, section) -> BulletGroup:
        """A section's bullets; in assertion-style layouts its shortest self-standing point that
        fits the title in two lines (with its marker, and "(cont.)" should the section go on)
        becomes the title instead of a bullet."""
        points = list(section.points)
        headline = None
        if self.layout.title_style == "assertion" and len(points) > 1:
            metrics = metrics_for(self.layout.font, bold=True)
            width_pt = (self.title_box().width - 2 * INSET) / EMU_PER_PT
            fitting = [p for p in points if len(p.text.split()) >= MIN_TITLE_WORDS
                       and p.text.split()[0].lower() not in UNRESOLVED_OPENERS
                       and len(wrap(p.text + " (cont.) 00", metrics, self.layout.title_min, width_pt)) <= 2]
            headline = min(fitting, key=lambda p: len(p.text.split()), default=None)
        items = tuple(point_item(p) for p in points if p is not headline)
        empty = Item(WITHHELD_TEXT, section.withheld) if section.withheld else Item(EMPTY_TEXT)
        return BulletGroup(section.title, items, point_item(headline) if headline else None, empty)

    def title_slide(self) -> None:
        slide = self.new_slides.add(self.title_layout)
        self.decorate(slide)
        title_box, lines_box = self.title_slide_boxes()
        self.set_title(slide, self.outline.title, title_box, max_lines=3, anchor=MSO_ANCHOR.BOTTOM)
        if self.layout.accent_bar:
            self.add_accent_bar(slide, title_box)
        lines = self.templates.render("title_lines", outline=self.outline, dtg=self.layout.dtg,
                                      author=self.outline.author).splitlines()
        items = [Item(line) for line in lines if line.strip()]
        shape = placeholder(slide, 1) or slide.shapes.add_textbox(0, 0, 0, 0)
        self.place(shape, lines_box)
        size = self.largest_fitting_size(items, lines_box, max(self.layout.body_size - 4, self.layout.body_min),
                                         self.layout.body_min, bullets=False) or self.layout.body_min
        self.fill_text(shape.text_frame, items, size, {}, bullets=False, color=self.color("muted"))

    def reference_items(self) -> list[Item]:
        """Which sources support which sections, each source in full with the paragraphs
        cited, then the endnotes if footnotes go here."""
        cited: dict[str, set[int]] = {}
        for source, paragraph in self.endnotes:
            cited.setdefault(source, set()).add(paragraph)
        summary = self.templates.render("source_summary", sections=self.outline.sections,
                                        support=sources_by_section(self.outline.sections, self.outline.sources))
        items = [Item(summary)] if summary else []
        items += [Item(self.templates.render("reference", source=s, paragraphs=sorted(cited.get(s.id, ()))))
                  for s in self.outline.sources]
        if self.layout.footnotes == "references":
            for (source, paragraph), number in sorted(self.endnotes.items(), key=lambda kv: kv[1]):
                items.append(Item(f"[{number}] {self.endnote(source, paragraph)}"))
        return items

    # ---- charts and contrasts ----------------------------------------------------------
    def chart_slide(self, chart: Chart) -> None:
        """A native, editable bar chart of figures that measure the same thing: one bar per
        source (low and high ends for ranges, one bar for a single value), values labelled, axes titled, the source line
        under it and alt text that states every value."""
        from pptx.chart.data import CategoryChartData  # pulls in XlsxWriter: only for decks with charts

        slide = self.content_slide(f"By the numbers: {chart.title}")
        body = placeholder(slide, 1)
        body._element.getparent().remove(body._element)
        items = [Item(label, (citation,)) for label, citation in zip(chart.labels, chart.citations)]
        numbers = self.footnote_numbers(items)
        data = CategoryChartData(number_format="#,##0")
        data.categories = [f"{item.text} {marker_text(item, numbers).strip().translate(SUPERSCRIPT)}".strip()
                           for item in items]
        ranged = chart.lows != chart.highs
        if ranged:  # a single value gets no low-end bar: two equal bars would read as two estimates
            data.add_series("Low end of the range", [low if low != high else None
                                                     for low, high in zip(chart.lows, chart.highs)])
            data.add_series("High end (or single value)", chart.highs)
        else:
            data.add_series(chart.title, chart.highs)
        box = self.body_box()
        frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, box.left, box.top, box.width, box.height, data)
        frame.name = "Chart"
        unit = f" ({chart.unit})" if chart.unit else ""
        values = "; ".join(f"{label}: {text}" for label, text in zip(chart.labels, chart.texts))
        set_alt_text(frame, f"Bar chart of {chart.title}{unit} by who states it. {values}.")
        self.style_chart(frame.chart, chart.title + unit, ranged)
        workbook = frame.chart.part.chart_workbook
        workbook.update_from_xlsx_blob(stamp_workbook(workbook.xlsx_part.blob, self.timestamp()))
        if self.layout.footnotes == "slide" and numbers:
            self.add_source_line(slide, numbers, self.layout.source_size)
        if self.layout.notes:
            self.add_notes(slide, [Item(f"{label}: {text}", (c,), Point(f"{label}: {text}", (c,)))
                                   for label, text, c in zip(chart.labels, chart.texts, chart.citations)])

    def style_chart(self, chart, value_title: str, legend: bool) -> None:
        chart.font.size = Pt(CHART_TEXT_SIZE)
        chart.font.name = self.layout.font
        chart.font.color.rgb = RGBColor.from_string(self.color("text"))
        chart.has_title = True
        chart.chart_title.text_frame.text = value_title
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(CHART_TEXT_SIZE + 2)
        chart.has_legend = legend
        if legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
        for axis, title in ((chart.value_axis, value_title), (chart.category_axis, "Stated by")):
            axis.has_title = True
            axis.axis_title.text_frame.text = title
            axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(CHART_TEXT_SIZE)
        chart.category_axis.reverse_order = True  # first source on top, as in the figures list
        chart.value_axis.tick_labels.number_format = "#,##0"
        chart.value_axis.tick_labels.number_format_is_linked = False
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.number_format = "#,##0"
        plot.data_labels.number_format_is_linked = False
        plot.data_labels.font.size = Pt(CHART_TEXT_SIZE)
        for series, key in zip(plot.series, ("accent", "muted")):
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = RGBColor.from_string(self.color(key))

    def contrast_slides(self, contrast: Contrast) -> None:
        """Contrasting claims side by side, each side headed by who makes them; continued on
        "(cont.)" slides when both columns do not fit."""
        body_size = self.layout.body_size
        two = find_slide_layout(self.prs, self.layout, "two", (0, 1, 2))
        sides = [side for side in contrast.sides[:2]]
        columns = [[point_item(p) for p in side.points] for side in sides]
        boxes = self.column_boxes()
        for part, chunks in enumerate(self.paginate_columns(sides, columns, boxes), start=1):
            slide = self.new_slides.add(two)
            self.decorate(slide)
            title = self.templates.render("slide_title", title=f"Perspectives: {contrast.topic}",
                                          headline=None, part=part)
            self.set_title(slide, title, self.title_box(), max_lines=2, anchor=MSO_ANCHOR.BOTTOM)
            if self.layout.accent_bar:
                self.add_accent_bar(slide, self.title_box())
            numbers = self.footnote_numbers([item for chunk in chunks for item in chunk])
            size = min([body_size] + [self.largest_fitting_size([Item(side.title), *chunk], box, body_size,
                                                                self.layout.body_min) or self.layout.body_min
                                      for side, chunk, box in zip(sides, chunks, boxes)])
            for idx, side, chunk, box in zip((1, 2), sides, chunks, boxes):
                shape = placeholder(slide, idx)
                self.place(shape, box)
                self.fill_text(shape.text_frame, chunk, size, numbers, bullets=True, color=self.color("text"),
                               heading=side.title)
            if self.layout.footnotes == "slide" and numbers:
                self.add_source_line(slide, numbers, self.largest_source_size(
                    [item for chunk in chunks for item in chunk], self.footnote_box()))
            if self.layout.notes:
                self.add_notes(slide, [item for chunk in chunks for item in chunk])

    def paginate_columns(self, sides: Sequence[Section], columns: list[list[Item]],
                         boxes: Sequence[Box]) -> list[list[list[Item]]]:
        """Slides of two columns: as many points from each side per slide as fit both at the floor."""
        per_slide = max(len(c) for c in columns)

        def fits(chunks) -> bool:
            return all(self.text_fits([Item(side.title), *chunk], box, self.layout.body_min, bullets=True)
                       for side, chunk, box in zip(sides, chunks, boxes))

        while per_slide > 1 and not fits([c[:per_slide] for c in columns]):
            per_slide -= 1
        slides = -(-max(len(c) for c in columns) // per_slide)
        return [[c[n * per_slide:(n + 1) * per_slide] for c in columns] for n in range(slides)]

    def column_boxes(self) -> tuple[Box, Box]:
        body = self.body_box()
        width = (body.width - GAP * 2) // 2
        return (Box(body.left, body.top, width, body.height),
                Box(body.left + width + GAP * 2, body.top, width, body.height))

    # ---- bullet slides and pagination --------------------------------------------------
    def bullet_slides(self, group: BulletGroup) -> None:
        """The group's slides, continued as "(cont.)", sharing one body size (the smallest any
        of them needs); with an assertion headline the slide title is the headline and the
        group's title becomes the small label above it."""
        pages = self.paginate(group)
        body_size = min((size for _, size, _ in pages), default=self.layout.body_size)
        kicker = group.title if group.headline else None
        headline = group.headline.text if group.headline else None

        def slide_title(part: int) -> str:
            return self.templates.render("slide_title", title=group.title, headline=headline, part=part)

        if not pages:
            empty = [group.empty] if group.empty else []
            numbers = self.footnote_numbers([*group.lead, *empty])
            slide = self.content_slide(slide_title(1), kicker, group.headline, numbers)
            if self.layout.footnotes == "slide" and numbers:
                self.add_source_line(slide, numbers, self.layout.source_size)
            self.fill_text(placeholder(slide, 1).text_frame, empty, body_size, numbers,
                           bullets=False, color=self.color("muted"), italic=True)
            return
        for part, (chunk, _, source_size) in enumerate(pages, start=1):
            numbers = self.footnote_numbers([*group.lead, *chunk])
            slide = self.content_slide(slide_title(part), kicker, group.headline, numbers)
            self.fill_text(placeholder(slide, 1).text_frame, chunk, body_size, numbers, bullets=True,
                           color=self.color("text"))
            if self.layout.footnotes == "slide" and numbers:
                self.add_source_line(slide, numbers, source_size)
            if self.layout.notes:
                self.add_notes(slide, [*group.lead, *chunk])

    def paginate(self, group: BulletGroup) -> list[tuple[list[Item], float, float]]:
        """Split a group's items into slides: as many as fit at the floors (and max_bullets),
        then the largest sizes that fit each slide. An item too long for a slide on its own is
        cut at a line break into pieces that each fill a slide; an empty group gets no page."""
        body, footer = self.body_box(), self.footnote_box()
        chunks: list[list[Item]] = []
        for item in (piece for item in group.items for piece in self.pieces(item, group.lead, body)):
            current = chunks[-1] if chunks else None
            if current is not None and len(current) < self.layout.max_bullets and \
                    self.fits(current + [item], group.lead, body, footer):
                current.append(item)
            else:
                chunks.append([item])
        chunks = self.balanced(chunks, group.lead, body, footer)
        result = []
        for chunk in chunks:
            size = self.largest_fitting_size(chunk, body, self.layout.body_size, self.layout.body_min,
                                             lead=group.lead) or self.layout.body_min
            source_size = self.largest_source_size([*group.lead, *chunk], footer)
            result.append((chunk, size, source_size))
        return result

    def pieces(self, item: Item, lead, body: Box) -> list[Item]:
        """The item whole when it fits a slide alone at the floor; else consecutive pieces of its
        text (cut where a line breaks, marked with an ellipsis) that each do, all citing alike."""
        if self.text_fits([item], body, self.layout.body_min, bullets=True, lead=lead):
            return [item]
        metrics = metrics_for(self.layout.font)
        width_pt = (body.width - 2 * INSET - BULLET_INDENT) / EMU_PER_PT
        numbers = self.footnote_numbers([*lead, item])
        lines = wrap(item.text + marker_text(item, numbers) + " …", metrics, self.layout.body_min, width_pt)
        line_pt = line_height_pt(metrics, self.layout.body_min)
        per_piece = max(int(((body.height - 2 * INSET) / EMU_PER_PT - self.layout.space_after) // line_pt), 1)
        cuts, position = [0], 0
        for index, line in enumerate(lines[:-1], start=1):
            found = item.text.find(line, position)
            if found < 0:  # the marker's own line
                break
            position = found + len(line)
            if index % per_piece == 0 and position < len(item.text):
                cuts.append(position)
        cuts.append(len(item.text))
        texts = [item.text[a:b].strip() for a, b in zip(cuts, cuts[1:]) if item.text[a:b].strip()]
        return [replace(item, text=("…" if n else "") + text + ("…" if n < len(texts) - 1 else ""))
                for n, text in enumerate(texts)]

    def balanced(self, chunks: list[list[Item]], lead, body: Box, footer: Box) -> list[list[Item]]:
        """The same items over the same number of slides, as evenly as possible (2+2, not 3+1),
        when every slide still fits; else the greedy split unchanged."""
        items = [item for chunk in chunks for item in chunk]
        count = len(chunks)
        sizes = [len(items) // count + (i < len(items) % count) for i in range(count)]
        starts = [sum(sizes[:i]) for i in range(count)]
        even = [items[start:start + size] for start, size in zip(starts, sizes)]
        return even if all(self.fits(chunk, lead, body, footer) for chunk in even) else chunks

    def fits(self, chunk, lead, body: Box, footer: Box) -> bool:
        """Whether several items fit on one slide without the body shrinking more than
        SHRINK_BEFORE_SPLIT points (a single item may go down to the floor), its source line
        included at the floor."""
        size = self.layout.body_min if len(chunk) == 1 else \
            max(self.layout.body_min, self.layout.body_size - SHRINK_BEFORE_SPLIT)
        return self.text_fits(chunk, body, size, bullets=True, lead=lead) and \
            (self.layout.footnotes != "slide"
             or self.source_line_fits([*lead, *chunk], footer, self.layout.source_min))

    def largest_fitting_size(self, chunk, box: Box, start: float, floor: float, bullets: bool = True,
                             lead: Sequence[Item] = ()):
        size = start
        while size >= floor:
            if self.text_fits(chunk, box, size, bullets, lead):
                return size
            size -= 1
        return None

    def largest_source_size(self, chunk, footer: Box) -> float:
        size = self.layout.source_size
        while size > self.layout.source_min and not self.source_line_fits(chunk, footer, size):
            size -= 0.5
        return size

    def text_fits(self, chunk, box: Box, size: float, bullets: bool, lead: Sequence[Item] = ()) -> bool:
        numbers = self.footnote_numbers([*lead, *chunk])
        texts = [item.text + marker_text(item, numbers) for item in chunk]
        indent = BULLET_INDENT if bullets else 0
        width_pt = (box.width - 2 * INSET - indent) / EMU_PER_PT
        height = text_height_pt(texts, metrics_for(self.layout.font), size, width_pt,
                                space_after_pt=self.layout.space_after)
        return height <= (box.height - 2 * INSET) / EMU_PER_PT

    def source_line_fits(self, chunk, footer: Box, size: float) -> bool:
        text = "".join(text for text, _ in self.source_line_runs(self.footnote_numbers(chunk)))
        metrics = metrics_for(self.layout.font)
        lines = len(wrap(text, metrics, size, footer.width / EMU_PER_PT))
        return lines * line_height_pt(metrics, size) <= footer.height / EMU_PER_PT

    # ---- footnotes ---------------------------------------------------------------------
    def footnote_numbers(self, chunk: Sequence[Item]) -> dict[tuple[str, int], int]:
        """Marker number per (source, paragraph): per slide from 1, or deck-wide for endnotes."""
        if self.layout.footnotes in ("none", "notes"):
            return {}
        numbers: dict[tuple[str, int], int] = {}
        for item in chunk:
            for c in item.citations:
                key = (c.source, c.paragraph)
                if self.layout.footnotes == "references":
                    numbers[key] = self.endnotes[key]
                else:
                    numbers.setdefault(key, len(numbers) + 1)
        return numbers

    def source_line_runs(self, numbers: dict[tuple[str, int], int]) -> list[tuple[str, bool]]:
        """The source line as (text, superscript) runs, grouped by source:
        'Voice of America, 27 Sep 2024: ¹ para. 1  ² para. 9'."""
        runs: list[tuple[str, bool]] = []
        for source_id in dict.fromkeys(source for source, _ in numbers):
            if runs:
                runs.append(("   ", False))
            runs.append((self.templates.render("footnote_source", source=self.sources[source_id]) + ": ", False))
            entries = [(n, paragraph) for (source, paragraph), n in numbers.items() if source == source_id]
            for index, (number, paragraph) in enumerate(entries):
                runs.append((str(number), True))
                gap = "  " if index < len(entries) - 1 else ""
                runs.append((" " + self.templates.render("footnote", paragraph=paragraph) + gap, False))
        return runs

    def endnote(self, source_id: str, paragraph: int) -> str:
        """'Voice of America, 27 Sep 2024, para. 3' for the References slide's endnotes."""
        return (self.templates.render("footnote_source", source=self.sources[source_id]) + ", "
                + self.templates.render("footnote", paragraph=paragraph))

    def add_source_line(self, slide, numbers, size: float) -> None:
        box = self.footnote_box()
        shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        shape.name = "Footnotes"
        frame = shape.text_frame
        setup_frame(frame, inset=0)
        frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        paragraph = frame.paragraphs[0]
        for text, superscript in self.source_line_runs(numbers):
            self.add_run(paragraph, text, size, self.color("muted"), superscript=superscript)

    def add_notes(self, slide, chunk: Sequence[Item]) -> None:
        blocks = [self.templates.render("note", number=i, point=item.point)
                  for i, item in enumerate(chunk, start=1) if item.point]
        if blocks:
            self.notes_pages.write(slide, clean_text("\n\n".join(blocks)))

    # ---- slides, shapes and text -------------------------------------------------------
    def content_slide(self, title: str, kicker: str | None = None, headline: Item | None = None,
                      numbers=None):
        slide = self.new_slides.add(self.content_layout)
        self.decorate(slide)
        title_box = self.title_box()
        marker = marker_text(headline, numbers or {}).strip() if headline else ""
        text_height = self.set_title(slide, title, title_box, max_lines=2, anchor=MSO_ANCHOR.BOTTOM,
                                     marker=marker)
        if kicker:
            self.add_kicker(slide, kicker, title_box, text_height)
        if self.layout.accent_bar:
            self.add_accent_bar(slide, title_box)
        self.place(placeholder(slide, 1), self.body_box())
        return slide

    def add_accent_bar(self, slide, title_box: Box) -> None:
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, title_box.left + INSET,
                                     title_box.top + title_box.height, Inches(1.2), Inches(0.05))
        bar.fill.solid()
        bar.fill.fore_color.rgb = RGBColor.from_string(self.color("accent"))
        bar.line.fill.background()
        bar.name = "Accent line"
        set_alt_text(bar, "Decorative accent line")

    def add_kicker(self, slide, text: str, title_box: Box, title_text_height: int) -> None:
        """The section name in small capitals just above the (bottom-anchored) title text."""
        size = KICKER_SIZE
        height = int(line_height_pt(metrics_for(self.layout.font, bold=True), size) * EMU_PER_PT) + Inches(0.04)
        top = max(title_box.top + title_box.height - INSET - title_text_height - height, 0)
        shape = slide.shapes.add_textbox(title_box.left + INSET, top, title_box.width - INSET, height)
        shape.name = "Section label"
        setup_frame(shape.text_frame, inset=0)
        self.add_run(shape.text_frame.paragraphs[0], text.upper(), size, self.color("accent"), bold=True)

    def decorate(self, slide) -> None:
        """Background colour and the classification banners (top and bottom), if configured."""
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = RGBColor.from_string(self.color("background"))
        if not self.layout.classification:
            return
        fill, text_color = self.layout.banner_colors()
        width, height = self.slide_size()
        for name, top in (("Banner top", 0), ("Banner bottom", height - BANNER_HEIGHT)):
            shape = slide.shapes.add_textbox(0, top, width, BANNER_HEIGHT)
            shape.name = name
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor.from_string(fill)
            setup_frame(shape.text_frame, inset=Inches(0.02))
            paragraph = shape.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.CENTER
            self.add_run(paragraph, self.layout.classification.upper(), 12, text_color, bold=True)

    def set_title(self, slide, text: str, box: Box, max_lines: int, anchor, marker: str = "") -> int:
        """Fill the title placeholder, shrinking to the layout's title floor; returns the text's height (EMU)."""
        text = self.unique_title(clean_text(text))
        shape = slide.shapes.title
        if shape is None:
            raise LayoutError(f"slide layout {slide.slide_layout.name!r} has no title placeholder")
        self.place(shape, box)
        metrics = metrics_for(self.layout.font, bold=True)
        size = self.layout.title_size
        width_pt = (box.width - 2 * INSET) / EMU_PER_PT
        measured = text + marker  # the footnote marker takes room on the last line too
        while size > self.layout.title_min and (
                len(wrap(measured, metrics, size, width_pt)) > max_lines
                or text_height_pt([measured], metrics, size, width_pt) > (box.height - 2 * INSET) / EMU_PER_PT):
            size -= 1
        frame = shape.text_frame
        setup_frame(frame)
        frame.vertical_anchor = anchor
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.LEFT
        self.add_run(paragraph, text, size, self.color("title"), bold=True)
        if marker:
            self.add_run(paragraph, marker, size, self.color("title"), bold=True, superscript=True)
        return int(text_height_pt([measured], metrics, size, width_pt) * EMU_PER_PT)

    def unique_title(self, text: str) -> str:
        candidate, n = text, 2
        while candidate in self.titles:
            candidate, n = f"{text} ({n})", n + 1
        self.titles.add(candidate)
        return candidate

    def place(self, shape, box: Box) -> None:
        """Give a shape the box, unless a user master decides the geometry."""
        if self.layout.master is None:
            shape.left, shape.top, shape.width, shape.height = box.left, box.top, box.width, box.height

    def fill_text(self, frame, items: Sequence[Item], size: float, numbers, *, bullets: bool, color: str,
                  italic: bool = False, heading: str | None = None) -> None:
        """Fill a text frame with one paragraph per item, after an optional bold heading line."""
        setup_frame(frame)
        if heading:
            paragraph = frame.paragraphs[0]
            set_bullet(paragraph, None)
            paragraph.space_before = 0
            paragraph.space_after = Pt(self.layout.space_after)
            self.add_run(paragraph, heading, size, self.color("title"), bold=True)
        for index, item in enumerate(items):
            paragraph = frame.paragraphs[0] if index == 0 and not heading else frame.add_paragraph()
            set_bullet(paragraph, self.color("accent") if bullets else None)
            paragraph.alignment = PP_ALIGN.LEFT
            paragraph.space_before = 0  # the default master adds 20% before each paragraph
            paragraph.space_after = Pt(self.layout.space_after)
            paragraph.line_spacing = 1.0
            self.add_run(paragraph, item.text, size, color, italic=italic)
            marker = marker_text(item, numbers).strip()
            if marker:
                self.add_run(paragraph, marker, size, color, superscript=True)

    def add_run(self, paragraph, text: str, size: float, color: str, *, bold: bool = False,
                italic: bool = False, superscript: bool = False) -> None:
        """Append a run with explicit font, size, weight and colour (built as XML directly:
        python-pptx's property setters cost a third of the render time)."""
        p = paragraph._p
        run = p.makeelement(qn("a:r"), {})
        attributes = {"lang": "en-US", "sz": str(int(round(size * 100))), "b": "1" if bold else "0",
                      "i": "1" if italic else "0"}
        if superscript:
            attributes["baseline"] = "30000"
        properties = etree.SubElement(run, qn("a:rPr"), attributes)
        fill = etree.SubElement(properties, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr"), {"val": color})
        etree.SubElement(properties, qn("a:latin"), {"typeface": self.layout.font})
        etree.SubElement(run, qn("a:t")).text = clean_text(text)
        end = p.find(qn("a:endParaRPr"))
        if end is None:
            p.append(run)
        else:
            end.addprevious(run)

    def number_slides(self) -> None:
        total = len(self.prs.slides)
        box = self.footnote_box()
        for number, slide in enumerate(self.prs.slides, start=1):
            if number == 1:
                continue
            shape = slide.shapes.add_textbox(box.left + box.width, box.top + box.height - Inches(0.25),
                                             SLIDE_NUMBER_WIDTH, Inches(0.25))
            shape.name = "Slide number"
            setup_frame(shape.text_frame, inset=0)
            shape.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
            paragraph = shape.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.RIGHT
            self.add_run(paragraph, f"{number} / {total}", max(self.layout.source_size, 10), self.color("muted"))

    def set_properties(self) -> None:
        props = self.prs.core_properties
        props.title = clean_text(self.outline.title)[:255]
        props.subject = "Briefing"
        props.author = clean_text(self.outline.author or "deckgen")[:255]
        props.last_modified_by = "deckgen"
        props.language = "en-US"
        props.revision = 1
        props.created = props.modified = self.timestamp().replace(tzinfo=None)
        props.keywords = clean_text(", ".join(s.title for s in self.outline.sections))[:255]

    def timestamp(self) -> datetime:
        if self.options.timestamp:
            return self.options.timestamp
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.isdigit():
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        day = self.outline.as_of
        return datetime(day.year, day.month, day.day, tzinfo=timezone.utc) if day else datetime(2000, 1, 1)

    # ---- geometry ----------------------------------------------------------------------
    def slide_size(self) -> tuple[int, int]:
        return self.prs.slide_width, self.prs.slide_height

    def banner_space(self) -> int:
        return BANNER_HEIGHT if self.layout.classification else 0

    def title_box(self) -> Box:
        """Content slides' title area: the master's title placeholder, else from the margins."""
        if self.layout.master:
            return layout_box(self.content_layout, 0)
        width, _ = self.slide_size()
        m = self.layout.margins
        top = Inches(m["top"]) + self.banner_space() + (Inches(0.3) if self.layout.title_style == "assertion" else 0)
        return Box(Inches(m["left"]), top, width - Inches(m["left"]) - Inches(m["right"]),
                   Inches(self.layout.title_height))

    def title_slide_boxes(self) -> tuple[Box, Box]:
        """Title and the lines under it on the title slide."""
        if self.layout.master:
            return layout_box(self.title_layout, 0), layout_box(self.title_layout, 1)
        width, height = self.slide_size()
        m = self.layout.margins
        left, text_width = Inches(m["left"]), width - Inches(m["left"]) - Inches(m["right"])
        title = Box(left, int(height * 0.18), text_width, int(height * 0.34))
        lines_top = title.top + title.height + GAP * 3
        return title, Box(left, lines_top, text_width, self.footnote_box().top - lines_top)

    def footnote_box(self) -> Box:
        """The source line's strip above the bottom margin (and banner); the slide number sits to its right."""
        width, height = self.slide_size()
        m = self.layout.margins
        bottom = height - Inches(m["bottom"]) - self.banner_space()
        box_height = Inches(self.layout.footnote_height)
        return Box(Inches(m["left"]), bottom - box_height,
                   width - Inches(m["left"]) - Inches(m["right"]) - SLIDE_NUMBER_WIDTH, box_height)

    def body_box(self) -> Box:
        """The bullets' area: the master's body placeholder, else between title and source line;
        never reaching into the source line's strip."""
        footer_top = self.footnote_box().top - GAP
        if self.layout.master:
            box = layout_box(self.content_layout, 1)
            return Box(box.left, box.top, box.width, min(box.height, footer_top - box.top))
        title = self.title_box()
        top = title.top + title.height + GAP * 2
        return Box(title.left, top, title.width, footer_top - top)

    def color(self, key: str) -> str:
        return self.layout.colors[key]


# ---- module helpers --------------------------------------------------------------------
def point_item(point: Point) -> Item:
    return Item(point.text, point.citations, point)


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


def marker_text(item: Item, numbers: dict[tuple[str, int], int]) -> str:
    """' 1,2' for an item citing footnotes 1 and 2; '' when it has none."""
    marks = sorted({numbers[(c.source, c.paragraph)] for c in item.citations if (c.source, c.paragraph) in numbers})
    return " " + ",".join(map(str, marks)) if marks else ""


def clean_text(text: str) -> str:
    """Remove characters XML 1.0 cannot hold (python-pptx would reject them): control
    characters other than tab and newline, U+FFFE and U+FFFF."""
    return XML_INVALID.sub("", text)


class NewSlides:
    """Slides added with their layout's placeholders copied from the first slide made with that
    layout: python-pptx clones each placeholder anew, working its id and name out from the slide
    each time; the copies are the same XML."""

    def __init__(self, prs):
        self.prs = prs
        self.placeholders: dict[object, list] = {}  # slide layout part -> its pristine placeholders

    def add(self, slide_layout):
        pristine = self.placeholders.get(slide_layout.part)
        if pristine is None:
            slide = self.prs.slides.add_slide(slide_layout)
            self.placeholders[slide_layout.part] = [copy.deepcopy(e) for e in slide.shapes._spTree.iter_ph_elms()]
            return slide
        relationship, slide = self.prs.part.add_slide(slide_layout)
        slide.shapes._spTree.extend(copy.deepcopy(e) for e in pristine)
        self.prs.slides._sldIdLst.add_sldId(relationship)
        return slide


class NotesPages:
    """Speaker-notes pages, each a copy of the first one python-pptx made from the notes master.

    python-pptx builds every notes page from the notes master and searches the whole package
    for a free part name each time (a quarter of the render time for a 20-slide deck); a copy
    of the pristine first page and a running part number do the same. A notes master without
    a notes body placeholder gets no notes text.
    """

    PARTNAME = "/ppt/notesSlides/notesSlide{}.xml"

    def __init__(self, prs):
        self.package = prs.part.package
        self.pristine = None
        self.master_part = None
        self.taken: set[str] = set()
        self.number = 0

    def write(self, slide, text: str) -> None:
        if self.pristine is None:
            notes = slide.notes_slide
            self.pristine = copy.deepcopy(notes._element)
            self.master_part = notes.part.part_related_by(RELATIONSHIP_TYPE.NOTES_MASTER)
            self.taken = {str(part.partname) for part in self.package.iter_parts()}
        else:
            notes = self.copy_for(slide)
        frame = notes.notes_text_frame
        if frame is not None:
            frame.text = text

    def copy_for(self, slide):
        self.number += 1
        while self.PARTNAME.format(self.number) in self.taken:
            self.number += 1
        part = NotesSlidePart(PackURI(self.PARTNAME.format(self.number)), CONTENT_TYPE.PML_NOTES_SLIDE,
                              self.package, copy.deepcopy(self.pristine))
        part.relate_to(self.master_part, RELATIONSHIP_TYPE.NOTES_MASTER)
        part.relate_to(slide.part, RELATIONSHIP_TYPE.SLIDE)
        slide.part.relate_to(part, RELATIONSHIP_TYPE.NOTES_SLIDE)
        return part.notes_slide


def open_presentation(layout: Layout):
    """The layout's master deck, or python-pptx's default template sized to the layout's aspect."""
    if layout.master_path is None:
        prs = Presentation()
        width, height = layout.slide_size
        prs.slide_width, prs.slide_height = Inches(width), Inches(height)
        return prs
    if not layout.master_path.is_file():
        raise LayoutError(f"{layout.master_path}: no such master file")
    try:
        prs = Presentation(str(layout.master_path))
    except Exception as exc:  # python-pptx raises many kinds for a bad package
        raise LayoutError(f"{layout.master_path}: not a readable .pptx master ({exc.__class__.__name__})") from None
    return prs


def find_slide_layout(prs, layout: Layout, kind: str, required: tuple[int, ...]):
    """The slide layout named for ``kind`` in ``master_layouts``, with placeholders ``required``
    (by idx); raises LayoutError naming what is missing."""
    name = layout.master_layouts[kind]
    where = layout.master_path or "the default template"
    slide_layout = prs.slide_layouts.get_by_name(name)
    if slide_layout is None:
        names = ", ".join(repr(sl.name) for sl in prs.slide_layouts)
        raise LayoutError(f"{where}: no slide layout named {name!r} (it has {names})")
    present = {ph.placeholder_format.idx for ph in slide_layout.placeholders}
    missing = [idx for idx in required if idx not in present]
    if missing:
        what = {0: "title", 1: "body", 2: "second body"}[missing[0]]
        raise LayoutError(f"{where}: slide layout {name!r} has no {what} placeholder (idx {missing[0]})")
    return slide_layout


def layout_box(slide_layout, idx: int) -> Box:
    """Geometry a slide layout gives its placeholder ``idx`` (inherited from the master if unset)."""
    for shape in slide_layout.placeholders:
        if shape.placeholder_format.idx == idx:
            return Box(shape.left, shape.top, shape.width, shape.height)
    raise LayoutError(f"slide layout {slide_layout.name!r} has no placeholder idx {idx}")


# A shape tree's placeholder by idx (an absent idx is 0), found in one compiled query: python-pptx
# builds every shape of the slide and queries each for its placeholder mark.
_PLACEHOLDER = etree.XPath("p:cSld/p:spTree/*[*[1]/p:nvPr/p:ph[@idx = $idx or (not(@idx) and $idx = 0)]]",
                           namespaces={"p": "http://schemas.openxmlformats.org/presentationml/2006/main"})


def placeholder(slide, idx: int):
    """The slide's placeholder with ``idx``, or None."""
    found = _PLACEHOLDER(slide._element, idx=idx)
    return SlideShapeFactory(found[0], slide.shapes) if found else None


def setup_frame(frame, inset: int = INSET) -> None:
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = inset
    frame.margin_top = frame.margin_bottom = inset


def set_bullet(paragraph, color: str | None) -> None:
    """A round bullet in ``color`` with a hanging indent, or no bullet at all (None)."""
    properties = paragraph._p.get_or_add_pPr()
    for tag in ("a:buClr", "a:buFont", "a:buChar", "a:buNone", "a:buAutoNum"):
        for element in properties.findall(qn(tag)):
            properties.remove(element)
    if color is None:
        properties.set("marL", "0")
        properties.set("indent", "0")
        properties.append(properties.makeelement(qn("a:buNone"), {}))
        return
    properties.set("marL", str(BULLET_INDENT))
    properties.set("indent", str(-BULLET_INDENT))
    bullet_color = properties.makeelement(qn("a:buClr"), {})
    bullet_color.append(bullet_color.makeelement(qn("a:srgbClr"), {"val": color}))
    properties.append(bullet_color)
    properties.append(properties.makeelement(qn("a:buFont"), {"typeface": "Arial"}))
    properties.append(properties.makeelement(qn("a:buChar"), {"char": "•"}))


def set_alt_text(shape, text: str) -> None:
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def dos_stamp(when: datetime) -> tuple[int, int]:
    """A zip entry's (time, date) fields for ``when``; zip cannot go before 1980."""
    when = max(when.replace(tzinfo=None), datetime(1980, 1, 1))
    return ((when.hour << 11) | (when.minute << 5) | (when.second // 2),
            ((when.year - 1980) << 9) | (when.month << 5) | when.day)


def stamp_zip(data: bytes, when: datetime) -> bytes:
    """The same zip with every entry's modification time set to ``when``, so equal decks are
    equal bytes. The time fields are rewritten in place (local headers and central directory):
    nothing is compressed again."""
    fields = struct.pack("<HH", *dos_stamp(when))
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries, position = package.infolist(), package.start_dir
    for info in entries:
        out[info.header_offset + 10:info.header_offset + 14] = fields  # local file header
        out[position + 12:position + 16] = fields
        name, extra, comment = struct.unpack_from("<HHH", out, position + 28)
        position += 46 + name + extra + comment
    return bytes(out)


def stamp_workbook(blob: bytes, when: datetime) -> bytes:
    """A chart's embedded workbook with its document times set to ``when`` (XlsxWriter stamps
    its zip entries 1980-01-01 itself, but writes the current time into docProps/core.xml)."""
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + iso, content)
            target.writestr(info, content)
    return out.getvalue()
