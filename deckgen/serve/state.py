"""The review session: one outline under edit, its sources, its layout settings and its file.

Items are addressed by group and position: a group is ``bluf``, ``figures``, ``quotes``,
``timeline``, ``sections/<i>``, ``perspectives/<i>`` or ``contrasts/<i>/<j>`` (a contrast's
side), an item is ``<group>#<index>``. Groups come from the registered slide kinds
(``deckgen.kinds``), which also check their points and title their slides: a kind's points are
one group named after it (so a new kind's points show without a change here), its sections a
group each, a contrast's sides a group each. Every edit names
the version it was made on; an edit of an older version raises StaleEdit, so two tabs never
overwrite each other silently. After each edit the outline is written (atomically) to the
outline file, in the contract of ``deckgen outline``, so ``deckgen render`` of that file gives
the page's deck.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import DeckgenError
from ..files import write_atomically
from ..kinds import all_kinds, get_kind
from ..kinds.base import Context
from ..layouts import DEFAULT_LAYOUT
from ..model import Contrast, Document, Outline, Point, Section
from ..outline import dumps, with_sources

BULLET_GROUPS = ("bluf", "sections")   # deletion-only bullets; items move freely between them
MAX_TEXT = 2000       # characters of an edited bullet or section title
# Flags the page sets, each a layout key: the CLI flag that sets it is --<key with dashes>.
FLAG_KEYS = ("master", "aspect", "font", "title_size", "body_size", "max_bullets", "slides", "footnotes",
             "classification")
UNDO_LIMIT = 200      # edits that can be undone


class RequestError(DeckgenError):
    """A request the session cannot carry out: an unknown item, group or operation, a bad value."""


class StaleEdit(DeckgenError):
    """An edit made on a version of the outline that another edit has replaced."""


@dataclass(frozen=True)
class Settings:
    """The layout and the flag values the deck is rendered with (layout keys, as --set takes them)."""

    layout: str = DEFAULT_LAYOUT
    overrides: dict = field(default_factory=dict)

    def load(self):
        """The Layout; raises LayoutError for a bad name or value."""
        from ..layouts import load_layout

        return load_layout(self.layout, self.overrides)

    def key(self) -> str:
        return json.dumps([self.layout, self.overrides], sort_keys=True, default=str)

    def render_command(self, outline_file: Path, output: Path) -> str:
        """The `deckgen render` command that writes the same deck."""
        import shlex

        import yaml

        words = ["deckgen", "render", str(outline_file)]
        if self.layout != DEFAULT_LAYOUT:
            words += ["--layout", self.layout]
        for key, value in sorted(self.overrides.items()):
            if key == "notes":
                words.append("--notes" if value else "--no-notes")
            elif key in FLAG_KEYS:
                words += [f"--{key.replace('_', '-')}", str(value)]
            elif key == "colors" and set(value) == {"accent"}:
                words += ["--accent", str(value["accent"])]
            else:  # --set reads YAML, and JSON is YAML; a plain string goes as it is
                plain = isinstance(value, str) and yaml.safe_load(value) == value
                words += ["--set", f"{key}={value if plain else json.dumps(value)}"]
        return shlex.join([*words, "-o", str(output)])


def outline_file_for(output: Path) -> Path:
    """Where the reviewed outline of ``output`` lives: beside it, ``<stem>.yaml`` (so that
    ``deckgen render`` of it writes ``output`` by default when ``output`` is out/<stem>.pptx)."""
    return output.with_suffix(".yaml")


def load_sources(outline: Outline, base: Path) -> dict[str, Document]:
    """The outline's sources read and segmented (a relative path is tried as given, then under
    ``base``); raises InputError for a source that cannot be read: the page needs every one."""
    from ..errors import InputError
    from ..ingest import read_document
    from ..segment import segment

    documents = {}
    for source in outline.sources:
        path = Path(source.path)
        found = next((p for p in ([path] if path.is_absolute() else [path, base / path]) if p.is_file()), None)
        if found is None:
            raise InputError(f"{source.path}: source {source.id} of the outline cannot be found")
        documents[source.id] = segment(read_document(found, source.id))
    return documents


def source_path(outline: Outline, base: Path, source_id: str) -> Path | None:
    """The file of source ``source_id`` (None for an id the outline does not list)."""
    for source in outline.sources:
        if source.id == source_id:
            path = Path(source.path)
            return path if path.is_absolute() or path.is_file() else base / path
    return None


def cited_sentences(point: Point, documents: dict[str, Document]) -> list[str]:
    """Ids of the sentences a point's citations quote: those overlapping the quote in the cited
    paragraph (a quote not found there cites none; ``verify_outline`` reports it)."""
    ids = []
    for citation in point.citations:
        document = documents.get(citation.source)
        paragraph = next((p for p in document.paragraphs if p.number == citation.paragraph), None) if document else None
        if paragraph is None:
            continue
        offset = document.text[paragraph.start:paragraph.end].find(citation.quote)
        if offset < 0:
            continue
        start = paragraph.start + offset
        end = start + len(citation.quote)
        ids += [s.id for s in document.sentences if s.start < end and s.end > start and s.id not in ids]
    return ids


def added_words(point: Point) -> list[str]:
    """Words of the point that none of its quotes has (what an edit added), each once."""
    from ..compress import tokens

    available = set(tokens(" ".join(c.quote for c in point.citations)))
    return list(dict.fromkeys(word for word in tokens(point.text) if word not in available))


def group_kinds(outline: Outline) -> dict[str, tuple[str, type]]:
    """Group kinds in page order (the registry's) -> (the slide kind holding their items, the
    type of those items): a slide kind's points or sections go by its name, contrasts by
    "contrasts". The BLUF and the sections are always there (bullets can be added to them);
    other kinds when they hold items. Charts are not among them (``chart_groups`` shows them)."""
    found = {"bluf": ("bluf", Point), "sections": ("sections", Section)}
    for kind in all_kinds():
        for item in kind.items(outline):
            if isinstance(item, (Point, Section, Contrast)):
                found.setdefault("contrasts" if isinstance(item, Contrast) else kind.name, (kind.name, type(item)))
    return found


def group_ids(outline: Outline) -> list[str]:
    """Every group in page order."""
    ids = []
    for kind, (_, of) in group_kinds(outline).items():
        items = _items(outline, kind)
        if of is Point:
            ids.append(kind)
        elif of is Section:
            ids += [f"{kind}/{i}" for i in range(len(items))]
        else:
            ids += [f"{kind}/{i}/{j}" for i, contrast in enumerate(items) for j in range(len(contrast.sides))]
    return ids


def get_points(outline: Outline, group: str) -> tuple[Point, ...]:
    kind, indexes = _parse_group(outline, group)
    if group_kinds(outline)[kind][1] is Point:
        return _items(outline, kind)
    return _section(outline, kind, indexes).points


def set_points(outline: Outline, group: str, points) -> Outline:
    """The outline with the group's points replaced; a section then rests on the sources its
    points cite (as the References slide lists them)."""
    kind, indexes = _parse_group(outline, group)
    if group_kinds(outline)[kind][1] is Point:
        return _with_items(outline, kind, points)
    section = replace(_section(outline, kind, indexes), points=tuple(points))
    if kind == "sections":
        section = with_sources((section,), outline.sources)[0]
    return _set_section(outline, kind, indexes, section)


def group_title(outline: Outline, group: str, context: Context) -> str:
    """The group's name on the page: its kind's slide title, a section's or perspective group's
    title, or a contrast's topic and side."""
    kind, indexes = _parse_group(outline, group)
    name, of = group_kinds(outline)[kind]
    if of is Point:
        return context.title(name)
    title = _section(outline, kind, indexes).title
    return f"{_items(outline, kind)[indexes[0]].topic}: {title}" if kind == "contrasts" else title


def slide_title(outline: Outline, group: str, context: Context) -> str:
    """The title of the slide(s) a group's items land on, as the layout words it: perspective
    groups and contrasts are shown under the perspectives kind's title and their group or topic."""
    kind, indexes = _parse_group(outline, group)
    if kind == "perspectives":
        return context.title("perspectives", _section(outline, kind, indexes).title)
    if kind == "contrasts":
        return context.title("perspectives", _items(outline, kind)[indexes[0]].topic)
    return group_title(outline, group, context)


def group_family(group: str) -> str:
    """Items move only between groups of one family: bullets (BLUF and sections), the groups of
    one kind of sections (perspective groups), the sides of one contrast; figures, quotes, the
    timeline and any other kind of points each stand alone."""
    kind = group.split("/")[0]
    if kind in BULLET_GROUPS:
        return "bullets"
    return group.rsplit("/", 1)[0] if kind == "contrasts" else kind


def faithful(outline: Outline, group: str, point: Point) -> bool:
    """The check ``verify_outline`` makes of the point: its slide kind's."""
    return get_kind(group_kinds(outline)[group.split("/")[0]][0]).faithful(point)


def _parse_group(outline: Outline, group: str) -> tuple[str, tuple[int, ...]]:
    if not isinstance(group, str) or group not in group_ids(outline):
        raise RequestError(f"no group {group!r} in the outline")
    kind, *rest = group.split("/")
    return kind, tuple(int(i) for i in rest)


def _items(outline: Outline, kind: str) -> tuple:
    """The items of a group kind: those of its type among its slide kind's items."""
    name, of = group_kinds(outline)[kind]
    return tuple(item for item in get_kind(name).items(outline) if isinstance(item, of))


def _with_items(outline: Outline, kind: str, items) -> Outline:
    """The outline with a group kind's items replaced; the other items of its slide kind (the
    charts beside the figures, the contrasts beside the perspective groups) stay where they were."""
    name, of = group_kinds(outline)[kind]
    if name in ("bluf", "sections"):  # fields of the outline, not groups
        return replace(outline, **{name: tuple(items)})
    old = outline.group(name)
    at = next((n for n, item in enumerate(old) if isinstance(item, of)), len(old))
    before = tuple(item for item in old[:at] if not isinstance(item, of))
    after = tuple(item for item in old[at:] if not isinstance(item, of))
    return replace(outline, groups={**outline.groups, name: (*before, *items, *after)})


def _section(outline: Outline, kind: str, indexes: tuple[int, ...]) -> Section:
    item = _items(outline, kind)[indexes[0]]
    return item.sides[indexes[1]] if kind == "contrasts" else item


def _set_section(outline: Outline, kind: str, indexes: tuple[int, ...], section: Section) -> Outline:
    items = list(_items(outline, kind))
    if kind == "contrasts":
        sides = list(items[indexes[0]].sides)
        sides[indexes[1]] = section
        section = replace(items[indexes[0]], sides=tuple(sides))
    items[indexes[0]] = section
    return _with_items(outline, kind, items)


def _item(outline: Outline, item: str) -> tuple[str, int, tuple[Point, ...]]:
    group, sep, index = item.partition("#") if isinstance(item, str) else ("", "", "")
    if not sep or not index.isdigit():
        raise RequestError(f"{item!r} is no item id (expected GROUP#INDEX)")
    points = get_points(outline, group)
    if int(index) >= len(points):
        raise RequestError(f"no item {item!r} in the outline")
    return group, int(index), points


def _text(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RequestError(f"{what} must be a non-empty string")
    if len(value) > MAX_TEXT:
        raise RequestError(f"{what} is longer than {MAX_TEXT} characters")
    return " ".join(value.split())


def _index(value, size: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= size:
        raise RequestError(f"{what} must be a position from 0 to {size}")
    return value


# ---- edits: each takes the outline and the request's fields, returns the new outline ----------
def drop(outline: Outline, request: dict, documents) -> Outline:
    group, index, points = _item(outline, request.get("item"))
    return set_points(outline, group, points[:index] + points[index + 1:])


def move(outline: Outline, request: dict, documents) -> Outline:
    """Move an item to ``position`` of group ``to`` (its own group by default: a reorder). An
    item moved to another group loses its reason (why the summarizer chose it for its own)."""
    group, index, points = _item(outline, request.get("item"))
    target = request.get("to", group)
    if group_family(target if isinstance(target, str) else "") != group_family(group):
        raise RequestError(f"{request.get('item')} cannot move to {target!r}: only between "
                           "groups of the same kind (BLUF and sections, perspectives, a contrast's sides)")
    point, left = points[index], points[:index] + points[index + 1:]
    remaining = left if target == group else get_points(outline, target)  # read before the group changes
    position = _index(request.get("position", len(remaining)), len(remaining), "position")
    if target != group:
        outline, point = set_points(outline, group, left), replace(point, reason=None)
    return set_points(outline, target, remaining[:position] + (point,) + remaining[position:])


def edit_text(outline: Outline, request: dict, documents) -> Outline:
    """New text for an item; its citations stay, so its footnote still points to the source."""
    group, index, points = _item(outline, request.get("item"))
    edited = replace(points[index], text=_text(request.get("text"), "text"))
    return set_points(outline, group, points[:index] + (edited,) + points[index + 1:])


def add_sentence(outline: Outline, request: dict, documents) -> Outline:
    """A source sentence as a new bullet (made as the summarizer makes one) at the end of a
    bullet group (the BLUF or a section)."""
    from ..plan import point_from

    group = request.get("to")
    if group_family(group if isinstance(group, str) else "") != "bullets":
        raise RequestError(f"a sentence can be added to the BLUF or a section, not to {group!r}")
    points = get_points(outline, group)
    sentence_id = request.get("sentence")
    document = documents.get(sentence_id.split(".")[0]) if isinstance(sentence_id, str) else None
    sentence = next((s for s in document.sentences if s.id == sentence_id), None) if document else None
    if sentence is None:
        raise RequestError(f"no sentence {sentence_id!r} in the sources")
    return set_points(outline, group, points + (point_from(sentence),))


def rename_section(outline: Outline, request: dict, documents) -> Outline:
    kind, indexes = _parse_group(outline, request.get("group"))
    if kind != "sections":
        raise RequestError("only sections can be renamed")
    section = replace(_section(outline, kind, indexes), title=_text(request.get("title"), "title"))
    return _set_section(outline, kind, indexes, section)


def move_section(outline: Outline, request: dict, documents) -> Outline:
    kind, indexes = _parse_group(outline, request.get("group"))
    if kind != "sections":
        raise RequestError("only sections can be reordered")
    sections = list(outline.sections)
    section = sections.pop(indexes[0])
    sections.insert(_index(request.get("position"), len(sections), "position"), section)
    return replace(outline, sections=tuple(sections))


EDITS = {"drop": drop, "move": move, "text": edit_text, "add": add_sentence, "rename": rename_section,
         "move_section": move_section}


class ReviewSession:
    """The outline under review; every method is safe to call from several threads."""

    def __init__(self, outline: Outline, outline_file: Path, output: Path, settings: Settings):
        self.outline = outline
        self.outline_file = outline_file
        self.output = output
        self.settings = settings
        self.version = 1
        self.history: list[Outline] = []   # the outline before each edit, for undo
        self.documents = load_sources(outline, outline_file.parent)
        self.lock = threading.RLock()
        self.layout, self.context = _loaded(settings)

    def save(self, outline: Outline | None = None) -> None:
        """Write ``outline`` (default: the session's) to the outline file, in the format its suffix
        names (JSON or YAML); raises OutputError."""
        fmt = "json" if self.outline_file.suffix.lower() == ".json" else "yaml"
        write_atomically(self.outline_file, dumps(outline or self.outline, fmt).encode("utf-8"))

    def apply(self, request: dict) -> None:
        """Carry out one edit request ``{"op", "version", ...}`` and save; ``{"op": "undo"}`` brings
        back the outline before the last edit (as a new version). Raises StaleEdit for an old
        version, RequestError for a request that does not fit the outline."""
        if not isinstance(request, dict):
            raise RequestError("the request must be a JSON object")
        operation = EDITS.get(request.get("op"))
        if operation is None and request.get("op") != "undo":
            raise RequestError(f"unknown op {request.get('op')!r}; one of {', '.join(EDITS)}, undo")
        version = request.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise RequestError("the request must name the outline's version it was made on (an integer)")
        with self.lock:
            if version != self.version:
                raise StaleEdit(f"this edit was made on version {version} of the outline, but it is at version "
                                f"{self.version} now (changed in another tab?): reload to see the latest")
            if operation is None:
                if not self.history:
                    raise RequestError("nothing to undo")
                edited, history = self.history[-1], self.history[:-1]
            else:
                edited = operation(self.outline, request, self.documents)
                history = [*self.history[-UNDO_LIMIT + 1:], self.outline]
            self.save(edited)  # an edit that cannot be saved is not made
            self.outline, self.history = edited, history
            self.version += 1

    def change_settings(self, layout: str, overrides: dict) -> None:
        """New layout and flag values; raises LayoutError (nothing changes) for a bad one."""
        settings = Settings(layout, overrides)
        loaded = _loaded(settings)
        with self.lock:
            self.settings, (self.layout, self.context) = settings, loaded

    def deck_key(self) -> str:
        """Names the deck the current outline version and settings give."""
        with self.lock:
            settings = hashlib.sha256(self.settings.key().encode("utf-8")).hexdigest()[:12]
            return f"v{self.version}-{settings}"

    def chart_groups(self) -> list[dict]:
        """The charts, shown but not edited on the page: one item a bar, found on its slide by its label."""
        return [{"id": f"charts/{i}", "kind": "charts", "family": f"charts/{i}", "title": f"Chart: {chart.title}",
                 "slide_title": self.context.title("figures", chart.title), "readonly": True, "withheld": [],
                 "items": [{"id": f"charts/{i}#{j}", "text": f"{label}: {text}", "find": label,
                            "markers": [f"{citation.source} ¶{citation.paragraph}"],
                            "sentences": cited_sentences(Point(text, (citation,)), self.documents),
                            "label": None, "reason": None, "faithful": True, "added": []}
                           for j, (label, text, citation) in enumerate(zip(chart.labels, chart.texts, chart.citations))]}
                for i, chart in enumerate(self.outline.charts)]

    def view(self) -> dict:
        """The outline as the page shows it: groups of items with markers, cited sentence ids and
        the faithfulness check ``deckgen render`` makes."""
        with self.lock:
            outline = self.outline
            groups = []
            for group in group_ids(outline):
                points = get_points(outline, group)
                kind = group.split("/")[0]
                if kind not in BULLET_GROUPS and not points:
                    continue
                items = []
                for index, point in enumerate(points):
                    kept = faithful(outline, group, point)
                    items.append({
                        "id": f"{group}#{index}", "text": point.text, "label": point.label, "find": point.shown,
                        "reason": point.reason,
                        "markers": list(dict.fromkeys(f"{c.source} ¶{c.paragraph}" for c in point.citations)),
                        "sentences": cited_sentences(point, self.documents), "faithful": kept,
                        "added": [] if kept else added_words(point)})
                indexes = _parse_group(outline, group)[1]
                section = _section(outline, kind, indexes) if indexes else None
                groups.append({"id": group, "kind": kind, "family": group_family(group),
                               "title": group_title(outline, group, self.context),
                               "slide_title": slide_title(outline, group, self.context), "items": items,
                               "withheld": [f"{c.source} ¶{c.paragraph}" for c in section.withheld] if section else []})
            after = max(i for i, g in enumerate(groups) if g["kind"] in ("bluf", "sections", "figures")) + 1
            groups[after:after] = self.chart_groups()  # after the figures they are drawn from
            return {"version": self.version, "title": outline.title, "groups": groups, "undo": bool(self.history),
                    "outline_file": str(self.outline_file), "output": str(self.output),
                    "settings": {"layout": self.settings.layout, **self.settings.overrides},
                    "command": self.settings.render_command(self.outline_file, self.output)}


def _loaded(settings: Settings):
    """The settings' layout and the context its slide titles come from; raises LayoutError for a
    bad layout, value or title template."""
    from ..text import Templates

    layout = settings.load()
    context = Context(Templates(layout.template_folders))
    context.title("bluf")  # a broken title template fails here, not on every view
    return layout, context


def open_session(request, settings: Settings, output: Path) -> tuple[ReviewSession, list[str]]:
    """The session for ``deckgen serve``: the outline file beside ``output`` when it exists (the
    review goes on where it stopped), else the outline ``deckgen outline`` builds from
    ``request`` with the same layout (its slide kinds are collected), saved there at once.
    Returns notes for the user: the file resumed and ``verify_outline``'s warnings. Raises
    InputError when the file holds the review of other documents, LayoutError for a bad layout."""
    from ..embed import model_in_background
    from ..errors import InputError
    from ..outline import load_outline
    from ..pipeline import build_deck

    layout = settings.load()
    outline_file = outline_file_for(output)
    paths = request.documents or tuple(entry.path for entry in request.brief.sources)
    if outline_file.exists():
        outline = load_outline(outline_file)
        reviewed = {_resolved(Path(s.path), outline_file.parent) for s in outline.sources}
        if paths and {p.resolve() for p in paths} != reviewed:
            raise InputError(f"{outline_file}: holds the review of other documents; delete it to start again, "
                             "or give another --output")
        deck = build_deck(outline, layout, outline_folder=outline_file.parent)
        notes = [f"{outline_file}: resuming the review saved there (delete it to start again)", *deck.warnings]
    else:
        with model_in_background():
            outline = build_deck(request, layout).outline
        notes = []
    session = ReviewSession(outline, outline_file, output, settings)
    session.save()
    return session, notes


def _resolved(path: Path, base: Path) -> Path:
    return (path if path.is_absolute() or path.exists() else base / path).resolve()
