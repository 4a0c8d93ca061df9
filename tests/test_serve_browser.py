"""`deckgen serve` in a real headless Chromium (Debian's, driven by Playwright): the seed's review
page is loaded, an item shows its source, one item is dropped, one moved, one edited, and the
downloaded deck holds the changes.

Skips when Chromium or Playwright is missing. With DECKGEN_SCREENSHOT=1 the page is saved to
docs/review-page.png (the README's picture).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.outline import dumps
from deckgen.serve.app import create_app
from deckgen.serve.preview import Previewer
from deckgen.serve.state import ReviewSession, Settings

CHROMIUM = "/usr/bin/chromium"
playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "review-page.png"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path, seed_outline, monkeypatch):
    """The review page of the seed on a free local port, LibreOffice previews when installed;
    the outline is saved to out/ in a temporary folder, as `deckgen serve` would save it."""
    import uvicorn

    monkeypatch.chdir(tmp_path)
    outline_file = Path("out/iraq-coalition.yaml")
    outline_file.parent.mkdir()
    outline_file.write_text(dumps(seed_outline, "yaml"), encoding="utf-8")
    session = ReviewSession(seed_outline, outline_file, outline_file.with_suffix(".pptx"), Settings())
    port = free_port()
    app = create_app(session, Previewer(enabled=bool(shutil.which("soffice"))))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/", session
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def page(tmp_path):
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1600, "height": 1000}, accept_downloads=True)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def by_id(page, test_id: str):
    return page.get_by_test_id(test_id)


def texts_of(page, group: str) -> list[str]:
    return by_id(page, f"group-{group}").locator(".item-text").all_inner_texts()


def test_review_in_the_browser(server, page, tmp_path):
    url, session = server
    outline = session.outline
    page.goto(url)
    by_id(page, "item-bluf-0").wait_for()

    # an item shows its cited sentence, highlighted and scrolled into view
    chosen = outline.sections[0].points[1]
    by_id(page, "text-sections-0-1").click()
    cited = page.locator(".sentence.cited")
    cited.first.wait_for()
    assert all(text in " ".join(c.quote for c in chosen.citations) for text in cited.all_inner_texts())
    assert cited.first.is_visible() and cited.first.evaluate(
        "node => { const r = node.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    if shutil.which("soffice") and shutil.which("pdftoppm"):
        by_id(page, "preview-image").wait_for(state="visible", timeout=60_000)
        page.wait_for_function("document.querySelector('[data-testid=preview-image]').naturalWidth > 0")
    else:
        assert "LibreOffice" in by_id(page, "preview-note").inner_text()
    if os.environ.get("DECKGEN_SCREENSHOT"):
        page.screenshot(path=str(SCREENSHOT))

    # drop the first BLUF item
    dropped = outline.bluf[0].text
    by_id(page, "drop-bluf-0").click()
    page.wait_for_function("!document.querySelector('[data-testid=status]').textContent.endsWith('version 1')")
    assert dropped not in texts_of(page, "bluf")
    assert len(texts_of(page, "bluf")) == len(outline.bluf) - 1

    # move the first item of the last section to the first section
    moved = outline.sections[3].points[0].text
    by_id(page, "move-sections-3-0").select_option("sections/0")
    by_id(page, "status").filter(has_text="version 3").wait_for()
    assert texts_of(page, "sections-0")[-1] == moved
    assert moved not in texts_of(page, "sections-3")

    # edit an item: words deleted pass the check, an added word is flagged
    original = outline.sections[2].points[0].text
    shorter = " ".join(original.split()[:-3])
    by_id(page, "edit-sections-2-0").click()
    by_id(page, "edit-text").fill(shorter + " reportedly")
    by_id(page, "save-edit").click()
    by_id(page, "flag-sections-2-0").wait_for()
    assert "reportedly" in by_id(page, "flag-sections-2-0").inner_text()
    by_id(page, "edit-sections-2-0").click()
    by_id(page, "edit-text").fill(shorter)
    by_id(page, "save-edit").click()
    by_id(page, "status").filter(has_text="version 5").wait_for()
    assert by_id(page, "flag-sections-2-0").count() == 0
    assert texts_of(page, "sections-2")[0] == shorter

    # add a source sentence as a bullet
    cited_anywhere = {s for group in session.view()["groups"] if group["family"] == "bullets"
                      for item in group["items"] for s in item["sentences"]}
    fresh = next(s.id for s in session.documents["S1"].sentences if s.id not in cited_anywhere)
    sentence = by_id(page, f"sentence-{fresh}")
    assert "used" not in sentence.get_attribute("class")
    sentence.click()
    citing = [g["title"] for g in session.view()["groups"] if any(fresh in i["sentences"] for i in g["items"])]
    assert by_id(page, "add-cited-by").inner_text() == (f"Already cited in: {'; '.join(citing)}" if citing
                                                          else "Not cited in the outline yet.")
    by_id(page, "add-target").select_option("sections/1")
    by_id(page, "add-bullet").click()
    by_id(page, "status").filter(has_text="version 6").wait_for()
    added = session.outline.sections[1].points[-1]
    assert added.citations[0].quote == sentence.inner_text() and texts_of(page, "sections-1")[-1] == added.text
    assert "used" in sentence.get_attribute("class")

    # the downloaded deck holds every change
    with page.expect_download() as download:
        by_id(page, "download-pptx").click()
    deck = tmp_path / "downloaded.pptx"
    download.value.save_as(deck)
    slides = [" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
              for slide in Presentation(str(deck)).slides]
    section_slides = {title: " ".join(text for text in slides if text.startswith(title))  # with "(cont.)" slides
                      for title in ("Mission change", "Militia threat")}
    assert moved in section_slides["Mission change"]
    assert shorter in section_slides["Militia threat"] and original not in section_slides["Militia threat"]
    assert deck.read_bytes() == session.output.read_bytes()

    # undo takes the added bullet back out; another layout changes the command that gives the deck
    by_id(page, "undo").click()
    by_id(page, "status").filter(has_text="version 7").wait_for()
    assert texts_of(page, "sections-1")[-1] != added.text
    by_id(page, "setting-layout").select_option("executive")
    by_id(page, "apply-settings").click()
    by_id(page, "render-command").filter(has_text="--layout executive").wait_for()
    assert by_id(page, "setting-layout").input_value() == "executive"
    assert session.settings.layout == "executive"


def test_an_edit_from_a_stale_tab_is_refused_with_a_message(server, page):
    url, session = server
    page.goto(url)
    by_id(page, "item-bluf-0").wait_for()
    other = page.context.new_page()
    other.goto(url)
    by_id(other, "drop-bluf-0").click()
    by_id(other, "status").filter(has_text="version 2").wait_for()
    by_id(page, "drop-sections-0-0").click()  # this tab still shows version 1
    message = by_id(page, "message")
    message.wait_for()
    assert "version 1" in message.inner_text() and "reload" in message.inner_text()
    assert session.version == 2 and len(session.outline.sections[0].points) == len(texts_of(page, "sections-0"))
    by_id(page, "reload").click()
    by_id(page, "status").filter(has_text="version 2").wait_for()
    assert by_id(page, "message").is_hidden()
    assert len(texts_of(page, "bluf")) == len(session.outline.bluf)
