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
    ("as_of: 2024-02-30\n", "as_of '2024-02-30' does not exist"),
    ("sources:\n  - path: a.txt\n    date: 2023-13-01\n", "sources entry 1 date '2023-13-01' does not exist"),
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


def test_an_impossible_date_is_one_line_and_exit_2_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from deckgen.cli import app

    brief = tmp_path / "b.yaml"
    brief.write_text("as_of: 2024-02-30\n")
    runner = CliRunner()
    from_brief = runner.invoke(app, ["outline", "--brief", str(brief), str(SEED)])
    assert from_brief.exit_code == 2 and "Traceback" not in from_brief.output
    assert from_brief.output.strip() == (f"deckgen: error: {brief}: as_of '2024-02-30' does not exist"
                                         " (no such day in the calendar)")
    from_flag = runner.invoke(app, ["outline", "--as-of", "2024-02-30", str(SEED)])
    assert from_flag.exit_code == 2 and "'2024-02-30' does not exist" in from_flag.output
    assert "not a date of the form" not in from_flag.output
