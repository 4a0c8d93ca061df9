"""Read source documents into normalised text plus metadata.

Readers are registered by file suffix in ``READERS``; each takes the decoded text
and returns the body text and the metadata found in the document itself.
The body text is normalised: ``\\n`` line ends, no control characters, and the
lines inside a paragraph joined by single spaces, so that offsets are stable.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import yaml

from .errors import InputError
from .model import Document, SourceInfo

DEFAULT_MAX_INPUT_MB = 20
METADATA_KEYS = ("title", "publisher", "author", "date", "url")

# C0/C1 controls other than tab and newline, and non-characters python-pptx rejects.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: Path) -> str:
    """Decode bytes: a BOM wins, then strict UTF-8, then cp1252.

    Raises InputError for data that looks binary (NUL bytes without a UTF-16/32 BOM)
    or that no encoding decodes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 or cp1252 text ({exc.reason} at byte {exc.start})") from None


def normalise(text: str) -> str:
    """Unify line ends, drop control characters, join the lines inside each paragraph.

    A paragraph is a block separated by blank lines; in a text with no blank line at
    all, each non-empty line is a paragraph. The result separates paragraphs by one
    blank line and has no leading or trailing white space.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub(" ", text.replace("\t", " "))
    lines = [line.strip() for line in text.split("\n")]
    if any(not line for line in _strip_blank_ends(lines)):
        blocks = re.split(r"\n\s*\n", "\n".join(lines))
        paragraphs = [" ".join(block.split()) for block in blocks]
    else:
        paragraphs = [" ".join(line.split()) for line in lines]
    return "\n\n".join(p for p in paragraphs if p)


def _strip_blank_ends(lines: list[str]) -> list[str]:
    start = next((i for i, line in enumerate(lines) if line), len(lines))
    end = len(lines) - next((i for i, line in enumerate(reversed(lines)) if line), len(lines))
    return lines[start:end]


def read_plain(text: str) -> tuple[str, dict]:
    """Plain text has no metadata of its own."""
    return text, {}


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)


def read_markdown(text: str) -> tuple[str, dict]:
    """Markdown: YAML front matter gives metadata; the first level-1 heading is the
    title when the front matter has none. Headings become paragraphs of their own
    (marked by a leading '#' that segment recognises); links keep their text,
    emphasis markers and list bullets are dropped.
    """
    metadata: dict = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            raise ValueError(f"front matter is not valid YAML: {yaml_problem(exc)}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ValueError("front matter must be a mapping of keys to values")
        metadata = loaded or {}
        text = text[match.end():]
    if "title" not in metadata:
        h1 = next((m.group(2) for m in _HEADING.finditer(text) if len(m.group(1)) == 1), None)
        if h1:
            metadata["title"] = h1
    text = _HEADING.sub(lambda m: f"\n\n# {m.group(2)}\n\n", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _LIST_MARK.sub("\n\n", text)
    return text, metadata


def yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"line {mark.line + 1}: {problem}" if mark else problem


READERS: dict[str, Callable[[str], tuple[str, dict]]] = {
    ".txt": read_plain,
    ".text": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
}


def read_document(path: Path, source_id: str, max_input_mb: float = DEFAULT_MAX_INPUT_MB) -> Document:
    """Read one file into an unsegmented Document.

    Raises InputError naming the file for: a missing or unreadable file, a folder,
    an unknown suffix, a file over ``max_input_mb``, undecodable or empty text.
    """
    data = _read_bytes(path, max_input_mb)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"{path}: unknown document format {path.suffix or '(no suffix)'!r}; known: {known}")
    try:
        body, metadata = reader(decode(data, path))
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from None
    text = normalise(body)
    if not text:
        raise InputError(f"{path}: the document is empty")
    return Document(source=_source_info(path, source_id, metadata), text=text)


def _read_bytes(path: Path, max_input_mb: float) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a document")
        size = path.stat().st_size
        if size > max_input_mb * 1024 * 1024:
            raise InputError(f"{path}: {size / 1024 / 1024:.1f} MB is over the {max_input_mb:g} MB input limit")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _source_info(path: Path, source_id: str, metadata: dict) -> SourceInfo:
    values = {key: metadata.get(key) for key in METADATA_KEYS}
    try:
        values["date"] = parse_date(values["date"], "date")
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from None
    for key in ("title", "publisher", "author", "url"):
        values[key] = str(values[key]) if values[key] is not None else None
    return SourceInfo(id=source_id, path=str(path), **values)


def parse_date(value, what: str) -> date | None:
    """Accept None, a date, a datetime or an ISO 'YYYY-MM-DD[...]' string; raise ValueError naming ``what`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a date of the form YYYY-MM-DD") from None
