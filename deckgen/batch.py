"""Many documents at once, optionally in worker processes (``background.ordered_map``: each
loads the models once).

* ``keypoints_jsonl``: JSON lines in, JSON lines out. Each input line is an object with an
  ``id`` (string or number) and a ``text``; each output line is ``{"id": ..., "points":
  [{"text": ..., "citations": [{"source", "paragraph", "quote"}]}]}`` with the k points in
  document order.
* ``build_each``: one deck per document.

Output order is input order whatever ``jobs`` is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, replace
from pathlib import Path

from .background import ordered_map
from .errors import DeckgenError, InputError, OutputError
from .layouts import Layout
from .pipeline import OutlineRequest, build_deck, keypoints_for_text
from .summarize import DEFAULT_SUMMARIZER, get_summarizer


def keypoints_jsonl(lines: Iterable[str], k: int = 3, jobs: int = 1, summarizer: str = DEFAULT_SUMMARIZER,
                    progress: Callable[[int], None] | None = None) -> Iterator[str]:
    """Yield one JSON line (no newline) per non-blank input line, in input order.

    ``progress`` is called with the number of lines done after each one. Raises
    InputError naming the line number for a line that is not a JSON object with a
    string or number ``id`` and a string ``text``, or whose text has no sentences;
    DeckgenError for an unknown summarizer. With ``jobs`` > 1 the lines are spread over
    that many processes, each loading the embedding model once.
    """
    get_summarizer(summarizer)  # fail before any work on an unknown name
    rows = ((row, k, summarizer) for row in _parse(lines))
    for done, line in enumerate(ordered_map(_keypoints_line, rows, jobs), start=1):
        yield line
        if progress:
            progress(done)


def _parse(lines: Iterable[str]) -> Iterator[tuple[int, str | int, str]]:
    """(line number, id, text) per non-blank line; raises InputError naming the bad line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"line {number}: expected a JSON object with 'id' and 'text'")
        row_id, text = row.get("id"), row.get("text")
        if not isinstance(row_id, (str, int)) or isinstance(row_id, bool):
            raise InputError(f"line {number}: 'id' must be a string or a number")
        if not isinstance(text, str):
            raise InputError(f"line {number}: 'text' must be a string")
        yield number, row_id, text


def _keypoints_line(task: tuple[tuple[int, str | int, str], int, str]) -> str:
    (number, row_id, text), k, summarizer = task
    points = keypoints_for_text(f"line {number} (id {row_id})", text, k, summarizer)
    return json.dumps({"id": row_id, "points": [{"text": p.text, "citations": [asdict(c) for c in p.citations]}
                                                for p in points]}, ensure_ascii=False)


def build_each(documents: Iterable[Path], request: OutlineRequest, layout: Layout, out_dir: Path,
               jobs: int = 1) -> Iterator[tuple[Path, Path, str | None]]:
    """Build one deck per document into ``out_dir`` (named after the document; the folder is
    made if missing), in input order.

    Yields (document, deck path, None) for a deck written, or (document, deck path, error
    message) for a document that failed: one bad file does not stop the others. Raises
    OutputError when ``out_dir`` cannot be made.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot make the output folder ({exc.strerror})") from None
    tasks = [(replace(request, documents=(path,)), layout, out_dir / f"{path.stem}.pptx") for path in documents]
    for (task_request, _, out), error in zip(tasks, ordered_map(_build_one, tasks, jobs)):
        yield task_request.documents[0], out, error


def _build_one(task: tuple[OutlineRequest, Layout, Path]) -> str | None:
    request, layout, out = task
    try:
        build_deck(request, layout, out)
    except DeckgenError as exc:
        return str(exc)
    return None
