"""What is around a document's text rather than in it: the rules that give a paragraph the
role furniture, caption or footnote when its reader could not tell from the markup.

Each rule is general (no site or publisher is named) and carries an example it must match;
``tests/test_furniture.py`` checks every example. ``role_of`` judges one paragraph's text;
``document_roles`` adds the rules that need the whole document: a run of table-of-contents
lines, and the entries under a "References" or "Bibliography" heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..captions import CAPTION_MARK
from ..model import Role


class Rule(NamedTuple):
    name: str
    pattern: re.Pattern
    example: str


def _rule(name: str, pattern: str, example: str, flags: int = re.I) -> Rule:
    return Rule(name, re.compile(pattern, flags), example)


SHORT_WORDS = 30  # the furniture rules marked short judge only paragraphs up to this many words
LONG_WORDS = 150  # the others up to this many (a licence notice is long; a story's paragraph is longer)

# In a paragraph up to LONG_WORDS long: text no author writes as part of the story.
FURNITURE_ANYWHERE = (
    _rule("copyright", r"^\W{0,3}(?:Â)?(?:©|\(c\)\s*\d|Copyright\s+(?:©\s*)?(?:\d{4}|by\b))|\bAll rights reserved\b",
          "© Thomson Reuters 2020"),
    _rule("standards", r"^Our Standards:|\bTrust Principles\b", "Our Standards: The Thomson Reuters Trust Principles."),
    _rule("licence", r"\bGNU (?:Lesser |Affero )?General Public License\b|\bThis (?:program|library|file) is free "
          r"software\b|\bPermission is hereby granted, free of charge\b|\bWITHOUT ANY WARRANTY\b|"
          r"\bLicensed under the (?:Apache|MIT|BSD)\b|\bCreative Commons (?:Attribution|licen[cs]e)\b",
          "This program is free software; you can redistribute it under the GNU General Public License."),
    _rule("media player", r"\bMedia playback is unsupported\b|^(?:Media|Video|Image) (?:caption|copyright)\b|"
          r"\byour (?:browser|device) does(?: not|n['’]t) support (?:the )?(?:video|audio|HTML5)",
          "Media playback is unsupported on your device"),
    _rule("docket", r"^\[?(?:Docket|FR Doc\.?|File) No\.|^\[FR Doc\.|^BILLING CODE\b|^RIN \d|^Federal Register\s*/\s*Vol\.|"
          r"^(?:AGENCY|ACTION|DATES|ADDRESSES|FOR FURTHER INFORMATION CONTACT|SUPPLEMENTARY INFORMATION):|"
          r"^\d+ CFR (?:Parts?|Ch\.|Chapter)\s|^Authority:\s", "[Docket No. FAA-2019-0123]", 0),
    _rule("toc entries", r"(?:\S\s*(?:\.\s?){4,}\s*\d+\b.*){2}|(?:[A-Za-z][A-Za-z)]\s?\d{1,2}-\d{1,3}\s+[A-Z(].*){2}",
          "A. INTRODUCTION1-1 B. ROLE OF UNITED STATES TRUSTEE1-1 C. DUTIES1-2", 0),
    _rule("draft slug", r"\bOk to Print\b|^The type and rule above prints on all proofs|^(?:Userid|Fileid|Leadpct):|"
          r"\bPAGER/SGML\b|^\(Init\. & date\)$",
          "❏ Draft ❏ Ok to Print"),
)

# Only in a short paragraph (up to SHORT_WORDS words): a line of its own that frames the story.
FURNITURE_SHORT = (
    _rule("comments notice", r"not (?:currently )?accepting comments|^Comments? (?:are|is) closed|"
          r"^(?:Leave|Post|Add) a (?:comment|reply)\b|^Comment on this (?:story|article)", "Comments are closed."),
    _rule("reporting credit", r"(?:information|reporting) from .{1,60} (?:was|were) used in this (?:article|report)|"
          r"contributed (?:reporting )?to this (?:article|report)|^(?:Additional )?reporting by\b|"
          r"^(?:Writing|Editing|Compiled) by\b|^Contributing:",
          "Additional reporting by Jane Doe; Editing by John Roe"),
    _rule("click prompt", r"^(?:Scroll down for|Click here\b|Read more\b|Continue reading\b)|by clicking here",
          "Scroll down for video"),
    _rule("byline", r"^By\s+\.\s|^(?:By|Written by:?|Story by|Words by|Courtesy of)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
          r"(?:\s*(?:,|and|&|\|)\s*[A-Z][\w.'’ -]*)*\.?$|^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3},\s+(?:[\w&'’-]+\s+){0,4}"
          r"(?i:correspondent|editor|reporter|writer|columnist|analyst|producer)$", "By Jeff Seldin, Reuters", 0),
    _rule("related headline", r"^[A-Z][^:.!?]{0,40}:\s+[A-Z].*[^.!?\"”’)]$",
          "Internal memo: Federal prison guards falsified records of cell checks", 0),
    _rule("dateline", r"^(?i:Published|Updated|Posted|Last updated|First published)\b:?\s.{0,60}$|"
          r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*\s*[-–—]?|\s*[-–—])$",
          "BAAR, SWITZERLAND", 0),
    _rule("comment count", r"^\d[\d,.]*k?\s+(?:comments?|replies|shares)$|^Comments?\s*\(?\d+\)?$",
          "941 comments"),
    _rule("share prompt", r"^(?:Share|Share this(?: article| story| page)?|Tweet|Email|Print|Follow(?: us)?)"
          r"(?:\s+(?:on|via)\s+\w+)?\W*$|^Share (?:this|on)\b|^Follow @\w+|^Follow us on\b",
          "Share this article"),
    _rule("newsletter", r"\b(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b|\bnewsletters?\b.{0,40}\b(?:sign up|subscribe)\b|"
          r"\bwe use cookies\b|\bcookies?\b.{0,60}\b(?:consent|accept|policy|settings)\b",
          "Sign up for our daily newsletter"),
    _rule("related links", r"^(?:Related|Related (?:stories|articles|content|coverage|links)|"
          r"More (?:from|on)(?:\s+(?-i:[A-Z])[\w'’&.-]*){1,4}|"
          r"See also|Most (?:popular|read)|Recommended(?: for you)?|Trending(?: now)?|Top stories|Read next|"
          r"From the section\b.*)\W*$", "From the section US & Canada"),
    _rule("jump link", r"\((?:More|Read more|Continue reading)\)$|[.!?]\s+(?:Read more|More)\W*$",
          "Risks we see with this grant. (More)"),
    _rule("contact", r"^(?:E-?mail|Telephone|Tel|Phone|Fax|Contact|Media contact|Press contact)\s*:|"
          r"\b[\w.+{},-]+@[\w-]+(?:\.[\w-]+)+\b(?!.*[.!?]\s+[A-Z])|please visit:?\s+\S+$",
          "E-mail: jane.doe@example.gov Telephone: (202) 555-0100"),
    _rule("page number", r"^(?:Page\s+\d+(?:\s+of\s+\d+)?|[-–]\s*\d{1,4}\s*[-–]|\d{1,4}\s*(?:of|/)\s*\d{1,4})\b.{0,80}$",
          "Page 3 of 48 Instructions for Form 1040NR"),
    _rule("memo header", r"^(?:To|From|Date|Subject|Subj|Re|CC|Attn|Memorandum for):(?:\s+\S.{0,200})?$",
          "From: Acting Assistant Secretary for Policy and Planning"),
    _rule("toc error", r"\bError! (?:Bookmark|Reference source) not (?:defined|found)\b", "Training Error! Bookmark not defined."),
)

# A caption of a picture, table or figure in a paragraph of its own.
CAPTION_RULES = (
    _rule("picture credit", r"\b(?:Photo(?:graph)?|Image|Picture|Header image|Credit|Illustration)(?: credit)?:\s|"
          r"\((?:Photo|Picture|Image)[^()]{0,40}\)|\b(?:Getty Images|AP Photo|Shutterstock)\s*$|/(?:AFP|Reuters|EPA|AP)\b|"
          r"^\d+\s*of\s*\d+\b", "Header Image: People have lived in Ecuador's forests. Credit: Tomas Munita"),
    _rule("picture note", CAPTION_MARK.pattern, "Richard Attenborough (pictured left) with the crew"),
    _rule("numbered caption", r"^(?:Table|Figure|Fig\.|Chart|Exhibit|Graph|Map|Plate|Diagram)\s+[A-Z]?\d+(?:[.-]\d+)?[a-z]?"
          r"\s*[:.–—-]\s", "Table 3: Evaluation results."),
    _rule("source line", r"^(?:Sources?|Data|Data source|Note|Notes)\s*:\s+\S.*(?:\b(?:19|20)\d\d|\.gov|\.org|\.com)\W*$",
          "Source: OMB Memorandum 13-13, Open Data Policy, March 9, 2013."),
    _rule("labelled caption", r"^(?!(?:Note|Important|Warning|Caution|Background|Summary|Update|Correction|Editor['’]s note|"
          r"Disclaimer|Example|Source|Sources|Question|Answer|Q|A|Date|To|From|Subject|Re)\b)"
          r"[A-Z][\w’'-]*(?:\s+(?!(?:said|says|told|added|wrote|asked)\b)[a-z][\w’'-]*){0,2}:\s+(?:A|An|The)\s[^:]*$",
          "Tension: A woman wrapped in the flag walks past the police line", 0),
)

# A footnote or an entry of a reference list standing on its own.
FOOTNOTE_RULES = (
    _rule("numbered note", r"^(?:\[\d{1,3}\]|\d{1,3}\s(?=[A-Z“\"]).{0,300}\(\w{3}\.? \d{1,2}, \d{4}\))", "[1] Alarm fatigue: "
          "impacts on patient safety, Ruskin KJ. Curr Opin Anaesthesiol. 2015; 28: 685-690.", 0),
    _rule("citation", r"^[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*){1,3}(?:,|and|&).{0,300}\b(?:19|20)\d\d[a-z]?\b|"
          r"^[A-Z][\w'’-]+(?:\s+et al\.)?,?\s+\((?:19|20)\d\d[a-z]?\)\.", "Riloff, E. and Jones, R. 1999. "
          "Learning dictionaries for information extraction.", 0),
)

_RELATED_LINKS = next(rule for rule in FURNITURE_SHORT if rule.name == "related links")
REFERENCE_HEADINGS = re.compile(r"^(?:\d+\.?\s+)?(?:References|Bibliography|Works Cited|Literature Cited|Notes|"
                                r"Footnotes|Endnotes|Sources|Further reading)\s*:?$", re.I)
TOC_HEADINGS = re.compile(r"^(?:Table of )?Contents$", re.I)
# A table-of-contents line: a short title, then dot leaders or spaces, then a page number ("1-1", "iv").
TOC_LINE = re.compile(r"^(?=.{3,120}$)(?!.*[.!?;:]\s*\d+$)\D.*?(?:\s*\.{3,}\s*|\s+|(?<=[A-Za-z]))"
                      r"(?:\d{1,4}|\d{1,2}-\d{1,3}|[ivxlc]{1,6})$|^.{3,100}\s\.{3,}\s*\S{1,6}$")
MEMO_LABEL = re.compile(r"^(?:To|From|CC|Distribution|Memorandum for)\s*:$", re.I)
MIN_TOC_RUN = 3  # table-of-contents lines come in runs; one line ending in a number is no table of contents
MIN_WORD_SHARE = 0.5  # a short paragraph with fewer words than this among its tokens (OCR noise) is furniture
_WORD = re.compile(r"[(\"“‘'\[]*(?:[A-Za-z][a-z'’.-]*|[A-Z][A-Z.'’&-]*|\$?\d[\d,.%]*)[)\"”’',.;:!?\]]*")


def role_of(text: str, any_length: bool = False) -> Role | None:
    """The role a rule gives ``text`` (furniture, caption or footnote), or None; the rules for
    short paragraphs judge a paragraph of any length when ``any_length`` (a sentence: "Scroll
    down for video" opens a run-on piece of any length).

    >>> role_of("941 comments"), role_of("Prosecutors in Sweden dropped the case on Tuesday.")
    (<Role.FURNITURE: 'furniture'>, None)
    """
    words = 0 if any_length else len(text.split())
    if words <= LONG_WORDS and any(rule.pattern.search(text) for rule in FURNITURE_ANYWHERE):
        return Role.FURNITURE
    if words <= 2 * SHORT_WORDS and any(rule.pattern.search(text) for rule in CAPTION_RULES):
        return Role.CAPTION
    if words <= SHORT_WORDS and any(rule.pattern.search(text) for rule in FURNITURE_SHORT):
        return Role.FURNITURE
    if words <= SHORT_WORDS and _word_share(text) < MIN_WORD_SHARE:
        return Role.FURNITURE
    if any(rule.pattern.search(text) for rule in FOOTNOTE_RULES):
        return Role.FOOTNOTE
    return None


def _word_share(text: str) -> float:
    """The share of tokens that are words or numbers as people write them ("~7 ~r~Zcly": 0)."""
    tokens = text.split()
    return sum(_WORD.fullmatch(token) is not None for token in tokens) / len(tokens) if tokens else 0.0


def is_furniture(text: str) -> bool:
    """Whether a sentence is furniture by the rules that need no document (bylines, copyright
    lines, comment notices, "Scroll down for video" ...): ``summarize.base.candidates`` uses it
    on text that came with no structure."""
    return role_of(text, any_length=True) is Role.FURNITURE


def document_roles(texts: Sequence[str], roles: Sequence[Role], levels: Sequence[int]) -> list[Role]:
    """Each paragraph's role after the rules: those on its own text for body text and list items
    (a table row, heading or quotation keeps the role its reader gave it); lines of a table of
    contents (a run of at least MIN_TOC_RUN, or any after a "Contents" heading); a pull quote
    (a body paragraph or quotation whose words a longer body paragraph holds); the list of
    names under a memo's "From:" or "To:" line; every paragraph under a "References" or
    "Bibliography" heading until the next heading of the same level or higher (a footnote), and
    under a "Contents" or "Related stories" heading (furniture)."""
    result = list(roles)
    for index, (text, role) in enumerate(zip(texts, roles)):
        if role in (Role.BODY, Role.LIST_ITEM):
            result[index] = role_of(text) or role
    toc = [result[i] in (Role.BODY, Role.LIST_ITEM) and bool(TOC_LINE.search(t)) for i, t in enumerate(texts)]
    heading_level = None  # the level of the references, contents or related-links heading we are under
    under: Role | None = None  # the role the paragraphs under it get
    for index, text in enumerate(texts):
        if roles[index] is Role.HEADING:
            if heading_level is not None and levels[index] <= heading_level:
                heading_level = under = None
            if REFERENCE_HEADINGS.match(text):
                heading_level, under = levels[index], Role.FOOTNOTE
            elif TOC_HEADINGS.match(text) or _RELATED_LINKS.pattern.match(text):
                heading_level, under = levels[index], Role.FURNITURE
            continue
        if REFERENCE_HEADINGS.match(text) and result[index] is Role.BODY:  # a heading the reader did not see
            heading_level, under = 99, Role.FOOTNOTE
            continue
        if under is not None and result[index] in (Role.BODY, Role.LIST_ITEM):
            result[index] = under
    bodies = [t for t, r in zip(texts, result) if r is Role.BODY]
    for index, text in enumerate(texts):  # a pull quote: a short paragraph that repeats a longer one's words
        quoted = text.strip("\"“”‘’' ").rstrip(".,!?")
        if result[index] in (Role.BODY, Role.QUOTATION) and len(quoted.split()) <= 2 * SHORT_WORDS \
                and any(quoted in other and len(other) > len(text) for other in bodies):
            result[index] = Role.FURNITURE
    for index, text in enumerate(texts):  # the names listed under a memo's "From:" or "To:"
        if MEMO_LABEL.match(text):
            following = index + 1
            while following < len(texts) and roles[following] is Role.LIST_ITEM:
                result[following] = Role.FURNITURE
                following += 1
    start = 0
    while start < len(texts):
        end = start
        while end < len(texts) and toc[end]:
            end += 1
        if end - start >= MIN_TOC_RUN:
            result[start:end] = [Role.FURNITURE] * (end - start)
        start = max(end, start + 1)
    return result
