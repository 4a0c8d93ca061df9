"""What every reader shares: blocks with roles, the metadata keys, text normalisation, dates
and YAML messages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import NamedTuple

from ..calendar_names import MONTH_ABBREVIATIONS, MONTHS, any_of
from ..model import Role

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


class Block(NamedTuple):
    """One paragraph as a reader found it: its text, its role and, for a heading, its level."""

    text: str
    role: Role = Role.BODY
    level: int = 0


# A note's number glued to the text it follows: "corrective action.6 The FAA", "fatigue[1] in".
# A number after an abbreviation is no note ("No.5", "p.12", "Fig.3").
_NUMBERING = "".join(rf"(?<!{a}\.)" for a in ("No", "no", "Nr", "p", "pp", "Vol", "vol", "Art", "art", "Fig", "fig",
                                               "Sec", "sec", "ch", "Ch", "Op", "op"))
_NOTE_MARKER = re.compile(rf"(?<=[a-z)”\"’][.!?,;:]){_NUMBERING}\d{{1,3}}(?=\s|$)|(?<=\w)\[\d{{1,3}}\](?=[\s.,;:]|$)")


def without_note_markers(text: str) -> str:
    """The text with the numbers of notes glued to it taken out (a decimal such as "2.6" stays).

    >>> without_note_markers("The crew took corrective action.6 The FAA sent a letter[2].")
    'The crew took corrective action. The FAA sent a letter.'
    """
    return _NOTE_MARKER.sub("", text)


def text_blocks(text: str) -> list[Block]:
    """The body paragraphs of a plain text (see ``normalise``)."""
    return [Block(paragraph) for paragraph in normalise(text).split("\n\n") if paragraph]


def heading(text: str, level: int = 1) -> Block:
    return Block(text, Role.HEADING, max(level, 1))


def clean_value(value) -> str | None:
    """A metadata value as one line of text, or None when it is missing or blank."""
    if value is None:
        return None
    text = " ".join(_CONTROL.sub(" ", str(value)).split())
    return text or None


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value, what: str) -> date | None:
    """Accept None, a date, a datetime or an ISO 'YYYY-MM-DD[...]' string; raise ValueError naming
    ``what`` otherwise: a string of that form naming no day of the calendar ("2024-02-30") is
    said not to exist."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    form = _ISO_DATE.match(text)
    if not form:
        raise ValueError(f"{what} {value!r} is not a date of the form YYYY-MM-DD")
    try:
        return date(*map(int, form.groups()))
    except ValueError:
        raise ValueError(f"{what} {text[:10]!r} does not exist (no such day in the calendar)") from None


def yaml_problem(exc, first_line: int = 1) -> str:
    """A YAML error as 'line N: problem' (or the problem alone when it has no position);
    ``first_line`` is the file's line number of the YAML's first line."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"line {mark.line + first_line}: {problem}" if mark else problem


_MONTH = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH.update({name.lower(): _MONTH[full.lower()] for name in MONTH_ABBREVIATIONS
               for full in MONTHS if full.startswith(name[:3])})
_DAY = r"(?P<day>\d ?\d|\d)(?:st|nd|rd|th)?"  # "2 6": a day a scan split
_MONTH_NAME = rf"(?P<month>{any_of(MONTHS + MONTH_ABBREVIATIONS)})\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WRITTEN_DATES = (
    re.compile(rf"\b{_MONTH_NAME}\s+{_DAY},?\s+{_YEAR}\b", re.I),                  # February 15th, 2023
    re.compile(rf"\b{_DAY}\s+{_MONTH_NAME},?\s+{_YEAR}\b", re.I),                  # 26 February 2014
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),  # 02/08/2016
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),        # 2016-02-08
)
# Where a document states its own date: a labelled line ("Date: ...", "Issued ..."), a line that
# is only a date, or a dateline before the first sentence ("WASHINGTON, Oct. 12, 2017 – ...").
_DATE_LABEL = re.compile(r"^(?:Date|Dated|Issued|Issue date|Published|Released|Date of issue|Effective date)\b:?\s+", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]+)?,\s+(?P<date>.{6,25}?)\s*[-–—]\s")
MAX_DATE_LINE_WORDS = 6  # "Tuesday, February 8, 2016 10:00 AM": a line of its own holding only a date
STATED_DATE_WITHIN = 25  # look for the document's date among its first paragraphs only


def stated_date(blocks: Iterable[Block]) -> date | None:
    """The date a document states for itself near its start: the first labelled date line, line
    that is only a date, dateline date, or date in a line of furniture (a running head: "Federal
    Register / Vol. 84, No. 123 / Wednesday, June 26, 2019"; a byline with its date) among its
    first STATED_DATE_WITHIN paragraphs.

    >>> stated_date([Block("To: Commission"), Block("Date: February 15th, 2023"), Block("The bill ...")])
    datetime.date(2023, 2, 15)
    """
    for block in [b for b in blocks if b.text.strip()][:STATED_DATE_WITHIN]:
        text = block.text.strip()
        label, dateline = _DATE_LABEL.match(text), _DATELINE.match(text)
        if block.role is Role.FURNITURE:
            candidate = text
        elif label:
            candidate = text[label.end():]
        elif dateline:
            candidate = dateline.group("date")
        elif len(text.split()) <= MAX_DATE_LINE_WORDS:
            candidate = text
        else:
            continue
        found = _written_date(candidate)
        if found:
            return found
    return None


def _written_date(text: str) -> date | None:
    for pattern in _WRITTEN_DATES:
        match = pattern.search(text)
        if match:
            month = match.group("month")
            month = int(month) if month.isdigit() else _MONTH[month.lower().rstrip(".")]
            try:
                return date(int(match.group("year")), month, int(match.group("day").replace(" ", "")))
            except ValueError:
                continue
    return None


_SUBJECT = re.compile(r"(?:^|\s)(?:Subject|Subj|Re):\s*(?P<subject>\S.{3,200}?)\s*$", re.I)


def stated_subject(texts: Iterable[str]) -> str | None:
    """A memo's subject line ("Subj: Open Data - Quarterly ...") among its first
    STATED_DATE_WITHIN paragraphs: the memo's title when it has no other."""
    for text in list(texts)[:STATED_DATE_WITHIN]:
        found = _SUBJECT.search(text)
        if found:
            return found.group("subject")
    return None
