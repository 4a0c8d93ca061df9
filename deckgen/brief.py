"""Load a brief file: the deck's title, its sources' metadata and its sections.

A brief is YAML::

    title: Anti-IS coalition winds down its Iraq mission
    subtitle: optional line under the title
    as_of: 2024-09-27          # optional; default: the newest source date
    author: optional
    sources:                   # paths are relative to the brief file
      - path: article.txt
        publisher: Voice of America
        date: 2024-09-27
        title: null
        url: null
    sections:                  # a bare title, or a title with a description
      - Mission change
      - title: IS resurgence
        description: signs that the Islamic State is rebuilding

Unknown keys are errors that name the key; YAML errors name the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .errors import BriefError
from .ingest import METADATA_KEYS, yaml_problem, parse_date
from .model import SectionSpec

BRIEF_KEYS = ("title", "subtitle", "as_of", "author", "sources", "sections")
SECTION_KEYS = ("title", "description")


@dataclass(frozen=True)
class SourceEntry:
    """A source named in a brief: its resolved path and the metadata the brief gives."""

    path: Path
    metadata: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Brief:
    """A loaded brief; ``path`` is the file it came from (None for the empty brief)."""

    path: Path | None = None
    title: str | None = None
    subtitle: str | None = None
    as_of: date | None = None
    author: str | None = None
    sources: tuple[SourceEntry, ...] = ()
    sections: tuple[SectionSpec, ...] = ()

    def metadata_for(self, path: Path) -> dict:
        """The brief's metadata for ``path`` (matched on the resolved path, then the file name); {} if none."""
        for entry in self.sources:
            if entry.path.resolve() == path.resolve():
                return entry.metadata
        for entry in self.sources:
            if entry.path.name == path.name:
                return entry.metadata
        return {}


class _DatesAsText(yaml.SafeLoader):
    """YAML's safe loader with dates left as text, so that ``parse_date`` judges them and an
    impossible one ("2024-02-30") gets a message naming it rather than a traceback."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def load_brief(path: Path) -> Brief:
    """Read and validate a brief file; raises BriefError naming the file and the problem."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_DatesAsText)
    except FileNotFoundError:
        raise BriefError(f"{path}: no such brief file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefError(f"{path}: cannot read the brief ({exc})") from None
    except yaml.YAMLError as exc:
        raise BriefError(f"{path}: invalid YAML at {yaml_problem(exc)}") from None
    try:
        return _parse(raw or {}, path)
    except ValueError as exc:
        raise BriefError(f"{path}: {exc}") from None


def _parse(raw, path: Path) -> Brief:
    _check_mapping(raw, BRIEF_KEYS, "the brief")
    base = path.parent
    return Brief(
        path=path,
        title=_optional_str(raw, "title"),
        subtitle=_optional_str(raw, "subtitle"),
        as_of=parse_date(raw.get("as_of"), "as_of"),
        author=_optional_str(raw, "author"),
        sources=tuple(_source(entry, base, n) for n, entry in enumerate(_list(raw, "sources"), 1)),
        sections=tuple(_section(entry, n) for n, entry in enumerate(_list(raw, "sections"), 1)),
    )


def _source(entry, base: Path, number: int) -> SourceEntry:
    what = f"sources entry {number}"
    _check_mapping(entry, ("path", *METADATA_KEYS), what)
    if not entry.get("path"):
        raise ValueError(f"{what} has no 'path'")
    metadata = {key: entry[key] for key in METADATA_KEYS if entry.get(key) is not None}
    if "date" in metadata:
        metadata["date"] = parse_date(metadata["date"], f"{what} date")
    return SourceEntry(path=base / str(entry["path"]), metadata=metadata)


def _section(entry, number: int) -> SectionSpec:
    if isinstance(entry, str) and entry.strip():
        return SectionSpec(entry.strip())
    _check_mapping(entry, SECTION_KEYS, f"sections entry {number}")
    title = _optional_str(entry, "title")
    if not title:
        raise ValueError(f"sections entry {number} has no 'title'")
    return SectionSpec(title, _optional_str(entry, "description"))


def _check_mapping(value, allowed: tuple[str, ...], what: str) -> None:
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a mapping of keys to values")
    unknown = [str(key) for key in value if key not in allowed]
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} in {what} (allowed: {', '.join(allowed)})")


def _list(raw: dict, key: str) -> list:
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise ValueError(f"'{key}' must be a list")
    return value


def _optional_str(raw: dict, key: str) -> str | None:
    value = raw.get(key)
    return None if value is None else str(value).strip()
