"""Draw a sample of bullets for a reading check (see READING.md in the shared folder).

Half the items come from the key points of the CNN/DM dev set (k=3), half from the outlines of
the real-documents corpus (BLUF and section bullets), drawn with a fixed seed. Each item holds
only what a reader needs: the bullet as shown, its slide title, the deck's title for a deck's
bullet (its first slide: a briefer has seen it before any bullet), and each cited source
sentence with the paragraph around it.

Usage: python bench/reading/draw_bullets.py [--eval ../shared/eval] [--seed 13] [--n 100] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date
from pathlib import Path

from deckgen.brief import load_brief
from deckgen.ingest import normalise
from deckgen.pipeline import OutlineRequest, build_outline, keypoints_for_text, load_documents

ROOT = Path(__file__).resolve().parent.parent.parent


def dev_items(path: Path) -> list[dict]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        paragraphs = normalise(row["text"]).split("\n\n")
        for point in keypoints_for_text(row["id"], row["text"], 3):
            items.append(item(point, "Key points", lambda c: paragraphs[c.paragraph - 1]))
    return items


def realdocs_items(folder: Path) -> list[dict]:
    items = []
    for brief_path in sorted(folder.glob("*.brief.yaml")):
        brief = load_brief(brief_path)
        documents = {d.source.id: d for d in load_documents([s.path for s in brief.sources], brief)}
        # planned as a deck is (its BLUF before its sections), without the extra slides' cost
        outline = build_outline(OutlineRequest(brief=brief, kinds=("bluf", "sections")))
        paragraph = lambda c: documents[c.source].paragraph_text(c.paragraph)  # noqa: E731
        items += [item(p, "Bottom line up front", paragraph, outline.title) for p in outline.bluf]
        items += [item(p, section.title, paragraph, outline.title) for section in outline.sections
                  for p in section.points]
    return items


def item(point, title: str, paragraph, deck: str | None = None) -> dict:
    """One item; ``deck`` is the deck's title (its first slide, which a briefer has seen before
    any bullet; batch key points have none)."""
    shown = {"bullet": point.shown, "title": title}
    if deck:
        shown["deck"] = deck
    return {**shown, "sources": [{"sentence": c.quote, "paragraph": paragraph(c)} for c in point.citations]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--out", type=Path,
                        default=ROOT / "out" / f"bullets-{date.today().isoformat()}-sample.jsonl")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    dev = dev_items(args.eval / "cnndm_dev.jsonl")
    real = realdocs_items(args.eval / "realdocs")
    half = args.n // 2
    drawn = rng.sample(dev, min(half, len(dev))) + rng.sample(real, min(args.n - half, len(real)))
    rng.shuffle(drawn)
    with args.out.open("w", encoding="utf-8") as out:
        for number, entry in enumerate(drawn, start=1):
            out.write(json.dumps({"item": number, **entry}, ensure_ascii=False) + "\n")
    print(f"wrote {len(drawn)} items to {args.out}")


if __name__ == "__main__":
    main()
