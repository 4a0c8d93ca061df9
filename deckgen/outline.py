"""Read and write outlines as JSON, YAML (both loadable) and Markdown (for reading).

The dictionary shape is the documented contract::

    {"title", "subtitle", "as_of", "sources": [{"id", "path", "title", "publisher", "author", "date", "url"}],
     "bluf": [POINT], "sections": [{"title", "points": [POINT], "withheld": [CITATION] (only when no points)}]}
    POINT = {"text", "citations": [CITATION], "sentences": [ids], "reason" (only when the point has one)}
    CITATION = {"source", "paragraph", "quote"}
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import yaml

from .errors import OutlineError
from .ingest import parse_date, yaml_problem
from .model import Chart, Citation, Contrast, Outline, Point, Section, SourceInfo

FORMATS = ("json", "yaml", "md")
EMPTY_TEXT = "The sources hold nothing on this topic."
WITHHELD_TEXT = ("The sources touch on this only in passages that name no speaker or subject, "
                 "or ask a question: see the cited paragraphs.")


def to_dict(outline: Outline) -> dict:
    return {
        "title": outline.title,
        "subtitle": outline.subtitle,
        "author": outline.author,
        "as_of": _iso(outline.as_of),
        "sources": [{"id": s.id, "path": s.path, "title": s.title, "publisher": s.publisher,
                     "author": s.author, "date": _iso(s.date), "url": s.url} for s in outline.sources],
        "bluf": [_point_dict(p) for p in outline.bluf],
        "sections": [_section_dict(s) for s in outline.sections],
        "figures": [_point_dict(p) for p in outline.figures],
        "charts": [{"title": c.title, "unit": c.unit,
                    "bars": [{"label": label, "text": text, "low": low, "high": high, "citation": asdict(citation)}
                             for label, text, low, high, citation in zip(c.labels, c.texts, c.lows, c.highs,
                                                                         c.citations)]}
                   for c in outline.charts],
        "quotes": [_point_dict(p) for p in outline.quotes],
        "timeline": [_point_dict(p) for p in outline.timeline],
        "perspectives": [_section_dict(s) for s in outline.perspectives],
        "contrasts": [{"topic": c.topic, "sides": [_section_dict(s) for s in c.sides]} for c in outline.contrasts],
    }


def _section_dict(section: Section) -> dict:
    found = {"withheld": [asdict(c) for c in section.withheld]} if section.withheld else {}
    return {"title": section.title, "points": [_point_dict(p) for p in section.points], **found}


def _point_dict(point: Point) -> dict:
    reason = {"reason": point.reason} if point.reason is not None else {}
    return {"text": point.text,
            "citations": [{"source": c.source, "paragraph": c.paragraph, "quote": c.quote} for c in point.citations],
            "sentences": list(point.sentence_ids), **reason}


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
    """Everything the deck shows, for review: BLUF, sections, then the other slide kinds that
    have content (figures and charts, quotes, timeline, perspectives and contrasts), sources."""
    lines = [f"# {outline.title}", ""]
    if outline.as_of:
        lines += [f"As of {outline.as_of.isoformat()}", ""]

    def where(citations) -> str:  # each paragraph once, as the deck's markers cite it
        return "; ".join(dict.fromkeys(f"{c.source} para. {c.paragraph}" for c in citations))

    def cited(points) -> list[str]:
        return [f"- {p.text} [{where(p.citations)}]" for p in points]

    def empty(section: Section) -> str:
        if section.withheld:
            return f"- ({WITHHELD_TEXT} [{where(section.withheld)}])"
        return f"- ({EMPTY_TEXT})"

    for section in (Section("Bottom line up front", outline.bluf), *outline.sections):
        lines += [f"## {section.title}", "", *(cited(section.points) or [empty(section)]), ""]
    extras = [("By the numbers", cited(outline.figures))]
    extras += [(f"Chart: {chart.title}", [f"- {label}: {text} [{c.source} para. {c.paragraph}]"
                                          for label, text, c in zip(chart.labels, chart.texts, chart.citations)])
               for chart in outline.charts]
    extras += [("Key quotes", cited(outline.quotes)), ("Timeline and what to watch", cited(outline.timeline))]
    extras += [(f"Perspectives: {group.title}", cited(group.points)) for group in outline.perspectives]
    extras += [(f"Contrast: {contrast.topic}", [line for side in contrast.sides
                                                for line in (f"- {side.title}:", *("  " + c for c in cited(side.points)))])
               for contrast in outline.contrasts]
    for heading, items in extras:
        if items:
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
    including a citation of a source id the outline does not list."""
    if not isinstance(raw, dict):
        raise TypeError("an outline must be a mapping with title, sources, bluf and sections")
    sources = tuple(SourceInfo(id=str(s["id"]), path=str(s["path"]), title=s.get("title"),
                               publisher=s.get("publisher"), author=s.get("author"),
                               date=parse_date(s.get("date"), f"source {s['id']} date"), url=s.get("url"))
                    for s in raw["sources"])
    known = {s.id for s in sources}

    def points(items) -> tuple[Point, ...]:
        return tuple(_point(p, known) for p in items or [])

    def sections(items) -> tuple[Section, ...]:
        return tuple(Section(str(s["title"]), points(s.get("points")),
                             tuple(_citation(c, known, str(s["title"])) for c in s.get("withheld") or []))
                     for s in items or [])

    return Outline(
        title=str(raw["title"]),
        subtitle=raw.get("subtitle"),
        author=raw.get("author"),
        as_of=parse_date(raw.get("as_of"), "as_of"),
        sources=sources,
        bluf=points(raw.get("bluf")),
        sections=sections(raw["sections"]),
        figures=points(raw.get("figures")),
        charts=tuple(_chart(c, known) for c in raw.get("charts") or []),
        quotes=points(raw.get("quotes")),
        timeline=points(raw.get("timeline")),
        perspectives=sections(raw.get("perspectives")),
        contrasts=tuple(Contrast(str(c["topic"]), sections(c["sides"])) for c in raw.get("contrasts") or []),
    )


def _chart(raw: dict, known: set[str]) -> Chart:
    bars = raw["bars"]
    citations = tuple(_citation(b["citation"], known, raw["title"]) for b in bars)
    return Chart(str(raw["title"]), raw.get("unit"), tuple(str(b["label"]) for b in bars),
                 tuple(str(b["text"]) for b in bars), tuple(float(b["low"]) for b in bars),
                 tuple(float(b["high"]) for b in bars), citations)


def _citation(raw: dict, known: set[str], what: str) -> Citation:
    citation = Citation(str(raw["source"]), int(raw["paragraph"]), str(raw["quote"]))
    if citation.source not in known:
        raise ValueError(f"{what[:40]!r} cites unknown source {citation.source!r}")
    return citation


def _point(raw: dict, known: set[str]) -> Point:
    citations = tuple(_citation(c, known, f"point {raw['text'][:40]!r}") for c in raw["citations"])
    if not citations:
        raise ValueError(f"point {raw['text'][:40]!r} has no citation")
    reason = raw.get("reason")
    return Point(str(raw["text"]), citations, tuple(str(i) for i in raw.get("sentences") or []),
                 None if reason is None else str(reason))
