"""What every reader shares: the metadata keys, text normalisation, dates and YAML messages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

DEFAULT_MAX_INPUT_MB = 20
METADATA_KEYS = ("title", "publisher", "author", "date", "url")

# C0/C1 controls other than tab and newline, lone surrogates and the non-characters
# XML (so python-pptx) rejects; soft hyphens are invisible and only split words.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SOFT_HYPHEN = "\u00ad"


def normalise(text: str) -> str:
    """Unify line ends, drop control characters, join the lines inside each paragraph.

    A paragraph is a block separated by blank lines; in a text with no blank line at
    all, each non-empty line is a paragraph. The result separates paragraphs by one
    blank line and has no leading or trailing white space.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub(" ", text.replace("\t", " ").replace(_SOFT_HYPHEN, ""))
    lines = [line.strip() for line in text.split("\n")]
    if any(not line for line in _strip_blank_ends(lines)):
        blocks = re.split(r"\n\s*\n", "\n".join(lines))
        paragraphs = [" ".join(block.split()) for block in blocks]
    else:
        paragraphs = [" ".join(line.split()) for line in lines]
    return "\n\n".join(p for p in paragraphs if p)


def _strip_blank_ends(lines: list[str]) -> list[str]:
    start = next((i for i, line in enumerate(lines) if line), len(lines))
    end = len(lines) - next((i for i, line in enumerate(reversed(lines)) if line), len(lines))
    return lines[start:end]


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Paragraphs found by a structured reader (HTML, DOCX, PDF) as one text: white space
    inside each collapsed, empty ones dropped, blank lines between."""
    return "\n\n".join(p for p in (" ".join(p.split()) for p in paragraphs) if p)


def clean_value(value) -> str | None:
    """A metadata value as one line of text, or None when it is missing or blank."""
    if value is None:
        return None
    text = " ".join(_CONTROL.sub(" ", str(value)).split())
    return text or None


def parse_date(value, what: str) -> date | None:
    """Accept None, a date, a datetime or an ISO 'YYYY-MM-DD[...]' string; raise ValueError naming ``what`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a date of the form YYYY-MM-DD") from None


def yaml_problem(exc, first_line: int = 1) -> str:
    """A YAML error as 'line N: problem' (or the problem alone when it has no position);
    ``first_line`` is the file's line number of the YAML's first line."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"line {mark.line + first_line}: {problem}" if mark else problem
