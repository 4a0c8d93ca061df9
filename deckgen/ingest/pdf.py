"""PDF: pypdf's text with the paragraphs rebuilt from where each line sits on the page.

pypdf gives lines, not paragraphs. A new paragraph starts where a line
- is set in another font size than the line before (larger than the body: a heading),
- follows a vertical gap clearly wider than the usual line pitch,
- is indented against the line before (a first-line indent), or
- follows a short line that ends a sentence (the last line of a paragraph).
At a page or column change (no usable gap) only the last two cues count. The lines
of a paragraph are joined with spaces; a word hyphenated at a line end is joined
back ("recon-" + "stituting"), but a real hyphen is kept ("U.S.-" + "allied", or
"two-" + "phased" where the document writes "two-phased" elsewhere).
Lines that are only a page number are dropped; running headers and footers are not detected.
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..segment import HEADING_MARK
from .common import join_paragraphs

HEADING_RATIO = 1.15   # a line this much larger than the body text is a heading
GAP_RATIO = 1.4        # a drop this many line pitches wide separates paragraphs
SHORT_RATIO = 0.7      # a line this much shorter than a full line may end a paragraph
_PAGE_NUMBER = re.compile(r"(?i)(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–]")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_HYPHENATED = re.compile(r"[^\W\d_][\w.]*-[^\W\d_]\w*")
# pypdf reports the damage it recovers from as log warnings and adds no handler of its own,
# so Python would print them on stderr: a library does not print.
_QUIET = logging.NullHandler()
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})


@dataclass
class Line:
    text: str
    page: int
    x: float | None
    y: float | None
    size: float


def read_pdf(data: bytes, path: Path) -> tuple[str, dict]:
    """Raises ValueError for a damaged or password-protected PDF, or one with no text layer."""
    reader = _open(data)
    try:
        lines = [line for number, page in enumerate(reader.pages) for line in _page_lines(page, number)]
        metadata = _metadata(reader)
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise ValueError(f"not a readable PDF file ({exc.__class__.__name__})") from None
    if not lines:
        raise ValueError("the PDF has no text layer (a scanned document? run OCR on it first)")
    return join_paragraphs(_paragraphs(lines)), metadata


def _open(data: bytes):
    from pypdf import PasswordType, PdfReader

    logging.getLogger("pypdf").addHandler(_QUIET)
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED
    except Exception as exc:  # pypdf raises many kinds for a damaged or oddly encrypted file
        raise ValueError(f"not a readable PDF file ({exc.__class__.__name__})") from None
    if locked:
        raise ValueError("the PDF is protected by a password")
    return reader


def _metadata(reader) -> dict:
    info = reader.metadata
    if info is None:
        return {}
    try:
        created = info.creation_date
    except ValueError:  # a malformed date string
        created = None
    values = {"title": info.title, "author": info.author, "date": created}
    return {key: value for key, value in values.items() if value}


def _page_lines(page, number: int) -> list[Line]:
    """The page's lines in content order, each with where its first text was drawn."""
    pieces = []

    def visit(text, cm, tm, font, font_size):
        if text:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            pieces.append((text, x, y, font_size * scale))

    page.extract_text(visitor_text=visit)
    lines: list[Line] = []
    current: Line | None = None
    for text, x, y, size in pieces:
        for i, part in enumerate(text.translate(_LIGATURES).split("\n")):
            if i and current is not None:
                lines.append(current)
                current = None
            if not part.strip():
                continue
            if current is None:  # only the first part of a piece has a known position
                current = Line("", number, x if i == 0 else None, y if i == 0 else None, size)
            current.text += part
    if current is not None:
        lines.append(current)
    for line in lines:
        line.text = " ".join(line.text.split())
    return [line for line in lines if not _PAGE_NUMBER.fullmatch(line.text)]


def _paragraphs(lines: list[Line]):
    sizes = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0]  # the size most of the text is set in
    drops = [a.y - b.y for a, b in zip(lines, lines[1:])
             if a.page == b.page and a.y is not None and b.y is not None and a.y > b.y]
    pitch = statistics.median(drops) if drops else None
    lengths = sorted(len(line.text) for line in lines)
    full = lengths[int(0.9 * (len(lengths) - 1))]
    words = {w.lower() for line in lines for w in _HYPHENATED.findall(line.text)}

    def heading(line: Line) -> bool:
        return line.size > body * HEADING_RATIO

    def starts_paragraph(before: Line, line: Line) -> bool:
        if heading(before) or heading(line):
            return not (heading(before) and heading(line) and abs(before.size - line.size) < 0.5)
        indented = before.x is not None and line.x is not None and line.x > before.x + 0.8 * line.size
        short_end = len(before.text) < SHORT_RATIO * full and bool(_SENTENCE_END.search(before.text))
        if indented or short_end:
            return True
        same_column = (before.page == line.page and before.y is not None and line.y is not None
                       and before.y > line.y)
        return same_column and pitch is not None and before.y - line.y > GAP_RATIO * pitch

    paragraph = [lines[0]]
    for before, line in zip(lines, lines[1:]):
        if starts_paragraph(before, line):
            yield _joined(paragraph, words, heading(paragraph[0]))
            paragraph = []
        paragraph.append(line)
    yield _joined(paragraph, words, heading(paragraph[0]))


def _joined(lines: list[Line], words: set[str], heading: bool) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text = _join(text, line.text, words)
    return HEADING_MARK + text if heading else text


def _join(text: str, following: str, words: set[str]) -> str:
    """Join two lines of one paragraph, undoing a hyphenation at the line break."""
    if not text.endswith("-") or text.endswith(" -") or len(text) < 2:
        return f"{text} {following}"
    head = re.search(r"[\w.]*-$", text).group()
    tail = re.match(r"\w*", following).group()
    if text[-2].isalpha() and text[-2].islower() and following[:1].islower() \
            and f"{head}{tail}".lower() not in words:
        return text[:-1] + following
    return text + following
