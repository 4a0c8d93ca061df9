"""Turn a source sentence into a bullet by deleting words, never adding or changing any.

Deletions, in order, each kept only when the result is still faithful and at least
MIN_BULLET_WORDS long:

1. a leading source tag or dateline ("(CNN)", "BOSTON (CNN) --", "Scroll down for video");
2. a leading discourse word ("However,", "But", "Meanwhile,"), unless the sentence is (or may
   be) inside a quotation: it starts with or inside one, or speaks in the first person;
3. a role between commas after the name that opens the sentence, when the main verb
   follows it: "Charles Lister, the director of the ... Program, has tracked" ->
   "Charles Lister has tracked". A role stays when the verb is a speech verb (the role is why
   the claim is worth reading), and clauses ("who ...", "which ...") always stay: they carry facts;
4. a trailing attribution (", senior U.S. officials said Friday.") which becomes a short
   credit after the claim: "— Sabrina Singh" for a named speaker, "(senior U.S. officials)"
   for a described one. Only nothing, or a short time/place/medium phrase ("on Friday",
   "in a statement", "told reporters"), may follow the speech verb; a claim there ("said
   Clarke now faces ...") keeps the sentence whole, and so does a kept part that is no
   statement of its own ("After the verdict, ..."). A pronoun speaker ("she said") cannot
   stand alone as a credit, so it stays as written and only the phrase after its verb goes;
5. a note pointing at a picture the deck does not show, anywhere: "(pictured)", "(pictured
   this week)", "(left)", "(file photo)" ("Clarkson (pictured this week) said ..." ->
   "Clarkson said ...").

Only the first letter's case and punctuation change; words inside quotation marks are never
deleted. ``is_faithful`` checks the result, so a rule that would break it leaves the sentence
as it was. When in doubt, a rule keeps the words.
"""

from __future__ import annotations

import re

from .calendar_names import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, any_of, lower_case
from .captions import PICTURE_NOTE

MIN_BULLET_WORDS = 5

_SOURCE_TAG = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*,?\s+){0,4}\((?:CNN|AP|Reuters|AFP|EW\.com|[A-Z][\w.&' ]{1,40})\)"
    r"(?:\s*(?:--|—|–)\s*|(?=[A-Z“\"‘']))"
    r"|^Scroll down for (?:video|more)\s+)")
_DISCOURSE = re.compile(  # "In addition" only with its comma: "In addition to the fee, ..." is no opener
    r"^(?:(?:However|But|And|Meanwhile|Also|Still|Yet|Moreover|Furthermore|Additionally|"
    r"Separately|Instead|Indeed|Nevertheless|Nonetheless|Meantime|Now)\b,?|In addition,)\s+(?=\S)")
# First-person words outside quotation marks: the sentence probably continues a quotation
# opened in an earlier sentence ("But Conservatives know the society we build ...").
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|us|[Oo]urs?|[Mm]y|me)\b")

# Words that make a phrase a clause (or not a speaker/description): auxiliaries, pronouns,
# conjunctions and relative words. Checked with a trailing "'s" removed ("it's" -> "it").
_CLAUSE_WORDS = frozenset(
    "is are was were be been being has have had will would can could should shall may might must "
    "do does did he she they it we i you there this that these those who whom whose which what "
    "when where if because but as though although while since after before until so according".split())
_NAME_PARTICLE = re.compile(r"^(?:al-|el-|bin$|de$|van$|von$|da$)")
_TOKEN = re.compile(r"[\w’'.%$€£-]+")
_TOKEN_EDGES = ".-'’"

# --- descriptions after the opening name -------------------------------------------------
_DESCRIPTION = re.compile(
    r"^(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*),\s+"
    r"(?P<description>(?:the|a|an|[A-Z][\w.-]*['’]s)\s+[^,;:“”\"()]{3,90}?),\s+"
    r"(?P<verb>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?)")
# Capitalised openers that are not names ("Today, a car bomb killed ...").
_NOT_A_NAME = lower_case(
    "today yesterday tonight now then here there later earlier meanwhile last this next the in on at "
    "by for with after before when while if as but and so yet however".split(), WEEKDAYS, MONTHS)
_VERB_START = re.compile(
    r"^(?:(?:also|now|then|still|later|recently|previously|reportedly|allegedly|once|never|has|have|had|"
    r"is|was|are|were|will|would|can|could|may|might|must|should|did|does)\b|"
    r"(?:told|took|made|won|lost|led|became|began|gave|got|went|came|saw|found|left|kept|held|met|paid|"
    r"put|ran|sent|set|spent|stood|thought|wrote|knew|felt|fell|fought|brought|bought|built|caught|"
    r"chose|drew|drove|flew|grew|heard|hit|hid|let|meant|rode|rose|sang|sat|shot|sold|spoke|stole|"
    r"struck|swore|taught|threw|wore)\b|[a-z]+(?:ed|s)\b)")

# --- trailing attribution ----------------------------------------------------------------
_SPEECH = (r"said|says|told|tells|added|adds|noted|warned|stressed|explained|wrote|writes|stated|"
           r"insisted|argued|announced|confirmed|reported|reports|claimed|admitted|revealed")
_SPEECH_WORD = re.compile(rf"\b(?:{_SPEECH})\b")
_WHO = r"[^,“”\"()]{2,80}?"
# A short proper noun phrase: "CNN", "Fox 8", "the Los Angeles Times", "CNN's Jake Tapper".
_NP = r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|\d{1,4}|of|and|&)){0,5}"
_MONTH = rf"(?:{any_of(MONTHS)}|{any_of(MONTH_ABBREVIATIONS)}\.)"
_PERIOD = r"(?:morning|afternoon|evening|night|day|week|weekend|month|year|summer|spring|autumn|fall|winter)"
_MEDIUM = (r"(?:statement|interview|message|post|tweet|email|e-mail|letter|release|conference|briefing|video|"
           r"speech|report|filing|blog|column|op-ed|book|memoir|podcast|broadcast|appearance)")
_EVENT = (r"(?:conference|briefing|hearing|meeting|rally|event|summit|ceremony|vigil|trial|forum|session|"
          r"launch|gathering|debate)")
# One time, place or medium phrase that may follow a speech verb and carries no claim.
_CIRCUMSTANCE = (
    r"(?:today|yesterday|tonight|earlier|later|recently|previously|overnight"
    r"|" + any_of(WEEKDAYS) + r"(?:\s+" + _PERIOD + r")?"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|(?:(?:earlier|later)\s+)?(?:this|last|that)\s+(?:[A-Z][a-z]+day|" + _PERIOD + r")"
    r"|later\s+in\s+the\s+day|(?:at|over)\s+the\s+weekend|in\s+recent\s+(?:days|weeks|months)"
    r"|(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+\d{4})?"
    r"|(?:on|in|at|from|late|early)\s+" + _NP +
    r"|in\s+(?:a|an|the|his|her|its|their)\s+(?:[a-z-]+\s+){0,2}" + _MEDIUM +
    r"(?:\s+(?:to|with|on|for|from)\s+" + _NP + r")?"
    r"|at\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}" + _EVENT +
    r"|in\s+response\s+to\s+(?:a|an|the)\s+(?:[A-Z]\w*\s+)?question(?:\s+from\s+" + _NP + r")?"
    r"|(?:in|outside)\s+court(?:\s+(?:documents|papers|filings))?"
    r"|on\s+(?:the\s+)?condition\s+of\s+anonymity"
    r"|on\s+(?:social\s+media|television|TV|radio|air))")
# Whom "told"/"briefing" may have as object.
_LISTENER = (
    r"(?:" + _NP + r"|reporters|journalists|me|us|him|her|them|supporters|lawmakers|MPs"
    r"|(?:local|state)\s+(?:media|reporters|news|television|TV|radio)"
    r"|(?:the|a|an)\s+(?:[a-z-]+\s+)?(?:press|magazine|site|website|newspaper|paper|station|network|outlet|"
    r"broadcaster|agency|court|jury|committee|hearing|panel|audience|crowd|inquiry|tribunal|programme|"
    r"program|show|reporter|journalist|interviewer))")
_CIRCUMSTANCES = rf"(?:,?\s+{_CIRCUMSTANCE})*"
_PARTICIPLE = (rf"(?:speaking|briefing|writing|testifying|appearing)(?:\s+(?:to\s+)?{_LISTENER})?"
               rf"{_CIRCUMSTANCES}")
_AFTER_VERB = rf"{_CIRCUMSTANCES}(?:,\s+{_PARTICIPLE})?\.$"
_BEFORE = r"[,”\"]['’]?\s+"
_TRAILING_ATTRIBUTION = (
    # '..., X said Friday.'  '..., his daughter, Claudette King, told the Los Angeles Times.'
    re.compile(rf"{_BEFORE}(?P<who>{_WHO}(?:,\s+{_WHO},)?)\s+(?:has\s+|have\s+)?"
               rf"(?:(?P<told>told|tells)\s+{_LISTENER}|(?P<said>{_SPEECH}))\b{_AFTER_VERB}"),
    # '..., said a senior U.S. defense official.'  '..., said Judith Enck, an EPA regional administrator.'
    re.compile(rf"{_BEFORE}(?P<said>said|says|added|wrote)\s+(?P<who>{_WHO})"
               rf"(?:,\s+(?:{_PARTICIPLE}|(?P<role>(?:the|a|an|[A-Z][\w.-]*['’]s)\s+[^,“”\"()]{{1,60}})))?\.$"),
    # '..., according to the Journal of Industrial Medicine.'
    re.compile(rf",\s+(?P<said>according to)\s+(?P<who>{_WHO})\.$"),
)
_DETERMINER = frozenset("a an the his her its their one another".split())
_PRONOUN = frozenset("he she they it we i you".split())
# A kept part that opens with one of these is a fronted adverbial or subordinate clause,
# and is no statement unless a clause follows its comma ("After the verdict, ...").
_FRONTED = re.compile(
    r"^(?:After|Although|Amid|Amidst|As|At|Because|Before|By|Despite|During|Following|For|From|Given|"
    r"Having|If|In|Once|On|Since|Speaking|Though|Throughout|Under|Unlike|Until|Upon|When|Whenever|"
    r"Whereas|While|Whilst|With|Without)\b")


def bullet_text(sentence: str) -> str:
    """The shortest faithful bullet these rules give for ``sentence``; a sentence no rule
    shortens comes back stripped but otherwise whole."""
    text = sentence.strip()
    for rule in (_drop_source_tag, _drop_discourse, _drop_descriptions, _credit_attribution, _drop_picture_notes):
        candidate = rule(text)
        if candidate != text and is_faithful(candidate, sentence) and len(candidate.split()) >= MIN_BULLET_WORDS:
            text = candidate
    return _balance_quotation(sentence.strip(), text)


_CLOSING = {"“": "”", "‘": "’", '"': '"', "'": "'"}
_OPENING = {"”": "“", "’": "‘", '"': '"', "'": "'"}


def _balance_quotation(sentence: str, bullet: str) -> str:
    """The bullet with the quote marks its sentence lacks because a quotation runs on from or
    into the next sentence: closed after "said: 'I think the judges are out of touch." (-> "...
    out of touch.'"), opened before "A child, playing,' he said." Only marks are added, never words."""
    spans = _quoted_spans(sentence)
    if not spans:
        return bullet
    start, end = spans[-1]
    if end == len(sentence) and start > 0 and sentence[start - 1] in _CLOSING:
        bullet += _CLOSING[sentence[start - 1]]
    start, end = spans[0]
    if start == 0 and end < len(sentence) and sentence[end] in _OPENING and bullet[:1] not in _CLOSING:
        bullet = _OPENING[sentence[end]] + bullet
    return bullet


def _drop_source_tag(text: str) -> str:
    stripped = _SOURCE_TAG.sub("", text, count=1)
    return text if stripped == text else _capitalise_first(stripped)


def _drop_discourse(text: str) -> str:
    """'But they had overlooked ...' -> 'They had overlooked ...'. The word stays when it may be
    inside a quotation: the sentence starts inside one ('But people need to get over it,"
    Smith said.') or speaks in the first person outside quotation marks (a quotation carried on
    from an earlier sentence: 'But Conservatives know the society we build ...')."""
    match = _DISCOURSE.match(text)
    if not match or not _deletable(text, 0, match.end()) or _FIRST_PERSON.search(_unquoted(text)):
        return text
    return _capitalise_first(text[match.end():])


def _drop_picture_notes(text: str) -> str:
    """'Clarkson (pictured this week) said ...' -> 'Clarkson said ...' (never inside a quotation)."""
    for match in reversed(list(PICTURE_NOTE.finditer(text))):
        start = len(text[:match.start()].rstrip())
        if start and _deletable(text, start, match.end()):
            text = text[:start] + text[match.end():]
    return text


def _drop_descriptions(text: str) -> str:
    """'Charles Lister, the director of ..., has tracked' -> 'Charles Lister has tracked'.

    Only a role (a noun phrase opening with "the", "a", "an" or a possessive, with no verb,
    clause word or "-ed" word) between the commas after a name that opens the sentence goes, and
    only when a verb follows it, so the bullet keeps its subject and main verb. The role stays
    before a speech verb ('Elias Rodriguez, an EPA spokesman, said ...'): it is the only place
    the speaker's standing is given. Ages (', 27,') stay, and relative clauses ('Neil Moore, who
    was based at ...,') always stay: they carry facts."""
    match = _DESCRIPTION.match(text)
    if not match or match.group("name").split()[0].lower() in _NOT_A_NAME:
        return text
    description, verb = match.group("description"), match.group("verb")
    if _has_clause_word(description) or _has_ed_word(description) or _SPEECH_WORD.search(verb):
        return text
    if not _VERB_START.match(verb) or not _deletable(text, match.end("name"), match.start("verb")):
        return text
    return f"{match.group('name')} {text[match.start('verb'):]}"


def _credit_attribution(text: str) -> str:
    """'“Quote,” Singh told reporters Friday.' -> '“Quote” — Singh';
    '..., she said in response to a question.' -> '..., she said.'.

    The sentence stays whole when the attribution is not one: its "speaker" holds a clause word
    ('there have been no reported deaths', 'it's been reported'), a "said X" speaker is no noun
    phrase ('said many parts of the world banned ...'), the kept part is a fronted phrase only
    ('After the verdict, Callan said ...' would leave 'After the verdict') or ends in a bare name
    whose appositive was taken for the speaker ('..., Dr. Christopher Kuhar, the zoo's executive
    director told Fox 8.'), or a quoted word would go."""
    for pattern in _TRAILING_ATTRIBUTION:
        match = pattern.search(text)
        if not match or match.start() == 0:
            continue
        verb = "told" if match.groupdict().get("told") else "said"
        who, role = match.group("who").strip(" ,"), match.groupdict().get("role")
        speaker_first = match.start("who") < match.start(verb)
        strict = not speaker_first and match.group(verb) != "according to"
        if not _is_speaker(who, speaker_first, strict) or (role and not _is_description(role)):
            continue  # no speaker: ', according to reports.' is no "according to" who "reports"
        if who.lower() in _PRONOUN:
            if verb == "told" or not _deletable(text, match.end(verb), len(text)):
                return text
            return text[: match.end(verb)] + "."
        kept = text[: min(match.start("who"), match.start(verb))].rstrip()
        claim = re.sub(r"[,;:]([”\"'’]?)$", r"\1", kept)
        if _is_fragment(claim, who) or not _deletable(text, len(kept), len(text)):
            return text
        return f"{claim} {_credit(who, role)}"
    return text


def _credit(who: str, role: str | None) -> str:
    """'— Singh' for a name ('Pentagon Deputy Press Secretary Sabrina Singh' -> '— Sabrina Singh',
    but an organisation such as "People's Daily Online" stays whole); '(senior U.S. officials)'
    for a description; a role given after the name stays with it."""
    names = who.split()
    if all(map(_is_name_word, names)):
        possessive = any(re.search(r"['’]s$", word) for word in names)
        name = who if possessive else " ".join(names[-2:])
        return f"— {name}, {role}" if role else f"— {name}"
    return f"({who}, {role})" if role else f"({who})"


def _is_speaker(who: str, speaker_first: bool, strict: bool) -> bool:
    """True for a noun phrase of at most eight words with no clause word, "and" or "or"; a lone
    pronoun before its verb ('she said') counts. With ``strict`` (a speaker after "said":
    'said a senior official') it must also open with a determiner or a capital, or end in a
    name, and hold no '-ed' word ('said many parts of the world banned the chemical')."""
    words = who.split()
    lone_pronoun = len(words) == 1 and speaker_first
    if len(words) > 8 or _has_clause_word(who, allow_pronoun=lone_pronoun) or {"and", "or"} & set(words):
        return False
    if not strict:
        return True
    shaped = words[0].lower() in _DETERMINER or words[0][0].isupper() or words[-1][0].isupper()
    return shaped and not _has_ed_word(who)


def _is_description(phrase: str) -> bool:
    """True for a role such as 'an EPA regional administrator': no clause word, no '-ed' word."""
    return not _has_clause_word(phrase) and not _has_ed_word(phrase)


def _is_fragment(claim: str, who: str) -> bool:
    """True when the part kept before a credit is no statement of its own: a fronted adverbial or
    subordinate clause with no clause after its comma ('After the verdict', 'Following ... on
    30 December, 2006'), or a text ending in a bare name when the "speaker" is that name's
    appositive ('..., Dr. Christopher Kuhar' + 'the zoo's executive director'). A quotation is
    what the speaker said, so it is never a fragment."""
    if claim[:1] in "“\"‘'":
        return False
    if _FRONTED.match(claim):
        rests = [rest.split() for rest in claim.split(",")[1:]]
        if not any(len(rest) >= 2 and not rest[0][0].isdigit() for rest in rests):
            return True
    last = re.split(r"[,“”\"‘’']\s", claim)[-1].strip(" “”\"‘’'")
    bare_name = 1 <= len(last.split()) <= 4 and all(map(_is_name_word, last.split()))
    appositive = who.split()[0].lower() in _DETERMINER or re.match(r"^[A-Z][\w.-]*['’]s$", who.split()[0])
    return bool(last != claim and bare_name and appositive)


def _is_name_word(word: str) -> bool:
    """'Singh', 'Åsberg', 'al-Douri', 'bin', 'U.S.': a capitalised word or a name particle."""
    rest = _NAME_PARTICLE.sub("", word)
    return not rest or rest[0].isupper()


def _has_clause_word(phrase: str, allow_pronoun: bool = False) -> bool:
    """True when ``phrase`` holds a word of _CLAUSE_WORDS ("it's" counts as "it"); with
    ``allow_pronoun`` a personal pronoun does not count."""
    words = {re.sub(r"['’]s$", "", w).lower() for w in re.findall(r"[\w’'-]+", phrase)}
    return bool(words & (_CLAUSE_WORDS - _PRONOUN if allow_pronoun else _CLAUSE_WORDS))


def _has_ed_word(phrase: str) -> bool:
    """True when a lower-case word of five letters or more ends in "ed" (probably a verb)."""
    return any(len(w) >= 5 and w.endswith("ed") for w in re.findall(r"\b[a-z][a-z-]*\b", phrase))


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


def _deletable(text: str, start: int, end: int) -> bool:
    """True when no word character in ``text[start:end]`` is inside quotation marks."""
    return not any(re.search(r"\w", text[max(start, s):min(end, e)]) for s, e in _quoted_spans(text)
                   if max(start, s) < min(end, e))


def _unquoted(text: str) -> str:
    """``text`` with its quoted stretches blanked out."""
    for start, end in _quoted_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _capitalise_first(text: str) -> str:
    return text[:1].upper() + text[1:]


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


def is_faithful(bullet: str, quote: str) -> bool:
    """True when the bullet has words and they are an in-order subsequence of the quote's
    words (case-insensitive), so the bullet says nothing the quote does not."""
    remaining = iter(tokens(quote))
    words = tokens(bullet)
    return bool(words) and all(word in remaining for word in words)
