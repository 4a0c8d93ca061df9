"""HTML: the article body found by trafilatura (menus, ads, comments and footers left out) with
its structure (headings and their levels, paragraphs, list items, block quotes, table rows),
and the page's own metadata (title, site name, author, publication date, canonical URL)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..model import Role
from .common import Block, heading
from .text import decode

_LEVEL = re.compile(r"h([1-6])")
# A rubric before a headline ("Column: The merger ...", "Opinion | ..."): the page's kind, not its title.
_RUBRIC = re.compile(r"^(?:Column|Opinion|Analysis|Editorial|Commentary|Review|Exclusive|Explainer|Watch|Live|"
                     r"Breaking|Update|Updated|Feature|Interview|Letters?|Op-Ed|Perspective)\s*[:|]\s+", re.I)
# Where a page title ends in its site's name: "Headline | Site", "Headline - Site", "Headline – Site".
_SITE_SEPARATOR = re.compile(r"\s+(?:[|–—·:]{1,2}|-{1,2})\s+")


def read_html(data: bytes, path: Path) -> tuple[list[Block], dict]:
    """Raises ValueError when the page holds no text trafilatura recognises as content."""
    import trafilatura
    from lxml import etree

    page = decode(data, path)
    try:
        xml = trafilatura.extract(page, output_format="xml", include_formatting=True, include_tables=True,
                                  include_comments=False, include_links=False, include_images=False,
                                  config=_config())
        main = etree.fromstring(xml.encode("utf-8")).find("main") if xml else None
        blocks = [b for b in _blocks(main) if b.text] if main is not None else []
        metadata = _metadata(page) if blocks else {}
    except Exception as exc:  # trafilatura and lxml raise many kinds for a malformed page
        raise ValueError(f"not a readable HTML page ({exc.__class__.__name__})") from None
    if not blocks:
        raise ValueError("no article text found in the page")
    return blocks, metadata


def _blocks(element, role: Role = Role.BODY):
    for child in element:
        if child.tag == "head":
            level = _LEVEL.match(child.get("rend", ""))
            yield heading(_text(child), int(level.group(1)) if level else 2)
        elif child.tag == "list":
            yield from (Block(_text(item), Role.LIST_ITEM) for item in child.iter("item"))
        elif child.tag == "table":
            yield from (Block(" | ".join(_text(cell) for cell in row.iter("cell")), Role.TABLE_ROW)
                        for row in child.iter("row"))
        elif child.tag == "quote" and len(child) and child[0].tag in ("p", "list", "head", "quote"):
            yield from _blocks(child, Role.QUOTATION)
        else:
            yield Block(_text(child), Role.QUOTATION if child.tag == "quote" else role)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _metadata(page: str) -> dict:
    """The page's metadata; the date only from what the page states (no guessing from its text),
    the title without its site's name or a rubric ("Column:")."""
    from trafilatura import extract_metadata

    found = extract_metadata(page, extensive=False)
    if found is None:
        return {}
    values = {"title": clean_title(found.title, found.sitename), "publisher": found.sitename,
              "author": found.author, "date": found.date, "url": found.url}
    return {key: value for key, value in values.items() if value}


def clean_title(title: str | None, site: str | None) -> str | None:
    """The page's title without the site's name after a separator or a rubric before it.

    >>> clean_title("Column: Gannett bodes ill - Los Angeles Times", "Los Angeles Times")
    'Gannett bodes ill'
    >>> clean_title("Native Ad Platform Names a CSO | my6sense", "My6Sense")
    'Native Ad Platform Names a CSO'
    """
    if not title:
        return title
    parts = _SITE_SEPARATOR.split(title)
    if len(parts) > 1 and site and _key(parts[-1]) and (_key(parts[-1]) in _key(site) or _key(site) in _key(parts[-1])):
        title = title[:title.rfind(parts[-1])].rstrip(" |-–—·:")
    return _RUBRIC.sub("", title).strip() or None


def _key(text: str) -> str:
    return re.sub(r"\W", "", text.lower())


@lru_cache(maxsize=1)
def _config():
    """trafilatura's settings without its own 20 MB limit (deckgen has --max-input-mb)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(2**40))
    return config
