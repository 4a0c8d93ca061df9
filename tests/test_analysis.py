import pytest

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


# what the document's Doc must carry of each token, as Doc.from_docs copies it from the pieces
TOKEN_ANNOTATIONS = {
    "text": lambda t: t.text, "whitespace": lambda t: t.whitespace_, "offset": lambda t: t.idx,
    "tag": lambda t: t.tag_, "pos": lambda t: t.pos_, "morph": lambda t: str(t.morph),
    "lemma": lambda t: t.lemma_, "norm": lambda t: t.norm_, "dep": lambda t: t.dep_,
    "head": lambda t: t.head.i, "children": lambda t: [c.i for c in t.children],
    "edges": lambda t: (t.left_edge.i, t.right_edge.i), "sentence start": lambda t: t.is_sent_start,
    "entity": lambda t: (t.ent_iob_, t.ent_type_, t.ent_kb_id_, t.ent_id_),
}


@pytest.mark.parametrize("picked", [None, (1, 3), ()])
def test_the_documents_doc_is_what_doc_from_docs_makes_of_its_pieces(picked):
    # the Doc is made from the sentences' annotations, not their Docs (a 5 MB document's parses
    # and its Doc side by side took 1.3 GB): it must be the Doc from_docs would make of them
    from spacy.tokens import Doc

    text = ("Police in Leeds arrested two men on Friday, West Yorkshire Police said.  The men are 24 and 31.\n\n"
            "Volunteers plant oak saplings along the river bank in spring Most of the trees survive "
            "their first winter.\n"
            "Manchester United beat Arsenal 2-1 at Old Trafford on Sunday. Ticket sales rose by 12 percent.")
    given, whole = _document(text), picked is None
    sentences = [given.sentences[i] for i in picked or ()]
    analysis = analyse(given) if whole else analyse(given, sentences)
    if whole:
        assert len(analysis.document.sentences) == len(given.sentences) + 1  # the run-in is cut
        sentences = analysis.document.sentences
    nlp = load_pipeline()
    pieces, position = [], 0
    for sentence, parse in zip(sentences, nlp.pipe(s.text for s in sentences)):
        pieces.extend((_gap(nlp, text[position:sentence.start], whole), parse))
        position = sentence.end
    pieces.append(_gap(nlp, text[position:], whole))
    expected = Doc.from_docs([p for p in pieces if p is not None], ensure_whitespace=False, exclude=["tensor"])
    doc = analysis.doc
    assert doc.text == expected.text == text
    for name, read in TOKEN_ANNOTATIONS.items():
        assert [read(t) for t in doc] == [read(t) for t in expected], name
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in expected.ents]
    assert [s.start for s in doc.sents] == [s.start for s in expected.sents]
    assert [analysis.parsed(s) for s in given.sentences] == [whole or i in picked for i in range(5)]
    if sentences:
        assert len({e.label_ for e in doc.ents}) >= 3


def _gap(nlp, text: str, tokenise: bool):
    """The Doc of the text between two parsed sentences, as analyse reads it (None for no text)."""
    from spacy.tokens import Doc

    if not text:
        return None
    doc = nlp.make_doc(text) if tokenise else Doc(nlp.vocab, words=[text], spaces=[False])
    doc[0].is_sent_start = True
    return doc
