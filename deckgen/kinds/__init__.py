"""Slide kinds, registered by name in ``KINDS`` as input readers are by suffix: each is one
module of this package (or any importable module) holding ``KIND``, a ``SlideKind``.

A kind says how it collects its items from the documents, how its items are written to and
read from the outline file, how they are checked against their quotes, how they read in the
Markdown review and which slides show them. Adding a kind is a new module and one line in
``KINDS``; layouts, ``--slides``, the outline formats, ``verify_outline`` and the renderer work
from this registry (see docs/extending.md). Modules are imported when a kind is first used.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Outline, Point
    from .base import SlideKind

# Slide kind name -> module holding KIND (relative names are inside this package). The order
# is the order of the kinds' groups in outline files and reviews.
KINDS: dict[str, str] = {
    "title": ".title",
    "bluf": ".bluf",
    "agenda": ".agenda",
    "sections": ".sections",
    "figures": ".figures",
    "quotes": ".quotes",
    "timeline": ".timeline",
    "perspectives": ".perspectives",
    "references": ".references",
}


def get_kind(name: str) -> SlideKind:
    """The registered kind ``name``; raises KeyError for a name not in ``KINDS``."""
    return import_module(KINDS[name], __name__).KIND


def all_kinds() -> Iterator[SlideKind]:
    """Every registered kind, in registry order."""
    return (get_kind(name) for name in KINDS)


def all_points(outline: Outline) -> list[Point]:
    """Every point of the outline, kind by kind in registry order."""
    return [point for kind in all_kinds() for point in kind.points(outline)]
