"""What a slide kind is made of: the ``SlideKind`` base class, the ``Corpus`` kinds collect
from, what their slides are drawn with, and the outline-file form of points and citations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..model import Citation, Contrast, Outline, Point, Section
from ..render.items import BulletGroup, point_item

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..layouts import Layout
    from ..model import Document
    from ..render.footnotes import Footnotes
    from ..text import Templates


@dataclass(frozen=True)
class Corpus:
    """The documents of one outline, as the kinds collect from them: ``analyses`` (one spaCy
    parse a document: those given, else made on first use; of a long input, only what the
    extras read, see ``extras.extras_sentences``) and ``extracts`` (the figures, quotes, times
    and statements found, as outline items, made on first use) are shared by every kind.
    ``bullets`` are the outline's BLUF and section points, which an extra need not repeat."""

    documents: tuple[Document, ...]
    given_analyses: tuple[Analysis, ...] | None = None
    bullets: tuple[Point, ...] = ()

    @cached_property
    def analyses(self) -> tuple[Analysis, ...]:
        from ..analysis import analyse_all, needs_whole_parse
        from ..extras import extras_sentences

        if self.given_analyses is not None:
            return tuple(self.given_analyses)
        if needs_whole_parse(self.documents):
            return analyse_all(self.documents)
        return analyse_all(self.documents, extras_sentences(self.documents))

    @cached_property
    def extracts(self) -> dict[str, tuple]:
        from ..extras import briefing_extras

        return briefing_extras(self.analyses, self.bullets)


@dataclass(frozen=True)
class Context:
    """What a kind's slides and review are made with: the layout (None for a review), the
    width of a content slide's title (EMU), the templates, and the deck's footnotes (set for
    kinds that list them)."""

    templates: Templates
    layout: Layout | None = None
    title_width: int = 0
    footnotes: Footnotes | None = None

    def title(self, kind: str, topic: str | None = None) -> str:
        """The kind's slide title from the ``kind_title`` template, with a topic after it."""
        return self.templates.render("kind_title", kind=kind, topic=topic)


Known = set[str]  # the source ids an outline file lists


class SlideKind:
    """A slide kind. Subclasses set ``name`` and override what differs:

    * ``collect``: its items from the documents (kinds with ``keys`` store them in the outline);
    * ``keys``: the outline-file keys of its items (``dump`` and ``load`` write and read them);
    * ``faithful``: how a point is checked against its quotes (by default it uses only quoted
      words, after its label);
    * ``slides``: what its slides show, as ``BulletGroup``s (or charts, contrasts, the title);
    * ``review``: its headings and lines in the Markdown review.
    """

    name: str = ""
    keys: tuple[str, ...] = ()
    needs_footnotes = False  # its slides list the deck's footnotes (drawn after the others)

    # ---- items ------------------------------------------------------------------------
    def collect(self, corpus: Corpus) -> tuple:
        """Items from the documents; by default those ``extras`` found under this kind's name."""
        return corpus.extracts.get(self.name, ())

    def items(self, outline: Outline) -> tuple:
        return outline.group(self.name)

    def points(self, outline: Outline) -> list[Point]:
        """Every point the kind's items hold."""
        return [point for item in self.items(outline) for point in points_of(item)]

    def citations(self, outline: Outline) -> list[tuple[str, Citation]]:
        """(what, citation) for every citation its items hold, to check against the sources."""
        return [(f"point {p.text[:50]!r}", c) for p in self.points(outline) for c in p.citations]

    def faithful(self, point: Point) -> bool:
        """Whether the point says only what its quotes say: by default its text puts words of
        its quotes together (figures, quotes, timeline items, statements); its label is not
        checked."""
        from ..compress import uses_only_quoted_words

        return uses_only_quoted_words(point.text, " ".join(c.quote for c in point.citations))

    # ---- outline file -----------------------------------------------------------------
    def dump(self, items: tuple) -> dict[str, Any]:
        """Its items under its keys; by default a list of points under its name."""
        return {key: [point_dict(p) for p in items] for key in self.keys}

    def load(self, raw: Mapping, known: Known) -> tuple:
        """Its items read from an outline file's mapping; raises KeyError, TypeError or
        ValueError on a bad shape."""
        return tuple(load_point(p, known) for key in self.keys for p in raw.get(key) or [])

    # ---- slides and review ------------------------------------------------------------
    def slides(self, outline: Outline, context: Context) -> list:
        """What its slides show; by default one group of bullets titled by the layout, none
        when it has no items."""
        points = self.items(outline)
        return [BulletGroup(context.title(self.name), tuple(point_item(p) for p in points))] if points else []

    def review(self, outline: Outline, context: Context) -> list[tuple[str, list[str]]]:
        """(heading, lines) for the Markdown review; by default its slides' bullet groups."""
        return [(group.title, [f"- {item.text}" + cited(item.citations) for item in group.items])
                for group in self.slides(outline, context) if isinstance(group, BulletGroup) and group.items]


def points_of(item) -> list[Point]:
    """The points an outline item holds: a point, a section's points, a contrast's sides' points."""
    if isinstance(item, Point):
        return [item]
    if isinstance(item, Section):
        return list(item.points)
    if isinstance(item, Contrast):
        return [p for side in item.sides for p in side.points]
    return []  # a chart: its bars are citations, not points


def cited(citations: Sequence[Citation]) -> str:
    """' [S1 para. 3; S2 para. 1]': each cited paragraph once, as the deck's markers cite it."""
    return f" [{'; '.join(dict.fromkeys(f'{c.source} para. {c.paragraph}' for c in citations))}]"


# ---- outline-file form ----------------------------------------------------------------------
def point_dict(point: Point) -> dict:
    data = {"text": point.text,
            "citations": [{"source": c.source, "paragraph": c.paragraph, "quote": c.quote} for c in point.citations],
            "sentences": list(point.sentence_ids)}
    if point.reason is not None:
        data["reason"] = point.reason
    return {"label": point.label, **data} if point.label else data


def section_dict(section: Section) -> dict:
    found = {"withheld": [asdict(c) for c in section.withheld]} if section.withheld else {}
    return {"title": section.title, "points": [point_dict(p) for p in section.points], **found}


def load_citation(raw: Mapping, known: Known, what: str) -> Citation:
    citation = Citation(str(raw["source"]), int(raw["paragraph"]), str(raw["quote"]))
    if citation.source not in known:
        raise ValueError(f"{what[:40]!r} cites unknown source {citation.source!r}")
    return citation


def load_point(raw: Mapping, known: Known) -> Point:
    citations = tuple(load_citation(c, known, f"point {raw['text'][:40]!r}") for c in raw["citations"])
    if not citations:
        raise ValueError(f"point {raw['text'][:40]!r} has no citation")
    label, reason = raw.get("label"), raw.get("reason")
    return Point(str(raw["text"]), citations, tuple(str(i) for i in raw.get("sentences") or []),
                 str(label) if label else None, None if reason is None else str(reason))


def load_section(raw: Mapping, known: Known) -> Section:
    title = str(raw["title"])
    return Section(title, tuple(load_point(p, known) for p in raw.get("points") or []),
                   tuple(load_citation(c, known, title) for c in raw.get("withheld") or []))
