"""Whether a parsed sentence is two sentences run together with nothing between them.

News text taken from the web carries picture captions without their full stops, so a caption
runs into the story: "... in perfect condition in Utah The concrete arrows were placed ...",
"... ahead of the Grand National Tindall celebrates with the trophy". Such a run is a run-in: a
second independent clause (its own subject and finite verb) starts after the first one with no
punctuation, conjunction or subordinating word between them. Read from the parse, the second
clause either starts at a capitalised word after a lower-case word, a number or a closing
bracket or quote (``clause_starts``: where ``analysis.analyse`` cuts the sentence), or its
subject is the name just before its verb that the parser hung on the first clause ("the Grand
National Tindall celebrates": a finite verb with no subject; where the name starts is unsure, so
the sentence is not cut, and ``runs_in`` refuses it as a point or an extra). It is no run-in
when the second clause is subordinate (a relative clause: "the report Smith wrote was ..."; one
with a subordinator: "after ... Khan was kidnapped"), coordinated ("and then Maria cooked"), or
the claim a verb just before it reports, starting with a name ("officials said Obama would
go"; a verb that already has a complement takes no second one; but a whole clause before a
name and its verb, with no comma between, is no claim that verb reports: "... on Tuesday night
Grealish saw Villa lose ..."), nor when the first part holds
no independent clause ("In 2010 Smith said ...", "President Joe Biden said ...") or hangs on the
second as a subordinate clause ("When the storm hit the coast Residents fled"). A capitalised
word that is no name ("The", "Those", "In") opens a sentence whatever the parser attached it to.
A plural-form present verb after a singular subject is a misread noun ("their lunchtime Barclays
Premier League clash"), no verb. Everything is read from spaCy's tags and dependencies; no
word lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .analysis import WH_TAGS
from .context import tensed

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_COMPLEMENTS = frozenset({"ccomp", "dobj"})
_DEPENDENT = frozenset({"xcomp", "pcomp", "csubj", "csubjpass", "amod"})
# a participle the tagger read as a past tense: "schools in Birmingham called ..."
_MODIFIERS = frozenset({"acl", "relcl", "amod"})
_LINKERS = frozenset({"cc", "mark", "prep", "det", "poss", "aux", "auxpass", "case"})
_VERBS = frozenset({"VERB", "AUX"})
_CONNECTIVES = frozenset({"ADV", "CCONJ", "SCONJ", "ADP", "PART", "DET", "PRON"})  # parts of speech
_PAIRS = {")": "(", "’": "‘", "”": "“"}
_CLOSERS = ")’”\"'"


def runs_in(span: Span) -> bool:
    """True when a second independent clause runs into the first with nothing between them.
    An unparsed span is no run-in (nothing is known against it)."""
    if len(span) < 2 or not span[0].dep_:
        return False
    return any(_starts_clause(span, token) or _after_stolen_subject(span, token) for token in span[1:])


def clause_starts(span: Span) -> list[Token]:
    """The first words of the clauses that run into the one before them at a capitalised word
    (where the sentence can be cut; not a clause whose subject the parser hung on the words
    before it: where that name starts is unsure)."""
    if len(span) < 2 or not span[0].dep_:
        return []
    return [token for token in span[1:] if _starts_clause(span, token)]


def _starts_clause(span: Span, token: Token) -> bool:
    verb = _verb_of_clause_at(span, token) if _after_a_plain_word(token, span.start) else None
    return verb is not None and _runs_on(span, verb, token.i)


def _after_stolen_subject(span: Span, verb: Token) -> bool:
    return _stolen_subject(span, verb) and _runs_on(span, verb, verb.i - 1)


def _runs_on(span: Span, verb: Token, start: int) -> bool:
    """True when ``verb``'s clause, from ``start``, is an independent clause run into one before
    it: a finite clause that does not hang on it (unless the clause from ``start`` opens with a
    capitalised word that is no name), one the parser itself ended as a sentence, or a caption
    the parser made a second subject of the verb."""
    if not (_independent(verb, start) and _no_reported_claim(verb, start) and not _opened_before(verb, start)):
        return False
    opens = not _names(verb.doc[start])
    return _two_subjects(verb, start) or any(
        t.dep_ == "ROOT" and not _subordinated(t)
        or _independent(t, start) and (opens or verb not in t.ancestors or _reported_unmarked(t, verb, start))
        for t in span[: start - span.start])


def _reported_unmarked(clause: Token, verb: Token, start: int) -> bool:
    """True when the parser made a whole clause before ``start`` the claim ``verb`` reports,
    with no comma or quote mark to end it: "Grealish made his first start on Tuesday night
    Grealish saw Villa lose" (a caption), where a claim put before its speech verb is set off
    ("... on Tuesday night, Grealish said")."""
    return clause.dep_ == "ccomp" and clause.head == verb and not any(
        t.is_punct for t in verb.doc[clause.right_edge.i:start])


def _two_subjects(verb: Token, start: int) -> bool:
    """True when the parser gave the verb a second subject before ``start``: the words before
    are a caption with no verb of its own ("The film starring Richard Attenborough (pictured)
    Bader was ...")."""
    return sum(c.dep_ in _SUBJECTS for c in verb.children) > 1 and any(
        c.dep_ in _SUBJECTS and c.i < start for c in verb.children)


def _after_a_plain_word(token: Token, start: int) -> bool:
    """A capitalised word after a space and a lower-case word, a number or a bracket or quote
    closing one, with no punctuation, conjunction, preposition or determiner between."""
    before = token.doc[token.i - 1]
    if not before.whitespace_ or not token.is_title or token.text == "I":
        return False
    earlier = token.doc[before.i - 1] if before.i > 0 else None
    if before.dep_ in _LINKERS or before.tag_ in WH_TAGS or before.tag_ in ("IN", "TO", "POS"):
        return False
    if before.text in _CLOSERS:  # one that closes a bracket or quote opened before it
        return earlier is not None and earlier.text[-1:].isalnum() and not earlier.is_punct \
            and _opened(token.doc[start:before.i].text, before.text)
    return (before.text[-1:].islower() or before.text[-1:].isdigit()) and not before.is_punct \
        and not (before.pos_ in _CONNECTIVES and earlier is not None and earlier.is_punct)  # ", so Byron ..."


def _opened(text: str, closer: str) -> bool:
    """True when ``text`` opens more brackets or quotes of ``closer``'s kind than it closes (so an
    apostrophe, "the Exiles’ No 10 shirt", closes nothing)."""
    opener = _PAIRS.get(closer, closer)
    if opener == closer:
        return text.count(closer) % 2 == 1
    return text.count(opener) > text.count(closer)


def _verb_of_clause_at(span: Span, token: Token) -> Token | None:
    """The finite verb whose clause starts at ``token``: with its subject, or with a phrase before
    its subject ("On a Cathay Pacific 777 there is ..."), if any."""
    for word in span[token.i - span.start:]:
        verb = word.head
        if word.left_edge.i != token.i or verb.i <= word.i or verb.pos_ not in _VERBS or not tensed(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i >= word.i), None)
        if subject is not None and _agrees(verb, subject):
            return verb
    return None


def _stolen_subject(span: Span, verb: Token) -> bool:
    """A finite verb with no subject right after a capitalised name the parser hung on the words
    before it, with no conjunction or subordinating word before the name ("the Grand National
    Tindall celebrates"; not "and Anna baked")."""
    name = verb.doc[verb.i - 1]
    if not (verb.tag_ in ("VBZ", "VBD") and verb.pos_ == "VERB" and name.i > span.start and name.pos_ == "PROPN"
            and name.is_title and name.head.i < name.i and name.head.pos_ not in _VERBS
            and verb.dep_ not in _MODIFIERS and not any(c.dep_ in _SUBJECTS for c in verb.children)):
        return False
    first = name
    while first.i > span.start and first.nbor(-1).pos_ == "PROPN" and first.nbor(-1).is_title:
        first = first.nbor(-1)
    before = first.nbor(-1) if first.i > span.start else None
    return before is not None and not (before.is_punct or before.dep_ in ("cc", "mark") or before.tag_ in WH_TAGS)


def _independent(verb: Token, start: int) -> bool:
    """A finite clause with no subordinator, that is no relative clause nor coordinated with a
    clause before ``start``; one before ``start`` has its own subject. A clause from ``start``
    that opens with a capitalised word that is no name is no relative clause whatever the
    parser says ("... to photograph the monuments The concrete arrows were placed ...")."""
    relative = verb.dep_ == "relcl" and not (verb.i >= start and not _names(verb.doc[start]))
    if relative or verb.dep_ in _DEPENDENT or _subordinated(verb) or not tensed(verb):
        return False
    if verb.dep_ == "conj" and any(c.dep_ == "cc" and c.i < start for c in verb.head.children):
        return False
    return verb.i >= start or any(c.dep_ in _SUBJECTS for c in verb.children)


def _subordinated(verb: Token) -> bool:
    """A clause opened by a subordinator or a wh-word ("after ...", "when the storm hit ...")."""
    return any(c.dep_ == "mark" or c.tag_ in WH_TAGS and c.i < verb.i for c in verb.children)


def _no_reported_claim(verb: Token, start: int) -> bool:
    """False when the clause is the one complement of a verb before it and starts with a name
    ("said Obama would go", "said Greek officials acted"; any other capitalised word inside a
    sentence starts a sentence)."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i >= start or not _names(verb.doc[start]):
        return True
    return any(c.dep_ in _COMPLEMENTS and head.i < c.i < start for c in head.children)


def _opened_before(verb: Token, start: int) -> bool:
    """True when a subordinating or relative word before ``start`` belongs to the verb's clause
    ("when on a sodden night at St James' Park the Dutchman left out ...")."""
    return any(t.i < start and (t.dep_ == "mark" or t.tag_ in WH_TAGS) and _clause_of(t) == verb for t in verb.subtree)


def _clause_of(token: Token) -> Token:
    """The verb whose clause holds ``token``: its nearest verbal ancestor."""
    return next((t for t in token.ancestors if t.pos_ in _VERBS), token)


def _names(token: Token) -> bool:
    """A name, or an adjective of one ("Obama", "US forces", "Greek officials"): inside a
    sentence it need not open one (a "The" the recogniser put in a name still does)."""
    return token.pos_ == "PROPN" or (token.pos_ == "ADJ" and bool(token.ent_type_))


def _agrees(verb: Token, subject: Token) -> bool:
    """False for a plural-form present verb after a singular noun: a noun misread as a verb."""
    return not (verb.tag_ == "VBP" and subject.tag_ in ("NN", "NNP"))
