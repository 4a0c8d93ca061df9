"""Which decks get a "By the numbers" slide, and what it shows, for reading each item by hand.

Builds the outline of every real document from its brief (../shared/eval/realdocs) and of the
first --n articles of ../shared/eval/cnndm_dev.jsonl (--eval: another folder) with proposed sections, and prints each
figures item beside its source sentence, marked [B] when a BLUF or section bullet of the deck
is cut from that sentence, then each chart and the count of decks with a figures slide.
``--pool`` prints every figure that stands alone, before the slide rule (``MIN_FIGURES`` and
the bullets) is applied: what the rule chooses from.

    python bench/figures_slides.py [--n 40] [--pool] [--eval ../shared/eval]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from contextlib import redirect_stderr
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def requests(n: int, data: Path):
    """(corpus, name, OutlineRequest) of each real document, then of the first ``n`` dev articles."""
    from deckgen.brief import load_brief
    from deckgen.pipeline import OutlineRequest

    for path in sorted((data / "realdocs").glob("*.brief.yaml")):
        brief = load_brief(path)
        yield "realdocs", path.name.removesuffix(".brief.yaml"), OutlineRequest(
            documents=tuple(e.path for e in brief.sources), sections=brief.sections, title=brief.title)
    folder = Path(tempfile.mkdtemp())
    for line in (data / "cnndm_dev.jsonl").read_text(encoding="utf-8").splitlines()[:n]:
        record = json.loads(line)
        path = folder / f"{record['id'][-12:]}.txt"
        path.write_text(record["text"], encoding="utf-8")
        yield "cnndm", path.stem, OutlineRequest(documents=(path,))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--pool", action="store_true")
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    options = parser.parse_args(argv)
    if not options.eval.is_dir():
        print(f"{options.eval} is missing", file=sys.stderr)
        return 2
    import deckgen.extract.figures as figures
    import deckgen.extras as extras
    from deckgen.model import Chart, Point
    from deckgen.pipeline import build_outline

    if options.pool:
        figures.MIN_FIGURES = 0
        extras.shown_figures = lambda found, standing, bullets=None: figures.shown_figures(found, standing)
    counts = {"realdocs": [0, 0], "cnndm": [0, 0]}  # decks, decks with a figures slide
    for corpus, name, request in requests(options.n, options.eval):
        with redirect_stderr(io.StringIO()):
            outline = build_outline(request)
        bullets = {p.sentence_ids[0] for p in (*outline.bluf, *(q for s in outline.sections for q in s.points))
                   if p.sentence_ids}
        shown = outline.group("figures", Point)
        for point in shown:
            mark = "[B]" if point.sentence_ids and point.sentence_ids[0] in bullets else "   "
            print(f"{name} {mark} {point.text}\n      source: {point.citations[0].quote}")
        for chart in outline.group("figures", Chart):
            print(f"{name} chart {chart.title!r}: " + "; ".join(f"{a}: {b}" for a, b in zip(chart.labels, chart.texts)))
        counts[corpus][0] += 1
        counts[corpus][1] += bool(shown)
    for corpus, (decks, with_slide) in counts.items():
        print(f"{corpus}: {with_slide} of {decks} decks have a figures slide")
    return 0


if __name__ == "__main__":
    sys.exit(main())
