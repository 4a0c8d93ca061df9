from deckgen.ingest import read_document
from deckgen.model import Document, SourceInfo
from deckgen.segment import segment

from .conftest import SEED


def sentences_of(text: str) -> list[str]:
    return [s.text for s in segment(Document(SourceInfo("S1", "t.txt"), text)).sentences]


def test_abbreviations_do_not_end_sentences():
    text = ("Gen. Smith met U.S. officials in Sept. last year. "
            "The U.S.-allied Syrian Democratic Forces held the area. It was calm.")
    assert sentences_of(text) == [
        "Gen. Smith met U.S. officials in Sept. last year.",
        "The U.S.-allied Syrian Democratic Forces held the area.",
        "It was calm.",
    ]


def test_initials_and_quotes():
    text = "J. R. R. Tolkien wrote it. “We are done,” she said. “Really?” he asked."
    assert sentences_of(text) == ["J. R. R. Tolkien wrote it.", "“We are done,” she said.", "“Really?” he asked."]


def test_offsets_point_into_the_text_and_ids_count_from_one():
    document = segment(read_document(SEED, "S1"))
    assert [s.id for s in document.sentences[:3]] == ["S1.1", "S1.2", "S1.3"]
    for sentence in document.sentences:
        assert document.text[sentence.start:sentence.end] == sentence.text
        assert sentence.text in document.paragraph_text(sentence.paragraph)


def test_seed_paragraph_three_holds_two_sentences():
    document = segment(read_document(SEED, "S1"))
    in_three = [s.text for s in document.sentences if s.paragraph == 3]
    assert in_three == [
        "“The U.S. is not withdrawing from Iraq,” Singh told reporters in response to a VOA question at the briefing.",
        "“I cannot get into more details on what that front footprint is going to look like.”",
    ]


def test_a_long_run_without_punctuation_is_cut():
    text = "word " * 400
    pieces = sentences_of(text)
    assert len(pieces) > 1 and all(len(p) <= 600 for p in pieces)


def test_a_long_sentence_is_not_split_before_a_title_or_after_a_word_it_goes_on_from():
    sentence = ("The minister, who has spent most of the past decade in opposition and much of the last year "
                "on the road visiting constituencies across the north of the country, told The Times in an "
                "interview that he would read The Guardian too and that the party's plan was sound.")
    assert len(sentence) > 250 and sentences_of(sentence) == [sentence]


def test_a_semicolon_does_not_end_a_sentence():
    # syntok ends a sentence at "; United ..." (a CNN/DM dev-set sentence was split over two sections)
    sentence = ("Delta Air Lines came in second place with 5.6 million U.S. award seats; United Airlines ranked "
                "third with 5 million U.S. award tickets; and American Airlines was fourth with 3.5 million.")
    assert sentences_of(sentence + " Southwest was first.") == [sentence, "Southwest was first."]


def test_a_source_tag_or_dateline_opening_a_paragraph_belongs_to_no_sentence():
    text = ("Istanbul (CNN) -- An earthquake that rattled western Turkey killed two people.\n"
            "(CNN)Deputies rushed the suspect from court. He swore at a judge.\n"
            "WASHINGTON (AP) — The Senate passed the bill on Tuesday.\n"
            "Scroll down for video Firefighters reached the blaze within minutes.")
    document = segment(Document(SourceInfo("S1", "t.txt"), text))
    assert [s.text for s in document.sentences] == [
        "An earthquake that rattled western Turkey killed two people.",
        "Deputies rushed the suspect from court.", "He swore at a judge.",
        "The Senate passed the bill on Tuesday.",
        "Firefighters reached the blaze within minutes.",
    ]
    for sentence in document.sentences:  # offsets still point into the text
        assert document.text[sentence.start:sentence.end] == sentence.text


def test_a_name_in_brackets_inside_a_paragraph_is_no_source_tag():
    assert sentences_of("The minister (Labour) said the plan would go ahead.") == [
        "The minister (Labour) said the plan would go ahead."]
    assert sentences_of("(CNN)") == ["(CNN)"]  # a tag with nothing after it stays what it is


def test_a_wire_dateline_and_a_run_in_heading_belong_to_no_sentence():
    text = ("WASHINGTON – Two federal officers were charged on Tuesday.\n"
            "DUBAI, United Arab Emirates — The airline finalized an order for 50 jets.\n"
            "He played for years. 3. LAST SPELL OF COMMENTARY IN ENGLAND Benaud's final duties came in 2005.\n"
            "HUA FU, a Panama-flagged vessel, was designated.\n"
            "New York, NY – With engagement moving to mobile, my6sense launched a native ad unit.\n"
            "Redmond, Wash. — Microsoft announced a new chief executive.\n"
            "Paris, the capital, – as the mayor put it – Is not for sale.")
    assert sentences_of(text) == [
        "Two federal officers were charged on Tuesday.",
        "The airline finalized an order for 50 jets.",
        "He played for years.", "Benaud's final duties came in 2005.",
        "HUA FU, a Panama-flagged vessel, was designated.",  # a name, no heading
        "With engagement moving to mobile, my6sense launched a native ad unit.",  # a press release's dateline
        "Microsoft announced a new chief executive.",
        "Paris, the capital, – as the mayor put it – Is not for sale.",  # no dateline: a lower-case word
    ]


def test_a_full_stop_left_after_a_reference_starts_no_sentence():
    # legal summary: syntok ends a sentence at "(3))" and puts its full stop in front of the next
    text = ("The statute also establishes procedures for notification. (Section 512(c)(3)). Under the notice "
            "and takedown procedure, a copyright owner submits a notification to the designated agent.")
    document = segment(Document(SourceInfo("S1", "t.txt"), text))
    assert document.sentences[-1].text.startswith("Under the notice")
    assert all(document.text[s.start:s.end] == s.text for s in document.sentences)
