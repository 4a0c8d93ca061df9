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
