"""Pagination: which items go on which slide, and at what size, measured with ``fit``.

A pure function of the items, the boxes, the layout's sizes and the font metrics: no
python-pptx, so it is tested in milliseconds. Text shrinks to the layout's floor, then goes on
to a "(cont.)" slide; an item too long for a slide of its own is cut at a line break.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..fit import EMU_PER_PT, line_height_pt, metrics_for, text_height_pt, wrap
from ..layouts import Layout
from .footnotes import Key, marker_text
from .geometry import BULLET_INDENT, INSET, Box
from .items import Item

SHRINK_BEFORE_SPLIT = 4    # points a slide's body may shrink before bullets go on to a "(cont.)" slide


def title_size(text: str, box: Box, layout: Layout, max_lines: int) -> float:
    """The largest title size from the layout's down to its title floor at which ``text`` (with
    its footnote marker, which takes room on the last line too) stays within ``max_lines`` lines
    and the box's height; the floor when nothing larger does."""
    metrics = metrics_for(layout.font, bold=True)
    width_pt = (box.width - 2 * INSET) / EMU_PER_PT
    size = layout.title_size
    while size > layout.title_min and (
            len(wrap(text, metrics, size, width_pt)) > max_lines
            or text_height_pt([text], metrics, size, width_pt) > (box.height - 2 * INSET) / EMU_PER_PT):
        size -= 1
    return size


@dataclass(frozen=True)
class Page:
    """One slide's items, the largest body size that fits them and the source line's size."""

    items: tuple[Item, ...]
    body_size: float
    source_size: float


@dataclass(frozen=True)
class Pager:
    """Measures and paginates text for one layout. ``numbers`` gives the footnote numbers of a
    slide's items, ``source_line`` the source line's text for them (both shape what fits)."""

    layout: Layout
    numbers: Callable[[Sequence[Item]], Mapping[Key, int]]
    source_line: Callable[[Mapping[Key, int]], str]

    def paginate(self, items: Sequence[Item], body: Box, footer: Box, lead: Sequence[Item] = ()) -> list[Page]:
        """Split items into slides: as many as fit at the floors (and max_bullets), then the
        largest sizes that fit each slide. An item too long for a slide on its own is cut at a
        line break into pieces that each fill a slide; no items give no page. ``lead`` items
        (an assertion headline) are cited before the items on every slide."""
        chunks: list[list[Item]] = []
        for item in (piece for item in items for piece in self.pieces(item, lead, body)):
            current = chunks[-1] if chunks else None
            if current is not None and len(current) < self.layout.max_bullets and \
                    self.fits(current + [item], lead, body, footer):
                current.append(item)
            else:
                chunks.append([item])
        chunks = self.balanced(chunks, lead, body, footer)
        pages = []
        for chunk in chunks:
            size = self.largest_fitting_size(chunk, body, self.layout.body_size, self.layout.body_min,
                                             lead=lead) or self.layout.body_min
            pages.append(Page(tuple(chunk), size, self.largest_source_size([*lead, *chunk], footer)))
        return pages

    def paginate_columns(self, headings: Sequence[str], columns: Sequence[Sequence[Item]],
                         boxes: Sequence[Box]) -> list[list[list[Item]]]:
        """Slides of side-by-side columns, each under its heading: as many items from each
        column per slide as fit every column at the floor."""
        per_slide = max(len(c) for c in columns)

        def fits(chunks) -> bool:
            return all(self.text_fits([Item(heading), *chunk], box, self.layout.body_min, bullets=True)
                       for heading, chunk, box in zip(headings, chunks, boxes))

        while per_slide > 1 and not fits([c[:per_slide] for c in columns]):
            per_slide -= 1
        slides = -(-max(len(c) for c in columns) // per_slide)
        return [[list(c[n * per_slide:(n + 1) * per_slide]) for c in columns] for n in range(slides)]

    def pieces(self, item: Item, lead: Sequence[Item], body: Box) -> list[Item]:
        """The item whole when it fits a slide alone at the floor; else consecutive pieces of its
        text (cut where a line breaks, marked with an ellipsis) that each do, all citing alike.
        The ellipses can push a piece's last word to another line: then each piece takes a
        line less."""
        floor = self.layout.body_min
        if self.text_fits([item], body, floor, bullets=True, lead=lead):
            return [item]
        metrics = metrics_for(self.layout.font)
        width_pt = (body.width - 2 * INSET - BULLET_INDENT) / EMU_PER_PT
        numbers = self.numbers([*lead, item])
        lines = wrap(item.text + marker_text(item, numbers) + " …", metrics, floor, width_pt)
        line_pt = line_height_pt(metrics, floor)
        most = max(int(((body.height - 2 * INSET) / EMU_PER_PT - self.layout.space_after) // line_pt), 1)
        for per_piece in range(most, 1, -1):
            pieces = self._cut(item, lines, per_piece)
            if all(self.text_fits([p], body, floor, bullets=True, lead=lead) for p in pieces):
                return pieces
        return self._cut(item, lines, 1)

    @staticmethod
    def _cut(item: Item, lines: Sequence[str], per_piece: int) -> list[Item]:
        """The item cut after every ``per_piece`` of its wrapped ``lines``, with ellipses."""
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
                             lead: Sequence[Item] = ()) -> float | None:
        """The largest whole-point size from ``start`` down to ``floor`` at which ``chunk`` fits
        ``box``; None when it does not fit even at the floor."""
        size = start
        while size >= floor:
            if self.text_fits(chunk, box, size, bullets, lead):
                return size
            size -= 1
        return None

    def largest_source_size(self, chunk, footer: Box) -> float:
        """The source line's size for ``chunk``: the layout's, in half points down to its floor."""
        size = self.layout.source_size
        while size > self.layout.source_min and not self.source_line_fits(chunk, footer, size):
            size -= 0.5
        return size

    def text_fits(self, chunk, box: Box, size: float, bullets: bool, lead: Sequence[Item] = ()) -> bool:
        """Whether the items, one paragraph each with their markers, fit ``box`` at ``size``."""
        numbers = self.numbers([*lead, *chunk])
        texts = [item.text + marker_text(item, numbers) for item in chunk]
        indent = BULLET_INDENT if bullets else 0
        width_pt = (box.width - 2 * INSET - indent) / EMU_PER_PT
        height = text_height_pt(texts, metrics_for(self.layout.font), size, width_pt,
                                space_after_pt=self.layout.space_after)
        return height <= (box.height - 2 * INSET) / EMU_PER_PT

    def source_line_fits(self, chunk, footer: Box, size: float) -> bool:
        text = self.source_line(self.numbers(chunk))
        metrics = metrics_for(self.layout.font)
        lines = len(wrap(text, metrics, size, footer.width / EMU_PER_PT))
        return lines * line_height_pt(metrics, size) <= footer.height / EMU_PER_PT
