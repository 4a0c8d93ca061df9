"""`deckgen serve`: a local page to review an outline against its sources and fix the deck.

``state`` holds the outline under edit and its file, ``preview`` draws slides with a warm
LibreOffice, ``app`` is the HTTP layer (Starlette); ``static/`` and ``templates/`` are the page.
The library (deckgen outside this package) knows nothing of it.
"""
