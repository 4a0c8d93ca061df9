"""Plain text, and the one decode function every text format goes through."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Bytes text files almost never hold: C0 controls other than tab, line ends, form feed and escape.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
BINARY_SHARE = 0.02  # more of those than this share of the first 64 KB: a binary file
MOSTLY_UTF8 = 10     # valid non-ASCII characters needed per broken byte to read damaged UTF-8 as UTF-8


def decode(data: bytes, path: Path) -> str:
    """Decode text bytes: a BOM wins, then strict UTF-8, then UTF-8 with a few broken bytes
    (each becomes U+FFFD), then the encoding charset-normalizer detects, with cp1252
    preferred among equally good candidates (it is what Western legacy text mostly is).

    Raises InputError naming the file for data that looks binary or that no encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    sample = data[:65536]
    if sum(sample.count(b) for b in _BINARY_BYTES) > BINARY_SHARE * len(sample):
        raise InputError(f"{path}: looks like a binary file, not text (or UTF-16 without a byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - broken
    if valid >= MOSTLY_UTF8 * broken:
        return text
    return _detected(data, path)


def _detected(data: bytes, path: Path) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{path}: not text in any encoding deckgen can recognise")
    if any("cp1252" in m.could_be_from_charset and m.chaos <= best.chaos + 0.01 for m in matches):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def read_text(data: bytes, path: Path) -> tuple[list, dict]:
    """Body paragraphs (the furniture rules judge them later); plain text has no metadata of its own."""
    from .common import text_blocks

    return text_blocks(decode(data, path)), {}
