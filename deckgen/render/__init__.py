"""Lay an Outline into a .pptx deck; the only package that writes python-pptx objects.

Every slide has a real title placeholder; bullets live in the body placeholder; each bullet
ends with superscript footnote markers resolved by the source line at the foot of the same
slide. Text is measured with ``fit`` and never placed in a box it does not fit: it shrinks to
the layout's floor, then continues on a "(cont.)" slide that carries its own footnotes.

What each slide kind shows is decided by its module under ``deckgen/kinds``. Here, one module
per job: ``content`` (a section's headline, the references, what a planned slide cites),
``paginate`` (what fits on a slide), ``footnotes`` (numbering and source lines), ``geometry``
(boxes), ``draw`` (text and shapes), ``charts``, ``package`` (python-pptx work-arounds and zip
stamping) and ``deck`` (the slides in order). The public names below load python-pptx only when first used, so the
pure modules (``paginate``, ``footnotes``, ``geometry``, ``content``) import without it.
"""

from __future__ import annotations

from importlib import import_module

_PUBLIC = {"render_deck": "deck", "open_master": "deck", "Master": "deck", "RenderOptions": "deck"}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _PUBLIC:
        return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
