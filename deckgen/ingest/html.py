"""HTML: the article body found by trafilatura (menus, ads and footers left out) and the
page's own metadata (title, site name, author, publication date, canonical URL)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..segment import HEADING_MARK
from .common import join_paragraphs
from .text import decode



def read_html(data: bytes, path: Path) -> tuple[str, dict]:
    """Paragraphs, list items and table rows of the main content, headings marked '# '.

    Raises ValueError when the page holds no text trafilatura recognises as content.
    """
    import trafilatura
    from lxml import etree

    page = decode(data, path)
    try:
        xml = trafilatura.extract(page, output_format="xml", include_formatting=True, include_tables=True,
                                  include_comments=False, include_links=False, include_images=False,
                                  config=_config())
        main = etree.fromstring(xml.encode("utf-8")).find("main") if xml else None
        body = join_paragraphs(_blocks(main)) if main is not None else ""
        metadata = _metadata(page) if body else {}
    except Exception as exc:  # trafilatura and lxml raise many kinds for a malformed page
        raise ValueError(f"not a readable HTML page ({exc.__class__.__name__})") from None
    if not body:
        raise ValueError("no article text found in the page")
    return body, metadata


def _blocks(element):
    for child in element:
        if child.tag == "head":
            yield HEADING_MARK + _text(child) if _text(child) else ""
        elif child.tag == "list":
            yield from (_text(item) for item in child.iter("item"))
        elif child.tag == "table":
            yield from (" | ".join(_text(cell) for cell in row.iter("cell")) for row in child.iter("row"))
        else:
            yield _text(child)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _metadata(page: str) -> dict:
    """The page's metadata; the date only from what the page states (no guessing from its text)."""
    from trafilatura import extract_metadata

    found = extract_metadata(page, extensive=False)
    if found is None:
        return {}
    values = {"title": found.title, "publisher": found.sitename, "author": found.author,
              "date": found.date, "url": found.url}
    return {key: value for key, value in values.items() if value}


@lru_cache(maxsize=1)
def _config():
    """trafilatura's settings without its own 20 MB limit (deckgen has --max-input-mb)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(2**40))
    return config
