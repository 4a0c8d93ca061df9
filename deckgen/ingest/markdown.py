"""Markdown: YAML front matter for metadata; the body parsed by markdown-it-py (CommonMark and
tables) into headings with their levels, paragraphs, list items, block quotes, table rows
and footnotes.

Inline marks go (emphasis but not stars inside a word: "c**p", code marks, raw HTML such as ``<br />``; a link keeps its text),
entities are decoded, footnote markers ("[^3]") are taken out of the sentences and footnote
definitions ("[^3]: ...") become footnotes. Kramdown attribute lists ("{: #from}", "{:toc}")
are dropped. The first level-1 heading is the title when the front matter has none.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..model import Role
from .common import Block, heading, yaml_problem
from .text import decode

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ATTRIBUTE_LIST = re.compile(r"\{:[^}\n]*\}")
# Stars inside a word ("c**p") are the word's, not emphasis: escaped before parsing.
_STARS_IN_A_WORD = re.compile(r"(?<=\w)(\*+)(?=\w)")
_FOOTNOTE_MARK = re.compile(r"\s?\[\^[^\]\s]+\](?!:)")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]\s]+\]:\s*")
_INLINE_TEXT = {"text", "code_inline"}
_BREAKS = {"softbreak", "hardbreak"}


def read_markdown(data: bytes, path: Path) -> tuple[list[Block], dict]:
    """Raises ValueError for front matter that is not a YAML mapping."""
    from markdown_it import MarkdownIt

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
    tokens = MarkdownIt("commonmark").enable("table").parse(
        _STARS_IN_A_WORD.sub(lambda m: "\\*" * len(m.group(1)), _ATTRIBUTE_LIST.sub("", text)))
    blocks = list(_blocks(tokens))
    if "title" not in metadata:
        h1 = next((b.text for b in blocks if b.role is Role.HEADING and b.level == 1), None)
        if h1:
            metadata["title"] = h1
    return blocks, metadata


def _blocks(tokens):
    """One block per heading, paragraph and table row, with the role of what holds it."""
    holders: list[str] = []  # the open containers: list items, block quotes
    row: list[str] | None = None
    level = 0
    for token in tokens:
        if token.type in ("list_item_open", "blockquote_open"):
            holders.append(token.type)
        elif token.type in ("list_item_close", "blockquote_close"):
            holders.pop()
        elif token.type == "heading_open":
            level = int(token.tag[1])
        elif token.type == "heading_close":
            level = 0
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            yield Block(" | ".join(row), Role.TABLE_ROW)
            row = None
        elif token.type == "inline":
            text = _inline_text(token)
            if row is not None:
                row.append(text)
            elif level:
                yield heading(text, level)
            elif _FOOTNOTE_DEFINITION.match(text):
                yield Block(_FOOTNOTE_DEFINITION.sub("", text), Role.FOOTNOTE)
            elif "blockquote_open" in holders:
                yield Block(text, Role.QUOTATION)
            else:
                yield Block(text, Role.LIST_ITEM if holders else Role.BODY)


def _inline_text(token) -> str:
    """The words of an inline token: text and code as written, line breaks and raw HTML as
    spaces, footnote markers taken out (a footnote definition keeps its leading label)."""
    parts = []
    for child in token.children or ():
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        elif child.type in _BREAKS or child.type == "html_inline":
            parts.append(" ")
    text = " ".join("".join(parts).split())
    label = _FOOTNOTE_DEFINITION.match(text)
    head, rest = (text[:label.end()], text[label.end():]) if label else ("", text)
    return head + _FOOTNOTE_MARK.sub("", rest)
