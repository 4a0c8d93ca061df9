"""Words per bullet: the seed deck's section bullets and the dev set's key points (no assertions).

Targets (issue 13): section bullets of the seed deck, median <= 18 and none over 30; key points
of the dev set (k=3), median <= 18. Words are counted as ``compress.tokens`` counts them (the
credit's dash is no word).

Usage: python bench/bullet_lengths.py [--data ../shared/eval/cnndm_dev.jsonl] [--k 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from deckgen.brief import load_brief
from deckgen.compress import tokens
from deckgen.pipeline import OutlineRequest, build_outline, keypoints_for_text

ROOT = Path(__file__).resolve().parent.parent
SEED_BRIEF = ROOT / "seeds" / "iraq-coalition.brief.yaml"


def describe(name: str, lengths: list[int]) -> None:
    print(f"{name}: {len(lengths)} bullets, median {statistics.median(lengths):.1f} words, "
          f"longest {max(lengths)}, over 30: {sum(n > 30 for n in lengths)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "cnndm_dev.jsonl")
    parser.add_argument("--k", type=int, default=3)
    args = parser.parse_args()
    outline = build_outline(OutlineRequest(brief=load_brief(SEED_BRIEF), kinds=()))
    describe("seed deck, section bullets (target: median <= 18, none over 30)",
             [len(tokens(p.text)) for s in outline.sections for p in s.points])
    if args.data.is_file():
        rows = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
        lengths = [len(tokens(p.text)) for row in rows for p in keypoints_for_text(row["id"], row["text"], args.k)]
        describe(f"dev set key points, k={args.k} (target: median <= 18)", lengths)
    else:
        print(f"{args.data} not found: dev set skipped")


if __name__ == "__main__":
    main()
