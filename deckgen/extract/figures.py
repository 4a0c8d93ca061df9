"""By the numbers: figures written in digits (or as "one-third of ..."), what they count and who states them.

A figure keeps the words of the text: ``number`` is "about 2,500" or "between 1,500 and 3,000"
as written, ``counts`` the noun phrase after it ("U.S. forces in Iraq", "tons of water"; for money
also "in aid") or, for "put the number of X at 2,500", the X. Both occur verbatim in the sentence.
``counts`` always ends in a noun: a number followed by a fragment ("71 per cent between", "20,000
foreign.", "25,000 today") is dropped. Nouns are told from other words without a dictionary: stop
words, frequent verbs, adverbs in -ly, contractions, adjective and participle endings and a few bare
modifiers ("foreign", "more") cannot end a phrase; a plural ends it unless it and the next word
make one noun ("grands prix", "Leeds fans"). A phrase whose second lowercase word a name follows
is not read ("the population practise Islam": a verb, or a title, may end it).
A figure in a quotation is credited to the quote's speaker, or left out when none is read.
A figure restated (same value and unit; the same counted words or, from another sentence, the same
head noun with one's words within the other's or the same sum of money; no other speaker) is kept
once. ``low``/``high`` are parsed from the number (scale words multiply: "5 million" is 5e6); a
qualifier ("about", "more than") is kept beside them, never applied to them.

Skipped: years (four digits without a comma from 1800 to 2100, with no unit; AP style writes
counts of a thousand or more with a comma), days of a month ("Sept. 27", "27 September"),
clock times, ordinals ("3rd"), labels ("Article 5"), compounds ("30-day"), scores ("3-0", "3-3 draw"), durations that
date something ("10 years ago", "for two years"), and numbers whose counted thing cannot be
found. Left out because the figure alone would misstate the claim: a share, sum or plural count
after an article and a word that picks a part of a whole or adds to it ("the wealthiest 1 per
cent", "the first 10 minutes", "a further 500 troops"), the second number of a ratio ("one out
of 40 users"), a number that names one thing ("a size 24 dress") or is part of a name ("the film
50 First Dates"), and the figures of a sentence that opens with "If" (a hypothetical).
Spelled-out counts ("two years", "dozens") are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..calendar_names import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, any_of
from ..model import Document, Sentence
from .attribution import Attribution, Speaker, quote_spans

_QUALIFIER = (r"about|around|approximately|roughly|nearly|almost|more than|over|less than|fewer than|under|"
              r"at least|at most|up to|some|an estimated|as many as|close to")
_VALUE = (r"[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?"
          r"(?:\s?%|\s+percent|\s+per cent)?")
_FRACTION = r"(?:one|two|three)-(?:half|thirds?|quarters?|fifths?)"
_FIGURE = re.compile(
    rf"(?<![\w.,$€£-])(?:(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"(?:(?P<between>between)\s+(?P<low>{_VALUE})\s+and\s+(?P<high>{_VALUE})"
    rf"|(?P<from>{_VALUE})\s*(?:to|-|–)\s*(?P<to>{_VALUE})"
    rf"|(?P<value>{_VALUE})|(?P<fraction>{_FRACTION})(?=\s+of\s))"
    r"(?![\w:]|[-–][A-Za-z]|\s+[ap]\.m\.)", re.I)
_MONTH = rf"{any_of(MONTH_ABBREVIATIONS)}\.?|{any_of(MONTHS)}"
_NAMES_OF_DAYS = rf"(?:{_MONTH}|{any_of(WEEKDAYS)}|Today|Tonight)\b"
_PLACE = rf"(?:the\s+)?(?!{_NAMES_OF_DAYS})[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
_PLACES = rf"{_PLACE}(?:\s+and\s+{_PLACE})*"
_OF_WHOLE = re.compile(rf"\s+(?P<np>of\s+{_PLACES})")
_OF = re.compile(r"\s+of(?:\s+(?:the|its|his|her|their|a|an))?(?=\s)")
_WHERE = re.compile(rf"\s+(?:in|across|inside|outside|on|at|from|throughout|near)\s+{_PLACES}")
_WHEN = re.compile(r"\s+(?:so far\s+)?(?:this|last)\s+(?:year|month|week)\b")
_MONEY_FOR = re.compile(r"\s+(?:in|of|for)(?=\s)")
_NUMBER_OF = re.compile(r"\bnumber of (?P<np>[^,;“”\"]+?)\s+"
                        r"(?:at|to|as|was|is|stood at|reached|totaled|totals)\s+$")
# Left out: a share, sum or plural count after an article and a word that picks a part or adds to
# a whole ("the wealthiest 1 per cent", "the first 10 minutes", "a further 500 troops"), and the
# second number of a ratio ("one out of 40 users", "1 in 5 people").
_PART_OF = re.compile(r"(?:^|\s)(?:a|an|the|his|her|its|their|our|your|my)\s+(?:[a-z]{2,}est|most|least|first|last|"
                      r"next|final|top|bottom|further|additional|extra|remaining|other)\s+$", re.I)
_RATIO = re.compile(r"(?:^|\s)(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+of|in)\s+$",
                    re.I)
_QUOTATION_AFTER = re.compile(r"\s*[:,]?\s*[“\"‘']")  # "said: 'We ...", "said, “..."
_HYPOTHETICAL = re.compile(r"\W*(?:(?:but|and|even)\s+)?if\b", re.I)  # "If just half of them took this up ..."
_CURRENCIES = ("$", "€", "£")
_TOKEN = re.compile(r"\s+(?P<word>[A-Za-z](?:[\w’'-]|\.(?=\w))*\.?)")
_MAX_PHRASE_WORDS = 4
_MAX_OF_PHRASE_WORDS = 3  # "of her Twitter fan base", not "of her Twitter fan base consists"
# Words that end a noun phrase before they are read: prepositions, determiners, pronouns, conjunctions,
# auxiliaries, frequent verbs of news reports and adverbs ("25,000 today").
_STOP_WORDS = set("""a an about above across after against ago ahead alone along already also although among and any apiece
are around as at be because been before behind being below beneath beside between beyond both but by came can come
could did die died do does down during each either even every fell fled for from get got grew had has have he her
here him his how however i if in including inside instead into is it its just left less like made make may me might
must near nor not now of off on once only onto or our out outside over per rose said say says shall she should since
so some still struck than told gave given put set saw seen found paid sold bought built held kept met sent spent
brought thought taken known shown someone anyone everyone something anything nothing nobody
that the their them then there these they this those though through to today together
tomorrow tonight too took toward towards under until up upon us very via was we went were what when where whether which
while who whom whose why will with within without would yesterday yet you your times percent""".split())
# Words that modify a noun but never end a noun phrase ("20,000 foreign ..." is a fragment).
_MODIFIERS = set("""additional big current different extra few first foreign former further high large last local low
main major many minor more most new next old other own previous recent same second separate several small such third
top total various""".split())
_CONTRACTION = re.compile(r"[’'](?:ll|re|ve|d|m|t)$|^(?:he|she|it|that|there|what|who)[’']s$", re.I)
_ADJECTIVE_END = re.compile(r"(?:al|ic|ous|ive|ful|ary|ern|ed|ing|ly)$")
_DEMONYM_END = re.compile(r"(?:an|ese|ish|i|ch)$")  # "Syrian", "Chinese", "British", "Iraqi", "French"
_IRREGULAR_PLURALS = {"people", "men", "women", "children", "police", "personnel", "staff", "cattle", "feet", "teeth",
                      "prix"}
_TIME_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "decade",
               "decades", "minute", "minutes"}
_DATING_AFTER = re.compile(r"\s+(?:ago|after|before|later|earlier|from now|old)\b")
_DATING_BEFORE = {"for", "within", "in", "after", "over", "past", "next", "last"}
_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3}


@dataclass(frozen=True)
class Figure:
    """One numeric fact. ``unit`` is "%", a currency sign, "fraction" or None (a plain count)."""

    number: str
    counts: str
    stated_by: Speaker | None
    low: float
    high: float
    unit: str | None
    qualifier: str | None
    sentence_ids: tuple[str, ...]


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


def find_figures(document: Document, attributions: dict[str, Attribution]) -> list[Figure]:
    """The document's figures in order; the speaker is the sentence's, when its verb states ('said',
    'estimated', 'tracked') rather than takes a stance ('declined', 'rejected'), and does not
    introduce a quotation ("... returned 56 minutes late. Richard Lloyd said: '...'" run together:
    the words before "said:" are not Lloyd's). A figure inside a quotation is the quote's speaker's,
    and is left out when no stating speaker is read for it ("We do not need up to 13 million more
    people" in a quote nobody is said to speak)."""
    figures = []
    quotes = _quotes(document, attributions)
    for sentence in document.sentences:
        if _HYPOTHETICAL.match(sentence.text):
            continue
        attribution = attributions.get(sentence.id)
        speaker = attribution.speaker if attribution and attribution.stating \
            and not _introduces_quotation(attribution, sentence) else None
        for match in _FIGURE.finditer(sentence.text):
            position = sentence.start + match.start()
            quote = next((q for q in quotes if q[0] <= position < q[1]), None)
            figure = _figure(match, sentence, quote[2] if quote else speaker)
            if figure and (figure.stated_by or not quote):
                _add_unless_restated(figures, figure)
    return figures


def _introduces_quotation(attribution: Attribution, sentence: Sentence) -> bool:
    """Whether the sentence's own speech verb is followed by the quotation it introduces."""
    if attribution.sentence_id != sentence.id:
        return False
    return bool(_QUOTATION_AFTER.match(sentence.text, attribution.verb_start + len(attribution.verb)))


def _quotes(document: Document, attributions: dict[str, Attribution]) -> list[tuple[int, int, Speaker | None]]:
    """(start, end) in the document's text of each quotation, with its speaker: the stating speaker
    of the sentence it opens in ("Lisa Nandy said: '... [two sentences on] ... 3,000 teachers.'",
    "'... 500 troops,' Smith said"), None when that sentence has none. A speaker named only where a
    quote of several sentences ends is not taken: in run-together text an apostrophe ("the '90s")
    can open a false quotation that a real one's closing mark ends."""
    quotes = []
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in document.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph in document.paragraphs:
        sentences = by_paragraph.get(paragraph.number, [])
        for start, end in quote_spans(document.text[paragraph.start:paragraph.end]):
            start, end = start + paragraph.start, end + paragraph.start
            opening = next((s for s in sentences if s.start <= start < s.end), None)
            attribution = attributions.get(opening.id) if opening else None
            quotes.append((start, end, attribution.speaker if attribution and attribution.stating else None))
    return quotes


def _add_unless_restated(figures: list[Figure], figure: Figure) -> None:
    """Append ``figure`` unless it restates an earlier one (see ``_restates``) with no conflicting
    speaker ("More than 20,000 foreign fighters", said by a report, then "over 20,000 foreign
    fighters" unattributed). The statement with a speaker is kept, in the place of the first; two
    different speakers stating one value are both kept."""
    for index, earlier in enumerate(figures):
        if _restates(earlier, figure):
            if figure.stated_by and not earlier.stated_by:
                figures[index] = figure
            return
    figures.append(figure)


def _restates(a: Figure, b: Figure) -> bool:
    """Same value and unit counting the same thing: the same words or, from another sentence (one
    sentence giving a sum twice names two things: "a £500 fine and £500 costs"), the same head with
    one's words within the other's ("up to 100 Islamic teachers" / "up to 100 teachers") or the
    same sum of money ("the £85 fine" / "the £85 charge")."""
    if (a.low, a.high, a.unit) != (b.low, b.high, b.unit):
        return False
    same_thing = a.counts.lower() == b.counts.lower() or (
        a.sentence_ids != b.sentence_ids and (a.unit in _CURRENCIES or _same_measure(a, b)))
    return same_thing and (a.stated_by is None or b.stated_by is None or _same_speaker(a.stated_by, b.stated_by))


def figure_series(figures: list[Figure]) -> list[FigureSeries]:
    """Group figures of one unit whose counted things share a head noun and whose words are
    contained one in the other ("fighters in Iraq and Syria" / "IS fighters in Iraq and Syria");
    only groups with two or more different named speakers become a series (first figure per
    speaker). An unattributed figure joins only with a value no named speaker gives: equal to one,
    it is most likely the same claim retold, not a second measurement."""
    series: list[list[Figure]] = []
    for figure in figures:
        group = next((g for g in series if _same_measure(g[0], figure)), None)
        if group is None:
            series.append([figure])
        elif not any(_same_speaker(figure.stated_by, f.stated_by) for f in group):
            group.append(figure)
    comparable = [_comparable(group) for group in series]
    return [FigureSeries(max((f.counts for f in g), key=lambda c: len(_words(c))), g[0].unit, g)
            for g in comparable if g]


def _comparable(group: list[Figure]) -> tuple[Figure, ...] | None:
    """The figures of a group worth a bar each, or None when fewer than two named speakers remain."""
    named = [f for f in group if f.stated_by]
    if not any(not _same_speaker(a.stated_by, b.stated_by) for a in named for b in named):
        return None
    return tuple(f for f in group if f.stated_by or all((f.low, f.high) != (n.low, n.high) for n in named))


def _figure(match: re.Match, sentence: Sentence, speaker: Speaker | None) -> Figure | None:
    text = sentence.text
    before, after = text[: match.start()], text[match.end():]
    if _is_date_or_label(match, before, after) or _is_score(match, after) or _RATIO.search(before):
        return None
    low, high, unit = _values(match)
    counted = _counted(after, unit)
    if counted:
        counts, head_end = counted
        head = after[:head_end].split()[-1].lower()
        previous = (before.split() or [""])[-1]
        if _PART_OF.search(before) and (unit or _is_plural(head)):
            return None  # "the first 7.8 magnitude quake" is counted: "first" picks the quake
        if _is_name(counts) or (unit is None and high > 1 and _is_label(previous, head)):
            return None
        if head in _TIME_UNITS and (_DATING_AFTER.match(after[head_end:]) or previous.lower() in _DATING_BEFORE):
            return None
    else:
        number_of = _NUMBER_OF.search(before)
        if not number_of or (_counted(" " + number_of.group("np"), None) or ("",))[0] != number_of.group("np"):
            return None  # "the number of X at 2,500" counts X only when X is a whole noun phrase
        counts = number_of.group("np")
    qualifier = (match.group("qualifier") or match.group("between") or "").lower() or None
    return Figure(match.group(), counts, speaker, low, high, unit, qualifier, (sentence.id,))


def _counted(after: str, unit: str | None) -> tuple[str, int] | None:
    """What a number counts, read from the text right after it, and where its head noun ends.

    Either a share of places ("of Iraq and Syria", not "of U.S. adults"), or a noun phrase ("foreign fighters", for a
    share "of the voters", for money "in aid") extended by "of" and a second noun phrase ("tons
    of water"), a place ("in Iraq and Syria": never "on Friday") and a time ("this year").
    None when no noun ends the phrase: "71 per cent between", "20,000 foreign.", "25,000 today".
    """
    whole = _OF_WHOLE.match(after)
    following = re.match(r"\s+([a-z][\w’'-]*)", after[whole.end():]) if whole else None
    if whole and not (following and following.group(1) not in _STOP_WORDS):  # "of U.S. adults" counts adults
        return _without_full_stop(whole.group("np")), whole.end()
    lead = _OF.match(after) or (_MONEY_FOR.match(after) if unit in _CURRENCIES else None)
    head_end = _phrase_end(after, lead.end(), _MAX_OF_PHRASE_WORDS) if lead else _phrase_end(after, 0)
    if head_end is None:
        return None
    end = head_end
    of = None if lead else _OF.match(after, end)
    if of:
        end = _phrase_end(after, of.end(), _MAX_OF_PHRASE_WORDS) or end
    for tail in (_WHERE, _WHEN):
        found = tail.match(after, end)
        end = found.end() if found else end
    return _without_full_stop(after[:end].strip()), head_end


def _is_label(previous: str, head: str) -> bool:
    """"a size 24 dress", "a rush-hour 6 train": a number between a lowercase word that is no stop
    word or modifier and a singular names one thing; "a 30 minute delay", "at 20 stone", "the first
    7.8 magnitude quake" count."""
    return (bool(re.fullmatch(r"[a-z][a-z’'-]*", previous)) and previous not in _STOP_WORDS | _MODIFIERS
            and not _is_plural(head))


def _is_name(counts: str) -> bool:
    """"First Dates" ("the film 50 First Dates"), "Mr Evans": two or more capitalised words, the
    first no adjective ("Royal Marines", "British Muslims" are counted)."""
    words = counts.split()
    return (len(words) > 1 and all(re.fullmatch(r"[A-Z][a-z’']+", w) for w in words)
            and not (_ADJECTIVE_END.search(words[0]) or _DEMONYM_END.search(words[0])))


def _without_full_stop(words: str) -> str:
    """"Syria." at a sentence's end loses its full stop; "U.S." keeps it."""
    return re.sub(r"(?<=[a-z]{2})\.$", "", words)


def _phrase_end(text: str, start: int, most: int = _MAX_PHRASE_WORDS) -> int | None:
    """Where the noun phrase opening ``text[start:]`` ends: after its last noun, within ``most`` words.

    A phrase stops before a stop word ("fighters have"), after a plural ("IS fighters", "Iraqis")
    unless a plural follows ("grands prix", "Leeds fans"), after a sentence's last word, and, once
    it has a lowercase noun, before a name, participle or adverb ("people killed", "population
    Barclays"). Trailing modifiers are left out. None when it holds no noun ("foreign", "between"),
    only names that are not a plural ("Abase Hussen", but "Americans"), or when a name follows its
    second lowercase word: that word may be a verb or a title ("the population practise Islam",
    "football commentator Alan Green"), so where the phrase ends is unknown.
    """
    position, end, has_noun = start, None, False
    for _ in range(most):
        token = _TOKEN.match(text, position)
        if not token or not _may_extend(token.group("word"), has_noun):
            break
        word = token.group("word")
        if has_noun and word[0].islower() and _next_word(text, token.end())[:1].isupper():
            return None
        position = token.end()
        last = bool(re.search(r"[a-z]{2}\.$", word))
        word = word.rstrip(".") if last else word
        if _is_noun(word) and (word[0].islower() or has_noun or _is_plural(word)):
            end, has_noun = position - last, True
        if last or _is_plural(word) and not _compound(word, _next_word(text, position)):
            break
    return end


def _compound(plural: str, following: str) -> bool:
    """Whether a plural and the word after it are one noun: an invariant plural ("grands prix") or
    a name's plural-looking word before a lowercase plural ("Leeds fans"), never a verb in -s
    ("the 2,000 pieces bears")."""
    return following in _IRREGULAR_PLURALS or (plural[0].isupper() and following[:1].islower()
                                               and _is_plural(following))


def _next_word(text: str, position: int) -> str:
    """The word after ``position``, without a full stop ("" when punctuation or the end comes first)."""
    token = _TOKEN.match(text, position)
    return token.group("word").rstrip(".") if token else ""


def _may_extend(word: str, has_noun: bool) -> bool:
    word = word.rstrip(".") if re.search(r"[a-z]{2}\.$", word) else word  # "today." ends a sentence
    if re.fullmatch(_NAMES_OF_DAYS, word) or _CONTRACTION.search(word):
        return False
    if word[0].isupper():  # "U.S.", "IS", "Leeds"; not "The" (nor any name once a lowercase noun is read)
        return not has_noun and (word.isupper() or word.lower() not in _STOP_WORDS)
    lower = word.lower()
    return lower not in _STOP_WORDS and not lower.endswith("ly") and not (has_noun and _ADJECTIVE_END.search(lower))


def _is_noun(word: str) -> bool:
    """A word that can end a noun phrase: a name (not an abbreviation such as "U.S." or "IS"),
    a plural, or a lowercase word that does not look like an adjective or participle."""
    if word[0].isupper():
        return "." not in word and not word.isupper()
    return word not in _MODIFIERS and (_is_plural(word) or not _ADJECTIVE_END.search(word))


def _is_plural(word: str) -> bool:
    """"fighters", "Iraqis", "people"; not "crisis", "bus" or "U.S."."""
    if word.lower() in _IRREGULAR_PLURALS:
        return True
    return bool(re.search(r"[a-z][^su’'\s.]s$", word)) and not (word[0].islower() and word.endswith("is"))


def _is_score(match: re.Match, after: str) -> bool:
    """"a 3-0 win", "the 3-3 draw": a hyphenated pair whose second number is the smaller, or
    that a result word follows, is a score, not a count."""
    if not match.group("from"):
        return False
    return _number(match.group("from")) > _number(match.group("to")) or bool(_RESULT.match(after))


def _is_date_or_label(match: re.Match, before: str, after: str) -> bool:
    """Years, days of a month, and numbers named by a capitalised word ("Article 5", "Sept. 27")."""
    values = [v for v in (match.group("low"), match.group("high"), match.group("from"), match.group("to"),
                          match.group("value")) if v]
    if values and not match.group("qualifier") and all(re.fullmatch(r"1[89]\d\d|20\d\d|2100", v) for v in values):
        return True
    previous = before.split()[-1:] or [""]
    if re.fullmatch(rf"(?:{_MONTH})|[A-Z][\w’'-]*", previous[0]) and before.strip() != previous[0]:
        return True
    return bool(re.match(rf"\s+(?:{_MONTH})\b", after))


def _values(match: re.Match) -> tuple[float, float, str | None]:
    if match.group("fraction"):
        count, part = match.group("fraction").lower().split("-")
        value = _WORD_NUMBERS[count] / _FRACTIONS[part]
        return value, value, "fraction"
    texts = [match.group(g) for g in ("low", "high", "from", "to", "value") if match.group(g)]
    last = texts[-1]
    scale = _SCALE.search(last)  # "between 1.5 and 3 million": the scale word covers both ends
    numbers = [_number(t if _SCALE.search(t) or not scale else f"{t} {scale.group()}") for t in texts]
    unit = "%" if re.search(r"%|per\s?cent", last) else next((c for c in "$€£" if c in match.group()), None)
    return min(numbers), max(numbers), unit


_RESULT = re.compile(r"\s+(?:draws?|wins?|victory|victories|defeats?|loss|losses|thrashing|scoreline|lead)\b")
_SCALE = re.compile(r"thousand|million|billion|trillion")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _number(text: str) -> float:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", text).group().replace(",", "")
    word = _SCALE.search(text)
    return float(digits) * (_SCALES[word.group()] if word else 1)


def _words(counts: str) -> set[str]:
    return {w.lower().rstrip("s") for w in re.findall(r"[\w.’'-]+", counts)} - {"in", "of", "the", "and", "a"}


def _head(counts: str) -> str | None:
    before_place = re.split(r"\s+(?:in|across|inside|outside|on|at|from|throughout|near|this|last|so)\s+", counts)[0]
    last = before_place.split()[-1]
    return None if counts.startswith("of ") else last.lower().rstrip("s")


def _same_measure(a: Figure, b: Figure) -> bool:
    if a.unit != b.unit or _head(a.counts) is None or _head(a.counts) != _head(b.counts):
        return False
    words_a, words_b = _words(a.counts), _words(b.counts)
    return words_a <= words_b or words_b <= words_a


def _same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """One speaker under two names: equal labels, or a one-word name that ends the other
    ("Choo" and "Cardiff CEO Ken Choo"). None (unattributed) is the same only as None."""
    if a is None or b is None:
        return a is b
    first, second = sorted((_chart_label(a), _chart_label(b)), key=len)
    return first == second or (" " not in first and second.endswith(" " + first))


def _chart_label(speaker: Speaker | None) -> str:
    """'A recent United Nations report' -> 'Recent United Nations report'."""
    if speaker is None:
        return "Unattributed"
    name = re.sub(r"^(?:the|a|an)\s+", "", speaker.name, flags=re.I)
    return name[:1].upper() + name[1:]
