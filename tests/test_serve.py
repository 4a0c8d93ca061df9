"""`deckgen serve`: the review page's HTTP endpoints through Starlette's test client.

The session reviews the seed's outline (built once per test session), saved in a temporary
folder; expected items are found by reading that outline and the seed article, so the tests
hold whatever the summarizer picks.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from starlette.testclient import TestClient
from typer.testing import CliRunner

from deckgen.cli import app as cli_app
from deckgen.errors import InputError
from deckgen.ingest import read_document
from deckgen.model import Chart, Citation, Point
from deckgen.outline import dumps, load_outline
from deckgen.serve.app import create_app
from deckgen.serve.preview import Previewer
from deckgen.serve.state import ReviewSession, Settings, open_session
from deckgen.segment import segment

from .clienttools import requires_client
from .conftest import BRIEF, SEED
from .test_kinds import questions  # noqa: F401 (a fixture: the toy slide kind registered)

ORIGIN = "http://127.0.0.1:8000"


def sentence_texts() -> dict[str, str]:
    """The seed's sentences by id, as the page shows them."""
    return {s.id: s.text for s in segment(read_document(SEED, "S1")).sentences}


@pytest.fixture(scope="module")
def seed_outline(seed_outline):
    """The seed's outline with two figures of its para. 6 (the seed's own one figure is a
    bullet, so its outline has no figures slide), cut from the sentence as the extras cut them."""
    sentence = troops_sentence()
    cited = Citation("S1", sentence.paragraph, sentence.text)
    figures = tuple(Point(text, (cited,), (sentence.id,)) for text in ("2,500 U.S. forces in Iraq", "900 troops in Syria"))
    return replace(seed_outline, groups={**seed_outline.groups, "figures": figures})


def troops_sentence():
    """The seed's para. 6: 'the 2,500 U.S. forces in Iraq and the 900 troops in Syria'."""
    return next(s for s in segment(read_document(SEED, "S1")).sentences if "2,500 U.S. forces" in s.text)


@pytest.fixture
def session(tmp_path, seed_outline) -> ReviewSession:
    outline_file = tmp_path / "seed.yaml"
    outline_file.write_text(dumps(seed_outline, "yaml"), encoding="utf-8")
    return ReviewSession(seed_outline, outline_file, tmp_path / "seed.pptx", Settings())


@pytest.fixture
def client(session):
    with TestClient(create_app(session, Previewer(enabled=False), allowed_hosts=("127.0.0.1",)),
                    base_url=ORIGIN) as test_client:
        test_client.headers["X-Deckgen-Token"] = token_of(test_client)
        yield test_client


@pytest.fixture
def charted(seed_outline):
    """The seed's outline with a chart of two figures of one seed sentence (the seed's own
    outline has none)."""
    sentence = troops_sentence()
    cited = Citation("S1", sentence.paragraph, sentence.text)
    chart = Chart("U.S. troops", None, ("Iraq", "Syria"), ("2,500", "900"), (2500.0, 900.0), (2500.0, 900.0),
                  (cited, cited))
    return replace(seed_outline, groups={**seed_outline.groups, "figures": (*seed_outline.group("figures"), chart)})


@pytest.fixture
def charted_client(tmp_path, charted):
    session = ReviewSession(charted, tmp_path / "charted.yaml", tmp_path / "charted.pptx", Settings())
    with TestClient(create_app(session, Previewer(enabled=False), allowed_hosts=("127.0.0.1",)),
                    base_url=ORIGIN) as test_client:
        test_client.headers["X-Deckgen-Token"] = token_of(test_client)
        yield test_client


def token_of(test_client) -> str:
    return re.search(r'name="deckgen-token" content="([^"]+)"', test_client.get("/").text).group(1)


def items(view: dict, group: str) -> list[dict]:
    return next(g["items"] for g in view["groups"] if g["id"] == group)


def edit(client, **fields):
    version = client.get("/api/outline").json()["version"]
    return client.post("/api/edit", json={"version": version, **fields})


# ---- reading ----------------------------------------------------------------------------------
def test_the_page_numbers_paragraphs_and_marks_every_sentence(client):
    page = client.get("/").text
    sentences = sentence_texts()
    assert len(sentences) > 20
    for sentence_id, text in sentences.items():
        shown = re.search(rf'data-testid="sentence-{re.escape(sentence_id)}"[^>]*>([^<]*)</span>', page)
        assert shown and shown.group(1) == text.replace("&", "&amp;").replace('"', "&#34;").replace("'", "&#39;")
    assert 'data-testid="paragraph-S1-1"' in page and "¶1" in page


def test_outline_read_by_kind_with_markers_and_cited_sentences(client, seed_outline):
    view = client.get("/api/outline").json()
    assert view["version"] == 1
    titles = [g["title"] for g in view["groups"] if g["kind"] == "sections"]
    assert titles == ["Mission change", "Phases", "Militia threat", "IS resurgence"]  # the brief's
    kinds = {g["kind"] for g in view["groups"]}
    assert {"bluf", "sections", "figures", "quotes", "timeline", "perspectives"} <= kinds
    sentences = sentence_texts()
    for group in (g for g in view["groups"] if g["kind"] != "charts"):  # charts: their own test
        for item in group["items"]:
            assert item["markers"] and all(re.fullmatch(r"S1 ¶\d+", m) for m in item["markers"])
            assert item["sentences"], item
            # every highlighted sentence overlaps a quote the item cites
            point = point_of(seed_outline, item["id"])
            quotes = " ".join(c.quote for c in point.citations)
            assert all(sentences[s] in quotes or quotes in sentences[s] or
                       any(c.quote in sentences[s] or sentences[s] in c.quote for c in point.citations)
                       for s in item["sentences"])
            assert item["faithful"] and item["added"] == []


def point_of(outline, item_id):
    from deckgen.serve.state import get_points

    group, index = item_id.split("#")
    return get_points(outline, group)[int(index)]


def test_the_first_bluf_item_cites_the_sentence_it_comes_from(client, seed_outline):
    first = items(client.get("/api/outline").json(), "bluf")[0]
    citation = seed_outline.bluf[0].citations[0]
    expected = [sid for sid, text in sentence_texts().items() if text == citation.quote]
    assert first["sentences"][:1] == expected
    assert first["markers"][0] == f"S1 ¶{citation.paragraph}"


def test_charts_are_shown_after_the_figures_and_not_edited(charted_client, charted):
    client = charted_client
    view = client.get("/api/outline").json()
    kinds = [g["kind"] for g in view["groups"]]
    assert kinds.index("charts") == kinds.index("figures") + 1
    chart = charted.charts[0]
    bars = items(view, "charts/0")
    assert [b["text"] for b in bars] == ["Iraq: 2,500", "Syria: 900"]
    sentences = sentence_texts()
    for bar, citation in zip(bars, chart.citations):
        assert bar["markers"] == [f"S1 ¶{citation.paragraph}"]
        assert any(citation.quote in sentences[s] or sentences[s] in citation.quote for s in bar["sentences"])
    refused = edit(client, op="drop", item="charts/0#0")
    assert refused.status_code == 400 and "no group" in refused.json()["error"]


def test_timeline_items_show_their_date_label_apart_from_the_text(client, session, seed_outline):
    labelled = next(i for i, p in enumerate(seed_outline.timeline) if p.label)
    point = seed_outline.timeline[labelled]
    item = items(client.get("/api/outline").json(), "timeline")[labelled]
    assert (item["label"], item["text"]) == (point.label, point.text)
    assert item["find"] == f"{point.label}: {point.text}"  # as the slide shows it
    shorter = " ".join(point.text.split()[:-2])
    item = items(edit(client, op="text", item=f"timeline#{labelled}", text=shorter).json(), "timeline")[labelled]
    assert item["faithful"] and (item["label"], item["text"]) == (point.label, shorter)  # the label is not checked
    saved = load_outline(session.outline_file).timeline[labelled]
    assert (saved.label, saved.text) == (point.label, shorter)


def test_dropping_a_figure_keeps_the_charts(charted_client, charted, tmp_path):
    view = edit(charted_client, op="drop", item="figures#0").json()
    left = items(view, "figures")
    assert [i["text"] for i in left] == [p.text for p in charted.figures[1:]]
    assert len(items(view, "charts/0")) == 2
    saved = load_outline(tmp_path / "charted.yaml")
    assert saved.figures == charted.figures[1:] and saved.charts == charted.charts


def test_titles_are_the_layouts_slide_titles(client, tmp_path, seed_outline):
    from deckgen.layouts import copy_layout

    view = client.get("/api/outline").json()
    assert next(g for g in view["groups"] if g["id"] == "figures")["title"] == "By the numbers"
    assert next(g for g in view["groups"] if g["id"] == "perspectives/0")["slide_title"] == \
        f"Perspectives: {seed_outline.perspectives[0].title}"
    mine = copy_layout("briefing", tmp_path / "mine")
    (mine / "templates" / "kind_title.j2").write_text(
        "{{ kind | upper }}{% if topic %} / {{ topic }}{% endif %}", encoding="utf-8")
    view = client.post("/api/settings", json={"layout": str(mine)}).json()
    groups = {g["id"]: g for g in view["groups"]}
    assert groups["figures"]["title"] == groups["figures"]["slide_title"] == "FIGURES"
    assert groups["bluf"]["title"] == "BLUF" and groups["quotes"]["title"] == "QUOTES"
    assert groups["perspectives/0"]["slide_title"] == f"PERSPECTIVES / {seed_outline.perspectives[0].title}"
    assert groups["sections/0"]["title"] == "Mission change"  # a section's own title


def test_a_charts_slide_title_is_the_layouts(charted_client):
    chart = next(g for g in charted_client.get("/api/outline").json()["groups"] if g["id"] == "charts/0")
    assert chart["slide_title"] == "By the numbers: U.S. troops"


def test_a_new_slide_kind_shows_on_the_page_through_the_registry_only(questions, tmp_path):
    from deckgen.layouts import load_layout
    from deckgen.pipeline import OutlineRequest, build_deck

    layout = load_layout("briefing", {"slides": "title,bluf,questions,references"})
    outline = build_deck(OutlineRequest(documents=(questions,), summarizer="lead"), layout).outline
    session = ReviewSession(outline, tmp_path / "story.yaml", tmp_path / "story.pptx", Settings())
    with TestClient(create_app(session, Previewer(enabled=False), allowed_hosts=("127.0.0.1",)),
                    base_url=ORIGIN) as client:
        client.headers["X-Deckgen-Token"] = token_of(client)
        view = client.get("/api/outline").json()
        group = next(g for g in view["groups"] if g["id"] == "questions")
        assert group["title"] == group["slide_title"] == "Questions"  # the layout's default title for a kind
        assert [i["text"] for i in group["items"]] == ["Who will pay for the new school?",
                                                       "Can the city afford another loan?"]
        assert [i["sentences"] for i in group["items"]] == [["S1.2"], ["S1.4"]]
        view = edit(client, op="text", item="questions#0", text="Who will pay for the new stadium?").json()
        assert items(view, "questions")[0]["added"] == ["stadium"]  # checked by the kind
        assert edit(client, op="move", item="questions#0", to="bluf").status_code == 400
        view = edit(client, op="drop", item="questions#1").json()
        assert [i["text"] for i in items(view, "questions")] == ["Who will pay for the new stadium?"]
        assert [p.text for p in load_outline(session.outline_file).group("questions")] == \
            ["Who will pay for the new stadium?"]


def test_the_only_item_of_a_group_can_be_moved_in_place(client, session):
    view = client.get("/api/outline").json()
    quotes = items(view, "quotes")
    for _ in quotes[1:]:
        view = edit(client, op="drop", item="quotes#1").json()
    view = edit(client, op="move", item="quotes#0", position=0).json()
    assert [i["text"] for i in items(view, "quotes")] == [quotes[0]["text"]]
    view = edit(client, op="drop", item="quotes#0").json()
    assert "quotes" not in [g["id"] for g in view["groups"]] and not load_outline(session.outline_file).quotes


# ---- edits ------------------------------------------------------------------------------------
def test_drop_removes_the_item_and_saves_the_file(client, session):
    before = items(client.get("/api/outline").json(), "sections/0")
    response = edit(client, op="drop", item="sections/0#0")
    assert response.status_code == 200
    after = items(response.json(), "sections/0")
    assert [i["text"] for i in after] == [i["text"] for i in before[1:]]
    saved = load_outline(session.outline_file)
    assert [p.text for p in saved.sections[0].points] == [i["text"] for i in after]
    assert response.json()["version"] == 2


def test_reorder_within_a_section(client):
    before = [i["text"] for i in items(client.get("/api/outline").json(), "sections/1")]
    assert len(before) >= 2
    after = [i["text"] for i in items(edit(client, op="move", item="sections/1#1", position=0).json(), "sections/1")]
    assert after == [before[1], before[0], *before[2:]]


def test_move_to_another_section(client, session):
    view = client.get("/api/outline").json()
    moving = items(view, "sections/0")[0]["text"]
    target_before = [i["text"] for i in items(view, "sections/2")]
    view = edit(client, op="move", item="sections/0#0", to="sections/2").json()
    assert [i["text"] for i in items(view, "sections/2")] == [*target_before, moving]
    assert moving in [p.text for p in load_outline(session.outline_file).sections[2].points]


def test_a_reason_is_shown_kept_by_edits_and_dropped_by_a_move_to_another_section(tmp_path, seed_outline):
    section = seed_outline.sections[0]
    reasoned = replace(section, points=(replace(section.points[0], reason="under heading 'Mission'"),
                                        *section.points[1:]))
    outline = replace(seed_outline, sections=(reasoned, *seed_outline.sections[1:]))
    session = ReviewSession(outline, tmp_path / "seed.yaml", tmp_path / "seed.pptx", Settings())
    with TestClient(create_app(session, Previewer(enabled=False), allowed_hosts=("127.0.0.1",)),
                    base_url=ORIGIN) as client:
        client.headers["X-Deckgen-Token"] = token_of(client)
        assert items(client.get("/api/outline").json(), "sections/0")[0]["reason"] == "under heading 'Mission'"
        shorter = " ".join(section.points[0].text.split()[:-1])
        edit(client, op="text", item="sections/0#0", text=shorter)
        edit(client, op="move", item="sections/0#0", position=1)
        assert load_outline(session.outline_file).sections[0].points[1].reason == "under heading 'Mission'"
        view = edit(client, op="move", item="sections/0#1", to="sections/2", position=0).json()
        assert items(view, "sections/2")[0]["text"] == shorter and items(view, "sections/2")[0]["reason"] is None
        assert load_outline(session.outline_file).sections[2].points[0].reason is None


def test_items_move_only_between_groups_of_their_kind(client):
    response = edit(client, op="move", item="figures#0", to="sections/0")
    assert response.status_code == 400 and "only between" in response.json()["error"]


def test_edit_text_is_checked_like_render_and_keeps_the_citation(client, session, seed_outline):
    point = seed_outline.sections[0].points[0]
    words = point.text.split()
    shorter = " ".join(words[: max(5, len(words) // 2)])
    item = items(edit(client, op="text", item="sections/0#0", text=shorter).json(), "sections/0")[0]
    assert item["text"] == shorter and item["faithful"] and item["added"] == []
    added = shorter + " allegedly"
    item = items(edit(client, op="text", item="sections/0#0", text=added).json(), "sections/0")[0]
    assert not item["faithful"] and item["added"] == ["allegedly"]
    saved = load_outline(session.outline_file).sections[0].points[0]
    assert saved.text == added and saved.citations == point.citations  # the footnote still points to the source


def test_add_a_source_sentence_as_a_bullet(client, session):
    sentences = sentence_texts()
    view = edit(client, op="add", sentence="S1.9", to="sections/1").json()
    added = items(view, "sections/1")[-1]
    assert added["sentences"] == ["S1.9"] and added["faithful"]
    assert added["text"].split()[0] in sentences["S1.9"]
    saved = load_outline(session.outline_file).sections[1].points[-1]
    assert saved.citations[0].quote == sentences["S1.9"]


def test_rename_and_reorder_sections(client, session):
    edit(client, op="rename", group="sections/0", title="  Mission   ends ")
    view = edit(client, op="move_section", group="sections/0", position=3).json()
    titles = [g["title"] for g in view["groups"] if g["kind"] == "sections"]
    assert titles == ["Phases", "Militia threat", "IS resurgence", "Mission ends"]
    assert [s.title for s in load_outline(session.outline_file).sections] == titles


def test_a_stale_edit_is_refused_with_a_message(client, session):
    first = client.post("/api/edit", json={"version": 1, "op": "drop", "item": "bluf#0"})
    second = client.post("/api/edit", json={"version": 1, "op": "drop", "item": "bluf#0"})
    assert first.status_code == 200
    assert second.status_code == 409
    assert "version 1" in second.json()["error"] and "reload" in second.json()["error"]
    assert len(load_outline(session.outline_file).bluf) == len(items(first.json(), "bluf"))


def test_undo_brings_back_the_outline_before_the_last_edit(client, session):
    before = client.get("/api/outline").json()
    assert not before["undo"]
    assert edit(client, op="undo").json()["error"] == "nothing to undo"
    edit(client, op="drop", item="sections/0#0")
    view = edit(client, op="undo").json()
    assert view["version"] == 3 and not view["undo"]
    assert view["groups"] == before["groups"]
    assert load_outline(session.outline_file) == session.outline


def test_an_edit_that_cannot_be_saved_is_not_made(client, session):
    session.outline_file = session.outline_file.parent / "gone" / "seed.yaml"
    response = edit(client, op="drop", item="bluf#0")
    assert response.status_code == 400 and "does not exist" in response.json()["error"]
    view = client.get("/api/outline").json()
    assert view["version"] == 1 and len(items(view, "bluf")) == len(session.outline.bluf) and not view["undo"]


def test_a_body_over_the_limit_is_refused(client):
    response = client.post("/api/edit", content=b"{" + b" " * 300_000 + b"}",
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and "bytes" in response.json()["error"]


@pytest.mark.parametrize("body, problem", [
    (b"{not json", "not JSON"),
    (b"[1, 2]", "JSON object"),
    (b'{"version": 1, "op": "explode"}', "unknown op"),
    (b'{"op": "drop", "item": "bluf#0"}', "version"),
    (b'{"version": 1, "op": "drop", "item": "bluf#99"}', "no item"),
    (b'{"version": 1, "op": "drop", "item": "../../etc#0"}', "no group"),
    (b'{"version": 1, "op": "text", "item": "bluf#0", "text": ""}', "non-empty"),
    (b'{"version": 1, "op": "move", "item": "bluf#0", "position": -4}', "position"),
    (b'{"version": 1, "op": "add", "sentence": "S9.1", "to": "sections/0"}', "no sentence"),
])
def test_a_malformed_request_gets_a_4xx_with_one_line(client, body, problem):
    response = client.post("/api/edit", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert problem in error and "\n" not in error and "Traceback" not in response.text


# ---- security ---------------------------------------------------------------------------------
def test_state_changing_requests_need_the_token_and_the_same_origin(client, session):
    body = {"version": 1, "op": "drop", "item": "bluf#0"}
    assert client.post("/api/edit", json=body, headers={"X-Deckgen-Token": "guess"}).status_code == 403
    del client.headers["X-Deckgen-Token"]
    assert client.post("/api/edit", json=body).status_code == 403
    client.headers["X-Deckgen-Token"] = token_of(client)
    refused = client.post("/api/edit", json=body, headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403 and "origin" in refused.json()["error"]
    assert client.post("/api/edit", json=body, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert client.get("/api/outline").json()["version"] == 1  # nothing changed
    assert client.post("/api/edit", json=body, headers={"Origin": ORIGIN}).status_code == 200


def test_another_host_name_is_refused(client):
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2Fetc%2Fpasswd",
    "/static//etc/passwd", "/source/..%2f..%2fetc%2fpasswd", "/source/%2Fetc%2Fpasswd", "/source/S2",
    "/source/seeds", "/etc/passwd", "/download/..%2fstate.py", "/download/deck.docx", "/preview/x/1.png",
    "/seeds/000_673533e19380046e.txt", "/api/../app.py",
])
def test_only_the_documents_and_own_assets_are_served(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "import" not in response.text


def test_the_given_document_and_the_assets_are_served(client):
    assert client.get("/source/S1").text == SEED.read_text(encoding="utf-8")
    assert "function draw" in client.get("/static/review.js").text
    assert client.get("/static/review.css").status_code == 200


# ---- downloads, settings, preview -------------------------------------------------------------
def test_downloaded_deck_is_what_render_gives_from_the_saved_outline(client, session, tmp_path, monkeypatch):
    edit(client, op="text", item="sections/0#0", text=items(client.get("/api/outline").json(),
                                                           "sections/0")[0]["text"].rsplit(" ", 3)[0])
    edit(client, op="drop", item="bluf#1")
    response = client.get("/download/deck.pptx")
    assert response.status_code == 200 and response.headers["content-disposition"].endswith('seed.pptx"')
    assert session.output.read_bytes() == response.content  # also written next to the outline
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli_app, ["render", str(session.outline_file), "-o", "rendered.pptx"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "rendered.pptx").read_bytes() == response.content
    edited = load_outline(session.outline_file).sections[0].points[0].text
    texts = [shape.text_frame.text for slide in Presentation(str(tmp_path / "rendered.pptx")).slides
             for shape in slide.shapes if shape.has_text_frame]
    assert any(edited in text for text in texts)


def test_outline_downloads_are_the_outline_contract(client, session):
    edit(client, op="drop", item="bluf#0")
    assert client.get("/download/outline.yaml").text == session.outline_file.read_text(encoding="utf-8")
    raw = client.get("/download/outline.json").json()
    assert raw == yaml.safe_load(session.outline_file.read_text(encoding="utf-8"))


def test_settings_change_the_deck_and_the_command_gives_the_same_deck(client, session):
    view = client.post("/api/settings", json={"layout": "executive", "aspect": "4:3", "notes": False,
                                              "footnotes": "slide", "classification": "UNCLASSIFIED",
                                              "slide_numbers": False, "colors": {"accent": "AA2200"}}).json()
    assert view["settings"] == {"layout": "executive", "aspect": "4:3", "notes": False, "footnotes": "slide",
                                "classification": "UNCLASSIFIED", "slide_numbers": False,
                                "colors": {"accent": "AA2200"}}
    assert view["command"] == ("deckgen render " + view["outline_file"] + " --layout executive --aspect 4:3"
                               " --classification UNCLASSIFIED --accent AA2200 --footnotes slide --no-notes"
                               " --set slide_numbers=false -o " + view["output"])
    downloaded = client.get("/download/deck.pptx").content
    deck = Presentation(io_bytes(downloaded))
    assert deck.slide_width / deck.slide_height == pytest.approx(4 / 3)
    session.output.unlink()
    result = CliRunner().invoke(cli_app, shlex.split(view["command"])[1:])
    assert result.exit_code == 0, result.output
    assert session.output.read_bytes() == downloaded


def test_settings_keep_the_keys_a_request_does_not_name(session):
    session.settings = Settings("briefing", {"slide_numbers": False, "aspect": "4:3"})
    with TestClient(create_app(session, Previewer(enabled=False), allowed_hosts=("127.0.0.1",)),
                    base_url=ORIGIN) as client:
        client.headers["X-Deckgen-Token"] = token_of(client)
        view = client.post("/api/settings", json={"aspect": None, "footnotes": "notes", "max_bullets": ""}).json()
    assert view["settings"] == {"layout": "briefing", "slide_numbers": False, "footnotes": "notes"}


@pytest.mark.parametrize("settings, problem", [({"layout": "nonesuch"}, "nonesuch"),
                                               ({"bogus": 1}, "unknown layout key 'bogus'"),
                                               ({"aspect": "3:1"}, "aspect"), ({"layout": 7}, "layout")])
def test_bad_settings_are_refused_and_change_nothing(client, settings, problem):
    bad = client.post("/api/settings", json=settings)
    assert bad.status_code == 400 and problem in bad.json()["error"]
    assert client.get("/api/outline").json()["settings"] == {"layout": "briefing"}


def io_bytes(data: bytes):
    import io

    return io.BytesIO(data)


def test_without_libreoffice_the_preview_says_so(client):
    answer = client.get("/api/preview", params={"item": "bluf#0"}).json()
    assert "LibreOffice is not installed" in answer["note"]
    assert client.get("/download/deck.pdf").status_code == 404
    assert "LibreOffice is not installed" in client.get("/").text


@requires_client
def test_preview_draws_the_items_slide_from_the_real_deck(session):
    with TestClient(create_app(session, allowed_hosts=("127.0.0.1",)), base_url=ORIGIN) as client:
        client.headers["X-Deckgen-Token"] = token_of(client)
        bluf = client.get("/api/preview", params={"item": "bluf#0"}).json()
        assert bluf["slide"] == 2  # title, then the BLUF
        section = client.get("/api/preview", params={"item": "sections/1#0"}).json()
        assert section["slide"] > bluf["slide"] and section["slides"] > section["slide"]
        image = client.get(section["image"])
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
        if session.outline.contrasts:  # perspective groups give way to the contrasts on the slides
            perspective = client.get("/api/preview", params={"item": "perspectives/0#0"}).json()
            assert "slide" not in perspective and "no slide" in perspective["note"]
            contrast = client.get("/api/preview", params={"item": "contrasts/0/0#0"}).json()
            assert contrast["slide"] > section["slide"]
        elif session.outline.perspectives:  # found under "Perspectives: <group>"
            perspective = client.get("/api/preview", params={"item": "perspectives/0#0"}).json()
            assert perspective["slide"] > section["slide"]
        if session.outline.charts:
            bar = client.get("/api/preview", params={"item": "charts/0#0"}).json()
            assert bar["slide"] > bluf["slide"]
        pdf = client.get("/download/deck.pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        edit(client, op="drop", item="bluf#0")
        assert client.get("/api/preview", params={"item": "bluf#0"}).json()["image"] != bluf["image"]


@requires_client
def test_a_warm_office_that_died_is_started_again(session):
    import os
    import signal

    previewer = Previewer()
    with TestClient(create_app(session, previewer, allowed_hosts=("127.0.0.1",)), base_url=ORIGIN) as client:
        client.headers["X-Deckgen-Token"] = token_of(client)
        assert client.get("/api/preview", params={"item": "bluf#0"}).json()["slide"] == 2
        first = previewer.office.pid
        os.killpg(first, signal.SIGKILL)
        previewer.office.wait()
        edit(client, op="drop", item="bluf#0")
        answer = client.get("/api/preview", params={"item": "bluf#0"}).json()
        assert answer["slide"] == 2 and client.get(answer["image"]).content.startswith(b"\x89PNG")
        assert previewer.office.pid != first and previewer.office.poll() is None


# ---- the command ------------------------------------------------------------------------------
def test_serve_builds_saves_and_warns_about_another_host(tmp_path, monkeypatch):
    served = {}
    monkeypatch.setattr("deckgen.serve.app.run", lambda app, host, port: served.update(host=host, port=port))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli_app, ["serve", "--brief", str(BRIEF), "-o", "deck.pptx", "--host", "0.0.0.0",
                                          "--port", "8123", "--title", "Reviewed",
                                          "--slides", "title,bluf,sections,timeline,references"])
    assert result.exit_code == 0, result.output
    assert "warning: listening on 0.0.0.0" in result.stderr
    assert "http://0.0.0.0:8123/" in result.stderr
    assert served == {"host": "0.0.0.0", "port": 8123}
    saved = load_outline(tmp_path / "deck.yaml")
    assert saved.title == "Reviewed" and saved.sections[0].title == "Mission change"
    assert saved.timeline and not saved.figures and not saved.quotes  # only the kinds the slides show, as `outline`
    again = CliRunner().invoke(cli_app, ["serve", "--brief", str(BRIEF), "-o", "deck.pptx"])
    assert "resuming" in again.stderr and "warning" not in again.stderr


def test_a_saved_review_of_other_documents_is_not_resumed(tmp_path, seed_outline):
    from deckgen.pipeline import OutlineRequest

    (tmp_path / "deck.yaml").write_text(dumps(seed_outline, "yaml"), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Another article says something else entirely. It has two sentences.", encoding="utf-8")
    with pytest.raises(InputError, match="other documents"):
        open_session(OutlineRequest(documents=(other,)), Settings(), tmp_path / "deck.pptx")


def test_serve_without_its_web_stack_says_what_to_install(monkeypatch):
    import builtins
    import sys

    real_import = builtins.__import__

    def no_starlette(name, *args, **kwargs):
        if name.startswith("starlette"):
            raise ModuleNotFoundError(f"No module named '{name}'", name="starlette")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "deckgen.serve.app")
    monkeypatch.setattr(builtins, "__import__", no_starlette)
    result = CliRunner().invoke(cli_app, ["serve"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "deckgen: error: deckgen serve needs starlette: pip install starlette uvicorn"


def test_old_decks_are_removed_as_edits_go_on(session):
    from deckgen.serve.app import KEEP_DECKS

    previewer = Previewer(enabled=False)
    with TestClient(create_app(session, previewer, allowed_hosts=("127.0.0.1",)), base_url=ORIGIN) as client:
        client.headers["X-Deckgen-Token"] = token_of(client)
        for _ in range(KEEP_DECKS + 2):
            edit(client, op="move", item="sections/0#0", position=1)
            assert client.get("/download/deck.pptx").status_code == 200
        assert len(list((previewer.folder / "decks").glob("*.pptx"))) == KEEP_DECKS
    assert not previewer.folder.exists()  # removed when the app stops


def test_serve_refuses_a_bad_layout_before_building(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli_app, ["serve", "--brief", str(BRIEF), "--layout", "nonesuch"])
    assert result.exit_code == 2
    assert result.stderr.startswith("deckgen: error: layout 'nonesuch' not found") and result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_several_documents_each_numbered_and_citable(tmp_path):
    from deckgen.model import Outline, Section
    from deckgen.plan import point_from

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("The river rose by two metres on Monday, officials said.\n\n"
                     "Schools in the valley closed for the week.\n", encoding="utf-8")
    second.write_text("Farmers reported that the harvest was lost in three districts.\n\n"
                      "The regional council promised compensation before winter.\n", encoding="utf-8")
    documents = [segment(read_document(path, f"S{n}")) for n, path in enumerate((first, second), start=1)]
    outline = Outline("Floods", None, tuple(d.source for d in documents),
                      bluf=(point_from(documents[0].sentences[0]),),
                      sections=(Section("Damage", (point_from(documents[1].sentences[0]),)),))
    session = ReviewSession(outline, tmp_path / "floods.yaml", tmp_path / "floods.pptx", Settings())
    with TestClient(create_app(session, Previewer(enabled=False), allowed_hosts=("127.0.0.1",)),
                    base_url=ORIGIN) as client:
        client.headers["X-Deckgen-Token"] = token_of(client)
        page = client.get("/").text
        assert 'data-testid="paragraph-S2-2"' in page
        assert 'data-sentence="S2.2">The regional council promised compensation before winter.</span>' in page
        view = edit(client, op="add", sentence="S2.2", to="bluf").json()
        assert items(view, "bluf")[-1]["markers"] == ["S2 ¶2"] and items(view, "bluf")[-1]["sentences"] == ["S2.2"]
        assert items(view, "sections/0")[0]["markers"] == ["S2 ¶1"]
        edit(client, op="add", sentence="S1.2", to="sections/0")
        assert load_outline(session.outline_file).sections[0].sources == ("S1", "S2")  # as the References list it
        assert client.get("/source/S2").text == second.read_text(encoding="utf-8")
        deck = Presentation(io_bytes(client.get("/download/deck.pptx").content))
    texts = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "The regional council promised compensation before winter" in texts
