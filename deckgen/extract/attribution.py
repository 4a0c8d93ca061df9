"""Who says what: the speaker each sentence attributes its words to.

Shared by quotes, figures and perspectives. Rules, tried in the order the verbs occur:

- ``X said`` / ``X told`` / ``X, the director of ..., has tracked``: the words just before a
  speech verb, or the sentence's opening subject when an appositive sits between;
- ``..., said X`` / ``according to X``: the words after a verb that follows a quote or comma;
- ``he``/``she`` resolve to the person named last in the 3 sentences before (or earlier in the
  pronoun's own sentence), when that sentence names only that one person and the document
  quotes or introduces them; when those sentences name nobody, to the person the latest of
  them attributes words to ("she said ... she added"). ``it``/``they`` resolve to the group or
  organisation of the latest attribution in reach, when no other organisation is named in
  between; ``it`` never to a plural ("analysts", "forces"). Otherwise the speaker stays unknown
  (None): crediting nobody is better than crediting the wrong person.

Never speakers: a name right after a preposition ("sanctions against Al-Qaeda said", "professors
at Leeds University predicted"), the object of ``told`` ("..., told DNA Info"), function words
alone ("an estimated 10 million", "That said"), a phrase owned by a pronoun ("His report found"),
and a bare singular role ("spokesman" cut from "an airline spokesman"). A speaker's name never
takes in a sentence opener ("Yesterday ParkingEye welcomed" gives ParkingEye), and a role cut
from a longer one is dropped: "Oxfam poverty chief Rachael Orr said" and "Its UK director Adrian
Curtis said" give the bare name.

A sentence that opens with a quote mark and names nobody continues the quote of the sentence before it in the same paragraph. Names resolve
within one document only: "Singh" becomes "Sabrina Singh", with the role given where the
document introduces her, when exactly one introduced person has that surname. Words inside
quote marks (“…”, "…", ‘…’ and '…', see ``quote_spans``) are never read as attribution.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from enum import Enum

from ..model import Document, Sentence

PRONOUN_REACH = 3  # sentences back a pronoun may look for its speaker

# Verbs after which the speaker vouches for what follows (figures trust only these).
STATING_VERBS = frozenset(
    "said says say told tells added adds noted notes stressed stresses explained wrote writes stated "
    "insisted argued announced confirmed reported claimed estimated estimates put puts tracked counted "
    "found warned warns emphasized emphasised acknowledged predicted".split())
# Verbs that attribute a stance rather than a statement of fact.
STANCE_VERBS = frozenset("called calls rejected rejects denied denies refused declined expressed "
                         "dismissed criticized criticised praised welcomed".split())
_VERB = re.compile(r"\b(?:according to|" + "|".join(sorted(STATING_VERBS | STANCE_VERBS)) + r")\b")
_SKIPPED_BEFORE_VERB = {"has", "have", "had", "also", "later", "previously", "then", "again", "repeatedly",
                        "publicly", "recently", "separately"}
_INVERTING = {"said", "says", "added", "adds", "wrote", "according to"}  # not "told": "..., told DNA Info"

_DETERMINERS = {"the", "a", "an", "some", "other", "several", "many", "most", "two", "three", "another"}
_HEADS = {"official", "officials", "spokesperson", "spokesman", "spokeswoman", "analyst", "analysts", "expert",
          "experts", "report", "reports", "source", "sources", "diplomat", "diplomats", "officer", "officers",
          "commander", "commanders", "researcher", "researchers", "lawmaker", "lawmakers", "minister",
          "ministry", "secretary", "statement", "government", "agency", "study", "survey", "monitor", "monitors",
          "observers", "witnesses", "residents", "police", "military", "army", "intelligence", "panel", "insider",
          "insiders", "friend", "friends"}
_MODIFIERS = {"senior", "former", "top", "defense", "defence", "administration", "intelligence", "military",
              "government", "independent", "recent", "local", "western", "security", "foreign", "state", "press",
              "deputy", "public", "regional", "new", "latest", "other", "some", "two", "several", "many", "most",
              "and"}
_TITLES = {"deputy", "press", "secretary", "minister", "prime", "president", "vice", "spokesperson", "spokesman",
           "spokeswoman", "director", "general", "gen.", "lt.", "col.", "maj.", "adm.", "sgt.", "ambassador",
           "senator", "sen.", "rep.", "representative", "governor", "gov.", "mayor", "commander", "chairman",
           "chairwoman", "chair", "chief", "foreign", "defense", "defence", "interior", "assistant",
           "undersecretary", "king", "queen", "prince", "dr.", "mr.", "mrs.", "ms.", "judge", "professor", "prof.",
           "adviser", "advisor", "envoy", "special", "attorney", "officer", "leader", "head", "founder"}
_ORGANISATION_ENDS = {"command", "ministry", "department", "pentagon", "institute", "nations", "council", "agency",
                      "office", "army", "government", "house", "committee", "commission", "bank", "fund",
                      "organization", "organisation", "union", "court", "police", "forces", "group", "center",
                      "centre", "university", "kremlin", "cabinet", "parliament", "congress", "senate"}
_PREPOSITIONS = {"against", "of", "for", "with", "on", "in", "at", "from", "by", "to", "about", "over", "into"}
_PLURAL_HEADS = {head for head in _HEADS if head.endswith("s")} | {"police", "forces", "authorities", "troops"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame"}
_NOT_PERSON_ENDS = _ORGANISATION_ENDS | {
    "program", "programme", "assembly", "society", "school", "hospital", "party", "times", "news", "post", "journal",
    "radio", "television", "show", "club", "company", "church", "festival", "awards", "street", "road", "city",
    "county", "state", "states", "island", "museum", "airport", "station", "league", "cup", "games", "day"}
_PLACE_PREPOSITIONS = {"in", "at", "from", "across", "near", "throughout", "into", "to"}
_CLAUSE_OPENERS = {"which", "who", "whom", "whose", "that", "when", "where", "while", "after", "before", "as"}
_SENTENCE_OPENERS = {"meanwhile", "however", "but", "and", "also", "in", "on", "at", "later", "then", "still",
                     "yet", "so", "now", "separately", "earlier", "yesterday", "today", "tonight", "tomorrow"}
# Words after which a lower-case word starts a new phrase, not a longer role ("after police said").
_PHRASE_BOUNDARIES = _CLAUSE_OPENERS | _SENTENCE_OPENERS | {
    "or", "because", "if", "though", "although", "since", "than", "what", "whether", "until", "unless"}
PRONOUNS = {"he", "she", "they", "it"}
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "our", "my", "your"}  # "His report": whose is unsaid
# Never speakers alone ("That said, ...").
_FUNCTION_WORDS = (_MODIFIERS | _DETERMINERS | PRONOUNS | {"i", "we", "you", "this", "that"}) - _HEADS
_CAPITALISED = re.compile(r"^(?:(?:al|el|bin|ibn|abu|de|van|von|da)-?)?[A-Z][\w.’'-]*$")
_STATEMENTS_FROM = re.compile(
    r"^(?:(?:some|several|recent|public|official)\s+)*(?:statements?|comments?|remarks?)\s+(?:from|by)\s+(.+)$", re.I)
# Inside a single-quoted passage: a quote of one to three words opened mid-sentence is nested ("'It's
# like 'yes'. I put the car there"); a mark before a letter or digit is an apostrophe, or reopens the
# quote for a new paragraph (a mark of the other kind only after a sentence end: "unhappy. ‘I asked").
_NESTED_SINGLE = r"(?<=\s)(?<![.!?]\s)[‘'](?=\w)[^‘’'\s.!?]+(?:\s[^‘’'\s.!?]+){0,2}(?<=\w)[’'](?!\w)"
# A single quote runs at most MAX_QUOTE_CHARS (more is a stray mark): each unclosed mark then costs
# a bounded scan, not one to the end of the paragraph (quadratic on a paragraph full of them).
MAX_QUOTE_CHARS = 2000
_IN_CURLY_SINGLE = (rf"(?:[^‘’']|{_NESTED_SINGLE}|‘|’(?=\w)|(?<=\w)'(?=\w)|(?<=[.!?]\s)'(?=\w))"
                    rf"{{0,{MAX_QUOTE_CHARS}}}")
_IN_STRAIGHT_SINGLE = rf"(?:[^‘’']|{_NESTED_SINGLE}|'(?=\w)|’(?=\w)|(?<=[.!?]\s)‘(?=\w)){{0,{MAX_QUOTE_CHARS}}}"
_QUOTE_PAIRS = re.compile(
    r"“[^“”]*”"  # curly double
    r"|(?:^|(?<=[\s:(\[—–-]))\"(?=\S)[^\"]*(?<=\S)\"(?!\w)"  # straight double, at a word start
    # single, closed by the first closing mark of either kind (‘…' as well as ‘…’); a straight
    # opening mark only at a word start
    rf"|(?:‘{_IN_CURLY_SINGLE}|(?:^|(?<=[\s:(\[—–-]))'(?=\S)(?!\d\ds?\b){_IN_STRAIGHT_SINGLE})(?<=\S)[’'](?!\w)")
_OPENING_MARKS = ("“", '"', "‘", "'")


class SpeakerKind(str, Enum):
    PERSON = "person"  # a named person
    DESCRIBED = "described"  # an anonymous or collective speaker in the document's words
    ORGANISATION = "organisation"  # a named body, country or publication


@dataclass(frozen=True)
class Speaker:
    """Who is speaking, in the document's own words.

    ``role`` is only ever given for a person, and only as the document words it.
    ``sentence_ids`` are where the name (and role) appear.
    """

    name: str
    kind: SpeakerKind
    role: str | None
    sentence_ids: tuple[str, ...]

    @property
    def label(self) -> str:
        """"Sabrina Singh, Deputy Pentagon press secretary"; a role that is only an abbreviated
        title goes before the name, as written ("Gen. Allen Batschelet"); the bare name when
        there is no role."""
        if self.role and " " not in self.role and self.role.endswith("."):
            return f"{self.role} {self.name}"
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass(frozen=True)
class Attribution:
    """The speaker of one sentence; ``speaker`` is None for a pronoun nothing resolves.

    ``sentence_id`` is the sentence that carries the attribution: the sentence before, for
    a quote that continues. ``words`` are the speaker's words there ("she", "Singh"), and
    ``verb_start`` is where its speech verb starts in that sentence's text.
    """

    speaker: Speaker | None
    words: str
    verb: str
    sentence_id: str
    verb_start: int = 0

    @property
    def stating(self) -> bool:
        return self.verb in STATING_VERBS or self.verb == "according to"


@lru_cache(maxsize=64)
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each quoted passage, quote marks excluded, never nested (a quote inside a
    quote belongs to the outer one); an opening mark with no closing one is ignored.

    Recognised: “…”; "…" when the opening mark starts a word and the closing one ends a word
    (so a stray mark in text whose paragraphs were run together pairs with nothing); single
    quotes ‘…’ and '…' in any mix (‘…' is common), the opening ' only at a word start (after a
    space, colon, bracket or dash, or at the start), closed by the first ’ or ' that follows a
    non-space and no letter or digit: one before a letter is an apostrophe ("don’t", "it's"), so
    a quote ending in a plural possessive ("the girls’") ends there. Inside a single quote, a
    mark before a letter reopens it for a new paragraph (run-together text: "unhappy. ‘I asked"),
    and a quote of up to three words opened mid-sentence is nested ("'It's like 'yes'. I put
    the car there, I get the exit.'" is one quote); a longer one opened mid-sentence with the
    other kind of mark is a quote of its own, so a stray ‘ does not pair with the ' closing it.
    Cached: attribution, key quotes and figures all read each paragraph's quotes.
    """
    return tuple((m.start() + 1, m.end() - 1) for m in _QUOTE_PAIRS.finditer(text))


@lru_cache(maxsize=16)
def attribute(document: Document) -> dict[str, Attribution]:
    """The attribution of every sentence that has one, keyed by sentence id. Cached per
    document (extraction and the planner's speaker credits both ask); do not mutate it."""
    masked, people = _reading(document)
    known = {_key(full.split()[-1]) for full in people}  # surnames of the introduced and the quoted
    found: dict[str, Attribution] = {}
    for position, sentence in enumerate(document.sentences):
        text = masked[sentence.id]
        attribution = next(_candidates(text, sentence, people), None)
        if attribution and attribution.words.lower() in PRONOUNS:
            attribution = _resolved(attribution, position, document, masked, found, people, known)
        if attribution is None and position and _continues_quote(text):
            before = document.sentences[position - 1]
            if before.paragraph == sentence.paragraph and before.id in found:
                attribution = found[before.id]
        if attribution:
            found[sentence.id] = attribution
            if attribution.speaker:
                known.add(_key(attribution.speaker.name.split()[-1]))
    return found


def quoted_openings(document: Document) -> set[str]:
    """Ids of the sentences that open with a quotation, or inside one that an earlier sentence
    of the paragraph opened (the segmenter splits a long quote into sentences)."""
    return {sentence_id for sentence_id, masked in _reading(document)[0].items()
            if masked.lstrip()[:1] in ("·", *_OPENING_MARKS)}


_I = re.compile(r"\bI(?:['’](?:m|ve|d|ll))?\b")
THIRD_PERSON_SHARE = 0.2  # a story with at most this share of first-person sentences is told in the third person


def first_person_asides(document: Document) -> set[str]:
    """Ids of the sentences that speak in the first person singular outside quotation marks in a
    story told in the third person (at most THIRD_PERSON_SHARE of its sentences do): someone's
    words whose quote marks the sentence split left behind ("I’m a single woman and I had not done
    anything illegal."). In a first-person text (a column, a memo) they are the author's."""
    masked = _reading(document)[0]
    found = {sentence_id for sentence_id, text in masked.items() if _speaks_as_i(text)}
    return found if len(found) <= THIRD_PERSON_SHARE * len(masked) else set()


def _speaks_as_i(text: str) -> bool:
    """An "I" that is the pronoun, not a numeral after a name ("World War I"): the word before
    it is lower case, ends in a comma, or is the sentence's first."""
    for match in _I.finditer(text):
        before = text[:match.start()].split()
        if len(before) <= 1 or before[-1][:1].islower() or before[-1][-1:] in ",;:":
            return True
    return False


def _continues_quote(masked: str) -> bool:
    """A sentence that opens with a quote mark and has no speech verb outside its quotes ("'We
    have arrested him,' said the man" has one, though "the man" is no speaker we read)."""
    return masked.lstrip().startswith(_OPENING_MARKS) and not _VERB.search(masked)


@lru_cache(maxsize=16)
def _reading(document: Document) -> tuple[dict[str, str], dict[str, Speaker]]:
    """Each sentence's text with its quotes masked, and the people the document introduces:
    read once per document for attribution, speech verbs and quoted openings (do not mutate)."""
    masked = _masked_sentences(document)
    return masked, _introductions(document.sentences, masked)


def _masked_sentences(document: Document) -> dict[str, str]:
    """Each sentence's text with quoted words masked, quotes found per paragraph so a quote the
    segmenter split over several sentences is masked in all of them (its middle sentences then
    start with '·', not a quote mark, and do not count as continuing quotes: in run-together
    text they are often picture captions)."""
    masked = _mask_quotes(document.text, [(p.start, p.end) for p in document.paragraphs] or [(0, len(document.text))])
    return {s.id: masked[s.start:s.end] for s in document.sentences}


def _mask_quotes(text: str, blocks: list[tuple[int, int]] | None = None) -> str:
    """The text with every character inside quote marks replaced by '·' (offsets and spaces kept);
    quotes are paired within each (start, end) block, by default the whole text."""
    chars = list(text)
    for block_start, block_end in blocks or [(0, len(text))]:
        for start, end in quote_spans(text[block_start:block_end]):
            start, end = start + block_start, end + block_start
            chars[start:end] = ["·" if c != " " else " " for c in text[start:end]]
    return "".join(chars)


def _candidates(masked: str, sentence: Sentence, people: dict[str, Speaker]) -> Iterator[Attribution]:
    """Each attribution the sentence's verbs allow, in order; a pronoun is yielded with no
    speaker (``attribute`` resolves it)."""
    for verb in _VERB.finditer(masked):
        before = _strip_skipped(masked[: verb.start()])
        phrase = _words_before(before)
        if phrase is None and before.endswith(","):
            phrase = _opening_subject(masked) or _named_before_appositive(before)
        if phrase is None and (verb.group() == "according to"
                               or verb.group() in _INVERTING and before.endswith((",", "”", '"', "’", "'"))):
            phrase = _words_after(masked[verb.end():])
        if phrase is None:
            continue
        words = phrase.partition("|")[0]
        if words.lower() in PRONOUNS:
            yield Attribution(None, words, verb.group(), sentence.id, verb.start())
            continue
        speaker = _speaker(phrase, sentence, people)
        if speaker is not None:
            yield Attribution(speaker, words, verb.group(), sentence.id, verb.start())


def _strip_skipped(text: str) -> str:
    """``text`` without the auxiliaries and adverbs that may sit before a verb ('has also')."""
    words = text.split()
    while words and words[-1].lower() in _SKIPPED_BEFORE_VERB:
        words.pop()
    return " ".join(words)


def _speakerish(word: str) -> bool:
    lower = word.lower()
    if lower in _POSSESSIVE_PRONOUNS:  # "Its UK director", "His report" at a sentence start
        return False
    return bool(_CAPITALISED.match(word)) or lower in _MODIFIERS | _HEADS | _TITLES | _DETERMINERS | PRONOUNS


def _words_before(text: str) -> str | None:
    """The speaker-like words that end ``text`` ("... senior U.S. officials"), or None.

    None when a preposition stands right before them: in "sanctions against Al-Qaeda said" or
    "In London Johnson said" the name is not (or not surely) the verb's subject. A sentence
    opener ("Yesterday ParkingEye") is dropped, and so is a role cut from a longer one: in "Oxfam
    poverty chief Rachael Orr" or "Its UK director Adrian Curtis" only the name is read.
    """
    words = text.split()
    start = len(words)
    while start > 0:
        word = words[start - 1]
        if not _speakerish(word) or word[-1] in ",;:”\"’'·" or word[0] in "“\"‘'·":
            break
        start -= 1
        if word.lower() in _DETERMINERS | PRONOUNS:
            break
    if start > 0 and words[start - 1].lower() in _PREPOSITIONS:
        return None
    taken = words[start:]
    while taken and (taken[0].lower() in _SENTENCE_OPENERS or taken[0] == "and"):
        if taken.pop(0).lower() in _PREPOSITIONS:
            return None
    if taken and taken == words[start:] and start > 0 and _continues_phrase(words[start - 1]) \
            and taken[0].lower() not in _DETERMINERS | PRONOUNS:  # "the ...", "he": whole phrases
        taken = _name_only(taken, owned=_owner(words[start - 1]))
    return " ".join(taken) or None


def _continues_phrase(word: str) -> bool:
    """Whether ``word``, right before speaker-like words, is part of their noun phrase: an owner
    ("Its", "the firm's") or a lower-case word that is no conjunction ("poverty" in "Oxfam poverty
    chief", "airline" in "an airline spokesman"; not "after" in "after police said")."""
    return _owner(word) or (word[0].islower() or word[0].isdigit()) and word[-1].isalnum() \
        and word.lower() not in _PHRASE_BOUNDARIES


def _owner(word: str) -> bool:
    return word.lower() in _POSSESSIVE_PRONOUNS or bool(re.search(r"\w['’]s$", word))


def _name_only(words: list[str], owned: bool) -> list[str]:
    """The name that ends a speaker phrase cut from a longer one, its role dropped ("chief Rachael
    Orr" -> Rachael Orr). A phrase with no name is kept only when no owner cut it ("officials" of
    "federal officials", not "sources" of "his sources"); a bare singular one ("spokesman" of "an
    airline spokesman") is then refused by ``_speaker``."""
    split = len(words)
    while split > 0 and _CAPITALISED.match(words[split - 1]) and words[split - 1].lower() not in _TITLES:
        split -= 1
    if split < len(words) or owned:
        return words[split:]
    return words


def _words_after(text: str) -> str | None:
    """The speaker-like words that open ``text`` ("a senior U.S. defense official, emphasizing ...").

    None when a name goes on past a word we do not read ("said Royals boss Steve Clarke" would
    give "Royals"); a preposition may end the phrase ("said Abbasi in Baghdad").
    """
    raw = text.split()
    taken: list[str] = []
    for position, word in enumerate(raw):
        last = word[-1] in ",;:" or position == len(raw) - 1
        word = word.rstrip(",;:")
        if position == len(raw) - 1 and word.endswith("."):
            word = word[:-1]
        if not _speakerish(word):
            following = raw[position + 1: position + 2]
            if word.lower() not in _PREPOSITIONS and following and _CAPITALISED.match(following[0]):
                return None
            break
        taken.append(word)
        if last:
            break
    return " ".join(taken) or None


def _opening_subject(masked: str) -> str | None:
    """'Charles Lister, the director of ..., has tracked': the subject, with an appositive after a
    comma ('Lister|the director of ...'); an 'including ...' appositive stays part of the name.
    A leading 'But'/'Meanwhile' is dropped; a sentence opening with a preposition ("In Baghdad,
    X, ...") has no opening subject."""
    parts = [part.strip() for part in masked.split(",")]
    if len(parts) < 3 or len(parts[0].split()) > 8:
        return None
    subject = parts[0].split()
    while subject and subject[0].lower() in _SENTENCE_OPENERS - _PREPOSITIONS:
        subject.pop(0)
    if not subject or subject[0].lower() in _PREPOSITIONS:
        return None
    if parts[1].startswith("including "):
        return f"{' '.join(subject)}, {parts[1]}"
    return f"{' '.join(subject)}|{parts[1]}"


def _named_before_appositive(before: str) -> str | None:
    """'... disease Pete Saunders, chief executive of the ..., added': the capitalised name before
    a role appositive ('Saunders|chief executive of ...'), when the subject is not the sentence's
    opening (a caption run into the text). Not for a clause ('which came out Monday,')."""
    head, _, appositive = before[:-1].rpartition(",")
    first = appositive.split()[:1]
    if not head or not first or not first[0].islower() or first[0] in _CLAUSE_OPENERS:
        return None
    name = _words_before(head)
    if not name or not all(_CAPITALISED.match(word) for word in name.split()):
        return None
    return f"{name}|{appositive.strip()}"


def _speaker(phrase: str, sentence: Sentence, people: dict[str, Speaker]) -> Speaker | None:
    """The speaker a phrase names ('Lister|the director of ...' carries an appositive), or None."""
    phrase, _, appositive = phrase.partition("|")
    inner = _STATEMENTS_FROM.match(phrase)
    phrase = inner.group(1) if inner else phrase
    words = phrase.split(", including ")[0].split()
    if not words or not all(_speakerish(w) for w in words) or words[-1].lower() in _FUNCTION_WORDS:
        return None
    if words[-1].lower() in _HEADS:
        if _bare_singular(words):
            return None
        return Speaker(phrase, SpeakerKind.DESCRIBED, None, (sentence.id,))
    if words[-1].lower() in _ORGANISATION_ENDS or words[0].lower() in _DETERMINERS:
        return Speaker(phrase, SpeakerKind.ORGANISATION, None, (sentence.id,))
    split = len(words)
    while split > 0 and _CAPITALISED.match(words[split - 1]) and words[split - 1].lower() not in _TITLES:
        split -= 1
    name = " ".join(words[split:])
    if not name:  # titles only: "the Iraqi Defense Minister"
        return Speaker(phrase, SpeakerKind.DESCRIBED, None, (sentence.id,))
    known = _lookup(name, people)
    if known:
        return known
    shared = any(_key(full.split()[-1]) == _key(name) for full in people)
    if len(words) == 1 and not shared:  # one capitalised word nobody introduced: a country or a body
        return Speaker(name, SpeakerKind.ORGANISATION, None, (sentence.id,))
    role = " ".join(words[:split]) or _role_from(appositive)
    return Speaker(name, SpeakerKind.PERSON, role, (sentence.id,))


def _bare_singular(words: list[str]) -> bool:
    """A lower-case singular head with no article: "spokesman", "police spokesman" (cut from "an
    airline spokesman"), never a whole speaker; plurals may stand bare ("officials said")."""
    return (words[0].lower() not in _DETERMINERS and words[-1].lower() not in _PLURAL_HEADS
            and all(word.islower() for word in words))


def _role_from(appositive: str) -> str | None:
    return appositive if re.match(r"(?:the|a|an)\s+[a-z]", appositive) and "·" not in appositive else None


def _resolved(attribution: Attribution, position: int, document: Document, masked: dict[str, str],
              found: dict[str, Attribution], people: dict[str, Speaker], known: set[str]) -> Attribution:
    """A pronoun's attribution with the speaker it stands for (None when unsure), looked for in the
    PRONOUN_REACH sentences before the one at ``position`` and in that sentence before the verb."""
    sentence = document.sentences[position]
    window = [(s, masked[s.id]) for s in document.sentences[max(0, position - PRONOUN_REACH):position]]
    window.append((sentence, masked[sentence.id][:attribution.verb_start]))
    return replace(attribution, speaker=_antecedent(attribution.words.lower(), window, found, people, known))


def _antecedent(pronoun: str, window: list[tuple[Sentence, str]], found: dict[str, Attribution],
                people: dict[str, Speaker], known: set[str]) -> Speaker | None:
    """Who ``pronoun`` stands for, or None when unsure. ``window``: (sentence, masked text) pairs,
    oldest first, the last the pronoun's own sentence cut just before its verb; ``known``: the
    surname keys of everyone introduced or quoted so far."""
    if pronoun in ("he", "she"):
        return _person_antecedent(window, found, people, known)
    return _group_antecedent(pronoun, window, found)


def _person_antecedent(window: list[tuple[Sentence, str]], found: dict[str, Attribution],
                       people: dict[str, Speaker], known: set[str]) -> Speaker | None:
    """Walking back, the first sentence that names people decides: it must name exactly one, who
    must be the latest person quoted in the window, or, when the window quotes no person, someone
    the document introduces, named where a subject may stand ("India's Prime Minister Narendra
    Modi ... he said"; not "asked by Jones ... he said"). So "praised by
    Mike Rake. He said" after a quote of Bear Grylls gives None, and so does "Bear Grylls also
    lent Mr Cameron his support" (two names). A sentence naming nobody but attributing words to a
    person ("She said ...") decides for that person."""
    quoted = [found[s.id].speaker for s, _ in window if s.id in found and found[s.id].speaker]
    quoted = [speaker for speaker in quoted if speaker.kind is SpeakerKind.PERSON]
    for sentence, text in reversed(window):
        named = _people_named(text, known)
        if len(named) > 1:
            return None
        if named:
            ((surname, subject),) = named.items()
            if quoted:
                return quoted[-1] if _key(quoted[-1].name.split()[-1]) == surname else None
            return _lookup(surname, people) if subject else None
        attribution = found.get(sentence.id)
        if attribution:
            speaker = attribution.speaker
            return speaker if speaker and speaker.kind is SpeakerKind.PERSON else None
    return None


def _group_antecedent(pronoun: str, window: list[tuple[Sentence, str]],
                      found: dict[str, Attribution]) -> Speaker | None:
    """The speaker of an attribution in the sentence just before, when it is a group or
    organisation, not a plural for "it" ("some analysts say ... It found" gives None), and the
    pronoun's own sentence names no organisation before it. Further back a lower-case body may
    have come between ("..., according to the Reporter. The school apologised. It said")."""
    (_, own), previous = window[-1], window[-2:-1]
    if not previous or previous[0][0].id not in found or _organisations_named(own):
        return None
    speaker = found[previous[0][0].id].speaker
    if speaker is None or speaker.kind is SpeakerKind.PERSON:
        return None
    if pronoun == "it" and speaker.name.split()[-1].lower() in _PLURAL_HEADS:
        return None
    return speaker


def _organisations_named(text: str) -> bool:
    return any(_bare(run.group().split()[-1]).lower() in _ORGANISATION_ENDS for run in _CAPITALISED_RUN.finditer(text))


def _people_named(text: str, known: set[str]) -> dict[str, bool]:
    """The people a masked text names, as surname key -> whether the name may be a subject (it
    does not follow a preposition: not "asked by Jones"). A person is a title or honorific and a
    name ("India's Prime Minister Narendra Modi", "Mr Hussen"); two or three capitalised words
    that are not a place, work or body ("Bear Grylls", but not "in Great Britain", "the Biggest
    Loser", "Extremism Program"); or one word that is the surname of someone the document quotes
    or introduces."""
    named: dict[str, bool] = {}
    for run in _CAPITALISED_RUN.finditer(text):
        preceding = text[: run.start()].split()[-1:]
        words = run.group().split()
        determined = bool(preceding) and preceding[0].lower() in _DETERMINERS
        while words and words[0].lower() in _SENTENCE_OPENERS | _DETERMINERS:
            determined = words.pop(0).lower() in _DETERMINERS or determined
        titles = [i for i, word in enumerate(words) if word.lower() in _TITLES or _bare(word).lower() in _TITLES | _HONORIFICS]
        name = _name_in(words[titles[-1] + 1:] if titles else words)
        if not name or name[-1].lower() in _NOT_PERSON_ENDS:
            continue
        placed = bool(preceding) and preceding[0].lower() in _PLACE_PREPOSITIONS
        if titles or _key(name[-1]) in known or (len(name) in (2, 3) and not determined and not placed):
            after_preposition = not titles and bool(preceding) and preceding[0].lower() in _PREPOSITIONS
            named[_key(name[-1])] = named.get(_key(name[-1]), True) and not after_preposition
    return named


def _name_in(words: list[str]) -> list[str]:
    """The name among capitalised words, bare, cut at a possessive: "David Cameron's Big Society"
    -> David Cameron; a possessive that opens two or more words names the owner, not the person:
    "Armenia's Tigran Petrosian" -> Tigran Petrosian."""
    owners = [i for i, word in enumerate(words) if re.search(r"['’]s?$", word.rstrip(".,;:"))]
    if owners and owners[0] == 0 and len(words) > 2:
        return _name_in(words[1:])
    end = owners[0] + 1 if owners else len(words)
    return [bare for bare in map(_bare, words[:end]) if bare]


def _bare(word: str) -> str:
    """The word without trailing punctuation or possessive: "Rake." -> Rake, "Pickles'" -> Pickles."""
    return re.sub(r"(?:['’]s?)?[.,;:]*$", "", word)


def _key(word: str) -> str:
    return re.sub(r"^(?:al|el)-", "", word.lower())


def _lookup(name: str, people: dict[str, Speaker]) -> Speaker | None:
    """The introduced person called ``name`` (full name, or a surname only one person has)."""
    if name in people:
        return people[name]
    matches = [p for full, p in people.items() if _key(full.split()[-1]) == _key(name.split()[-1])
               and (len(name.split()) == 1 or full.endswith(name))]
    return matches[0] if len(matches) == 1 else None


_NAME_WORD = r"(?:(?:al|el|bin|ibn|abu)-)?[A-Z][\w.’'-]*"
_CAPITALISED_RUN = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}|\s+(?:"
                              + "|".join(re.escape(t) for t in sorted(_TITLES)) + r")\b)*")
_APPOSITIVE = re.compile(r",\s+((?:the|a|an)\s+[a-z][^,“”\"·]{2,120}?),")


def _introductions(sentences, masked_texts: dict[str, str]) -> dict[str, Speaker]:
    """Named people with a title before ('Iraqi Defense Minister Thabit al-Abbasi') or a role
    after ('Charles Lister, the director of ...,'), the first role given for each name (see
    ``_title_role``)."""
    people: dict[str, Speaker] = {}
    for sentence in sentences:
        masked = masked_texts[sentence.id]
        for run in _CAPITALISED_RUN.finditer(masked):
            words = run.group().split()
            split = len(words)
            while split > 0 and words[split - 1].lower() not in _TITLES:
                split -= 1
            name_words = words[split:]
            if len(name_words) < 2 or name_words[-1].lower() in _ORGANISATION_ENDS:
                continue
            appositive = _APPOSITIVE.match(masked, run.end())
            role = _title_role(words[:split]) or (appositive.group(1) if appositive else None)
            name = " ".join(name_words)
            if role and name not in people:
                people[name] = Speaker(name, SpeakerKind.PERSON, role, (sentence.id,))
    return people


def _title_role(words: list[str]) -> str | None:
    """The role the titles before a name give, without a leading article or sentence opener
    ("Yesterday"). A possessive starts the role: "Nepal India's Prime Minister" (a caption run into
    the text) gives "India's Prime Minister"; a possessive pronoun gives none: "Its UK director"
    does not say whose."""
    while words and words[0].lower() in _DETERMINERS | _SENTENCE_OPENERS:
        words = words[1:]
    if words and words[0].lower() in _POSSESSIVE_PRONOUNS:
        return None
    possessives = [i for i, word in enumerate(words) if re.search(r"['’]s$", word)]
    return " ".join(words[possessives[0]:] if possessives else words) or None
