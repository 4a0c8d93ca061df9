"""Drawing on a slide: runs, paragraphs and bullets, titles, banners, accent lines, source lines
and slide numbers, each in the layout's font and colours. Runs and bullets are built as XML
directly: python-pptx's property setters cost a third of the render time."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from ..fit import EMU_PER_PT, line_height_pt, metrics_for, text_height_pt
from ..layouts import Layout
from .footnotes import marker_text
from .geometry import BANNER_HEIGHT, BULLET_INDENT, INSET, SLIDE_NUMBER_WIDTH, Box
from .items import Item
from .paginate import title_size

KICKER_SIZE = 14           # the section label above an assertion title
XML_INVALID = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")  # what XML 1.0 text cannot hold


def clean_text(text: str) -> str:
    """Remove characters XML 1.0 cannot hold (python-pptx would reject them): control
    characters other than tab and newline, U+FFFE and U+FFFF."""
    return XML_INVALID.sub("", text)


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


@dataclass(frozen=True)
class Pen:
    """Draws in one layout's font, sizes and colours."""

    layout: Layout

    def color(self, key: str) -> str:
        return self.layout.colors[key]

    def place(self, shape, box: Box) -> None:
        """Give a shape the box, unless a user master decides the geometry."""
        if self.layout.master is None:
            shape.left, shape.top, shape.width, shape.height = box.left, box.top, box.width, box.height

    def add_run(self, paragraph, text: str, size: float, color: str, *, bold: bool = False,
                italic: bool = False, superscript: bool = False) -> None:
        """Append a run with explicit font, size, weight and colour."""
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

    def title(self, shape, text: str, box: Box, max_lines: int, anchor, marker: str = "") -> int:
        """Fill a title placeholder, shrinking to the layout's title floor; returns the text's height (EMU)."""
        self.place(shape, box)
        measured = text + marker  # the footnote marker takes room on the last line too
        size = title_size(measured, box, self.layout, max_lines)
        frame = shape.text_frame
        setup_frame(frame)
        frame.vertical_anchor = anchor
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.LEFT
        self.add_run(paragraph, text, size, self.color("title"), bold=True)
        if marker:
            self.add_run(paragraph, marker, size, self.color("title"), bold=True, superscript=True)
        width_pt = (box.width - 2 * INSET) / EMU_PER_PT
        return int(text_height_pt([measured], metrics_for(self.layout.font, bold=True), size, width_pt) * EMU_PER_PT)

    def accent_bar(self, slide, title_box: Box) -> None:
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, title_box.left + INSET,
                                     title_box.top + title_box.height, Inches(1.2), Inches(0.05))
        bar.fill.solid()
        bar.fill.fore_color.rgb = RGBColor.from_string(self.color("accent"))
        bar.line.fill.background()
        bar.name = "Accent line"
        set_alt_text(bar, "Decorative accent line")

    def kicker(self, slide, text: str, title_box: Box, title_text_height: int) -> None:
        """The section name in small capitals just above the (bottom-anchored) title text."""
        size = KICKER_SIZE
        height = int(line_height_pt(metrics_for(self.layout.font, bold=True), size) * EMU_PER_PT) + Inches(0.04)
        top = max(title_box.top + title_box.height - INSET - title_text_height - height, 0)
        shape = slide.shapes.add_textbox(title_box.left + INSET, top, title_box.width - INSET, height)
        shape.name = "Section label"
        setup_frame(shape.text_frame, inset=0)
        self.add_run(shape.text_frame.paragraphs[0], text.upper(), size, self.color("accent"), bold=True)

    def decorate(self, slide, width: int, height: int) -> None:
        """Background colour and the classification banners (top and bottom), if configured."""
        slide.background.fill.solid()
        slide.background.fill.fore_color.rgb = RGBColor.from_string(self.color("background"))
        if not self.layout.classification:
            return
        fill, text_color = self.layout.banner_colors()
        for name, top in (("Banner top", 0), ("Banner bottom", height - BANNER_HEIGHT)):
            shape = slide.shapes.add_textbox(0, top, width, BANNER_HEIGHT)
            shape.name = name
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor.from_string(fill)
            setup_frame(shape.text_frame, inset=Inches(0.02))
            paragraph = shape.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.CENTER
            self.add_run(paragraph, self.layout.classification.upper(), 12, text_color, bold=True)

    def source_line(self, slide, box: Box, runs: Sequence[tuple[str, bool]], size: float) -> None:
        """The footnotes' text box: (text, superscript) runs, anchored at the bottom of ``box``."""
        shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        shape.name = "Footnotes"
        frame = shape.text_frame
        setup_frame(frame, inset=0)
        frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        paragraph = frame.paragraphs[0]
        for text, superscript in runs:
            self.add_run(paragraph, text, size, self.color("muted"), superscript=superscript)

    def slide_numbers(self, slides, footer: Box) -> None:
        """'n / total' right of the source line on every slide but the first."""
        total = len(slides)
        for number, slide in enumerate(slides, start=1):
            if number == 1:
                continue
            shape = slide.shapes.add_textbox(footer.left + footer.width, footer.top + footer.height - Inches(0.25),
                                             SLIDE_NUMBER_WIDTH, Inches(0.25))
            shape.name = "Slide number"
            setup_frame(shape.text_frame, inset=0)
            shape.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
            paragraph = shape.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.RIGHT
            self.add_run(paragraph, f"{number} / {total}", max(self.layout.source_size, 10), self.color("muted"))
