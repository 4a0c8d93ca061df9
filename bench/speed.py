"""Speed and scale of deckgen, as figures and ratios measured in one run (no assertions).

1. `deckgen build` on the seed versus the floor (bench/floor.py: import python-pptx, load the
   embedding model and the spaCy pipeline, save a deck of the same size), each a separate process, interleaved, median of --runs.
   deckgen's bytecode is compiled first, as installing the package would.
2. Outline time and peak memory on large documents (~1 MB and ~5 MB, concatenated dev-set
   articles), and the growth exponent between the two sizes (1.0 = linear).
3. Batch: `deckgen keypoints --jsonl` and `deckgen build DIR --each` over --batch articles
   (the dev set repeated), with 1 and 2 jobs: documents per second.

Usage: python bench/speed.py [--runs 10] [--data ../shared/eval/cnndm_dev.jsonl]
                             [--skip-large] [--skip-batch] [--batch 200]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_BRIEF = ROOT / "seeds" / "iraq-coalition.brief.yaml"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def deck_size(deck: Path) -> tuple[int, int]:
    from pptx import Presentation

    slides = list(Presentation(str(deck)).slides)
    bullets = sum(len(s.placeholders[1].text_frame.paragraphs) for s in slides
                  if any(p.placeholder_format.idx == 1 for p in s.placeholders))
    return len(slides), bullets


def compile_bytecode() -> None:
    """Write deckgen's bytecode as installing the package would: an editable install under
    PYTHONDONTWRITEBYTECODE never gets any, and compiling every module on every run is not
    what users pay."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "deckgen")], check=True)


def build_versus_floor(runs: int, workdir: Path) -> None:
    deck, floor_deck = workdir / "seed.pptx", workdir / "floor.pptx"
    build = [sys.executable, "-m", "deckgen.cli", "build", "--brief", str(SEED_BRIEF), "-o", str(deck)]
    timed(build)  # warm the file cache
    slides, bullets = deck_size(deck)
    floor = [sys.executable, str(ROOT / "bench" / "floor.py"), str(slides), str(bullets), str(floor_deck)]
    timed(floor)
    build_times, floor_times = [], []
    for _ in range(runs):
        floor_times.append(timed(floor))
        build_times.append(timed(build))
    b, f = statistics.median(build_times), statistics.median(floor_times)
    pairs = sorted(build / floor for build, floor in zip(build_times, floor_times))
    print(f"seed deck: {slides} slides, {bullets} bullets; median of {runs} runs, interleaved")
    print(f"  floor (python-pptx, models, spaCy, save)        {f:6.3f} s")
    print(f"  deckgen build                                   {b:6.3f} s")
    print(f"  ratio build / floor                             {b / f:6.2f}  (target <= 1.5)")
    # each build is timed right after its floor run, so a pair shares the machine's load of the
    # moment: the median of the pairs' ratios is steadier than the ratio of medians on a shared machine
    print(f"  ratio per interleaved pair: median {statistics.median(pairs):.2f}, "
          f"middle half {pairs[len(pairs) // 4]:.2f} to {pairs[(3 * len(pairs)) // 4]:.2f}")
    help_times = [timed([sys.executable, "-m", "deckgen.cli", "--help"]) for _ in range(runs)]
    print(f"  deckgen --help                                  {statistics.median(help_times):6.3f} s")


def large_document(data: Path, megabytes: float, out: Path) -> Path:
    texts = [json.loads(line)["text"] for line in data.read_text().splitlines() if line.strip()]
    chunks, size, index = [], 0, 0
    while size < megabytes * 1_000_000:
        text = texts[index % len(texts)]
        chunks.append(text)
        size += len(text.encode()) + 2
        index += 1
    out.write_text("\n\n".join(chunks))
    return out


OUTLINE_PROBE = """
import resource, sys, time
from pathlib import Path
from deckgen.background import load_models
from deckgen.layouts import load_layout
from deckgen.model import SectionSpec
from deckgen.pipeline import OutlineRequest, build_deck
load_models()
start = time.perf_counter()
build_deck(OutlineRequest(documents=(Path(sys.argv[1]),), max_input_mb=50,
           sections=(SectionSpec("Police investigation"), SectionSpec("Sport results"))), load_layout())
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def large_inputs(data: Path, workdir: Path) -> None:
    results = {}
    for megabytes in (1, 5):
        doc = large_document(data, megabytes, workdir / f"large-{megabytes}mb.txt")
        output = subprocess.run([sys.executable, "-c", OUTLINE_PROBE, str(doc)], check=True,
                                capture_output=True, text=True, cwd=ROOT).stdout.split()
        seconds, peak_mb = float(output[0]), float(output[1])
        results[megabytes] = seconds
        print(f"  {doc.stat().st_size / 1e6:4.1f} MB document: outline {seconds:6.2f} s, peak memory {peak_mb:6.0f} MB")
    exponent = math.log(results[5] / results[1]) / math.log(5)
    print(f"  growth exponent between 1 MB and 5 MB: {exponent:.2f}  (1.0 linear; n log n is about 1.1)")


def batch(data: Path, count: int, workdir: Path) -> None:
    rows = [json.loads(line) for line in data.read_text().splitlines() if line.strip()]
    rows = [dict(rows[i % len(rows)], id=f"{i:04d}") for i in range(count)]
    jsonl, docs = workdir / "batch.jsonl", workdir / "docs"
    jsonl.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows))
    docs.mkdir()
    for row in rows:
        (docs / f"{row['id']}.txt").write_text(row["text"])
    deckgen = [sys.executable, "-m", "deckgen.cli"]
    for jobs in (1, 2):
        seconds = timed([*deckgen, "keypoints", "--jsonl", str(jsonl), "--jobs", str(jobs)])
        print(f"  keypoints --jsonl, {count} texts, --jobs {jobs}: {seconds:6.1f} s, {count / seconds:6.1f} texts/s")
    for jobs in (1, 2):
        decks = workdir / f"decks-{jobs}"
        decks.mkdir()
        seconds = timed([*deckgen, "build", str(docs), "--each", "-o", str(decks), "--jobs", str(jobs)])
        print(f"  build --each, {count} documents, --jobs {jobs}: {seconds:6.1f} s, {count / seconds:6.1f} decks/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "cnndm_dev.jsonl")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--batch", type=int, default=200, help="documents in the batch runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        compile_bytecode()
        build_versus_floor(args.runs, workdir)
        if not args.skip_large:
            print("large inputs (outline only, models already loaded):")
            large_inputs(args.data, workdir)
        if not args.skip_batch:
            print(f"batch ({args.batch} dev-set articles):")
            batch(args.data, args.batch, workdir)


if __name__ == "__main__":
    main()
