"""Wire the stages: ingest -> segment -> summarize -> plan -> render.

The only module that knows the order of the stages; every function here raises
DeckgenError subclasses and never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .analysis import analyse, analyse_all, needs_whole_parse
from .brief import Brief
from .embed import forget_embeddings
from .errors import InputError, OutputError
from .kinds import KINDS, all_kinds, get_kind
from .kinds.base import Corpus
from .ingest import DEFAULT_MAX_INPUT_MB, read_document
from .layouts import Layout
from .model import Document, Outline, Point, SectionSpec, SourceInfo
from .outline import with_sources
from .plan import BLUF_POINTS, MAX_SECTION_POINTS, key_points, plan_outline, point_from
from .segment import segment
from .summarize import DEFAULT_SUMMARIZER, get_summarizer


@dataclass(frozen=True)
class OutlineRequest:
    """Everything that decides an outline. Flags win over the brief, the brief over the documents."""

    documents: tuple[Path, ...] = ()
    brief: Brief = field(default_factory=Brief)
    sections: tuple[SectionSpec, ...] = ()
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    as_of: date | None = None
    summarizer: str = DEFAULT_SUMMARIZER
    bluf_points: int = BLUF_POINTS
    max_points: int = MAX_SECTION_POINTS
    max_input_mb: float = DEFAULT_MAX_INPUT_MB
    kinds: tuple[str, ...] | None = None  # slide kinds whose items are collected; None: every one


def load_documents(paths: Sequence[Path], brief: Brief = Brief(),
                   max_input_mb: float = DEFAULT_MAX_INPUT_MB) -> list[Document]:
    """Read and segment each path as source S1..Sn; the brief's metadata overrides the document's own."""
    documents = []
    for number, path in enumerate(paths, start=1):
        document = read_document(path, f"S{number}", max_input_mb)
        overrides = brief.metadata_for(path)
        if overrides:
            document = replace(document, source=replace(document.source, **overrides))
        document = segment(document)
        if not document.sentences:
            raise InputError(f"{path}: the document has no sentences to summarise")
        documents.append(document)
    return documents


def build_outline(request: OutlineRequest) -> Outline:
    """Read the documents (from the request, else from the brief) and plan the outline."""
    paths = request.documents or tuple(entry.path for entry in request.brief.sources)
    if not paths:
        raise InputError("no documents given (name them, or list them under 'sources' in a brief)")
    documents = load_documents(paths, request.brief, request.max_input_mb)
    forget_embeddings()
    # parsed once here; a long document is parsed by plan_outline only where it can reach a slide
    analyses = analyse_all(documents) if needs_whole_parse(documents) else None
    documents = [analysis.document for analysis in analyses] if analyses else documents  # run-ins cut
    outline = plan_outline(
        documents,
        request.sections or request.brief.sections,
        get_summarizer(request.summarizer),
        title=request.title or request.brief.title,
        subtitle=request.subtitle or request.brief.subtitle,
        author=request.author or request.brief.author,
        as_of=request.as_of or request.brief.as_of,
        bluf_points=request.bluf_points,
        max_points=request.max_points,
        analyses=analyses,
        opens_with_bluf=_bluf_first(request.kinds),
    )
    bullets = (*outline.bluf, *(point for section in outline.sections for point in section.points))
    corpus = Corpus(tuple(documents), analyses, bullets)
    groups = {}
    for name in KINDS if request.kinds is None else request.kinds:
        items = get_kind(name).collect(corpus)
        if items:
            groups[name] = items
    return replace(outline, sections=with_sources(outline.sections, outline.sources), groups=groups)


def _bluf_first(kinds: Sequence[str] | None) -> bool:
    """True when the deck shows its BLUF before its sections (every kind when ``kinds`` is None)."""
    if kinds is None:
        return True
    return "bluf" in kinds and ("sections" not in kinds or kinds.index("bluf") < kinds.index("sections"))


@dataclass(frozen=True)
class Deck:
    """What ``build_deck`` made: the outline, where the deck went (None: not rendered) and an
    edited outline's warnings (see ``verify_outline``)."""

    outline: Outline
    path: Path | None = None
    warnings: tuple[str, ...] = ()


def build_deck(source: OutlineRequest | Outline, layout: Layout, out: Path | None = None,
               outline_folder: Path = Path(".")) -> Deck:
    """The one way to a deck, for every command, batch and benchmark: the outline of a request
    (documents read and summarised; only the slide kinds the layout shows are collected) or an outline already made (an edited file, checked against its
    sources found relative to ``outline_folder``), rendered to ``out`` when given.

    The output name and the master deck are checked before the slow work: raises OutputError
    for an output that is not a .pptx file, LayoutError for a bad master, and what reading,
    planning and rendering raise.
    """
    master = None
    if out is not None:
        from .render import open_master

        if out.suffix.lower() != ".pptx" and not out.is_dir():  # a folder: write_atomically says so
            raise OutputError(f"{out}: a deck is a .pptx file; give an output name ending in .pptx")
        master = open_master(layout)
    if isinstance(source, Outline):
        deck = Deck(source, out, tuple(verify_outline(source, outline_folder)))
    else:
        deck = Deck(build_outline(replace(source, kinds=layout.slides)), out)
    if out is not None:
        from .render import render_deck

        render_deck(deck.outline, layout, out, master=master)
    return deck


def keypoints_for_text(text_id: str, text: str, k: int = 3, summarizer: str = DEFAULT_SUMMARIZER) -> list[Point]:
    """The k key points of one text given in memory (batch mode and benchmarks), in document
    order, chosen as the deck's BLUF is (``plan.key_points``).

    Unlike slide bullets they are not cut to fit LONG_BULLET_WORDS: against editors' highlights
    (bench/quality.py) cutting the scene costs more than it gains. Raises InputError naming
    ``text_id`` when the text has no sentences.
    """
    from .ingest import normalise

    forget_embeddings()
    document = segment(Document(SourceInfo(id="S1", path=str(text_id)), normalise(text)))
    if not document.sentences:
        raise InputError(f"{text_id}: the text has no sentences to summarise")
    analyses = [analyse(document)] if needs_whole_parse([document]) else None
    document = analyses[0].document if analyses else document  # run-ins cut
    picks = key_points(document.sentences, k, get_summarizer(summarizer), analyses)
    analysis = analyses[0] if analyses else analyse(document, picks)
    return [point_from(s, analysis=analysis) for s in picks]


def verify_outline(outline: Outline, base: Path) -> list[str]:
    """Check an (edited) outline against its sources before rendering.

    Raises OutlineError when a citation's quote is not in the cited paragraph of a
    readable source. Returns warnings: sources that could not be read (their quotes
    are unchecked) and points with words their quotes do not have (each kind says how its
    points are checked: bullets delete words, other items use only quoted words).
    """
    from .errors import DeckgenError, OutlineError

    documents, warnings = {}, []
    for source in outline.sources:
        path = Path(source.path)
        candidates = [path] if path.is_absolute() else [path, base / path]
        found = next((p for p in candidates if p.is_file()), None)
        try:
            documents[source.id] = segment(read_document(found, source.id)) if found else None
        except DeckgenError:
            documents[source.id] = None
        if documents[source.id] is None:
            warnings.append(f"source {source.id} ({source.path}) cannot be read: its quotes are not checked")
    kinds = list(all_kinds())
    for what, citation in [cited for kind in kinds for cited in kind.citations(outline)]:
        document = documents.get(citation.source)
        if document is None:
            continue
        try:
            paragraph = document.paragraph_text(citation.paragraph)
        except KeyError:
            raise OutlineError(f"{what} cites {citation.source} para. {citation.paragraph},"
                               f" which {document.source.path} does not have") from None
        if citation.quote not in paragraph:
            raise OutlineError(f"{what}: its quote is not in {citation.source} "
                               f"para. {citation.paragraph} ({document.source.path})")
    for kind in kinds:
        for point in kind.points(outline):
            if not kind.faithful(point):
                warnings.append(f"point {point.shown[:50]!r} has words its quotes do not have")
    return warnings


def expand_folders(paths: Sequence[Path]) -> list[Path]:
    """Each folder becomes the documents directly in it (known formats, sorted by name);
    files stay as given. Raises InputError for a folder that holds no document."""
    from .ingest import READERS

    result: list[Path] = []
    for path in paths:
        if not path.is_dir():
            result.append(path)
            continue
        found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in READERS)
        if not found:
            raise InputError(f"{path}: the folder holds no document ({', '.join(sorted(READERS))})")
        result.extend(found)
    return result
