"""DOCX: body paragraphs and table rows in document order (python-docx), each with the role
its paragraph style gives (Title and Heading N: headings; List styles or numbering: list
items; Quote: quotations; Caption: captions; TOC N, Header, Footer: furniture; Footnote
Text: footnotes), and the metadata the document states: the core title (else the first
Title or Heading 1 paragraph, else a centred or bold short line near the start) and author.
The core properties' creation date is when the file was made (python-docx's own template
says 2013), not when the document was issued: the date comes from the text (common.stated_date).

Headers, footers, footnotes, comments and text boxes are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..model import Role
from .common import Block, heading

MAX_UNPACKED_MB = 500  # a .docx is a zip: refuse one that would unpack to more than this (a zip bomb)


def read_docx(data: bytes, path: Path) -> tuple[str, dict]:
    """Raises ValueError for a file that is not a readable .docx package."""
    _check_package(data)
    try:
        return _read(data)
    except KeyError as exc:  # a part the package lists is missing from the zip
        raise ValueError(f"not a readable .docx file (the package lacks a part it needs: {exc.args[0]})") from None
    except Exception as exc:  # python-docx and lxml raise many kinds for a damaged package
        problem = " ".join(str(exc).split())[:120] or exc.__class__.__name__
        raise ValueError(f"not a readable .docx file ({problem})") from None


def _check_package(data: bytes) -> None:
    try:
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except Exception:  # zipfile raises several kinds for a damaged archive
        raise ValueError("not a readable .docx file (not a zip package: truncated or another format?)") from None
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024:
        raise ValueError(f"its parts unpack to {unpacked / 1024 / 1024:.0f} MB, over the "
                         f"{MAX_UNPACKED_MB} MB a .docx may hold")


def _read(data: bytes) -> tuple[list[Block], dict]:
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    blocks = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            blocks.extend(Block(" | ".join(_unique_cells(row)), Role.TABLE_ROW) for row in block.rows)
        else:
            blocks.append(_block(block))
    properties = document.core_properties
    metadata = {"title": properties.title or _first_title(document.paragraphs), "author": properties.author}
    return blocks, {key: value for key, value in metadata.items() if value}


def _block(paragraph) -> Block:
    """The paragraph with the role of its style (or its numbering: a list item)."""
    name = (paragraph.style.name if paragraph.style is not None else "").lower()
    level = _HEADING_LEVEL.match(name)
    if name == "title" or level:
        return heading(paragraph.text, int(level.group(1)) if level else 1)
    for prefix, role in _STYLE_ROLES:
        if name.startswith(prefix):
            return Block(paragraph.text, role)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return Block(paragraph.text, Role.LIST_ITEM if numbered else Role.BODY)


def _first_title(paragraphs, within: int = 10, max_words: int = 15) -> str | None:
    """The first Title or Heading 1 paragraph, else the first short centred or all-bold one among
    the first ``within`` paragraphs with text (a memo's subject line set apart)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for paragraph in paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if paragraph.text.strip() and name in ("Title", "Heading 1"):
            return paragraph.text
    written = [p for p in paragraphs if p.text.strip()][:within]
    for paragraph in written:
        runs = [r for r in paragraph.runs if r.text.strip()]
        set_apart = paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER or (runs and all(r.bold for r in runs))
        if set_apart and len(paragraph.text.split()) <= max_words and ":" not in paragraph.text:
            return paragraph.text
    return None


_HEADING_LEVEL = re.compile(r"heading (\d)$")
_STYLE_ROLES = (("list", Role.LIST_ITEM), ("quote", Role.QUOTATION), ("intense quote", Role.QUOTATION),
                ("caption", Role.CAPTION), ("toc", Role.FURNITURE), ("header", Role.FURNITURE),
                ("footer", Role.FURNITURE), ("footnote", Role.FOOTNOTE), ("endnote", Role.FOOTNOTE),
                ("bibliography", Role.FOOTNOTE))


def _unique_cells(row) -> list[str]:
    """Cell texts of a table row; a merged cell, which python-docx repeats, counted once."""
    texts: list[str] = []
    for cell in row.cells:
        text = " ".join(cell.text.split())
        if not texts or text != texts[-1]:
            texts.append(text)
    return texts
