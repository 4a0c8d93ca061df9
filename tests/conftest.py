"""Shared fixtures: the seed, its brief, and a CLI runner working in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_673533e19380046e.txt"
BRIEF = ROOT / "seeds" / "iraq-coalition.brief.yaml"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A folder holding a copy of seeds/ (article and brief)."""
    target = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", target)
    return target


@pytest.fixture(scope="session")
def seed_outline():
    """The seed's outline built from its brief with the default summarizer."""
    from deckgen.brief import load_brief
    from deckgen.pipeline import OutlineRequest, build_outline

    return build_outline(OutlineRequest(brief=load_brief(BRIEF)))


@pytest.fixture(scope="session")
def seed_deck(tmp_path_factory, seed_outline) -> Path:
    """The seed deck rendered once with the default layout."""
    from deckgen.layouts import load_layout
    from deckgen.render import render_deck

    out = tmp_path_factory.mktemp("deck") / "seed.pptx"
    render_deck(seed_outline, load_layout(), out)
    return out
