"""Key quotes: passages between quote marks, exactly as the source has them, with their speaker.

Edge cases: a quote that the segmenter split over several sentences is found whole (quotes are
looked for in the paragraph, then mapped to sentences); quoted runs of fewer than
MIN_QUOTE_WORDS words are scare quotes ("crucial", 'watch list') and are skipped, and so are
titles ("Going Clear: Scientology and the Prison of Belief": every word capitalised but short
function words); a quote nobody is said to speak keeps ``speaker=None``; an unpaired quote mark
yields nothing. Quote marks are those of ``attribution.quote_spans`` (double and single, curly
and straight).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document
from .attribution import Attribution, Speaker, quote_spans, speech_verbs

MIN_QUOTE_WORDS = 4
# Words a title leaves in lower case ("Going Clear: Scientology and the Prison of Belief").
_TITLE_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or the to vs with".split())


@dataclass(frozen=True)
class Quote:
    """``text`` occurs verbatim in the source (only a trailing comma before the closing mark is
    dropped). ``sentence_ids``: the sentences the quote spans, then the one naming the speaker
    if that is another sentence (a quote continuing the one before)."""

    text: str
    speaker: Speaker | None
    sentence_ids: tuple[str, ...]


def find_quotes(document: Document, attributions: dict[str, Attribution],
                min_words: int = MIN_QUOTE_WORDS) -> list[Quote]:
    """The document's quotes of at least ``min_words`` words, in order."""
    quotes = []
    verbs = speech_verbs(document)
    by_paragraph: dict[int, list] = {}
    for sentence in document.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph in document.paragraphs:
        body = document.text[paragraph.start:paragraph.end]
        for start, end in quote_spans(body):
            text = body[start:end].rstrip().rstrip(",").rstrip()
            if len(text.split()) < min_words or is_title(text):
                continue
            start, end = start + paragraph.start, end + paragraph.start
            spanned = [s for s in by_paragraph.get(paragraph.number, ()) if s.start < end and s.end > start]
            attribution = next((attributions[s.id] for s in reversed(spanned) if s.id in attributions), None)
            if attribution and not _nearest_verb(attribution, spanned, verbs, start, end):
                attribution = None  # another speech verb of the sentence is nearer: who says it is unsure
            ids = [s.id for s in spanned]
            if attribution and attribution.sentence_id not in ids:
                ids.append(attribution.sentence_id)
            quotes.append(Quote(text, attribution.speaker if attribution else None, tuple(ids)))
    return quotes


def _nearest_verb(attribution: Attribution, spanned, verbs: dict[str, tuple[int, ...]], start: int, end: int) -> bool:
    """Whether the attribution's speech verb is the one nearest the quote in its sentence: the
    last before the quote, else the first after it ("Tymon said he was sorry after police said
    they would 'not be pursuing the matter'" gives the quote to the police, not to Tymon). True
    when the sentence has one speech verb or the attribution comes from another sentence."""
    sentence = next((s for s in spanned if s.id == attribution.sentence_id), None)
    if sentence is None or len(verbs.get(sentence.id, ())) < 2:
        return True
    starts = [sentence.start + v for v in verbs[sentence.id]]
    before = [v for v in starts if v < start]
    nearest = before[-1] if before else min((v for v in starts if v >= end), default=None)
    return nearest == sentence.start + attribution.verb_start


def is_title(text: str) -> bool:
    """True for the title of a work, not speech: every word but the small ones (of, the, and ...)
    starts with a capital or a digit. "Going Clear: Scientology and the Prison of Belief" is one;
    "We Will Win" would be taken for one too (rare in speech); "Obama is a Muslim" is not."""
    words = [w for w in re.findall(r"[\w’'-]+", text) if w.lower() not in _TITLE_SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in words)
