"""The speed floor for `deckgen build`: import python-pptx, load the embedding model, import
spaCy and load its English pipeline, and save a deck with the same number of slides and bullets
as the seed deck. Run as its own process.

Usage: python bench/floor.py SLIDES BULLETS OUT.pptx
"""

import sys

from pptx import Presentation

from deckgen.analysis import load_pipeline
from deckgen.embed import load_model


def main(slides: int, bullets: int, out: str) -> None:
    load_model()
    load_pipeline()
    prs = Presentation()
    layout = prs.slide_layouts.get_by_name("Title and Content")
    per_slide = -(-bullets // max(slides, 1))
    for number in range(slides):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Slide {number + 1}"
        frame = slide.placeholders[1].text_frame
        for index in range(per_slide):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.text = "A bullet of about twenty words that stands in for a point of the seed deck here."
    prs.save(out)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
