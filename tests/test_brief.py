from datetime import date

import pytest

from deckgen.brief import load_brief
from deckgen.errors import BriefError
from deckgen.model import SectionSpec

from .conftest import BRIEF, SEED


def test_seed_brief():
    brief = load_brief(BRIEF)
    assert brief.title == "Anti-IS coalition to wind down its military mission in Iraq"
    assert [s.title for s in brief.sections] == ["Mission change", "Phases", "Militia threat", "IS resurgence"]
    (entry,) = brief.sources
    assert entry.path.resolve() == SEED.resolve()
    assert entry.metadata["publisher"].startswith("Voice of America")
    assert entry.metadata["date"] == date(2024, 9, 27)
    assert brief.metadata_for(SEED) == entry.metadata


def test_sections_may_carry_descriptions(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("sections:\n  - Plain\n  - title: Described\n    description: what it covers\n")
    assert load_brief(path).sections == (SectionSpec("Plain"), SectionSpec("Described", "what it covers"))


@pytest.mark.parametrize("text, problem", [
    ("title: [unclosed\n", "invalid YAML at line 2"),
    ("titel: typo\n", "unknown key 'titel'"),
    ("sources:\n  - path: a.txt\n    publsher: x\n", "unknown key 'publsher' in sources entry 1"),
    ("sources:\n  - publisher: x\n", "sources entry 1 has no 'path'"),
    ("as_of: yesterday\n", "as_of 'yesterday' is not a date"),
    ("sections: Mission\n", "'sections' must be a list"),
    ("- a\n- b\n", "must be a mapping"),
])
def test_malformed_briefs_name_the_file_and_problem(tmp_path, text, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(BriefError, match=problem) as error:
        load_brief(path)
    assert str(path) in str(error.value)


def test_missing_brief(tmp_path):
    with pytest.raises(BriefError, match="no such brief file"):
        load_brief(tmp_path / "none.yaml")
