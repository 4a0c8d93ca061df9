"""Key quotes: passages between quote marks, exactly as the source has them, with their speaker.

Edge cases: a quote that the segmenter split over several sentences is found whole (quotes are
looked for in the paragraph, then mapped to sentences); quoted runs of fewer than
MIN_QUOTE_WORDS words are scare quotes ("crucial", 'watch list') and are skipped, and so are
titles ("Going Clear: Scientology and the Prison of Belief": every word capitalised but short
function words); a quote goes to the speaker of the speech verb that governs it (``_governing``:
"TMZ reported ... 'I know ...?' an insider told the site" gives it to the insider, not TMZ) and
keeps ``speaker=None`` when nobody is said to speak it or who does is unsure; an unpaired quote
mark yields nothing. Quote marks are those of ``attribution.quote_spans`` (double and single,
curly and straight, in any mix).
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
            if attribution and any(s.id == attribution.sentence_id for s in spanned):
                attribution = _governing(attribution, document.text, spanned, verbs, start, end)
            ids = [s.id for s in spanned]
            if attribution and attribution.sentence_id not in ids:
                ids.append(attribution.sentence_id)
            quotes.append(Quote(text, attribution.speaker if attribution else None, tuple(ids)))
    return quotes


def _governing(attribution: Attribution, text: str, spanned, verbs: dict[str, dict[int, Attribution | None]],
               start: int, end: int) -> Attribution | None:
    """Who speaks the quote ``text[start:end]``; ``attribution`` is the first of the sentence carrying it.

    A quote that ends as speech does (in a comma, "?" or "!") goes to the speech verb right after
    it when only that verb's speaker stands between ("…?"' an insider told the site" after "TMZ
    reported": the insider; "…,' said X"), and to nobody when that speaker cannot be read ("…,' a
    pal told") or is a pronoun nothing resolves. Otherwise only verbs with a readable speaker
    count ("phone calls" may be a noun): ``attribution`` holds when its verb is the sentence's only
    one, the last before the quote or, with none before, the first after it; so "Tymon said he was
    sorry after police said they would 'not be pursuing the matter'" gives the quote to nobody.
    "…was 'immediately terminated this morning' The spokesperson said" (a caption run into the
    text) does not end as speech.
    """
    sentence = next(s for s in spanned if s.id == attribution.sentence_id)
    own = {sentence.start + offset: found for offset, found in verbs[sentence.id].items()}
    after = [verb for verb in own if verb >= end]
    if after and _ends_speech(text[start:end + 2]) and _speaker_only(text[end:after[0]], own[after[0]]):
        found = own[after[0]]
        return found if found and found.speaker else None
    readable = [verb for verb, found in own.items() if found]
    if len(readable) < 2:
        return attribution
    before = [verb for verb in readable if verb < start]
    nearest = before[-1] if before else min(verb for verb in readable if verb >= end)
    return attribution if nearest == sentence.start + attribution.verb_start else None


def _ends_speech(quoted: str) -> bool:
    """Whether a quote ends as speech does before its attribution: in a comma ("…,' he said", "…',
    he said"), "?" or "!" (``quoted`` runs to the character after the closing mark)."""
    return quoted.rstrip(" ,’'\"”")[-1:] in ("?", "!") or "," in quoted[-3:]


def _speaker_only(between: str, found: Attribution | None) -> bool:
    """Whether the text from a quote's end to the next speech verb holds nothing but that verb's
    speaker (and an adverb: "Smith also said"); a speaker we cannot read ("…,' a pal told") is up
    to four words with no punctuation."""
    words = between.strip(" ,’'\"”").split()
    if not words:  # "…,' said X"
        return True
    if found is None:
        return len(words) <= 4 and all(word[-1].isalnum() for word in words)
    speaker = found.words.split()
    return words[:len(speaker)] == speaker and len(words) <= len(speaker) + 2 \
        and all(word.islower() for word in words[len(speaker):])


def is_title(text: str) -> bool:
    """True for the title of a work, not speech: every word but the small ones (of, the, and ...)
    starts with a capital or a digit. "Going Clear: Scientology and the Prison of Belief" is one;
    "We Will Win" would be taken for one too (rare in speech); "Obama is a Muslim" is not."""
    words = [w for w in re.findall(r"[\w’'-]+", text) if w.lower() not in _TITLE_SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in words)
