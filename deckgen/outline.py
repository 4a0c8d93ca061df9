"""Read and write outlines as JSON, YAML (both loadable) and Markdown (for reading).

The dictionary shape is the documented contract::

    {"title", "subtitle", "author", "as_of",
     "sources": [{"id", "path", "title", "publisher", "author", "date", "url"}],
     "bluf": [POINT],
     "sections": [{"title", "points": [POINT], "withheld": [CITATION] (only when no points),
                   "sources": [source ids the section rests on]}],
     ...each slide kind's items under its keys ("figures", "charts", "quotes", "timeline",
     "perspectives", "contrasts")}
    POINT = {"label" (only when set), "text", "citations": [CITATION], "sentences": [ids],
             "reason" (only when set)}
    CITATION = {"source", "paragraph", "quote"}
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import yaml

from .errors import OutlineError
from .ingest import parse_date, yaml_problem
from .kinds import all_kinds
from .kinds.base import Context, load_point, load_section, point_dict, section_dict
from .model import Outline, Section, SourceInfo

FORMATS = ("json", "yaml", "md")
EMPTY_TEXT = "The sources hold nothing on this topic."
WITHHELD_TEXT = ("The sources touch on this only in passages that name no speaker or subject, "
                 "or ask a question: see the cited paragraphs.")


def to_dict(outline: Outline) -> dict:
    """The outline as the documented dictionary: the header, the BLUF and the sections, then
    each registered kind's items under its own keys."""
    data = {
        "title": outline.title,
        "subtitle": outline.subtitle,
        "author": outline.author,
        "as_of": _iso(outline.as_of),
        "sources": [{"id": s.id, "path": s.path, "title": s.title, "publisher": s.publisher,
                     "author": s.author, "date": _iso(s.date), "url": s.url} for s in outline.sources],
        "bluf": [point_dict(p) for p in outline.bluf],
        "sections": [{**section_dict(s), "sources": list(s.sources)} for s in outline.sections],
    }
    for kind in all_kinds():
        if kind.keys:
            data.update(kind.dump(outline.group(kind.name)))
    return data


def with_sources(sections: tuple[Section, ...], sources: tuple[SourceInfo, ...]) -> tuple[Section, ...]:
    """The sections, each with the ids of the sources its points cite (in the order of ``sources``)."""
    from .extract.coverage import sources_by_section

    support = sources_by_section(sections, sources)
    return tuple(replace(section, sources=support[section.title]) for section in sections)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def dumps(outline: Outline, fmt: str = "json") -> str:
    """The outline as text in ``fmt`` (json, yaml or md)."""
    if fmt == "json":
        return json.dumps(to_dict(outline), ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        return yaml.safe_dump(to_dict(outline), allow_unicode=True, sort_keys=False, width=100)
    if fmt == "md":
        return _markdown(outline)
    raise OutlineError(f"unknown outline format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _markdown(outline: Outline) -> str:
    """Everything the deck shows, for review: each registered kind's headings and lines (the
    BLUF, the sections, then the kinds with content), then the sources. Headings are the
    default layout's slide titles."""
    from .layouts import load_layout
    from .text import Templates

    context = Context(Templates(load_layout().template_folders))
    lines = [f"# {outline.title}", ""]
    if outline.as_of:
        lines += [f"As of {outline.as_of.isoformat()}", ""]
    for kind in all_kinds():
        for heading, items in kind.review(outline, context):
            lines += [f"## {heading}", "", *items, ""]
    lines += ["## Sources", ""]
    lines += [f"- {s.id}: {', '.join(str(v) for v in (s.publisher, s.title, s.date, s.url or s.path) if v)}"
              for s in outline.sources]
    return "\n".join(lines) + "\n"


def load_outline(path: Path) -> Outline:
    """Read a JSON or YAML outline file (by suffix; YAML otherwise) and validate its shape."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise OutlineError(f"{path}: no such outline file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OutlineError(f"{path}: cannot read the outline ({exc})") from None
    try:
        raw = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise OutlineError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    except yaml.YAMLError as exc:
        raise OutlineError(f"{path}: invalid YAML at {yaml_problem(exc)}") from None
    try:
        return from_dict(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise OutlineError(f"{path}: {_describe(exc)}") from None


def _describe(exc: Exception) -> str:
    return f"missing key {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)


def from_dict(raw: dict) -> Outline:
    """Build an Outline from its dictionary; raises KeyError/TypeError/ValueError on a bad shape,
    including a citation of a source id the outline does not list. A section without
    ``sources`` (a file written before they were kept) rests on the sources its points cite."""
    if not isinstance(raw, dict):
        raise TypeError("an outline must be a mapping with title, sources, bluf and sections")
    sources = tuple(SourceInfo(id=str(s["id"]), path=str(s["path"]), title=s.get("title"),
                               publisher=s.get("publisher"), author=s.get("author"),
                               date=parse_date(s.get("date"), f"source {s['id']} date"), url=s.get("url"))
                    for s in raw["sources"])
    known = {s.id for s in sources}
    sections = tuple(load_section(s, known) for s in raw["sections"])
    if all("sources" in s for s in raw["sections"]):
        sections = tuple(replace(section, sources=tuple(str(i) for i in s["sources"]))
                         for section, s in zip(sections, raw["sections"]))
    else:
        sections = with_sources(sections, sources)
    groups = {kind.name: kind.load(raw, known) for kind in all_kinds() if kind.keys}
    return Outline(
        title=str(raw["title"]),
        subtitle=raw.get("subtitle"),
        author=raw.get("author"),
        as_of=parse_date(raw.get("as_of"), "as_of"),
        sources=sources,
        bluf=tuple(load_point(p, known) for p in raw.get("bluf") or []),
        sections=sections,
        groups={name: items for name, items in groups.items() if items},
    )
