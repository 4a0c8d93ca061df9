"""Picture captions in news text: the notes that say where someone is in a picture and the labels
that open a caption, read by the furniture rules and the summarizer (a caption is no point).
Where a caption with no full stop runs into the story is read from the parse (``runin``)."""

from __future__ import annotations

import re

# Where someone is in the picture ("(left)", "(far right)", "(pictured left)", "(L-R)"), that it
# is a file or stock picture, or posed by a model: only a caption says this.
_POSITION = (
    r"\((?:(?:pictured|shown|seen)\s+)?(?:(?:far|second|third|top|bottom|front|back|centre|center)[\s-]+)?"
    r"(?:left|right|centre|center|above|below|top|bottom|middle|inset)(?:\s+to\s+(?:left|right))?(?:,[^()]{0,40})?\)"
    r"|\((?:from\s+)?(?:L-R|R-L|left to right|right to left|clockwise)[^()]{0,40}\)"
    r"|\((?:pictured,?\s+)?(?:file|stock)\s+(?:photo|picture|image|pic)\b[^()]{0,60}\)"
    r"|\([^()]{0,30}\bposed by (?:a\s+)?models?\)")
CAPTION_MARK = re.compile(_POSITION, re.I)
# A caption's label: a capitalised word, up to three lower-case ones and a colon before a capital
# ("Looking forward: The $40 billion firm ...", "Tragic: The man ...").
CAPTION_LABEL = r"[A-Z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}:\s+[A-Z]"
