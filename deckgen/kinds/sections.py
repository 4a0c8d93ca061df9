"""The sections the brief or the flags ask for, as the planner filled them: bullets made by
deleting words; an empty section says so, citing what it withheld."""

from __future__ import annotations

from ..render.content import section_group
from .base import SlideKind, cited
from .bluf import BlufKind


class SectionsKind(BlufKind):
    name = "sections"

    def items(self, outline):
        return outline.sections

    def citations(self, outline):
        withheld = [(f"section {s.title[:40]!r}", c) for s in outline.sections for c in s.withheld]
        return [*SlideKind.citations(self, outline), *withheld]

    def slides(self, outline, context):
        return [section_group(s, context.layout, context.title_width) for s in outline.sections]

    def review(self, outline, context):
        """Each section's bullets, or what its empty slide says."""
        from ..outline import EMPTY_TEXT, WITHHELD_TEXT

        def empty(section) -> str:
            return f"- ({WITHHELD_TEXT}{cited(section.withheld)})" if section.withheld else f"- ({EMPTY_TEXT})"

        return [(s.title, [f"- {p.shown}{cited(p.citations)}" for p in s.points] or [empty(s)])
                for s in outline.sections]


KIND = SectionsKind()
