"""Draw a reading-check sample of extra-slide items (figures, key quotes, timeline, perspectives)
from the dev set and the real-documents corpus (see ../shared/READING.md).

    .venv/bin/python bench/reading/draw_extras.py [--seed 13] [--n 100]

Writes bench/reading/extras-<date>-sample.jsonl: per item, the item as shown, its slide title and
the cited sentence(s) with their paragraph; nothing about how it was made. A dev-set article is
dated by the date in its address (as a brief would date it), so relative dates can resolve.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"  # ../shared/eval beside the repository
SLIDES = {"figures": "By the numbers", "quotes": "Key quotes", "timeline": "Timeline and what to watch"}


def dev_documents():
    from deckgen.ingest import normalise
    from deckgen.model import Document, SourceInfo
    from deckgen.segment import segment

    for line in (EVAL / "cnndm_dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found = re.search(r"/(\d{4})/(\d{2})/(\d{2})/", record.get("url", ""))
        published = date(*map(int, found.groups())) if found else None
        yield [segment(Document(SourceInfo(id="S1", path=record["id"], date=published), normalise(record["text"])))]


def real_documents():
    from deckgen.brief import load_brief
    from deckgen.pipeline import load_documents

    for brief_path in sorted((EVAL / "realdocs").glob("*.brief.yaml")):
        brief = load_brief(brief_path)
        yield load_documents([entry.path for entry in brief.sources], brief)


def items(documents):
    from deckgen.analysis import analyse_all
    from deckgen.extras import briefing_extras

    extras = briefing_extras(analyse_all(documents))
    paragraphs = {(d.source.id, p.number): d.text[p.start:p.end] for d in documents for p in d.paragraphs}
    name = documents[0].source.path

    def shown(point, slide):
        return {"document": Path(name).name, "slide": slide, "item": point.shown,
                "sources": [{"sentence": c.quote, "paragraph": paragraphs[(c.source, c.paragraph)]}
                            for c in point.citations]}

    for field, slide in SLIDES.items():
        yield from (shown(p, slide) for p in extras[field])
    for group in extras["perspectives"]:
        yield from (shown(p, f"Perspectives: {group.title}") for p in group.points)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--out", type=Path, default=None)
    options = parser.parse_args(argv)
    if not EVAL.is_dir():
        print(f"{EVAL} is missing", file=sys.stderr)
        return 2
    pool = [item for source in (dev_documents(), real_documents()) for documents in source
            for item in items(documents)]
    sample = random.Random(options.seed).sample(pool, min(options.n, len(pool)))
    out = options.out or Path(__file__).parents[2] / "out" / f"extras-{date.today().isoformat()}-sample.jsonl"
    out.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in sample), encoding="utf-8")
    kinds = {}
    for item in pool:
        kinds[item["slide"].split(":")[0]] = kinds.get(item["slide"].split(":")[0], 0) + 1
    print(f"{len(sample)} of {len(pool)} items {kinds} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
