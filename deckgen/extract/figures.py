"""By the numbers: figures written in digits, the noun each counts and who states it, read from the parse.

A figure is a CARDINAL, QUANTITY, PERCENT or MONEY entity with a digit in it, and what it counts:

- a count or quantity ("2,500 U.S. troops", "about 45 feet of mud") counts the noun it modifies
  (``nummod``), which follows it and is a common noun, with that noun's "of"/"in"/"from" phrase;
- a share ("15 percent of its gross income") counts the object of its "of", or the noun it
  modifies ("a 5 percent rise");
- a sum of money ("$5 million in aid", "a $2 billion deal") counts what its "in"/"for"/"of"
  phrase names, or the noun it modifies.

``number`` and ``counts`` keep the words of the text and both occur verbatim in the sentence.
A slide shows the figure in its clause, deletion only: subject, verb and the verb's complements
("Hurricane Otis left 3,862 people homeless"), with who states it when the words do not name them;
a figure with no such clause (a bare count, a clause that modifies a noun, a pronoun subject
other than a quoted speaker's "I"/"we") is not shown, nor one whose clause points back to what it
does not say ("The 48-year-old got ...", "bail was posted for him": ``alone.stands_alone``).
Never figures: a number inside a name or label (an entity of another kind: "chapter 13", "Section 522", "Boeing 777"), a
number after the noun it labels or before a name ("737 MAX airplanes"), dates and times, a
count after "other", "more", "further" or a superlative (a part of an unstated whole: "about 50
other people", "the first 10 minutes"), the second number of a ratio ("1 in 5 people"), a
number in a hypothetical (a clause under "if", "unless", or one that such a clause modifies), and a number whose counted noun is not found ("21.9%
whilst"). A figure in a quotation is the quotation's speaker's, and left out when it has none.
A restated figure (same value and unit, same counted noun, no other speaker) is kept once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis import CONDITION_MARKS, SUBORDINATE_CLAUSES
from ..context import demonstrative
from .alone import stands_alone
from .speech import Speaker, Speech

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..analysis import Analysis

MAX_FIGURES = 8
MIN_FIGURES = 2  # a slide of one figure repeats a sentence; it says no more than a bullet would
MAX_COUNTS_WORDS = 8
_FIGURE_ENTITIES = ("CARDINAL", "QUANTITY", "PERCENT", "MONEY")
_ATTACHED = ("of", "in", "from", "for", "across", "at")
_PART_OF_A_WHOLE = frozenset("other more further additional extra remaining last first next top".split())
_SHARES = frozenset(("cent", "percent", "%"))  # a share counts only what its "of" names
MAX_SHOWN_WORDS = 16
_CORE_COMPLEMENTS = frozenset(("dobj", "attr", "acomp", "oprd", "xcomp", "ccomp"))
_COMPLEMENTS = _CORE_COMPLEMENTS - {"ccomp"} | {"prep", "prt", "agent", "dative"}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCY = re.compile(r"[$€£¥]")
_AUXILIARIES = ("aux", "auxpass")

@dataclass(frozen=True)
class Figure:
    """One numeric fact. ``unit`` is "%", a currency sign or None (a count); ``head`` is the
    lemma of the counted noun; ``low``/``high`` the value (a range gives two); ``stands_alone``
    that nothing in the clause shown points back to what it does not say ("The 48-year-old got
    ...", "bail was posted for him": ``alone.stands_alone``)."""

    number: str
    counts: str
    stated_by: Speaker | None
    low: float
    high: float
    unit: str | None
    qualifier: str | None
    sentence_ids: tuple[str, ...]
    head: str = ""
    shown: str = ""
    stands_alone: bool = True

    @property
    def text(self) -> str:
        """'Charles Lister has tracked about 500 IS attacks (Charles Lister)': as shown on a slide,
        with who states it unless the words shown already name them."""
        text = self.shown or (f"{self.number} {self.counts}" if self.counts else self.number)
        if not self.stated_by or _without_article(self.stated_by.name) in text:
            return text
        return f"{text} ({_without_article(self.stated_by.name)})"


@dataclass(frozen=True)
class FigureSeries:
    """Figures from different speakers that measure the same thing, for a chart.

    ``measure`` is the fullest of their ``counts``; a figure with no speaker is labelled "Unattributed".
    """

    measure: str
    unit: str | None
    figures: tuple[Figure, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(_chart_label(f.stated_by) for f in self.figures)

    @property
    def sentence_ids(self) -> tuple[str, ...]:
        return tuple(i for f in self.figures for i in f.sentence_ids)


def find_figures(analysis: Analysis, speech: Speech) -> list[Figure]:
    """The document's figures, in order."""
    figures: list[Figure] = []
    for sentence, span in analysis.parsed_spans():
        attribution = speech.attributions.get(sentence.id)
        for entity in _numbers(analysis, span):
            quotation = speech.quotation_at(entity.start_char)
            said = quotation.attribution if quotation else attribution
            if said is not None and said.sentence_id == sentence.id and quotation is None \
                    and _introduces_quotation(said, speech, sentence.end):
                said = None
            speaker = said.speaker if said and said.stating and not said.hearsay else None
            if quotation and speaker is None:
                continue
            figure = _figure(entity, speaker, (sentence.id, *((said.sentence_id,) if speaker else ())))
            if figure:
                _add_unless_restated(figures, figure)
    return figures


def _numbers(analysis: Analysis, span: Span) -> list[Span]:
    """The figure entities of a sentence with a digit in them, and a count in digits the
    recogniser missed ("the 900 troops"), in order."""
    from spacy.tokens import Span

    found = [e for e in analysis.entities_in(span) if e.label_ in _FIGURE_ENTITIES and any(c.isdigit() for c in e.text)]
    missed = [Span(span.doc, t.i, t.i + 1, label="CARDINAL") for t in span
              if not t.ent_type_ and t.dep_ == "nummod" and t.like_num and any(c.isdigit() for c in t.text)]
    return sorted(found + missed, key=lambda e: e.start)


def shown_figures(figures: Sequence[Figure], standing: set[str] | None = None,
                  bullets: Mapping[str, Sequence[str]] | None = None) -> list[Figure]:
    """The figures for a slide, at most MAX_FIGURES: those whose clause stands alone, stated by
    nobody or by a speaker the words identify (not "a group", "a spokesman": the credit would
    not say whose figure it is), from
    sentences that can stand as a point (ids in ``standing``, when given: not a caption,
    boilerplate or a page header run into the text), and that no bullet of the deck already
    shows (``bullets``: per sentence id, the texts of the bullets cut from it; a bullet holding
    the figure's number shows it). None unless MIN_FIGURES are left: one figure is a bullet's
    business, not a slide's. A chart is drawn from every figure found (``figure_series``):
    set beside other speakers' values, a figure a bullet shows says something new."""
    bullets = bullets or {}
    shown = [f for f in figures
             if f.stands_alone and (f.stated_by is None or f.stated_by.identified)
             and (standing is None or f.sentence_ids[0] in standing)
             and not any(f.number in text for text in bullets.get(f.sentence_ids[0], ()))][:MAX_FIGURES]
    return shown if len(shown) >= MIN_FIGURES else []


def _introduces_quotation(said, speech: Speech, sentence_end: int) -> bool:
    """Whether the sentence's own speech verb introduces a quotation in it ("Lloyd said: '...'"):
    words before that verb are not the speaker's."""
    return any(q.attribution == said and q.start < sentence_end for q in speech.quotations)


def _figure(entity: Span, speaker: Speaker | None, ids: tuple[str, ...]) -> Figure | None:
    entity = _with_currency(entity)
    numbers = [t for t in entity if t.like_num and any(c.isdigit() for c in t.text)]
    if not numbers or _refused(entity, numbers[0]):
        return None
    counted = _counted(entity, numbers[-1])
    if counted is None:
        return None
    counts, head, _ = counted
    clause = _shown(entity, quoted=speaker is not None and speaker.identified)
    if clause is None:
        return None
    shown, span = clause
    values = [_value(t) for t in numbers]
    unit = "%" if entity.label_ == "PERCENT" else (_CURRENCY.search(entity.text) or [None])[0]
    if unit is None and entity.label_ == "MONEY":
        unit = "money"
    qualifier_tokens = [t for t in entity if t.i < numbers[0].i and t.is_alpha]
    qualifier = " ".join(t.text for t in qualifier_tokens) or None
    ids = tuple(dict.fromkeys(ids))
    return Figure(entity.text, counts, speaker, min(values), max(values), unit, qualifier, ids, head,
                  shown, stands_alone(span))


def _with_currency(entity: Span) -> Span:
    """The entity with a currency sign the recogniser left before it ("£" in "a £10,000 fine")."""
    from spacy.tokens import Span

    if entity.start and _CURRENCY.fullmatch(entity.doc[entity.start - 1].text):
        return Span(entity.doc, entity.start - 1, entity.end, label=entity.label_)
    return entity


def _shown(entity: Span, quoted: bool) -> tuple[str, Span] | None:
    """What a slide shows, as its text and the span of the sentence it is cut from: the clause that holds the
    figure, from its subject through its verb and the verb's complements ("Emirates had a fleet
    of 270 aircraft", "Hurricane Otis left 3,862 people homeless", "About 15 percent of its
    gross income went to research") and the period they cover (``_period``); an aside between
    subject and verb, and what follows the subject's own "of" phrase, are left out, and so is an aside in brackets that does not hold
    the figure ("about 2 inches (50.8 millimeters) of rain"). Nothing when
    there is no such clause: a bare count ("some 375,000 people in 18 counties") says not what
    happened to them, a clause that modifies a noun or sets the scene ("where 72 people were also
    killed") not where, a clause without its complement not what, a verb with no finite form
    ("winds gusting to 55 mph", cut from what forecast them) no statement, and a pronoun subject ("It
    had ...") not who, unless it is a quoted speaker's own "I" or "we"."""
    doc = entity.doc
    verb = entity.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in SUBORDINATE_CLAUSES or verb.dep_ == "amod":
        return None
    if not any(t.morph.get("VerbForm") == ["Fin"] for t in (verb, *verb.children) if t is verb or t.dep_ in _AUXILIARIES):
        return None  # "winds gusting at times to 55 mph": no statement, what it hangs on is cut
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].i > verb.i:
        return None  # two subjects: a parse gone wrong ("A report, ..., estimated IS has ...")
    subject = subjects[0]
    if subject.pos_ == "PRON" and not (quoted and subject.morph.get("Person") == ["1"]):
        return None
    who_end = subject.i + 1
    for child in subject.rights:
        if child.dep_ != "prep" or child.lower_ not in _ATTACHED or child.i != who_end:
            break
        who_end = child.right_edge.i + 1
    verb_start = min([verb.i, *(c.i for c in verb.lefts if c.dep_ in (*_AUXILIARIES, "neg"))])
    if who_end < verb_start and not any(t.is_punct for t in doc[who_end:verb_start]):
        return None  # words between subject and verb that are no aside: keep them or show nothing
    end = verb.i + 1
    for child in verb.rights:
        if child.left_edge.i != end or not (child.dep_ in _COMPLEMENTS or _period(child)):
            break
        end = child.right_edge.i + 1
    if any(c.dep_ in _CORE_COMPLEMENTS and c.i >= end for c in verb.rights):
        return None  # "44 per cent of the followers are": a verb without its complement
    who_start = _noun_phrase_start(subject)
    if subject.left_edge.i <= entity.start < who_start:
        who_start = entity.start  # "At least 20 people ..."
    if _scoped_before(doc[entity.sent.start:who_start]):
        return None
    who, rest = doc[who_start:who_end], doc[verb_start:end]
    inside = who.start <= entity.start and entity.end <= who.end or rest.start <= entity.start and entity.end <= rest.end
    aside = _bracketed(rest, entity)
    kept = [[t for t in part if t.i not in aside] for part in (who, rest)]
    if not inside or sum(map(len, kept)) > MAX_SHOWN_WORDS or any(
            t.is_punct and t.text not in ("-", "'", "’", ".") for part in kept for t in part):
        return None
    return " ".join("".join(t.text_with_ws for t in part).strip() for part in kept), doc[who.start:rest.end]


def _bracketed(rest: Span, entity: Span) -> set[int]:
    """The token indices of the brackets in ``rest`` that do not hold the figure, brackets
    included: an aside the slide drops ("dumped about 2 inches (50.8 millimeters) of rain")."""
    dropped: set[int] = set()
    opened = None
    for token in rest:
        if token.text == "(":
            opened = token.i
        elif token.text == ")" and opened is not None:
            if not opened < entity.start < token.i:
                dropped.update(range(opened, token.i + 1))
            opened = None
    return dropped


def _period(child: Token) -> bool:
    """A bare time phrase after the verb ("has tracked about 500 attacks this year"): the
    period a count covers, which the figure would misstate without."""
    return child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME")


def _scoped_before(before: Span) -> bool:
    """True when the words of the sentence before the shown clause narrow what the figure
    counts, which the slide would drop: a demonstrative ("Among these tables, ... 36 tables"),
    another number ("From data on 50 countries, ... 23 percent"; a date is none) or a word
    restricting a noun ("On Sunday alone, India delivered 187 tons")."""
    return any(((demonstrative(t) or t.like_num) and t.ent_type_ not in ("DATE", "TIME"))
               or (t.dep_ == "advmod" and t.head.pos_ in ("NOUN", "PROPN")) for t in before)


def _noun_phrase_start(head: Token) -> int:
    start = head.left_edge.i
    while start < head.i and (head.doc[start].is_punct or head.doc[start].dep_ in ("cc", "prep", "advmod")):
        start += 1
    return start


def _refused(entity: Span, number: Token) -> bool:
    """A number that names or labels, is part of a ratio, a part of an unstated whole, or hypothetical."""
    doc = entity.doc
    previous = doc[entity.start - 1] if entity.start > 0 else None
    following = doc[entity.end] if entity.end < len(doc) else None
    if previous is not None and (previous.pos_ == "PROPN" or previous.text in ("No.", "#", "-", "/")
                                 or previous.lower_ in _PART_OF_A_WHOLE or previous.tag_ == "JJS"):
        return True
    if following is not None and (following.pos_ == "PROPN" and following.ent_type_ not in ("NORP", "GPE")
                                  or following.text in ("-", "/", ":")):
        return True
    if previous is not None and previous.lower_ in ("in", "of") and entity.start > 1 \
            and doc[entity.start - 2].like_num:
        return True  # "1 in 5 people"
    if number.head.i < number.i and number.head.pos_ in ("NOUN", "PROPN") and number.head.i < entity.start:
        return True  # "Section 522", "chapter 13"
    clause = number
    while clause.head.i != clause.i:
        if _conditional(clause):
            return True
        clause = clause.head
    return _conditional(clause)


def _conditional(token: Token) -> bool:
    """A clause opened by "if"/"unless", or one that such a clause modifies ("If you received a
    form, the tax is 20% of ..."): what it says holds only on that condition."""
    def opened(clause: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children)

    return opened(token) or any(c.dep_ == "advcl" and opened(c) for c in token.children)


def _counted(entity: Span, number: Token) -> tuple[str, str, int] | None:
    """(the words that say what the figure counts, the lemma of its head noun, the index of the
    token after them), or None."""
    doc = entity.doc
    inside = range(entity.start, entity.end)
    unit = number
    while unit.head.i in inside and unit.head.i != unit.i and unit.head.i > unit.i:
        unit = unit.head
    if unit is not number and unit.pos_ == "NOUN" and entity.label_ == "QUANTITY":  # "under 45 feet"
        attached = _attached(doc, entity)
        if attached is None:
            return "", unit.lemma_.lower(), entity.end
        return _words(doc, entity.end, attached.right_edge.i + 1, _object(attached))
    if entity.label_ in ("PERCENT", "MONEY"):
        attached = _attached(doc, entity, ("of",) if entity.label_ == "PERCENT" else ("of", "in", "for"))
        if attached is not None:
            return _words(doc, entity.end, attached.right_edge.i + 1, _object(attached))
    outer = next((t for t in entity if t.head.i not in inside), unit)
    noun = outer.head
    if outer.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod") or noun.pos_ != "NOUN" \
            or noun.i < entity.end or any(doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in ("GPE", "NORP")
                                          for i in range(entity.end, noun.i)):
        return None
    if noun.lower_ in _PART_OF_A_WHOLE | _SHARES or any(t.lower_ in _PART_OF_A_WHOLE for t in doc[entity.end:noun.i]):
        return None
    before = doc[entity.start - 1] if entity.start else None
    if noun.tag_ == "NN" and entity.label_ == "CARDINAL" and number.text != "1" and (
            noun.dep_ == "compound" or (before is not None and _modifying_determiner(before))):
        return None  # "a 3 digit code", "his No 10 shirt": the number names a kind, it counts nothing
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in _ATTACHED and child.i == end:
            end = child.right_edge.i + 1
        break
    return _words(doc, entity.end, end, noun)


def _modifying_determiner(token: Token) -> bool:
    """"a", "an" or a possessive pronoun ("his No 10 shirt"), not "the" ("the 900 troops")."""
    return token.tag_ == "PRP$" or "Ind" in token.morph.get("Definite")


def _attached(doc, entity: Span, prepositions=_ATTACHED) -> Token | None:
    """The "of"/"in"/"for" phrase right after an entity and attached to it ("15 percent of its income")."""
    if entity.end >= len(doc):
        return None
    following = doc[entity.end]
    if following.dep_ == "prep" and following.lower_ in prepositions and entity.start <= following.head.i < entity.end:
        return following
    return None


def _object(preposition: Token) -> Token | None:
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def _words(doc, start: int, end: int, noun: Token | None) -> tuple[str, str, int] | None:
    """The text of ``doc[start:end]`` when it ends in a noun, holds no clause break and is at
    most MAX_COUNTS_WORDS words."""
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    tokens = list(doc[start:end])
    if any(t.pos_ in ("VERB", "AUX", "SCONJ") for t in tokens):
        return None  # "$22,500 if married filing ...": no noun phrase
    if not tokens or any(t.is_punct and t.text not in ("-", "'", "’", ".") for t in tokens) \
            or len(tokens) > MAX_COUNTS_WORDS or tokens[-1].pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text, noun.lemma_.lower(), end


def _value(token: Token) -> float:
    digits = re.sub(r"[^\d.]", "", token.text) or "0"
    try:
        value = float(digits)
    except ValueError:
        return 0.0
    scale = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return value * (_SCALES.get(scale.lower_, 1) if scale is not None else 1)


def _add_unless_restated(figures: list[Figure], figure: Figure) -> None:
    """Append ``figure`` unless it restates an earlier one; the statement with a speaker is kept,
    in the place of the first; two different speakers stating one value are both kept."""
    for index, earlier in enumerate(figures):
        if earlier.shown == figure.shown:
            return  # two numbers of one clause ("Some 375,000 people in 18 counties lost power")
        if (earlier.low, earlier.high, earlier.unit, earlier.head) == (figure.low, figure.high, figure.unit, figure.head) \
                and (earlier.stated_by is None or figure.stated_by is None
                     or _same_speaker(earlier.stated_by, figure.stated_by)):
            if figure.stated_by and not earlier.stated_by:
                figures[index] = figure
            return
    figures.append(figure)


def figure_series(figures: Sequence[Figure]) -> list[FigureSeries]:
    """Group figures of one unit counting the same noun whose words are contained one in the
    other; only groups with two or more different named speakers become a series (first figure
    per speaker). An unattributed figure joins only with a value no named speaker gives."""
    series: list[list[Figure]] = []
    for figure in figures:
        group = next((g for g in series if _same_measure(g[0], figure)), None)
        if group is None:
            series.append([figure])
        elif not any(_same_speaker(figure.stated_by, f.stated_by) for f in group):
            group.append(figure)
    comparable = [_comparable(group) for group in series]
    return [FigureSeries(max((f.counts for f in g), key=lambda c: len(c.split())), g[0].unit, g)
            for g in comparable if g]


def _comparable(group: list[Figure]) -> tuple[Figure, ...] | None:
    named = [f for f in group if f.stated_by]
    if not any(not _same_speaker(a.stated_by, b.stated_by) for a in named for b in named):
        return None
    return tuple(f for f in group if f.stated_by or all((f.low, f.high) != (n.low, n.high) for n in named))


def _same_measure(a: Figure, b: Figure) -> bool:
    if a.unit != b.unit or not a.head or a.head != b.head:
        return False
    words_a, words_b = set(a.counts.lower().split()), set(b.counts.lower().split())
    return words_a <= words_b or words_b <= words_a


def _same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """One speaker under two names: equal labels, or a one-word name that ends the other.
    None (unattributed) is the same only as None."""
    if a is None or b is None:
        return a is b
    first, second = sorted((_chart_label(a), _chart_label(b)), key=len)
    return first == second or (" " not in first and second.endswith(" " + first))


def _chart_label(speaker: Speaker | None) -> str:
    """'A recent United Nations report' -> 'Recent United Nations report'."""
    if speaker is None:
        return "Unattributed"
    name = _without_article(speaker.name)
    return name[:1].upper() + name[1:]


def _without_article(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if first.lower() in ("a", "an", "the") and rest else name
