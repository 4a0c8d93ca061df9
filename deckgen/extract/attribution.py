"""Who says what: the speaker each sentence attributes its words to.

Shared by quotes, figures and perspectives. Rules, tried in the order the verbs occur:

- ``X said`` / ``X told`` / ``X, the director of ..., has tracked``: the words just before a
  speech verb, or the sentence's opening subject when an appositive sits between;
- ``..., said X`` / ``according to X``: the words after a verb that follows a quote or comma;
- ``he``/``she`` resolve to the last named person quoted in the 3 sentences before, ``they``/``it``
  to the last group or organisation; otherwise the speaker stays unknown (None).

A sentence that opens with a quote and names nobody continues the quote of the sentence
before it in the same paragraph. Names resolve within one document only: "Singh" becomes
"Sabrina Singh", with the role given where the document introduces her, when exactly one
introduced person has that surname. Words inside quote marks are never read as attribution.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from enum import Enum

from ..model import Document, Sentence

PRONOUN_REACH = 3  # sentences back a pronoun may look for its speaker

# Verbs after which the speaker vouches for what follows (figures trust only these).
STATING_VERBS = frozenset(
    "said says say told tells added adds noted notes stressed stresses explained wrote writes stated "
    "insisted argued announced confirmed reported claimed estimated estimates put puts tracked counted "
    "found warned warns emphasized acknowledged predicted".split())
# Verbs that attribute a stance rather than a statement of fact.
STANCE_VERBS = frozenset("called calls rejected rejects denied denies refused declined expressed "
                         "dismissed criticized praised welcomed".split())
_VERB = re.compile(r"\b(?:according to|" + "|".join(sorted(STATING_VERBS | STANCE_VERBS)) + r")\b")
_SKIPPED_BEFORE_VERB = {"has", "have", "had", "also", "later", "previously", "then", "again", "repeatedly",
                        "publicly", "recently", "separately"}
_INVERTING = {"said", "says", "added", "adds", "wrote", "told", "according to"}

_DETERMINERS = {"the", "a", "an", "some", "other", "several", "many", "most", "two", "three", "another"}
_HEADS = {"official", "officials", "spokesperson", "spokesman", "spokeswoman", "analyst", "analysts", "expert",
          "experts", "report", "reports", "source", "sources", "diplomat", "diplomats", "officer", "officers",
          "commander", "commanders", "researcher", "researchers", "lawmaker", "lawmakers", "minister",
          "ministry", "secretary", "statement", "government", "agency", "study", "survey", "monitor", "monitors",
          "observers", "witnesses", "residents", "police", "military", "army", "intelligence"}
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
_SENTENCE_OPENERS = {"meanwhile", "however", "but", "and", "also", "in", "on", "at", "later", "then", "still",
                     "yet", "so", "now", "separately", "earlier"}
PRONOUNS = {"he", "she", "they", "it"}
_CAPITALISED = re.compile(r"^(?:(?:al|el|bin|ibn|abu|de|van|von|da)-?)?[A-Z][\w.’'-]*$")
_STATEMENTS_FROM = re.compile(
    r"^(?:(?:some|several|recent|public|official)\s+)*(?:statements?|comments?|remarks?)\s+(?:from|by)\s+(.+)$", re.I)
_QUOTE_PAIRS = re.compile(r"“[^“”]*”|\"[^\"]*\"")


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
        """"Sabrina Singh, Deputy Pentagon press secretary"; the bare name when there is no role."""
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass(frozen=True)
class Attribution:
    """The speaker of one sentence; ``speaker`` is None for a pronoun nothing resolves.

    ``sentence_id`` is the sentence that carries the attribution: the sentence before, for
    a quote that continues. ``words`` are the speaker's words there ("she", "Singh").
    """

    speaker: Speaker | None
    words: str
    verb: str
    sentence_id: str

    @property
    def stating(self) -> bool:
        return self.verb in STATING_VERBS or self.verb == "according to"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, quote marks excluded: curly pairs and straight pairs,
    never nested; an opening mark with no closing one is ignored."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTE_PAIRS.finditer(text)]


@lru_cache(maxsize=16)
def attribute(document: Document) -> dict[str, Attribution]:
    """The attribution of every sentence that has one, keyed by sentence id. Cached per
    document (extraction and the planner's speaker credits both ask); do not mutate it."""
    people = _introductions(document.sentences)
    found: dict[str, Attribution] = {}
    for position, sentence in enumerate(document.sentences):
        masked = _mask_quotes(sentence.text)
        attribution = next(_candidates(masked, sentence, people), None)
        if attribution and attribution.words.lower() in PRONOUNS:
            earlier = document.sentences[max(0, position - PRONOUN_REACH):position]
            speaker = _antecedent(attribution.words.lower(), earlier, found)
            attribution = Attribution(speaker, attribution.words, attribution.verb, sentence.id)
        if attribution is None and position and masked.lstrip().startswith(("“", '"')):
            before = document.sentences[position - 1]
            if before.paragraph == sentence.paragraph and before.id in found:
                attribution = found[before.id]
        if attribution:
            found[sentence.id] = attribution
    return found


def _mask_quotes(text: str) -> str:
    """The text with every character inside quote marks replaced by '·' (offsets kept)."""
    chars = list(text)
    for start, end in quote_spans(text):
        chars[start:end] = ["·" if c != " " else " " for c in text[start:end]]
    return "".join(chars)


def _candidates(masked: str, sentence: Sentence, people: dict[str, Speaker]) -> Iterator[Attribution]:
    for verb in _VERB.finditer(masked):
        before = _strip_skipped(masked[: verb.start()])
        phrase = _words_before(before)
        if phrase is None and before.endswith(","):
            phrase = _opening_subject(masked)
        if phrase is None and (verb.group() == "according to"
                               or verb.group() in _INVERTING and before.endswith((",", "”", '"'))):
            phrase = _words_after(masked[verb.end():])
        if phrase is None:
            continue
        words = phrase.partition("|")[0]
        if words.lower() in PRONOUNS:
            yield Attribution(None, words, verb.group(), sentence.id)
            continue
        speaker = _speaker(phrase, sentence, people)
        if speaker is not None:
            yield Attribution(speaker, words, verb.group(), sentence.id)


def _strip_skipped(text: str) -> str:
    """``text`` without the auxiliaries and adverbs that may sit before a verb ('has also')."""
    words = text.split()
    while words and words[-1].lower() in _SKIPPED_BEFORE_VERB:
        words.pop()
    return " ".join(words)


def _speakerish(word: str) -> bool:
    lower = word.lower()
    return bool(_CAPITALISED.match(word)) or lower in _MODIFIERS | _HEADS | _TITLES | _DETERMINERS | PRONOUNS


def _words_before(text: str) -> str | None:
    """The speaker-like words that end ``text`` ("... senior U.S. officials"), or None."""
    taken: list[str] = []
    for word in reversed(text.split()):
        if not _speakerish(word) or word[-1] in ",;:”\"’·" or word[0] in "“\"·":
            break
        taken.insert(0, word)
        if word.lower() in _DETERMINERS | PRONOUNS:
            break
    while taken and (taken[0].lower() in _SENTENCE_OPENERS or taken[0] == "and"):
        taken.pop(0)
    return " ".join(taken) or None


def _words_after(text: str) -> str | None:
    """The speaker-like words that open ``text`` ("a senior U.S. defense official, emphasizing ...")."""
    raw = text.split()
    taken: list[str] = []
    for position, word in enumerate(raw):
        last = word[-1] in ",;:" or position == len(raw) - 1
        word = word.rstrip(",;:")
        if position == len(raw) - 1 and word.endswith("."):
            word = word[:-1]
        if not _speakerish(word):
            break
        taken.append(word)
        if last:
            break
    return " ".join(taken) or None


def _opening_subject(masked: str) -> str | None:
    """'Charles Lister, the director of ..., has tracked': the subject, with an appositive after a
    comma ('Lister|the director of ...'); an 'including ...' appositive stays part of the name."""
    parts = [part.strip() for part in masked.split(",")]
    if len(parts) < 3 or len(parts[0].split()) > 8:
        return None
    if parts[1].startswith("including "):
        return f"{parts[0]}, {parts[1]}"
    return f"{parts[0]}|{parts[1]}"


def _speaker(phrase: str, sentence: Sentence, people: dict[str, Speaker]) -> Speaker | None:
    """The speaker a phrase names ('Lister|the director of ...' carries an appositive), or None."""
    phrase, _, appositive = phrase.partition("|")
    inner = _STATEMENTS_FROM.match(phrase)
    phrase = inner.group(1) if inner else phrase
    words = phrase.split(", including ")[0].split()
    if not words or not all(_speakerish(w) for w in words) or words[-1].lower() in _MODIFIERS - _HEADS:
        return None
    if words[-1].lower() in _HEADS:
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


def _role_from(appositive: str) -> str | None:
    return appositive if re.match(r"(?:the|a|an)\s+[a-z]", appositive) and "·" not in appositive else None


def _antecedent(pronoun: str, earlier: list[Sentence], found: dict[str, Attribution]) -> Speaker | None:
    """The speaker of the latest earlier attribution, if it fits the pronoun (he/she: a person)."""
    for sentence in reversed(earlier):
        attribution = found.get(sentence.id)
        if attribution and attribution.speaker:
            is_person = attribution.speaker.kind is SpeakerKind.PERSON
            return attribution.speaker if is_person == (pronoun in ("he", "she")) else None
    return None


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


def _introductions(sentences) -> dict[str, Speaker]:
    """Named people with a title before ('Iraqi Defense Minister Thabit al-Abbasi') or a role
    after ('Charles Lister, the director of ...,'), the first role given for each name."""
    people: dict[str, Speaker] = {}
    for sentence in sentences:
        masked = _mask_quotes(sentence.text)
        for run in _CAPITALISED_RUN.finditer(masked):
            words = run.group().split()
            split = len(words)
            while split > 0 and words[split - 1].lower() not in _TITLES:
                split -= 1
            name_words, role_words = words[split:], words[:split]
            if role_words and role_words[0].lower() in _DETERMINERS:
                role_words = role_words[1:]
            if len(name_words) < 2 or name_words[-1].lower() in _ORGANISATION_ENDS:
                continue
            appositive = _APPOSITIVE.match(masked, run.end())
            role = " ".join(role_words) or (appositive.group(1) if appositive else None)
            name = " ".join(name_words)
            if role and name not in people:
                people[name] = Speaker(name, SpeakerKind.PERSON, role, (sentence.id,))
    return people
