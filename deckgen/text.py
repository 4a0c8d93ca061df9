"""Layout templates: the only module that imports jinja2.

Templates run in a SandboxedEnvironment with StrictUndefined, so a template
cannot reach Python internals and a missing field is an error naming the file,
the line and the field.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePath

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from .errors import LayoutError
from .model import SourceInfo


def long_date(value: date) -> str:
    """27 September 2024."""
    return f"{value.day} {value:%B %Y}"


def short_date(value: date) -> str:
    """27 Sep 2024."""
    return f"{value.day} {value:%b %Y}"


def dtg(value: date) -> str:
    """Military date-time group at 0000Z of the date: 270000Z SEP 24."""
    return f"{value:%d}0000Z {value:%b %y}".upper()


def short_source(source: SourceInfo) -> str:
    """Publisher (else title, else file name) and short date: 'Voice of America, 27 Sep 2024'."""
    name = source.publisher or source.title or PurePath(source.path).name
    return f"{name}, {short_date(source.date)}" if source.date else name


FILTERS = {"long_date": long_date, "short_date": short_date, "dtg": dtg, "short_source": short_source,
           "basename": lambda path: PurePath(str(path)).name}


class Templates:
    """Text templates looked up by name (``footnote`` -> footnote.j2) in ``folders``, first match wins,
    so a layout can override some templates and inherit the rest."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        self.env = SandboxedEnvironment(loader=FileSystemLoader([str(f) for f in folders]),
                                        undefined=StrictUndefined, autoescape=False, auto_reload=False)
        self.env.filters.update(FILTERS)

    def render(self, name: str, **context) -> str:
        """Render ``<name>.j2``; raises LayoutError naming the file, line and problem."""
        filename = f"{name}.j2"
        template = self._compiled(filename)
        try:
            return template.render(**context).strip()
        except TemplateError as exc:
            raise self._error(exc, filename, exc.message or exc.__class__.__name__) from None
        except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as exc:
            # a filter given the wrong value in a user's template, e.g. a date filter on None
            raise self._error(exc, filename, str(exc)) from None

    def compile_all(self) -> None:
        """Compile every template the folders hold, so rendering does not wait for it and a
        broken template fails early (a LayoutError naming its file and line)."""
        for filename in sorted({path.name for folder in self.folders for path in Path(folder).glob("*.j2")}):
            self._compiled(filename)

    def _compiled(self, filename: str):
        """The compiled template (jinja2 caches it: with auto_reload off it is compiled once)."""
        try:
            return self.env.get_template(filename)
        except TemplateError as exc:
            raise self._error(exc, filename, exc.message or exc.__class__.__name__) from None

    def _error(self, exc: Exception, filename: str, message: str) -> LayoutError:
        """'<template path>, line N: message' for an error raised while rendering."""
        path = getattr(exc, "filename", None) or next(
            (str(f / filename) for f in self.folders if (f / filename).exists()), filename)
        line = getattr(exc, "lineno", None) or _template_line(exc, path)
        return LayoutError(path + (f", line {line}" if line else "") + f": {message}")


def _template_line(exc: Exception, path: str) -> int | None:
    """The template line a render-time error came from: jinja2 puts template frames in the traceback."""
    import traceback

    lines = [line for frame, line in traceback.walk_tb(exc.__traceback__) if frame.f_code.co_filename == path]
    return lines[-1] if lines else None
