"""Many documents at once, optionally in worker processes (each loads the model once).

* ``keypoints_jsonl``: JSON lines in, JSON lines out. Each input line is an object with an
  ``id`` (string or number) and a ``text``; each output line is ``{"id": ..., "points":
  [{"text": ..., "citations": [{"source", "paragraph", "quote"}]}]}`` with the k points in
  document order.
* ``build_each``: one deck per document.

Output order is input order whatever ``jobs`` is.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, replace
from pathlib import Path
from typing import TypeVar

from .embed import load_model
from .errors import DeckgenError, InputError
from .layouts import Layout
from .pipeline import OutlineRequest, build_outline, keypoints_for_text
from .summarize import DEFAULT_SUMMARIZER, get_summarizer

Item = TypeVar("Item")
Result = TypeVar("Result")

PENDING_PER_JOB = 8  # lines in flight per worker: enough to keep it busy, little memory


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
    """Build one deck per document into ``out_dir`` (named after the document), in input order.

    Yields (document, deck path, None) for a deck written, or (document, deck path, error
    message) for a document that failed: one bad file does not stop the others.
    """
    tasks = [(replace(request, documents=(path,)), layout, out_dir / f"{path.stem}.pptx") for path in documents]
    for (task_request, _, out), error in zip(tasks, ordered_map(_build_one, tasks, jobs)):
        yield task_request.documents[0], out, error


def _build_one(task: tuple[OutlineRequest, Layout, Path]) -> str | None:
    from .render import render_deck

    request, layout, out = task
    try:
        render_deck(build_outline(request), layout, out)
    except DeckgenError as exc:
        return str(exc)
    return None


def ordered_map(function: Callable[[Item], Result], items: Iterable[Item], jobs: int) -> Iterator[Result]:
    """``map(function, items)`` in input order; with ``jobs`` > 1 in that many worker processes
    (each loading the embedding model once), with a bounded window of pending items."""
    if jobs <= 1:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=load_model) as pool:
        pending: deque[Future[Result]] = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= jobs * PENDING_PER_JOB:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
