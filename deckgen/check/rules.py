"""The lint rules, each one function over the slide ``model``: text outside its box, shapes off
the slide, text under the size floors, missing or repeated titles, graphics without alt text,
and low contrast."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..fit import FontMetrics, metrics_for, wrap
from .model import Block, Placed, Run
from .style import first, local_name, rgb, title_of

TOLERANCE_PT = 0.5  # rounding slack for the geometry rules
LARGE_TEXT_CONTRAST = 3.0  # WCAG: enough for text 18 pt+ or 14 pt+ bold
IMAGE_FILE = re.compile(r"\.(?:png|jpe?g|gif|bmp|tiff?|svg|emf|wmf|webp)$", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One defect: the slide (from 1; 0 for the deck as a whole), the shape's name ("" for the
    slide itself), what is wrong."""

    slide: int
    shape: str
    problem: str

    def __str__(self) -> str:
        if not self.slide:
            return f"deck: {self.problem}"
        where = f"slide {self.slide} '{self.shape}'" if self.shape else f"slide {self.slide}"
        return f"{where}: {self.problem}"


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio (1 to 21) of two "RRGGBB" colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(color: str) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _points(value: float) -> str:
    return f"{round(value, 1):g} pt"


def overflow(number: int, block: Block) -> Iterator[Finding]:
    """Text taller than its box minus the insets, or (when lines do not wrap) wider than it.

    Each line is wrapped with deckgen.fit at its largest run size in the font of its longest run,
    over the box width minus the insets and the paragraph's margins and positive indent. Space
    before the first paragraph and after the last is not counted. Table cells (rows grow),
    vertical text and shapes without visible text are not measured; shrink-on-overflow counts
    only through the fontScale the file stores; a shape set to grow with its text (spAutoFit)
    is judged at its saved size, which is what other clients draw.
    """
    if block.frame is None or not any(block.runs()):
        return
    width = block.frame.width - block.insets["l"] - block.insets["r"]
    height = block.frame.height - block.insets["t"] - block.insets["b"]
    needed, widest = 0.0, 0.0
    for i, paragraph in enumerate(block.paragraphs):
        needed += paragraph.space_before_pt if i else 0.0
        needed += paragraph.space_after_pt if i < len(block.paragraphs) - 1 else 0.0
        room = width - paragraph.margins_pt
        for line in paragraph.lines:
            text, size, metrics = _line_font(line)
            count = len(wrap(text, metrics, size, room)) if block.wraps else 1
            widest = max(widest, metrics.width_pt(text, size) - room)
            needed += count * paragraph.line_height_pt(size, metrics)
    if needed > height + TOLERANCE_PT:
        yield Finding(number, block.shape, f"text needs {_points(needed)} of height but the box holds "
                                           f"{_points(max(height, 0))}")
    if not block.wraps and widest > TOLERANCE_PT:
        yield Finding(number, block.shape, f"unwrapped text runs {_points(widest)} past the box's width")


def _line_font(line: tuple[Run, ...]) -> tuple[str, float, FontMetrics]:
    """A line's text, its largest size and the metrics of its longest run."""
    longest = max(line, key=lambda run: len(run.text))
    return ("".join(run.text for run in line).replace("\t", " "), max(run.size_pt for run in line),
            metrics_for(longest.font, longest.bold))


def off_slide(number: int, item: Placed, slide_size: tuple[float, float] | None) -> Iterator[Finding]:
    """A shape reaching past a slide edge. Only top-level shapes are judged (a group stands for
    its members); the unrotated box is used; shapes without a position are skipped."""
    if not item.top_level or item.box is None or slide_size is None:
        return
    box, (width, height) = item.box, slide_size
    overs = {"left": -box.left, "top": -box.top, "right": box.right - width, "bottom": box.bottom - height}
    past = [f"{_points(over)} past the {edge} edge" for edge, over in overs.items() if over > TOLERANCE_PT]
    if past:
        yield Finding(number, item.shape.name, f"shape reaches {' and '.join(past)} of the slide")


def small_text(number: int, block: Block, body_min_pt: float, text_min_pt: float) -> Iterator[Finding]:
    """The smallest visible text of a block against the floors: any text against ``text_min_pt``,
    text of body and object placeholders against ``body_min_pt``. Superscript and subscript
    runs (footnote markers) answer to ``text_min_pt`` only; sizes carry the autofit scale."""
    runs = list(block.runs())
    if not runs:
        return
    smallest = min(run.size_pt for run in runs)
    if smallest < text_min_pt:
        yield Finding(number, block.shape,
                      f"text {_points(smallest)} is under the {_points(text_min_pt)} floor")
        return
    body_sizes = [run.size_pt for run in runs if run.baseline == 0]
    if block.body and body_sizes and min(body_sizes) < body_min_pt:
        yield Finding(number, block.shape,
                      f"body text {_points(min(body_sizes))} is under the {_points(body_min_pt)} floor")


def missing_title(number: int, slide) -> Iterator[Finding]:
    """A slide without a title placeholder, or whose title placeholder holds no text (a text box
    that looks like a title does not count: screen readers and the outline miss it)."""
    title, text = title_of(slide)
    if title is None:
        yield Finding(number, "", "slide has no title placeholder")
    elif not text:
        yield Finding(number, title.name, "title placeholder is empty")


def duplicate_titles(titles: list[tuple[int, str, str]]) -> Iterator[Finding]:
    """Each slide whose title repeats an earlier slide's, compared with case and runs of
    whitespace ignored."""
    first_seen: dict[str, int] = {}
    for number, shape, text in titles:
        shown = " ".join(text.split())
        key = shown.casefold()
        if key in first_seen:
            yield Finding(number, shape, f"title {shown!r} repeats slide {first_seen[key]}'s title")
        else:
            first_seen[key] = number


def missing_alt_text(number: int, item: Placed) -> Iterator[Finding]:
    """A picture, chart or other graphic frame (tables excepted) whose descr is empty or looks
    like an image file name (python-pptx's default). Shapes marked decorative are exempt."""
    element = item.shape.element
    kind = local_name(element)
    if kind not in ("pic", "graphicFrame"):
        return
    uri = first([element], "a:graphic/a:graphicData/@uri") or ""
    if uri.endswith("/table"):
        return
    props = first([element], "*/p:cNvPr")
    if props is None or first([props], ".//adec:decorative/@val") in ("1", "true"):
        return
    descr = (props.get("descr") or "").strip()
    if not descr or IMAGE_FILE.search(descr):
        what = "picture" if kind == "pic" else "chart" if uri.endswith("/chart") else "graphic"
        yield Finding(number, item.shape.name, f"{what} has no alt text")


def low_contrast(number: int, block: Block, min_contrast: float) -> Iterator[Finding]:
    """The block's worst run against its backdrop, WCAG 2.x; large text (18 pt+, or 14 pt+ bold)
    needs only 3:1 (or ``min_contrast`` if lower). Runs whose colour or backdrop is not one plain
    colour (gradients, pictures, table styles) are skipped."""
    if block.backdrop is None:
        return
    worst = None
    for run in block.runs():
        if run.color is None:
            continue
        large = run.size_pt >= 18 or (run.bold and run.size_pt >= 14)
        need = min(min_contrast, LARGE_TEXT_CONTRAST) if large else min_contrast
        ratio = contrast_ratio(run.color, block.backdrop)
        if ratio < need and (worst is None or ratio / need < worst[0] / worst[1]):
            worst = (ratio, need, run.color)
    if worst:
        ratio, need, color = worst
        yield Finding(number, block.shape, f"text contrast {math.floor(ratio * 100) / 100:.2f}:1 "
                                           f"(#{color} on #{block.backdrop}) is under {need:g}:1")
