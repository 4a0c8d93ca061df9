"""The summarizer's share of building the seed deck, after the model is loaded.

    python bench/summarizer_speed.py [--runs 7] [--seed PATH]

Prints the model-load time once, then the median over runs of: embedding and choosing
the BLUF, the four seed sections and the proposed sections, and compressing their
bullets (plan_outline on already segmented documents). Reading and segmenting the
file is timed apart, as it is not the summarizer's.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from deckgen.embed import load_model
from deckgen.model import SectionSpec
from deckgen.pipeline import load_documents
from deckgen.plan import plan_outline
from deckgen.summarize import DEFAULT_SUMMARIZER, get_summarizer

SEED = Path(__file__).parent.parent / "seeds" / "000_673533e19380046e.txt"
SPECS = [SectionSpec(t) for t in ("Mission change", "Phases", "Militia threat", "IS resurgence")]


def timed(call):
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("--summarizer", default=DEFAULT_SUMMARIZER)
    args = parser.parse_args()

    load_seconds, _ = timed(load_model)
    read_seconds, documents = timed(lambda: load_documents([args.seed]))
    summarizer = get_summarizer(args.summarizer)
    sections, proposed = [], []
    for _ in range(args.runs):
        sections.append(timed(lambda: plan_outline(documents, SPECS, summarizer))[0])
        proposed.append(timed(lambda: plan_outline(documents, [], summarizer))[0])
    print(f"model load (once per process): {load_seconds:.3f} s")
    print(f"read + segment seed:           {read_seconds:.3f} s")
    print(f"summarizer, BLUF + 4 sections: {statistics.median(sections):.3f} s (median of {args.runs})")
    print(f"summarizer, BLUF + proposed:   {statistics.median(proposed):.3f} s (median of {args.runs})")


if __name__ == "__main__":
    main()
