"""Section titles read as queries (the "query" summarizer): kinds of question, headings, titles
with no shared word, absent topics, and the reason each choice carries into the outline."""

import re
from dataclasses import replace

import numpy as np

from deckgen.analysis import analyse
from deckgen.ingest import normalise
from deckgen.model import Citation, Document, Outline, Paragraph, Point, Role, Section, SectionSpec, SourceInfo
from deckgen.outline import from_dict, to_dict
from deckgen.segment import segment
from deckgen.summarize import get_summarizer
from deckgen.summarize.queries import read_query

QUAKE = """A strong earthquake struck eastern Turkey on Tuesday, officials said.

The quake was centred near the city of Van, about 60 miles from the Iranian border.

Rescuers pulled seventy people alive from collapsed buildings overnight.

The government sent 2,000 tents and $5 million in emergency aid to the region.

Prime Minister Recep Tayyip Erdogan visited the survivors on Wednesday."""


def document_of(text):
    """A document of one paragraph a line; a line opening with "# " is a heading (as a reader
    of Markdown would give it), the mark outside the paragraph's span."""
    text = normalise(text)
    paragraphs = []
    for number, line in enumerate(re.finditer(r"[^\n]+", text), start=1):
        heading = line.group().startswith("# ")
        paragraphs.append(Paragraph(number, line.start() + 2 * heading, line.end(),
                                    Role.HEADING if heading else Role.BODY, int(heading)))
    return segment(Document(SourceInfo(id="S1", path="x.txt"), text, tuple(paragraphs)))


def choose(text, titles, k=3):
    document = document_of(text)
    chosen = get_summarizer("query").choose(document.sentences, [SectionSpec(t) for t in titles], k,
                                            analyses=[analyse(document)])
    return [[(c.sentence.index, c.reason) for c in group] for group in chosen]


def test_a_title_is_read_for_the_kind_of_answer_it_asks():
    assert read_query("Where it struck").kinds == ("where",)
    assert read_query("Location and affected areas").kinds == ("where",)
    assert read_query("When it happens").kinds == ("when",)
    assert read_query("Who was charged").kinds == ("who",)
    assert read_query("How much was taken").kinds == ("how much",)
    assert read_query("Where it struck").words == ("struck",)


def test_where_is_answered_by_places_and_distances():
    where, = choose(QUAKE, ["Where it struck"], 2)
    assert {index for index, _ in where} <= {1, 2} and where
    assert all(reason.startswith("answers 'where'") for _, reason in where)


def test_how_much_is_answered_by_amounts():
    amounts, = choose(QUAKE, ["How much aid was sent"], 1)
    assert [index for index, _ in amounts] == [4]


def test_a_sentence_goes_to_the_section_it_answers_best():
    where, rescue = choose(QUAKE, ["Where it struck", "Rescue and relief"], 2)
    assert 3 in {index for index, _ in rescue} and 3 not in {index for index, _ in where}
    assert not {index for index, _ in where} & {index for index, _ in rescue}


def test_a_truly_absent_topic_stays_empty():
    # known weakness, not hidden: "Football transfer fees" finds 'sent' near 'transfer' here
    _, fraud = choose(QUAKE, ["Where it struck", "Stock market fraud"])
    assert fraud == []


def test_a_heading_that_matches_a_section_claims_the_text_under_it():
    text = ("# Winners\n\nThe film took best picture and best director at the ceremony.\n\n"
            "# Snubs and disappointments\n\nThe favourite went home with nothing at all.\n\n"
            "Critics called the omission of the lead actress baffling.")
    snubs, = choose(text, ["Snubs"], 3)
    assert [index for index, _ in snubs] == [2, 3]
    assert all(reason == "under heading 'Snubs and disappointments'" for _, reason in snubs)


def test_the_reason_travels_through_the_outline_dictionary_and_is_absent_when_none():
    citation = Citation("S1", 1, "Rescuers pulled seventy people alive.")
    outline = Outline("T", None, (SourceInfo("S1", "x.txt"),), (Point("A", (citation,)),),
                      (Section("Rescue", (Point("Rescuers pulled seventy people alive.", (citation,), ("S1.1",),
                                                reason="matches 'rescue'"),), sources=("S1",)),))
    raw = to_dict(outline)
    assert "reason" not in raw["bluf"][0]
    assert raw["sections"][0]["points"][0]["reason"] == "matches 'rescue'"
    assert from_dict(raw) == outline


def test_a_title_sharing_no_word_with_the_text_finds_its_sentences_by_what_it_asks():
    # no word of the title is in the story; "Which places" asks where, and Van and Turkey answer
    places, = choose(QUAKE, ["Which places were hit"], 2)
    assert places and {index for index, _ in places} <= {1, 2}


def test_when_and_who_are_answered_by_dates_and_people():
    assert read_query("Timeline of the rescue").kinds == ("when",)
    who, = choose(QUAKE, ["Who visited"], 1)
    assert [index for index, _ in who] == [5]
    assert who[0][1] == "answers 'who': names Recep Tayyip Erdogan"


def test_a_proposed_section_holds_only_points_about_its_title():
    # two stories told in alternation: flood and election sentences must not share a section
    text = ("Floodwaters rose across the river valley on Sunday, forcing hundreds of families from their homes.\n\n"
            "The governor's re-election campaign opened its first office in the capital on Monday.\n\n"
            "Emergency crews used boats to rescue residents trapped by the flood in low-lying streets.\n\n"
            "Polls show the governor leading her election challenger by six points.\n\n"
            "The flood damaged two bridges and closed the main highway for the week.\n\n"
            "Her challenger promised to cut property taxes if he wins the election in November.\n\n"
            "Forecasters warned that more rain could push the flood higher by Thursday.\n\n"
            "The campaign said it had raised four million dollars for the election since spring.")
    flood = {1, 3, 5, 7}
    for title, picked in get_summarizer().propose_sections(document_of(text).sentences, 2, 5):
        indices = {s.index for s in picked}
        assert indices <= flood or not indices & flood, (title, sorted(indices))


LAUNCH = """The city library will reopen its renovated main branch to the public.

The reopening is set for March 14, after eighteen months of building work.

Architects from the firm Lund & Berg redesigned the reading rooms around a glass courtyard.

The work cost $12 million, most of it raised from private donors.

Readers will find a larger children's floor and twice as many study desks."""


def test_when_is_answered_by_dates():
    # the lede, early and matching "opens", comes first; the date is picked for giving it
    when, = choose(LAUNCH, ["When it opens"], 2)
    assert dict(when)[2] == "answers 'when': names March 14"


def test_who_and_how_much_go_to_their_own_sections_in_another_genre():
    who, cost = choose(LAUNCH, ["Who designed it", "How much it cost"], 1)
    assert [index for index, _ in who] == [3] and [index for index, _ in cost] == [4]


def test_merged_topics_make_one_proposed_section():
    # four runs on two topics: the two runs on the harvest share their title word and are one section
    from deckgen.summarize import topics
    text = ("The grape harvest began early this year across the southern valleys.\n\n"
            "Growers said the harvest was the largest in a decade.\n\n"
            "A new rail line will link the valley towns to the coast by 2028.\n\n"
            "The rail line will carry passengers and freight on a single track.\n\n"
            "Pickers at the harvest were paid more than last year.\n\n"
            "The late harvest of white grapes starts next week in the hills.")
    pool = document_of(text).sentences
    labels = topics.merge_by_title(np.array([0, 0, 1, 1, 2, 2]), pool, topics.sentence_phrases(pool))
    assert labels.max() == 1 and labels[0] == labels[4] != labels[2]


def test_a_proposed_section_with_fewer_than_two_points_is_dropped(tmp_path):
    from deckgen.pipeline import load_documents
    from deckgen.plan import plan_outline
    from deckgen.summarize.base import MIN_PROPOSED_POINTS

    story = tmp_path / "story.txt"
    story.write_text("The museum opened a new wing on Saturday. Visitors queued for an hour to get in. "
                     "The wing holds the region's largest collection of maps. A storm cut power to the town "
                     "on Sunday night. Crews restored it by the morning.\n")

    class Proposes(get_summarizer().__class__):
        def propose_sections(self, sentences, count, max_points, *, analyses=None):
            return [("Maps", [s for s in sentences if "maps" in s.text]),
                    ("Storm", [s for s in sentences if "storm" in s.text or "Crews" in s.text])]

    outline = plan_outline(load_documents([story]), [], Proposes(), bluf_points=1)
    assert MIN_PROPOSED_POINTS == 2
    assert [section.title for section in outline.sections] == ["Storm"]


def test_a_heading_over_the_whole_document_is_its_title_and_claims_nothing():
    text = ("# Snubs of the night\n\nThe film took best picture and best director at the ceremony.\n\n"
            "The favourite went home with nothing at all.\n\n"
            "The winners' party ran until dawn at a hotel downtown.")
    winners, snubs = choose(text, ["Winners", "Snubs"], 3)
    assert not any(reason.startswith("under heading") for _, reason in winners + snubs)


FRAUD = """A bank manager who stole £80,000 from elderly customers was jailed for four years on Friday.

Mark Hale, 44, moved money from dormant accounts into his own over six years.

He forged signatures on withdrawal slips and hid the losses in branch ledgers.

Judge Ann Reid told him he had betrayed the trust of vulnerable people.

He must also repay the full amount within 12 months or serve a further two years.

The bank said it had refunded every customer and tightened its audits."""


def test_a_lede_may_answer_any_section_and_the_run_after_it_stays_where_it_belongs():
    scheme, punishment = choose(FRAUD, ["How the fraud worked", "Punishment"], 3)
    assert 1 in [index for index, _ in scheme + punishment]  # the lede answers both: it goes to one
    assert 2 in [index for index, _ in scheme] and 2 not in [index for index, _ in punishment]


def test_the_lede_is_each_documents_first_sentence_under_no_heading():
    from deckgen.summarize.query import _lede

    first, second = (document_of(text) for text in (FRAUD, "# Findings\n\nThe audit found no losses at all."))
    pool = [*first.sentences, *(replace(s, source="S2") for s in second.sentences)]
    assert list(_lede(pool, [None] * len(first.sentences) + ["Findings"])) == [True] + [False] * (len(pool) - 1)
    assert list(_lede(pool, [None] * len(pool))) == [True] + [False] * (len(first.sentences) - 1) + [True]
