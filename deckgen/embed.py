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


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text; an empty input gives a (0, dim) array."""
    model = load_model()
    if not texts:
        return np.zeros((0, model.embedding.shape[1]), dtype=np.float32)
    return np.asarray(model.embed(list(texts), norm=True), dtype=np.float32)
