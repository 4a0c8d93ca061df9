"""deckgen: source documents in, a footnoted briefing deck out.

The public surface is small; names are imported on first use so that
``import deckgen`` (and ``deckgen --help``) stays fast.
"""

from .errors import DeckgenError

__version__ = "0.1.0"

_LAZY = {
    "OutlineRequest": "pipeline", "build_outline": "pipeline", "keypoints_for_text": "pipeline",
    "load_brief": "brief", "load_layout": "layouts", "render_deck": "render",
    "load_outline": "outline", "dumps": "outline",
}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'deckgen' has no attribute {name!r}")


__all__ = ["DeckgenError", "__version__", *_LAZY]
