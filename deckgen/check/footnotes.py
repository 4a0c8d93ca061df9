"""The footnote rule: every marker a slide shows is resolved by an entry in another shape on
the slide (a source line), or by an endnote: an entry on a slide titled as a list of
references ("References", "Endnotes", "Sources", "Notes", "Bibliography", "Works cited", with
"(cont.)" and the like after it), or, with ``endnotes``, an entry anywhere in the deck."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

from .model import Block, Run
from .rules import Finding
from .style import placed_shapes, slide_context, text_blocks, title_of

SUPERSCRIPT_MARKER = re.compile(r"^\d+(?:\s*,\s*\d+)*$")
BRACKETED_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
PLAIN_ENTRY = re.compile(r"^\s*(?:\[(\d+)\]\s*\S|(\d+)\.?\s+[^\W\d_])")
# A source line that opens with its label: "Sources: [1] Reuters, 2 May; [2] AP".
SOURCES_LABEL = re.compile(r"^\s*(?:sources?|notes?|footnotes?|endnotes?|references?)\s*:", re.IGNORECASE)
LABELLED_ENTRY = re.compile(r"\[(\d+)\]\s*[^\s\[]")
REFERENCES_TITLE = re.compile(r"^\s*(?:references?|endnotes?|sources?|notes?|bibliography|works cited)\b",
                              re.IGNORECASE)


def endnote_entries(prs, anywhere: bool = False) -> set[int]:
    """Footnote numbers resolved deck-wide: by an entry on a slide titled as a list of
    references, or (``anywhere``) on any slide."""
    return {n for slide in prs.slides if anywhere or REFERENCES_TITLE.match(title_of(slide)[1])
            for block in text_blocks(slide_context(prs, slide), list(placed_shapes(slide.shapes)))
            for line in block.lines() for n in _entries(line)}


def unresolved_footnotes(number: int, blocks: list[Block], deck_entries: set[int]) -> Iterator[Finding]:
    """Footnote markers that no entry in ANOTHER shape on the slide (nor in ``deck_entries``)
    resolves (see ``_markers`` and ``_entries`` for the forms accepted); one finding per shape
    listing its numbers."""
    names: dict[int, str] = {}
    cited: dict[int, set[int]] = {}
    entries: dict[int, set[int]] = {}
    for block in blocks:
        names[block.owner] = block.shape
        for line in block.lines():
            cited.setdefault(block.owner, set()).update(_markers(line))
            entries.setdefault(block.owner, set()).update(_entries(line))
    for owner, numbers in cited.items():
        missing = sorted(numbers.difference(deck_entries, *(found for other, found in entries.items()
                                                           if other != owner)))
        if missing:
            listed = ", ".join(map(str, missing))
            cites = f"footnote marker {listed} has" if len(missing) == 1 else f"footnote markers {listed} have"
            yield Finding(number, names[owner], f"{cites} no source line on this slide")


def _markers(line: tuple[Run, ...]) -> set[int]:
    """Footnote numbers a line cites: its last superscript group when that is digits and commas
    ("1" or "1,2") after some text, with nothing but spaces and punctuation after it; and
    bracketed "[n]" / "[n, m]" anywhere but at the line's start or in a labelled source line
    (there they are entries)."""
    cited: set[int] = set()
    groups = list(_superscripts(line))
    if groups:
        before, raised, after = groups[-1]
        if SUPERSCRIPT_MARKER.match(raised) and before.strip() and not any(ch.isalnum() for ch in after):
            cited |= _numbers(raised)
    text = "".join(run.text for run in line)
    if SOURCES_LABEL.match(text):
        return cited
    for match in BRACKETED_MARKER.finditer(text):
        if text[:match.start()].strip():
            cited |= _numbers(match.group(1))
    return cited


def _entries(line: tuple[Run, ...]) -> set[int]:
    """Footnote numbers a source line resolves: each superscript number that starts a piece of
    text (at the line's start or after a space, ":" or ";") and has text after it, as in
    "1 Voice of America, ..." or "VOA, 27 Sep 2024: 1 para. 1  2 para. 9" with raised numbers;
    a leading "[n]" followed by text, or "n." / "n " followed by a word; and in a line that opens
    with its label ("Sources: [1] Reuters; [2] AP"), each "[n]" followed by text."""
    found = {int(raised) for before, raised, after in _superscripts(line)
             if raised.isdecimal() and (not before or before[-1].isspace() or before[-1] in ":;")
             and any(ch.isalnum() for ch in after)}
    text = "".join(run.text for run in line)
    if SOURCES_LABEL.match(text):
        found |= {int(n) for n in LABELLED_ENTRY.findall(text)}
    match = PLAIN_ENTRY.match(text)
    return found | ({int(match.group(1) or match.group(2))} if match else set())


def _superscripts(line: tuple[Run, ...]) -> Iterator[tuple[str, str, str]]:
    """(text before, stripped superscript text, text after) for each group of adjacent
    superscript runs with visible text."""
    full = "".join(run.text for run in line)
    start = 0
    for raised, runs in groupby(line, key=lambda run: run.baseline > 0):
        text = "".join(run.text for run in runs)
        if raised and text.strip():
            yield full[:start], text.strip(), full[start + len(text):]
        start += len(text)


def _numbers(listed: str) -> set[int]:
    return {int(n) for n in listed.split(",")}
