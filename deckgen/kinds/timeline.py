"""Timeline and what to watch: events placed in time, each labelled with its date as data
("Sep 2025 ('next September')"), the event in words of its quote."""

from __future__ import annotations

from .base import SlideKind


class TimelineKind(SlideKind):
    name = "timeline"
    keys = ("timeline",)


KIND = TimelineKind()
