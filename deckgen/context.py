"""Whether a parsed sentence can stand on a slide by itself.

A sentence needs context when one of its key arguments (the subject of its main clause, of a
clause coordinated with it or of the claim it reports; the main verb's object) points back to
something it does not show:

- a third-person pronoun ("He was ranked sixth", "They host Rangers") or a possessive one on
  the argument ("His first game", "their territories");
- a demonstrative, alone or before a noun ("This comes after ...", "That spillover ..."), not
  one before a time ("This year ...") or one a clause restricts ("Those who ...");
- a number or quantifier standing for a noun it does not give ("More than 10,000 have not
  survived", "Some wore union logos", "Many have voiced concerns"; not "Most of the victims");
- a definite description nothing in it identifies ("The plan", "The head", "The official
  reason for the resignation"; not "The Pentagon", "the plan Iran announced", "The number of
  students eligible for TELS");
- a person named by one word ("Arum", "Mr Hussen", "Julia") whom the document named in full
  before the sentence ("Bob Arum"; ``names``), counted whatever ``descriptions`` says; not the
  speaker of the main verb's reported claim when one person has the name (the bullet credits
  the full name).

Such a word is resolved when its antecedent comes before it: earlier in the sentence, or in
``earlier`` (what the slide shows just before it). A he or she needs a person named before it; it,
they or a number any noun; a description the same noun; a demonstrative pronoun a statement in
``earlier``; a short name the full name. A section ``title`` resolves descriptions,
demonstratives and short names (it names the topic) but no pronoun or number (it does not say
who "he" or "some" are). What the ``deck`` showed before the slide (its title and BLUF) resolves a
definite description or a short name only: a deck about one quake may say "The quake" on any
slide after its BLUF introduced it, but "he" on a slide says nothing about who.

A sentence that speaks as "I" or "we" in its own voice (``own_first_person``) would read on a
slide as the briefer's; the plan credits it to the document's author.

Everything is read from spaCy's tags, dependencies, morphology and entities; no word lists.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING

from .analysis import CLAUSE_SUBJECTS
from .names import FullName, full_name, full_names_before, fuller, mention, name_words, short_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_POINTING = frozenset({"see", "refer"})  # an instruction with these verbs points to another text
# entities that name something (a number or a date names nothing by itself)
_NAMING = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                     "LANGUAGE"})
_TIMES = frozenset({"DATE", "TIME"})
# words that point to a passage of the document ("the following vessels", "(2) above")
_TEXT_POINTERS = frozenset({"following", "aforementioned", "above", "below", "respectively"})
_NUMBERED_PARTS = frozenset({"figure", "fig", "table"})  # "as depicted here in Figure 1": a part of the document
_RESTRICTING = frozenset({"relcl", "acl"})


def _restricts(child: Token) -> bool:
    """A clause that says which one its noun is ("those who", "the plan announced today"); one
    set off by a comma only describes it (``_set_off``: "these landscapes, which declined ..."
    still points back, and a bullet or a figure drops the clause)."""
    return child.dep_ in _RESTRICTING and not _set_off(child)


def needs_context(span: Span, earlier: Iterable[Span] = (), descriptions: bool = True,
                  title: Span | None = None, anywhere: bool = False, names: bool = True,
                  mentioned: Collection[str] = (), deck: Iterable[Span] = (),
                  people: Sequence[FullName] = ()) -> bool:
    """True when a key argument of ``span`` points back to something neither the span (before
    it), ``earlier`` nor (for a description, demonstrative or short name) the section ``title``
    shows. ``descriptions=False`` counts only pronouns, numbers, demonstratives and short names;
    ``anywhere`` also reads the words off the key arguments (``_loose``), where a description
    counts when its noun is among the ``mentioned`` ones (the document named it before: "poisoned
    by the chemical"); ``names=False`` leaves short names out. ``deck`` is what the deck showed
    before the slide (its title, the BLUF): it says what a definite description or a short name
    refers to ("The quake" after "A 6.0 quake struck Napa", "Durst" after "Robert Durst"), never
    whom a pronoun or number stands for or what a demonstrative points to. ``people``: the people
    the document named in full before ``span``, for a span parsed on its own (a span of the
    document's parse reads them from its Doc): "Bader" alone after "Douglas Bader" is a short name."""
    return bool(unresolved(span, earlier, descriptions, title, anywhere, names, mentioned, deck, people))


def unresolved(span: Span, earlier: Iterable[Span] = (), descriptions: bool = True,
               title: Span | None = None, anywhere: bool = False, names: bool = True,
               mentioned: Collection[str] = (), deck: Iterable[Span] = (),
               people: Sequence[FullName] = ()) -> list[Token]:
    """The words of ``span``'s key arguments (with ``anywhere``, of all of it) that point back
    without an antecedent."""
    if not _parsed(span):
        return []
    read = [t for part in earlier for t in part]
    titled = [*(title or ()), *read]
    introduced = [*titled, *(t for part in deck for t in part)]
    found = []
    for argument, described, _ in _key_arguments(span):
        for word in _pointing(argument, descriptions and described):
            if _personal(word) or _elliptical(word):
                shown = read
            elif word == argument and any(c.dep_ == "det" and _definite(c) for c in word.children):
                shown = introduced  # a definite description
            else:
                shown = titled
            before = [*shown, *(t for t in span if t.i < argument.left_edge.i)]
            if not _resolved(word, argument, shown if word == argument and demonstrative(word) else before):
                found.append(word)
        name = _short_name(argument, people) if names else None
        if name is not None and not _named_in_full(name, [*introduced, *(t for t in span if t.i < argument.left_edge.i)]):
            found.append(argument)
    if anywhere:
        found += [word for word in _loose(span, read, mentioned, people) if word not in found]
    else:  # a demonstrative on its noun points back wherever it stands ("could further reduce that number")
        found += [word for word in span if word.dep_ == "det" and demonstrative(word) and word not in found
                  and _dangling_demonstrative(word, [*read, *(t for t in span if t.i < word.i)], read)]
    return found + [word for word in span if _points_into_text(word) and word not in found]


def _points_into_text(token: Token) -> bool:
    """A word that points to a passage the slide does not show: "the following vessels", "the
    aforementioned agency", "(1) or (2) above", "the examples below", "respectively", "Figure
    1", "Table 2", a "so" that stands for a claim ("One would hope so"), a question word that
    ends the sentence ("It is not hard to see why.") and a time counted from an event the
    sentence does not give ("a year earlier", "two days later"); not a
    time ("the following year"), a preposition with its object ("above 40 degrees"), nor a
    pointer to a list after a colon in the sentence ("the following deadlines: May 31, ...")."""
    word = token.lower_
    if word.rstrip(".") in _NUMBERED_PARTS:
        return any(c.dep_ == "nummod" for c in token.children)  # "Figure 1", "Table 2"
    if word == "so":  # a pro-form standing for a claim before it: "One would hope so", "He did so"
        return token.dep_ == "advmod" and token.head.pos_ in ("VERB", "AUX") and token.i > token.head.i \
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "acomp") for c in token.head.children)
    if token.tag_ == "WRB" and token.i > token.head.i and not any(token.children):  # "It is not hard to see why."
        return all(t.is_punct for t in token.doc[token.i + 1:token.sent.end])
    if word in ("earlier", "later"):  # "nearly a year earlier": than an event the slide does not show
        return token.dep_ == "advmod" and any(c.dep_ == "npadvmod" for c in token.children)
    if word not in _TEXT_POINTERS:
        return False
    sentence = token.sent
    if any(t.text == ":" and t.i + 1 < sentence.end for t in sentence if t.i > token.i):
        return False
    if word in ("following", "aforementioned"):
        noun = token.head
        return token.dep_ == "amod" and noun.ent_type_ not in _TIMES \
            and any(c.dep_ == "det" and _definite(c) for c in noun.children)
    return not any(c.dep_ == "pobj" for c in token.children)


def _loose(span: Span, read: Sequence[Token], mentioned: Collection[str], people: Sequence[FullName]) -> list[Token]:
    """Words off the key arguments that point back with no antecedent in ``read`` or before
    them in the span: a he, she or they ("wash them", "bail was posted for him"; an "it" there
    mostly stands for a clause or a situation: "make it") and a demonstrative, alone or on its
    noun, that no clause restricts and no time follows ("on that measure"), a person named
    by one word whom the document named in full before ("when you have Christian in the team"),
    and a definite description that says not which one it means, of a noun the document
    ``mentioned`` before ("appeared on the show")."""
    found = []
    for token in span:
        before = [*read, *(t for t in span if t.i < token.i)]
        if token.pos_ == "PROPN" and token.dep_ != "compound":
            name = _short_name(token, people)
            if name is not None and not _named_in_full(name, before):
                found.append(token)
        elif _personal(token) and token.morph.get("Gender") != ["Neut"]:
            if not _resolved(token, token, before):
                found.append(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in mentioned and token.ent_type_ not in _TIMES \
                and not _anchored(token) and any(c.dep_ == "det" and _definite(c) for c in token.children):
            if not _resolved(token, token, before):
                found.append(token)
        elif demonstrative(token) and token.dep_ in ("det", "dobj", "pobj", *_SUBJECTS):
            if _dangling_demonstrative(token, before, read):
                found.append(token)
    return found


def _dangling_demonstrative(token: Token, before: Sequence[Token], read: Sequence[Token]) -> bool:
    """A demonstrative, alone or on its noun, that no clause restricts and no time follows, with
    nothing it points to ``before`` it (alone, it needs a statement ``read`` before the span)."""
    noun = token.head if token.dep_ == "det" else token
    return noun.ent_type_ not in _TIMES and not any(_restricts(c) for c in noun.children) \
        and not _resolved(token, noun, before if noun is not token else read)


def own_first_person(span: Span) -> bool:
    """True when the sentence speaks as "I" or "we" in its own voice: a key argument (not one
    of a clause it reports) is a first-person pronoun, or has one as its possessive, outside
    quotation marks ("We would place higher value ...", "Our staff reviewed ..."; not "“We will
    not back down,” the mayor said")."""
    if not _parsed(span):
        return False
    return any(own and (_first_person(argument) or any(c.dep_ == "poss" and _first_person(c) for c in argument.children))
               for argument, _, own in _key_arguments(span))


def lost_referent(span: Span, kept: Sequence[Token]) -> bool:
    """True when a kept third-person pronoun had its antecedent before it in ``span`` and has
    none among the ``kept`` words before it (a deletion would leave it dangling)."""
    for n, token in enumerate(kept):
        if _personal(token) and not _expletive(token):
            before_all = [t for t in span if t.i < token.i]
            if _resolved(token, token, before_all) and not _resolved(token, token, kept[:n]):
                return True
    return False


def is_statement(span: Span) -> bool:
    """True for a declarative sentence with a finite verb (or an instruction, "File the form by
    May 1."): not a question (with its mark, or opened by a question word on a noun: "Which
    parties should be eligible ..."), a heading, a list entry or other fragment, nor a sentence ending
    in a colon (what it announces follows it), nor an instruction that points elsewhere ("See
    Form 5884", "If you have one, see page 4"), nor a sentence the writer set apart in brackets
    ("(For more forecasts we made, see here.)"). An unparsed span counts as a statement
    (nothing is known against it)."""
    if not _parsed(span):
        return True
    text = span.text.strip().rstrip(".")
    if text.startswith("(") and text.endswith(")") and ")" not in text[:-1]:
        return False  # an aside in brackets
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or any(t.text == "?" for t in span[-3:]) or span[-1].text == ":":
        return False  # a question, or a sentence leading into a list
    if words[0].tag_ == "WDT" and words[0].dep_ == "det":
        return False  # a question without its mark: "Which parties should be eligible for any exemption"
    root = _main_verb(span)
    subjectless = root is not None and not any(c.dep_ in CLAUSE_SUBJECTS for c in root.children)
    base_form = root is not None and root.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in root.children)
    if (subjectless and root.tag_ in ("VB", "VBP") or base_form) and root.lemma_.lower() in _POINTING:
        return False  # "See Where To File on page 4", "For details on ..., the tests ..., see Pub. 519"
    instruction = subjectless and root.tag_ == "VB" and root.i <= words[0].i + 1
    # any clause but a relative one: the parser may hang a sentence's verb on its subject noun
    return instruction or any(_finite_clause(t) for t in span if t.dep_ != "relcl")


def _finite_clause(verb: Token) -> bool:
    """A verb with a subject and a tense (its own tag or its auxiliary's; a past participle
    with an active subject is a past tense the tagger misread, and so is any word the parser
    gives a subject and an object)."""
    children = list(verb.children)
    if not any(c.dep_ in CLAUSE_SUBJECTS for c in children):
        return False
    if any(c.dep_ == "dobj" for c in children):
        return True
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return tensed(verb) or (verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in children))


def tensed(verb: Token) -> bool:
    """A verb with a tense of its own or of its auxiliary ("tried", "was sent"; not "to manage")."""
    return verb.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in verb.children)


# --- internals ------------------------------------------------------------------------------

def _parsed(span: Span) -> bool:
    return len(span) > 0 and bool(span[0].dep_)


def _main_verb(span: Span) -> Token | None:
    roots = [t for t in span if t.head == t or not (span.start <= t.head.i < span.end)]
    return roots[0] if roots else None


def _key_arguments(span: Span) -> list[tuple[Token, bool, bool]]:
    """(argument, may it be a definite description, is it in the sentence's own voice) for the
    main verb, the verbs coordinated with it and the clauses it reports: their subjects (a
    description too, unless the verb reports a clause: "the judge said ..." names its source as
    news does), the main verb's object and a phrase fronted before it without a preposition
    ("This way, ..."; pronouns and demonstratives only). A reported clause is not the
    sentence's own voice."""
    root = _main_verb(span)
    if root is None:
        return []
    clauses = [root, *(c for c in root.children if c.dep_ in ("conj", "ccomp") and c.pos_ in ("VERB", "AUX"))]
    found = []
    for clause in clauses:
        own = clause.dep_ != "ccomp"
        for child in clause.children:
            if child.dep_ in _SUBJECTS:
                reports = any(c.dep_ == "ccomp" for c in clause.children)
                found.append((child, not reports, own))
            elif clause is root and child.dep_ in _OBJECTS:
                found.append((child, False, own))
            elif clause is root and child.dep_ == "npadvmod" and child.i < root.i:
                found.append((child, False, own))  # "This way, we can ...": a fronted demonstrative
    return found


def _pointing(argument: Token, descriptions: bool) -> list[Token]:
    """The words of one argument that point back: the argument itself (a pronoun, a
    demonstrative, a number or quantifier standing alone, or a bare definite description) or a
    possessive pronoun or demonstrative determiner on it."""
    if _personal(argument):
        return [] if _expletive(argument) else [argument]
    children = list(argument.children)
    restricted = any(_restricts(c) or c.dep_ == "prep" for c in children)
    if demonstrative(argument):
        return [] if restricted else [argument]
    if _elliptical(argument):  # "Most of the victims": as identified as the victims are
        named = any(_restricts(c) for c in children) or any(
            c.dep_ == "prep" and any(o.dep_ == "pobj" and not _pointing(o, descriptions) for o in c.children)
            for c in children)
        return [] if named else [argument]
    if argument.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ") or argument.ent_type_ in _TIMES:
        return []
    possessive = [c for c in children if c.dep_ == "poss" and _personal(c)]
    if possessive:
        return possessive
    determiners = [c for c in children if c.dep_ == "det"]
    if any(demonstrative(d) for d in determiners) and not any(_restricts(c) for c in children):
        return [argument]
    if descriptions and argument.pos_ == "NOUN" and any(_definite(d) for d in determiners) and not _anchored(argument):
        return [argument]
    return []


def _short_name(argument: Token, people: Sequence[FullName] = ()) -> str | None:
    """The one word the argument names someone by when the document named them in full before
    it (``names``: "Arum" after "Bob Arum"; in its Doc or among ``people``), unless it is the
    speaker of the main verb's reported claim and one person has that name: the bullet credits
    them in full (``compress``)."""
    word = short_name(argument)
    if word is None or not fuller(word, [*full_names_before(argument.doc, argument.idx), *people]):
        return None
    return None if _credited(argument) and full_name(argument) else word


def _credited(subject: Token) -> bool:
    """The subject of a main verb of speech that reports a clause ("Arum said that ...")."""
    from .extract.attribution import STATING_VERBS  # extract imports this module: imported late

    verb = subject.head
    return (subject.dep_ == "nsubj" and verb.dep_ == "ROOT" and verb.lower_ in STATING_VERBS
            and any(c.dep_ == "ccomp" for c in verb.children))


def _named_in_full(word: str, before: Sequence[Token]) -> bool:
    """True when ``before`` gives a full name that ``word`` opens or ends."""
    for token in before:
        found = mention(token) if word in token.text else None
        words = name_words(found.text) if found is not None else ()
        if len(words) >= 2 and word in (words[0], words[-1]):
            return True
    return False


def _personal(token: Token) -> bool:
    return token.pos_ == "PRON" and "Prs" in token.morph.get("PronType") and token.morph.get("Person") == ["3"]


def _first_person(token: Token) -> bool:
    """A first-person pronoun outside quotation marks (inside them it is the speaker's); not the
    numeral of a name ("Title I", "World War I")."""
    if token.pos_ != "PRON" or token.morph.get("Person") != ["1"]:
        return False
    if token.i > token.sent.start and token.nbor(-1).pos_ == "PROPN":
        return False
    before = token.doc[token.sent.start:token.i].text
    return before.count("“") <= before.count("”") and before.count('"') % 2 == 0


def _elliptical(token: Token) -> bool:
    """A subject that is a number, quantifier or adjective with no noun of its own ("10,000 have
    died", "Some wore ...", "Many have voiced ...", "The 48-year-old got ..."); not a date
    ("2019 was ...") or a name."""
    if token.dep_ not in _SUBJECTS or token.ent_type_ in _NAMING:
        return False
    if token.pos_ == "ADJ" and any(c.dep_ == "det" and _definite(c) for c in token.children):
        return True  # an age is a date to the recogniser: "The 48-year-old"
    quantifier = token.tag_ == "CD" or (token.tag_ in ("DT", "JJ", "JJS") and token.pos_ in ("PRON", "ADJ"))
    return quantifier and token.ent_type_ not in _TIMES


def demonstrative(token: Token) -> bool:
    """"this", "that", "these", "those" (alone or before a noun)."""
    return "Dem" in token.morph.get("PronType")


def _definite(token: Token) -> bool:
    return "Art" in token.morph.get("PronType") and token.morph.get("Definite") == ["Def"]


def _expletive(token: Token) -> bool:
    """"It is likely that ...", "It emerged that ...": an 'it' standing for a clause after it."""
    if token.dep_ == "expl":
        return True
    if token.morph.get("Gender") != ["Neut"] or token.dep_ not in _SUBJECTS:
        return False
    verb = token.head
    predicative = verb.pos_ == "AUX" or any(c.dep_ in ("acomp", "attr", "auxpass") for c in verb.children)
    return predicative and any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > token.i for c in verb.children)


def _modifies_a_noun(token: Token) -> bool:
    """A name word inside a compound on a common noun: "St Mirren" in "a St Mirren player"."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
        if token.pos_ == "NOUN":
            return True
    return False


def _anchored(noun: Token) -> bool:
    """True when a definite noun phrase says which one it means: a name inside it, a clause
    restricting it, a superlative ("the best way"; an ordinal is not: "the second phase" of
    what?), or a phrase after it whose own noun does not point back. A clause set off by a comma
    only describes what the reader must already know ("The head, designed by David Hanson,
    ..."): neither it nor a name in it says which one."""
    described = {t.i for c in noun.children if c.dep_ in _RESTRICTING and _set_off(c) for t in c.subtree}
    for token in noun.subtree:
        if (token != noun and token.dep_ != "det" and token.i not in described
                and (token.pos_ == "PROPN" or token.ent_type_ in _NAMING)):
            return True
    for child in noun.children:
        if _restricts(child) or (child.dep_ == "poss" and not _personal(child)):
            return True
        if child.i < noun.i and any(t.tag_ in ("JJS", "RBS") for t in child.subtree):
            return True  # "the best possible way": the phrase says which one ("the second phase" does not)
        if child.dep_ == "prep":
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if any(not _pointing(o, True) for o in objects):
                return True
    return noun.pos_ == "PROPN" or noun.ent_type_ in _NAMING


def _set_off(clause: Token) -> bool:
    """A clause after a comma ("..., which sank in 1912"): it describes, it does not restrict."""
    first = clause.left_edge
    return first.i > 0 and first.nbor(-1).text == ","


def _resolved(word: Token, argument: Token, before: Sequence[Token]) -> bool:
    """True when ``before`` holds what ``word`` points back to. A date is nothing a pronoun
    stands for ("On Monday, it ended ..."), nor is a name that only modifies a common noun ("As
    a St Mirren player he ...")."""
    before = [t for t in before if t.ent_type_ not in _TIMES and not _modifies_a_noun(t)]
    if _personal(word):
        if word.morph.get("Gender") in (["Masc"], ["Fem"]):
            return any(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in before)
        return any(t.pos_ in ("NOUN", "PROPN") and not _personal(t) for t in before)
    if _elliptical(word):
        return any(t.pos_ in ("NOUN", "PROPN") and not _personal(t) for t in before)
    if word == argument and demonstrative(word):  # "This comes after ...": a statement read before it
        return any(t.pos_ in ("NOUN", "PROPN", "VERB") for t in before)
    lemma = argument.lemma_.lower()  # "the quake" after "an earthquake": a compound ends in its head
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower().endswith(lemma) for t in before)
