from deckgen.analysis import analyse, load_pipeline
from deckgen.model import Document, SourceInfo
from deckgen.segment import segment


def _document(text: str) -> Document:
    return segment(Document(SourceInfo(id="S1", path="t.txt"), text))


def test_the_pipeline_is_the_english_one_with_a_parser_and_entities():
    names = load_pipeline().pipe_names
    assert {"tagger", "parser", "ner"} <= set(names)


def test_a_sentence_span_covers_the_sentence_text():
    document = _document("The council voted on Tuesday. Officials said the wall would cost 38 million euros.")
    analysis = analyse(document)
    second = document.sentences[1]
    span = analysis.span(second)
    assert span.text == second.text
    said = next(t for t in span if t.lemma_ == "say")
    assert [t.text for t in said.children if t.dep_ == "nsubj"] == ["Officials"]
