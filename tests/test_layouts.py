"""Layout folders, their values and overrides, templates in the sandbox, user masters."""

import os

import pytest
from pptx import Presentation

from deckgen.errors import LayoutError
from deckgen.layouts import available_layouts, copy_layout, load_layout
from deckgen.render import render_deck
from deckgen.text import Templates

BUILTIN = ("briefing", "executive", "handout")


def test_builtin_layouts_are_really_different():
    layouts = [load_layout(name) for name in BUILTIN]
    assert {layout.aspect for layout in layouts} == {"16:9", "4:3"}
    assert len({layout.font for layout in layouts}) == 3
    assert len({layout.max_bullets for layout in layouts}) == 3
    assert load_layout("executive").title_style == "assertion"
    assert set(BUILTIN) <= set(available_layouts())


def test_overrides_win_and_merge_colours():
    layout = load_layout("briefing", {"aspect": "4:3", "colors": {"accent": "#aa0000"}, "max_bullets": "3"})
    assert (layout.aspect, layout.max_bullets) == ("4:3", 3)
    assert layout.colors["accent"] == "AA0000" and layout.colors["text"] == "1B1B1B"


@pytest.mark.parametrize("overrides, problem", [
    ({"aspect": "21:9"}, "aspect='21:9' is not allowed; expected 16:9 or 4:3"),
    ({"footnotes": "margin"}, "expected one of slide, notes, references, none"),
    ({"colors": {"accent": "blue"}}, "a colour as RRGGBB"),
    ({"colors": {"glow": "FFFFFF"}}, "keys from background"),
    ({"max_bullets": 40}, "a whole number from 1 to 12"),
    ({"notes": "maybe"}, "true or false"),
    ({"bogus": 1}, "unknown layout key 'bogus'"),
])
def test_bad_values_say_what_is_allowed(overrides, problem):
    with pytest.raises(LayoutError, match=problem):
        load_layout("briefing", overrides)


@pytest.mark.parametrize("name", ["../../etc", "/etc", "no-such-layout", ".hidden"])
def test_layout_names_cannot_escape(name):
    with pytest.raises(LayoutError, match="not found"):
        load_layout(name)


@pytest.fixture
def user_dir(tmp_path):
    old = os.getcwd()
    os.chdir(tmp_path)
    (tmp_path / "layouts").mkdir()
    yield tmp_path / "layouts"
    os.chdir(old)


def test_user_layout_extends_and_overrides_a_template(user_dir, seed_outline, tmp_path):
    folder = user_dir / "house"
    (folder / "templates").mkdir(parents=True)
    (folder / "layout.yaml").write_text("extends: executive\nmax_bullets: 2\n")
    (folder / "templates" / "footnote_source.j2").write_text("SRC {{ source.id }}")
    layout = load_layout("house")
    assert (layout.font, layout.max_bullets) == ("Calibri", 2)
    out = tmp_path / "house.pptx"
    render_deck(seed_outline, layout, out)
    footers = [s.text_frame.text for slide in Presentation(str(out)).slides for s in slide.shapes
               if s.name == "Footnotes"]
    assert footers and all(text.startswith("SRC S1:") for text in footers)


def test_user_folder_is_searched_first(user_dir):
    copy_layout("handout", user_dir / "briefing")
    assert load_layout("briefing").aspect == "4:3"


def test_an_extends_circle_is_an_error(user_dir):
    for a, b in (("a", "b"), ("b", "a")):
        (user_dir / a).mkdir()
        (user_dir / a / "layout.yaml").write_text(f"extends: {b}\n")
    with pytest.raises(LayoutError, match="extend each other"):
        load_layout("a")


def test_copy_refuses_an_existing_folder(tmp_path):
    with pytest.raises(LayoutError, match="already exists"):
        copy_layout("briefing", tmp_path)


def test_missing_template_field_names_file_line_and_field(tmp_path):
    (tmp_path / "x.j2").write_text("line one\n{{ source.nope }}\n")
    with pytest.raises(LayoutError, match=r"x.j2, line 2: .*nope"):
        Templates([tmp_path]).render("x", source={"id": "S1"})


@pytest.mark.parametrize("template", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{% import 'os' as os %}",
    "{% include '/etc/passwd' %}",
])
def test_templates_cannot_reach_python_or_files(tmp_path, template):
    (tmp_path / "evil.j2").write_text(template)
    with pytest.raises(LayoutError, match="evil.j2"):
        Templates([tmp_path]).render("evil")


@pytest.fixture
def master(tmp_path):
    """A user master: python-pptx's template with a renamed content layout."""
    prs = Presentation()
    prs.slide_layouts.get_by_name("Title and Content")._element.cSld.set("name", "Body Page")
    path = tmp_path / "master.pptx"
    prs.save(str(path))
    return path


def test_user_master_with_named_layouts(master, seed_outline, tmp_path):
    layout = load_layout("briefing", {"master": str(master), "master_layouts": {"content": "Body Page"}})
    out = tmp_path / "m.pptx"
    render_deck(seed_outline, layout, out)
    slides = Presentation(str(out)).slides
    assert slides[1].slide_layout.name == "Body Page"


def test_master_missing_a_layout_is_named_before_anything_is_written(master, seed_outline, tmp_path):
    layout = load_layout("briefing", {"master": str(master)})
    with pytest.raises(LayoutError, match="no slide layout named 'Title and Content'.*'Body Page'"):
        render_deck(seed_outline, layout, tmp_path / "m.pptx")
    assert not (tmp_path / "m.pptx").exists()


def test_master_missing_a_placeholder(master, seed_outline, tmp_path):
    prs = Presentation(str(master))
    body_layout = prs.slide_layouts.get_by_name("Body Page")
    body = next(p for p in body_layout.placeholders if p.placeholder_format.idx == 1)
    body._element.getparent().remove(body._element)
    prs.save(str(master))
    layout = load_layout("briefing", {"master": str(master), "master_layouts": {"content": "Body Page"}})
    with pytest.raises(LayoutError, match="'Body Page' has no body placeholder"):
        render_deck(seed_outline, layout, tmp_path / "m.pptx")


def test_corrupt_master(tmp_path, seed_outline):
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(LayoutError, match="not a readable .pptx master"):
        render_deck(seed_outline, load_layout("briefing", {"master": str(bad)}), tmp_path / "o.pptx")


def test_footnote_modes(seed_outline, tmp_path):
    def deck(mode):
        out = tmp_path / f"{mode}.pptx"
        render_deck(seed_outline, load_layout("briefing", {"footnotes": mode}), out)
        return Presentation(str(out))

    def footers(prs):
        return [s for slide in prs.slides for s in slide.shapes if s.name == "Footnotes"]

    def superscripts(prs):
        return [r for slide in prs.slides for s in slide.placeholders for p in s.text_frame.paragraphs
                for r in p.runs if r._r.rPr.get("baseline") == "30000"]

    assert footers(deck("slide"))
    references = deck("references")
    assert not footers(references) and superscripts(references)
    endnotes = [p.text for slide in references.slides if slide.shapes.title.text_frame.text.startswith("References")
                for s in slide.placeholders if s.placeholder_format.idx == 1 for p in s.text_frame.paragraphs]
    first = next(i for i, text in enumerate(endnotes) if text.startswith("[1] "))
    assert endnotes[first].startswith("[1] Voice of America (with material from Agence France-Presse), 27 Sep 2024, para.")
    assert any(text.startswith("[S1] Voice of America") for text in endnotes[:first])
    for mode in ("notes", "none"):
        prs = deck(mode)
        assert not footers(prs) and not superscripts(prs)


def test_slide_kinds_in_the_order_given(seed_outline, tmp_path):
    out = tmp_path / "k.pptx"
    render_deck(seed_outline, load_layout("briefing", {"slides": "agenda,title"}), out)
    slides = Presentation(str(out)).slides
    assert [s.shapes.title.text_frame.text for s in slides] == ["Agenda", seed_outline.title]


def test_banner_text_and_colour_from_configuration(seed_outline, tmp_path):
    out = tmp_path / "b.pptx"
    render_deck(seed_outline, load_layout("briefing", {"classification": "cui"}), out)
    for slide in Presentation(str(out)).slides:
        banners = [s for s in slide.shapes if s.name.startswith("Banner")]
        assert [b.text_frame.text for b in banners] == ["CUI", "CUI"]
        assert all(str(b.fill.fore_color.rgb) == "502B85" for b in banners)
        assert all(r.font.bold for b in banners for p in b.text_frame.paragraphs for r in p.runs)


def test_no_banner_unless_configured(seed_deck):
    assert not [s for slide in Presentation(str(seed_deck)).slides for s in slide.shapes if s.name.startswith("Banner")]


@pytest.mark.parametrize("master", ["../../etc/secret.pptx", "/etc/secret.pptx"])
def test_a_layout_folder_cannot_reach_files_outside_it(user_dir, master):
    (user_dir / "evil").mkdir()
    (user_dir / "evil" / "layout.yaml").write_text(f"master: {master}\n")
    with pytest.raises(LayoutError, match="a file inside the layout folder"):
        load_layout("evil")


def test_a_bad_master_fails_before_the_outline_is_built(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from deckgen import pipeline
    from deckgen.cli import app

    def never(*args, **kwargs):
        raise AssertionError("the outline was built before the master was checked")

    monkeypatch.setattr(pipeline, "build_outline", never)
    master = tmp_path / "m.pptx"
    prs = Presentation()
    prs.slide_layouts.get_by_name("Title Slide")._element.cSld.set("name", "Cover")
    prs.save(str(master))
    result = CliRunner().invoke(app, ["build", str(tmp_path / "x.txt"), "--master", str(master)])
    assert result.exit_code == 2 and "no slide layout named 'Title Slide'" in result.stderr


def test_a_filter_given_the_wrong_value_names_the_template(tmp_path):
    (tmp_path / "bad.j2").write_text("line one\n{{ source.date | long_date }}\n")
    with pytest.raises(LayoutError, match=r"bad.j2, line 2: "):
        Templates([tmp_path]).render("bad", source={"date": None})


def test_a_layout_given_as_a_relative_path(user_dir):
    copy_layout("handout", user_dir / "mine")
    assert load_layout("./layouts/mine").aspect == "4:3"


@pytest.mark.parametrize("overrides, problem", [
    ({"footnotes": "references", "slides": "title,sections"}, "needs 'references' among the slides"),
    ({"footnotes": "notes", "notes": False}, "needs speaker notes"),
])
def test_footnotes_that_nothing_would_show_are_refused(overrides, problem):
    with pytest.raises(LayoutError, match=problem):
        load_layout("briefing", overrides)
