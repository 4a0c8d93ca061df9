"""Key points for many texts: JSON lines in, JSON lines out, optionally in worker processes.

Each input line is an object with an ``id`` (string or number) and a ``text``; each output
line is ``{"id": ..., "points": [{"text": ..., "citations": [{"source", "paragraph", "quote"}]}]}``
with the k points in document order. Output order is input order whatever ``jobs`` is.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict

from .embed import load_model
from .errors import InputError
from .pipeline import keypoints_for_text
from .summarize import DEFAULT_SUMMARIZER, get_summarizer

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
    rows = _parse(lines)
    if jobs <= 1:
        results: Iterator[str] = (_keypoints_line(row, k, summarizer) for row in rows)
    else:
        results = _in_workers(rows, k, summarizer, jobs)
    for done, line in enumerate(results, start=1):
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


def _keypoints_line(row: tuple[int, str | int, str], k: int, summarizer: str) -> str:
    number, row_id, text = row
    points = keypoints_for_text(f"line {number} (id {row_id})", text, k, summarizer)
    return json.dumps({"id": row_id, "points": [{"text": p.text, "citations": [asdict(c) for c in p.citations]}
                                                for p in points]}, ensure_ascii=False)


def _in_workers(rows: Iterator[tuple[int, str | int, str]], k: int, summarizer: str, jobs: int) -> Iterator[str]:
    """Run rows in a pool with a bounded window of pending lines, yielding in input order."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=load_model) as pool:
        pending: deque[Future[str]] = deque()
        for row in rows:
            pending.append(pool.submit(_keypoints_line, row, k, summarizer))
            if len(pending) >= jobs * PENDING_PER_JOB:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
