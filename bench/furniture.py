"""How much page furniture reaches the outline, on ../shared/eval/realdocs (or --data).

For each document, the furniture strings listed in tests/test_realdocs.py (found by reading it)
are looked for in the text of every BLUF point, bullet, figure, quote and timeline item of the
outline built from its brief; prints the documents and strings that leak, and the totals.

    python bench/furniture.py [--data ../shared/eval/realdocs] [--outlines DIR]

``--outlines DIR`` reads outlines already rendered as Markdown (``DIR/<id>.md``, as written by
``deckgen outline --brief <id>.brief.yaml --format md``) instead of building them, so that
another revision's outlines can be compared.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_realdocs import EXPECTED  # noqa: E402  (the furniture lists live with the test)


def items_built(data: Path, name: str) -> list[str]:
    from deckgen.brief import load_brief
    from deckgen.pipeline import OutlineRequest, build_outline

    outline = build_outline(OutlineRequest(brief=load_brief(data / f"{name}.brief.yaml")))
    return [p.text for p in outline.all_points()]


def items_read(folder: Path, name: str) -> list[str]:
    lines = (folder / f"{name}.md").read_text(encoding="utf-8").splitlines()
    sources = lines.index("## Sources") if "## Sources" in lines else len(lines)
    return [line[2:] for line in lines[:sources] if line.startswith("- ")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "realdocs")
    parser.add_argument("--outlines", type=Path)
    args = parser.parse_args()
    leaking = total = 0
    for name, (_, _, furniture) in sorted(EXPECTED.items()):
        items = items_read(args.outlines, name) if args.outlines else items_built(args.data, name)
        found = [noise for noise in furniture if any(noise in item for item in items)]
        total += len(found)
        leaking += bool(found)
        if found:
            print(f"{name}: {', '.join(repr(f) for f in found)}")
    strings = sum(len(f) for _, _, f in EXPECTED.values())
    print(f"{leaking} of {len(EXPECTED)} documents leak furniture; {total} of {strings} furniture strings leak")


if __name__ == "__main__":
    main()
