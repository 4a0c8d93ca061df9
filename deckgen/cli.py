"""The command line: a thin layer over the library.

Each command turns DeckgenError into one line on stderr and exit code 2; heavy
modules (python-pptx, the embedding model) are imported only by the commands
that need them, so ``deckgen --help`` starts fast.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import replace
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
         "keypoints: batch key points;  layouts: list/show layouts;  check: lint any deck.",
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
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


# ---- shared options ------------------------------------------------------------------------
Documents = Annotated[Optional[list[Path]], typer.Argument(
    help="Source documents (.txt, .md, .html, .docx, .pdf). None: the brief's sources; none and no brief: the demo.",
    show_default=False)]
BriefOption = Annotated[Optional[Path], typer.Option("--brief", "-b", help="Brief file (YAML): title, sources' metadata, sections.")]
SectionOption = Annotated[Optional[list[str]], typer.Option("--section", "-s", help="A section title (repeat for more); overrides the brief's.")]
TitleOption = Annotated[Optional[str], typer.Option(help="Deck title (default: the brief's, else the first source's).")]
SubtitleOption = Annotated[Optional[str], typer.Option(help="Line under the title.")]
AsOfOption = Annotated[Optional[str], typer.Option("--as-of", help="As-of date YYYY-MM-DD (default: the newest source date).")]
SummarizerOption = Annotated[str, typer.Option(help="Summarizer: semantic (default), query (sections read as queries) or lead.")]
MaxPointsOption = Annotated[int, typer.Option("--max-points", min=1, max=10, help="Points per section at most.")]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes (each loads the model once).")]
MaxInputOption = Annotated[float, typer.Option("--max-input-mb", min=0.001, help="Refuse documents larger than this.")]


def outline_request(documents, brief, sections, title, subtitle, as_of, author, summarizer, max_points,
                    max_input_mb):
    from .brief import Brief, load_brief
    from .model import SectionSpec
    from .pipeline import OutlineRequest

    if not documents and brief is None:
        brief = DEMO_BRIEF
    return OutlineRequest(
        documents=tuple(documents or ()),
        brief=load_brief(brief) if brief else Brief(),
        sections=tuple(SectionSpec(s) for s in sections or () if s.strip()),
        title=title, subtitle=subtitle, as_of=parse_day(as_of), author=author, summarizer=summarizer,
        max_points=max_points, max_input_mb=max_input_mb)


# ---- layout options ------------------------------------------------------------------------
LayoutOption = Annotated[str, typer.Option(help="Layout name (see `deckgen layouts`) or folder.")]
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
AuthorOption = Annotated[Optional[str], typer.Option(help="Author shown on the title slide and in the file's properties.")]
SetOption = Annotated[Optional[list[str]], typer.Option("--set", help="Any layout value: KEY=VALUE (repeatable).")]
OutOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Output .pptx (default: out/<name>.pptx).")]
CheckOption = Annotated[bool, typer.Option("--check", help="Lint the deck after writing it (see `deckgen check`).")]


def layout_overrides(master, aspect, font, title_size, body_size, accent, max_bullets, slides, footnotes,
                     notes, classification, settings) -> dict:
    """Flag values as layout keys; --set values are parsed as YAML scalars."""
    import yaml

    overrides = {}
    for item in settings or ():
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"--set {item!r}: expected KEY=VALUE")
        overrides[key.strip()] = yaml.safe_load(value) if value.strip() else None
    flags = {"master": str(master.resolve()) if master else None, "aspect": aspect.value if aspect else None,
             "font": font, "title_size": title_size, "body_size": body_size, "max_bullets": max_bullets,
             "slides": slides, "footnotes": footnotes.value if footnotes else None, "notes": notes,
             "classification": classification, "colors": {"accent": accent} if accent else None}
    overrides.update({key: value for key, value in flags.items() if value is not None})
    return overrides


def write_deck(outline, layout, out: Path, check: bool, master=None) -> None:
    from .render import render_deck

    render_deck(outline, layout, out, master=master)
    typer.echo(f"wrote {out}", err=True)
    if check:
        run_check(out, layout.body_min, layout.source_min, layout.footnotes == "references")


def open_checked_master(layout):
    """The layout's master deck, opened and checked (a LayoutError for a bad one)."""
    from .render import open_master

    return open_master(layout)


def default_output(request) -> Path:
    """out/<brief name>.pptx, else out/<first document name>.pptx; creates out/."""
    if request.brief.path:
        name = request.brief.path.name.split(".")[0]
    else:
        name = request.documents[0].stem
    OUT_DIR.mkdir(exist_ok=True)
    return OUT_DIR / f"{name}.pptx"


@app.command()
def build(documents: Documents = None, brief: BriefOption = None, section: SectionOption = None,
          title: TitleOption = None, subtitle: SubtitleOption = None, as_of: AsOfOption = None,
          summarizer: SummarizerOption = "semantic", max_points: MaxPointsOption = 5,
          max_input_mb: MaxInputOption = 20, layout: LayoutOption = "briefing", master: MasterOption = None,
          aspect: AspectOption = None, font: FontOption = None, title_size: TitleSizeOption = None,
          body_size: BodySizeOption = None, accent: AccentOption = None, max_bullets: MaxBulletsOption = None,
          slides: SlidesOption = None, footnotes: FootnotesOption = None, notes: NotesOption = None,
          classification: ClassificationOption = None, author: AuthorOption = None, set_: SetOption = None,
          output: OutOption = None, check: CheckOption = False,
          each: Annotated[bool, typer.Option("--each", help="One deck per document (a DOC may be a folder); "
                                             "-o names the output folder (default out/).")] = False,
          jobs: JobsOption = 1) -> None:
    """Build a deck from documents. With no documents and no brief: the demo deck from seeds/."""
    def settings():
        from .layouts import load_layout

        request = outline_request(documents, brief, section, title, subtitle, as_of, author, summarizer,
                                  max_points, max_input_mb)
        deck_layout = load_layout(layout, layout_overrides(master, aspect, font, title_size, body_size, accent,
                                                           max_bullets, slides, footnotes, notes, classification,
                                                           set_))
        return replace(request, extras=deck_layout.shows_extras), deck_layout

    with reported_errors():
        if each:
            request, deck_layout = settings()
            open_checked_master(deck_layout)  # a bad master fails before the slow work
            build_each_document(request, deck_layout, output or OUT_DIR, jobs, check)
            return
        from .embed import model_in_background

        with model_in_background():  # the model loads while the options and documents are read and python-pptx loads
            request, deck_layout = settings()
            deck_master = open_checked_master(deck_layout)
            from .pipeline import build_outline

            outline = build_outline(request)
        write_deck(outline, deck_layout, output or default_output(request), check, deck_master)


def build_each_document(request, layout, out_dir: Path, jobs: int, check: bool) -> None:
    """One deck per document (the brief's sources when none is named) with a progress bar.
    A failure is reported on its own line and the rest go on: exit 2 if any failed, else 1 if
    ``check`` found anything."""
    from .batch import build_each
    from .check import check_deck
    from .errors import OutputError
    from .pipeline import expand_folders

    documents = expand_folders(request.documents or [entry.path for entry in request.brief.sources])
    if not out_dir.is_dir():
        raise OutputError(f"{out_dir}: the output folder does not exist")
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
def outline(documents: Documents = None, brief: BriefOption = None, section: SectionOption = None,
            title: TitleOption = None, subtitle: SubtitleOption = None, as_of: AsOfOption = None,
            summarizer: SummarizerOption = "semantic", max_points: MaxPointsOption = 5,
            max_input_mb: MaxInputOption = 20, author: AuthorOption = None,
            format: Annotated[OutlineFormat, typer.Option("--format", "-f", help="Output format.")] = OutlineFormat.json,
            output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.")] = None) -> None:
    """Print the outline that `build` would render, for review and editing (then `render` it)."""
    with reported_errors():
        from .embed import model_in_background

        with model_in_background():  # the model loads while the options and documents are read
            from .files import write_atomically
            from .outline import dumps
            from .pipeline import build_outline

            request = outline_request(documents, brief, section, title, subtitle, as_of, author, summarizer,
                                      max_points, max_input_mb)
            text = dumps(build_outline(request), format.value)
        if output:
            write_atomically(output, text.encode("utf-8"))
        else:
            sys.stdout.write(text)


@app.command()
def render(outline_file: Annotated[Path, typer.Argument(metavar="OUTLINE", help="Outline file (.json or .yaml).")],
           layout: LayoutOption = "briefing", master: MasterOption = None, aspect: AspectOption = None,
           font: FontOption = None, title_size: TitleSizeOption = None, body_size: BodySizeOption = None,
           accent: AccentOption = None, max_bullets: MaxBulletsOption = None, slides: SlidesOption = None,
           footnotes: FootnotesOption = None, notes: NotesOption = None,
           classification: ClassificationOption = None, author: AuthorOption = None, set_: SetOption = None,
           title: TitleOption = None, subtitle: SubtitleOption = None, as_of: AsOfOption = None,
           output: OutOption = None, check: CheckOption = False) -> None:
    """Render a reviewed (possibly edited) outline into a deck; --title, --subtitle, --as-of
    and --author override the outline's."""
    with reported_errors():
        from .layouts import load_layout
        from .outline import load_outline
        from .pipeline import verify_outline

        deck_layout = load_layout(layout, layout_overrides(master, aspect, font, title_size, body_size, accent,
                                                           max_bullets, slides, footnotes, notes, classification,
                                                           set_))
        deck_master = open_checked_master(deck_layout)
        loaded = load_outline(outline_file)
        headers = {"title": title, "subtitle": subtitle, "as_of": parse_day(as_of), "author": author}
        loaded = replace(loaded, **{key: value for key, value in headers.items() if value is not None})
        for warning in verify_outline(loaded, outline_file.parent):
            typer.echo(f"deckgen: warning: {outline_file}: {warning}", err=True)
        if output is None:
            OUT_DIR.mkdir(exist_ok=True)
            output = OUT_DIR / f"{outline_file.stem}.pptx"
        write_deck(loaded, deck_layout, output, check, deck_master)


@app.command()
def keypoints(jsonl: Annotated[Path, typer.Option("--jsonl", help="JSON lines with 'id' and 'text'.")],
              k: Annotated[int, typer.Option("--k", min=1, max=50, help="Points per text.")] = 3,
              jobs: JobsOption = 1, summarizer: SummarizerOption = "semantic") -> None:
    """Key points of many texts: one JSON line {"id", "points"} per input line on stdout,
    k points each in document order, with a progress bar on stderr."""
    with reported_errors():
        from .batch import keypoints_jsonl
        from .errors import InputError

        try:
            total = sum(1 for line in jsonl.open(encoding="utf-8") if line.strip())
            with jsonl.open(encoding="utf-8") as lines, \
                    typer.progressbar(length=total, label="texts", file=sys.stderr) as bar:
                for line in keypoints_jsonl(lines, k, jobs, summarizer, progress=lambda _: bar.update(1)):
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
                                                 "(decks made with --footnotes references).")] = False) -> None:
    """Lint a deck: text outside its box or the slide, small text, missing or duplicate titles,
    missing alt text, low contrast, unresolved footnote markers. Exit 1 when it finds any."""
    with reported_errors():
        run_check(deck, body_min, text_min, endnotes)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
