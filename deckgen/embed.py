"""Sentence embeddings from WordLlama, whose weights ship inside its wheel.

The model is loaded once per process, on first use, never from the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def load_model():
    """Load the bundled WordLlama model; its own lookup path misses the bundled tokenizer,
    so the installed package's folder is passed as the cache."""
    from pathlib import Path

    import wordllama

    return wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


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
    model = load_model()
    if not texts:
        return np.zeros((0, model.embedding.shape[1]), dtype=np.float32)
    missing = list(dict.fromkeys(t for t in texts if t not in _cache))
    if len(_cache) + len(missing) > CACHE_LIMIT:
        _cache.clear()
        missing = list(dict.fromkeys(texts))
    if missing:
        vectors = np.asarray(model.embed(missing, norm=True), dtype=np.float32)
        _cache.update(zip(missing, vectors))
    return np.stack([_cache[t] for t in texts])
