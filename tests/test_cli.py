"""The CLI through its runner, in a temporary folder; results checked through the library."""

import json
import os

import pytest
from pptx import Presentation
from typer.testing import CliRunner

from deckgen.cli import app

from .conftest import SEED

runner = CliRunner()


@pytest.fixture
def in_tmp(tmp_path, seed_copy):
    """Run in a temporary folder that holds seeds/ as the repository does."""
    old = os.getcwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(old)


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def titles(path):
    return [s.shapes.title.text_frame.text for s in Presentation(str(path)).slides]


def test_build_without_arguments_builds_the_demo(in_tmp):
    result = run("build")
    assert result.exit_code == 0, result.output
    deck = in_tmp / "out" / "iraq-coalition.pptx"
    assert titles(deck)[0] == "Anti-IS coalition to wind down its military mission in Iraq"
    assert "Militia threat" in titles(deck)


def test_build_documents_with_sections_on_the_command_line(in_tmp):
    out = in_tmp / "deck.pptx"
    result = run("build", SEED, "--section", "Phases", "--section", "IS resurgence", "-o", out)
    assert result.exit_code == 0, result.output
    got = titles(out)
    assert got[1:5] == ["Bottom line up front", "Agenda", "Phases", "IS resurgence"]


def test_outline_formats(in_tmp):
    result = run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["title"] for s in data["sections"]] == ["Mission change", "Phases", "Militia threat", "IS resurgence"]
    md = run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-f", "md")
    assert md.stdout.startswith("# Anti-IS coalition") and "## Phases" in md.stdout
    assert run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-f", "yaml", "-o", "o.yaml").exit_code == 0
    assert (in_tmp / "o.yaml").read_text().startswith("title: Anti-IS coalition")


def test_outline_then_render_gives_the_same_deck_as_build(in_tmp):
    assert run("build", "--brief", "seeds/iraq-coalition.brief.yaml", "-o", "built.pptx").exit_code == 0
    assert run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-f", "yaml", "-o", "o.yaml").exit_code == 0
    result = run("render", "o.yaml", "-o", "rendered.pptx")
    assert result.exit_code == 0, result.output
    assert (in_tmp / "built.pptx").read_bytes() == (in_tmp / "rendered.pptx").read_bytes()


def test_check_passes_decks_with_endnotes_without_flags(in_tmp):
    assert run("build", "--footnotes", "references", "-o", "refs.pptx").exit_code == 0
    result = run("check", "refs.pptx")
    assert result.exit_code == 0, result.output


def test_an_edited_outline_is_rendered_as_edited(in_tmp):
    run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-f", "json", "-o", "o.json")
    data = json.loads((in_tmp / "o.json").read_text())
    data["sections"] = data["sections"][:1]
    data["sections"][0]["title"] = "Edited title"
    (in_tmp / "o.json").write_text(json.dumps(data))
    assert run("render", "o.json", "-o", "e.pptx").exit_code == 0
    assert "Edited title" in titles(in_tmp / "e.pptx") and "Phases" not in titles(in_tmp / "e.pptx")


def test_layouts_list_and_show():
    listed = run("layouts")
    assert listed.exit_code == 0 and "briefing" in listed.stdout.split()
    shown = run("layouts", "show", "briefing")
    assert shown.exit_code == 0 and "body_min: 18" in shown.stdout


@pytest.mark.parametrize("command", [[], ["build"], ["outline"], ["render"], ["layouts"], ["check"]])
def test_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage" in result.stdout


def test_help_lists_every_command():
    text = run("--help").stdout
    for name in ("build", "outline", "render", "layouts", "check"):
        assert name in text


@pytest.mark.parametrize("args, problem", [
    (["build", "missing.txt"], "missing.txt: no such file"),
    (["build", "seeds"], "seeds: is a folder"),
    (["build", "empty.txt"], "empty.txt: the document is empty"),
    (["build", "doc.pdfx"], "unknown document format '.pdfx'"),
    (["build", "--brief", "bad.yaml"], "bad.yaml: invalid YAML at line 3"),
    (["build", SEED, "-o", "nowhere/deck.pptx"], "does not exist"),
    (["build", SEED, "--layout", "nope"], "layout 'nope' not found"),
    (["build", SEED, "--set", "body_min=big"], "body_min='big' is not allowed; expected a number"),
    (["build", SEED, "--slides", "title,charts"], "expected a comma-separated list"),
    (["build", SEED, "--summarizer", "magic"], "unknown summarizer 'magic'"),
    (["render", "missing.yaml"], "missing.yaml: no such outline file"),
    (["build", SEED, "-o", "deck.txt"], "deck.txt: a deck is a .pptx file"),
    (["render", "seeds/o.json", "-o", "deck.pdf"], "deck.pdf: a deck is a .pptx file"),
])
def test_errors_are_one_line_exit_2_and_leave_no_output(in_tmp, args, problem):
    (in_tmp / "empty.txt").write_text("")
    (in_tmp / "doc.pdfx").write_text("x")
    (in_tmp / "bad.yaml").write_text("title: ok\nsections: [\n")
    (in_tmp / "seeds" / "o.json").write_text(json.dumps({"title": "T", "sources": [], "sections": []}))
    before = sorted(p.name for p in in_tmp.rglob("*"))
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0], result.stderr
    assert lines[0].startswith("deckgen: error: ")
    assert "Traceback" not in result.output
    assert sorted(p.name for p in in_tmp.rglob("*") if p.name != "out") == [b for b in before if b != "out"]


def test_every_layout_flag_reaches_the_deck(in_tmp):
    out = in_tmp / "flags.pptx"
    result = run("build", SEED, "--section", "Phases", "--layout", "executive", "--aspect", "4:3",
                 "--font", "Arial", "--title-size", "30", "--body-size", "20", "--accent", "#AA0000",
                 "--max-bullets", "2", "--slides", "title,sections,references", "--footnotes", "slide",
                 "--no-notes", "--classification", "UNCLASSIFIED", "--title", "Flag deck",
                 "--subtitle", "Sub", "--as-of", "2024-10-01", "--author", "A. Briefer",
                 "--set", "title_style=topic", "--set", "slide_numbers=false", "-o", out)
    assert result.exit_code == 0, result.output
    prs = Presentation(str(out))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    slides = list(prs.slides)
    assert [s.shapes.title.text_frame.text for s in slides][0] == "Flag deck"
    assert slides[1].shapes.title.text_frame.text == "Phases"
    subtitle = slides[0].placeholders[1].text_frame.text
    assert "Sub" in subtitle and "1 October 2024" in subtitle and "A. Briefer" in subtitle
    runs = [r for s in slides for shape in s.shapes if shape.has_text_frame
            for p in shape.text_frame.paragraphs for r in p.runs]
    assert {r.font.name for r in runs} == {"Arial"}
    title_runs = [r for p in slides[1].shapes.title.text_frame.paragraphs for r in p.runs]
    assert title_runs[0].font.size.pt == 30
    body = slides[1].placeholders[1].text_frame
    assert len(body.paragraphs) <= 2 and body.paragraphs[0].runs[0].font.size.pt <= 20
    assert not any(s.has_notes_slide and s.notes_slide.notes_text_frame.text for s in slides)
    assert all(any(sh.name == "Banner top" for sh in s.shapes) for s in slides)
    assert not any(sh.name == "Slide number" for s in slides for sh in s.shapes)
    accent = [sh for s in slides for sh in s.shapes if sh.name == "Accent line"]
    assert accent and str(accent[0].fill.fore_color.rgb) == "AA0000"
    assert prs.core_properties.author == "A. Briefer"


def test_layouts_copy(in_tmp):
    result = run("layouts", "copy", "executive", "layouts/mine")
    assert result.exit_code == 0, result.output
    assert "mine" in run("layouts").stdout.split()
    again = run("layouts", "copy", "executive", "layouts/mine")
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_render_refuses_a_quote_that_is_not_in_its_paragraph(in_tmp):
    run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-f", "json", "-o", "o.json")
    data = json.loads((in_tmp / "o.json").read_text())
    data["bluf"][0]["citations"][0]["quote"] = "The coalition will leave Iraq tomorrow."
    (in_tmp / "o.json").write_text(json.dumps(data))
    result = run("render", "o.json", "-o", "x.pptx")
    assert result.exit_code == 2
    assert "its quote is not in S1 para." in result.stderr
    assert not (in_tmp / "x.pptx").exists()
    # the passages an emptied section cites are checked the same way
    run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-f", "json", "-o", "o.json")
    data = json.loads((in_tmp / "o.json").read_text())
    data["sections"][0] = {"title": "Spillover", "points": [],
                           "withheld": [{"source": "S1", "paragraph": 2, "quote": "IS is back, he said."}]}
    (in_tmp / "o.json").write_text(json.dumps(data))
    result = run("render", "o.json", "-o", "x.pptx")
    assert result.exit_code == 2 and "section 'Spillover': its quote is not in S1 para. 2" in result.stderr


def test_render_warns_about_words_a_quote_does_not_have(in_tmp):
    run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-f", "json", "-o", "o.json")
    data = json.loads((in_tmp / "o.json").read_text())
    data["bluf"][0]["text"] = "The coalition will leave Iraq tomorrow."
    (in_tmp / "o.json").write_text(json.dumps(data))
    result = run("render", "o.json", "-o", "x.pptx")
    assert result.exit_code == 0
    assert "warning" in result.stderr and "has words its quotes do not have" in result.stderr


def test_keypoints_batch(in_tmp):
    lines = [json.dumps({"id": "a", "text": SEED.read_text()}), "",
             json.dumps({"id": 7, "text": "The council approved the new budget on Monday evening. The mayor said the vote ends a long dispute."})]
    (in_tmp / "in.jsonl").write_text("\n".join(lines) + "\n")
    result = run("keypoints", "--jsonl", "in.jsonl", "--k", "2")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", 7]
    assert all(len(r["points"]) == 2 for r in rows)
    assert rows[0]["points"][0]["citations"][0]["source"] == "S1"


def test_keypoints_bad_line_is_named(in_tmp):
    (in_tmp / "in.jsonl").write_text('{"id": 1, "text": "Fine text here. Yes it is."}\n{"id": 2}\n')
    result = run("keypoints", "--jsonl", "in.jsonl")
    assert result.exit_code == 2 and "in.jsonl: line 2: 'text' must be a string" in result.stderr


def test_build_each_makes_its_output_folder(in_tmp):
    docs = in_tmp / "docs"
    docs.mkdir()
    (docs / "b.md").write_text("# Short\n\nA first sentence of this note. A second sentence of this note.\n")
    result = run("build", "docs", "--each", "-o", "new/decks")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (in_tmp / "new" / "decks").iterdir()] == ["b.pptx"]


def test_outline_takes_every_option_of_build_that_decides_the_outline():
    import typer.main

    commands = typer.main.get_command(app).commands
    options = {name: {p.name for p in commands[name].params} for name in ("build", "outline")}
    assert options["build"] - options["outline"] == {"check", "each", "jobs"}  # -o and --output: each its own


def test_outline_leaves_out_what_the_layouts_slides_do_not_show(in_tmp):
    result = run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "--slides", "title,bluf,sections")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["sections"] and not data["figures"] and not data["quotes"] and not data["timeline"]


def test_build_each_document_of_a_folder(in_tmp):
    docs = in_tmp / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(SEED.read_text())
    (docs / "b.md").write_text("# Short\n\nA first sentence of this note. A second sentence of this note.\n")
    (docs / "skip.bin").write_bytes(b"\x00\x01")
    (docs / "empty.txt").write_text("")
    (in_tmp / "decks").mkdir()
    result = run("build", "docs", "--each", "-o", "decks", "--jobs", "2")
    assert result.exit_code == 2
    assert "docs/empty.txt: the document is empty" in result.stderr
    assert "wrote 2 of 3 decks" in result.stderr
    assert sorted(p.name for p in (in_tmp / "decks").iterdir()) == ["a.pptx", "b.pptx"]
    assert titles(in_tmp / "decks" / "b.pptx")[0] == "Short"


def test_outline_then_render_equals_build_when_extracted_content_is_not_shown(in_tmp):
    kinds = ["--slides", "title,bluf,sections,references", "--footnotes", "references"]
    assert run("build", "--brief", "seeds/iraq-coalition.brief.yaml", *kinds, "-o", "built.pptx").exit_code == 0
    assert run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-o", "o.json").exit_code == 0
    assert run("render", "o.json", *kinds, "-o", "rendered.pptx").exit_code == 0
    assert (in_tmp / "built.pptx").read_bytes() == (in_tmp / "rendered.pptx").read_bytes()


def test_render_flags_override_the_outline_header(in_tmp):
    run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-o", "o.json")
    result = run("render", "o.json", "--title", "New title", "--subtitle", "For the J3",
                 "--as-of", "2024-10-02", "-o", "r.pptx")
    assert result.exit_code == 0, result.output
    first = Presentation(str(in_tmp / "r.pptx")).slides[0]
    assert first.shapes.title.text_frame.text == "New title"
    lines = first.placeholders[1].text_frame.text
    assert "For the J3" in lines and "As of 2 October 2024" in lines


def test_the_author_travels_in_the_outline(in_tmp):
    brief = in_tmp / "seeds" / "iraq-coalition.brief.yaml"
    brief.write_text(brief.read_text() + "author: J. Analyst\n")
    assert run("build", "--brief", brief, "-o", "built.pptx").exit_code == 0
    assert run("outline", "--brief", brief, "-o", "o.json").exit_code == 0
    assert json.loads((in_tmp / "o.json").read_text())["author"] == "J. Analyst"
    assert run("render", "o.json", "-o", "rendered.pptx").exit_code == 0
    assert (in_tmp / "built.pptx").read_bytes() == (in_tmp / "rendered.pptx").read_bytes()
    assert Presentation(str(in_tmp / "built.pptx")).core_properties.author == "J. Analyst"


def test_build_each_takes_the_briefs_sources_and_checks(in_tmp):
    (in_tmp / "decks").mkdir()
    result = run("build", "--each", "--brief", "seeds/iraq-coalition.brief.yaml", "-o", "decks", "--check")
    assert result.exit_code == 0, result.output
    assert "wrote 1 of 1 decks" in result.stderr
    assert (in_tmp / "decks" / "000_673533e19380046e.pptx").exists()


def test_render_checks_every_kind_of_item_not_only_bullets(in_tmp):
    run("outline", "--brief", "seeds/iraq-coalition.brief.yaml", "-f", "json", "-o", "o.json")
    clean = run("render", "o.json", "-o", "clean.pptx")
    assert clean.exit_code == 0 and "warning" not in clean.stderr
    data = json.loads((in_tmp / "o.json").read_text())
    # a figure whose text its quote does not have (the seed's one figure is a bullet: no figures slide)
    troops = next(c for s in data["sections"] for p in s["points"] for c in p["citations"] if "2,500" in c["quote"])
    data["figures"] = [{"text": "25,000 U.S. forces in Iraq", "citations": [troops]}]
    # a chart whose bar cites words its paragraph does not have (the seed itself draws no chart)
    data["charts"] = [{"title": "IS fighters in Iraq and Syria", "unit": None, "bars": [
        {"label": "UN", "text": "30,000", "low": 30000, "high": 30000,
         "citation": {"source": "S1", "paragraph": 34, "quote": "The UN counted 30,000 fighters."}}]}]
    (in_tmp / "o.json").write_text(json.dumps(data))
    refused = run("render", "o.json", "-o", "x.pptx")
    assert refused.exit_code == 2 and "chart 'IS fighters in Iraq and Syria'" in refused.stderr
    data["charts"] = []
    (in_tmp / "o.json").write_text(json.dumps(data))
    warned = run("render", "o.json", "-o", "y.pptx")
    assert warned.exit_code == 0 and "'25,000 U.S. forces in Iraq' has words its quotes do not have" in warned.stderr
