"""Layouts are folders: ``layout.yaml`` (sizes, colours, slide kinds, limits),
``templates/*.j2`` for generated text, and optionally a master ``.pptx``.

Lookup order for a name: ``./layouts/<name>`` (the editable copies), then the
built-in layouts shipped in the package. A path to a folder is used as is.
Every value can be overridden (flags, ``--set key=value``); unknown keys and bad
values raise LayoutError saying what is allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import yaml

from .errors import LayoutError
from .ingest import yaml_problem
from .kinds import KINDS

BUILTIN_DIR = Path(__file__).parent / "layouts"
USER_DIR = Path("layouts")
DEFAULT_LAYOUT = "briefing"
DEFAULT_SLIDES = ("title", "bluf", "agenda", "sections", "figures", "quotes", "perspectives", "timeline", "references")
FOOTNOTE_MODES = ("slide", "notes", "references", "none")
TITLE_STYLES = ("topic", "assertion")
ASPECTS = {"16:9": (13.333, 7.5), "4:3": (10.0, 7.5)}
DEFAULT_COLORS = {"background": "FFFFFF", "text": "1B1B1B", "title": "0B2545", "accent": "0B2545", "muted": "4A4A4A"}
DEFAULT_MARGINS = {"left": 0.6, "right": 0.6, "top": 0.35, "bottom": 0.25}
DEFAULT_MASTER_LAYOUTS = {"title": "Title Slide", "content": "Title and Content", "two": "Two Content"}
BANNER_COLORS = {  # text -> (fill, text colour), BRIEFING.md
    "UNCLASSIFIED": ("007A33", "FFFFFF"), "CUI": ("502B85", "FFFFFF"),
    "CONFIDENTIAL": ("0033A0", "FFFFFF"), "SECRET": ("C8102E", "FFFFFF"), "TOP SECRET": ("FF8C00", "000000"),
}


@dataclass(frozen=True)
class Layout:
    """One layout's settings; sizes in points, distances in inches, colours as RRGGBB."""

    name: str
    folder: Path
    bases: tuple[Path, ...] = ()   # folders of the layouts this one extends, nearest first
    description: str = ""
    aspect: str = "16:9"
    font: str = "Arial"
    title_size: float = 32
    title_min: float = 28
    body_size: float = 24
    body_min: float = 18
    source_size: float = 11
    source_min: float = 9
    space_after: float = 10
    colors: dict = field(default_factory=lambda: dict(DEFAULT_COLORS))
    margins: dict = field(default_factory=lambda: dict(DEFAULT_MARGINS))
    title_height: float = 1.0
    footnote_height: float = 0.6
    slides: tuple[str, ...] = DEFAULT_SLIDES  # slide kinds (deckgen.kinds.KINDS) in order
    max_bullets: int = 5
    footnotes: str = "slide"
    notes: bool = True
    classification: str | None = None
    classification_color: str | None = None
    dtg: bool = False
    slide_numbers: bool = True
    accent_bar: bool = True
    title_style: str = "topic"   # topic: the section's name; assertion: its shortest point as the title
    master: str | None = None
    master_layouts: dict = field(default_factory=lambda: dict(DEFAULT_MASTER_LAYOUTS))

    @property
    def slide_size(self) -> tuple[float, float]:
        return ASPECTS[self.aspect]

    @property
    def master_path(self) -> Path | None:
        return (self.folder / self.master) if self.master else None

    @property
    def template_folders(self) -> list[Path]:
        """Where templates are looked up: this layout, the layouts it extends, then the built-in default."""
        folders = [self.folder / "templates", *(f / "templates" for f in self.bases)]
        return folders + [BUILTIN_DIR / DEFAULT_LAYOUT / "templates"]

    def settings(self) -> dict:
        """Every value as plain data (for `deckgen layouts show`)."""
        values = {"name": self.name, "folder": str(self.folder), "extends": [str(f) for f in self.bases]}
        for key in EDITABLE:
            value = getattr(self, key)
            values[key] = list(value) if isinstance(value, tuple) else value
        return values

    def banner_colors(self) -> tuple[str, str]:
        """(fill, text) of the classification banner: the configured fill, else the convention for its text."""
        fill, text = BANNER_COLORS.get((self.classification or "").upper(), ("4A4A4A", "FFFFFF"))
        return (self.classification_color or fill), text


EDITABLE = tuple(f.name for f in fields(Layout) if f.name not in ("name", "folder", "bases"))
MAX_EXTENDS = 8


def available_layouts() -> list[str]:
    """Names of the layouts found (user folder first), each once, sorted."""
    names = {p.parent.name for base in (USER_DIR, BUILTIN_DIR) if base.is_dir() for p in base.glob("*/layout.yaml")}
    return sorted(names)


def copy_layout(name_or_path: str, destination: Path) -> Path:
    """Copy a layout folder to ``destination`` (which must not exist) for editing; returns it."""
    import shutil

    source = find_layout(name_or_path)
    if destination.exists():
        raise LayoutError(f"{destination}: already exists; choose a new folder")
    try:
        shutil.copytree(source, destination)
    except OSError as exc:
        raise LayoutError(f"{destination}: cannot copy the layout here ({exc.strerror})") from None
    return destination


def find_layout(name_or_path: str) -> Path:
    """The folder of a layout given by name or path; raises LayoutError listing the known names."""
    candidate = Path(name_or_path)
    given_as_path = "/" in name_or_path or "\\" in name_or_path or candidate.is_absolute()
    if given_as_path and (candidate / "layout.yaml").is_file():
        return candidate
    if re.fullmatch(r"[\w.-]+", name_or_path) and not name_or_path.startswith("."):
        for base in (USER_DIR, BUILTIN_DIR):
            if (base / name_or_path / "layout.yaml").is_file():
                return base / name_or_path
    raise LayoutError(f"layout {name_or_path!r} not found; known layouts: {', '.join(available_layouts())}"
                      " (or give a path to a folder holding layout.yaml)")


def load_layout(name_or_path: str = DEFAULT_LAYOUT, overrides: dict | None = None) -> Layout:
    """Load a layout and apply ``overrides`` (flag or --set values, keys as in layout.yaml).

    Raises LayoutError for footnotes that nothing would show: endnotes without a References
    slide, or footnotes in speaker notes with the notes turned off."""
    layout = _apply(_load_folder(find_layout(name_or_path), depth=0), overrides or {}, "override")
    if layout.footnotes == "references" and "references" not in layout.slides:
        raise LayoutError(f"layout {layout.name}: footnotes=references needs 'references' among the slides"
                          " (or choose footnotes slide, notes or none)")
    if layout.footnotes == "notes" and not layout.notes:
        raise LayoutError(f"layout {layout.name}: footnotes=notes needs speaker notes (drop --no-notes,"
                          " or choose footnotes slide, references or none)")
    return layout


def _load_folder(folder: Path, depth: int) -> Layout:
    """A layout folder's settings on top of the layout it ``extends`` (if any), else the defaults."""
    path = folder / "layout.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise LayoutError(f"{path}: invalid YAML at {yaml_problem(exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LayoutError(f"{path}: cannot read ({exc})") from None
    if not isinstance(raw, dict):
        raise LayoutError(f"{path}: must be a mapping of keys to values")
    base_name = raw.pop("extends", None)
    if base_name is None:
        layout = Layout(name=folder.name, folder=folder)
    elif depth >= MAX_EXTENDS:
        raise LayoutError(f"{path}: more than {MAX_EXTENDS} layouts extend each other (a circle?)")
    else:
        base = _load_folder(_base_folder(str(base_name), folder, path), depth + 1)
        layout = replace(base, name=folder.name, folder=folder, bases=(base.folder, *base.bases))
    return _apply(layout, raw, str(path))


def _base_folder(name: str, folder: Path, path: Path) -> Path:
    """The folder of the layout a layout extends; a user layout may extend the built-in one of its own name."""
    if (USER_DIR / name).resolve() == folder.resolve() and (BUILTIN_DIR / name / "layout.yaml").is_file():
        return BUILTIN_DIR / name
    try:
        return find_layout(name)
    except LayoutError as exc:
        raise LayoutError(f"{path}: extends {exc}") from None


def _apply(layout: Layout, values: dict, where: str) -> Layout:
    changes = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise LayoutError(f"{where}: unknown layout key {key!r} (allowed: {', '.join(EDITABLE)})")
        changes[key] = _validate(key, value, where, getattr(layout, key))
    return replace(layout, **changes)


def _validate(key: str, value, where: str, current):
    def bad(allowed: str):
        return LayoutError(f"{where}: {key}={value!r} is not allowed; expected {allowed}")

    if key == "aspect":
        if str(value) not in ASPECTS:
            raise bad(" or ".join(ASPECTS))
        return str(value)
    if key == "master" and value is not None and where != "override":
        relative = Path(str(value))
        if relative.is_absolute() or ".." in relative.parts:
            raise bad("a file inside the layout folder (a layout cannot reach files outside it)")
    if key == "title_style":
        if value not in TITLE_STYLES:
            raise bad("one of " + ", ".join(TITLE_STYLES))
        return value
    if key == "footnotes":
        if value not in FOOTNOTE_MODES:
            raise bad("one of " + ", ".join(FOOTNOTE_MODES))
        return value
    if key == "slides":
        kinds = [k.strip() for k in value.split(",")] if isinstance(value, str) else list(value or [])
        if not kinds or any(k not in KINDS for k in kinds) or len(set(kinds)) != len(kinds):
            raise bad("a comma-separated list of distinct kinds from " + ", ".join(KINDS))
        return tuple(kinds)
    if key in ("colors", "margins", "master_layouts"):
        return _merge_mapping(key, value, current, bad)
    if key == "classification_color":
        return None if value is None else _color(value, bad)
    if isinstance(current, bool) or key in ("notes", "dtg", "slide_numbers", "accent_bar"):
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "yes", "on", "1", "false", "no", "off", "0"):
            return str(value).lower() in ("true", "yes", "on", "1")
        raise bad("true or false")
    if key == "max_bullets":
        if not str(value).isdigit() or not 1 <= int(value) <= 12:
            raise bad("a whole number from 1 to 12")
        return int(value)
    if isinstance(current, float) or key.endswith(("_size", "_min", "_height")) or key == "space_after":
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise bad("a number") from None
        if not 0 <= number <= 200:
            raise bad("a number from 0 to 200")
        return number
    return None if value is None else str(value)


def _merge_mapping(key: str, value, current, bad) -> dict:
    if not isinstance(value, dict):
        raise bad("a mapping")
    allowed = {"colors": DEFAULT_COLORS, "margins": DEFAULT_MARGINS, "master_layouts": DEFAULT_MASTER_LAYOUTS}[key]
    merged = dict(current)
    for sub, sub_value in value.items():
        if sub not in allowed:
            raise bad(f"keys from {', '.join(allowed)}")
        if key == "colors":
            merged[sub] = _color(sub_value, bad)
        elif key == "margins":
            try:
                merged[sub] = float(sub_value)
            except (TypeError, ValueError):
                raise bad("numbers of inches") from None
        else:
            merged[sub] = str(sub_value)
    return merged


def _color(value, bad) -> str:
    """RRGGBB from '#0B2545', '0b2545' or a YAML number such as 000000 (read as 0)."""
    text = (str(value).zfill(6) if isinstance(value, int) else str(value)).lstrip("#").upper()
    if not re.fullmatch(r"[0-9A-F]{6}", text):
        raise bad("a colour as RRGGBB or #RRGGBB")
    return text

