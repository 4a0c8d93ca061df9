"""Sentence embeddings from WordLlama, whose weights ship inside its wheel.

The model is loaded once per process, on first use, never from the network; inside
``model_in_background`` it is loaded in a forked child instead, which computes every
embedding the block asks for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def load_model():
    """Load the bundled WordLlama model; its own lookup path misses the bundled tokenizer,
    so the installed package's folder is passed as the cache."""
    from pathlib import Path

    import wordllama

    return wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def _embedder() -> Callable[[list[str]], np.ndarray]:
    """Loads the model and returns the function that embeds a list of texts (unit length,
    float32; an empty list gives a (0, dim) array)."""
    model = load_model()

    def embed_texts(texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, model.embedding.shape[1]), dtype=np.float32)
        return np.asarray(model.embed(texts, norm=True), dtype=np.float32)
    return embed_texts


_background = None  # the Server of an open ``model_in_background`` block


@contextmanager
def model_in_background() -> Iterator[None]:
    """Within the block, the model loads in a forked child while the caller goes on, and
    ``embed`` asks that child (same model, same vectors); where there is no fork the block
    changes nothing. The child ends with the block."""
    global _background
    from .background import Server, load_models

    def setup():
        load_models()  # every model a worker needs, the embedding model among them
        return _embedder()

    with Server(setup) as server:
        _background = server
        try:
            yield
        finally:
            _background = None


CACHE_LIMIT = 200_000  # texts remembered (about 200 MB at most); the stages embed the same sentences
_cache: dict[str, np.ndarray] = {}


def forget_embeddings() -> None:
    """Start a new build: nothing is shared between documents built one after another."""
    _cache.clear()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text; an empty input gives a (0, dim) array.

    Each text is embedded once until ``forget_embeddings``: within one build the summarizer,
    corroboration and extraction ask for the same sentences, and a text's embedding does not
    depend on the others in a call.
    """
    compute = _background.call if _background else _embedder()
    if not texts:
        return compute([])
    missing = list(dict.fromkeys(t for t in texts if t not in _cache))
    if len(_cache) + len(missing) > CACHE_LIMIT:
        _cache.clear()
        missing = list(dict.fromkeys(texts))
    if missing:
        _cache.update(zip(missing, compute(missing)))
    return np.stack([_cache[t] for t in texts])
