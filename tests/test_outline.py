import json
from dataclasses import replace
from datetime import date

import pytest

from deckgen.errors import OutlineError
from deckgen.model import Chart, Citation, Contrast, Outline, Point, Section, SourceInfo
from deckgen.outline import dumps, from_dict, load_outline, to_dict

OUTLINE = Outline(
    title="T", as_of=date(2024, 9, 27),
    sources=(SourceInfo("S1", "a.txt", publisher="VOA", date=date(2024, 9, 27)),),
    bluf=(Point("Bullet.", (Citation("S1", 2, "Bullet, it said."),), ("S1.3",)),),
    sections=(Section("Empty", ()), Section("Full", (Point("P.", (Citation("S1", 1, "P q."),)),)),
              Section("Only in quotes", (), (Citation("S1", 3, "“It is back,” he said."),))),
)


def test_json_has_exactly_the_documented_shape():
    data = json.loads(dumps(OUTLINE, "json"))
    assert set(data) >= {"title", "as_of", "sources", "bluf", "sections"}
    assert data["as_of"] == "2024-09-27"
    assert data["sources"][0] == {"id": "S1", "path": "a.txt", "title": None, "publisher": "VOA",
                                  "author": None, "date": "2024-09-27", "url": None}
    assert data["bluf"][0]["citations"] == [{"source": "S1", "paragraph": 2, "quote": "Bullet, it said."}]
    assert [s["title"] for s in data["sections"]] == ["Empty", "Full", "Only in quotes"]
    assert "withheld" not in data["sections"][0] and "withheld" not in data["sections"][1]
    assert data["sections"][2]["withheld"] == [{"source": "S1", "paragraph": 3, "quote": "“It is back,” he said."}]


@pytest.mark.parametrize("fmt, suffix", [("json", ".json"), ("yaml", ".yaml")])
def test_round_trip(tmp_path, fmt, suffix):
    path = tmp_path / f"o{suffix}"
    path.write_text(dumps(OUTLINE, fmt))
    assert load_outline(path) == OUTLINE


def test_markdown_is_for_reading():
    text = dumps(OUTLINE, "md")
    assert "## Empty\n\n- (The sources hold nothing on this topic.)" in text
    assert "## Only in quotes\n\n- (The sources touch on this only in passages that name no speaker or subject" in text
    assert "see the cited paragraphs. [S1 para. 3])" in text
    assert "- Bullet. [S1 para. 2]" in text
    # two sentences of one paragraph (a bullet and the one naming its speaker) are one reference
    credited = Point("Quote — Smith", (Citation("S1", 4, "a"), Citation("S1", 4, "b")))
    assert "- Quote — Smith [S1 para. 4]\n" in dumps(replace(OUTLINE, bluf=(credited,)), "md")


@pytest.mark.parametrize("mutate, problem", [
    (lambda d: d.pop("sections"), "missing key 'sections'"),
    (lambda d: d["bluf"][0]["citations"][0].update(source="S9"), "unknown source 'S9'"),
    (lambda d: d["bluf"][0].update(citations=[]), "has no citation"),
    (lambda d: d.update(as_of="soon"), "not a date"),
])
def test_bad_outlines_are_named(tmp_path, mutate, problem):
    data = to_dict(OUTLINE)
    mutate(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(OutlineError, match=problem):
        load_outline(path)


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("title: ok\nsources: [\n")
    with pytest.raises(OutlineError, match=r"bad.yaml: invalid YAML at line \d"):
        load_outline(path)


def test_from_dict_rejects_a_list():
    with pytest.raises(TypeError):
        from_dict([])


CITE = (Citation("S1", 3, "About 500 attacks, Lister said."),)
FULL_GROUPS = {
    "figures": (Point("about 500 attacks (Lister)", CITE),
                Chart("attacks", None, ("Lister", "UN"), ("about 500", "600"), (500.0, 600.0), (500.0, 600.0),
                      CITE * 2)),
    "quotes": (Point("“We refused” — Abbasi", CITE),),
    "timeline": (Point("The second phase starts.", CITE, label="Sep 2025 ('next September')"),),
    "perspectives": (Section("Iraqi officials", (Point("Abbasi said no.", CITE),)),
                     Contrast("withdrawal", (Section("U.S. officials", (Point("Not leaving.", CITE),)),
                                             Section("Iraqi officials", (Point("Leaving.", CITE),))))),
}


def test_markdown_shows_every_slide_kind_with_content_for_review():
    full = replace(OUTLINE, groups=FULL_GROUPS)
    text = dumps(full, "md")
    for expected in ("## By the numbers\n\n- about 500 attacks (Lister) [S1 para. 3]",
                     "## By the numbers: attacks\n\n- Lister: about 500 [S1 para. 3]\n- UN: 600 [S1 para. 3]",
                     "## Key quotes\n\n- “We refused” — Abbasi [S1 para. 3]",
                     "## Timeline and what to watch\n\n- Sep 2025 ('next September'): The second phase starts.",
                     "## Perspectives: Iraqi officials\n\n- Abbasi said no. [S1 para. 3]",
                     "## Perspectives: withdrawal\n\n- U.S. officials:\n  - Not leaving. [S1 para. 3]\n- Iraqi officials:"):
        assert expected in text
    assert "## By the numbers" not in dumps(OUTLINE, "md")  # a kind with nothing is left out


@pytest.mark.parametrize("fmt, suffix", [("json", ".json"), ("yaml", ".yaml")])
def test_every_kinds_items_round_trip(tmp_path, fmt, suffix):
    full = replace(OUTLINE, groups=FULL_GROUPS)
    path = tmp_path / f"o{suffix}"
    path.write_text(dumps(full, fmt))
    assert load_outline(path) == full
    data = to_dict(full)
    assert data["timeline"][0] == {"label": "Sep 2025 ('next September')", "text": "The second phase starts.",
                                   "citations": [{"source": "S1", "paragraph": 3, "quote": CITE[0].quote}],
                                   "sentences": []}
    assert [b["label"] for b in data["charts"][0]["bars"]] == ["Lister", "UN"]
    assert data["contrasts"][0]["topic"] == "withdrawal"


def test_an_outline_file_written_before_kinds_still_loads():
    """Sections without 'sources' rest on the sources their points cite; a timeline item whose
    date is part of its text loads as written."""
    data = to_dict(OUTLINE)
    for section in data["sections"]:
        del section["sources"]
    data["timeline"] = [{"text": "Sep 2025 ('next September'): The second phase starts.", "citations": [
        {"source": "S1", "paragraph": 3, "quote": "The second phase starts next September."}]}]
    loaded = from_dict(data)
    assert [s.sources for s in loaded.sections] == [(), ("S1",), ()]
    (item,) = loaded.timeline
    assert (item.label, item.text) == ("Sep 2025 ('next September')", "The second phase starts.")
