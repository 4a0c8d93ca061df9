"""The one exception root of deckgen and its subclasses.

The library raises these and never prints or exits; the CLI turns them into a
one-line message on stderr and exit code 2.
"""


class DeckgenError(Exception):
    """Root of every error deckgen raises on purpose."""


class InputError(DeckgenError):
    """A source document is missing, unreadable, empty or of an unknown format."""


class BriefError(DeckgenError):
    """A brief file is malformed or names something unknown."""


class OutlineError(DeckgenError):
    """An outline file does not have the outline's shape."""


class LayoutError(DeckgenError):
    """A layout folder, layout value, template or master deck is unusable."""


class OutputError(DeckgenError):
    """An output path cannot be written."""


class CheckError(DeckgenError):
    """A deck handed to the linter is missing or not a readable .pptx."""
