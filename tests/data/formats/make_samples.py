"""Write the one-of-every-format sample documents that `.ci/run` builds from a plain install.

The article is invented for these samples. Run from the repository root with the test
extras installed (reportlab writes the PDF): `python tests/data/formats/make_samples.py`.
"""

from pathlib import Path

HERE = Path(__file__).parent
TITLE = "Harbour council approves new flood wall"
PARAGRAPHS = [
    "The Eastport harbour council voted 7 to 2 on Tuesday to build a 1.4-kilometre flood wall "
    "along the old quay, the council's chair, Maria Lund, said.",
    "The wall will cost 38 million euros and is expected to be finished in 2028, according to "
    "the council's budget paper.",
    "“We cannot wait for the next storm surge to reach the market square,” Lund told reporters "
    "after the vote.",
    "Two councillors voted against the plan, saying the cost had not been checked by an "
    "independent engineer.",
    "Shop owners on the quay said they feared two years of building work would drive customers away.",
]


def main() -> None:
    (HERE / "sample.txt").write_text("\n\n".join([TITLE, *PARAGRAPHS]) + "\n", encoding="utf-8")
    (HERE / "sample.md").write_text(
        f"---\ntitle: {TITLE}\npublisher: Eastport Gazette\ndate: 2026-03-10\n---\n\n# {TITLE}\n\n"
        + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    body = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    (HERE / "sample.html").write_text(
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{TITLE}</title>"
        f"<meta property='og:site_name' content='Eastport Gazette'>"
        f"<meta property='article:published_time' content='2026-03-10'></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{TITLE}</h1>\n{body}"
        f"</article><footer>© 2026 Eastport Gazette</footer></body></html>\n", encoding="utf-8")

    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.add_heading(TITLE, level=0)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    document.save(HERE / "sample.docx")

    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    pdf = SimpleDocTemplate(str(HERE / "sample.pdf"), title=TITLE, invariant=1)
    pdf.build([Paragraph(TITLE, styles["Title"]), *(Paragraph(p, styles["BodyText"]) for p in PARAGRAPHS)])


if __name__ == "__main__":
    main()
