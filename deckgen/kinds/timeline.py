"""Timeline and what to watch: events placed in time, each labelled with its date as data
("Sep 2025 ('next September')"), the event in words of its quote."""

from __future__ import annotations

from dataclasses import replace

from .base import SlideKind

LEGACY_LABEL_END = "'): "  # where the date ended in an item written before labels were data


class TimelineKind(SlideKind):
    name = "timeline"
    keys = ("timeline",)

    def load(self, raw, known):
        """Its items; an item of a file written before labels were kept apart ("Sep 2025 ('next
        September'): The second phase starts.") gets its date back as its label."""
        return tuple(_with_label(point) for point in super().load(raw, known))


def _with_label(point):
    label, found, event = point.text.partition(LEGACY_LABEL_END)
    if point.label or not found or not event:
        return point
    return replace(point, text=event, label=label + "')")


KIND = TimelineKind()
