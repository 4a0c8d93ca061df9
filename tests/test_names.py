"""Who a short name stands for: names read from the document's own entities and tags."""

import pytest

from deckgen.analysis import load_pipeline
from deckgen.names import full_name, full_names, name_words


@pytest.mark.parametrize(("text", "words"), [
    ("Mr Hussen's", ("Hussen",)),                      # a title and a possessive go
    ("Gen. Allen Batschelet", ("Allen", "Batschelet")),
    ("Dr Jane Okafor", ("Jane", "Okafor")),
    ("Andrew Ng", ("Andrew", "Ng")),                   # a last word is never a title
    ("J. K. Rowling", ("J.", "K.", "Rowling")),        # initials are no titles
])
def test_a_names_words_drop_titles_and_possessives(text, words):
    assert name_words(text) == words


def last_subject(text):
    doc = load_pipeline()(text)
    return next(t for t in list(doc.sents)[-1] if t.dep_ == "nsubj")


def test_a_short_name_takes_the_one_full_name_the_document_gives():
    assert full_name(last_subject("Coach Darnell Pryce joined in 2019. Pryce won the league.")) == "Darnell Pryce"
    # nobody named in full, two people, or a full name already: nothing to add
    assert full_name(last_subject("The club grew in 2019. Pryce won the league.")) is None
    assert full_name(last_subject("Hillary Clinton met Bill Clinton in Iowa. Clinton won the vote.")) is None
    assert full_name(last_subject("Coach Darnell Pryce joined in 2019. Darnell Pryce won the league.")) is None


def test_a_full_name_opens_with_a_capital():
    # a tabloid's run-on caption: the recogniser reads a paper's name and a first name as one body
    doc = load_pipeline()("Adrian could not hide his emotions as Daniel began singing about their brotherly bond "
                          "Speaking to the Herald Sun Daniel said he did not realise guests would react so strongly.")
    assert [name.text for name in full_names(doc)] == []
    doc = load_pipeline()("Daniel Sturridge scored twice. Sturridge said the team played well.")
    assert [name.text for name in full_names(doc)] == ["Daniel Sturridge"]
