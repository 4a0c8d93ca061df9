"""Wire the stages: ingest -> segment -> summarize -> plan -> render.

The only module that knows the order of the stages; every function here raises
DeckgenError subclasses and never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .analysis import analyse_all
from .brief import Brief
from .embed import forget_embeddings
from .errors import InputError
from .extras import briefing_extras
from .ingest import DEFAULT_MAX_INPUT_MB, read_document
from .model import Document, Outline, Point, SectionSpec, SourceInfo
from .plan import BLUF_POINTS, MAX_SECTION_POINTS, plan_outline, point_from
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
    extras: bool = True  # figures, quotes, timeline, perspectives: skip when no slide shows them


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
    )
    if not request.extras:
        return outline
    return replace(outline, **briefing_extras(analyse_all(documents)))


def keypoints_for_text(text_id: str, text: str, k: int = 3, summarizer: str = DEFAULT_SUMMARIZER) -> list[Point]:
    """The k key points of one text given in memory (batch mode and benchmarks), in document order.

    Raises InputError naming ``text_id`` when the text has no sentences.
    """
    from .ingest import normalise

    forget_embeddings()
    document = segment(Document(SourceInfo(id="S1", path=str(text_id)), normalise(text)))
    if not document.sentences:
        raise InputError(f"{text_id}: the text has no sentences to summarise")
    return [point_from(s) for s in get_summarizer(summarizer).keypoints(document.sentences, k)]


def verify_outline(outline: Outline, base: Path) -> list[str]:
    """Check an (edited) outline against its sources before rendering.

    Raises OutlineError when a citation's quote is not in the cited paragraph of a
    readable source. Returns warnings: sources that could not be read (their quotes
    are unchecked) and bullets with words their quotes do not have.
    """
    from .compress import is_faithful, strip_date_labels, uses_only_quoted_words
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
    bullets = {id(p) for p in [*outline.bluf, *(p for s in outline.sections for p in s.points)]}
    charted = [(f"chart {chart.title[:40]!r}", c) for chart in outline.charts for c in chart.citations]
    withheld = [(f"section {s.title[:40]!r}", c) for s in outline.sections for c in s.withheld]
    for what, citation in [*((f"point {p.text[:50]!r}", c) for p in outline.all_points() for c in p.citations),
                           *charted, *withheld]:
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
    for point in outline.all_points():
        quotes = " ".join(c.quote for c in point.citations)
        # bullets delete words from their quotes; other items (figures, quotes, timeline,
        # perspectives) put words of their quotes together, after any date label
        faithful = is_faithful(point.text, quotes) if id(point) in bullets else \
            uses_only_quoted_words(strip_date_labels(point.text), quotes)
        if not faithful:
            warnings.append(f"point {point.text[:50]!r} has words its quotes do not have")
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
