"""Where things go on a slide: boxes in EMU worked out from the layout's margins and sizes, or
taken from the master's placeholders when the layout names a master. Pure arithmetic: no
python-pptx here (a master's boxes are read by ``package`` and handed in).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layouts import Layout

EMU_PER_INCH = 914400


def inches(value: float) -> int:
    """EMU in ``value`` inches, rounded down as python-pptx's ``Inches`` does."""
    return int(value * EMU_PER_INCH)


INSET = inches(0.08)
BULLET_INDENT = inches(0.32)
BANNER_HEIGHT = inches(0.32)
GAP = inches(0.12)
SLIDE_NUMBER_WIDTH = inches(1.0)


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class MasterBoxes:
    """The placeholders' boxes of a user master: content title and body, title slide title and lines."""

    title: Box
    body: Box
    title_slide_title: Box
    title_slide_lines: Box


@dataclass(frozen=True)
class Geometry:
    """The boxes of one deck's slides; ``master`` is set when a user master decides them."""

    layout: Layout
    slide_width: int
    slide_height: int
    master: MasterBoxes | None = None

    def banner_space(self) -> int:
        return BANNER_HEIGHT if self.layout.classification else 0

    def title_box(self) -> Box:
        """Content slides' title area: the master's title placeholder, else from the margins."""
        if self.master:
            return self.master.title
        m = self.layout.margins
        top = inches(m["top"]) + self.banner_space() + (inches(0.3) if self.layout.title_style == "assertion" else 0)
        return Box(inches(m["left"]), top, self.slide_width - inches(m["left"]) - inches(m["right"]),
                   inches(self.layout.title_height))

    def title_slide_boxes(self) -> tuple[Box, Box]:
        """Title and the lines under it on the title slide."""
        if self.master:
            return self.master.title_slide_title, self.master.title_slide_lines
        m = self.layout.margins
        left, text_width = inches(m["left"]), self.slide_width - inches(m["left"]) - inches(m["right"])
        title = Box(left, int(self.slide_height * 0.18), text_width, int(self.slide_height * 0.34))
        lines_top = title.top + title.height + GAP * 3
        return title, Box(left, lines_top, text_width, self.footnote_box().top - lines_top)

    def footnote_box(self) -> Box:
        """The source line's strip above the bottom margin (and banner); the slide number sits to its right."""
        m = self.layout.margins
        bottom = self.slide_height - inches(m["bottom"]) - self.banner_space()
        box_height = inches(self.layout.footnote_height)
        return Box(inches(m["left"]), bottom - box_height,
                   self.slide_width - inches(m["left"]) - inches(m["right"]) - SLIDE_NUMBER_WIDTH, box_height)

    def body_box(self) -> Box:
        """The bullets' area: the master's body placeholder, else between title and source line;
        never reaching into the source line's strip."""
        footer_top = self.footnote_box().top - GAP
        if self.master:
            box = self.master.body
            return Box(box.left, box.top, box.width, min(box.height, footer_top - box.top))
        title = self.title_box()
        top = title.top + title.height + GAP * 2
        return Box(title.left, top, title.width, footer_top - top)

    def column_boxes(self) -> tuple[Box, Box]:
        body = self.body_box()
        width = (body.width - GAP * 2) // 2
        return (Box(body.left, body.top, width, body.height),
                Box(body.left + width + GAP * 2, body.top, width, body.height))
