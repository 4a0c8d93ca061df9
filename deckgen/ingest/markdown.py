"""Markdown: YAML front matter for metadata, headings as heading paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .common import yaml_problem
from .text import decode

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Emphasis and code marks around words, not inside one ("c**p" and "f***" keep their stars).
_EMPHASIS = re.compile(r"(?<![\w*_`])(\*\*|__|\*|_|`)(?=[^\s*_`])(.+?)(?<=[^\s*_`])\1(?![\w*_`])")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)


def read_markdown(data: bytes, path: Path) -> tuple[str, dict]:
    """YAML front matter gives metadata; the first level-1 heading is the title when
    the front matter has none. Headings become paragraphs of their own (marked by a
    leading '# ' that segment recognises); links keep their text, emphasis markers
    and list bullets are dropped.
    """
    text = decode(data, path).replace("\r\n", "\n")
    metadata: dict = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            raise ValueError(f"front matter is not valid YAML: {yaml_problem(exc, first_line=2)}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ValueError("front matter must be a mapping of keys to values")
        metadata = loaded or {}
        text = text[match.end():]
    if "title" not in metadata:
        h1 = next((m.group(2) for m in _HEADING.finditer(text) if len(m.group(1)) == 1), None)
        if h1:
            metadata["title"] = h1
    text = _HEADING.sub(lambda m: f"\n\n# {m.group(2)}\n\n", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _LIST_MARK.sub("\n\n", text)
    return text, metadata
