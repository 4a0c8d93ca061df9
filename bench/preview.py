"""How long `deckgen serve` takes from an edit to the edited item's slide picture, on the seed,
with the warm LibreOffice against an office started for each conversion.

    python bench/preview.py [--runs 5]

Each run edits one bullet (alternately shortened and restored), then asks for its slide
(render the deck, draw it as PDF, find the item's page) and fetches the PNG, through the
HTTP endpoints. Prints the median seconds of each and their ratio. Needs LibreOffice and
poppler-utils.
"""

from __future__ import annotations

import argparse
import logging
import re
import statistics
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from deckgen.brief import load_brief
from deckgen.outline import dumps
from deckgen.layouts import load_layout
from deckgen.pipeline import OutlineRequest, build_deck
from deckgen.serve.app import create_app
from deckgen.serve.preview import Previewer
from deckgen.serve.state import ReviewSession, Settings

BRIEF = Path(__file__).resolve().parent.parent / "seeds" / "iraq-coalition.brief.yaml"


def edit_to_slide(outline, folder: Path, warm: bool, runs: int) -> list[float]:
    outline_file = folder / f"{'warm' if warm else 'cold'}.yaml"
    outline_file.write_text(dumps(outline, "yaml"), encoding="utf-8")
    session = ReviewSession(outline, outline_file, outline_file.with_suffix(".pptx"), Settings())
    previewer = Previewer()
    if not warm:
        previewer.start = lambda deck: None  # no office kept open: each conversion starts one
    if not previewer.available:
        raise SystemExit("needs LibreOffice (soffice) and poppler-utils (pdftoppm, pdftotext)")
    text = outline.sections[0].points[0].text
    times = []
    with TestClient(create_app(session, previewer), base_url="http://127.0.0.1") as client:
        token = re.search(r'name="deckgen-token" content="([^"]+)"', client.get("/").text).group(1)
        client.get("/api/preview", params={"item": "sections/0#0"})  # the office's own start is not an edit
        for run in range(runs):
            started = time.perf_counter()
            edited = text if run % 2 else " ".join(text.split()[:-2])
            client.post("/api/edit", headers={"X-Deckgen-Token": token},
                        json={"version": session.version, "op": "text", "item": "sections/0#0", "text": edited})
            answer = client.get("/api/preview", params={"item": "sections/0#0"}).json()
            assert client.get(answer["image"]).content.startswith(b"\x89PNG")
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    logging.disable(logging.INFO)  # the test client logs every request
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    outline = build_deck(OutlineRequest(brief=load_brief(BRIEF)), load_layout()).outline  # as `serve` builds it
    with tempfile.TemporaryDirectory() as folder:
        warm = edit_to_slide(outline, Path(folder), True, runs)
        cold = edit_to_slide(outline, Path(folder), False, runs)
    print(f"edit to slide picture, median of {runs}: warm office {statistics.median(warm):.2f} s "
          f"(max {max(warm):.2f}), office per conversion {statistics.median(cold):.2f} s "
          f"(max {max(cold):.2f}); ratio cold/warm {statistics.median(cold) / statistics.median(warm):.2f}")


if __name__ == "__main__":
    main()
