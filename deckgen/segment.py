"""Split a normalised document into numbered paragraphs and offset-keeping sentences.

A paragraph's opening source tag or dateline ("(CNN) --", "BOSTON (AP) —", "WASHINGTON –")
belongs to no sentence, nor does a heading run into the sentence after it ("BALL OF THE CENTURY
Benaud was ..."): the sentence starts after it, so it is parsed without it and never shown.
Sentence boundaries come from syntok (rule-based and linear in the text's length; handles
abbreviations such as "U.S.", "Gen." and "Sept.", initials and quotations). Spans come from
its token offsets, so ``document.text[s.start:s.end] == s.text`` always holds.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .captions import CAPTION_LABEL, PICTURE_NOTE
from .model import TEXT_ROLES, Document, Paragraph, Sentence

MAX_SENTENCE_CHARS = 600  # longer runs (a line with no punctuation) are cut at spaces
RESPLIT_CHARS = 250  # runs this long usually swallowed several sentences (an unbalanced quote)
# A full stop after a lower-case word (so not "U.S." or "Mr."), then a capital or an opening quote.
_PLAIN_BOUNDARY = re.compile(r"(?<=[a-z]{2}[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
# Where a picture caption with no full stop ran into the next sentence ("... in Utah The concrete
# arrows were ..."): a lower-case word, number, bracket or closing quote, then a capitalised
# determiner or pronoun before a lower-case word; not after a word the sentence goes on from
# ("told The ...").
_CAPTION_BOUNDARY = re.compile(
    r"(?<=[a-z0-9)’”])\s+(?=(?:The|A|An|He|She|They|It|Its|His|Her|Their|This|These|There)\s+[a-z0-9])")
# A sentence opener (a preposition, time word, linking word or number) capitalised before a
# lower-case word, after a word that is not capitalised: "... as they rest Drawing on the help
# of ...", "... a Boeing 777 On a Cathay Pacific 777 ..." ("Gone With the Wind" is no boundary).
_CAPTION_OPENER = re.compile(
    r"(?<=[a-z0-9)’”])\s+(?=(?:On|In|At|After|Before|During|While|When|Since|Despite|Following|Last|Earlier|"
    r"Later|Now|Then|Meanwhile|However|But|And|Some|Many|Most|Both|Several|Two|Three|Four|Five|Drawing|"
    r"Speaking)\s+[a-z0-9])")
# The label that opens the next picture caption ("... are not vetted Looking forward: The $40
# billion firm ..."), after a word that is not capitalised ("the White House: ..." is no label).
_CAPTION_LABEL = re.compile(rf"(?<=[a-z0-9)’”])\s+(?={CAPTION_LABEL})")
# A picture note ends a caption that has no full stop when a capital follows it: "... Richard
# Attenborough (pictured) Bader was among those recaptured"; in a sentence a verb follows it.
_AFTER_PICTURE_NOTE = re.compile(rf"({PICTURE_NOTE.pattern})\s+(?=(?-i:[A-Z“‘\"']))", re.I)
# A news agency's tag, maybe after a dateline ("(CNN)", "Miami, Florida (CNN) --", "BOSTON (AP) —"),
# or "Scroll down for video", opening a paragraph.
_SOURCE_TAG = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*,?\s+){0,4}\((?:CNN|AP|Reuters|AFP|EW\.com|[A-Z][\w.&' ]{1,40})\)"
    r"(?:\s*(?:--|—|–)\s*|(?=[A-Z“\"‘']))"
    r"|^[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s+(?:--|—|–)\s+"  # WASHINGTON –
    r"|^Scroll down for (?:video|more)\s+)")
# A heading run into the sentence after it: two or more capitalised words (maybe numbered) before
# a word in lower case after its capital ("3. LAST SPELL OF COMMENTARY IN ENGLAND Benaud's ...").
_RUN_IN_HEADING = re.compile(r"(?:\d+\.\s+)?(?:[A-Z][A-Z'’&.-]*[A-Z]\s+){2,}(?=[A-Z][a-z])")
_OPENERS = "\"“‘'("  # before a word's first letter
_GOES_ON = frozenset("""in on at by for to of from with into onto about after before like as and or but than
via across over under near behind the a an that which who whom whose is was were are be been told said
says tells""".split())


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


def _paragraphs(text: str):
    for number, match in enumerate(re.finditer(r"[^\n]+", text), start=1):
        yield Paragraph(number, match.start(), match.end())


def _sentence_spans(text: str, paragraph: Paragraph):
    """Yield (start, end) of each sentence of the paragraph, without surrounding spaces."""
    from syntok.segmenter import analyze

    body = text[paragraph.start : paragraph.end]
    tag = _SOURCE_TAG.match(body)
    skipped = tag.end() if tag and body[tag.end():].strip() else 0
    for start, end in _joined_at_semicolons(analyze(body[skipped:])):
        for piece_start, piece_end in _resplit(body[skipped + start:skipped + end], skipped + start):
            heading = _RUN_IN_HEADING.match(body, piece_start, piece_end)
            yield paragraph.start + (heading.end() if heading else piece_start), paragraph.start + piece_end


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
    """Split a run where a caption with no full stop ran into the next sentence, a run longer
    than RESPLIT_CHARS also at plain sentence ends, then cut what is still too long."""
    found = _caption_ends(piece)
    if len(piece) > RESPLIT_CHARS:
        found += [(m.start() + len(m.group().rstrip()), m.end()) for m in _PLAIN_BOUNDARY.finditer(piece)]
    start = 0
    for end, next_start in sorted(set(found)):
        if end > start:
            yield from _cut_long(piece[start:end], offset + start)
            start = next_start
    yield from _cut_long(piece[start:], offset + start)


def _caption_ends(piece: str) -> list[tuple[int, int]]:
    """(end of one piece, start of the next) after each picture note before a capital, and at
    each caption boundary, sentence opener or label not after a word the sentence goes on from
    (openers and labels not after a capitalised word either)."""
    def word_before(match: re.Match) -> str:
        return piece[:match.start()].rsplit(None, 1)[-1]

    found = [(m.end(1), m.end()) for m in _AFTER_PICTURE_NOTE.finditer(piece)]
    found += [(m.start(), m.end()) for m in _CAPTION_BOUNDARY.finditer(piece)
              if word_before(m).lower() not in _GOES_ON]
    found += [(m.start(), m.end()) for pattern in (_CAPTION_LABEL, _CAPTION_OPENER) for m in pattern.finditer(piece)
              if word_before(m).lower() not in _GOES_ON and not word_before(m).lstrip(_OPENERS)[:1].isupper()]
    return found


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
