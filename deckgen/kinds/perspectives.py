"""Perspectives: statements grouped by who makes them, one slide a group; or, when claims pull
apart, the two sides in columns (contrasts), which then take the groups' place."""

from __future__ import annotations

from ..model import Contrast, Section
from ..render.items import BulletGroup, ColumnSlides, point_item
from .base import SlideKind, cited, load_section, section_dict


class PerspectivesKind(SlideKind):
    name = "perspectives"
    keys = ("perspectives", "contrasts")

    def collect(self, corpus):
        return (*corpus.extracts["perspectives"], *corpus.extracts["contrasts"])

    def dump(self, items):
        return {"perspectives": [section_dict(s) for s in items if isinstance(s, Section)],
                "contrasts": [{"topic": c.topic, "sides": [section_dict(s) for s in c.sides]}
                              for c in items if isinstance(c, Contrast)]}

    def load(self, raw, known):
        return (*(load_section(s, known) for s in raw.get("perspectives") or []),
                *(Contrast(str(c["topic"]), tuple(load_section(s, known) for s in c["sides"]))
                  for c in raw.get("contrasts") or []))

    def slides(self, outline, context):
        contrasts = [ColumnSlides(context.title(self.name, c.topic), c) for c in outline.group(self.name, Contrast)
                     if sum(bool(side.points) for side in c.sides[:2]) == 2]
        if contrasts:
            return contrasts
        return [BulletGroup(context.title(self.name, group.title), tuple(point_item(p) for p in group.points))
                for group in outline.group(self.name, Section) if group.points]

    def review(self, outline, context):
        """Every group and every contrast, side by side as nested lists."""
        groups = [(context.title(self.name, g.title), [f"- {p.shown}{cited(p.citations)}" for p in g.points])
                  for g in outline.group(self.name, Section)]
        contrasts = [(context.title(self.name, c.topic),
                      [line for side in c.sides
                       for line in (f"- {side.title}:", *(f"  - {p.shown}{cited(p.citations)}" for p in side.points))])
                     for c in outline.group(self.name, Contrast)]
        return [(heading, lines) for heading, lines in [*groups, *contrasts] if lines]


KIND = PerspectivesKind()
