"""Split a normalised document into numbered paragraphs and offset-keeping sentences.

Sentence boundaries come from syntok (rule-based and linear in the text's length; handles
abbreviations such as "U.S.", "Gen." and "Sept.", initials and quotations). Spans come from
its token offsets, so ``document.text[s.start:s.end] == s.text`` always holds.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Document, Paragraph, Sentence

HEADING_MARK = "# "
MAX_SENTENCE_CHARS = 600  # longer runs (a line with no punctuation) are cut at spaces
RESPLIT_CHARS = 250  # runs this long usually swallowed several sentences (an unbalanced quote)
# A full stop after a lower-case word (so not "U.S." or "Mr."), then a capital or an opening quote.
_PLAIN_BOUNDARY = re.compile(r"(?<=[a-z]{2}[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
# Where a picture caption with no full stop ran into the next sentence ("... in Utah The concrete
# arrows were ..."): a lower-case word, number or bracket, then a capitalised determiner or
# pronoun before a lower-case word; not after a word the sentence goes on from ("told The ...").
_CAPTION_BOUNDARY = re.compile(
    r"(?<=[a-z0-9)])\s+(?=(?:The|A|An|He|She|They|It|Its|His|Her|Their|This|These)\s+[a-z0-9])")
_GOES_ON = frozenset("""in on at by for to of from with into onto about after before like as and or but than
via across over under near behind the a an that which who whom whose is was were are be been told said
says tells""".split())


def segment(document: Document) -> Document:
    """Return the document with its paragraphs and sentences filled in.

    Paragraphs are the ``\\n\\n``-separated blocks of the normalised text, numbered
    from 1. Heading paragraphs (Markdown headings) get no sentences.
    """
    paragraphs = tuple(_paragraphs(document.text))
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        if paragraph.heading:
            continue
        for start, end in _sentence_spans(document.text, paragraph):
            sentence_id = f"{document.source.id}.{len(sentences) + 1}"
            sentences.append(Sentence(sentence_id, document.source.id, paragraph.number,
                                      start, end, document.text[start:end]))
    return replace(document, paragraphs=paragraphs, sentences=tuple(sentences))


def _paragraphs(text: str):
    for number, match in enumerate(re.finditer(r"[^\n]+", text), start=1):
        yield Paragraph(number, match.start(), match.end(), heading=match.group().startswith(HEADING_MARK))


def _sentence_spans(text: str, paragraph: Paragraph):
    """Yield (start, end) of each sentence of the paragraph, without surrounding spaces."""
    from syntok.segmenter import analyze

    body = text[paragraph.start : paragraph.end]
    for start, end in _joined_at_semicolons(analyze(body)):
        for piece_start, piece_end in _resplit(body[start:end], start):
            yield paragraph.start + piece_start, paragraph.start + piece_end


def _joined_at_semicolons(blocks):
    """(start, end) of each syntok sentence, one that ends in a semicolon joined to the next
    (syntok ends a sentence at "seats; United Airlines ranked third ...": a semicolon never does)."""
    start = None
    for block in blocks:
        for tokens in block:
            start = tokens[0].offset if start is None else start
            if tokens[-1].value != ";":
                yield start, tokens[-1].offset + len(tokens[-1].value)
                start = None
    if start is not None:
        yield start, tokens[-1].offset + len(tokens[-1].value)


def _resplit(piece: str, offset: int):
    """Split a run longer than RESPLIT_CHARS at plain sentence ends and caption boundaries,
    then cut what is still too long."""
    start = 0
    if len(piece) > RESPLIT_CHARS:
        for end, next_start in _boundaries(piece):
            yield from _cut_long(piece[start:end], offset + start)
            start = next_start
    yield from _cut_long(piece[start:], offset + start)


def _boundaries(piece: str) -> list[tuple[int, int]]:
    """(end of one sentence, start of the next) at each plain sentence end and caption boundary."""
    found = [(m.start() + len(m.group().rstrip()), m.end()) for m in _PLAIN_BOUNDARY.finditer(piece)]
    found += [(m.start(), m.end()) for m in _CAPTION_BOUNDARY.finditer(piece)
              if piece[:m.start()].rsplit(None, 1)[-1].lower() not in _GOES_ON]
    return sorted(found)


def _cut_long(piece: str, offset: int):
    """Cut a run longer than MAX_SENTENCE_CHARS at the last space before the limit."""
    start = 0
    while len(piece) - start > MAX_SENTENCE_CHARS:
        cut = piece.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        yield offset + start, offset + cut
        start = cut + (piece[cut] == " ")
    yield offset + start, offset + len(piece)
