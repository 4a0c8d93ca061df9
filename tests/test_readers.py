"""Each reader gives paragraphs with their roles, and the metadata the document states.

The fixtures are made here and look like the real thing: a news page with its menus, byline,
picture caption, related links and comment count; a Word report with heading styles, a table
of contents, a list, a quotation and a table; a two-column PDF; a PDF with running headers,
footers, footnote numerals, bullets and hyphenation; Markdown with front matter and footnotes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from deckgen.ingest import read_document
from deckgen.model import TEXT_ROLES, Role
from deckgen.segment import segment


def read(path):
    return segment(read_document(path, "S1"))


def texts_with(document, role):
    return [document.paragraph_text(p.number) for p in document.paragraphs if p.role is role]


def sentences(document):
    return [s.text for s in document.sentences]


def assert_never_in_a_sentence(document, furniture):
    joined = " ".join(sentences(document))
    for noise in furniture:
        assert noise not in joined, noise


# ---- HTML ---------------------------------------------------------------------------------------
STORY = ["Prosecutors in Sweden have dropped an investigation into an allegation made in 2010, officials said.",
         "The decision was taken after interviews with seven witnesses, the prosecution authority said.",
         "The investigation had been shelved in 2017 but was re-opened earlier this year.",
         "A hearing on the separate extradition request is due to take place in February."]


def test_html_roles_furniture_and_title(tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY[:2])
    more = "".join(f"<p>{p}</p>" for p in STORY[2:])
    page = tmp_path / "story.html"
    page.write_text(f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Sweden drops investigation | World News Daily</title>
<meta property="og:title" content="Sweden drops investigation | World News Daily">
<meta property="og:site_name" content="World News Daily">
<meta property="article:published_time" content="2019-11-19T10:00:00Z">
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Sweden drops investigation</h1>
<p class="byline">By Jane Doe</p><p>Published: 19 November 2019</p>
{paragraphs}
<figure><img src="a.jpg" alt=""><figcaption>Tension: A woman wrapped in the flag walks past the court</figcaption></figure>
<h2>What happens next?</h2>
{more}
<ul><li>Seven witnesses were interviewed by the prosecutors in Stockholm.</li>
<li>The case had been reopened after the eviction in April.</li></ul>
<blockquote><p>The evidence has weakened considerably over the long period of time since the events.</p></blockquote>
<p>941 comments</p>
<p>Share this article</p>
</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Assange loses appeal</a></li><li><a href="/b">Embassy row</a></li></ul></aside>
</main><footer><p>© 2019 World News Daily. All rights reserved.</p></footer></body></html>""", encoding="utf-8")
    document = read(page)
    assert document.source.title == "Sweden drops investigation"
    assert document.source.publisher == "World News Daily" and document.source.date == date(2019, 11, 19)
    assert "What happens next?" in texts_with(document, Role.HEADING)
    assert texts_with(document, Role.LIST_ITEM) == [
        "Seven witnesses were interviewed by the prosecutors in Stockholm.",
        "The case had been reopened after the eviction in April."]
    assert texts_with(document, Role.QUOTATION) == [
        "The evidence has weakened considerably over the long period of time since the events."]
    assert [s for s in sentences(document) if s in STORY] == STORY
    assert_never_in_a_sentence(document, ["By Jane Doe", "Published", "Tension", "941 comments", "Share this",
                                          "Related", "Assange loses", "©", "Home"])


# ---- DOCX ---------------------------------------------------------------------------------------
def test_docx_roles_from_styles_and_metadata_from_the_text(tmp_path):
    import docx

    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()  # its template's core properties say created 2013: no publication date
    document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Annual Harbour Report", style="Title")
    document.add_paragraph("Date: March 3, 2021")
    document.add_paragraph("Contents", style="TOC Heading")
    document.add_paragraph("Overview\t1", style="toc 1")
    document.add_paragraph("Costs\t2", style="toc 1")
    document.add_heading("Overview", level=1)
    document.add_paragraph("The harbour wall was finished in June, two months late, the council said.")
    document.add_paragraph("Repairs to the north quay come next.", style="List Bullet")
    document.add_paragraph("We will not wait for the next storm surge to reach the square.", style="Quote")
    document.add_heading("Costs", level=2)
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Item", "Cost"), ("Wall", "38 million euros")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Figure 1: The wall seen from the market square", style="Caption")
    document.add_paragraph("The wall cost 38 million euros, according to the council's budget paper.")
    document.save(str(tmp_path / "report.docx"))
    read_back = read(tmp_path / "report.docx")
    roles = [(p.role, p.level) for p in read_back.paragraphs]
    assert roles == [(Role.HEADING, 1), (Role.FURNITURE, 0), (Role.FURNITURE, 0), (Role.FURNITURE, 0),
                     (Role.FURNITURE, 0), (Role.HEADING, 1), (Role.BODY, 0), (Role.LIST_ITEM, 0),
                     (Role.QUOTATION, 0), (Role.HEADING, 2), (Role.TABLE_ROW, 0), (Role.TABLE_ROW, 0),
                     (Role.CAPTION, 0), (Role.BODY, 0)]
    assert read_back.source.title == "Annual Harbour Report"
    assert read_back.source.date == date(2021, 3, 3)
    assert sentences(read_back) == [
        "The harbour wall was finished in June, two months late, the council said.",
        "Repairs to the north quay come next.", "We will not wait for the next storm surge to reach the square.",
        "The wall cost 38 million euros, according to the council's budget paper."]


def test_a_docx_with_no_date_in_its_text_has_none(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("The harbour council met on Tuesday and approved the wall.")
    document.save(str(tmp_path / "plain.docx"))
    source = read_document(tmp_path / "plain.docx", "S1").source
    assert source.date is None and source.title is None


# ---- PDF ----------------------------------------------------------------------------------------
LEFT = ["Alpha council members met on Monday to discuss the harbour wall and its costs.",
        "They agreed that the first stage of the work should start in the spring.",
        "The chair said the plan had the support of most residents on the quay."]
RIGHT = ["Beta engineers warned that the old quay could not hold the weight of the wall.",
         "Their report asks for a survey of the foundations before any building starts.",
         "The survey would take three months and cost about two million euros."]


def _wrapped(text, width, font="Helvetica", size=10):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for word in text.split():
        if stringWidth(f"{line} {word}".strip(), font, size) <= width:
            line = f"{line} {word}".strip()
        else:
            lines.append(line)
            line = word
    return [*lines, line]


def test_a_two_column_pdf_reads_column_by_column(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "columns.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(612, 792))
    pdf.setTitle("Harbour wall: two views")
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(72, 720, "Harbour wall: two views")
    for x, column in ((72, LEFT), (324, RIGHT)):
        y = 690
        pdf.setFont("Helvetica", 10)
        for paragraph in column:
            for line in _wrapped(paragraph, 216):
                pdf.drawString(x, y, line)
                y -= 12
            y -= 8
    pdf.save()
    document = read(path)
    assert document.source.title == "Harbour wall: two views"
    assert sentences(document) == LEFT + RIGHT


def test_pdf_running_lines_footnotes_bullets_and_hyphens(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "report.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(612, 792))
    for page in (1, 2, 3):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, 750, "Harbour Safety Review")
        pdf.drawString(72, 40, f"Council Summary December 1998 Page {page}")
        pdf.setFont("Helvetica", 11)
        y = 700
        body = [f"On page {page} the inspectors found that the crew took corrective action."]
        pdf.drawString(72, y, body[0])
        pdf.setFont("Helvetica", 7)
        pdf.drawString(72 + pdf.stringWidth(body[0], "Helvetica", 11), y + 4, str(page))
        pdf.setFont("Helvetica", 11)
        y -= 14
        pdf.drawString(72, y, "The agency sent a letter to the operator and asked for a full recon-")
        y -= 14
        pdf.drawString(72, y, "struction of the events of that night, the report says.")
        y -= 24
        pdf.drawString(72, y, "• The survey of the quay starts in May.")
        y -= 14
        pdf.drawString(72, y, "! The wall is finished by 2028.")
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, 80, f"{page} See the {('first', 'second', 'third')[page - 1]} letter to the operator.")
        pdf.showPage()
    pdf.save()
    document = read(path)
    assert "On page 2 the inspectors found that the crew took corrective action." in sentences(document)
    assert "The agency sent a letter to the operator and asked for a full reconstruction of the events of that " \
           "night, the report says." in sentences(document)
    assert texts_with(document, Role.LIST_ITEM)[:2] == ["The survey of the quay starts in May.",
                                                        "The wall is finished by 2028."]
    assert "3 See the third letter to the operator." in texts_with(document, Role.FOOTNOTE)
    furniture = texts_with(document, Role.FURNITURE)
    assert "Harbour Safety Review" in furniture and "Council Summary December 1998 Page 2" in furniture
    assert_never_in_a_sentence(document, ["action.1", "action.2", "Safety Review", "Council Summary", "See the",
                                          "•", "!"])


def _memo(path, runs):
    """A page set from ``runs``: (font, x of the first line, x of the lines after it, space
    above, lines), in 11 points."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(612, 792))
    y = 720
    for font, first_x, then_x, space, lines in runs:
        pdf.setFont(font, 11)
        y -= space
        for index, line in enumerate(lines):
            pdf.drawString(then_x if index else first_x, y, line)
            y -= 12.6
    pdf.save()
    return read(path)


def test_a_numbered_item_runs_on_at_its_hanging_indent(tmp_path):
    """pdfminer puts an item's first line and its hanging indent in two boxes: one paragraph,
    even where the next line opens with a capital ("Budget's")."""
    document = _memo(tmp_path / "memo.pdf", [
        ("Helvetica", 56, 69.5, 0, ["1. In support of the harbour plan, this memorandum gives guidance regarding the",
                                    "council's survey of the quay walls and the cost of the repairs."]),
        ("Helvetica", 56, 69.5, 14, ["2. Issued in May 2013 (and amended since then), the Office of Management and",
                                     "Budget's harbour policy calls for each agency to manage its quay walls as an",
                                     "asset and to report on them every quarter."])])
    assert texts_with(document, Role.BODY) == [
        "1. In support of the harbour plan, this memorandum gives guidance regarding the council's survey of "
        "the quay walls and the cost of the repairs.",
        "2. Issued in May 2013 (and amended since then), the Office of Management and Budget's harbour policy "
        "calls for each agency to manage its quay walls as an asset and to report on them every quarter."]


def test_headings_paragraphs_and_numbered_items_stay_apart(tmp_path):
    """A heading in bold just above an indented first line, an indented first line after a
    sentence's end, items that open with their own number (after a line that stops mid-sentence,
    too) and entries set with a hanging indent stay paragraphs of their own."""
    heading = "The harbour council and the survey of its quay walls"
    paragraphs = ["The council met on Monday to discuss the harbour wall and the cost of its repairs.",
                  "The engineers asked for a survey of the foundations before any building starts."]
    items = ["1. The survey of the quay walls starts in the spring and", "2. The council pays for the survey."]
    entries = ["Harbour Council. 2019. The state of the quay walls and of their foundations, a report to the "
               "council.", "Port Authority. 2020. The cost of the repairs to the quay walls in the old harbour "
               "district."]
    document = _memo(tmp_path / "memo.pdf", [
        ("Helvetica-Bold", 72, 72, 0, [heading]),
        ("Helvetica", 90, 72, 0, _wrapped(paragraphs[0], 300, size=11)),
        ("Helvetica", 90, 72, 0, _wrapped(paragraphs[1], 300, size=11)),
        ("Helvetica", 72, 72, 14, items[:1]), ("Helvetica", 72, 72, 0, items[1:]),
        ("Helvetica", 72, 90, 14, _wrapped(entries[0], 300, size=11)),
        ("Helvetica", 72, 90, 0, _wrapped(entries[1], 300, size=11))])
    assert texts_with(document, Role.HEADING) == [heading]
    assert texts_with(document, Role.BODY) == paragraphs + items + entries


def test_a_note_that_ends_in_an_address_is_no_start_of_the_next(tmp_path):
    """Each note opens with its raised number, which is taken out: the second note is a
    paragraph of its own although the first stops with no full stop."""
    from reportlab.pdfgen import canvas

    notes = ["The guidelines for the survey of the harbour are at http://www.example.org/harbour/guide",
             "The engineers' report on the quay walls is in the council's library."]
    path = tmp_path / "notes.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(612, 792))
    for index, note in enumerate(notes):
        pdf.setFont("Helvetica", 6)
        pdf.drawString(72, 703 - 11 * index, str(index + 1))
        pdf.setFont("Helvetica", 9)
        pdf.drawString(76, 700 - 11 * index, note)
    pdf.save()
    assert texts_with(read(path), Role.BODY) == notes


def test_pdf_title_is_never_the_file_name_and_its_creation_date_is_no_date(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan0042.pdf"
    pdf = canvas.Canvas(str(path), invariant=1)  # CreationDate 2000-01-01, the file's own
    pdf.setTitle("Microsoft Word - draft7.doc")
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawString(72, 720, "Flood Wall Review")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 690, "The review was published by the harbour council after the vote.")
    pdf.save()
    source = read_document(path, "S1").source
    assert (source.title, source.date) == ("Flood Wall Review", None)


# ---- Markdown -----------------------------------------------------------------------------------
def test_markdown_roles_footnotes_and_front_matter(tmp_path):
    path = tmp_path / "memo.md"
    path.write_text("""---
title: Open data memo
date: 2013-05-09
---

**From:**

* **Jane Doe**<br />Director
{: #from}

# Open data memo

Agencies must publish their data in open formats by the end of the year.[^1] This helps the public.

## Definitions

> Open data is data anyone can use.

* Data: structured information
* Dataset: a collection of data

| Term | Meaning |
|------|---------|
| PII | personal data |

[^1]: See the Executive Order of May 9, 2013.
""", encoding="utf-8")
    document = read(path)
    assert (document.source.title, document.source.date) == ("Open data memo", date(2013, 5, 9))
    assert [(p.role, p.level) for p in document.paragraphs if p.role is Role.HEADING] == [
        (Role.HEADING, 1), (Role.HEADING, 2)]
    assert texts_with(document, Role.QUOTATION) == ["Open data is data anyone can use."]
    assert texts_with(document, Role.TABLE_ROW) == ["Term | Meaning", "PII | personal data"]
    assert texts_with(document, Role.FOOTNOTE) == ["See the Executive Order of May 9, 2013."]
    assert "Agencies must publish their data in open formats by the end of the year." in sentences(document)
    assert_never_in_a_sentence(document, ["[^1]", "Jane Doe", "{:", "<br", "**", "Executive Order"])


# ---- every format --------------------------------------------------------------------------------
@pytest.mark.parametrize("role", list(Role))
def test_only_text_roles_hold_sentences(role):
    assert (role in TEXT_ROLES) == (role in (Role.BODY, Role.LIST_ITEM, Role.QUOTATION))


def test_a_junk_docx_names_its_problem(tmp_path):
    import zipfile

    from deckgen.errors import InputError

    path = tmp_path / "junk.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "not a word document")
    with pytest.raises(InputError) as raised:
        read_document(path, "S1")
    message = str(raised.value)
    assert message.startswith(f"{path}: not a readable .docx file (") and "KeyError" not in message


def test_note_numbers_glued_to_sentences_are_taken_out(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("The crew took corrective action.6 The FAA sent a letter to the operator[2] on Monday.\n\n"
                    "Growth was 2.6 percent, see Fig.3 and No.5 in the annex.\n", encoding="utf-8")
    assert sentences(read(path)) == ["The crew took corrective action.",
                                     "The FAA sent a letter to the operator on Monday.",
                                     "Growth was 2.6 percent, see Fig.3 and No.5 in the annex."]


SAMPLES = Path(__file__).parent / "data" / "formats"
SAMPLE_TITLE = "Harbour council approves new flood wall"


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx", ".pdf"])
def test_the_shipped_samples_carry_their_own_title_and_no_file_date(suffix):
    """The samples CI builds from a plain install: the .docx states no date (its core properties'
    creation date is python-docx's template's, 2013), the .pdf's information title is set (its
    creation date is reportlab's invariant 2000-01-01, no publication date)."""
    source = read_document(SAMPLES / f"sample{suffix}", "S1").source
    stated = date(2026, 3, 10) if suffix in (".md", ".html") else None
    assert (source.title, source.date) == (SAMPLE_TITLE, stated)


def test_a_three_column_notice_reads_in_order_without_its_preamble_and_dated_by_its_running_head(tmp_path):
    """A Federal Register page: a running head with the issue's date, the preamble's labelled
    lines (AGENCY, ACTION), then three columns of text."""
    from reportlab.pdfgen import canvas

    columns = [["AGENCY: Federal Aviation Administration (FAA), DOT.", "ACTION: Notice of proposed rulemaking.",
                "We propose to adopt a new airworthiness directive for certain airplanes with cracked spars."],
               ["The inspection must be done within 500 flight hours after the effective date of the directive.",
                "Operators reported that the cracks were found during routine maintenance at two stations."],
               ["The agency estimates that 120 airplanes of U.S. registry are affected by this proposal.",
                "The total cost for U.S. operators is estimated at 40,800 dollars for the first inspection."]]
    path = tmp_path / "notice.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(612, 792))
    pdf.setFont("Times-Roman", 7)
    pdf.drawString(40, 760, "Federal Register / Vol. 84, No. 123 / Wednesday, June 26, 2019 / Proposed Rules")
    pdf.drawString(560, 760, "30100")
    for x, column in zip((40, 225, 410), columns):
        y = 730
        pdf.setFont("Times-Roman", 9)
        for paragraph in column:
            for line in _wrapped(paragraph, 165, "Times-Roman", 9):
                pdf.drawString(x, y, line)
                y -= 11
            y -= 6
    pdf.save()
    document = read(path)
    assert sentences(document) == columns[0][2:] + columns[1] + columns[2]
    assert texts_with(document, Role.FURNITURE)[:3] == [
        "Federal Register / Vol. 84, No. 123 / Wednesday, June 26, 2019 / Proposed Rules", *columns[0][:2]]
    assert document.source.date == date(2019, 6, 26)
