"""Turn a source sentence into a bullet by deleting whole units of its parse, never adding or
changing a word.

Units deleted (each only when no word of it is inside quotation marks, a number, or a word of
the section title, and the rest is still a faithful sentence of at least MIN_BULLET_WORDS):

- a list item's number or letter opening the sentence ("2. Issued in ...", "b) The agency ...");
- the attribution clause around a claim: "Singh told reporters Friday that X" and "“X,” said
  Singh, briefing reporters" become "X — Sabrina Singh" (a person is credited by the name the
  parser finds, without the role); a described speaker keeps the article's own description
  ("X — a senior U.S. defense official"), "according to Y" becomes "— Y". A pronoun speaker
  ("she said") is replaced by the ``credit`` the caller resolved, or else stays as written, with
  only the circumstances after its verb gone ("in response to a question");
- leading time and place phrases ("On Friday,", "In Baghdad,"), unless ``keep_setting`` (the
  section is about when or where) or, for a time, the sentence states a figure (its date is
  part of it: "In 2019, revenue rose 12 percent"), and leading background phrases and clauses
  ("Despite the warnings,", "After the vote ended,", "Speaking in Paris,");
- discourse connectives ("However,", "But", ", meanwhile,"), unless the sentence speaks in the
  first person outside quotation marks (it may carry on a quotation from the sentence before);
- appositives ("Lister, the director of ..., has tracked" -> "Lister has tracked"; a name in
  apposition to a role stays: "the group's leader, Abu Ibrahim"), non-restrictive relative
  clauses (", which oversees ..."), parentheticals ("(pictured)", "(R-Kentucky)");
- background clauses after a comma or a dash: ", as ...", ", emphasizing that ...",
  " - leaving ...".

A slide bullet still over MAX_BULLET_WORDS after every cut (it could be no section bullet) may
also lose, with the figures in them, a second claim (", and said the shaking lasted three
minutes"), a background clause after the claim or a figure's conversion into other units
("200 kilometers (124 miles)"), when that brings it within MAX_BULLET_WORDS. What describes
the claim's own words (an appositive, a relative clause) keeps its figures.

What always stays: the subject and verb, negation, modal and hedging words, conditions and
concessions ("if", "unless", "without", "though": a clause or phrase they open is never deleted),
an appositive, relative clause or parenthetical that negates or denies (", who denies the
accusation,"), a fronted phrase that is no background (the claim's scope: "For almost any news
organization,"), the date of a claim in the simple present ("holds a hearing Wednesday": a
scheduled event, not a habit), objects, the numbers of the claim kept, and quotation marks. A sentence that was not parsed comes back stripped but whole.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from .analysis import MAX_PARSED_CHARS, WH_TAGS, entities_of, load_pipeline
from .context import lost_referent, tensed
from .names import full_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .model import Sentence

MIN_BULLET_WORDS = 5
MAX_BULLET_WORDS = 30  # a longer bullet is no section bullet
LONG_BULLET_WORDS = 18  # a longer slide bullet also loses what sets the scene around its one claim
CREDIT = " — "  # joins a claim and who it is credited to

# Openers that link to the sentence before and carry no claim (besides a leading "and", "but": any
# coordinating conjunction).
CONNECTIVES = frozenset({
    "however", "meanwhile", "also", "still", "yet", "moreover", "furthermore",
    "additionally", "separately", "instead", "indeed", "nevertheless", "nonetheless", "meantime", "now",
    "in addition", "in fact", "so", "for example", "for instance", "then"})
# Words that open a condition, an exception or a concession: what they open is never deleted
# ("The order is valued at $8.8 billion, though airlines typically negotiate a discount").
CONDITIONS = frozenset({"if", "unless", "provided", "providing", "whether", "without", "except", "only", "until",
                        "once", "lest", "under", "though", "although"})
# Conjunctions that join a clause qualifying the claim: such a clause of its own is no second idea
# to cut ("Protection is lost if ..., but a design is not registrable if ...").
_CONTRASTS = frozenset({"but", "yet"})
# Prepositions of a fronted phrase that sets the scene rather than stating the claim.
_BACKGROUND_PREPOSITIONS = frozenset({"despite", "amid", "after", "before", "following", "during", "since"})
_EXAMPLE_PREPOSITIONS = frozenset({"like", "including"})
SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
_NUMBER_ENTITIES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_QUOTE_MARKS = frozenset("“”‘’\"'")
_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
# What may hang on a speech verb besides speaker and claim: its time, place, listener and manner.
_ATTRIBUTION_PARTS = frozenset({"punct", "aux", "advmod", "npadvmod", "prep", "dobj", "dative", "cc", "mark"})
_END_MARKS = frozenset(".!?…")
_DASHES = ("—", "–", "--")
_CLOSING_PUNCT = frozenset(",.;:!?…)]”’'\"")
_TOKEN = re.compile(r"[\w’'.%$€£-]+")
_TOKEN_EDGES = ".-'’"


def bullet_text(sentence: Span | str, *, credit: str | None = None, keep_setting: bool = False,
                about: Collection[str] = (), fit: int | None = None, dated_apart: bool = False) -> str:
    """The bullet for one parsed sentence (a str is parsed on its own, unless longer than
    MAX_PARSED_CHARS: it comes back whole).

    ``credit`` names the speaker a pronoun ("she said") refers to, or who says a sentence that
    names nobody (a quotation carried on from the sentence before): it is appended as
    "— name". ``keep_setting`` keeps leading time and place phrases; ``about`` holds the
    lower-case words of the section title, which are never deleted. With ``fit`` (a number of
    words, LONG_BULLET_WORDS for slide bullets) a longer bullet also loses what sets the scene
    around its claim, until it fits. ``dated_apart``: the slide shows the sentence's date beside
    the bullet (a timeline's label), so a figure's time phrase may go like any other.
    """
    if isinstance(sentence, str) and len(sentence) > MAX_PARSED_CHARS:
        return _with_credit(sentence.strip(), credit)  # no sentence to parse
    span = load_pipeline()(sentence.strip())[:] if isinstance(sentence, str) else sentence
    text = span.text.strip()
    if not text:
        return text
    if not span[0].dep_:
        return _with_credit(text, credit)
    return _Compression(span, credit, keep_setting, {word.lower() for word in about}, dated_apart).bullet(fit)


def _with_credit(text: str, credit: str | None) -> str:
    return f"{_without_end_mark(text)}{CREDIT}{credit}" if credit else text


def _without_end_mark(text: str) -> str:
    return text[:-1].rstrip() if text[-1:] in ".;:," else text


class _Compression:
    """The deletions tried on one sentence, in order, each kept when the result still holds."""

    def __init__(self, span: Span, credit: str | None, keep_setting: bool, about: set[str], dated_apart: bool):
        self.span, self.credit, self.keep_setting, self.about = span, credit, keep_setting, about
        # each quotation's tokens with its marks: a cut takes a quotation whole or leaves it
        self.quotations = [{t.i for t in span if start - 1 <= t.idx - span.start_char < end + 1}
                           for start, end in _quoted_spans(span.text)]
        self.quoted = {t.i for t in span if any(t.i in q and t.text not in _QUOTE_MARKS for q in self.quotations)}
        self.first_person = any(t.tag_ in ("PRP", "PRP$") and t.morph.get("Person") == ["1"]
                                and t.i not in self.quoted for t in span)
        self.deleted: set[int] = self._enumerator()  # a list's number is no figure of the claim
        self.credited: str | None = None
        # the first root: a sentence the parser read as two ("..., but it appears ...") keeps the first
        self.roots = [t for t in span if t.head == t or not (span.start <= t.head.i < span.end)]
        self.head = self.roots[0] if self.roots else span.root
        self.end_marks = {t.i for t in span if t.text in _END_MARKS} - self.deleted
        # a figure's date is part of it: "capacity of 8.69 GW at the end of 2017" keeps its time
        self.figured = not dated_apart and any(self._is_figure(t) for t in span if t.i not in self.deleted)

    def bullet(self, fit: int | None) -> str:
        self._attribution()
        if self._misread():
            return _balance_quotation(self.span.text.strip(), self._finish())
        for cut in [*self._leading(), *self._inner()]:
            self._try(cut)
        for cut in self._scene() if fit else ():
            if self._length() <= fit:
                break
            self._try(cut)
        if fit and self._length() > MAX_BULLET_WORDS:
            self._fit_with_figures()
        return _balance_quotation(self.span.text.strip(), self._finish())

    def _fit_with_figures(self) -> None:
        """Still over MAX_BULLET_WORDS: a figure's conversion, then the scene's units go with
        their own figures, until the bullet fits; when it cannot fit, nothing more is cut."""
        before = self.deleted, self.credited
        for cut in [*self._conversions(), *self._scene()]:
            if self._length() <= MAX_BULLET_WORDS:
                return
            self._try(cut, figures=False)
        if self._length() > MAX_BULLET_WORDS:
            self.deleted, self.credited = before

    def _finish(self) -> str:
        text = self._render(self.deleted)
        credit = self.credited or (self.credit if not self._names_speaker() else None)
        return _with_credit(text, credit)

    def _misread(self) -> bool:
        """True when the parse gives a word two subjects, objects or appositives apart, or a
        subordinate finite verb no subject: the parser misread the sentence, and deleting by its
        tree could cut a phrase in two."""
        for token in self.span:
            for dep in ("nsubj", "nsubjpass", "dobj", "appos"):  # "about 500 IS attacks": two objects side by side
                same = [c for c in token.children if c.dep_ == dep]
                if any(b.left_edge.i > a.right_edge.i + 1 for a, b in zip(same, same[1:])):
                    return True
            if token.tag_ in ("VBD", "VBZ", "VBP") and token.dep_ in ("advcl", "relcl", "ccomp") \
                    and not any(c.dep_ in _SUBJECTS for c in token.children) and token.i not in self.quoted:
                return True
        return False

    # --- trying a cut ---------------------------------------------------------------------
    def _try(self, cut: set[int], credit: str | None = None, guarded: bool = True, figures: bool = True) -> bool:
        """Delete ``cut`` when none of its words is protected (a figure only with ``figures``)
        and the rest still reads as a faithful sentence; True when it was deleted."""
        cut = cut - self.end_marks - self.deleted
        if not cut or any(q & cut and not q <= cut for q in self.quotations):
            return False
        if guarded and any(self._protected(self.span.doc[i], figures) for i in cut):
            return False
        deleted = self.deleted | cut
        if self.head.i in deleted or not self._still_a_tree(deleted) or self._splits_a_name(cut):
            return False
        if not (credit or self.credited or self.credit) and (
                any(self._reports(self.span.doc[i]) for i in cut)
                or lost_referent(self.span, [t for t in self.span if t.i not in deleted])):
            return False
        text = self._render(deleted)
        if len(tokens(text)) < MIN_BULLET_WORDS or not is_faithful(text, self.span.text):
            return False
        self.deleted = deleted
        if credit:
            self.credited = credit
        return True

    def _splits_a_name(self, cut: set[int]) -> bool:
        """True when the cut takes part of a named entity ("Boeing 737", "chapter 13") but not all."""
        return any(cut & set(range(e.start, e.end)) and not set(range(e.start, e.end)) <= cut
                   for e in self.span.ents)

    def _reports(self, verb: Token) -> bool:
        """True for a clause that gives the source of the claim around it and names no claim of
        its own: ", the Old Bailey heard", ", police said" (however the parser attached it). It
        goes only as a credit."""
        if verb == self.head or verb.pos_ != "VERB" or verb.i in self.quoted:
            return False
        children = list(verb.children)
        bare = all(c.dep_ in ("nsubj", "aux", "neg", "advmod", "npadvmod", "prep", "punct") for c in children)
        return bare and any(c.dep_ == "nsubj" for c in children) and self._preceded_by_comma(set(_subtree(verb))) \
            and self._ends_sentence(set(_subtree(verb)))

    def _protected(self, token: Token, figures: bool = True) -> bool:
        """A number that counts something (with ``figures``), or a word of the section title."""
        if token.is_punct:
            return False
        return (figures and self._is_figure(token)) or token.lower_ in self.about or token.lemma_.lower() in self.about

    @staticmethod
    def _is_figure(token: Token) -> bool:
        """'2,500', 'three' in 'three boys', '12 percent'; not a date, a rank ('first') or the
        number of a hyphenated modifier ('two-phased')."""
        hyphenated = token.i + 1 < len(token.doc) and token.nbor().text == "-"
        dated = token.ent_type_ in ("DATE", "TIME", "ORDINAL")
        return (token.ent_type_ in _NUMBER_ENTITIES or token.like_num) and not hyphenated and not dated

    def _still_a_tree(self, deleted: set[int]) -> bool:
        """The kept words still hang together: each keeps the word it depends on (the head and
        a root the parser split off excepted), and each kept verb keeps its subject."""
        for token in self.span:
            if token.i in deleted or token.is_punct:
                continue
            if token.head.i in deleted and token != self.head and token not in self.roots:
                return False
            if any(c.i in deleted for c in token.children if c.dep_ in _SUBJECTS):
                return False
            if self._governor_deleted(token, deleted):
                return False
        return True

    def _governor_deleted(self, clause: Token, deleted: set[int]) -> bool:
        """True when a kept clause opened by its own complementizer ("..., but that Iraq said
        no") is coordinated with a complement whose verb is deleted: the clause hangs on that verb."""
        if clause.dep_ != "conj" or not any(c.dep_ == "mark" and c.i not in deleted for c in clause.children):
            return False
        first = clause
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        return first.dep_ == "ccomp" and first.head.i in deleted

    # --- units ------------------------------------------------------------------------------
    def _attribution(self) -> None:
        """'Singh told reporters that X' / '“X,” Singh said' / 'X, according to Y': X and a credit."""
        verb = self.head
        if verb.lemma_ == "accord" or not self._is_speech(verb):
            self._according_to()
            self._inner_attribution()
            return
        claims = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        speakers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(claims) != 1 or len(speakers) != 1 or claims[0].dep_ == "parataxis":
            self._inner_attribution()
            return
        claim, speaker = claims[0], speakers[0]
        if claim.pos_ not in ("VERB", "AUX") or any(c.dep_ == "mark" and c.lower_ in CONDITIONS
                                                     for c in claim.children):
            return  # "found him guilty", "said whether ...": no claim
        if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(g.dep_ in _SUBJECTS for g in c.children)
               for c in claim.children):
            return  # "Clark said that X had hurt ... but is hopeful ...": whose is the second verb? unclear
        if any(c.dep_ not in _ATTRIBUTION_PARTS and not (c.dep_ == "advcl" and c.tag_ == "VBG")
               for c in verb.children if c not in (claim, speaker)):
            return  # the verb carries more than who said it and when ("..., when a lorry killed him")
        credit = self._credit_for(speaker)
        if credit is None:  # a pronoun: only the circumstances after the verb go
            self._try(self._circumstances(verb))
            return
        keep = {t.i for t in claim.subtree} - {c.i for c in claim.children if c.dep_ == "mark" and c.i == claim.left_edge.i}
        # everything but the claim and the marks of the quotation it is in; the speaker moves to the credit
        around = set().union(*(q for q in self.quotations if q & keep))
        cut = {t.i for t in self.span if t.i not in keep and t.i not in around}
        previous = self.head
        self.head = claim
        if not self._try_attribution(cut, credit):
            self.head = previous

    def _try_attribution(self, cut: set[int], credit: str) -> bool:
        """An attribution cut may hold numbers and title words only within the speaker it credits."""
        speaker_words = set(tokens(credit))
        blocked = [self.span.doc[i] for i in cut if self._protected(self.span.doc[i])
                   and self.span.doc[i].lower_ not in speaker_words]
        return not blocked and self._try(cut, credit, guarded=False)

    def _inner_attribution(self) -> None:
        """'The second phase, they said, will start ...': a speech clause set off by commas."""
        for clause in self.head.children:
            if clause.dep_ != "parataxis" or not self._is_speech(clause):
                continue
            speakers = [c for c in clause.children if c.dep_ == "nsubj"]
            credit = self._credit_for(speakers[0]) if len(speakers) == 1 else None
            if credit:
                self._try_attribution(self._with_commas(set(_subtree(clause))), credit)

    def _according_to(self) -> None:
        for prep in self.head.children:
            if prep.lower_ == "according" and prep.dep_ == "prep":
                objects = [t for t in prep.subtree if t.dep_ == "pobj"]
                if objects:
                    credit = full_name(objects[0]) or self._phrase(objects[0])
                    self._try_attribution(self._with_commas(set(_subtree(prep))), credit)
                return

    def _is_speech(self, verb: Token) -> bool:
        """A verb of the extraction's speech-verb list, outside quotation marks, with no modal or
        negation ("would say", "did not say" attribute nothing)."""
        from .extract.attribution import STATING_VERBS  # extract imports this module: imported late

        return (verb.lower_ in STATING_VERBS and verb.i not in self.quoted
                and not any(c.dep_ in ("neg", "aux") and c.lemma_ not in ("have", "be", "do") for c in verb.children))

    def _credit_for(self, speaker: Token) -> str | None:
        """The person a speaker phrase names ('Deputy press secretary Sabrina Singh' -> 'Sabrina
        Singh'; 'Abernathy' or 'Mr Hussen' -> the one full name the document gives them,
        ``names.full_name``), else its own description ('a senior U.S. defense official'); for a
        pronoun the caller's credit, or None."""
        if speaker.pos_ == "PRON":
            return self.credit
        full = full_name(speaker)
        if full:
            return full
        phrase = self.span.doc[speaker.left_edge.i:speaker.right_edge.i + 1]
        people = [e for e in entities_of(self.span.doc).within(phrase) if e.label_ == "PERSON"]
        if people:
            return full_name(people[-1][-1]) or people[-1].text
        return self._phrase(speaker)

    def _phrase(self, head: Token) -> str:
        """The head's words up to the head, and a prepositional phrase or a participle's phrase
        after it ('a spokesman for the ministry', 'a group representing rural counties in
        California': 'a group' alone says nobody), without other clauses or appositives."""
        words = [t for t in head.subtree if t.i <= head.i]
        for child in head.rights:
            if child.dep_ == "prep" or child.dep_ == "acl" and child.tag_ in ("VBG", "VBN") and child.i == head.i + 1:
                words.extend(child.subtree)
            else:
                break
        while words and (words[-1].is_punct or words[0].is_punct):
            words = words[1:] if words[0].is_punct else words[:-1]
        text = "".join(t.text_with_ws for t in words).strip()
        if words and words[0].i == self.span.start and words[0].pos_ != "PROPN":
            text = text[:1].lower() + text[1:]  # "The U.S. officials said" -> "— the U.S. officials"
        return text

    def _names_speaker(self) -> bool:
        """True when the sentence names who speaks ('Lister said'): no outside credit is added."""
        verb = self.head if self.credited is None else None
        return bool(verb is not None and self._is_speech(verb)
                    and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in verb.children))

    def _circumstances(self, verb: Token) -> set[int]:
        """What follows a speech verb and its object: 'in response to a question', 'on Friday'."""
        cut: set[int] = set()
        for child in verb.rights:
            if child.dep_ in ("prep", "npadvmod", "advmod", "advcl") and not (set(_subtree(child)) & self.quoted):
                cut |= set(_subtree(child))
        return self._with_commas(cut) if cut else cut

    def _leading(self) -> list[set[int]]:
        """Connectives and fronted phrases before the head's subject (none when the parser gave
        the head two subjects: where the subject starts is then unknown)."""
        limit = self._subject_start()
        cuts = []
        if self._subject_count() > 1:
            return cuts
        for child in self.head.children:
            if child.i >= limit or child.i < self.span.start:
                continue
            unit = set(_subtree(child))
            words = "".join(self.span.doc[i].text_with_ws for i in sorted(unit)).strip().lower()
            if child.dep_ == "cc" or words in CONNECTIVES:
                # only as the sentence's opener: "pastime, so it should ..." joins two clauses
                if not self.first_person and min(unit) == self.span.start:
                    cuts.append(self._with_commas(unit))
            elif self._followed_by_comma(unit) and self._is_background(child):
                cuts.append(self._with_commas(unit))
        return cuts

    def _enumerator(self) -> set[int]:
        """A list item's number or letter and its mark opening the sentence ("2. Issued in ...",
        "b) The agency ..."): the list's, not the claim's."""
        if len(self.span) < 4:
            return set()
        first, mark, word = self.span[0], self.span[1], self.span[2]
        numbered = first.like_num or (len(first.text) <= 4 and first.text.isalpha() and first.text.islower())
        return {first.i, mark.i} if numbered and mark.text in (".", ")") and word.text[:1].isupper() else set()

    def _is_background(self, child: Token) -> bool:
        """A fronted phrase or clause that sets the scene: a time or place (unless kept), a
        background preposition, a clause not opened by a condition."""
        first = child.left_edge.lower_
        if first in CONDITIONS or any(c.dep_ == "neg" for c in child.subtree) or self._modal(child.head):
            return False
        setting = any(self.span.doc[i].ent_type_ in SETTING_ENTITIES for i in _subtree(child))
        if child.dep_ in ("prep", "npadvmod", "advmod"):
            if setting:
                return not (self.keep_setting or ((self.figured or self._scheduled()) and self._timed(child)))
            return first in _BACKGROUND_PREPOSITIONS
        if child.dep_ == "advcl":
            return not (setting and self.keep_setting)
        return False

    def _scheduled(self) -> bool:
        """The claim's verb is in the simple present ("holds a hearing Wednesday"): its date makes
        it a scheduled event, and without it the bullet would read as a habit."""
        return self.head.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in self.head.children)

    def _timed(self, unit: Token) -> bool:
        """The phrase ``unit`` heads holds a date or a time."""
        return any(self.span.doc[i].ent_type_ in ("DATE", "TIME") for i in _subtree(unit))

    def _inner(self) -> list[set[int]]:
        cuts = []
        for token in self.span:
            if token.i in self.deleted:
                continue
            unit = set(_subtree(token))
            if _negated(token):
                continue  # ", who denies the accusation,": it qualifies what it describes
            if token.dep_ == "appos" and token.pos_ != "PROPN" and self._set_off(unit) and not self._in_a_list(token) \
                    and not self._resumes(token):
                cuts.append(self._with_commas(unit))
            elif token.dep_ == "npadvmod" and token.pos_ == "NOUN" and self._set_off(unit):
                cuts.append(self._with_commas(unit))  # ", part of a two-phased plan"
            elif token.dep_ == "relcl" and self._set_off(unit) and self._relative(token):
                cuts.append(self._with_commas(unit))
            elif token.dep_ == "advmod" and token.lower_ in CONNECTIVES and self._set_off(unit) \
                    and token.head == self.head and not self.first_person:
                cuts.append(self._with_commas(unit))
            elif token.dep_ == "prep" and token.lower_ in _EXAMPLE_PREPOSITIONS and token.i > token.head.i \
                    and self._set_off(unit) and self._ends_sentence(unit):
                cuts.append(self._with_commas(unit))  # ", like a joint operation earlier this month"
        for opening, closing in self._parentheses():
            inside = self.span.doc[opening.i + 1:closing.i]
            if not any(_negated(t) for t in inside if not opening.i < t.head.i < closing.i):
                cuts.append(set(range(opening.i, closing.i + 1)))
        return cuts

    def _parentheses(self) -> list[tuple[Token, Token]]:
        """Each opening bracket of the sentence with the closing one that matches it, brackets
        inside words counted ("(defined in section 642(b)(2)(C)(ii))" is one pair); none for a
        bracket never closed."""
        pairs = []
        for opening in self.span:
            if opening.text != "(":
                continue
            depth = 0
            for token in self.span[opening.i - self.span.start:]:
                depth += token.text.count("(") - token.text.count(")")
                if depth <= 0:
                    if depth == 0 and token.text == ")":
                        pairs.append((opening, token))
                    break
        return pairs

    def _conversions(self) -> list[set[int]]:
        """Parentheses right after a figure that give it again in other units: "200 kilometers
        (124 miles)", "$500,000 (5 billion rupiahs)"."""
        cuts = []
        for opening, closing in self._parentheses():
            if opening.i == self.span.start:
                continue
            before = self.span.doc[opening.i - 1]
            counted = self._is_figure(before) or any(self._is_figure(c) for c in before.children)
            if counted and any(self._is_figure(t) for t in self.span.doc[opening.i + 1:closing.i]):
                cuts.append(set(range(opening.i, closing.i + 1)))
        return cuts

    def _length(self) -> int:
        credit = self.credited or self.credit or ""
        return len(tokens(self._render(self.deleted))) + len(tokens(credit))

    def _scene(self) -> list[set[int]]:
        """Deleted from a bullet still over LONG_BULLET_WORDS, in this order, until it fits: a
        second verb phrase or clause ('..., and promised refunds'; one idea a bullet), a
        background clause after the claim ('after the man tried to lodge a complaint'), a time
        phrase after the verb ('on Saturday afternoon'; not the date of a claim in the simple
        present: 'holds a hearing Wednesday'). Conditions, a clause of its own joined by 'but'
        or 'yet' (it qualifies the claim), a list and negated phrases stay, and so does
        a fronted phrase that is no background ('For almost any news organization,', 'In
        traditional ICUs,': the claim's scope)."""
        cuts = [set(range(root.left_edge.i, root.right_edge.i + 1)) for root in self.roots[1:]]
        for conj in self.head.rights:
            if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX"):
                joiners = [t for t in self.span.doc[self.head.i + 1:conj.left_edge.i]
                           if t.dep_ == "cc" and t.head == self.head]
                first = joiners[-1].i if joiners else conj.left_edge.i
                if first - 1 >= self.span.start and self.span.doc[first - 1].text in (",", ";"):
                    first -= 1
                contrast = any(j.lower_ in _CONTRASTS for j in joiners) and self._own_clause(conj)
                if (joiners or self.span.doc[first].text == ";") and not contrast and not self._ends_a_list(first) \
                        and self._complete_before(first):
                    cuts.append(set(range(first, conj.right_edge.i + 1)))
        for token in self.span:
            unit = set(_subtree(token))
            if token.dep_ in ("advcl", "acl") and token.head.i >= self.span.start and token.i > token.head.i \
                    and self._after_a_break(unit) and self._is_trailing_background(token) \
                    and not self._listed(token):
                cuts.append(self._with_commas(unit))  # ", as ...", ", allowing ...", " - leaving ..."
        for child in self.head.rights:
            unit = set(_subtree(child))
            marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
            # a finite clause ("after the man tried ..."), not what the verb asks for ("calls for
            # agencies to manage ...") unless a comma sets it off
            if child.dep_ == "advcl" and marks and not self._conditional(child) \
                    and (tensed(child) or self._preceded_by_comma(unit)):
                cuts.append(self._with_commas(unit))
        for child in self.head.rights:
            unit = set(_subtree(child))
            if child.dep_ in ("npadvmod", "prep") and self._timed(child) and not self.keep_setting \
                    and not self.figured and not self._scheduled() and not self._conditional(child) \
                    and all(self.span.doc[i].ent_type_ in ("DATE", "TIME") or self.span.doc[i].pos_ in ("ADP", "DET")
                            for i in unit):
                cuts.append(self._with_commas(unit))
        return cuts

    @staticmethod
    def _own_clause(verb: Token) -> bool:
        """True for a conjunct with its own subject or opened by a relative word ("but a design
        is not registrable if ...", "but for which there is no partner"): after "but" it
        qualifies the claim; a verb phrase sharing the subject ("..., but rejected
        characterizations of ...") is a second claim."""
        return any(c.dep_ in _SUBJECTS for c in verb.children) \
            or any(t.tag_ in WH_TAGS for t in verb.subtree if t.i < verb.i)

    @staticmethod
    def _listed(clause: Token) -> bool:
        """True for a clause after another of its kind on the same word, or a gerund hung on a
        gerund: a list the parser did not read as one ("information created, collected,
        processed, or disposed of", "may include helping improve staff efficiency, supporting
        better organization ..."), which cutting would leave at its first member."""
        return any(c.dep_ == clause.dep_ and c.i < clause.i for c in clause.head.children) \
            or clause.tag_ == clause.head.tag_ == "VBG"

    def _complete_before(self, first: int) -> bool:
        """The head verb has words of its own before ``first`` (where a second verb phrase
        starts): "can enhance and enable real-time analysis" shares its object, and cutting "and
        enable ..." would leave "can enhance."."""
        return any(t.dep_ not in ("punct", "cc") for t in self.head.rights if t.i < first)

    def _ends_a_list(self, first: int) -> bool:
        """True when the word before ``first`` closes a list that has no "and" or "or" of its own
        ("establish, populate, and maintain ..." that the parser read as two verb phrases): the
        cut from ``first`` would leave "establish, populate."."""
        words = [t for t in self.span.doc[self.span.start:first] if not t.is_punct]
        token = words[-1] if words else None
        while token is not None and token != self.head and self.span.start <= token.head.i < self.span.end:
            if token.dep_ == "conj" and not any(t.dep_ in ("cc", "preconj") for t in token.doc[token.head.i + 1:token.i]):
                return True
            token = token.head
        return False

    @staticmethod
    def _relative(clause: Token) -> bool:
        """True when a relative word opens the clause (", which ...", "— who ..."): a clause
        without one that the parser calls relative is a misread (", the Old Bailey heard")."""
        return clause.left_edge.tag_ in WH_TAGS

    @staticmethod
    def _modal(verb: Token) -> bool:
        """True for a claim made with a modal ("will close", "can withhold"): a phrase fronted
        before it ("By 2030,", "Under the plan,") is the claim's condition and stays."""
        return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)

    def _conditional(self, unit: Token) -> bool:
        """True for a phrase or clause opened by a condition word or holding a negation."""
        return unit.left_edge.lower_ in CONDITIONS or any(
            t.dep_ == "neg" or (t.dep_ == "mark" and t.lower_ in CONDITIONS) for t in unit.subtree)

    def _subject_count(self) -> int:
        return sum(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in self.head.children)

    def _subject_start(self) -> int:
        subjects = [c.left_edge.i for c in self.head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        return min(subjects) if subjects else self.head.i

    def _is_trailing_background(self, clause: Token) -> bool:
        """', as ...', ', emphasizing ...', ', set to start ...': never a condition, a concession or a
        negation."""
        marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
        if any(mark in CONDITIONS for mark in marks) or _negated(clause):
            return False
        return bool(marks) or clause.tag_ in ("VBG", "VBN")

    # --- commas -----------------------------------------------------------------------------
    def _set_off(self, unit: set[int]) -> bool:
        """True when a comma or dash (or the sentence's end) closes the unit and one opens it."""
        after = max(unit) + 1
        closes = after >= self.span.end or self.span.doc[after].text in (".", ";") or _sets_off(self.span.doc[after]) \
            or _sets_off(self.span.doc[after - 1])  # the parser gave the unit its closing mark
        return self._after_a_break(unit) and closes

    def _resumes(self, token: Token) -> bool:
        """True when the 'appositive' follows an aside set off by commas (", of all things, a
        church"): the sentence resumes after the aside, and the noun is what it was about to say."""
        head = token.head
        phrase = head.head if head.dep_ == "pobj" else head
        return phrase.dep_ == "prep" and self._preceded_by_comma(set(_subtree(phrase)))

    def _in_a_list(self, token: Token) -> bool:
        """True when the phrase goes on with ", and" or ", or" ('the Government, its partners,
        and the public' is a list, not an appositive)."""
        after = token.right_edge.i + 2
        return any(c.dep_ == "conj" for c in token.children) or (
            after < self.span.end and self.span.doc[after].dep_ == "cc")

    def _ends_sentence(self, unit: set[int]) -> bool:
        return all(self.span.doc[i].is_punct for i in range(max(unit) + 1, self.span.end))

    def _preceded_by_comma(self, unit: set[int]) -> bool:
        before = min(unit) - 1
        return before >= self.span.start and self.span.doc[before].text == ","

    def _after_a_break(self, unit: set[int]) -> bool:
        """A comma or a dash comes right before the unit."""
        before = min(unit) - 1
        return before >= self.span.start and _sets_off(self.span.doc[before])

    def _followed_by_comma(self, unit: set[int]) -> bool:
        after = max(unit) + 1
        return after < self.span.end and self.span.doc[after].text == ","

    def _with_commas(self, unit: set[int]) -> set[int]:
        """The unit and the commas (or dashes) that set it off. A comma after a unit inside the
        sentence with none before it is the next part's ("in New York on Wednesday, adding,
        ...": "on Wednesday" goes, the comma stays); after a unit that opens the sentence it is
        the unit's."""
        before, after = min(unit) - 1, max(unit) + 1
        opened = self._after_a_break(unit)
        if opened:
            unit = unit | {before}
        opens = all(i in self.deleted or self.span.doc[i].text in _QUOTE_MARKS for i in range(self.span.start, before + 1))
        if after < self.span.end and _sets_off(self.span.doc[after]) and (opened or opens):
            unit = unit | {after}
        return unit

    # --- text -------------------------------------------------------------------------------
    def _render(self, deleted: set[int]) -> str:
        """The kept words with the sentence's own spacing; commas left dangling by a cut go,
        the first letter is capitalised when the opening words went, and a credited claim
        loses its end mark."""
        kept = [t for t in self.span if t.i not in deleted]
        kept = [t for n, t in enumerate(kept) if not self._dangling(kept, n)]
        kept = [t for n, t in enumerate(kept) if not (n and t.text in _END_MARKS and kept[n - 1].text in _END_MARKS)]
        kept = [t for n, t in enumerate(kept) if not (n and self._doubled(kept[n - 1], t))]
        if not kept:
            return ""
        parts = []
        for n, token in enumerate(kept):
            parts.append(token.text)
            following = kept[n + 1] if n + 1 < len(kept) else None
            if following is None:
                break
            if following.i == token.i + 1:
                parts.append(token.whitespace_)
            elif not (following.text in _CLOSING_PUNCT and not self.span.doc[following.i - 1].whitespace_) \
                    and "".join(t.whitespace_ for t in self.span.doc[token.i:following.i]):  # '"' may open
                parts.append(" ")
        text = "".join(parts).strip()
        if kept[0].i != self.span.start and kept[0].i not in self.quoted:
            text = text[:1].upper() + text[1:]
        return text

    def _doubled(self, previous: Token, token: Token) -> bool:
        """'the the', 'to to': a function word right after itself (a typo in the source, or two
        words a cut brought together) is said once; 'had had', 'that that' differ in part of speech."""
        return (token.lower_ == previous.lower_ and token.pos_ == previous.pos_ and token.i not in self.quoted
                and token.pos_ in ("DET", "ADP", "CCONJ", "PART", "PRON"))

    @staticmethod
    def _dangling(kept: list[Token], n: int) -> bool:
        """A comma, semicolon or dash at the start, after another, or before the end or
        another mark."""
        token = kept[n]
        if not _is_mark(token):
            return False
        previous = next((t for t in reversed(kept[:n]) if t.text not in _QUOTE_MARKS), None)
        following = next((t for t in kept[n + 1:] if t.text not in _QUOTE_MARKS), None)
        if previous is None or following is None:
            return True
        return _is_mark(previous) or following.text in _CLOSING_PUNCT


def _negates(token: Token) -> bool:
    """A negation ("not", "never", "no" before a noun) or a denial ("denies"): a unit that holds
    one qualifies the claim around it and is never deleted."""
    return token.dep_ == "neg" or (token.lower_ == "no" and token.dep_ == "det") or token.lemma_.lower() == "deny"


def _negated(head: Token) -> bool:
    """The phrase or clause ``head`` heads negates or denies in its own words ("who denies ...",
    "which is not defined ..."); a negation deeper inside, in a clause of its own ("part of a
    plan that officials say will not hinder ..."), is that clause's."""
    return _negates(head) or any(_negates(c) for c in head.children)


def _is_dash(token: Token) -> bool:
    """A dash, or a hyphen standing for one between spaces ("shopping sprees - leaving"; not
    the hyphen inside "mother-of-two")."""
    return token.text in _DASHES or (token.text == "-" and bool(token.whitespace_) and token.i > 0
                                     and bool(token.nbor(-1).whitespace_))


def _sets_off(token: Token) -> bool:
    """A comma or a dash: what sets a unit off from the claim."""
    return token.text == "," or _is_dash(token)


def _is_mark(token: Token) -> bool:
    """A comma, semicolon or dash."""
    return token.text in (",", ";") or _is_dash(token)


def _subtree(token: Token) -> list[int]:
    return [t.i for t in token.subtree]


_CLOSING = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_OPENING = {"”": "“", "’": "‘", '"': '"', "'": "'"}


def _balance_quotation(sentence: str, bullet: str) -> str:
    """The bullet with the quote marks its sentence lacks because a quotation runs on from or
    into the next sentence: closed after "said: 'I think the judges are out of touch." (-> "...
    out of touch.'"), opened before "A child, playing,' he said." Only marks are added, never words."""
    spans = _quoted_spans(sentence)
    if not spans:
        return bullet
    claim, _, credit = bullet.rpartition(CREDIT) if CREDIT in bullet else (bullet, "", "")
    start, end = spans[-1]
    if end == len(sentence) and start > 0 and sentence[start - 1] in _CLOSING:
        claim += _CLOSING[sentence[start - 1]]
    start, end = spans[0]
    if start == 0 and end < len(sentence) and sentence[end] in _OPENING and claim[:1] not in _CLOSING:
        claim = _OPENING[sentence[end]] + claim
    return f"{claim}{CREDIT}{credit}" if credit else claim


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of ``text`` inside quotation marks, marks excluded.

    Double marks (“ ” ") and single ones (‘ ’ ') count; marks of the other kind inside a
    quotation are part of it. ’ and a straight ' are apostrophes when a letter or digit follows
    ("don’t", "’s"), unless a straight ' follows a space ("'Lines waiting"). A straight mark
    opens after a space, a bracket or a dash (or at the start) when no space follows it, and
    closes otherwise. A closing mark with none open that touches punctuation means the sentence
    started inside a quotation opened in an earlier sentence, so the text before it is quoted;
    a quotation still open at the end runs to the end."""
    spans: list[tuple[int, int]] = []
    opened, family = None, ""
    for i, char in enumerate(text):
        kind = _quote_mark(text, i)
        if kind is None:
            continue
        mark_family = "double" if char in "“”\"" else "single"
        if opened is None and kind == "open":
            opened, family = i + 1, mark_family
        elif opened is not None and kind == "close" and mark_family == family:
            spans.append((opened, i))
            opened = None
        elif opened is None and kind == "close" and not spans and _ends_a_quotation(text, i):
            spans.append((0, i))
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _quote_mark(text: str, i: int) -> str | None:
    """"open", "close" or None (not a quotation mark, or an apostrophe) for ``text[i]``."""
    char = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char in "“‘":
        return "open"
    if char == "”":
        return "close"
    if char not in "\"'’":
        return None
    if char == "'" and re.match(r"\d\ds?\b", text[i + 1:i + 4]):  # the '90s, class of '08
        return None
    if char in "\"'" and (before.isspace() or before in "([—–-") and not after.isspace():
        return "open"
    if char in "'’" and after.isalnum():
        return None
    return "close"


def _ends_a_quotation(text: str, i: int) -> bool:
    """True when the closing mark at ``i`` touches punctuation ('it," Smith', "seen.'",
    "intervention', amid") or the end, as a quotation's end does; "Saints’ season" is a
    plural possessive."""
    after = text[i + 1] if i + 1 < len(text) else ""
    return not after or after in ".,;:!?" or text[i - 1] in ".,;:!?"



def tokens(text: str) -> list[str]:
    """Lower-cased word tokens with surrounding punctuation and quote marks removed ("U.S."
    and "don't" stay whole)."""
    return [t.strip(_TOKEN_EDGES).lower() for t in _TOKEN.findall(text) if t.strip(_TOKEN_EDGES)]


def uses_only_quoted_words(text: str, quote: str) -> bool:
    """True when every word of ``text`` occurs in ``quote`` (in any order): for items such as
    figures and quotes credited to a speaker, which put the quote's own words together."""
    available = set(tokens(quote))
    return all(word in available for word in tokens(text))


_DATE_LABELS = re.compile(r"^(?:[^:]*?\('[^']*'\)(?:: [^:;]*)?(?:; )?)+: ")


def strip_date_labels(text: str) -> str:
    """A timeline item without its leading resolved-date labels ("Sep 2025 ('next September'): ")."""
    return _DATE_LABELS.sub("", text, count=1)


def credit_source(bullet: str, sentence: Sentence, sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentence that gives a bullet's credit when its own ``sentence`` does not (a speaker
    credited by the full name the document gives elsewhere: "Abernathy said" -> "— Penelope
    Abernathy"): the first of ``sentences`` that does, to be cited with it."""
    claim, _, credit = bullet.rpartition(CREDIT)
    if not claim or not credit or credit in sentence.text:
        return []
    return next(([s] for s in sentences if credit in s.text), [])


def is_faithful(bullet: str, quote: str) -> bool:
    """True when the bullet has words and they are an in-order subsequence of the quote's
    words (case-insensitive), so the bullet says nothing the quote does not. A credit after
    the claim ("claim — Sabrina Singh") is checked on its own: the speaker may be named before
    the claim in the source ("Sabrina Singh said the claim")."""
    claim, _, credit = bullet.rpartition(CREDIT)
    if claim and credit:
        return _in_order(claim, quote) and _in_order(credit, quote)
    return _in_order(bullet, quote)


def _in_order(text: str, quote: str) -> bool:
    remaining = iter(tokens(quote))
    words = tokens(text)
    return bool(words) and all(word in remaining for word in words)
