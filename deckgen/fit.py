"""Measure text with real font metrics so the renderer knows what fits in a box.

The common office fonts have metric-compatible free twins with identical advance widths
(Arial = Liberation Sans, Calibri = Carlito, Times New Roman = Liberation Serif, Courier
New = Liberation Mono). Their width tables, read from the font files with fontTools, ship
in ``fonts/metrics.json`` (``make font-metrics`` rebuilds it), so text is measured the
same on every machine and decks come out the same whatever fonts are installed. Any
other font is read from its file on this machine; a font found nowhere is measured as
Liberation Sans, which is as wide as Arial, so narrower fonts fit for real.
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
# Font name (lower case) -> the family whose widths it has, as named in the shipped table.
METRIC_TWINS = {
    "arial": "Liberation Sans", "helvetica": "Liberation Sans", "liberation sans": "Liberation Sans",
    "arimo": "Liberation Sans",
    "calibri": "Carlito", "carlito": "Carlito",
    "times new roman": "Liberation Serif", "times": "Liberation Serif", "liberation serif": "Liberation Serif",
    "tinos": "Liberation Serif",
    "courier new": "Liberation Mono", "courier": "Liberation Mono", "liberation mono": "Liberation Mono",
    "cousine": "Liberation Mono",
}
FALLBACK_FAMILY = "Liberation Sans"
SHIPPED_TABLE = Path(__file__).parent / "fonts" / "metrics.json"
# Font files of the families in the shipped table, as Debian installs them (make font-metrics).
TABLE_SOURCES = {
    "Liberation Sans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "Liberation Serif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    "Liberation Mono": ("liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf"),
    "Carlito": ("crosextra/Carlito-Regular.ttf", "crosextra/Carlito-Bold.ttf"),
}
TABLE_MAX_CODEPOINT = 0x3000  # Latin, Greek, Cyrillic, Arabic, Hebrew, punctuation, symbols


@dataclass(frozen=True, eq=False)
class FontMetrics:
    """Advance widths in thousandths of an em; ``line_height`` in ems (ascent + descent + gap).
    Compared and hashed by identity (one instance per font and weight)."""

    name: str
    widths: dict[int, int]
    default_width: int
    line_height: float

    def width_pt(self, text: str, size_pt: float) -> float:
        """Width of ``text`` set at ``size_pt``; unknown characters count as ``default_width``."""
        return _em_width(self, text) * size_pt / 1000


@lru_cache(maxsize=65536)
def _em_width(metrics: FontMetrics, text: str) -> int:
    """Width in thousandths of an em (cached: the same words are measured many times)."""
    return sum(metrics.widths.get(ord(ch), metrics.default_width) for ch in text)


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
    """Metrics for ``font``: its twin's shipped table, else its file here, else Liberation Sans."""
    family = METRIC_TWINS.get(font.lower())
    if family is None:
        path = _find_font_file(font, bold)
        if path:
            return read_font(path, font)
        family = FALLBACK_FAMILY
    return _shipped(family, bold)


@lru_cache(maxsize=16)
def _shipped(family: str, bold: bool) -> FontMetrics:
    table = _shipped_tables()[family]["bold" if bold else "regular"]
    return FontMetrics(family, {int(k): v for k, v in table["widths"].items()},
                       table["default_width"], table["line_height"])


@lru_cache(maxsize=1)
def _shipped_tables() -> dict:
    return json.loads(SHIPPED_TABLE.read_text(encoding="utf-8"))


def _find_font_file(font: str, bold: bool) -> Path | None:
    stem = font.replace(" ", "").lower()
    suffixes = ("-bold", "bd", "b", " bold") if bold else ("-regular", "", " regular")
    files = _font_files()
    return next((files[stem + suffix] for suffix in suffixes if stem + suffix in files), None)


@lru_cache(maxsize=1)
def _font_files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in FONT_DIRS:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix.lower() in (".ttf", ".otf"):
                    found.setdefault(path.stem.lower(), path)
    return found


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


def write_shipped_table(font_root: Path = Path("/usr/share/fonts/truetype"), out: Path = SHIPPED_TABLE) -> None:
    """Write the shipped width tables from the font files (``make font-metrics``)."""
    table = {}
    for family, (regular, bold) in TABLE_SOURCES.items():
        table[family] = {}
        for key, relative in (("regular", regular), ("bold", bold)):
            m = read_font(font_root / relative, family)
            table[family][key] = {"widths": {str(k): v for k, v in sorted(m.widths.items()) if k < TABLE_MAX_CODEPOINT},
                                  "default_width": m.default_width, "line_height": m.line_height}
    out.write_text(json.dumps(table, separators=(",", ":")), encoding="utf-8")
