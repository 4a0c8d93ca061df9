"""Read source documents into normalised text plus metadata.

Readers are registered by file suffix in ``READERS`` (module and function, imported
when a file of that kind is first read); each takes the file's bytes and its path and
returns the body text and the metadata found in the document itself (text formats
decode through ``decode``). The body text is normalised:
``\\n`` line ends, no control characters, paragraphs separated by one blank line
and the lines inside a paragraph joined by single spaces, so that offsets are stable.
Heavy libraries (trafilatura, python-docx, pypdf, charset-normalizer) are imported
only by the reader that needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ..errors import InputError
from ..model import Document, SourceInfo
from .common import DEFAULT_MAX_INPUT_MB, METADATA_KEYS, clean_value, normalise, parse_date, yaml_problem
from .text import decode

__all__ = ["DEFAULT_MAX_INPUT_MB", "METADATA_KEYS", "READERS", "decode", "normalise", "parse_date",
           "read_document", "yaml_problem"]

Reader = Callable[[bytes, Path], tuple[str, dict]]

READERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "read_text"),
    ".text": ("text", "read_text"),
    ".md": ("markdown", "read_markdown"),
    ".markdown": ("markdown", "read_markdown"),
    ".html": ("html", "read_html"),
    ".htm": ("html", "read_html"),
    ".docx": ("docx", "read_docx"),
    ".pdf": ("pdf", "read_pdf"),
}


def reader_for(suffix: str) -> Reader | None:
    """The reader registered for ``suffix`` (lower case, with its dot), or None."""
    if suffix not in READERS:
        return None
    module, function = READERS[suffix]
    return getattr(import_module(f".{module}", __name__), function)


def read_document(path: Path, source_id: str, max_input_mb: float = DEFAULT_MAX_INPUT_MB) -> Document:
    """Read one file into an unsegmented Document.

    Raises InputError naming the file for: a missing or unreadable file, a folder,
    an unknown suffix, a file over ``max_input_mb``, undecodable, damaged or empty
    documents, and metadata that is not text or not a date.
    """
    data = _read_bytes(path, max_input_mb)
    reader = reader_for(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"{path}: unknown document format {path.suffix or '(no suffix)'!r}; known: {known}")
    try:
        body, metadata = reader(data, path)
        source = _source_info(path, source_id, metadata)
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from None
    text = normalise(body)
    if not text:
        raise InputError(f"{path}: the document is empty")
    return Document(source=source, text=text)


def _read_bytes(path: Path, max_input_mb: float) -> bytes:
    """The file's bytes; reads at most one byte over the limit, so a device or a growing file cannot flood memory."""
    limit = int(max_input_mb * 1024 * 1024)
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a document")
        if path.exists() and not path.is_file():
            raise InputError(f"{path}: is not a regular file")
        size = path.stat().st_size
        if size <= limit:
            with path.open("rb") as stream:
                data = stream.read(limit + 1)
            size = len(data)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if size > limit:
        raise InputError(f"{path}: {size / 1024 / 1024:.1f} MB is over the {max_input_mb:g} MB input limit"
                         " (raise it with --max-input-mb)")
    return data


def _source_info(path: Path, source_id: str, metadata: dict) -> SourceInfo:
    """Raises ValueError for a value that is not text (a list, a mapping) or a date that is not one."""
    values = {}
    for key in METADATA_KEYS:
        value = metadata.get(key)
        if isinstance(value, (list, dict, set, tuple)):
            raise ValueError(f"metadata {key!r} must be a single value, not a {type(value).__name__}")
        values[key] = parse_date(value, "date") if key == "date" else clean_value(value)
    return SourceInfo(id=source_id, path=str(path), **values)
