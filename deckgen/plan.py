"""Turn segmented documents and the summarizer's choices into an Outline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .analysis import Analysis, analyse_all, load_pipeline, span_reader
from .compress import (CREDIT, LONG_BULLET_WORDS, MAX_BULLET_WORDS, SETTING_ENTITIES, bullet_text, credit_source,
                       tokens)
from .context import is_statement, needs_context, own_first_person
from .corroborate import corroborating
from .extract.attribution import PRONOUNS, attribute, first_person_asides, quoted_openings
from .model import Citation, Document, Outline, Point, Section, SectionSpec, Sentence
from .runin import runs_in
from .summarize import Summarizer
from .summarize.base import MIN_PROPOSED_POINTS, in_document_order, previous_ids

if TYPE_CHECKING:
    from spacy.tokens import Span

BLUF_POINTS = 3
SHORTLIST_EXTRA = 3  # key points are chosen from the summarizer's k + SHORTLIST_EXTRA best
CONTEXT_PENALTY = 2  # rank places a key point loses when it leans on text the slide does not show
MAX_SECTION_POINTS = 5
AUTO_SECTIONS = 4
REPICK_ROUNDS = 2  # times a section's picks left out as no bullet are replaced by the next best


# Title words that make a section about when or where: its bullets keep their time and place.
SETTING_WORDS = frozenset({"when", "where", "timeline", "schedule", "dates", "location", "places"})


def key_points(sentences: Sequence[Sentence], k: int, summarizer: Summarizer,
               analyses: Sequence[Analysis] | None = None, deck_title: Span | None = None) -> list[Sentence]:
    """The k key points (the BLUF, and ``keypoints`` of each text), in document order: of the
    summarizer's k + SHORTLIST_EXTRA best sentences, in the order it ranks them, the k best
    after a sentence with a pronoun, demonstrative or short name that needs context
    (``context.needs_context``; a definite description does not count here: against editors'
    highlights, demoting leads such as "The company said ..." costs more than it gains) loses
    CONTEXT_PENALTY places, and one that is no statement (``context.is_statement``) goes last.
    Under a ``deck_title`` (the deck's BLUF, its first slide of content) the choice runs in rank
    order, and a sentence that needs context, a definite description included, is taken only
    when none that stands is left: the deck title and the points chosen before it in the
    document count as shown ("The quake was centered ..." after "A quake struck Napa ...";
    "The legislation" under "The Digital Millennium Copyright Act" does not stand).
    A sentence is read in its document's analysis, else parsed on its own. A run-in (two
    sentences run together: ``runin.runs_in``) is no key point; the shortlist grows past it."""
    read = span_reader(analyses)
    parses: dict[str, Span] = {}

    def span(sentence: Sentence) -> Span:
        if sentence.id not in parses:
            parses[sentence.id] = read(sentence)
        return parses[sentence.id]

    ranked: list[Sentence] = []
    refused: set[str] = set()
    size = 0
    while size < k + SHORTLIST_EXTRA + len(refused):  # a summarizer's picks for k are its best k
        size += 1
        picks = summarizer.keypoints(sentences, size, analyses=analyses)
        for sentence in picks:
            if sentence in ranked or sentence.id in refused:
                continue
            if runs_in(span(sentence)):
                refused.add(sentence.id)
            else:
                ranked.append(sentence)
        if len(picks) < size:
            break

    if deck_title is not None:
        return in_document_order(_standing_first(ranked, k, span, deck_title))

    def cost(rank: int) -> tuple[bool, int]:
        parsed = span(ranked[rank])
        return not is_statement(parsed), rank + CONTEXT_PENALTY * needs_context(parsed, descriptions=False)

    return in_document_order(ranked[rank] for rank in sorted(range(len(ranked)), key=cost)[:k])


def _standing_first(ranked: Sequence[Sentence], k: int, span: Callable[[Sentence], Span],
                    deck_title: Span) -> list[Sentence]:
    """Of ``ranked``, the first k statements, in rank order, that stand under the deck title and
    the ones chosen before them in their document; then, while fewer than k, the rest in rank
    order (statements first)."""
    statements = [s for s in ranked if is_statement(span(s))]
    chosen: list[Sentence] = []
    for sentence in statements:
        if len(chosen) == k:
            break
        above = [span(c) for c in chosen if c.source == sentence.source and c.position < sentence.position]
        if not needs_context(span(sentence), deck=[deck_title, *above]):
            chosen.append(sentence)
    rest = [s for s in [*statements, *ranked] if s not in chosen]
    return chosen + list(dict.fromkeys(rest))[:k - len(chosen)]


@dataclass(frozen=True)
class Focus:
    """What a section's title asks its bullets to keep: the title's words, and time and place."""

    about: frozenset[str] = frozenset()
    keep_setting: bool = False
    title: Span | None = None  # the title's parse: what it names, its bullets need not


def focus_of(title: str) -> Focus:
    """The section title's content words; ``keep_setting`` when the title is about when or
    where ("Timeline", "Where the fighting is", "Baghdad", "2025")."""
    doc = load_pipeline()(title)
    words = frozenset(t.lower_ for t in doc if t.is_alpha and not t.is_stop)
    setting = bool(words & SETTING_WORDS) or any(e.label_ in SETTING_ENTITIES for e in doc.ents)
    return Focus(words, setting, doc[:])


def point_from(sentence: Sentence, also: Sequence[Sentence] = (), credit: Credit | None = None,
               analysis: Analysis | None = None, focus: Focus = Focus(), fit: int | None = None,
               reason: str | None = None) -> Point:
    """A bullet made from one sentence (from its parse in ``analysis``; parsed on its own
    without one), citing it and the sentences of other sources that say the same thing
    (``also``). With a ``credit`` (the sentence names no speaker, or only "he"/"she"), the
    speaker is credited as the document names them and their sentence is cited too. With
    ``fit`` a longer bullet also loses what sets the scene (see ``compress.bullet_text``); a
    speaker it credits by the full name the document gives elsewhere ("— Penelope Abernathy"
    for "Abernathy said") cites the first sentence that gives it.
    ``reason`` says why the summarizer chose the sentence for its section."""
    parsed = analysis.span(sentence) if analysis is not None and analysis.parsed(sentence) else sentence.text
    text = bullet_text(parsed, credit=credit.name if credit else None, keep_setting=focus.keep_setting,
                       about=focus.about, fit=fit)
    cited = [sentence, *also]
    if credit and credit.sentence != sentence and text.endswith(f"{CREDIT}{credit.name}"):
        cited.append(credit.sentence)
    elif analysis is not None:
        cited += credit_source(text, sentence, analysis.document.sentences)
    citations = tuple(Citation(s.source, s.paragraph, s.text) for s in cited)
    return Point(text, citations, tuple(s.id for s in cited), reason=reason)


@dataclass(frozen=True)
class Credit:
    """Who says a sentence whose own words do not name them, and the sentence that does (the
    sentence itself when the document's author speaks in it)."""

    name: str
    sentence: Sentence


def speaker_credits(documents: Sequence[Document]) -> dict[str, Credit]:
    """Per sentence id, the speaker of a quote that continues from the sentence before, or of a
    "he said" / "she said", where the document makes clear who that is (see extract.attribution)."""
    credits = {}
    for document in documents:
        by_id = {s.id: s for s in document.sentences}
        for sentence_id, attribution in attribute(document).items():
            speaker = attribution.speaker
            unnamed = attribution.sentence_id != sentence_id or attribution.words.lower() in PRONOUNS
            if speaker and unnamed and speaker.sentence_ids and speaker.sentence_ids[0] in by_id:
                credits[sentence_id] = Credit(speaker.name, by_id[speaker.sentence_ids[0]])
    return credits


def speakers_known(documents: Sequence[Document]) -> set[str]:
    """Ids of the sentences whose speaker is known (named in them, or resolved from "he said")."""
    return {sentence_id for document in documents for sentence_id, attribution in attribute(document).items()
            if attribution.speaker}


def plan_outline(documents: Sequence[Document], specs: Sequence[SectionSpec], summarizer: Summarizer, *,
                 title: str | None = None, subtitle: str | None = None, author: str | None = None,
                 as_of: date | None = None,
                 bluf_points: int = BLUF_POINTS, max_points: int = MAX_SECTION_POINTS,
                 auto_sections: int = AUTO_SECTIONS, analyses: Sequence[Analysis] | None = None,
                 opens_with_bluf: bool = True) -> Outline:
    """Choose the BLUF and each section's points.

    With no ``specs`` the summarizer proposes about ``auto_sections`` sections. Bullets are cut
    from the parses in ``analyses`` (one per document; made here when the summarizer reads them);
    without them only the chosen sentences are parsed. A section sentence whose bullet stays over
    MAX_BULLET_WORDS is left out, and the sections are chosen again without it (REPICK_ROUNDS);
    a section whose picks were all left out cites them as withheld. When the deck
    ``opens_with_bluf`` (its title and BLUF slides come before the sections), a section bullet may
    name by a definite description or a short name what the deck title or a BLUF bullet from its
    source introduced ("The quake", "Durst"; see ``context.needs_context``).
    The title defaults to the first source's title, then its file name; ``as_of``
    to the newest source date (None when no source is dated).
    """
    if analyses is None and summarizer.reads_analyses:
        analyses = analyse_all(documents)
        documents = [analysis.document for analysis in analyses]  # run-ins cut
    sentences = [s for document in documents for s in document.sentences]
    deck_title = load_pipeline()(title or _default_title(documents))[:] if opens_with_bluf else None
    bluf_picks = key_points(sentences, bluf_points, summarizer, analyses, deck_title)
    reasons: dict[str, str] = {}

    def choose(rejected: set[str]) -> list[tuple[str, list[Sentence]]]:
        """Each spec's picks among the sentences not ``rejected``; their reasons go to ``reasons``."""
        groups = summarizer.choose([s for s in sentences if s.id not in rejected], specs, max_points,
                                   analyses=analyses)
        reasons.update({c.sentence.id: c.reason for group in groups for c in group if c.reason})
        return [(spec.title, [c.sentence for c in group]) for spec, group in zip(specs, groups)]

    if specs:
        named = choose(set())
    else:  # sections of its own choosing go on from the BLUF rather than repeat it
        bluf_ids = {s.id for s in bluf_picks}
        named = summarizer.propose_sections([s for s in sentences if s.id not in bluf_ids], auto_sections,
                                            max_points, analyses=analyses)
    chosen = [*bluf_picks, *(s for _, picked in named for s in picked)]
    if analyses is None:
        analyses = analyse_all(documents, chosen)
    analysis_of = {analysis.document.source.id: analysis for analysis in analyses}
    span = span_reader(analyses)
    credits = speaker_credits(documents)
    also = corroborating(chosen, sentences)

    previous = previous_ids(sentences)
    by_id = {s.id: s for s in sentences}
    authors = {document.source.id: document.source.publisher or document.source.author for document in documents}
    spoken = speakers_known(documents) | set(credits)
    quoted = {sentence_id for document in documents
              for sentence_id in quoted_openings(document) | first_person_asides(document)}

    def points(picked: Sequence[Sentence], focus: Focus = Focus(), max_words: int | None = None,
               descriptions: bool = False, names: bool = True) -> tuple[tuple[Point, ...], list[Sentence]]:
        """Points of one slide group, and the picks left out as no bullet. Skipped silently: a
        sentence already cited by an earlier point. Left out: one that needs context
        (``context.needs_context``; definite descriptions count only with ``descriptions``,
        short names unless ``names`` is False)
        that the slide does not give (its title for a description, or the point just above when
        that comes from the sentence before it), unless its speaker is credited; a quotation whose speaker is
        not known (under a slide title it would read as the deck's own claim); no statement (a
        question, a heading); a bullet still over ``max_words`` words (a section bullet over
        MAX_BULLET_WORDS is too long to say in one breath)."""
        result: list[Point] = []
        left_out: list[Sentence] = []
        for sentence in picked:
            if any(sentence.id in point.sentence_ids for point in result):
                continue
            point = None
            if stands_alone(sentence, result[-1] if result else None, focus, descriptions, names):
                point = point_from(sentence, also.get(sentence.id, ()), credit_of(sentence),
                                   analysis_of.get(sentence.source), focus, LONG_BULLET_WORDS,
                                   reasons.get(sentence.id))
            if point and (max_words is None or len(tokens(point.text)) <= max_words):
                result.append(point)
            else:
                left_out.append(sentence)
        return tuple(result), left_out

    def credit_of(sentence: Sentence) -> Credit | None:
        """The speaker the sentence's words do not name; for a sentence in which the document
        speaks as "I" or "we" (not a quotation), its publisher (else author), when the source names one."""
        if sentence.id in credits:
            return credits[sentence.id]
        author = authors.get(sentence.source)
        if author and sentence.id not in quoted and own_first_person(span(sentence)):
            return Credit(author, sentence)
        return None

    introduced: dict[str, list[Span]] = {}  # per source, what the deck shows before its sections

    def stands_alone(sentence: Sentence, above: Point | None, focus: Focus, descriptions: bool, names: bool) -> bool:
        parsed = span(sentence)
        shown = [span(by_id[previous[sentence.id]])] if above and previous.get(sentence.id) in above.sentence_ids else []
        leaning = sentence.id not in credits and needs_context(parsed, shown, descriptions, focus.title, names=names,
                                                               deck=introduced.get(sentence.source, ()))
        unattributed_quote = sentence.id in quoted and sentence.id not in spoken
        return not (leaning or unattributed_quote or not is_statement(parsed) or runs_in(parsed))

    focuses = {name: focus_of(name) for name, _ in named}  # each title parsed once, whatever the rounds

    def section_points(name: str, picked: Sequence[Sentence]) -> tuple[tuple[Point, ...], list[Sentence]]:
        """A section's points and the picks left out: a pick that leans on a description or a
        short name the slide does not give is left out when another pick stands without it."""
        shown, left_out = points(picked, focuses[name], MAX_BULLET_WORDS, descriptions=True)
        if not shown:
            shown, left_out = points(picked, focuses[name], MAX_BULLET_WORDS, names=False)
        return shown, left_out

    bluf = points(bluf_picks)[0]
    if deck_title is not None:
        introduced.update({document.source.id: [deck_title] for document in documents})
        for point in bluf:
            introduced[point.citations[0].source].append(load_pipeline()(point.text)[:])
    built = [section_points(name, picked) for name, picked in named]
    withheld = [list(left_out) for _, left_out in built]
    rejected: set[str] = set()
    for _ in range(REPICK_ROUNDS if specs else 0):  # a pick left out as no bullet makes room for the next best
        newly = {s.id for _, left_out in built for s in left_out} - rejected
        if not newly:
            break
        rejected |= newly
        named = choose(rejected)
        also = corroborating([*bluf_picks, *(s for _, picked in named for s in picked)], sentences)
        built = [section_points(name, picked) for name, picked in named]
        for row, (_, left_out) in enumerate(built):
            withheld[row] += left_out
    sections = tuple(Section(name, shown, () if shown else tuple(dict.fromkeys(
                         Citation(s.source, s.paragraph, s.text) for s in left_out)))
                     for (name, _), (shown, _), left_out in zip(named, built, withheld))
    if not specs:  # a section of its own choosing needs MIN_PROPOSED_POINTS points that stand as bullets
        sections = tuple(section for section in sections if len(section.points) >= MIN_PROPOSED_POINTS)
    sources = tuple(document.source for document in documents)
    dates = [source.date for source in sources if source.date]
    return Outline(
        title=title or _default_title(documents),
        subtitle=subtitle,
        author=author,
        as_of=as_of or (max(dates) if dates else None),
        sources=sources,
        bluf=bluf,
        sections=sections,
    )


def _default_title(documents: Sequence[Document]) -> str:
    first = documents[0].source
    if first.title:
        return first.title
    from pathlib import Path

    return Path(first.path).stem.replace("_", " ").replace("-", " ").strip() or "Briefing"
