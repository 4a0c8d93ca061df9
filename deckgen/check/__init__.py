"""Lint any .pptx for the defects a briefing deck must not ship with.

``check_deck`` opens a deck (ours or anyone's) and returns one ``Finding`` per defect: text
outside its box, shapes off the slide, text under the size floors, missing or repeated titles,
graphics without alt text, low contrast, and footnote markers that no source line resolves.
``style`` reads each slide into the small ``model`` (effective sizes, fonts and colours);
``rules`` and ``footnotes`` are functions over that model. The library never prints or exits.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .footnotes import endnote_entries, unresolved_footnotes
from .model import Context
from .rules import (Finding, contrast_ratio, duplicate_titles, low_contrast, missing_alt_text, missing_title,
                    off_slide, overflow, small_text)
from .style import open_deck, placed_shapes, slide_context, text_blocks, title_of

__all__ = ["Finding", "check_deck", "contrast_ratio"]


def check_deck(path: Path, *, body_min_pt: float = 18, text_min_pt: float = 9,
               min_contrast: float = 4.5, endnotes: bool = False) -> list[Finding]:
    """Every finding in the deck at ``path``, slide by slide, in rule order within a slide.

    A footnote marker may be resolved on its slide or by an endnote on a References slide
    (decks made with ``--footnotes references``); with ``endnotes`` by an entry on any slide.
    A deck without slides is a finding (slide 0). Raises ``CheckError`` when ``path`` is
    missing or not a readable .pptx.
    """
    prs = open_deck(Path(path))
    if not len(prs.slides):
        return [Finding(0, "", "the deck has no slides")]
    deck_entries = endnote_entries(prs, anywhere=endnotes)
    findings: list[Finding] = []
    titles: list[tuple[int, str, str]] = []
    for number, slide in enumerate(prs.slides, start=1):
        findings += _slide_findings(number, slide, slide_context(prs, slide),
                                    body_min_pt, text_min_pt, min_contrast, deck_entries)
        title, text = title_of(slide)
        if text:
            titles.append((number, title.name, text))
    findings += duplicate_titles(titles)
    return sorted(findings, key=lambda finding: finding.slide)


def _slide_findings(number: int, slide, ctx: Context, body_min_pt: float, text_min_pt: float,
                    min_contrast: float, deck_entries: set[int]) -> Iterator[Finding]:
    placed = list(placed_shapes(slide.shapes))
    blocks = text_blocks(ctx, placed)
    yield from missing_title(number, slide)
    for item in placed:
        yield from off_slide(number, item, ctx.slide_size)
        yield from missing_alt_text(number, item)
    for block in blocks:
        yield from overflow(number, block)
        yield from small_text(number, block, body_min_pt, text_min_pt)
        yield from low_contrast(number, block, min_contrast)
    yield from unresolved_footnotes(number, blocks, deck_entries)
