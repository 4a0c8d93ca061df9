"""By the numbers: figures as written, with what they count and who states them, and bar charts
of figures that measure the same thing."""

from __future__ import annotations

from dataclasses import asdict

from ..model import Chart, Point
from ..render.items import BulletGroup, ChartSlide, point_item
from .base import SlideKind, cited, load_citation, point_dict


class FiguresKind(SlideKind):
    name = "figures"
    keys = ("figures", "charts")

    def collect(self, corpus):
        return (*corpus.extracts["figures"], *corpus.extracts["charts"])

    def citations(self, outline):
        charted = [(f"chart {chart.title[:40]!r}", c) for chart in outline.group(self.name, Chart)
                   for c in chart.citations]
        return [*super().citations(outline), *charted]

    def dump(self, items):
        charts = [item for item in items if isinstance(item, Chart)]
        return {"figures": [point_dict(p) for p in items if isinstance(p, Point)],
                "charts": [{"title": c.title, "unit": c.unit,
                            "bars": [{"label": label, "text": text, "low": low, "high": high,
                                      "citation": asdict(citation)}
                                     for label, text, low, high, citation in zip(c.labels, c.texts, c.lows, c.highs,
                                                                                 c.citations)]}
                           for c in charts]}

    def load(self, raw, known):
        return (*super().load({"figures": raw.get("figures")}, known),
                *(_chart(c, known) for c in raw.get("charts") or []))

    def slides(self, outline, context):
        """One slide of figures, then one chart slide a chart."""
        points = outline.group(self.name, Point)
        group = [BulletGroup(context.title(self.name), tuple(point_item(p) for p in points))] if points else []
        return [*group, *(ChartSlide(context.title(self.name, chart.title), chart)
                          for chart in outline.group(self.name, Chart))]

    def review(self, outline, context):
        charts = [(context.title(self.name, chart.title),
                   [f"- {label}: {text}{cited((c,))}" for label, text, c in zip(chart.labels, chart.texts,
                                                                               chart.citations)])
                  for chart in outline.group(self.name, Chart)]
        return [*super().review(outline, context), *charts]


def _chart(raw: dict, known) -> Chart:
    bars = raw["bars"]
    citations = tuple(load_citation(b["citation"], known, raw["title"]) for b in bars)
    return Chart(str(raw["title"]), raw.get("unit"), tuple(str(b["label"]) for b in bars),
                 tuple(str(b["text"]) for b in bars), tuple(float(b["low"]) for b in bars),
                 tuple(float(b["high"]) for b in bars), citations)


KIND = FiguresKind()
