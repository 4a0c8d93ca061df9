"""The seed article as .txt, .md, .html, .docx and .pdf gives the same paragraphs and outline.

The files are made here from the seed's text. The .md, .html, .docx and .pdf versions carry
the headline as a heading, as real articles in those formats do; plain text has no way to
mark a heading (and the seed has no headline), so its paragraph numbers are one lower and
that is the only difference allowed.
"""

from __future__ import annotations

import html
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from deckgen.errors import InputError
from deckgen.ingest import read_document
from deckgen.model import Role, SectionSpec
from deckgen.pipeline import OutlineRequest, build_outline
from deckgen.segment import segment

from .conftest import SEED

HEADLINE = "Anti-IS coalition to wind down its military mission in Iraq"
PUBLISHER = "Voice of America"
AUTHOR = "Jeff Seldin"
URL = "https://www.voanews.com/a/coalition-iraq/7801234.html"
SECTIONS = ("Mission change", "Phases", "Militia threat", "IS resurgence")
PARAGRAPHS = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
# Words the PDF breaks at its line ends: a real hyphenation, and two real hyphens (the first
# "two-phased" only; the document writes the word whole further on).
PDF_BREAKS = {"reconstituting": ("recon-", "stituting"), "two-phased": ("two-", "phased"),
              "U.S.-allied": ("U.S.-", "allied")}


def make_txt(path):
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")


def make_md(path):
    front = f"---\ntitle: {HEADLINE}\npublisher: {PUBLISHER}\nauthor: {AUTHOR}\ndate: 2024-09-27\n---\n\n"
    path.write_text(front + f"# {HEADLINE}\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")


def make_html(path):
    """A page as a news site serves it: menus, an ad banner, related links, a footer, metadata."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    path.write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | VOA</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="og:site_name" content="{PUBLISHER}">
<meta property="article:published_time" content="2024-09-27T18:04:00Z">
<meta name="author" content="{AUTHOR}">
<link rel="canonical" href="{URL}">
</head><body>
<header><div class="logo">VOA</div><nav><ul><li><a href="/">Home</a></li><li><a href="/usa">United States</a></li>
<li><a href="/world">World</a></li><li><a href="/iran">Iran</a></li></ul></nav></header>
<div class="ad banner">Advertisement: Subscribe to our newsletter for the latest news!</div>
<main><article>
<h1>{HEADLINE}</h1>
<div class="byline">By {AUTHOR} · September 27, 2024 6:04 PM</div>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a/1">Iraq's parliament debates the budget</a></li>
<li><a href="/a/2">Syria ceasefire talks stall again</a></li></ul></aside>
<aside class="ad">Sponsored: Buy cheap flights to Baghdad today, best deals guaranteed!</aside>
</main>
<footer><p>© 2024 Voice of America. All rights reserved.</p>
<nav><a href="/about">About us</a> <a href="/terms">Terms of use</a> <a href="/privacy">Privacy</a></nav></footer>
</body></html>""", encoding="utf-8")


def make_docx(path):
    import docx

    document = docx.Document()
    document.core_properties.title = HEADLINE
    document.core_properties.author = AUTHOR
    document.core_properties.created = datetime(2024, 9, 27, 18, 4, tzinfo=timezone.utc)
    document.add_heading(HEADLINE, level=1)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.save(str(path))


def make_pdf(path, paragraphs=PARAGRAPHS, breaks=PDF_BREAKS):
    """Letter pages, ragged-right lines wrapped to the text width, 6 pt between paragraphs."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(612, 792))
    pdf.setTitle(HEADLINE)
    pdf.setAuthor(AUTHOR)
    y = 720

    def draw(line, font, size, leading):
        nonlocal y
        if y < 72:
            pdf.showPage()
            y = 720
        pdf.setFont(font, size)
        pdf.drawString(72, y, line)
        y -= leading

    draw(HEADLINE, "Helvetica-Bold", 16, 28)
    breaks = dict(breaks)
    for paragraph in paragraphs:
        for line in wrap(paragraph, lambda s: stringWidth(s, "Helvetica", 11) <= 468, breaks):
            draw(line, "Helvetica", 11, 14)
        y -= 6
    pdf.save()


def wrap(text, fits, breaks):
    """Greedy line filling; a word in ``breaks`` is split across the line end (once)."""
    lines, line = [], ""
    for word in text.split():
        if word.strip("“”,.") in breaks:
            core = word.strip("“”,.")
            first, rest = breaks.pop(core)
            lead, trail = word.split(core)
            lines.append(f"{line} {lead}{first}".strip())
            line = rest + trail
        elif fits(f"{line} {word}".strip()):
            line = f"{line} {word}".strip()
        else:
            lines.append(line)
            line = word
    return [*lines, line]


MAKERS = {".txt": make_txt, ".md": make_md, ".html": make_html, ".docx": make_docx, ".pdf": make_pdf}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    made = {}
    for suffix, make in MAKERS.items():
        made[suffix] = folder / f"article{suffix}"
        make(made[suffix])
    return made


@pytest.fixture(scope="module")
def outlines(files):
    return {suffix: build_outline(OutlineRequest(documents=(path,), sections=tuple(map(SectionSpec, SECTIONS)),
                                                 title="Deck"))
            for suffix, path in files.items()}


def paragraph_texts(path):
    """Each paragraph's text, a heading's as "# text" (its role, not a mark in the text)."""
    document = segment(read_document(path, "S1"))
    return [("# " if p.role is Role.HEADING else "") + document.paragraph_text(p.number) for p in document.paragraphs]


def outline_view(outline, shift=0):
    """What the deck says and cites; ``shift`` is added to every paragraph number."""
    def point(p):
        return p.text, [(c.source, c.paragraph + shift, c.quote) for c in p.citations]
    return [point(p) for p in outline.bluf], [(s.title, [point(p) for p in s.points]) for s in outline.sections]


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx", ".pdf"])
def test_every_format_gives_the_seed_paragraphs_under_its_headline(files, suffix):
    assert paragraph_texts(files[suffix]) == [f"# {HEADLINE}", *PARAGRAPHS]


def test_plain_text_gives_the_seed_paragraphs(files):
    assert paragraph_texts(files[".txt"]) == PARAGRAPHS


@pytest.mark.parametrize("suffix", [".html", ".docx", ".pdf"])
def test_every_format_gives_the_same_outline(outlines, suffix):
    assert outline_view(outlines[suffix]) == outline_view(outlines[".md"])


def test_plain_text_outline_differs_only_by_the_headline_paragraph(outlines):
    assert outline_view(outlines[".txt"], shift=1) == outline_view(outlines[".md"])
    bluf, sections = outline_view(outlines[".txt"])
    assert bluf and [title for title, _ in sections] == list(SECTIONS)
    assert all(points for _, points in sections)


def test_metadata_comes_from_each_document(files):
    def source(suffix):
        return read_document(files[suffix], "S1").source

    assert source(".txt").title is None
    md = source(".md")
    assert (md.title, md.publisher, md.author, str(md.date)) == (HEADLINE, PUBLISHER, AUTHOR, "2024-09-27")
    page = source(".html")
    assert (page.title, page.publisher, page.author, str(page.date), page.url) == (
        HEADLINE, PUBLISHER, AUTHOR, "2024-09-27", URL)
    word = source(".docx")  # the core properties' creation date is when the file was made, not issued
    assert (word.title, word.author, word.date) == (HEADLINE, AUTHOR, None)
    pdf = source(".pdf")  # the file's creation date is no publication date
    assert (pdf.title, pdf.author, pdf.date) == (HEADLINE, AUTHOR, None)


def test_the_brief_overrides_the_documents_metadata(files, tmp_path):
    from deckgen.brief import load_brief
    from deckgen.pipeline import load_documents

    brief = tmp_path / "b.yaml"
    brief.write_text(f"sources:\n  - path: {files['.html']}\n    publisher: VOA News\n")
    source = load_documents([files[".html"]], load_brief(brief))[0].source
    assert source.publisher == "VOA News" and source.title == HEADLINE


def test_html_leaves_out_menus_ads_and_footers(files):
    text = read_document(files[".html"], "S1").text
    for noise in ("Home", "Advertisement", "Related stories", "Sponsored", "All rights reserved", "By Jeff"):
        assert noise not in text


def test_pdf_joins_hyphenated_words_and_keeps_real_hyphens(files):
    text = read_document(files[".pdf"], "S1").text
    assert "beyond reconstituting its operations" in text and "recon" not in text.replace("reconstituting", "")
    assert "part of a two-phased plan" in text and "U.S.-allied Syrian" in text


def test_pdf_paragraphs_by_indentation_and_page_numbers_are_furniture(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "indent.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Times-Roman", 12)
    lines = [(90, "The first paragraph starts here with an indent and it runs"),
             (72, "on to a second line that ends with a full stop, not short."),
             (90, "A second paragraph, with no gap above it, follows on and is"),
             (72, "just as long as the first paragraph was at its own end.")]
    for n, (x, line) in enumerate(lines):
        pdf.drawString(x, 700 - 14 * n, line)
    pdf.drawString(300, 40, "1")
    pdf.save()
    document = read_document(path, "S1")
    assert document.text.split("\n\n") == [" ".join(t for _, t in lines[:2]), " ".join(t for _, t in lines[2:]), "1"]
    assert [p.role for p in document.paragraphs] == [Role.BODY, Role.BODY, Role.FURNITURE]


def test_docx_tables_and_headings(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Overview", level=2)
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Force", "Troops"), ("U.S.", "2,500")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("After the table.")
    document.save(str(tmp_path / "t.docx"))
    assert paragraph_texts(tmp_path / "t.docx") == [
        "# Overview", "Before the table.", "Force | Troops", "U.S. | 2,500", "After the table."]
    roles = [p.role for p in read_document(tmp_path / "t.docx", "S1").paragraphs]
    assert roles == [Role.HEADING, Role.BODY, Role.TABLE_ROW, Role.TABLE_ROW, Role.BODY]


def test_html_lists_and_headings(tmp_path):
    path = tmp_path / "p.html"
    path.write_text("<html><body><article><h2>Key facts</h2><p>Officials gave <b>two</b> numbers "
                    "on Friday, and they agreed on both.</p><ul><li>About 2,500 troops in Iraq.</li>"
                    "<li>About 900 troops in Syria.</li></ul><p>Talks go on and will resume next month "
                    "in Baghdad, the officials said.</p></article></body></html>")
    assert paragraph_texts(path) == [
        "# Key facts", "Officials gave two numbers on Friday, and they agreed on both.",
        "About 2,500 troops in Iraq.", "About 900 troops in Syria.",
        "Talks go on and will resume next month in Baghdad, the officials said."]


def test_pdf_without_text_and_with_password(tmp_path):
    from reportlab.pdfgen import canvas

    blank = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(blank))
    pdf.rect(100, 100, 200, 200)
    pdf.save()
    with pytest.raises(InputError, match="no text layer"):
        read_document(blank, "S1")
    locked = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(locked), encrypt="secret")
    pdf.drawString(72, 700, "Hidden text.")
    pdf.save()
    with pytest.raises(InputError, match=f"{locked}: the PDF is protected by a password"):
        read_document(locked, "S1")


def test_help_imports_no_format_library():
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom deckgen.cli import app\n"
            "assert CliRunner().invoke(app, ['--help']).exit_code == 0\n"
            "print(sorted({'trafilatura', 'docx', 'pdfminer', 'markdown_it', 'charset_normalizer', 'lxml'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
