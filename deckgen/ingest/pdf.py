"""PDF: the text as a reader reads it, from pdfminer.six's layout analysis.

pdfminer.six groups characters into lines and lines into text boxes, with each character's
position and size. From those:
- columns are read one after the other: on each page the boxes of a column (found where the
  boxes of two lines or more overlap across the page) are read top to bottom, columns left
  to right, and a box that spans columns (a title, a wide table) ends the band above it;
- footnote and reference numerals (characters smaller than their line and raised above its
  baseline: "corrective action.6 The FAA") are taken out of the sentence;
- list bullets ("•", and "!" as 1990s word processors printed them) are taken off their
  items; words hyphenated at a line end are joined ("recon-" + "stituting"), real hyphens
  kept ("U.S.-" + "allied", "two-" + "phased" where the document writes "two-phased");
- running headers and footers (a line at the top or bottom of the page that recurs, digits
  aside, on at least RUNNING_SHARE of the pages) and page numbers are furniture; so is a box
  at the foot of a page set smaller than the body that opens with a number (a footnote);
- lines make paragraphs by their geometry (see _breaks): one goes on with a full line above
  it that stops mid-sentence, even from the next box (an item's hanging indent, which pdfminer
  boxes apart), and a new paragraph starts after a short line that ends a sentence, at an
  indent, a bullet, the next numbered item, or where the type size changes; a paragraph set
  larger than the body is a heading (the larger, the higher its level), and so is a short one
  in capitals or bold.
Metadata: the title from the document information (unless it is a file name), else a
memo's subject line, else the first heading in the largest type; the author; the issuing body when the information names a
company. The information's creation date is when the file was made, not when the
document was issued (common.stated_date finds that in the text).
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Role
from .common import Block, heading, stated_subject

HEADING_RATIO = 1.15   # a box this much larger than the body text is a heading
SUPERSCRIPT_RATIO = 0.85  # a digit this much smaller than its line, raised, is a note marker
SHORT_RATIO = 0.7      # a line this much shorter than the box's longest may end a paragraph
HANGING_EMS = 3        # a sentence goes on this far (in ems) left or right of its line before
GUTTER_SHARE = 0.15    # see _reading_order
MIN_COLUMN_WIDTH = 40  # points: narrower covered stretches (a margin note's bullet) are no column
EDGE_SHARE = 0.12      # the top and bottom of a page where running headers and footers sit
RUNNING_SHARE = 0.3    # a line recurring on this share of the pages (3 at least) runs with the page
MIN_RUNNING_PAGES = 3
_PAGE_NUMBER = re.compile(r"(?i)(page\s*)?\d{1,6}(\s*(of|/)\s*\d{1,6})?|[-–]\s*\d{1,4}\s*[-–]|[ivxlc]{1,6}")
# What PDF makers write where nobody gave a title or an author.
_PLACEHOLDER = re.compile(r"^\(?(?:anonymous|unknown|unspecified|untitled|none|user|owner|admin|author)\)?$", re.I)
_BULLET = re.compile(r"^(?:[•·▪◦‣○●■□❏!\-–*]\s+|\(cid:\d+\)\s*)(?=\S)")
_NUMBERED = re.compile(r"^(?:\(?(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,5})[.)]|\(\d{1,3}\))\s")  # "2. ", "(b) ", "iv) "
_UNKNOWN_GLYPH = re.compile(r"\(cid:\d+\)")  # pdfminer's name for a glyph with no known character
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_HYPHENATED = re.compile(r"[^\W\d_][\w.]*-[^\W\d_]\w*")
_BOLD = re.compile(r"bold|black|heavy|semibold", re.I)
_NOTE_NUMBER = re.compile(r"^(\d{1,3})\s")
MAX_HEADING_WORDS = 14  # a one-line box in capitals or bold, with no full stop, is a heading up to this long
_FILE_NAME = re.compile(r"^(?:Microsoft \w+ - )?\S+\.(?:docx?|wpd|rtf|pdf|indd|qxd|tex|dvi|sgml?)$", re.I)
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
# pdfminer reports the damage it recovers from as log warnings: a library does not print.
_QUIET = logging.NullHandler()


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    size: float
    bold: bool = False
    note: bool = False  # opens with a note's raised number (taken out): a note of its own


@dataclass(eq=False)
class Box:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    lines: list[Line] = field(default_factory=list)
    markers: set[str] = field(default_factory=set)  # the note numbers taken out of its lines


def read_pdf(data: bytes, path: Path) -> tuple[list[Block], dict]:
    """Raises ValueError for a damaged or password-protected PDF, or one with no text layer."""
    pages, info = _layout(data)
    if not any(pages):
        raise ValueError("the PDF has no text layer (a scanned document? run OCR on it first)")
    blocks = _blocks(pages)
    return blocks, _metadata(info, blocks)


def _layout(data: bytes):
    """Each page's boxes in reading order, and the document information."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    for name in ("pdfminer", "pdfminer.pdfinterp", "pdfminer.pdfpage", "pdfminer.converter"):
        logging.getLogger(name).addHandler(_QUIET)
        logging.getLogger(name).propagate = False
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        info = document.info[0] if document.info else {}
        pages = []
        for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams(boxes_flow=None))):
            boxes = [_box(element, number) for element in page if isinstance(element, LTTextBox)]
            pages.append(_reading_order([b for b in boxes if b.lines], page.width))
    except PDFPasswordIncorrect:
        raise ValueError("the PDF is protected by a password") from None
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        if "password" in str(exc).lower() or "encrypt" in exc.__class__.__name__.lower():
            raise ValueError("the PDF is protected by a password") from None
        raise ValueError(f"not a readable PDF file ({exc.__class__.__name__})") from None
    return pages, info


def _box(element, page: int) -> Box:
    from pdfminer.layout import LTChar, LTTextLine

    box = Box(page, element.x0, element.y0, element.x1, element.y1)
    for line in element:
        if not isinstance(line, LTTextLine):
            continue
        chars = [c for c in line if isinstance(c, LTChar)]
        sizes = [c.size for c in chars if c.get_text().strip()]
        if not sizes:
            continue
        size = statistics.median(sizes)
        full_size = [c for c in chars if c.size >= SUPERSCRIPT_RATIO * size]
        base = min(c.y0 for c in full_size) if full_size else line.y0
        text, marker, note = "", "", False
        for char in line:
            if _is_note_marker(char, size, base):
                marker += char.get_text()
                continue
            if marker:
                box.markers.add(marker)
                note = note or not text.strip()
                marker = ""
            text += char.get_text()
        box.markers.update([marker] if marker else [])
        text = " ".join(text.translate(_LIGATURES).split())
        bold = sum(_BOLD.search(c.fontname) is not None for c in chars) > len(chars) / 2
        if text:
            box.lines.append(Line(text, line.x0, line.x1, size, bold, note))
    return box


def _is_note_marker(char, size: float, base: float) -> bool:
    """A digit smaller than its line and raised above the line's baseline: a note's number."""
    from pdfminer.layout import LTChar

    return (isinstance(char, LTChar) and char.get_text().isdigit() and char.size < SUPERSCRIPT_RATIO * size
            and char.y0 > base + 0.15 * size)


def _reading_order(boxes: list[Box], width: float) -> list[Box]:
    """Columns top to bottom, left to right, in bands that boxes spanning columns separate.

    A column is a stretch across the page that lines cover; a gutter, one that fewer than
    GUTTER_SHARE of the most covered point's lines cross (a title or an address block may).
    A box in one column only is read with its column; a box over a gutter spans columns."""
    coverage = [0] * (int(width) + 2)
    for box in boxes:
        for line in box.lines:
            for x in range(max(int(line.x0), 0), min(int(line.x1), len(coverage))):
                coverage[x] += 1
    floor = GUTTER_SHARE * max(coverage, default=0)
    columns: list[list[float]] = []
    for x, count in enumerate(coverage):
        if count > floor:
            if columns and columns[-1][1] == x - 1:
                columns[-1][1] = x
            else:
                columns.append([x, x])
    columns = [c for c in columns if c[1] - c[0] >= MIN_COLUMN_WIDTH]

    def column(box: Box) -> int | None:
        overlapping = [i for i, (x0, x1) in enumerate(columns) if min(box.x1, x1) - max(box.x0, x0) > 0]
        return overlapping[0] if len(columns) > 1 and len(overlapping) == 1 else None

    ordered: list[Box] = []
    waiting = sorted(boxes, key=lambda b: -b.y1)
    spanning = [b for b in waiting if column(b) is None]
    for stop in [*spanning, None]:
        top = stop.y1 if stop is not None else float("-inf")
        band = [b for b in waiting if column(b) is not None and b.y1 > top]
        ordered += sorted(band, key=lambda b: (column(b), -b.y1))
        taken = {id(b) for b in band} | {id(stop)}
        waiting = [b for b in waiting if id(b) not in taken]
        if stop is not None:
            ordered.append(stop)
    return _rows_joined(ordered)


def _rows_joined(boxes: list[Box]) -> list[Box]:
    """One-line boxes that share a line of the page joined left to right ("To:" and the names
    beside it; "Date:" and the date), a box once the other has been read."""
    joined: list[Box] = []
    for box in boxes:
        before = joined[-1] if joined else None
        if before is not None and len(before.lines) == 1 and len(box.lines) == 1 and _same_row(before, box):
            left, right = sorted((before, box), key=lambda b: b.x0)
            line = Line(f"{left.lines[0].text} {right.lines[0].text}", left.x0, right.x1,
                        max(left.lines[0].size, right.lines[0].size), left.lines[0].bold and right.lines[0].bold)
            joined[-1] = Box(box.page, left.x0, min(left.y0, right.y0), right.x1, max(left.y1, right.y1), [line],
                             left.markers | right.markers)
        else:
            joined.append(box)
    return joined


def _same_row(first: Box, second: Box) -> bool:
    overlap = min(first.y1, second.y1) - max(first.y0, second.y0)
    return overlap > 0.5 * min(first.y1 - first.y0, second.y1 - second.y0)


def _blocks(pages: list[list[Box]]) -> list[Block]:
    """The pages' paragraphs with their roles (see the module's docstring)."""
    boxes = [box for page in pages for box in page]
    sizes = Counter()
    for box in boxes:
        for line in box.lines:
            sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0]
    running = _running_lines(pages)
    groups = [group for number, page in enumerate(pages) for group in _paragraphs(page, running.get(number, set()))]
    heading_sizes = sorted({round(_size(lines)) for _, lines in groups if _size(lines) > body * HEADING_RATIO},
                           reverse=True)
    markers = [set().union(*(b.markers for b in page)) for page in pages]
    words = {w.lower() for box in boxes for line in box.lines for w in _HYPHENATED.findall(line.text)}
    found: list[Block] = []
    for box, lines in groups:
        text = _joined(lines, words)
        note = _NOTE_NUMBER.match(text)
        if _key(lines[0].text) in running.get(box.page, ()) or _PAGE_NUMBER.fullmatch(text):
            found.append(Block(text, Role.FURNITURE))
        elif _size(lines) > body * HEADING_RATIO and len(text.split()) <= MAX_HEADING_WORDS * 2:
            found.append(heading(text, heading_sizes.index(round(_size(lines))) + 1))
        elif _set_apart(text, lines):
            found.append(heading(text, len(heading_sizes) + 1))
        elif note and (note.group(1) in markers[box.page] or _size(lines) < SUPERSCRIPT_RATIO * body):
            found.append(Block(text, Role.FOOTNOTE))
        elif _BULLET.match(text):
            found.append(Block(_UNKNOWN_GLYPH.sub("", _BULLET.sub("", text)), Role.LIST_ITEM))
        else:
            _add(found, Block(_UNKNOWN_GLYPH.sub("", text), Role.BODY), words)
    return found


def _size(lines: list[Line]) -> float:
    return statistics.median(line.size for line in lines)


def _set_apart(text: str, lines: list[Line]) -> bool:
    """A paragraph in capitals or bold, short and with no full stop: a heading set in the body's size."""
    return (len(text.split()) <= MAX_HEADING_WORDS and not _SENTENCE_END.search(text)
            and any(c.isalpha() for c in text) and (text.isupper() or all(line.bold for line in lines)))


def _add(found: list[Block], block: Block, words: set[str]) -> None:
    """Append a body paragraph, or join it to the last one when that one stops mid-sentence and
    this one goes on in lower case (a paragraph that runs on in the next column or page; the
    running lines and footnotes between stay after it)."""
    last = next((i for i in range(len(found) - 1, -1, -1)
                 if found[i].role not in (Role.FURNITURE, Role.FOOTNOTE)), None)
    if last is not None and found[last].role is Role.BODY and block.text[:1].islower() \
            and not _SENTENCE_END.search(found[last].text):
        found[last] = Block(_join(found[last].text, block.text, words), Role.BODY)
    else:
        found.append(block)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _running_lines(pages: list[list[Box]]) -> dict[int, set[str]]:
    """Per page, the keys of its first and last lines that recur (digits aside) near the top or
    bottom of at least RUNNING_SHARE of the pages: running headers and footers."""
    edges: dict[int, set[str]] = {}
    for number, boxes in enumerate(pages):
        if not boxes:
            continue
        top, bottom = max(b.y1 for b in boxes), min(b.y0 for b in boxes)
        height = max(top - bottom, 1)
        edges[number] = {_key(line.text) for b in boxes for line in b.lines
                         if b.y0 >= top - EDGE_SHARE * height or b.y1 <= bottom + EDGE_SHARE * height}
    counts = Counter(key for keys in edges.values() for key in keys)
    needed = max(MIN_RUNNING_PAGES, RUNNING_SHARE * len(pages))
    return {page: {k for k in keys if counts[k] >= needed} for page, keys in edges.items()}


def _paragraphs(boxes: list[Box], running: set[str]):
    """A page's lines grouped into paragraphs, each with the box it starts in (see _breaks); a
    running header's or footer's line runs on into no other box, nor another box into it."""
    paragraph: list[Line] = []
    start = above = None
    for box in boxes:
        full = max(len(line.text) for line in box.lines)
        for index, line in enumerate(box.lines):
            gap = None
            if paragraph and index == 0:
                apart = {_key(paragraph[-1].text), _key(line.text)} & running
                gap = math.inf if apart else above.y0 - box.y1
            if paragraph and _breaks(paragraph, line, full, gap):
                yield start, paragraph
                paragraph = []
            if not paragraph:
                start = box
            paragraph.append(line)
        above = box
    if paragraph:
        yield start, paragraph


def _breaks(paragraph: list[Line], line: Line, full: int, gap: float | None) -> bool:
    """Whether a new paragraph starts at ``line``; ``gap`` is the space above it when it opens a
    box, ``full`` the length of its box's longest line.

    A line goes on with the sentence that a full line before it (no shorter than SHORT_RATIO of
    the longest) breaks off when it comes within HANGING_EMS of that line (at an item's hanging
    indent, or back at the margin under an indented first line) in the same weight, opening no
    item of its own (_opens_item). A new paragraph starts where the type size changes (a title
    drawn just above the text) and at a bullet. In a box: after a short line that ends a
    sentence; at an indent, unless the line goes on with the sentence; at a line that opens an
    item after a short line, after a sentence's end or at the open item's own margin (the list's
    next item). At a box: unless the line goes on with the sentence less than half a line below
    (pdfminer starts a box where a line is neither left, right nor centre aligned with the one
    above, as an item's first line and its hanging indent are not)."""
    before = paragraph[-1]
    if max(line.size, before.size) > HEADING_RATIO * min(line.size, before.size) or _BULLET.match(line.text):
        return True
    ends = bool(_SENTENCE_END.search(before.text))
    full_line = len(before.text) >= SHORT_RATIO * max(full, *(len(other.text) for other in paragraph))
    opens = _opens_item(line)
    shift = line.x0 - before.x0
    goes_on = not ends and full_line and abs(shift) <= HANGING_EMS * line.size and line.bold == before.bold \
        and not opens
    if gap is not None:
        return not (goes_on and abs(gap) < 0.5 * line.size)
    indented = shift > 0.8 * line.size and not goes_on
    next_item = _opens_item(paragraph[0]) and abs(line.x0 - paragraph[0].x0) < 0.8 * line.size
    listed = opens and (ends or not full_line or next_item)
    return (ends and not full_line) or indented or listed


def _opens_item(line: Line) -> bool:
    """The line opens with a number of its own ("2.", "(b)") or a note's raised number."""
    return line.note or bool(_NUMBERED.match(line.text))


def _joined(lines: list[Line], words: set[str]) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text = _join(text, line.text, words)
    return text


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


def _metadata(info: dict, blocks: list[Block]) -> dict:
    title = _text(info.get("Title"))
    if not title or _FILE_NAME.match(title):
        title = stated_subject(b.text for b in blocks) or next(
            (b.text for b in blocks[:40] if b.role is Role.HEADING and b.level == 1), None)
    values = {"title": title, "author": _text(info.get("Author")), "publisher": _text(info.get("Company"))}
    return {key: value for key, value in values.items() if value and not _PLACEHOLDER.match(value)}


def _text(value) -> str | None:
    """A document-information value as text (PDF strings come as bytes or references)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        value = decode_text(value)
    return " ".join(str(value).split()) if value else None
