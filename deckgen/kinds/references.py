"""References: which sources support which sections, each source in full with the paragraphs
cited, then the endnotes when footnotes go here."""

from __future__ import annotations

from ..render.content import references
from .base import SlideKind


class ReferencesKind(SlideKind):
    name = "references"
    needs_footnotes = True

    def slides(self, outline, context):
        return [references(outline, context.footnotes, context.templates, context.title(self.name))]

    def review(self, outline, context):
        return []


KIND = ReferencesKind()
