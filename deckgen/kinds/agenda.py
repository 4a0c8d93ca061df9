"""The agenda: the section titles, no citations; no sections, no agenda."""

from __future__ import annotations

from ..render.items import BulletGroup, Item
from .base import SlideKind


class AgendaKind(SlideKind):
    name = "agenda"

    def items(self, outline):
        return ()

    def slides(self, outline, context):
        if not outline.sections:
            return []
        return [BulletGroup(context.title(self.name), tuple(Item(s.title) for s in outline.sections))]

    def review(self, outline, context):
        return []


KIND = AgendaKind()
