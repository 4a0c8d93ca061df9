"""python-pptx package work-arounds: opening the master, finding slide layouts and
placeholders by name and idx, adding slides and notes pages fast, and stamping the zip so equal
decks are equal bytes."""

from __future__ import annotations

import copy
import io
import re
import struct
import zipfile
from datetime import datetime

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.util import Inches

from ..errors import LayoutError
from ..layouts import Layout
from .geometry import Box


class NewSlides:
    """Slides added with their layout's placeholders copied from the first slide made with that
    layout: python-pptx clones each placeholder anew, working its id and name out from the slide
    each time; the copies are the same XML."""

    def __init__(self, prs):
        self.prs = prs
        self.placeholders: dict[object, list] = {}  # slide layout part -> its pristine placeholders

    def add(self, slide_layout):
        pristine = self.placeholders.get(slide_layout.part)
        if pristine is None:
            slide = self.prs.slides.add_slide(slide_layout)
            self.placeholders[slide_layout.part] = [copy.deepcopy(e) for e in slide.shapes._spTree.iter_ph_elms()]
            return slide
        relationship, slide = self.prs.part.add_slide(slide_layout)
        slide.shapes._spTree.extend(copy.deepcopy(e) for e in pristine)
        self.prs.slides._sldIdLst.add_sldId(relationship)
        return slide


class NotesPages:
    """Speaker-notes pages, each a copy of the first one python-pptx made from the notes master.

    python-pptx builds every notes page from the notes master and searches the whole package
    for a free part name each time (a quarter of the render time for a 20-slide deck); a copy
    of the pristine first page and a running part number do the same. A notes master without
    a notes body placeholder gets no notes text.
    """

    PARTNAME = "/ppt/notesSlides/notesSlide{}.xml"

    def __init__(self, prs):
        self.package = prs.part.package
        self.pristine = None
        self.master_part = None
        self.taken: set[str] = set()
        self.number = 0

    def write(self, slide, text: str) -> None:
        if self.pristine is None:
            notes = slide.notes_slide
            self.pristine = copy.deepcopy(notes._element)
            self.master_part = notes.part.part_related_by(RELATIONSHIP_TYPE.NOTES_MASTER)
            self.taken = {str(part.partname) for part in self.package.iter_parts()}
        else:
            notes = self.copy_for(slide)
        frame = notes.notes_text_frame
        if frame is not None:
            frame.text = text

    def copy_for(self, slide):
        self.number += 1
        while self.PARTNAME.format(self.number) in self.taken:
            self.number += 1
        part = NotesSlidePart(PackURI(self.PARTNAME.format(self.number)), CONTENT_TYPE.PML_NOTES_SLIDE,
                              self.package, copy.deepcopy(self.pristine))
        part.relate_to(self.master_part, RELATIONSHIP_TYPE.NOTES_MASTER)
        part.relate_to(slide.part, RELATIONSHIP_TYPE.SLIDE)
        slide.part.relate_to(part, RELATIONSHIP_TYPE.NOTES_SLIDE)
        return part.notes_slide


def open_presentation(layout: Layout):
    """The layout's master deck, or python-pptx's default template sized to the layout's aspect."""
    if layout.master_path is None:
        prs = Presentation()
        width, height = layout.slide_size
        prs.slide_width, prs.slide_height = Inches(width), Inches(height)
        return prs
    if not layout.master_path.is_file():
        raise LayoutError(f"{layout.master_path}: no such master file")
    try:
        prs = Presentation(str(layout.master_path))
    except Exception as exc:  # python-pptx raises many kinds for a bad package
        raise LayoutError(f"{layout.master_path}: not a readable .pptx master ({exc.__class__.__name__})") from None
    return prs


def find_slide_layout(prs, layout: Layout, kind: str, required: tuple[int, ...]):
    """The slide layout named for ``kind`` in ``master_layouts``, with placeholders ``required``
    (by idx); raises LayoutError naming what is missing."""
    name = layout.master_layouts[kind]
    where = layout.master_path or "the default template"
    slide_layout = prs.slide_layouts.get_by_name(name)
    if slide_layout is None:
        names = ", ".join(repr(sl.name) for sl in prs.slide_layouts)
        raise LayoutError(f"{where}: no slide layout named {name!r} (it has {names})")
    present = {ph.placeholder_format.idx for ph in slide_layout.placeholders}
    missing = [idx for idx in required if idx not in present]
    if missing:
        what = {0: "title", 1: "body", 2: "second body"}[missing[0]]
        raise LayoutError(f"{where}: slide layout {name!r} has no {what} placeholder (idx {missing[0]})")
    return slide_layout


def layout_box(slide_layout, idx: int) -> Box:
    """Geometry a slide layout gives its placeholder ``idx`` (inherited from the master if unset)."""
    for shape in slide_layout.placeholders:
        if shape.placeholder_format.idx == idx:
            return Box(shape.left, shape.top, shape.width, shape.height)
    raise LayoutError(f"slide layout {slide_layout.name!r} has no placeholder idx {idx}")


# A shape tree's placeholder by idx (an absent idx is 0), found in one compiled query: python-pptx
# builds every shape of the slide and queries each for its placeholder mark.
_PLACEHOLDER = etree.XPath("p:cSld/p:spTree/*[*[1]/p:nvPr/p:ph[@idx = $idx or (not(@idx) and $idx = 0)]]",
                           namespaces={"p": "http://schemas.openxmlformats.org/presentationml/2006/main"})


def placeholder(slide, idx: int):
    """The slide's placeholder with ``idx``, or None."""
    found = _PLACEHOLDER(slide._element, idx=idx)
    return SlideShapeFactory(found[0], slide.shapes) if found else None


def dos_stamp(when: datetime) -> tuple[int, int]:
    """A zip entry's (time, date) fields for ``when``; zip cannot go before 1980."""
    when = max(when.replace(tzinfo=None), datetime(1980, 1, 1))
    return ((when.hour << 11) | (when.minute << 5) | (when.second // 2),
            ((when.year - 1980) << 9) | (when.month << 5) | when.day)


def stamp_zip(data: bytes, when: datetime) -> bytes:
    """The same zip with every entry's modification time set to ``when``, so equal decks are
    equal bytes. The time fields are rewritten in place (local headers and central directory):
    nothing is compressed again."""
    fields = struct.pack("<HH", *dos_stamp(when))
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries, position = package.infolist(), package.start_dir
    for info in entries:
        out[info.header_offset + 10:info.header_offset + 14] = fields  # local file header
        out[position + 12:position + 16] = fields
        name, extra, comment = struct.unpack_from("<HHH", out, position + 28)
        position += 46 + name + extra + comment
    return bytes(out)


def stamp_workbook(blob: bytes, when: datetime) -> bytes:
    """A chart's embedded workbook with its document times set to ``when`` (XlsxWriter stamps
    its zip entries 1980-01-01 itself, but writes the current time into docProps/core.xml)."""
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + iso, content)
            target.writestr(info, content)
    return out.getvalue()
