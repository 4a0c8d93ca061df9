"""The title slide: the deck's title, and the lines under it from the ``title_lines`` template."""

from __future__ import annotations

from ..render.content import TITLE_SLIDE
from .base import SlideKind


class TitleKind(SlideKind):
    name = "title"

    def slides(self, outline, context):
        return [TITLE_SLIDE]

    def review(self, outline, context):
        return []


KIND = TitleKind()
