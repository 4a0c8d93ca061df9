"""Real documents of every format (../shared/eval/realdocs, skipped when absent): what is around
the text never reaches the outline, and the title and date are those the document states.

Each document is built once, with its brief's sections and title but not its brief's source
metadata, so ``outline.sources`` shows what the reader found in the document itself. The
furniture strings below were found by reading each document (its page, PDF or Word file):
bylines, captions, credit and copyright lines, comment counts, related-story headlines,
tables of contents, running headers, printer's slugs, memo headers, footnotes and reference
lists, e-mail addresses. None may appear in a BLUF point, section bullet, figure, quote or
timeline item.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr
from datetime import date
from pathlib import Path

import pytest

from deckgen.brief import load_brief
from deckgen.pipeline import OutlineRequest, build_outline

REALDOCS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "realdocs"

# id: (title, date) as the document states them; furniture strings found by reading it.
EXPECTED = {
    "ascom-ge-pr": ("Ascom announces a strategic distribution partnership with GE Healthcare in Europe for "
                    "intensive care units", date(2017, 10, 12),
                    ["BAAR, SWITZERLAND", "please visit", "Alarm fatigue: impacts", "Joint Commission National"]),
    "bbc-assange": ("Sweden drops Assange rape investigation", date(2019, 11, 19),
                    ["Media caption", "Image caption", "Media playback", "Caroline Hawley, BBC", "© 2019 BBC",
                     "Related Topics"]),
    "cnbc-emirates": ("Emirates inks $9 billion order for 30 Boeing 787 jets, will restart plans to expand airline "
                      "by early 2020s", date(2019, 11, 20), ["Getty Images", "Natalie Naccache", "Subscribe"]),
    "datact-schema": ("The Digital Accountability Transparency Act Schema", None, ["Draft Version 0.5"]),
    "dmca-summary": ("The Digital Millennium Copyright Act of 1998", None,
                     ["Copyright Office Summary", "Page 1", "Pub. L. No. 105-304", "is used in this context as a short",
                      "! ", "b y1"]),
    "givewell-evidence-action": ("A grant to Evidence Action Beta to prototype, test, and scale promising programs",
                                 date(2018, 10, 9), ["(More)", "1 Comment"]),
    "irs-1040nr-instr": ("2007 Instruction 1040-NR", None,
                         ["PAGER/SGML", "Userid", "Leadpct", "Ok to Print", "The type and rule above", "Page 1 of 48",
                          "Fileid"]),
    "latimes-gannett": ("The Gannett/GateHouse merger sends a dismal signal about the future of local news",
                        date(2019, 11, 19), ["Polymer", "BSD", "© 2019, Los Angeles Times", "Column:"]),
    "my6sense-pr": ("Native Ad Platform my6sense Names Mobile Marketing Pioneer Ivan Braiker Chief Strategy Officer",
                    date(2018, 7, 2), ["| my6sense", "Privacy Policy"]),
    "omb-m-13-13": ("M-13-13 — Memorandum for the Heads of Executive Departments and Agencies", None,
                    ["Sylvia M. Burwell", "Steven VanRoekel", "datause@omb.eop.gov", "available at", "Table of Contents",
                     "{:", "<br", "[^"]),
    "planetarypress-forests": ("Management of Intact Forestlands by Indigenous Peoples Key to Protecting Climate",
                               date(2020, 1, 17), ["Courtesy of Forests News", "Written by", "Header Image",
                                                   "Tomas Munita"]),
    "pvmag-korea-solar": ("South Korea’s roadmap to drive down solar costs", date(2019, 11, 20),
                          ["Leave a Reply", "Most popular", "newsletter", "GDPR"]),
    "shinyama-naacl06": ("Preemptive Information Extraction using Unrestricted Relation Discovery", None,
                         ["@cs.nyu.edu", "715, Broadway", "Ellen Riloff. 1996", "Yangarber, Ralph Grishman",
                          "Proceedings of the", "Table 3: Evaluation", "Figure 1: Obtaining"]),
    "smithsonian-plague": ("Three Cases of Plague Diagnosed in China", date(2019, 11, 18),
                           ["Comment on this Story", "GSCHMEISSNER", "Read more", "Photographs"]),
    "thec-lottery-memo": ("Tennessee Education Lottery Scholarship Bill", date(2023, 2, 15),
                          ["To: Tennessee Higher", "From: Chase Stahl", "February 15th", "TOTAL COST | SAVINGS",
                           "White, Not Hispanic"]),
    "timesunion-pge": ("PG&E begins new mass power shutoff over fire danger", date(2019, 11, 20),
                       ["1 of 4", "Hearst", "Grass Valley", "extension cords"]),
    "treasury-dprk-pr": ("Treasury Announces Largest North Korean Sanctions Package Targeting 56 Shipping and Trading "
                         "Companies and Vessels to Further Isolate Rogue Regime", date(2018, 2, 23),
                         ["**", "](", "&nbsp;"]),
    "usaspending-testplan": ("Usability Test Plan", date(2016, 2, 8),
                             ["Error! Bookmark", "Document Overview 3", "Heidi McGuigan", "02/08/2016"]),
    "usatoday-epstein": ("Prison guards charged in connection with Jeffrey Epstein's death", date(2019, 11, 19),
                         ["Internal memo:", "Staffers 'don't care'", "inner circle eyed", "Contributing:",
                          "Copyright Gannett"]),
    "va-open-data-memo": ("Open Data - Quarterly Data Asset Collection Requirements (VAIQ 7423360)", date(2014, 2, 26),
                          ["FEB 2 6", "~7", "Joe.Salvatore@va.gov", "ATTACHMENT 1 continued",
                           "Under Secretaries, Assistant Secretaries", "From: Acting", "Source: OMB Memorandum"]),
}

pytestmark = pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/eval/realdocs is not here")


@pytest.fixture(scope="module")
def built():
    """Per document: its outline and what the build wrote on stderr."""
    results = {}
    for name in EXPECTED:
        brief = load_brief(REALDOCS / f"{name}.brief.yaml")
        errors = io.StringIO()
        with redirect_stderr(errors):
            outline = build_outline(OutlineRequest(documents=tuple(e.path for e in brief.sources),
                                                   sections=brief.sections, title=brief.title))
        results[name] = outline, errors.getvalue()
    return results


def test_every_document_is_listed():
    assert sorted(EXPECTED) == sorted(p.name.removesuffix(".brief.yaml") for p in REALDOCS.glob("*.brief.yaml"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_furniture_reaches_the_outline(built, name):
    outline, errors = built[name]
    assert errors == ""
    assert outline.bluf
    items = [p.text for p in outline.all_points()] + [c.quote for p in outline.all_points() for c in p.citations]
    for noise in EXPECTED[name][2]:
        found = [item for item in items if noise in item]
        assert not found, (noise, found[:2])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_and_date_are_the_documents_own(built, name):
    source = built[name][0].sources[0]
    assert (source.title, source.date) == EXPECTED[name][:2]
