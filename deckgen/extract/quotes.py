"""Key quotes: passages between quote marks, exactly as the source has them, with their speaker.

Quotations and their speakers come from ``speech.read_speech`` (the governing speech verb).
A quotation someone else reports or alleges ("Prosecutors said Thomas told a supervisor: '...'")
has no speaker: the words are not known to be the speaker's. Quoted runs of fewer than MIN_QUOTE_WORDS words are scare quotes ("crucial", 'watch list') and
titles of works are no speech (every word capitalised); both are skipped, and so is a
quotation whose marks were paired wrongly (a stray mark inside it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .alone import stands_alone
from .speech import Speaker, SpeakerKind, Speech

if TYPE_CHECKING:
    from ..analysis import Analysis

MIN_QUOTE_WORDS = 4
MAX_KEY_QUOTES = 6
MIN_KEY_QUOTE_WORDS = 6
MAX_KEY_QUOTE_WORDS = 45
# Words a title leaves in lower case ("Going Clear: Scientology and the Prison of Belief").
_TITLE_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or the to vs with".split())
# A single mark at a word's edge that is no apostrophe and closes nothing says the marks were paired wrongly ("provoking people' when they drove ..."): no quote to show.
_STRAY_MARK = re.compile(r"(?<!\w)[‘'](?=\w)(?![^‘’']*[’'](?!\w))|(?<=[a-z])[’'](?=\s)(?<!s[’'])")


@dataclass(frozen=True)
class Quote:
    """``text`` occurs verbatim in the source (only a trailing comma before the closing mark is
    dropped). ``sentence_ids``: the sentences the quote spans, then the one naming the speaker
    if that is another sentence. ``stands_alone``: nothing in the quoted words points back to
    what they do not say (``alone.stands_alone``)."""

    text: str
    speaker: Speaker | None
    sentence_ids: tuple[str, ...]
    stands_alone: bool = True


def find_quotes(analysis: Analysis, speech: Speech, min_words: int = MIN_QUOTE_WORDS) -> list[Quote]:
    """The document's quotes of at least ``min_words`` words, in order, each read in its parse
    (the quoted words alone)."""
    return [Quote(q.text, q.attribution.speaker if q.attribution and not q.attribution.hearsay else None,
                  q.sentence_ids, stands_alone(analysis.doc.char_span(q.start, q.end, alignment_mode="expand")))
            for q in speech.quotations if len(q.text.split()) >= min_words and not is_title(q.text)
            and not _STRAY_MARK.search(q.text)]


def key_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes worth a slide of key quotes: substantive, with a known speaker, each speaker's
    first before anyone's second, at most MAX_KEY_QUOTES, in document order. Left out: a quote
    with no speaker (on a slide of quotes it would be read as the last speaker's) or one the
    words do not identify ("the group", "a spokesman": ``Speaker.identified``), a person's with
    no role in the document's words (a reader cannot weigh "— Aliesha Peterson"), one under
    MIN_KEY_QUOTE_WORDS or over MAX_KEY_QUOTE_WORDS words (a passage cannot be cut without
    changing it), one that opens in lower case (it goes on the writer's sentence: "China
    “vastly improved its detection ...”"), and one whose words point back to what they do not
    say ("He is ...", "wash them", "that partnership": ``Quote.stands_alone``)."""
    chosen = [q for q in quotes if q.speaker and q.speaker.identified and q.stands_alone
              and (q.speaker.role or q.speaker.kind is not SpeakerKind.PERSON)
              and MIN_KEY_QUOTE_WORDS <= len(q.text.split()) <= MAX_KEY_QUOTE_WORDS
              and q.text[:1].isupper()]
    seen: set[str] = set()
    firsts, rest = [], []
    for quote in chosen:
        (rest if quote.speaker.name in seen else firsts).append(quote)
        seen.add(quote.speaker.name)
    return sorted((firsts + rest)[:MAX_KEY_QUOTES], key=chosen.index)


def is_title(text: str) -> bool:
    """True for the title of a work, not speech: every word but the small ones (of, the, and ...)
    starts with a capital or a digit. "Going Clear: Scientology and the Prison of Belief" is one;
    "Obama is a Muslim" is not."""
    words = [w for w in re.findall(r"[\w’'-]+", text) if w.lower() not in _TITLE_SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in words)
