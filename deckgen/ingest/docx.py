"""DOCX: body paragraphs and table rows in document order (python-docx), headings marked
'# ', and the core properties title, author and creation date as metadata.

Headers, footers, footnotes, comments and text boxes are not read.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..segment import HEADING_MARK
from .common import join_paragraphs

MAX_UNPACKED_MB = 500  # a .docx is a zip: refuse one that would unpack to more than this (a zip bomb)


def read_docx(data: bytes, path: Path) -> tuple[str, dict]:
    """Raises ValueError for a file that is not a readable .docx package."""
    _check_package(data)
    try:
        return _read(data)
    except Exception as exc:  # python-docx and lxml raise many kinds for a damaged package
        raise ValueError(f"not a readable .docx file ({exc.__class__.__name__})") from None


def _check_package(data: bytes) -> None:
    try:
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except Exception:  # zipfile raises several kinds for a damaged archive
        raise ValueError("not a readable .docx file (not a zip package: truncated or another format?)") from None
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024:
        raise ValueError(f"its parts unpack to {unpacked / 1024 / 1024:.0f} MB, over the "
                         f"{MAX_UNPACKED_MB} MB a .docx may hold")


def _read(data: bytes) -> tuple[str, dict]:
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    blocks = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            blocks.extend(" | ".join(_unique_cells(row)) for row in block.rows)
        elif _is_heading(block):
            blocks.append(HEADING_MARK + block.text if block.text.strip() else "")
        else:
            blocks.append(block.text)
    properties = document.core_properties
    metadata = {"title": properties.title, "author": properties.author, "date": properties.created}
    return join_paragraphs(blocks), {key: value for key, value in metadata.items() if value}


def _is_heading(paragraph) -> bool:
    name = paragraph.style.name if paragraph.style is not None else ""
    return name == "Title" or name.startswith("Heading")


def _unique_cells(row) -> list[str]:
    """Cell texts of a table row; a merged cell, which python-docx repeats, counted once."""
    texts: list[str] = []
    for cell in row.cells:
        text = " ".join(cell.text.split())
        if not texts or text != texts[-1]:
            texts.append(text)
    return texts
