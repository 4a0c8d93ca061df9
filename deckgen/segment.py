"""Split a normalised document into numbered paragraphs and offset-keeping sentences.

A paragraph's opening source tag or dateline ("(CNN) --", "BOSTON (AP) —", "WASHINGTON –",
a press release's "New York, NY –")
belongs to no sentence, nor does a heading run into the sentence after it ("BALL OF THE CENTURY
Benaud was ..."): the sentence starts after it, so it is parsed without it and never shown.
Sentence boundaries come from syntok (rule-based and linear in the text's length; handles
abbreviations such as "U.S.", "Gen." and "Sept.", initials and quotations). Spans come from
its token offsets, so ``document.text[s.start:s.end] == s.text`` always holds. Where a picture
caption with no full stop ran into the story, the parse finds the second sentence's start
(``runin.clause_starts``) and ``analysis.analyse`` cuts the sentence there (``cut_at``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from .model import TEXT_ROLES, Document, Paragraph, Sentence

MAX_SENTENCE_CHARS = 600  # longer runs (a line with no punctuation) are cut at spaces
RESPLIT_CHARS = 250  # runs this long usually swallowed several sentences (an unbalanced quote)
# A full stop after a lower-case word (so not "U.S." or "Mr."), then a capital or an opening quote.
_PLAIN_BOUNDARY = re.compile(r"(?<=[a-z]{2}[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
# A news agency's tag, maybe after a dateline ("(CNN)", "Miami, Florida (CNN) --", "BOSTON (AP) —"),
# or "Scroll down for video", opening a paragraph.
_SOURCE_TAG = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*,?\s+){0,4}\((?:CNN|AP|Reuters|AFP|EW\.com|[A-Z][\w.&' ]{1,40})\)"
    r"(?:\s*(?:--|—|–)\s*|(?=[A-Z“\"‘']))"
    r"|^[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s+(?:--|—|–)\s+"  # WASHINGTON –
    r"|^(?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+(?:--|—|–)\s+(?=[A-Z])"  # New York, NY –
    r"|^Scroll down for (?:video|more)\s+)")
# A heading run into the sentence after it: two or more capitalised words (maybe numbered) before
# a word in lower case after its capital ("3. LAST SPELL OF COMMENTARY IN ENGLAND Benaud's ...").
_RUN_IN_HEADING = re.compile(r"(?:\d+\.\s+)?(?:[A-Z][A-Z'’&.-]*[A-Z]\s+){2,}(?=[A-Z][a-z])")


def segment(document: Document) -> Document:
    """Return the document with its paragraphs and sentences filled in.

    The paragraphs are the reader's (with their roles); a document made from bare text has
    none yet, and gets one body paragraph per line of its normalised text, numbered from 1.
    Only paragraphs whose role is in ``model.TEXT_ROLES`` (body, list item, quotation) get
    sentences: headings, table rows, captions, footnotes and furniture never reach a slide.
    """
    paragraphs = document.paragraphs or tuple(_paragraphs(document.text))
    sentences: list[Sentence] = []
    for paragraph in paragraphs:
        if paragraph.role not in TEXT_ROLES:
            continue
        for start, end in _sentence_spans(document.text, paragraph):
            sentence_id = f"{document.source.id}.{len(sentences) + 1}"
            sentences.append(Sentence(sentence_id, document.source.id, paragraph.number,
                                      start, end, document.text[start:end]))
    return replace(document, paragraphs=paragraphs, sentences=tuple(sentences))


def cut_at(document: Document, cuts: Collection[int]) -> Document:
    """The segmented document with each sentence that holds a cut (the offset in the text where
    a second sentence runs into it) cut there, and its sentences numbered again from 1."""
    pieces = []
    for sentence in document.sentences:
        starts = [sentence.start, *sorted(c for c in cuts if sentence.start < c < sentence.end)]
        for start, end in zip(starts, [*starts[1:], sentence.end]):
            end = start + len(document.text[start:end].rstrip())
            pieces.append((sentence.paragraph, start, end))
    return replace(document, sentences=tuple(
        Sentence(f"{document.source.id}.{number}", document.source.id, paragraph, start, end, document.text[start:end])
        for number, (paragraph, start, end) in enumerate(pieces, start=1)))


def _paragraphs(text: str):
    for number, match in enumerate(re.finditer(r"[^\n]+", text), start=1):
        yield Paragraph(number, match.start(), match.end())


_STRAY_MARKS = re.compile(r"[.!?]+\s*")


def _sentence_spans(text: str, paragraph: Paragraph):
    """Yield (start, end) of each sentence of the paragraph, without surrounding spaces."""
    from syntok.segmenter import analyze

    body = text[paragraph.start : paragraph.end]
    tag = _SOURCE_TAG.match(body)
    skipped = tag.end() if tag and body[tag.end():].strip() else 0
    for start, end in _joined_at_semicolons(analyze(body[skipped:])):
        for piece_start, piece_end in _resplit(body[skipped + start:skipped + end], skipped + start):
            heading = _RUN_IN_HEADING.match(body, piece_start, piece_end)
            start = heading.end() if heading else _after_stray_marks(body, piece_start, piece_end)
            if start < piece_end:
                yield paragraph.start + start, paragraph.start + piece_end


def _after_stray_marks(body: str, start: int, end: int) -> int:
    """Where a sentence starts past the full stop syntok left at its front ("(Section
    512(c)(3)). Under the procedure ...": the stop closes the reference before it)."""
    mark = _STRAY_MARKS.match(body, start, end)
    return mark.end() if mark else start


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
    """Split a run longer than RESPLIT_CHARS at plain sentence ends, then cut what is still too long."""
    found = []
    if len(piece) > RESPLIT_CHARS:
        found = [(m.start() + len(m.group().rstrip()), m.end()) for m in _PLAIN_BOUNDARY.finditer(piece)]
    start = 0
    for end, next_start in found:
        if end > start:
            yield from _cut_long(piece[start:end], offset + start)
            start = next_start
    yield from _cut_long(piece[start:], offset + start)


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
