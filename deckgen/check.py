"""Lint any .pptx for the defects a briefing deck must not ship with.

``check_deck`` opens a deck (ours or anyone's) and returns one ``Finding`` per
defect: text outside its box, shapes off the slide, text under the size floors,
missing or repeated titles, graphics without alt text, low contrast, and
footnote markers that no source line on the slide resolves.

The deck is first read into a small model: a ``_Block`` is the text of one shape
or table cell, whose runs carry their effective size, font, colour and baseline
resolved through the inheritance chain (run, paragraph, list styles, layout and
master placeholders, master text styles, presentation defaults, theme). Each
rule is then one function over that model. The library never prints or exits.
"""

from __future__ import annotations

import colorsys
import math
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.shapes.group import GroupShape

from .errors import CheckError
from .fit import EMU_PER_PT, FontMetrics, metrics_for, wrap

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative"}
DEFAULT_SIZE_PT = 18.0
DEFAULT_INSETS_PT = {"l": 7.2, "t": 3.6, "r": 7.2, "b": 3.6}
TOLERANCE_PT = 0.5  # rounding slack for the geometry rules
LARGE_TEXT_CONTRAST = 3.0  # WCAG: enough for text 18 pt+ or 14 pt+ bold
WHITE = "FFFFFF"
CLEAR = "clear"  # a fill that lets what is behind show through
# The fill-choice child of an element (spPr, rPr, tcPr, bgPr).
FILL = ("*[self::a:noFill or self::a:solidFill or self::a:gradFill or self::a:blipFill or self::a:pattFill"
        " or self::a:grpFill]")
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
# Placeholder type -> the master placeholder it inherits from (anything else: the body).
MASTER_TYPES = {PP_PLACEHOLDER.TITLE: PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE: PP_PLACEHOLDER.TITLE,
                PP_PLACEHOLDER.DATE: PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER: PP_PLACEHOLDER.FOOTER,
                PP_PLACEHOLDER.SLIDE_NUMBER: PP_PLACEHOLDER.SLIDE_NUMBER}
DEFAULT_COLOR_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
IMAGE_FILE = re.compile(r"\.(?:png|jpe?g|gif|bmp|tiff?|svg|emf|wmf|webp)$", re.IGNORECASE)
SUPERSCRIPT_MARKER = re.compile(r"^\d+(?:\s*,\s*\d+)*$")
BRACKETED_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
PLAIN_ENTRY = re.compile(r"^\s*(?:\[(\d+)\]\s*\S|(\d+)\.?\s+[^\W\d_])")


@dataclass(frozen=True)
class Finding:
    """One defect: the slide (from 1), the shape's name ("" for the slide itself), what is wrong."""

    slide: int
    shape: str
    problem: str

    def __str__(self) -> str:
        where = f"slide {self.slide} '{self.shape}'" if self.shape else f"slide {self.slide}"
        return f"{where}: {self.problem}"


def check_deck(path: Path, *, body_min_pt: float = 18, text_min_pt: float = 9,
               min_contrast: float = 4.5, endnotes: bool = False) -> list[Finding]:
    """Every finding in the deck at ``path``, slide by slide, in rule order within a slide.

    With ``endnotes`` a footnote marker may be resolved by an entry on any slide (a References
    slide listing "[n] ..."), as in decks made with ``--footnotes references``.
    Raises ``CheckError`` when ``path`` is missing or not a readable .pptx.
    """
    prs = _open(Path(path))
    deck_entries = _deck_entries(prs) if endnotes else set()
    findings: list[Finding] = []
    titles: list[tuple[int, str, str]] = []
    for number, slide in enumerate(prs.slides, start=1):
        findings += _slide_findings(number, slide, _context(prs, slide),
                                    body_min_pt, text_min_pt, min_contrast, deck_entries)
        title, text = _title(slide)
        if text:
            titles.append((number, title.name, text))
    findings += _duplicate_titles(titles)
    return sorted(findings, key=lambda finding: finding.slide)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio (1 to 21) of two "RRGGBB" colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(color: str) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _open(path: Path):
    if not path.is_file():
        raise CheckError(f"{path}: {'not a file' if path.exists() else 'no such file'}")
    if not zipfile.is_zipfile(path):
        raise CheckError(f"{path}: not a .pptx (not a zip package)")
    try:
        return Presentation(str(path))
    except (OSError, zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise CheckError(f"{path}: not a readable .pptx ({exc})") from exc


# --- The model the rules look at -------------------------------------------------------------


@dataclass(frozen=True)
class _Box:
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


_Scale = tuple[float, float, float, float]  # (dx, dy, sx, sy): point = d + emu * s


@dataclass(frozen=True)
class _Placed:
    """A shape with its box on the slide (None when it has no position); group members included."""

    shape: object
    box: _Box | None
    top_level: bool


@dataclass(frozen=True)
class _Run:
    text: str
    size_pt: float  # autofit font scale applied
    font: str
    bold: bool
    color: str | None  # "RRGGBB", None when the text is not one plain colour
    baseline: int  # thousandths of a percent; > 0 superscript, < 0 subscript


@dataclass(frozen=True)
class _Paragraph:
    lines: tuple[tuple[_Run, ...], ...]  # split at line breaks; an empty line holds its end mark
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
class _Block:
    """The text of one shape or one table cell."""

    owner: int  # index of the shape in the slide's placed shapes
    shape: str
    frame: _Box | None  # the box the text must fit in; None when not measured
    insets: dict[str, float]
    wraps: bool
    body: bool  # text of a body or object placeholder
    backdrop: str | None  # "RRGGBB" behind the text, None when not one colour
    paragraphs: tuple[_Paragraph, ...]

    def lines(self) -> Iterator[tuple[_Run, ...]]:
        for paragraph in self.paragraphs:
            yield from paragraph.lines

    def runs(self) -> Iterator[_Run]:
        """Runs with visible text."""
        return (run for line in self.lines() for run in line if run.text.strip())


@dataclass(frozen=True)
class _Theme:
    colors: dict[str, str]  # scheme slots and their mapped names (bg1, tx1, ...) -> "RRGGBB"
    major_font: str
    minor_font: str


@dataclass(frozen=True)
class _Context:
    """What every shape on a slide inherits from outside itself."""

    theme: _Theme
    master: object  # the slide master
    layout: object
    default_style: object | None  # the presentation's p:defaultTextStyle
    background: str | None
    slide_size: tuple[float, float] | None


@dataclass(frozen=True)
class _Scope:
    """What the paragraphs of one text body inherit from outside themselves."""

    theme: _Theme
    list_styles: tuple  # lstStyle-like elements holding a:lvlNpPr, nearest first
    font_ref: object | None  # the shape style's a:fontRef
    font_scale: float
    spacing_scale: float


# --- Reading a slide into the model ----------------------------------------------------------


@lru_cache(maxsize=64)
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(path, namespaces=NS)


def _xpath(element, path: str) -> list:
    return _compiled(path)(element)


def _first(elements: Iterable, path: str):
    """The first match of ``path`` in the first of ``elements`` that has one, else None."""
    for element in elements:
        found = _xpath(element, path)
        if found:
            return found[0]
    return None


def _local(element) -> str:
    return etree.QName(element).localname


def _pt(emu) -> float:
    return int(emu) / EMU_PER_PT


def _context(prs, slide) -> _Context:
    layout = slide.slide_layout
    master = layout.slide_master
    theme = _theme(master)
    size = (_pt(prs.slide_width), _pt(prs.slide_height)) if prs.slide_width and prs.slide_height else None
    return _Context(theme, master, layout, _first([prs.element], "p:defaultTextStyle"),
                    _background(theme, (slide, layout, master)), size)


def _theme(master) -> _Theme:
    """The master's theme colours (mapped through its p:clrMap) and Latin fonts."""
    try:
        root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    except KeyError:
        return _Theme({"tx1": "000000", "bg1": WHITE}, "Calibri", "Calibri")
    colors = {_local(slot): _color(slot, {}) for slot in _xpath(root, "a:themeElements/a:clrScheme/*")}
    color_map = _first([master.element], "p:clrMap")
    mapping = dict(color_map.attrib) if color_map is not None else DEFAULT_COLOR_MAP
    colors |= {alias: colors.get(slot) for alias, slot in mapping.items()}
    fonts = {kind: _first([root], f"a:themeElements/a:fontScheme/a:{kind}Font/a:latin/@typeface") or "Calibri"
             for kind in ("major", "minor")}
    return _Theme(colors, fonts["major"], fonts["minor"])


def _color(holder, colors: dict[str, str]) -> str | None:
    """The "RRGGBB" of the colour element inside ``holder`` (a solidFill, fontRef, bgRef, theme
    slot), with lumMod/lumOff/tint/shade applied; None for preset, scRGB or placeholder colours."""
    for element in _xpath(holder, "*"):
        kind = _local(element)
        if kind == "srgbClr":
            base = element.get("val")
        elif kind == "sysClr":
            base = element.get("lastClr")
        elif kind == "schemeClr":
            base = colors.get(element.get("val"))
        else:
            continue
        return _modified(base, element) if base else None
    return None


def _rgb(color: str) -> tuple[float, float, float]:
    return tuple(int(color[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _modified(color: str, element) -> str:
    """``color`` after the element's modifiers, in sRGB (PowerPoint works partly in linear RGB,
    so tints and shades can differ from it by a few units)."""
    r, g, b = _rgb(color)
    for modifier in _xpath(element, "*"):
        value = int(modifier.get("val", "100000")) / 100000
        kind = _local(modifier)
        if kind in ("lumMod", "lumOff"):
            hue, light, sat = colorsys.rgb_to_hls(r, g, b)
            light = light * value if kind == "lumMod" else light + value
            r, g, b = colorsys.hls_to_rgb(hue, min(max(light, 0.0), 1.0), sat)
        elif kind == "tint":
            r, g, b = (c + (1 - c) * (1 - value) for c in (r, g, b))
        elif kind == "shade":
            r, g, b = (c * value for c in (r, g, b))
    return "".join(f"{round(c * 255):02X}" for c in (r, g, b))


def _fill(element, colors: dict[str, str]) -> str | None:
    """A fill-choice element as "RRGGBB", CLEAR for noFill, None for gradients, pictures, patterns."""
    kind = _local(element)
    if kind == "solidFill":
        return _color(element, colors)
    return CLEAR if kind == "noFill" else None


def _background(theme: _Theme, owners) -> str | None:
    """The first background set on the slide, its layout or its master; white when none is.
    A background style reference (p:bgRef) is taken as a solid fill of its colour."""
    for owner in owners:
        background = _first([owner.element], "p:cSld/p:bg/p:bgPr/*[1] | p:cSld/p:bg/p:bgRef")
        if background is not None:
            if _local(background) == "bgRef":
                return _color(background, theme.colors)
            fill = _fill(background, theme.colors)
            return WHITE if fill == CLEAR else fill
    return WHITE


def _placed(shapes, scale: _Scale = (0, 0, 1 / EMU_PER_PT, 1 / EMU_PER_PT),
            top_level: bool = True) -> Iterator[_Placed]:
    """Shapes in z-order with boxes in slide points, group members mapped out of their group's
    child coordinates."""
    dx, dy, sx, sy = scale
    for shape in shapes:
        corners = (shape.left, shape.top, shape.width, shape.height)
        box = None if None in corners else _Box(dx + corners[0] * sx, dy + corners[1] * sy,
                                                 corners[2] * sx, corners[3] * sy)
        yield _Placed(shape, box, top_level)
        if isinstance(shape, GroupShape) and box is not None:
            yield from _placed(shape.shapes, _child_scale(shape, box, scale), False)


def _child_scale(group, box: _Box, scale: _Scale) -> _Scale:
    """The scale of a group's members: its child offset and extent (a:chOff, a:chExt) mapped
    onto its box; without them the members share the group's coordinates."""
    offset = _first([group.element], "p:grpSpPr/a:xfrm/a:chOff")
    extent = _first([group.element], "p:grpSpPr/a:xfrm/a:chExt")
    if offset is None or extent is None:
        return scale
    cx, cy = int(extent.get("cx")) or 1, int(extent.get("cy")) or 1
    csx, csy = box.width / cx, box.height / cy
    return (box.left - int(offset.get("x")) * csx, box.top - int(offset.get("y")) * csy, csx, csy)


def _blocks(ctx: _Context, placed: list[_Placed]) -> list[_Block]:
    blocks = []
    for index, item in enumerate(placed):
        for body in _xpath(item.shape.element, "p:txBody"):
            blocks.append(_shape_block(ctx, placed, index, body))
        for cell in _xpath(item.shape.element, "a:graphic/a:graphicData/a:tbl/a:tr/a:tc[a:txBody]"):
            blocks.append(_cell_block(ctx, index, item, cell))
    return blocks


def _shape_block(ctx: _Context, placed: list[_Placed], index: int, body) -> _Block:
    """A shape's own text; placeholders inherit list styles and body properties from their
    layout and master placeholders and from the master's title, body or other text style."""
    item = placed[index]
    shape = item.shape
    bases = _base_placeholders(ctx, shape)
    list_styles = [*_xpath(body, "a:lstStyle"),
                   *(style for base in bases for style in _xpath(base.element, "p:txBody/a:lstStyle")),
                   _outer_style(ctx, shape)]
    own_props = _xpath(body, "a:bodyPr")
    body_props = [*own_props, *(props for base in bases for props in _xpath(base.element, "p:txBody/a:bodyPr"))]
    font_scale = _first(own_props, "a:normAutofit/@fontScale")
    spacing_cut = _first(own_props, "a:normAutofit/@lnSpcReduction")
    scope = _Scope(ctx.theme, tuple(s for s in list_styles if s is not None),
                   _first([shape.element], "p:style/a:fontRef"),
                   int(font_scale) / 100000 if font_scale else 1.0,
                   1 - int(spacing_cut) / 100000 if spacing_cut else 1.0)
    vertical = _first(body_props, "@vert") not in (None, "horz")
    insets = {side: _pt(inset) if (inset := _first(body_props, f"@{side}Ins")) else default
              for side, default in DEFAULT_INSETS_PT.items()}
    return _Block(index, shape.name, None if vertical else item.box, insets,
                  _first(body_props, "@wrap") != "none",
                  shape.is_placeholder and shape.placeholder_format.type in BODY_TYPES,
                  _backdrop(ctx, placed, index), _paragraphs(scope, body))


def _outer_style(ctx: _Context, shape):
    """The list style a text body falls back on last: the master's title, body or other text
    style for placeholders, the presentation's default text style for anything else."""
    if not shape.is_placeholder:
        return ctx.default_style
    base = MASTER_TYPES.get(shape.placeholder_format.type, PP_PLACEHOLDER.BODY)
    name = {PP_PLACEHOLDER.TITLE: "title", PP_PLACEHOLDER.BODY: "body"}.get(base, "other")
    return _first([ctx.master.element], f"p:txStyles/p:{name}Style")


def _cell_block(ctx: _Context, index: int, item: _Placed, cell) -> _Block:
    """A table cell's text: never measured (rows grow to fit); its backdrop is known only when
    the cell has its own solid fill (the table style's fills are not read)."""
    fill = _first([cell], f"a:tcPr/{FILL}")
    backdrop = _fill(fill, ctx.theme.colors) if fill is not None else None
    scope = _Scope(ctx.theme, tuple(s for s in (*_xpath(cell, "a:txBody/a:lstStyle"), ctx.default_style)
                                    if s is not None), None, 1.0, 1.0)
    return _Block(index, item.shape.name, None, DEFAULT_INSETS_PT, True, False,
                  None if backdrop == CLEAR else backdrop, _paragraphs(scope, _first([cell], "a:txBody")))


def _base_placeholders(ctx: _Context, shape) -> list:
    """The layout and master placeholders a slide placeholder inherits from, nearest first."""
    if not shape.is_placeholder:
        return []
    fmt = shape.placeholder_format
    layout = ctx.layout.placeholders.get(idx=fmt.idx)
    master = ctx.master.placeholders.get(MASTER_TYPES.get(fmt.type, PP_PLACEHOLDER.BODY))
    return [p for p in (layout, master) if p is not None]


def _backdrop(ctx: _Context, placed: list[_Placed], index: int) -> str | None:
    """What is behind a shape's text: its own fill, else the topmost shape beneath it whose box
    holds its centre, else the slide background. None when that is not one colour (a picture,
    a chart, a gradient)."""
    own = _shape_fill(ctx, placed[index].shape)
    box = placed[index].box
    if own != CLEAR or box is None:
        return ctx.background if own == CLEAR else own
    centre = (box.left + box.width / 2, box.top + box.height / 2)
    for item in reversed(placed[:index]):
        if item.box is not None and item.box.contains(*centre):
            fill = _shape_fill(ctx, item.shape)
            if fill != CLEAR:
                return fill
    return ctx.background


def _shape_fill(ctx: _Context, shape) -> str | None:
    """A shape's own fill: its spPr fill, else its style's fill reference (taken as solid);
    pictures and graphic frames count as not one colour, groups and connectors as clear."""
    kind = _local(shape.element)
    if kind in ("pic", "graphicFrame"):
        return None
    if kind != "sp":
        return CLEAR
    fill = _first([shape.element], f"p:spPr/{FILL}")
    if fill is not None:
        return _fill(fill, ctx.theme.colors)
    reference = _first([shape.element], "p:style/a:fillRef")
    if reference is None or reference.get("idx") == "0":
        return CLEAR
    return _color(reference, ctx.theme.colors)


def _paragraphs(scope: _Scope, body) -> tuple[_Paragraph, ...]:
    return tuple(_paragraph(scope, p) for p in _xpath(body, "a:p"))


def _paragraph(scope: _Scope, p) -> _Paragraph:
    level = int(_first([p], "a:pPr/@lvl") or 0) + 1
    chain = [*_xpath(p, "a:pPr"), *(lvl for s in scope.list_styles for lvl in _xpath(s, f"a:lvl{level}pPr"))]
    lines: list[list[_Run]] = [[]]
    for child in _xpath(p, "a:r|a:fld|a:br"):
        if _local(child) == "br":
            lines.append([])
        else:
            text = "".join(_xpath(child, "a:t/text()"))
            lines[-1].append(_run(scope, _first([child], "a:rPr"), chain, text))
    end = _run(scope, _first([p], "a:endParaRPr"), chain, "")
    runs = tuple(tuple(line) or (end,) for line in lines)
    size = max(run.size_pt for line in runs for run in line)
    pitch = _first(chain, "a:lnSpc/*")
    exact = pitch is not None and _local(pitch) == "spcPts"
    return _Paragraph(
        runs,
        margins_pt=sum(_pt(_first(chain, f"@{name}") or 0) for name in ("marL", "marR"))
        + max(_pt(_first(chain, "@indent") or 0), 0),
        line_factor=(1.0 if pitch is None or exact else int(pitch.get("val")) / 100000) * scope.spacing_scale,
        line_pts=int(pitch.get("val")) / 100 if exact else None,
        space_before_pt=_space_pt(_first(chain, "a:spcBef/*"), size),
        space_after_pt=_space_pt(_first(chain, "a:spcAft/*"), size))


def _space_pt(spacing, size_pt: float) -> float:
    """Paragraph spacing: a:spcPts in hundredths of a point, a:spcPct as a share of the font size."""
    if spacing is None:
        return 0.0
    value = int(spacing.get("val"))
    return value / 100 if _local(spacing) == "spcPts" else value / 100000 * size_pt


def _run(scope: _Scope, rpr, chain: list, text: str) -> _Run:
    """A run's effective properties: its a:rPr, then each a:defRPr of the paragraph chain;
    18 pt, the theme's minor font and tx1 when none sets them."""
    props = [*([] if rpr is None else [rpr]), *(d for ppr in chain for d in _xpath(ppr, "a:defRPr"))]
    size = _first(props, "@sz")
    return _Run(text, (int(size) / 100 if size else DEFAULT_SIZE_PT) * scope.font_scale,
                _typeface(scope, _first(props, "a:latin/@typeface")),
                _first(props, "@b") in ("1", "true"), _text_color(scope, rpr, props),
                int(_first(props, "@baseline") or 0))


def _typeface(scope: _Scope, face: str | None) -> str:
    """A typeface name with theme references (+mj-lt, +mn-lt) resolved; without one, the font
    the shape's style names, else the theme's minor font."""
    if not face:
        ref = scope.font_ref.get("idx") if scope.font_ref is not None else "minor"
        face = "+mj-lt" if ref == "major" else "+mn-lt"
    if face.startswith("+mj"):
        return scope.theme.major_font
    return scope.theme.minor_font if face.startswith("+mn") else face


def _text_color(scope: _Scope, rpr, props: list) -> str | None:
    """A hyperlink's theme colour, else the first fill in the chain, else the shape style's
    font colour, else tx1."""
    colors = scope.theme.colors
    if rpr is not None and _xpath(rpr, "a:hlinkClick") and not _xpath(rpr, "a:solidFill"):
        return colors.get("hlink")
    fill = _first(props, FILL)
    if fill is not None:
        return _fill(fill, colors) if _local(fill) == "solidFill" else None
    styled = _color(scope.font_ref, colors) if scope.font_ref is not None else None
    return styled or colors.get("tx1") or "000000"


# --- Rules -----------------------------------------------------------------------------------


def _deck_entries(prs) -> set[int]:
    """Footnote numbers resolved by an entry anywhere in the deck."""
    return {n for slide in prs.slides for block in _blocks(_context(prs, slide), list(_placed(slide.shapes)))
            for line in block.lines() for n in _entries(line)}


def _slide_findings(number: int, slide, ctx: _Context, body_min_pt: float, text_min_pt: float,
                    min_contrast: float, deck_entries: set[int]) -> Iterator[Finding]:
    placed = list(_placed(slide.shapes))
    blocks = _blocks(ctx, placed)
    yield from _missing_title(number, slide)
    for item in placed:
        yield from _off_slide(number, item, ctx.slide_size)
        yield from _missing_alt_text(number, item)
    for block in blocks:
        yield from _overflow(number, block)
        yield from _small_text(number, block, body_min_pt, text_min_pt)
        yield from _low_contrast(number, block, min_contrast)
    yield from _unresolved_footnotes(number, blocks, deck_entries)


def _points(value: float) -> str:
    return f"{round(value, 1):g} pt"


def _overflow(number: int, block: _Block) -> Iterator[Finding]:
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


def _line_font(line: tuple[_Run, ...]) -> tuple[str, float, FontMetrics]:
    """A line's text, its largest size and the metrics of its longest run."""
    longest = max(line, key=lambda run: len(run.text))
    return ("".join(run.text for run in line).replace("\t", " "), max(run.size_pt for run in line),
            metrics_for(longest.font, longest.bold))


def _off_slide(number: int, item: _Placed, slide_size: tuple[float, float] | None) -> Iterator[Finding]:
    """A shape reaching past a slide edge. Only top-level shapes are judged (a group stands for
    its members); the unrotated box is used; shapes without a position are skipped."""
    if not item.top_level or item.box is None or slide_size is None:
        return
    box, (width, height) = item.box, slide_size
    overs = {"left": -box.left, "top": -box.top, "right": box.right - width, "bottom": box.bottom - height}
    past = [f"{_points(over)} past the {edge} edge" for edge, over in overs.items() if over > TOLERANCE_PT]
    if past:
        yield Finding(number, item.shape.name, f"shape reaches {' and '.join(past)} of the slide")


def _small_text(number: int, block: _Block, body_min_pt: float, text_min_pt: float) -> Iterator[Finding]:
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


def _missing_title(number: int, slide) -> Iterator[Finding]:
    """A slide without a title placeholder, or whose title placeholder holds no text (a text box
    that looks like a title does not count: screen readers and the outline miss it)."""
    title, text = _title(slide)
    if title is None:
        yield Finding(number, "", "slide has no title placeholder")
    elif not text:
        yield Finding(number, title.name, "title placeholder is empty")


def _title(slide) -> tuple[object | None, str]:
    """The slide's title placeholder (idx 0) and its stripped text; (None, "") without one."""
    title = slide.shapes.title
    return title, title.text_frame.text.strip() if title is not None and title.has_text_frame else ""


def _duplicate_titles(titles: list[tuple[int, str, str]]) -> Iterator[Finding]:
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


def _missing_alt_text(number: int, item: _Placed) -> Iterator[Finding]:
    """A picture, chart or other graphic frame (tables excepted) whose descr is empty or looks
    like an image file name (python-pptx's default). Shapes marked decorative are exempt."""
    element = item.shape.element
    kind = _local(element)
    if kind not in ("pic", "graphicFrame"):
        return
    uri = _first([element], "a:graphic/a:graphicData/@uri") or ""
    if uri.endswith("/table"):
        return
    props = _first([element], "*/p:cNvPr")
    if props is None or _first([props], ".//adec:decorative/@val") in ("1", "true"):
        return
    descr = (props.get("descr") or "").strip()
    if not descr or IMAGE_FILE.search(descr):
        what = "picture" if kind == "pic" else "chart" if uri.endswith("/chart") else "graphic"
        yield Finding(number, item.shape.name, f"{what} has no alt text")


def _low_contrast(number: int, block: _Block, min_contrast: float) -> Iterator[Finding]:
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


def _unresolved_footnotes(number: int, blocks: list[_Block], deck_entries: set[int]) -> Iterator[Finding]:
    """Footnote markers that no entry in ANOTHER shape on the slide (nor in ``deck_entries``)
    resolves (see ``_markers`` and ``_entries`` for the forms accepted); one finding per shape
    listing its numbers."""
    names: dict[int, str] = {}
    cited: dict[int, set[int]] = {}
    entries: dict[int, set[int]] = {}
    for block in blocks:
        names[block.owner] = block.shape
        for line in block.lines():
            cited.setdefault(block.owner, set()).update(_markers(line))
            entries.setdefault(block.owner, set()).update(_entries(line))
    for owner, numbers in cited.items():
        missing = sorted(numbers.difference(deck_entries, *(found for other, found in entries.items()
                                                           if other != owner)))
        if missing:
            listed = ", ".join(map(str, missing))
            cites = f"footnote marker {listed} has" if len(missing) == 1 else f"footnote markers {listed} have"
            yield Finding(number, names[owner], f"{cites} no source line on this slide")


def _markers(line: tuple[_Run, ...]) -> set[int]:
    """Footnote numbers a line cites: its last superscript group when that is digits and commas
    ("1" or "1,2") after some text, with nothing but spaces and punctuation after it; and
    bracketed "[n]" / "[n, m]" anywhere but at the line's start (there it is an entry)."""
    cited: set[int] = set()
    groups = list(_superscripts(line))
    if groups:
        before, raised, after = groups[-1]
        if SUPERSCRIPT_MARKER.match(raised) and before.strip() and not any(ch.isalnum() for ch in after):
            cited |= _numbers(raised)
    text = "".join(run.text for run in line)
    for match in BRACKETED_MARKER.finditer(text):
        if text[:match.start()].strip():
            cited |= _numbers(match.group(1))
    return cited


def _entries(line: tuple[_Run, ...]) -> set[int]:
    """Footnote numbers a source line resolves: each superscript number that starts a piece of
    text (at the line's start or after a space, ":" or ";") and has text after it, as in
    "1 Voice of America, ..." or "VOA, 27 Sep 2024: 1 para. 1  2 para. 9" with raised numbers;
    and a leading "[n]" followed by text, or "n." / "n " followed by a word."""
    found = {int(raised) for before, raised, after in _superscripts(line)
             if raised.isdecimal() and (not before or before[-1].isspace() or before[-1] in ":;")
             and any(ch.isalnum() for ch in after)}
    match = PLAIN_ENTRY.match("".join(run.text for run in line))
    return found | ({int(match.group(1) or match.group(2))} if match else set())


def _superscripts(line: tuple[_Run, ...]) -> Iterator[tuple[str, str, str]]:
    """(text before, stripped superscript text, text after) for each group of adjacent
    superscript runs with visible text."""
    full = "".join(run.text for run in line)
    start = 0
    for raised, runs in groupby(line, key=lambda run: run.baseline > 0):
        text = "".join(run.text for run in runs)
        if raised and text.strip():
            yield full[:start], text.strip(), full[start + len(text):]
        start += len(text)


def _numbers(listed: str) -> set[int]:
    return {int(n) for n in listed.split(",")}
