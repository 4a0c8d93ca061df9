"""Bottom line up front: the planner's lead points, bullets made by deleting words."""

from __future__ import annotations

from ..render.items import BulletGroup, point_item
from .base import SlideKind


class BlufKind(SlideKind):
    name = "bluf"

    def items(self, outline):
        return outline.bluf

    def faithful(self, point) -> bool:
        """A bullet deletes words from its quotes, keeping their order."""
        from ..compress import is_faithful

        return is_faithful(point.text, " ".join(c.quote for c in point.citations))

    def slides(self, outline, context):
        """Always a slide (an empty BLUF says so)."""
        return [BulletGroup(context.title(self.name), tuple(point_item(p) for p in outline.bluf))]


KIND = BlufKind()
