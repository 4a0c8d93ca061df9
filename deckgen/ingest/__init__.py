"""Read source documents into paragraphs with roles plus metadata.

Readers are registered by file suffix in ``READERS`` (module and function, imported
when a file of that kind is first read); each takes the file's bytes and its path and
returns the document's blocks (``Block``: text, role, heading level) in reading order and
the metadata found in the document itself (text formats decode through ``decode``).
``read_document`` then applies the furniture rules (``furniture.document_roles``) and lays
the blocks out as the document's text: white space inside each collapsed, control
characters dropped, note numbers glued to sentences taken out ("action.6 The"), one blank
line between paragraphs, so that offsets are stable; each
paragraph keeps its role and its number in the source, furniture included.
Heavy libraries (trafilatura, python-docx, pdfminer.six, charset-normalizer) are imported
only by the reader that needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ..errors import InputError
from ..model import TEXT_ROLES, Document, Paragraph, SourceInfo
from .common import (DEFAULT_MAX_INPUT_MB, METADATA_KEYS, Block, clean_value, normalise, parse_date,
                     stated_date, without_note_markers, yaml_problem)
from .furniture import document_roles
from .text import decode

__all__ = ["DEFAULT_MAX_INPUT_MB", "METADATA_KEYS", "READERS", "Block", "decode", "normalise", "parse_date",
           "read_document", "yaml_problem"]

Reader = Callable[[bytes, Path], tuple[list[Block], dict]]

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
        blocks, metadata = reader(data, path)
        text, paragraphs = lay_out(blocks)
        if not metadata.get("date"):
            laid_out = [Block(text[p.start:p.end], p.role, p.level) for p in paragraphs]
            metadata = {**metadata, "date": stated_date(laid_out)}
        source = _source_info(path, source_id, metadata)
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from None
    if not text:
        raise InputError(f"{path}: the document is empty")
    return Document(source=source, text=text, paragraphs=paragraphs)


def lay_out(blocks: list[Block]) -> tuple[str, tuple[Paragraph, ...]]:
    """The text of the blocks (each normalised to one line, empty ones dropped, a blank line
    between) and their paragraphs, numbered from 1, with the roles the furniture rules give."""
    kept = [(line, block) for block in blocks
            for line in [normalise(_marked_out(block)).replace("\n\n", " ")] if line]
    roles = document_roles([line for line, _ in kept], [b.role for _, b in kept], [b.level for _, b in kept])
    paragraphs, start = [], 0
    for number, ((line, block), role) in enumerate(zip(kept, roles), start=1):
        paragraphs.append(Paragraph(number, start, start + len(line), role, block.level if role is block.role else 0))
        start += len(line) + 2
    return "\n\n".join(line for line, _ in kept), tuple(paragraphs)


def _marked_out(block: Block) -> str:
    """A block's text, note numbers glued to its sentences taken out when it holds sentences."""
    return without_note_markers(block.text) if block.role in TEXT_ROLES else block.text


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
