"""The command line: a thin layer over the library.

Options come in groups (``InputOptions``, ``OutlineOptions``, ``HeaderOptions``,
``LayoutOptions``, ``OutputOptions``): a command names the groups it takes and gets one
instance of each; an option left out is None and the library's default applies. The option
types (``LayoutOption``, ``OutOption``, ...) are reusable ``Annotated`` aliases. Each command
turns DeckgenError into one line on stderr and exit code 2; heavy modules (python-pptx, the
embedding model) are imported only by the commands that need them, so ``deckgen --help``
starts fast.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import sys
import typing
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import DeckgenError

DEMO_BRIEF = Path("seeds/iraq-coalition.brief.yaml")
OUT_DIR = Path("out")

app = typer.Typer(
    help="Turn source documents into a footnoted briefing deck (.pptx), offline.\n\n"
         "build: documents -> deck;  outline: documents -> reviewable outline;  render: outline -> deck;  "
         "serve: review in the browser;  keypoints: batch key points;  layouts: list/show layouts;  "
         "check: lint any deck.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    rich_markup_mode=None)  # plain help: importing rich costs 0.1 s on every command
layouts_app = typer.Typer(help="List the layouts, show one layout's settings, or copy one to edit.",
                          invoke_without_command=True, rich_markup_mode=None)
app.add_typer(layouts_app, name="layouts")


class OutlineFormat(str, Enum):
    json = "json"
    yaml = "yaml"
    md = "md"


class Aspect(str, Enum):
    wide = "16:9"
    standard = "4:3"


class Footnotes(str, Enum):
    slide = "slide"
    notes = "notes"
    references = "references"
    none = "none"


@contextmanager
def reported_errors():
    """Turn a DeckgenError into 'deckgen: error: ...' and exit code 2."""
    try:
        yield
    except DeckgenError as exc:
        typer.echo(f"deckgen: error: {exc}", err=True)
        raise typer.Exit(2) from None


def parse_day(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    from .ingest import parse_date

    try:
        return parse_date(value, "date")
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def given(**values) -> dict:
    """The values that were given (not None): the library's defaults apply to the rest."""
    return {key: value for key, value in values.items() if value is not None}


# ---- options ---------------------------------------------------------------------------------
Documents = Annotated[Optional[list[Path]], typer.Argument(
    help="Source documents (.txt, .md, .html, .docx, .pdf). None: the brief's sources; none and no brief: the demo.",
    show_default=False)]
BriefOption = Annotated[Optional[Path], typer.Option("--brief", "-b", help="Brief file (YAML): title, sources' metadata, sections.")]
SectionOption = Annotated[Optional[list[str]], typer.Option("--section", "-s", help="A section title (repeat for more); overrides the brief's.")]
TitleOption = Annotated[Optional[str], typer.Option(help="Deck title (default: the brief's, else the first source's).")]
SubtitleOption = Annotated[Optional[str], typer.Option(help="Line under the title.")]
AsOfOption = Annotated[Optional[str], typer.Option("--as-of", help="As-of date YYYY-MM-DD (default: the newest source date).")]
AuthorOption = Annotated[Optional[str], typer.Option(help="Author shown on the title slide and in the file's properties.")]
SummarizerOption = Annotated[Optional[str], typer.Option(help="Summarizer: query (default: sections read as queries), semantic or lead.", show_default=False)]
MaxPointsOption = Annotated[Optional[int], typer.Option("--max-points", min=1, max=10, help="Points per section at most.")]
MaxInputOption = Annotated[Optional[float], typer.Option("--max-input-mb", min=0.001, help="Refuse documents larger than this.")]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes (each loads the model once).")]
LayoutOption = Annotated[Optional[str], typer.Option(help="Layout name (see `deckgen layouts`) or folder.")]
MasterOption = Annotated[Optional[Path], typer.Option(help="Master .pptx whose slide layouts are used, found by name.")]
AspectOption = Annotated[Optional[Aspect], typer.Option(help="Slide aspect ratio.")]
FontOption = Annotated[Optional[str], typer.Option(help="Font for all text, e.g. Arial, Calibri.")]
TitleSizeOption = Annotated[Optional[float], typer.Option("--title-size", help="Title size in points.")]
BodySizeOption = Annotated[Optional[float], typer.Option("--body-size", help="Body size in points (shrinks to the floor to fit).")]
AccentOption = Annotated[Optional[str], typer.Option(help="Accent colour, RRGGBB or #RRGGBB.")]
MaxBulletsOption = Annotated[Optional[int], typer.Option("--max-bullets", help="Bullets per slide at most (1-12).")]
SlidesOption = Annotated[Optional[str], typer.Option(help="Slide kinds in order, e.g. title,bluf,agenda,sections,references.")]
FootnotesOption = Annotated[Optional[Footnotes], typer.Option(help="Where footnotes go.")]
NotesOption = Annotated[Optional[bool], typer.Option("--notes/--no-notes", help="Speaker notes with the quoted sources.", show_default=False)]
ClassificationOption = Annotated[Optional[str], typer.Option(help="Banner text, e.g. UNCLASSIFIED (never inferred).")]
SetOption = Annotated[Optional[list[str]], typer.Option("--set", help="Any layout value: KEY=VALUE (repeatable).")]
OutOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Output .pptx (default: out/<name>.pptx).")]
CheckOption = Annotated[bool, typer.Option("--check", help="Lint the deck after writing it (see `deckgen check`).")]
EachOption = Annotated[bool, typer.Option("--each", help="One deck per document (a DOC may be a folder); "
                                          "-o names the output folder (default out/, made if missing).")]


@dataclass(frozen=True)
class InputOptions:
    """The documents and the brief; no documents and no brief: the demo."""

    documents: Documents = None
    brief: BriefOption = None
    max_input_mb: MaxInputOption = None


@dataclass(frozen=True)
class OutlineOptions:
    """What the summary holds."""

    section: SectionOption = None
    summarizer: SummarizerOption = None
    max_points: MaxPointsOption = None


@dataclass(frozen=True)
class HeaderOptions:
    """The deck's title-slide fields (over the brief's, or an outline's)."""

    title: TitleOption = None
    subtitle: SubtitleOption = None
    as_of: AsOfOption = None
    author: AuthorOption = None

    def values(self) -> dict:
        return given(title=self.title, subtitle=self.subtitle, as_of=parse_day(self.as_of), author=self.author)


@dataclass(frozen=True)
class LayoutOptions:
    """The layout and the values that override it (its slide kinds also decide what the outline holds)."""

    layout: LayoutOption = None
    master: MasterOption = None
    aspect: AspectOption = None
    font: FontOption = None
    title_size: TitleSizeOption = None
    body_size: BodySizeOption = None
    accent: AccentOption = None
    max_bullets: MaxBulletsOption = None
    slides: SlidesOption = None
    footnotes: FootnotesOption = None
    notes: NotesOption = None
    classification: ClassificationOption = None
    set_: SetOption = None

    def load(self):
        """The layout with the flags and --set values applied."""
        from .layouts import load_layout

        return load_layout(self.name(), self.overrides())

    def name(self) -> str:
        from .layouts import DEFAULT_LAYOUT

        return self.layout or DEFAULT_LAYOUT

    def overrides(self) -> dict:
        """The layout keys the flags and --set values set (--set values are YAML scalars)."""
        import yaml

        overrides = {}
        for item in self.set_ or ():
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise typer.BadParameter(f"--set {item!r}: expected KEY=VALUE")
            overrides[key.strip()] = yaml.safe_load(value) if value.strip() else None
        overrides |= given(master=str(self.master.resolve()) if self.master else None,
                           aspect=self.aspect.value if self.aspect else None, font=self.font,
                           title_size=self.title_size, body_size=self.body_size, max_bullets=self.max_bullets,
                           slides=self.slides, footnotes=self.footnotes.value if self.footnotes else None,
                           notes=self.notes, classification=self.classification,
                           colors={"accent": self.accent} if self.accent else None)
        return overrides


@dataclass(frozen=True)
class OutputOptions:
    """Where the deck goes and whether it is linted."""

    output: OutOption = None
    check: CheckOption = False


def option_groups(command):
    """Let a command take option groups: a parameter annotated with one of the option dataclasses
    stands for that class's options on the command line and receives one instance of it."""
    groups: dict[str, tuple[type, list[str]]] = {}
    parameters = []
    for parameter in inspect.signature(command, eval_str=True).parameters.values():
        group = parameter.annotation
        if not dataclasses.is_dataclass(group):
            parameters.append(parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY))
            continue
        hints = typing.get_type_hints(group, include_extras=True)
        names = [f.name for f in dataclasses.fields(group)]
        groups[parameter.name] = (group, names)
        parameters += [inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, annotation=hints[f.name],
                                         default=f.default) for f in dataclasses.fields(group)]
    names = [p.name for p in parameters]
    if len(set(names)) != len(names) or set(names) & set(groups):
        raise TypeError(f"{command.__name__}: option names repeat across its groups")

    @functools.wraps(command)
    def run(**values):
        for name, (group, fields) in groups.items():
            values[name] = group(**{field: values.pop(field) for field in fields})
        return command(**values)

    run.__signature__ = inspect.Signature(parameters)
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    return run


def outline_request(inputs: InputOptions, outlining: OutlineOptions, headers: HeaderOptions):
    """The library's request from the option groups; no documents and no brief: the demo."""
    from .brief import Brief, load_brief
    from .model import SectionSpec
    from .pipeline import OutlineRequest

    brief = inputs.brief if inputs.documents or inputs.brief else DEMO_BRIEF
    sections = tuple(SectionSpec(s) for s in outlining.section or () if s.strip())
    return OutlineRequest(documents=tuple(inputs.documents or ()), brief=load_brief(brief) if brief else Brief(),
                          sections=sections, **headers.values(),
                          **given(summarizer=outlining.summarizer, max_points=outlining.max_points,
                                  max_input_mb=inputs.max_input_mb))


def default_output(request) -> Path:
    """out/<brief name>.pptx, else out/<first document name>.pptx; creates out/."""
    if request.brief.path:
        name = request.brief.path.name.split(".")[0]
    else:
        name = request.documents[0].stem
    OUT_DIR.mkdir(exist_ok=True)
    return OUT_DIR / f"{name}.pptx"


def report(deck, layout, check: bool) -> None:
    """'wrote DECK' on stderr, then the lint findings if asked (exit 1 when there are any)."""
    typer.echo(f"wrote {deck.path}", err=True)
    if check:
        run_check(deck.path, layout.body_min, layout.source_min, layout.footnotes == "references")


@app.command()
@option_groups
def build(inputs: InputOptions, outlining: OutlineOptions, headers: HeaderOptions, looks: LayoutOptions,
          to: OutputOptions, each: EachOption = False, jobs: JobsOption = 1) -> None:
    """Build a deck from documents. With no documents and no brief: the demo deck from seeds/."""
    with reported_errors():
        if each:
            build_each_document(outline_request(inputs, outlining, headers), looks.load(), to.output or OUT_DIR,
                                jobs, to.check)
            return
        from .embed import model_in_background
        from .pipeline import build_deck

        with model_in_background():  # the model loads while the options and documents are read and python-pptx loads
            request = outline_request(inputs, outlining, headers)
            layout = looks.load()
            deck = build_deck(request, layout, to.output or default_output(request))
        report(deck, layout, to.check)


def build_each_document(request, layout, out_dir: Path, jobs: int, check: bool) -> None:
    """One deck per document (the brief's sources when none is named) with a progress bar.
    A failure is reported on its own line and the rest go on: exit 2 if any failed, else 1 if
    ``check`` found anything."""
    from .batch import build_each
    from .check import check_deck
    from .pipeline import expand_folders
    from .render import open_master

    open_master(layout)  # a bad master fails before the slow work
    documents = expand_folders(request.documents or [entry.path for entry in request.brief.sources])
    failures = findings = 0
    with typer.progressbar(length=len(documents), label="decks", file=sys.stderr) as bar:
        for _document, deck, error in build_each(documents, request, layout, out_dir, jobs):
            if error:
                failures += 1
                typer.echo(f"\ndeckgen: error: {error}", err=True)
            elif check:
                for finding in check_deck(deck, body_min_pt=layout.body_min, text_min_pt=layout.source_min,
                                          endnotes=layout.footnotes == "references"):
                    findings += 1
                    typer.echo(f"\n{deck}: {finding}")
            bar.update(1)
    typer.echo(f"wrote {len(documents) - failures} of {len(documents)} decks to {out_dir}", err=True)
    if failures or findings:
        raise typer.Exit(2 if failures else 1)


@app.command()
@option_groups
def outline(inputs: InputOptions, outlining: OutlineOptions, headers: HeaderOptions, looks: LayoutOptions,
            format: Annotated[OutlineFormat, typer.Option("--format", "-f", help="Output format.")] = OutlineFormat.json,
            output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None) -> None:
    """Print the outline that `build` would render, for review and editing (then `render` it).
    Takes the options of `build` that decide the outline, the layout's slide kinds among them."""
    with reported_errors():
        from .embed import model_in_background

        with model_in_background():  # the model loads while the options and documents are read
            from .files import write_atomically
            from .outline import dumps
            from .pipeline import build_deck

            deck = build_deck(outline_request(inputs, outlining, headers), looks.load())
            text = dumps(deck.outline, format.value)
        if output:
            write_atomically(output, text.encode("utf-8"))
        else:
            sys.stdout.write(text)


@app.command()
@option_groups
def render(outline_file: Annotated[Path, typer.Argument(metavar="OUTLINE", help="Outline file (.json or .yaml).")],
           looks: LayoutOptions, headers: HeaderOptions, to: OutputOptions) -> None:
    """Render a reviewed (possibly edited) outline into a deck; --title, --subtitle, --as-of
    and --author override the outline's."""
    with reported_errors():
        from .outline import load_outline
        from .pipeline import build_deck

        layout = looks.load()
        if to.output is None:
            OUT_DIR.mkdir(exist_ok=True)
        out = to.output or OUT_DIR / f"{outline_file.stem}.pptx"
        deck = build_deck(replace(load_outline(outline_file), **headers.values()), layout, out, outline_file.parent)
        for warning in deck.warnings:
            typer.echo(f"deckgen: warning: {outline_file}: {warning}", err=True)
        report(deck, layout, to.check)


@app.command()
@option_groups
def serve(inputs: InputOptions, outlining: OutlineOptions, headers: HeaderOptions, looks: LayoutOptions,
          output: OutOption = None,
          host: Annotated[str, typer.Option(help="Interface to listen on; any but 127.0.0.1 opens the page "
                                            "to the network.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000) -> None:
    """Review the outline in the browser: each item beside its highlighted source and its slide.
    Takes the options of `build`; edits are saved to <output>.yaml (resumed when it exists), and
    `deckgen render` of it gives the page's deck."""
    with reported_errors():
        try:
            from .serve.app import create_app, run
        except ImportError as exc:
            raise DeckgenError(f"deckgen serve needs {exc.name}: pip install starlette uvicorn") from None
        from .render import open_master
        from .serve.state import Settings, open_session

        request = outline_request(inputs, outlining, headers)
        settings = Settings(looks.name(), looks.overrides())
        open_master(settings.load())  # a bad layout or master fails before the slow work
        session, messages = open_session(request, settings, output or default_output(request))
        for message in messages:
            typer.echo(f"deckgen: {message}", err=True)
        local = host in ("127.0.0.1", "localhost", "::1")
        if not local:
            typer.echo(f"deckgen: warning: listening on {host}: anyone who can reach it can read the "
                       "documents and edit the outline", err=True)
        typer.echo(f"deckgen: reviewing {session.outline_file} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        run(create_app(session, allowed_hosts=("127.0.0.1", "localhost", "::1") if local else ("*",)), host, port)


@app.command()
def keypoints(jsonl: Annotated[Path, typer.Option("--jsonl", help="JSON lines with 'id' and 'text'.")],
              k: Annotated[int, typer.Option("--k", min=1, max=50, help="Points per text.")] = 3,
              jobs: JobsOption = 1, summarizer: SummarizerOption = None) -> None:
    """Key points of many texts: one JSON line {"id", "points"} per input line on stdout,
    k points each in document order, with a progress bar on stderr."""
    with reported_errors():
        from .batch import keypoints_jsonl
        from .errors import InputError

        try:
            total = sum(1 for line in jsonl.open(encoding="utf-8") if line.strip())
            with jsonl.open(encoding="utf-8") as lines, \
                    typer.progressbar(length=total, label="texts", file=sys.stderr) as bar:
                for line in keypoints_jsonl(lines, k, jobs, progress=lambda _: bar.update(1),
                                            **given(summarizer=summarizer)):
                    sys.stdout.write(line + "\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{jsonl}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
        except InputError as exc:
            raise InputError(f"{jsonl}: {exc}") from None


@layouts_app.callback()
def layouts(ctx: typer.Context) -> None:
    """List the layouts by name, one a line (./layouts and the built-in ones; ./layouts wins a tie)."""
    if ctx.invoked_subcommand is None:
        from .layouts import available_layouts

        for name in available_layouts():
            typer.echo(name)


@layouts_app.command("show")
def layouts_show(name: Annotated[str, typer.Argument(help="Layout name or folder.")]) -> None:
    """Print a layout's settings as YAML."""
    with reported_errors():
        import yaml

        from .layouts import load_layout

        typer.echo(yaml.safe_dump(load_layout(name).settings(), sort_keys=False, allow_unicode=True).rstrip())


@layouts_app.command("copy")
def layouts_copy(name: Annotated[str, typer.Argument(help="Layout name or folder to copy.")],
                 destination: Annotated[Path, typer.Argument(help="New folder, e.g. layouts/mine.")]) -> None:
    """Copy a layout into a folder you can edit (put it under ./layouts to use it by name)."""
    with reported_errors():
        from .layouts import copy_layout

        typer.echo(f"copied {name} to {copy_layout(name, destination)}", err=True)


def run_check(deck: Path, body_min: float = 18, text_min: float = 9, endnotes: bool = False) -> None:
    from .check import check_deck

    findings = check_deck(deck, body_min_pt=body_min, text_min_pt=text_min, endnotes=endnotes)
    for finding in findings:
        typer.echo(f"{deck}: {finding}")
    if findings:
        raise typer.Exit(1)


@app.command()
def check(deck: Annotated[Path, typer.Argument(help="Any .pptx deck.")],
          body_min: Annotated[float, typer.Option("--body-min", help="Body text floor in points.")] = 18,
          text_min: Annotated[float, typer.Option("--text-min", help="Floor for any text in points.")] = 9,
          endnotes: Annotated[bool, typer.Option("--endnotes", help="Markers may resolve on any slide "
                                                 "(a References slide's entries always do).")] = False) -> None:
    """Lint a deck: text outside its box or the slide, small text, missing or duplicate titles,
    missing alt text, low contrast, unresolved footnote markers. Exit 1 when it finds any."""
    with reported_errors():
        run_check(deck, body_min, text_min, endnotes)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
