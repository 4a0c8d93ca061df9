"""One deck from an outline: the slides in the layout's order, each kind drawn with the parts
under ``render/`` (content, pagination, footnotes, drawing, charts, package work-arounds)."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from pptx.enum.text import MSO_ANCHOR

from ..errors import LayoutError
from ..files import write_atomically
from ..kinds import get_kind
from ..kinds.base import Context
from ..layouts import Layout
from ..model import Chart, Contrast, Outline, Point
from ..text import Templates
from . import content
from .charts import add_bar_chart
from .draw import Pen, clean_text
from .footnotes import SUPERSCRIPT, Footnotes, endnote_numbers, marker_text
from .geometry import Box, Geometry, MasterBoxes
from .items import BulletGroup, ChartSlide, Item, point_item
from .package import (NewSlides, NotesPages, find_slide_layout, layout_box, open_presentation, placeholder,
                      stamp_zip)
from .paginate import Pager


@dataclass(frozen=True)
class RenderOptions:
    timestamp: datetime | None = None  # fixed zip and core-property time; default: the outline's as-of date


@dataclass(frozen=True)
class Master:
    """What a render needs from its layout before the outline: the master deck opened and
    checked (the presentation the slides are added to, its title and content slide layouts)
    and the layout's templates compiled. Good for one deck."""

    prs: object
    title_layout: object
    content_layout: object
    templates: Templates


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
        self.prs = master.prs
        self.title_layout = master.title_layout
        self.content_layout = master.content_layout
        self.geometry = Geometry(layout, self.prs.slide_width, self.prs.slide_height, self._master_boxes())
        self.pen = Pen(layout)
        self.footnotes = self._footnotes({})
        self.titles: set[str] = set()
        self.new_slides = NewSlides(self.prs)
        self.notes_pages = NotesPages(self.prs)

    def _master_boxes(self) -> MasterBoxes | None:
        if not self.layout.master:
            return None
        return MasterBoxes(layout_box(self.content_layout, 0), layout_box(self.content_layout, 1),
                           layout_box(self.title_layout, 0), layout_box(self.title_layout, 1))

    def _footnotes(self, endnotes) -> Footnotes:
        return Footnotes(self.layout.footnotes, self.templates, {s.id: s for s in self.outline.sources}, endnotes)

    @property
    def pager(self) -> Pager:
        return Pager(self.layout, self.footnotes.numbers, self.footnotes.source_line)

    # ---- the deck ---------------------------------------------------------------------
    def build(self) -> bytes:
        """Add the slides in the layout's order, then number them and set the properties."""
        kinds = [get_kind(name) for name in self.layout.slides]
        context = Context(self.templates, self.layout, self.geometry.title_box().width)
        shown = {kind.name: kind.slides(self.outline, context) for kind in kinds if not kind.needs_footnotes}
        self.footnotes = self._footnotes(endnote_numbers(
            c for entries in shown.values() for entry in entries for c in content.citations_of(entry)))
        context = replace(context, footnotes=self.footnotes)
        entries = [entry for kind in kinds
                   for entry in (shown[kind.name] if kind.name in shown else kind.slides(self.outline, context))]
        for entry in entries:
            if entry == content.TITLE_SLIDE:
                self.title_slide()
            elif isinstance(entry, BulletGroup):
                self.bullet_slides(entry)
            elif isinstance(entry, ChartSlide):
                self.chart_slide(entry.title, entry.chart)
            else:
                self.contrast_slides(entry.title, entry.contrast)
        if self.layout.slide_numbers:
            self.pen.slide_numbers(self.prs.slides, self.geometry.footnote_box())
        self.set_properties()
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return stamp_zip(buffer.getvalue(), self.timestamp())

    def title_slide(self) -> None:
        slide = self.new_slides.add(self.title_layout)
        self.decorate(slide)
        title_box, lines_box = self.geometry.title_slide_boxes()
        self.set_title(slide, self.outline.title, title_box, max_lines=3, anchor=MSO_ANCHOR.BOTTOM)
        if self.layout.accent_bar:
            self.pen.accent_bar(slide, title_box)
        lines = self.templates.render("title_lines", outline=self.outline, dtg=self.layout.dtg,
                                      author=self.outline.author).splitlines()
        items = [Item(line) for line in lines if line.strip()]
        shape = placeholder(slide, 1) or slide.shapes.add_textbox(0, 0, 0, 0)
        self.pen.place(shape, lines_box)
        size = self.pager.largest_fitting_size(items, lines_box, max(self.layout.body_size - 4, self.layout.body_min),
                                               self.layout.body_min, bullets=False) or self.layout.body_min
        self.pen.fill_text(shape.text_frame, items, size, {}, bullets=False, color=self.pen.color("muted"))

    # ---- charts and contrasts ----------------------------------------------------------
    def chart_slide(self, title: str, chart: Chart) -> None:
        """A bar chart of figures that measure the same thing, the source line under it and
        each bar's figure in the notes."""
        slide = self.content_slide(title)
        body = placeholder(slide, 1)
        body._element.getparent().remove(body._element)
        items = [Item(label, (citation,)) for label, citation in zip(chart.labels, chart.citations)]
        numbers = self.footnotes.numbers(items)
        categories = [f"{item.text} {marker_text(item, numbers).strip().translate(SUPERSCRIPT)}".strip()
                      for item in items]
        add_bar_chart(slide, chart, categories, self.geometry.body_box(), self.pen, self.timestamp())
        if self.layout.footnotes == "slide" and numbers:
            self.add_source_line(slide, numbers, self.layout.source_size)
        if self.layout.notes:
            self.add_notes(slide, [Item(f"{label}: {text}", (c,), Point(f"{label}: {text}", (c,)))
                                   for label, text, c in zip(chart.labels, chart.texts, chart.citations)])

    def contrast_slides(self, title: str, contrast: Contrast) -> None:
        """Contrasting claims side by side, each side headed by who makes them; continued on
        "(cont.)" slides when both columns do not fit."""
        body_size = self.layout.body_size
        two = find_slide_layout(self.prs, self.layout, "two", (0, 1, 2))
        sides = [side for side in contrast.sides[:2]]
        columns = [[point_item(p) for p in side.points] for side in sides]
        boxes = self.geometry.column_boxes()
        pager = self.pager
        for part, chunks in enumerate(pager.paginate_columns([s.title for s in sides], columns, boxes), start=1):
            slide = self.new_slides.add(two)
            self.decorate(slide)
            title_box = self.geometry.title_box()
            self.set_title(slide, self.templates.render("slide_title", title=title, headline=None, part=part),
                           title_box, max_lines=2, anchor=MSO_ANCHOR.BOTTOM)
            if self.layout.accent_bar:
                self.pen.accent_bar(slide, title_box)
            shown = [item for chunk in chunks for item in chunk]
            numbers = self.footnotes.numbers(shown)
            size = min([body_size] + [pager.largest_fitting_size([Item(side.title), *chunk], box, body_size,
                                                                 self.layout.body_min) or self.layout.body_min
                                      for side, chunk, box in zip(sides, chunks, boxes)])
            for idx, side, chunk, box in zip((1, 2), sides, chunks, boxes):
                shape = placeholder(slide, idx)
                self.pen.place(shape, box)
                self.pen.fill_text(shape.text_frame, chunk, size, numbers, bullets=True,
                                   color=self.pen.color("text"), heading=side.title)
            if self.layout.footnotes == "slide" and numbers:
                self.add_source_line(slide, numbers, pager.largest_source_size(shown, self.geometry.footnote_box()))
            if self.layout.notes:
                self.add_notes(slide, shown)

    # ---- bullet slides -----------------------------------------------------------------
    def bullet_slides(self, group: BulletGroup) -> None:
        """The group's slides, continued as "(cont.)", sharing one body size (the smallest any
        of them needs); with an assertion headline the slide title is the headline and the
        group's title becomes the small label above it."""
        pages = self.pager.paginate(group.items, self.geometry.body_box(), self.geometry.footnote_box(), group.lead)
        body_size = min((page.body_size for page in pages), default=self.layout.body_size)
        kicker = group.title if group.headline else None
        headline = group.headline.text if group.headline else None

        def slide_title(part: int) -> str:
            return self.templates.render("slide_title", title=group.title, headline=headline, part=part)

        if not pages:
            empty = [group.empty] if group.empty else []
            numbers = self.footnotes.numbers([*group.lead, *empty])
            slide = self.content_slide(slide_title(1), kicker, group.headline, numbers)
            if self.layout.footnotes == "slide" and numbers:
                self.add_source_line(slide, numbers, self.layout.source_size)
            self.pen.fill_text(placeholder(slide, 1).text_frame, empty, body_size, numbers,
                               bullets=False, color=self.pen.color("muted"), italic=True)
            return
        for part, page in enumerate(pages, start=1):
            numbers = self.footnotes.numbers([*group.lead, *page.items])
            slide = self.content_slide(slide_title(part), kicker, group.headline, numbers)
            self.pen.fill_text(placeholder(slide, 1).text_frame, page.items, body_size, numbers, bullets=True,
                               color=self.pen.color("text"))
            if self.layout.footnotes == "slide" and numbers:
                self.add_source_line(slide, numbers, page.source_size)
            if self.layout.notes:
                self.add_notes(slide, [*group.lead, *page.items])

    # ---- slides, titles, footnotes and notes -------------------------------------------
    def content_slide(self, title: str, kicker: str | None = None, headline: Item | None = None,
                      numbers=None):
        slide = self.new_slides.add(self.content_layout)
        self.decorate(slide)
        title_box = self.geometry.title_box()
        marker = marker_text(headline, numbers or {}).strip() if headline else ""
        text_height = self.set_title(slide, title, title_box, max_lines=2, anchor=MSO_ANCHOR.BOTTOM,
                                     marker=marker)
        if kicker:
            self.pen.kicker(slide, kicker, title_box, text_height)
        if self.layout.accent_bar:
            self.pen.accent_bar(slide, title_box)
        self.pen.place(placeholder(slide, 1), self.geometry.body_box())
        return slide

    def decorate(self, slide) -> None:
        self.pen.decorate(slide, self.prs.slide_width, self.prs.slide_height)

    def set_title(self, slide, text: str, box: Box, max_lines: int, anchor, marker: str = "") -> int:
        """Fill the title placeholder with a title no other slide has; returns the text's height (EMU)."""
        text = self.unique_title(clean_text(text))
        shape = slide.shapes.title
        if shape is None:
            raise LayoutError(f"slide layout {slide.slide_layout.name!r} has no title placeholder")
        return self.pen.title(shape, text, box, max_lines, anchor, marker)

    def unique_title(self, text: str) -> str:
        candidate, n = text, 2
        while candidate in self.titles:
            candidate, n = f"{text} ({n})", n + 1
        self.titles.add(candidate)
        return candidate

    def add_source_line(self, slide, numbers, size: float) -> None:
        self.pen.source_line(slide, self.geometry.footnote_box(), self.footnotes.source_line_runs(numbers), size)

    def add_notes(self, slide, chunk: Sequence[Item]) -> None:
        blocks = [self.templates.render("note", number=i, point=item.point)
                  for i, item in enumerate(chunk, start=1) if item.point]
        if blocks:
            self.notes_pages.write(slide, clean_text("\n\n".join(blocks)))

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
