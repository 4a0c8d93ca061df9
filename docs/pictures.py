"""Make the README's pictures from real renders: one slide of each built-in layout and one
slide of each slide kind (needs LibreOffice and poppler-utils). Run: make pictures."""

import subprocess
import sys
import tempfile
from pathlib import Path

from pptx import Presentation

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ASSERTION = ""  # the first slide with an assertion title (a section label above it)
# The seed's one figure is a bullet (no figures slide): figures and a chart from an invented story.
FIGURES = ROOT / "tests" / "data" / "figures" / "varn-flood.brief.yaml"
# picture name -> (layout, title prefix of the slide to show, or ASSERTION[, brief; default the seed's])
PICTURES = {
    "layout-briefing": ("agency", "Mission change"),
    "layout-executive": ("executive", ASSERTION),
    "layout-handout": ("handout", "IS resurgence"),
    "kind-title": ("briefing", "Anti-IS coalition"),
    "kind-bluf": ("briefing", "Bottom line up front"),
    "kind-section": ("briefing", "Militia threat"),
    "kind-figures": ("briefing", "By the numbers", FIGURES),
    "kind-chart": ("briefing", "By the numbers: ", FIGURES),
    "kind-quotes": ("briefing", "Key quotes"),
    "kind-perspectives": ("briefing", "Perspectives: "),
    "kind-timeline": ("briefing", "Timeline and what to watch"),
    "kind-references": ("briefing", "References"),
}


def deck_of(picture: tuple) -> tuple[str, Path | None]:
    """(layout, brief) of the deck a picture is taken from."""
    return picture[0], picture[2] if len(picture) > 2 else None


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pdfs = {}
        for number, (layout, brief) in enumerate(dict.fromkeys(map(deck_of, PICTURES.values()))):
            deck = work / f"{number}.pptx"
            subprocess.run([sys.executable, "-m", "deckgen.cli", "build", "--layout", layout, "-o", str(deck),
                            *(["--brief", str(brief)] if brief else [])], check=True, cwd=ROOT)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(deck)],
                           check=True, capture_output=True)
            pdfs[layout, brief] = (deck, work / f"{number}.pdf")
        for name, picture in PICTURES.items():
            layout, prefix = picture[:2]
            deck, pdf = pdfs[deck_of(picture)]
            slides = list(Presentation(str(deck)).slides)
            titles = [s.shapes.title.text_frame.text for s in slides]
            page = next(i for i, (t, s) in enumerate(zip(titles, slides), start=1)
                        if (t.startswith(prefix) if prefix else any(sh.name == "Section label" for sh in s.shapes)))
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdf), str(DOCS / name)], check=True)
            print(f"docs/{name}.png: {layout} slide {page} ({titles[page - 1]})")


if __name__ == "__main__":
    main()
