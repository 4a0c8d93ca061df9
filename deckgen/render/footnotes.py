"""Footnote numbering: which number each cited paragraph gets, the marker after an item, and
the source line that resolves the markers on a slide.

Numbers run per slide from 1 (``footnotes: slide``), deck-wide in order of first citation
(``references``: endnotes), or not at all (``notes``, ``none``). No python-pptx here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Citation, SourceInfo
from ..text import Templates
from .items import Item

Key = tuple[str, int]  # (source id, paragraph number)
SUPERSCRIPT = str.maketrans("0123456789,", "⁰¹²³⁴⁵⁶⁷⁸⁹˒")


def endnote_numbers(citations: Iterable[Citation]) -> dict[Key, int]:
    """Deck-wide numbers for the cited paragraphs, from 1 in order of first citation."""
    return {key: n for n, key in enumerate(dict.fromkeys((c.source, c.paragraph) for c in citations), 1)}


def marker_text(item: Item, numbers: Mapping[Key, int]) -> str:
    """' 1,2' for an item citing footnotes 1 and 2; '' when it has none."""
    marks = sorted({numbers[(c.source, c.paragraph)] for c in item.citations if (c.source, c.paragraph) in numbers})
    return " " + ",".join(map(str, marks)) if marks else ""


@dataclass(frozen=True)
class Footnotes:
    """One deck's footnotes: the mode, the endnote numbers (for ``references``), and the
    templates and sources the source lines and endnotes are written from."""

    mode: str
    templates: Templates
    sources: Mapping[str, SourceInfo]
    endnotes: Mapping[Key, int]

    def numbers(self, items: Sequence[Item]) -> dict[Key, int]:
        """Marker number per (source, paragraph) for the items on one slide."""
        if self.mode in ("none", "notes"):
            return {}
        numbers: dict[Key, int] = {}
        for item in items:
            for c in item.citations:
                key = (c.source, c.paragraph)
                if self.mode == "references":
                    numbers[key] = self.endnotes[key]
                else:
                    numbers.setdefault(key, len(numbers) + 1)
        return numbers

    def source_line_runs(self, numbers: Mapping[Key, int]) -> list[tuple[str, bool]]:
        """The source line as (text, superscript) runs, grouped by source:
        'Voice of America, 27 Sep 2024: ¹ para. 1  ² para. 9'."""
        runs: list[tuple[str, bool]] = []
        for source_id in dict.fromkeys(source for source, _ in numbers):
            if runs:
                runs.append(("   ", False))
            runs.append((self.templates.render("footnote_source", source=self.sources[source_id]) + ": ", False))
            entries = [(n, paragraph) for (source, paragraph), n in numbers.items() if source == source_id]
            for index, (number, paragraph) in enumerate(entries):
                runs.append((str(number), True))
                gap = "  " if index < len(entries) - 1 else ""
                runs.append((" " + self.templates.render("footnote", paragraph=paragraph) + gap, False))
        return runs

    def source_line(self, numbers: Mapping[Key, int]) -> str:
        return "".join(text for text, _ in self.source_line_runs(numbers))

    def endnote(self, source_id: str, paragraph: int) -> str:
        """'Voice of America, 27 Sep 2024, para. 3' for the References slide's endnotes."""
        return (self.templates.render("footnote_source", source=self.sources[source_id]) + ", "
                + self.templates.render("footnote", paragraph=paragraph))

    def endnote_lines(self) -> list[str]:
        """'[n] source, para. p' for every endnote, in number order."""
        return [f"[{number}] {self.endnote(source, paragraph)}"
                for (source, paragraph), number in sorted(self.endnotes.items(), key=lambda kv: kv[1])]
