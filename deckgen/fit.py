"""Measure text with real font metrics so the renderer knows what fits in a box.

Widths come from the font files the deck names, found on this machine (or a
metric-compatible substitute: Arial -> Liberation Sans, Calibri -> Carlito, ...).
Where none is installed, a bundled width table of Liberation Sans is used; it is
as wide as Arial, so Calibri or narrower text measured with it fits for real.
Regenerate the table with ``make font-metrics`` (needs fonts-liberation).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

EMU_PER_PT = 12700
MIN_LINE_HEIGHT = 1.2  # PowerPoint and LibreOffice give single-spaced lines about 1.2 em at least
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
             Path.home() / ".local/share/fonts", Path("/Library/Fonts"), Path("C:/Windows/Fonts"))
# Font name -> file stems to look for, first the font itself, then metric-compatible fonts.
SUBSTITUTES = {
    "arial": ("arial", "LiberationSans", "Arimo"),
    "helvetica": ("Helvetica", "LiberationSans", "Arimo"),
    "liberation sans": ("LiberationSans",),
    "calibri": ("calibri", "Carlito"),
    "carlito": ("Carlito",),
    "times new roman": ("times", "LiberationSerif", "Tinos"),
    "cambria": ("cambria", "Caladea"),
    "courier new": ("cour", "LiberationMono", "Cousine"),
}
FALLBACK_TABLE = Path(__file__).parent / "fonts" / "fallback-metrics.json"


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths in thousandths of an em; ``line_height`` in ems (ascent + descent + gap)."""

    name: str
    widths: dict[int, int]
    default_width: int
    line_height: float

    def width_pt(self, text: str, size_pt: float) -> float:
        """Width of ``text`` set at ``size_pt``; unknown characters count as ``default_width``."""
        return sum(self.widths.get(ord(ch), self.default_width) for ch in text) * size_pt / 1000


def read_font(path: Path, name: str) -> FontMetrics:
    """Metrics of a TrueType/OpenType file."""
    import logging

    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # quiet about odd timestamps
    font = TTFont(path, lazy=True)
    units = font["head"].unitsPerEm
    advances = font["hmtx"].metrics
    widths = {code: round(advances[glyph][0] * 1000 / units)
              for code, glyph in font.getBestCmap().items() if glyph in advances}
    hhea, os2 = font["hhea"], font["OS/2"]
    line = max(hhea.ascent - hhea.descent + hhea.lineGap, os2.usWinAscent + os2.usWinDescent) / units
    return FontMetrics(name, widths, max(widths.values()), round(line, 4))


@lru_cache(maxsize=32)
def metrics_for(font: str, bold: bool = False) -> FontMetrics:
    """Metrics for ``font`` (bold or regular): the font, a substitute, or the bundled table."""
    stems = SUBSTITUTES.get(font.lower(), (font.replace(" ", ""),))
    suffixes = ("-Bold", "bd", "b", " Bold") if bold else ("-Regular", "", " Regular")
    for stem in stems:
        for suffix in suffixes:
            path = _find_font_file(f"{stem}{suffix}".lower())
            if path:
                return read_font(path, font)
    table = json.loads(FALLBACK_TABLE.read_text())["bold" if bold else "regular"]
    return FontMetrics(font, {int(k): v for k, v in table["widths"].items()},
                       table["default_width"], table["line_height"])


@lru_cache(maxsize=1)
def _font_files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix.lower() in (".ttf", ".otf"):
                    found.setdefault(path.stem.lower(), path)
    return found


def _find_font_file(stem: str) -> Path | None:
    return _font_files().get(stem)


def wrap(text: str, metrics: FontMetrics, size_pt: float, width_pt: float) -> list[str]:
    """Greedy word wrap as PowerPoint does it; a word wider than the line is broken
    between characters (long URLs). Returns at least one line."""
    space = metrics.width_pt(" ", size_pt)
    lines: list[str] = []
    line, line_width = "", 0.0
    for word in text.split(" "):
        word_width = metrics.width_pt(word, size_pt)
        if line and line_width + space + word_width <= width_pt:
            line, line_width = f"{line} {word}", line_width + space + word_width
            continue
        if line:
            lines.append(line)
        if word_width <= width_pt:
            line, line_width = word, word_width
            continue
        line, line_width = "", 0.0
        for ch in word:
            ch_width = metrics.width_pt(ch, size_pt)
            if line and line_width + ch_width > width_pt:
                lines.append(line)
                line, line_width = "", 0.0
            line, line_width = line + ch, line_width + ch_width
    lines.append(line)
    return lines


def line_height_pt(metrics: FontMetrics, size_pt: float) -> float:
    """Height of one single-spaced line."""
    return max(metrics.line_height, MIN_LINE_HEIGHT) * size_pt


def text_height_pt(paragraphs: list[str], metrics: FontMetrics, size_pt: float, width_pt: float,
                   space_after_pt: float = 0.0) -> float:
    """Height of single-spaced paragraphs stacked in a box ``width_pt`` wide; the space after the
    last paragraph counts too, as some clients reserve it."""
    lines = sum(len(wrap(p, metrics, size_pt, width_pt)) for p in paragraphs)
    spacing = space_after_pt * len(paragraphs)
    return lines * line_height_pt(metrics, size_pt) + spacing


def write_fallback_table(regular: Path, bold: Path, out: Path = FALLBACK_TABLE) -> None:
    """Write the bundled width table from two font files (``make font-metrics``)."""
    table = {}
    for key, path in (("regular", regular), ("bold", bold)):
        m = read_font(path, "Liberation Sans")
        table[key] = {"widths": {str(k): v for k, v in sorted(m.widths.items()) if k < 0x3000},
                      "default_width": m.default_width, "line_height": m.line_height}
    out.write_text(json.dumps(table, separators=(",", ":")))
