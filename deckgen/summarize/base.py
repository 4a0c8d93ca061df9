"""The one signature every summarizer has, and selection helpers they share."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..captions import CAPTION_LABEL, CAPTION_MARK
from ..ingest.furniture import is_furniture
from ..model import SectionSpec, Sentence

if TYPE_CHECKING:
    from ..analysis import Analysis

MIN_WORDS = 4  # shorter sentences ("Read more.") are never chosen
MIN_PROPOSED_POINTS = 2  # a proposed section with fewer points is no section (fewer, truer sections)
# A fact box's capitalised label ("REASON IT MIGHT HAPPEN: ...", "CURRENT JOB: Sky commentator."):
# the box's furniture, not a sentence of the story.
_FACT_BOX_LABEL = re.compile(r"\b[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){1,5}:")
# A reporter's byline, maybe run into a picture caption: "... Ann O'Neill reported from Boston."
_BYLINE = re.compile(r"^(?:\S+\s+){0,8}[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s+reported from\s+[A-Z][\w .,'’-]{1,40}\.$")


@dataclass(frozen=True)
class Choice:
    """A sentence chosen for a section and, in a few words, why ("under heading 'Snubs'")."""

    sentence: Sentence
    reason: str | None = None


class Summarizer(ABC):
    """Chooses sentences; it never writes text (bullets are made by ``compress``).

    Every method returns sentences in document order and never returns one
    sentence twice; it may return fewer than asked when the documents hold less.
    """

    name: str = ""
    reads_analyses: bool = False  # whether ``choose`` and ``propose_sections`` read the documents' parses

    @abstractmethod
    def keypoints(self, sentences: Sequence[Sentence], k: int, *,
                  analyses: Sequence[Analysis] | None = None) -> list[Sentence]:
        """The ``k`` sentences that best sum up the documents (also the BLUF); ``analyses`` as
        for ``choose``."""

    def choose(self, sentences: Sequence[Sentence], specs: Sequence[SectionSpec], max_points: int, *,
               analyses: Sequence[Analysis] | None = None) -> list[list[Choice]]:
        """Per spec, up to ``max_points`` sentences on its title, each with the reason it was chosen;
        a sentence goes to one section at most. ``analyses`` (one per document the sentences come
        from) let a summarizer read entities and headings; without them it parses the sentences.
        A summarizer overrides ``choose`` or ``sections``; by default the picks of ``sections``
        come with no reason."""
        return [[Choice(s) for s in group] for group in self.sections(sentences, specs, max_points)]

    def sections(self, sentences: Sequence[Sentence], specs: Sequence[SectionSpec], max_points: int, *,
                 analyses: Sequence[Analysis] | None = None) -> list[list[Sentence]]:
        """The sentences of ``choose`` without their reasons."""
        return [[choice.sentence for choice in group]
                for group in self.choose(sentences, specs, max_points, analyses=analyses)]

    @abstractmethod
    def propose_sections(self, sentences: Sequence[Sentence], count: int, max_points: int, *,
                         analyses: Sequence[Analysis] | None = None) -> list[tuple[str, list[Sentence]]]:
        """About ``count`` sections chosen from the content, each titled with words drawn from it;
        ``analyses`` as for ``choose``."""


def previous_ids(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Per sentence id, the id of the sentence just before it in the same document."""
    return {later.id: earlier.id for earlier, later in zip(sentences, sentences[1:]) if earlier.source == later.source}


_STATEMENT_ENDS = frozenset(".!?…:;")
_CLOSERS = "\"'”’)"
_LABELLED = re.compile(CAPTION_LABEL)


def candidates(sentences: Sequence[Sentence]) -> list[Sentence]:
    """Sentences long enough to stand as a point on their own. The paragraphs a reader or the
    furniture rules marked as headings, captions, footnotes, table rows or furniture hold no
    sentences (``segment``), so nothing here sees them; for text that came with no structure,
    a sentence that the furniture rules call furniture (bylines, datelines, "Scroll down for
    video", "not currently accepting comments": ``ingest.furniture.is_furniture``) and fact-box lines ("CURRENT
    JOB: ...") left out, and so is a piece that starts in lower case (the rest of a run-on the
    segmenter had to cut: "elected as US President in 1993, ..." is no sentence) or one with no
    end punctuation in a paragraph whose other sentences have it (a picture caption run into the
    text, also at the paragraph's end, or one closed by a bracket or quote mark with no full stop
    before it: "... Attenborough (pictured)", "... dubbed ‘The First Great Escape’"; a list item
    or a line of its own may end without a full stop, and so may every piece of a text that has
    no punctuation at all). A caption is left out too: a piece that says where someone is in the
    picture ("(left)", "(file photo)"), or one that opens with a label ("Tragic: The man ...")
    inside a paragraph (a paragraph of a report may open with "Background: ...")."""
    def key(sentence: Sentence) -> tuple[str, int]:
        return sentence.source, sentence.paragraph
    punctuated = {key(s) for s in sentences if _ends_a_statement(s.text)}
    inside = {s.id for earlier, s in zip(sentences, sentences[1:]) if key(earlier) == key(s)}
    return [s for s in sentences if len(s.text.split()) >= MIN_WORDS and not is_furniture(s.text)
            and not _BYLINE.match(s.text) and not _FACT_BOX_LABEL.search(s.text)
            and not CAPTION_MARK.search(s.text) and not (s.id in inside and _LABELLED.match(s.text))
            and not s.text[:1].islower() and (_ends_a_statement(s.text) or key(s) not in punctuated)]


def _ends_a_statement(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _STATEMENT_ENDS


def in_document_order(chosen) -> list[Sentence]:
    """Sort by source, then position; works across documents."""
    return sorted(chosen, key=lambda s: s.position)
