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


def test_the_doc_covers_the_document_text_and_each_sentence_is_parsed_on_its_own():
    document = _document("The council voted on Tuesday.  Officials said the wall would cost 38 million euros.\n\n"
                         "Work starts in May.")
    analysis = analyse(document)
    assert analysis.doc.text == document.text
    for sentence in document.sentences:
        span = analysis.span(sentence)
        assert span.text == sentence.text
        assert analysis.parsed(sentence)
        # one root per sentence: no parse runs across two of them
        assert [t.text for t in span if t.head == t] == [{"The": "voted", "Officials": "said", "Work": "starts"}[span[0].text]]


def test_only_the_sentences_given_are_parsed():
    document = _document("The council voted on Tuesday. Officials said the wall would cost 38 million euros. "
                         "Work starts in May.")
    first, second, third = document.sentences
    analysis = analyse(document, [second])
    assert analysis.doc.text == document.text
    assert analysis.parsed(second) and not analysis.parsed(first) and not analysis.parsed(third)
    assert any("38 million" in e.text for e in analysis.span(second).ents)
    assert not analysis.span(third).ents  # "May" would be a date, had it been parsed


def test_sentence_parses_keep_no_tagger_tensor():
    # the tensor is four fifths of a parse's memory and nothing reads it: a 5 MB document's
    # sentence parses must not hold it while they are merged into the document's Doc
    from deckgen.analysis import _parse

    document = _document("The council voted on Tuesday. Officials said the wall would cost 38 million euros.")
    parses = _parse(load_pipeline(), document.sentences, {})
    assert len(parses) == 2
    assert all(doc.tensor.size == 0 and doc[0].dep_ for doc in parses.values())
