"""Who says what, read from the parse: quotations, speech verbs, their subjects and who those are.

Read once per document (``read_speech``) and shared by quotes, figures and perspectives.

- A quotation runs from an opening quote mark to its closing one in the same paragraph, as the
  tagger marks them (``\u201c``/`` opens, ``\u201d``/'' closes; a possessive apostrophe is no mark); a
  straight double mark closes an open double quote. A quote inside a quote belongs to the outer one.
- A speech verb is a verb whose lemma is in ``SPEECH_VERBS`` (the one list), outside quotation
  marks; "according to X" speaks for X. Its speaker is its subject (``nsubj``; the antecedent of
  "who"; the subject of the verb it is joined to by "and"), never a passive subject ("he was told").
- A quotation's speaker is the speaker of the speech verb that governs it: the verb outside the
  quotation that a word inside it depends on ("\u201c...,\u201d Singh told reporters", "He said: \u201c...\u201d").
  No governing verb, no speaker: crediting nobody beats crediting the wrong person.
- A subject is a person when it is or names a PERSON entity, or a surname of a person the
  document names in full ("Singh" after "Sabrina Singh"); the words before the name in its noun
  phrase, or an appositive after it, are the role ("Microsoft Chief Executive Satya Nadella",
  "Charles Lister, the director of ..."). A named body (ORG, GPE, NORP) is an organisation; any
  other noun phrase is described in the document's own words ("a senior U.S. defense official";
  "the official" becomes that description when the document gave exactly one with that noun).
- "he"/"she" is the one person named in the sentences before (at most ``PRONOUN_REACH``, and the
  pronoun's own sentence before it), or, when those name nobody, the person the latest of them
  quotes; with two candidates it stays unresolved (None). "it"/"they" is the organisation or
  described group the sentence just before quotes, when no other named body stands between.
  "I", "we", "you" outside quotation marks are left unresolved.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from ..model import Sentence
from ..names import full_names, fuller, name_words, surname

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..analysis import Analysis

# Lemma -> whether the speaker vouches for what follows (figures trust only these), or takes a stance.
SPEECH_VERBS = {
    **dict.fromkeys("say tell add note stress explain write state insist argue announce confirm report claim "
                    "estimate warn emphasize emphasise acknowledge predict reply testify find conclude "
                    "disclose reveal".split(), True),
    **dict.fromkeys("call reject deny refuse decline dismiss criticize criticise praise welcome urge "
                    "ask allege".split(), False),
}
PRONOUN_REACH = 3  # sentences back a "he"/"she" may look for its person
_NAMED_BODIES = ("ORG", "GPE", "NORP")
# Names that are no one who could say something: places, peoples, times, amounts (and people, counted apart).
_NOT_ACTORS = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY",
                         "ORDINAL"})
_OPENING_MARKS = ("\u201c", "\u2018", "``")
_CLOSING_MARKS = ("\u201d", "\u2019", "''")
_MODIFIERS = ("amod", "compound", "nmod", "poss")  # a NORP names a body only modifying a noun ("Iraqi officials")
MAX_ROLE_WORDS = 10
MAX_DESCRIPTION_WORDS = 10


class SpeakerKind(str, Enum):
    PERSON = "person"  # a named person
    DESCRIBED = "described"  # an anonymous or collective speaker in the document's words
    ORGANISATION = "organisation"  # a named body, country or publication


@dataclass(frozen=True)
class Speaker:
    """Who is speaking, in the document's own words.

    ``role`` is only ever given for a person, as the document words it; ``body`` is the named
    body (ORG, GPE or NORP entity) the speaker's words name, if any ("Pentagon" for "Deputy
    Pentagon press secretary Sabrina Singh"). ``sentence_ids`` are where the name (and role) appear.
    """

    name: str
    kind: SpeakerKind
    role: str | None
    sentence_ids: tuple[str, ...]
    body: str | None = None

    @property
    def identified(self) -> bool:
        """Whether the words say who is speaking: a person's name of two words or more, a body's
        name, or a description that names its body ("a senior U.S. defense official"); not "the
        group", "the man", "a spokesman", nor a surname the document never gave in full
        ("Yankovic", "Mr Cooper")."""
        if self.kind is SpeakerKind.PERSON:
            return len(name_words(self.name)) > 1
        return self.kind is SpeakerKind.ORGANISATION or self.body is not None

    @property
    def label(self) -> str:
        """"Sabrina Singh, Deputy Pentagon press secretary"; a role that is only a short title goes
        before the name, as written ("Gen. Allen Batschelet", "Mr Cooper"); the bare name when
        there is no role."""
        if self.role and " " not in self.role and (self.role.endswith(".") or len(self.role) <= 3):
            return f"{self.role} {self.name}"
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass(frozen=True)
class Attribution:
    """The speaker of one sentence; ``speaker`` is None for a pronoun nothing resolves.

    ``sentence_id`` is the sentence that carries the speech verb (another one for a sentence
    inside a quotation attributed elsewhere); ``hearsay`` whether someone else reports or
    alleges the speech ("Prosecutors said Thomas told a supervisor ...", "he allegedly told her
    ..."): the words are then not known to be the speaker's; ``words`` are the subject's words there ("she",
    "Singh"); ``stating`` whether the verb vouches for what is said ("said", not "denied");
    ``main`` whether the speech verb heads its sentence's main clause (not "Before the examiner
    concluded that ..., his death was ...": the sentence is not what the examiner said).
    """

    speaker: Speaker | None
    words: str
    verb: str
    sentence_id: str
    stating: bool
    main: bool = True
    hearsay: bool = False


@dataclass(frozen=True)
class Quotation:
    """Words between quote marks: ``start``/``end`` are character offsets of the words (marks
    excluded) in the document's text; ``attribution`` is that of the governing speech verb."""

    start: int
    end: int
    text: str
    attribution: Attribution | None
    sentence_ids: tuple[str, ...]


@dataclass(frozen=True)
class Speech:
    """One document's quotations and, per sentence id, its attribution (a sentence inside a
    quotation takes the quotation's)."""

    quotations: tuple[Quotation, ...]
    attributions: dict[str, Attribution]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(q.start for q in self.quotations))

    def quotation_at(self, offset: int) -> Quotation | None:
        """The quotation whose words hold the character at ``offset`` (quotations are in order
        and never overlap)."""
        index = bisect_right(self._starts, offset) - 1
        quotation = self.quotations[index] if index >= 0 else None
        return quotation if quotation is not None and offset < quotation.end else None


def read_speech(analysis: Analysis) -> Speech:
    """Quotations and attributions of one analysed document."""
    reader = _Reader(analysis)
    return Speech(tuple(reader.quotations), reader.attributions)


class _Reader:
    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self.doc = analysis.doc
        self.sentences = analysis.document.sentences
        self.spans = dict(analysis.parsed_spans())  # unparsed stretches of a long document say nothing
        self.sentence_of_token = {}
        for position, sentence in enumerate(self.sentences):
            for token in self.spans.get(sentence, ()):
                self.sentence_of_token.setdefault(token.i, position)
        self.quoted = self._quote_spans()
        self.inside = {i for start, end in self.quoted for i in range(start, end)}
        self.full_names = [n for n in full_names(self.doc) if n.span.root.i not in self.inside]
        self.people = self._people()
        self.descriptions: dict[str, list[Speaker]] = {}
        self.attributions: dict[str, Attribution] = {}
        own: dict[int, Attribution] = {}
        for position, sentence in enumerate(self.sentences):
            verbs = [t for t in self.spans.get(sentence, ()) if self._is_speech_verb(t)]
            attribution = next((a for a in (self._attribution(v, position) for v in verbs) if a), None)
            if attribution:
                self.attributions[sentence.id] = attribution
                own.update({v.i: self._attribution(v, position, quiet=True) for v in verbs})
        self.quotations = [self._quotation(start, end, own) for start, end in self.quoted]
        by_id = {s.id: s for s in self.sentences}
        for quotation in self.quotations:
            for sentence_id in quotation.sentence_ids:
                sentence = by_id[sentence_id]
                if sentence_id not in self.attributions and quotation.attribution \
                        and self._mostly_quoted(sentence):
                    self.attributions[sentence_id] = quotation.attribution

    # --- quotations -------------------------------------------------------------------------
    def _quote_spans(self) -> list[tuple[int, int]]:
        """(first, end) token indices of each quotation's words, marks excluded."""
        spans = []
        for paragraph in self.analysis.document.paragraphs:
            tokens = self.doc.char_span(paragraph.start, paragraph.end, alignment_mode="expand") or ()
            opened: tuple[int, str] | None = None
            for token in tokens:
                kind = _mark_kind(token)
                if kind is None:
                    continue
                if opened is None:
                    if _opens(token):
                        opened = (token.i, kind)
                elif kind == opened[1] and (_closes(token) or token.text == '"'):
                    if token.i > opened[0] + 1:
                        spans.append((opened[0] + 1, token.i))
                    opened = None
        return spans

    def _quotation(self, first: int, end: int, own: dict[int, Attribution | None]) -> Quotation:
        span = self.doc[first:end]
        # the words' own heads first; a closing comma or "?" hung on the verb after ("…,” he said") next
        heads = sorted((token.is_punct, token.i, token.head.i) for token in span
                       if token.head.i not in self.inside and token.head.i in own)
        governing = [head for _, _, head in heads]
        attribution = own.get(governing[0]) if governing else None
        positions = sorted({self.sentence_of_token[t.i] for t in span if t.i in self.sentence_of_token})
        if not governing and positions:
            attribution = self._continued(positions[0], span.start_char)
        ids = [self.sentences[p].id for p in positions]
        if attribution and attribution.sentence_id not in ids:
            ids.append(attribution.sentence_id)
        text = span.text.rstrip().rstrip(",").rstrip()
        return Quotation(span.start_char, span.start_char + len(text), text, attribution, tuple(ids))

    def _continued(self, position: int, start: int) -> Attribution | None:
        """The attribution of the sentence before, in the same paragraph, when an ungoverned
        quotation opens its sentence: the quote goes on ("..., the official said. “We are ...”")."""
        sentence = self.sentences[position]
        if position == 0 or self.analysis.document.text[sentence.start:start].strip(" \u201c\u2018\"'"):
            return None
        before = self.sentences[position - 1]
        attribution = self.attributions.get(before.id)
        return attribution if before.paragraph == sentence.paragraph and attribution and attribution.speaker else None

    def _mostly_quoted(self, sentence: Sentence) -> bool:
        tokens = [t for t in (self.analysis.span(sentence) or ()) if not t.is_punct]
        return bool(tokens) and sum(t.i in self.inside for t in tokens) * 2 > len(tokens)

    # --- speech verbs and their speakers ----------------------------------------------------------
    def _is_speech_verb(self, token: Token) -> bool:
        if token.i in self.inside:
            return False
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            return True
        return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS

    def _attribution(self, verb: Token, position: int, quiet: bool = False) -> Attribution | None:
        subject = _subject(verb)
        if subject is None or not _says_something(verb, self.inside):
            return None
        sentence = self.sentences[position]
        stating = verb.lower_ == "according" or SPEECH_VERBS[verb.lemma_.lower()]
        speaker = self._speaker(subject, position, quiet)
        if speaker is None and not _third_person(subject):
            return None
        return Attribution(speaker, subject.text if subject.pos_ == "PRON" else _phrase(subject).text,
                           verb.text, sentence.id, stating, _heads_main_clause(verb), _hearsay(verb, self.inside))

    def _speaker(self, subject: Token, position: int, quiet: bool) -> Speaker | None:
        if subject.pos_ == "PRON":
            return self._antecedent(subject, position)
        sentence_id = self.sentences[position].id
        person = self._person(subject)
        phrase = _phrase(subject)
        if person:
            name, introduced = person
            role = _role(subject, phrase, name)
            if introduced and (introduced.role or not role):
                return introduced
            return Speaker(introduced.name if introduced else name, SpeakerKind.PERSON, role,
                           (sentence_id,), _body(self.analysis, phrase, name))
        entity = self.analysis.entity_at(subject)
        if entity is not None and entity.label_ in _NAMED_BODIES:
            words = phrase if len(phrase) <= len(entity) + 1 else entity
            # a bare ORG name may be a person the recogniser misread ("Bear Grylls said"): no group
            sure = (entity.label_ == "GPE" or words[0].lower_ == "the") and entity.label_ != "NORP"
            return Speaker(words.text, SpeakerKind.ORGANISATION, None, (sentence_id,), entity.text if sure else None)
        if subject.pos_ == "PROPN" or len(phrase) > MAX_DESCRIPTION_WORDS or phrase[0].lower_ == "no":
            return None  # an unrecognised name, "No need", or a clause: unsure who it is
        return self._described(phrase, subject, sentence_id, _body(self.analysis, phrase), quiet)

    def _described(self, phrase: Span, head: Token, sentence_id: str, body: str | None,
                   quiet: bool) -> Speaker | None:
        """A description in the document's words; "the official" takes the one earlier description
        with that head noun ("a senior U.S. defense official"), and is dropped when there are several;
        with none it stands as written."""
        key = head.lemma_.lower()
        earlier = self.descriptions.get(key, [])
        if phrase[0].lower_ == "the" and len(phrase) == 2 and earlier:
            return earlier[0] if len(earlier) == 1 else None
        speaker = Speaker(phrase.text, SpeakerKind.DESCRIBED, None, (sentence_id,), body)
        if not quiet and speaker.name not in {s.name for s in earlier}:
            self.descriptions.setdefault(key, []).append(speaker)
        return speaker

    def _person(self, token: Token) -> tuple[str, Speaker | None] | None:
        """(name, the person the document introduces under it) when ``token`` names a person. A
        word the recogniser reads as a body ("O'Carroll added", "Travolta said") is the person the
        document named in full with it, if one."""
        entity = self.analysis.entity_at(token)
        if entity is not None and entity.label_ == "PERSON":
            name = entity.text.removesuffix("'s").removesuffix("\u2019s")
        elif token.pos_ == "PROPN" or entity is not None and len(entity) == 1:
            name = token.text
        else:
            return None
        introduced = self._lookup(name)
        if entity is None or entity.label_ != "PERSON":
            return (introduced.name, introduced) if introduced else None
        return name, introduced

    def _lookup(self, name: str) -> Speaker | None:
        """The person the document names in full as ``name`` or, for a short name ("Singh", "Mr
        Singh", "Sabrina"), the one person it stands for (``names.fuller``)."""
        if name in self.people:
            return self.people[name]
        words = name_words(name)
        if len(words) == 1:
            matches = fuller(words[0], self.full_names)
            return self.people.get(matches[0].text) if len({m.person for m in matches}) == 1 else None
        matches = [p for full, p in self.people.items() if surname(full) == surname(name) and full.endswith(name)]
        return matches[0] if len(matches) == 1 else None

    def _people(self) -> dict[str, Speaker]:
        """Persons named in full (``names.full_names``, outside quotations), with the role of
        their first mention that gives one."""
        people: dict[str, Speaker] = {}
        for full in self.full_names:
            entity, name = full.span, full.text
            position = self.sentence_of_token.get(entity.root.i)
            if position is None:
                continue
            phrase = _phrase(entity.root)
            role = _role(entity.root, phrase, name) if entity.label_ == "PERSON" else None  # a misread name: no role
            if name not in people or (role and not people[name].role):
                people[name] = Speaker(name, SpeakerKind.PERSON, role, (self.sentences[position].id,),
                                       _body(self.analysis, phrase, name))
        return people

    def _antecedent(self, pronoun: Token, position: int) -> Speaker | None:
        if not _third_person(pronoun):
            return None  # "I", "we", "you" outside quotation marks
        if set(pronoun.morph.get("Gender")) & {"Masc", "Fem"}:  # he, she
            return self._person_antecedent(pronoun, position)
        return self._group_antecedent(pronoun, position)  # it, they

    def _person_antecedent(self, pronoun: Token, position: int) -> Speaker | None:
        """The one person named from PRONOUN_REACH sentences back to the pronoun, else the person
        the latest sentence in reach is attributed to; None with two candidates or none."""
        start = self.sentences[max(0, position - PRONOUN_REACH)].start
        tokens = self.doc.char_span(start, pronoun.idx, alignment_mode="expand") or ()
        named: dict[str, Speaker] = {}
        for token in tokens:
            if token.i in self.inside or token.pos_ != "PROPN":
                continue
            found = self._person(token)
            if found:
                name, introduced = found
                person = introduced or Speaker(name, SpeakerKind.PERSON, None, ())
                named[surname(person.name)] = person
        if len(named) == 1 and not self._other_actor(position, next(iter(named.values()))):
            (person,) = named.values()
            return person if person.sentence_ids else None
        if named:
            return None
        for earlier in reversed(self.sentences[max(0, position - PRONOUN_REACH):position]):
            attribution = self.attributions.get(earlier.id)
            if attribution and attribution.speaker:
                return attribution.speaker if attribution.speaker.kind is SpeakerKind.PERSON else None
        return None

    def _other_actor(self, position: int, person: Speaker) -> bool:
        """True when the sentence before names an actor the recogniser did not call a person
        (in its subject, or after "by": "TV star Bear Grylls also lent ...", "praised by the
        chairman of BT Mike Rake"): then "he" may be them, not ``person``."""
        if position == 0:
            return False
        sentence = self.sentences[position - 1]
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand") or ()
        own = set(name_words(person.name))
        for token in span:
            if token.pos_ != "PROPN" or token.i in self.inside or token.text in own or token.ent_type_ in _NOT_ACTORS \
                    or any(a.ent_type_ == "PERSON" for a in token.ancestors):  # "Mr", "Microsoft" in a person's phrase
                continue
            if any(a.dep_ in ("nsubj", "nsubjpass", "agent") for a in (token, *token.ancestors)):
                return True
        return False

    def _group_antecedent(self, pronoun: Token, position: int) -> Speaker | None:
        if position == 0:
            return None
        before = self.attributions.get(self.sentences[position - 1].id)
        speaker = before.speaker if before else None
        if speaker is None or speaker.kind is SpeakerKind.PERSON:
            return None
        start = self.sentences[position].start
        between = self.doc.char_span(start, pronoun.idx, alignment_mode="expand") or ()
        if any(t.ent_type_ in ("ORG",) for t in between):
            return None
        plural = speaker.kind is SpeakerKind.DESCRIBED and speaker.name.split()[-1].endswith("s")
        return speaker if (pronoun.lower_ == "they") == plural or speaker.kind is SpeakerKind.ORGANISATION else None


def _third_person(token: Token) -> bool:
    """He, she, it, they: a personal pronoun of the third person (the tagger's morphology)."""
    return token.pos_ == "PRON" and token.morph.get("Person") == ["3"] and "Prs" in token.morph.get("PronType")


def _mark_kind(token: Token) -> str | None:
    """'double' or 'single' for a quote mark, None for anything else (a possessive apostrophe)."""
    if token.tag_ == "POS" or not token.is_quote:
        return None
    return "double" if token.text in ("\u201c", "\u201d", '"', "``", "''") else "single"


def _opens(token: Token) -> bool:
    return token.text in _OPENING_MARKS or (token.text in ('"', "'") and token.tag_ == "``")


def _closes(token: Token) -> bool:
    return token.text in _CLOSING_MARKS or (token.text in ('"', "'") and token.tag_ == "''")


def _says_something(verb: Token, quoted: set[int]) -> bool:
    """Whether a speech verb governs what is said: a clause ("said the talks failed", "declined
    to comment"), a quotation, or "according to" X; not "the lawmen found a homeless man"."""
    return verb.lower_ == "according" or _trails(verb) or any(
        c.dep_ in ("ccomp", "parataxis", "xcomp") or c.i in quoted for c in verb.children)


def _trails(verb: Token) -> bool:
    """A speech verb after what it reports, which the parser hangs it from ("..., police said")."""
    return verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX")


def _hearsay(verb: Token, quoted: set[int]) -> bool:
    """Speech someone else reports: the verb is governed by another speech verb outside
    quotation marks ("Prosecutors said Thomas told ...", "police allege he said ..."; not "“I told
    him no,” she said") or hedged by an adverb made from one ("allegedly", "reportedly")."""
    if any(c.dep_ == "advmod" and c.lower_.endswith("edly") and any(
            c.lower_[:-4] + end in SPEECH_VERBS for end in ("", "e")) for c in verb.children):
        return True
    head = verb
    while head.head.i != head.i and head.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
        head = head.head
        if head.pos_ == "VERB" and head.lemma_.lower() in SPEECH_VERBS and head.i not in quoted:
            return True
    return False


def _heads_main_clause(verb: Token) -> bool:
    """The sentence's root, a verb joined to it by "and", or "according to" attached to either."""
    if verb.lower_ == "according" or _trails(verb):
        verb = verb.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _subject(verb: Token) -> Token | None:
    """The speaker's head word: the subject, the pobj of "according to", the antecedent of "who"."""
    if verb.lower_ == "according":
        to = next(c for c in verb.children if c.lower_ == "to")
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subject = verb.head
    return subject


def _phrase(head: Token) -> Span:
    """The noun phrase of ``head`` up to the head and its "of"/"for"/"at" attachments, without
    relative clauses, appositives or anything after a comma."""
    doc = head.doc
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "with", "from") and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    start = head.left_edge.i
    while start < head.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    return doc[start:end]


def _role(head: Token, phrase: Span, name: str) -> str | None:
    """The words of a person's noun phrase before the name (no article or possessive pronoun),
    or an appositive after it ("Charles Lister, the director of ..."; not one in brackets), as
    written; none when the words before hold a number or a verb (text run in from before; a
    participle inside the role is no verb: "goalkeeping coach Tony Parks"); an appositive only
    right after the name's phrase, past nothing but a comma or dash (not "Kelvin Meadows - who
    organised ... fan groups"). An appositive over
    MAX_ROLE_WORDS words is cut after its head noun ("a senior associate scientist with the
    Center for International Forestry Research and ..." gives "a senior associate scientist")."""
    name_start = next((t.i for t in phrase if name.startswith(t.text) and t.ent_type_ == "PERSON"),
                      head.i - len(name.split()) + 1)
    words = [t for t in phrase if t.i < name_start]
    while words and (words[0].dep_ in ("det", "poss") and words[0].pos_ in ("DET", "PRON") or words[0].is_punct):
        words = words[1:]
    if any(t.like_num or t.pos_ in ("AUX", "ADV", "NUM") or (t.pos_ == "VERB" and t.dep_ not in ("compound", "amod"))
           for t in words):
        return None  # "56 minutes late Richard Lloyd": words run in from before, no role
    if words:
        role = head.doc[words[0].i:name_start].text
    else:
        appositive = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
        between = head.doc[phrase.end:appositive.left_edge.i] if appositive is not None else ()
        if appositive is None or not all(t.is_punct and t.text != "(" for t in between):
            return None  # "Ugo Monye (centre)": a caption's place in the picture; or words between
        role = _phrase(appositive).text
        if len(role.split()) > MAX_ROLE_WORDS:
            role = head.doc[appositive.left_edge.i:appositive.i + 1].text
    role = role.strip(" ,")
    return role if role and len(role.split()) <= MAX_ROLE_WORDS else None


def _body(analysis: Analysis, phrase: Iterable[Token], name: str = "") -> str | None:
    """The first named body (ORG, GPE, NORP entity) within a phrase, as written, outside ``name``."""
    names = set(name.split())
    if phrase and phrase[0].tag_ == "PRP$":
        return None  # "Its UK director": whose is said elsewhere
    for token in phrase:
        entity = analysis.entity_at(token) if token.ent_type_ in _NAMED_BODIES else None
        if entity is None or names & {t.text for t in entity}:
            continue
        if entity.label_ == "NORP" and entity.root.dep_ not in _MODIFIERS:
            continue  # "Your average Brit": a kind of person, not a body
        if entity.label_ == "ORG" and entity.end < len(entity.doc) and entity.doc[entity.end].tag_ == "POS":
            continue  # "Alshammari's attorney": an owner the recogniser may misread as a body
        return entity.text.removesuffix("'s").removesuffix("\u2019s")
    return None
