"""Key quotes: verbatim, each with its speaker (``extras`` chooses them)."""

from __future__ import annotations

from .base import SlideKind


class QuotesKind(SlideKind):
    name = "quotes"
    keys = ("quotes",)


KIND = QuotesKind()
