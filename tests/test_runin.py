"""Run-ins: a second sentence run into the first with nothing between them (a picture caption
that lost its full stop), read from the parse. Test sentences are our own, in the shapes news
pages, reports, recipes and studies take."""

import pytest

from deckgen.analysis import analyse
from deckgen.extras import briefing_extras
from deckgen.model import Document, SourceInfo
from deckgen.plan import key_points
from deckgen.runin import runs_in
from deckgen.segment import segment
from deckgen.summarize import get_summarizer


def analysed(text: str):
    return analyse(segment(Document(SourceInfo("S1", "t.txt"), text)))


def sentences_of(text: str) -> list[str]:
    return [s.text for s in analysed(text).document.sentences]


@pytest.mark.parametrize("first, second", [
    # a caption ending in a place, then the story's sentence opening with a determiner
    ("A restored steam engine stands in the yard at Tenby station in Wales",
     "The engine was built in 1924 and ran until 1962."),
    # a picture note, then a name the parser made a second subject of the story's verb
    ("The mural painted by Ana Ruiz (pictured)", "Ruiz spent two years on the wall."),
    # a phrase before the subject opens the second sentence
    ("A satellite view shows the flooded delta near the coast",
     "In the worst-hit district more than 2,000 homes were lost."),
    # a report: a figure's caption, then the text
    ("Figure 3 shows the error rate for each model", "We trained every model for ten epochs."),
    ("Quarterly revenue rose in every region", "There were gains in both hardware and services."),
    # a closing quote ends the caption
    ("She called the plan ‘a bold experiment’", "The council approved it in May."),
    # a study: the first clause hangs on the second in the parse, but "Those" opens a sentence
    ("Patients who took the drug reported fewer symptoms", "Those on placebo saw no change."),
    # a sports caption the parser made the claim of the story's verb, with no comma to end it
    ("Jack Grealish made his first Premier League start for Aston Villa against QPR on Tuesday night",
     "Grealish saw Villa lose twice at Wembley in 2010."),
])
def test_a_caption_run_into_the_story_is_cut_where_the_story_starts(first, second):
    assert sentences_of(f"{first} {second}") == [first, second]


def test_cut_sentences_keep_their_offsets_paragraphs_and_ids():
    text = ("The town council met on Monday.\n"
            "Volunteers plant oak saplings along the river bank in spring Most of the trees survive their "
            "first winter. The council pays for the saplings.\n"
            "The next planting is in April.")
    analysis = analysed(text)
    document = analysis.document
    assert [(s.id, s.paragraph, s.text) for s in document.sentences] == [
        ("S1.1", 1, "The town council met on Monday."),
        ("S1.2", 2, "Volunteers plant oak saplings along the river bank in spring"),
        ("S1.3", 2, "Most of the trees survive their first winter."),
        ("S1.4", 2, "The council pays for the saplings."),
        ("S1.5", 3, "The next planting is in April."),
    ]
    for sentence in document.sentences:
        assert document.text[sentence.start:sentence.end] == sentence.text
        assert analysis.span(sentence).text == sentence.text and analysis.parsed(sentence)
        assert sentence.text in document.paragraph_text(sentence.paragraph)
    assert analysis.doc.text == document.text


def test_a_partial_analysis_cuts_nothing():
    # the sentences a long document's analysis is given keep their ids
    document = segment(Document(SourceInfo("S1", "t.txt"), "Quarterly revenue rose in every region There were "
                                                             "gains in both hardware and services. It was calm."))
    assert analyse(document, document.sentences[:1]).document is document


@pytest.mark.parametrize("sentence", [
    "He told The Times on Monday that the plan was sound.",  # a title after a verb: its object
    "She starred in Gone With the Wind in 1939.",
    "Our book club read The Old Man and the Sea in March.",  # a headline-case title
    "The committee discussed Pride and Prejudice and War and Peace last term.",
    "The report Smith wrote was wrong.",  # a relative clause with no relative word
    "President Joe Biden said the bill would pass.",
    "Officials said Obama would visit the plant.",  # the claim a verb reports
    "The Red Cross said Greek officials acted too slowly.",  # a claim opening with a name's adjective
    "Officials said US forces would leave the base.",
    "In 2010 Smith said the plan had failed.",  # the words before the name hang on its verb
    "We bought apples, pears and plums and Anna baked a pie.",  # a list, then a conjunction
    "The striker is out with a knee injury, so Dana Reyes starts in goal.",
    "The volunteers cleaned the beach in the morning and then Maria cooked lunch for everyone.",
    "When the storm hit the coast Residents fled inland.",  # a subordinate clause first
    "She said: The bill will pass.",  # punctuation between
    "Clarkson (pictured this week) said an angry mob targeted the team.",
    "Analysts at Morgan Stanley expect the Federal Reserve to cut rates twice this year.",
    "Mix two cups of flour with the butter until it crumbles.",
    "The rebels had taken the town by Tuesday night, Khalid Omar said.",  # a claim set off by a comma
])
def test_no_run_in(sentence):
    analysis = analysed(sentence)
    assert [s.text for s in analysis.document.sentences] == [sentence]
    assert not runs_in(analysis.span(analysis.document.sentences[0]))


UNSURE = "Fans gathered outside the stadium ahead of the Cup Final Hansen celebrates with the trophy on 3 May 2024."


def test_a_run_in_whose_start_is_unsure_is_refused_not_cut():
    # where the caption's name ends ("the Cup Final Hansen") the parse does not know: the
    # sentence stays whole, and is no key point
    text = (f"{UNSURE} The club opened its new stadium in the north of the city last year. "
            "The stadium holds 40,000 people and cost 300 million pounds. Tickets for next season go on sale in June.")
    analysis = analysed(text)
    first, *rest = analysis.document.sentences
    assert first.text == UNSURE and runs_in(analysis.span(first))
    picks = key_points(analysis.document.sentences, 2, get_summarizer("lead"), [analysis])
    assert picks == rest[:2]


def test_a_run_in_gives_no_timeline_item():
    later = "\nArsenal opened its new stadium on 12 August 2023.\nArsenal sold 20,000 season tickets on 1 June 2024."
    run_in = ("Arsenal beat Chelsea 2-0 in the FA Cup Final on 3 May 2024 ahead of the Europa League Final "
              "Hansen lifts the trophy.")
    punctuated = run_in.replace("Final Hansen", "Final. Hansen")
    assert runs_in(analysed(run_in).doc[:])
    assert [item.text for item in briefing_extras([analysed(run_in + later)])["timeline"]] == [
        "Arsenal opened its new stadium on 12 August 2023.", "Arsenal sold 20,000 season tickets on 1 June 2024."]
    assert [item.text for item in briefing_extras([analysed(punctuated + later)])["timeline"]] == [
        "Arsenal opened its new stadium on 12 August 2023.",
        "Arsenal beat Chelsea 2-0 in the FA Cup Final on 3 May 2024 ahead of the Europa League Final.",
        "Arsenal sold 20,000 season tickets on 1 June 2024."]
