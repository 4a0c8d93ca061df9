"""Batch key points: JSON lines in and out, in order, with errors naming the line."""

import json

import pytest

from deckgen.batch import keypoints_jsonl
from deckgen.errors import DeckgenError, InputError

TEXTS = [
    "The council approved a new budget on Monday after a long debate. It raises school spending by 4 percent. "
    "Teachers welcomed the extra money for classrooms.",
    "A storm knocked out power to 2,000 homes on Tuesday night. Crews restored electricity by Wednesday morning, "
    "the utility said. Residents said the outage lasted hours.",
    "Officials opened a new bridge across the river on Friday. The bridge cost 30 million dollars to build. "
    "Drivers said the crossing saves them twenty minutes.",
]
LINES = [json.dumps({"id": n, "text": t}) for n, t in enumerate(TEXTS)]


def test_one_output_line_per_input_line_in_order_with_k_points():
    done = []
    out = [json.loads(line) for line in keypoints_jsonl(LINES, k=2, progress=done.append)]
    assert [row["id"] for row in out] == [0, 1, 2]
    assert done == [1, 2, 3]
    for row, text in zip(out, TEXTS):
        assert len(row["points"]) == 2
        quotes = [p["citations"][0]["quote"] for p in row["points"]]
        assert [text.index(q) for q in quotes] == sorted(text.index(q) for q in quotes)
        assert set(row["points"][0]["citations"][0]) == {"source", "paragraph", "quote"}


def test_workers_give_the_same_lines_in_the_same_order():
    assert list(keypoints_jsonl(LINES * 3, k=2, jobs=2)) == list(keypoints_jsonl(LINES * 3, k=2, jobs=1))


@pytest.mark.parametrize(("bad", "message"), [
    ("not json", "line 2: not valid JSON"),
    ("[1, 2]", "line 2: expected a JSON object"),
    ('{"text": "No id here at all."}', "line 2: 'id'"),
    ('{"id": "x", "text": 5}', "line 2: 'text'"),
    ('{"id": "x", "text": "   "}', "line 2"),
])
def test_a_bad_line_raises_input_error_naming_it(bad, message):
    with pytest.raises(InputError, match=message):
        list(keypoints_jsonl([LINES[0], bad], k=2))


def test_blank_lines_are_skipped_and_unknown_summarizers_refused():
    assert len(list(keypoints_jsonl([LINES[0], "", LINES[1]], k=1))) == 2
    with pytest.raises(DeckgenError, match="unknown summarizer"):
        list(keypoints_jsonl(LINES, summarizer="nope"))
