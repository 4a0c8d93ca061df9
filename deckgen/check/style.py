"""Style resolution: read a slide into the ``model``, each run's effective size, font, colour
and baseline resolved through the inheritance chain (run, paragraph, list styles, layout and
master placeholders, master text styles, presentation defaults, theme), and each text's
backdrop worked out from the fills and the background behind it.
"""

from __future__ import annotations

import colorsys
import zipfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.shapes.group import GroupShape

from ..errors import CheckError
from ..fit import EMU_PER_PT
from .model import Block, Box, Context, Paragraph, Placed, Run, Scale, Scope, Theme

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative"}
DEFAULT_SIZE_PT = 18.0
DEFAULT_INSETS_PT = {"l": 7.2, "t": 3.6, "r": 7.2, "b": 3.6}
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


def open_deck(path: Path):
    """The deck at ``path``; raises CheckError when it is missing or not a readable .pptx."""
    if not path.is_file():
        raise CheckError(f"{path}: {'not a file' if path.exists() else 'no such file'}")
    if not zipfile.is_zipfile(path):
        raise CheckError(f"{path}: not a .pptx (not a zip package)")
    try:
        return Presentation(str(path))
    except (OSError, zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise CheckError(f"{path}: not a readable .pptx ({exc})") from exc


@lru_cache(maxsize=64)
def _compiled(path: str) -> etree.XPath:
    return etree.XPath(path, namespaces=NS)


def xpath(element, path: str) -> list:
    return _compiled(path)(element)


def first(elements: Iterable, path: str):
    """The first match of ``path`` in the first of ``elements`` that has one, else None."""
    for element in elements:
        found = xpath(element, path)
        if found:
            return found[0]
    return None


def local_name(element) -> str:
    return etree.QName(element).localname


def to_pt(emu) -> float:
    return int(emu) / EMU_PER_PT


def slide_context(prs, slide) -> Context:
    layout = slide.slide_layout
    master = layout.slide_master
    theme = _theme(master)
    size = (to_pt(prs.slide_width), to_pt(prs.slide_height)) if prs.slide_width and prs.slide_height else None
    return Context(theme, master, layout, first([prs.element], "p:defaultTextStyle"),
                    _background(theme, (slide, layout, master)), size)


def _theme(master) -> Theme:
    """The master's theme colours (mapped through its p:clrMap) and Latin fonts."""
    try:
        root = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    except KeyError:
        return Theme({"tx1": "000000", "bg1": WHITE}, "Calibri", "Calibri")
    colors = {local_name(slot): _color(slot, {}) for slot in xpath(root, "a:themeElements/a:clrScheme/*")}
    color_map = first([master.element], "p:clrMap")
    mapping = dict(color_map.attrib) if color_map is not None else DEFAULT_COLOR_MAP
    colors |= {alias: colors.get(slot) for alias, slot in mapping.items()}
    fonts = {kind: first([root], f"a:themeElements/a:fontScheme/a:{kind}Font/a:latin/@typeface") or "Calibri"
             for kind in ("major", "minor")}
    return Theme(colors, fonts["major"], fonts["minor"])


def _color(holder, colors: dict[str, str]) -> str | None:
    """The "RRGGBB" of the colour element inside ``holder`` (a solidFill, fontRef, bgRef, theme
    slot), with lumMod/lumOff/tint/shade applied; None for preset, scRGB or placeholder colours."""
    for element in xpath(holder, "*"):
        kind = local_name(element)
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


def rgb(color: str) -> tuple[float, float, float]:
    return tuple(int(color[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _modified(color: str, element) -> str:
    """``color`` after the element's modifiers, in sRGB (PowerPoint works partly in linear RGB,
    so tints and shades can differ from it by a few units)."""
    r, g, b = rgb(color)
    for modifier in xpath(element, "*"):
        value = int(modifier.get("val", "100000")) / 100000
        kind = local_name(modifier)
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
    kind = local_name(element)
    if kind == "solidFill":
        return _color(element, colors)
    return CLEAR if kind == "noFill" else None


def _background(theme: Theme, owners) -> str | None:
    """The first background set on the slide, its layout or its master; white when none is.
    A background style reference (p:bgRef) is taken as a solid fill of its colour."""
    for owner in owners:
        background = first([owner.element], "p:cSld/p:bg/p:bgPr/*[1] | p:cSld/p:bg/p:bgRef")
        if background is not None:
            if local_name(background) == "bgRef":
                return _color(background, theme.colors)
            fill = _fill(background, theme.colors)
            return WHITE if fill == CLEAR else fill
    return WHITE


def placed_shapes(shapes, scale: Scale = (0, 0, 1 / EMU_PER_PT, 1 / EMU_PER_PT),
            top_level: bool = True) -> Iterator[Placed]:
    """Shapes in z-order with boxes in slide points, group members mapped out of their group's
    child coordinates."""
    dx, dy, sx, sy = scale
    for shape in shapes:
        corners = (shape.left, shape.top, shape.width, shape.height)
        box = None if None in corners else Box(dx + corners[0] * sx, dy + corners[1] * sy,
                                                 corners[2] * sx, corners[3] * sy)
        yield Placed(shape, box, top_level)
        if isinstance(shape, GroupShape) and box is not None:
            yield from placed_shapes(shape.shapes, _child_scale(shape, box, scale), False)


def _child_scale(group, box: Box, scale: Scale) -> Scale:
    """The scale of a group's members: its child offset and extent (a:chOff, a:chExt) mapped
    onto its box; without them the members share the group's coordinates."""
    offset = first([group.element], "p:grpSpPr/a:xfrm/a:chOff")
    extent = first([group.element], "p:grpSpPr/a:xfrm/a:chExt")
    if offset is None or extent is None:
        return scale
    cx, cy = int(extent.get("cx")) or 1, int(extent.get("cy")) or 1
    csx, csy = box.width / cx, box.height / cy
    return (box.left - int(offset.get("x")) * csx, box.top - int(offset.get("y")) * csy, csx, csy)


def text_blocks(ctx: Context, placed: list[Placed]) -> list[Block]:
    blocks = []
    for index, item in enumerate(placed):
        for body in xpath(item.shape.element, "p:txBody"):
            blocks.append(_shape_block(ctx, placed, index, body))
        for cell in xpath(item.shape.element, "a:graphic/a:graphicData/a:tbl/a:tr/a:tc[a:txBody]"):
            blocks.append(_cell_block(ctx, index, item, cell))
    return blocks


def _shape_block(ctx: Context, placed: list[Placed], index: int, body) -> Block:
    """A shape's own text; placeholders inherit list styles and body properties from their
    layout and master placeholders and from the master's title, body or other text style."""
    item = placed[index]
    shape = item.shape
    bases = _base_placeholders(ctx, shape)
    list_styles = [*xpath(body, "a:lstStyle"),
                   *(style for base in bases for style in xpath(base.element, "p:txBody/a:lstStyle")),
                   _outer_style(ctx, shape)]
    own_props = xpath(body, "a:bodyPr")
    body_props = [*own_props, *(props for base in bases for props in xpath(base.element, "p:txBody/a:bodyPr"))]
    font_scale = first(own_props, "a:normAutofit/@fontScale")
    spacing_cut = first(own_props, "a:normAutofit/@lnSpcReduction")
    scope = Scope(ctx.theme, tuple(s for s in list_styles if s is not None),
                   first([shape.element], "p:style/a:fontRef"),
                   int(font_scale) / 100000 if font_scale else 1.0,
                   1 - int(spacing_cut) / 100000 if spacing_cut else 1.0)
    vertical = first(body_props, "@vert") not in (None, "horz")
    insets = {side: to_pt(inset) if (inset := first(body_props, f"@{side}Ins")) else default
              for side, default in DEFAULT_INSETS_PT.items()}
    return Block(index, shape.name, None if vertical else item.box, insets,
                  first(body_props, "@wrap") != "none",
                  shape.is_placeholder and shape.placeholder_format.type in BODY_TYPES,
                  _backdrop(ctx, placed, index), _paragraphs(scope, body))


def _outer_style(ctx: Context, shape):
    """The list style a text body falls back on last: the master's title, body or other text
    style for placeholders, the presentation's default text style for anything else."""
    if not shape.is_placeholder:
        return ctx.default_style
    base = MASTER_TYPES.get(shape.placeholder_format.type, PP_PLACEHOLDER.BODY)
    name = {PP_PLACEHOLDER.TITLE: "title", PP_PLACEHOLDER.BODY: "body"}.get(base, "other")
    return first([ctx.master.element], f"p:txStyles/p:{name}Style")


def _cell_block(ctx: Context, index: int, item: Placed, cell) -> Block:
    """A table cell's text: never measured (rows grow to fit); its backdrop is known only when
    the cell has its own solid fill (the table style's fills are not read)."""
    fill = first([cell], f"a:tcPr/{FILL}")
    backdrop = _fill(fill, ctx.theme.colors) if fill is not None else None
    scope = Scope(ctx.theme, tuple(s for s in (*xpath(cell, "a:txBody/a:lstStyle"), ctx.default_style)
                                    if s is not None), None, 1.0, 1.0)
    return Block(index, item.shape.name, None, DEFAULT_INSETS_PT, True, False,
                  None if backdrop == CLEAR else backdrop, _paragraphs(scope, first([cell], "a:txBody")))


def _base_placeholders(ctx: Context, shape) -> list:
    """The layout and master placeholders a slide placeholder inherits from, nearest first."""
    if not shape.is_placeholder:
        return []
    fmt = shape.placeholder_format
    layout = ctx.layout.placeholders.get(idx=fmt.idx)
    master = ctx.master.placeholders.get(MASTER_TYPES.get(fmt.type, PP_PLACEHOLDER.BODY))
    return [p for p in (layout, master) if p is not None]


def _backdrop(ctx: Context, placed: list[Placed], index: int) -> str | None:
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


def _shape_fill(ctx: Context, shape) -> str | None:
    """A shape's own fill: its spPr fill, else its style's fill reference (taken as solid);
    pictures and graphic frames count as not one colour, groups and connectors as clear."""
    kind = local_name(shape.element)
    if kind in ("pic", "graphicFrame"):
        return None
    if kind != "sp":
        return CLEAR
    fill = first([shape.element], f"p:spPr/{FILL}")
    if fill is not None:
        return _fill(fill, ctx.theme.colors)
    reference = first([shape.element], "p:style/a:fillRef")
    if reference is None or reference.get("idx") == "0":
        return CLEAR
    return _color(reference, ctx.theme.colors)


def _paragraphs(scope: Scope, body) -> tuple[Paragraph, ...]:
    return tuple(_paragraph(scope, p) for p in xpath(body, "a:p"))


def _paragraph(scope: Scope, p) -> Paragraph:
    level = int(first([p], "a:pPr/@lvl") or 0) + 1
    chain = [*xpath(p, "a:pPr"), *(lvl for s in scope.list_styles for lvl in xpath(s, f"a:lvl{level}pPr"))]
    lines: list[list[Run]] = [[]]
    for child in xpath(p, "a:r|a:fld|a:br"):
        if local_name(child) == "br":
            lines.append([])
        else:
            text = "".join(xpath(child, "a:t/text()"))
            lines[-1].append(_run(scope, first([child], "a:rPr"), chain, text))
    end = _run(scope, first([p], "a:endParaRPr"), chain, "")
    runs = tuple(tuple(line) or (end,) for line in lines)
    size = max(run.size_pt for line in runs for run in line)
    pitch = first(chain, "a:lnSpc/*")
    exact = pitch is not None and local_name(pitch) == "spcPts"
    return Paragraph(
        runs,
        margins_pt=sum(to_pt(first(chain, f"@{name}") or 0) for name in ("marL", "marR"))
        + max(to_pt(first(chain, "@indent") or 0), 0),
        line_factor=(1.0 if pitch is None or exact else int(pitch.get("val")) / 100000) * scope.spacing_scale,
        line_pts=int(pitch.get("val")) / 100 if exact else None,
        space_before_pt=_space_pt(first(chain, "a:spcBef/*"), size),
        space_after_pt=_space_pt(first(chain, "a:spcAft/*"), size))


def _space_pt(spacing, size_pt: float) -> float:
    """Paragraph spacing: a:spcPts in hundredths of a point, a:spcPct as a share of the font size."""
    if spacing is None:
        return 0.0
    value = int(spacing.get("val"))
    return value / 100 if local_name(spacing) == "spcPts" else value / 100000 * size_pt


def _run(scope: Scope, rpr, chain: list, text: str) -> Run:
    """A run's effective properties: its a:rPr, then each a:defRPr of the paragraph chain;
    18 pt, the theme's minor font and tx1 when none sets them."""
    props = [*([] if rpr is None else [rpr]), *(d for ppr in chain for d in xpath(ppr, "a:defRPr"))]
    size = first(props, "@sz")
    return Run(text, (int(size) / 100 if size else DEFAULT_SIZE_PT) * scope.font_scale,
                _typeface(scope, first(props, "a:latin/@typeface")),
                first(props, "@b") in ("1", "true"), _text_color(scope, rpr, props),
                int(first(props, "@baseline") or 0))


def _typeface(scope: Scope, face: str | None) -> str:
    """A typeface name with theme references (+mj-lt, +mn-lt) resolved; without one, the font
    the shape's style names, else the theme's minor font."""
    if not face:
        ref = scope.font_ref.get("idx") if scope.font_ref is not None else "minor"
        face = "+mj-lt" if ref == "major" else "+mn-lt"
    if face.startswith("+mj"):
        return scope.theme.major_font
    return scope.theme.minor_font if face.startswith("+mn") else face


def _text_color(scope: Scope, rpr, props: list) -> str | None:
    """A hyperlink's theme colour, else the first fill in the chain, else the shape style's
    font colour, else tx1."""
    colors = scope.theme.colors
    if rpr is not None and xpath(rpr, "a:hlinkClick") and not xpath(rpr, "a:solidFill"):
        return colors.get("hlink")
    fill = first(props, FILL)
    if fill is not None:
        return _fill(fill, colors) if local_name(fill) == "solidFill" else None
    styled = _color(scope.font_ref, colors) if scope.font_ref is not None else None
    return styled or colors.get("tx1") or "000000"


def title_of(slide) -> tuple[object | None, str]:
    """The slide's title placeholder (idx 0) and its stripped text; (None, "") without one."""
    title = slide.shapes.title
    return title, title.text_frame.text.strip() if title is not None and title.has_text_frame else ""

