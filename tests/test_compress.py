"""Bullets are made by deleting words; each expectation below was checked by reading."""

import pytest

from deckgen.compress import bullet_text, is_faithful

CASES = [
    # trailing attribution of a named speaker becomes a credit
    ("“The U.S. is not withdrawing from Iraq,” Singh told reporters in response to a VOA question at the briefing.",
     "“The U.S. is not withdrawing from Iraq” — Singh"),
    ("“Our footprint is going to be changing,” said Pentagon Deputy Press Secretary Sabrina Singh, "
     "briefing reporters Friday.",
     "“Our footprint is going to be changing” — Sabrina Singh"),
    # a described speaker is kept in brackets
    ("The first phase of the agreement, set to start immediately, will see coalition forces wrap up their efforts "
     "in Iraq no later than a year from now, senior U.S. officials said Friday.",
     "The first phase of the agreement, set to start immediately, will see coalition forces wrap up their efforts "
     "in Iraq no later than a year from now (senior U.S. officials)"),
    ("Scottish voters would rather have a referendum on the EU than another independence vote, a new survey has revealed.",
     "Scottish voters would rather have a referendum on the EU than another independence vote (a new survey)"),
    ("Monsour Alshammari, 27, is in the U.S. on a Saudi government student sponsorship and has ties to the "
     "country's royal family, according to court documents.",
     "Monsour Alshammari, 27, is in the U.S. on a Saudi government student sponsorship and has ties to the "
     "country's royal family (court documents)"),
    # a pronoun speaker stays as written; only the words after its verb go
    ("“The strongholds that they had in Iraq, they don’t have those anymore, or not what they used to,” "
     "she said in response to a question from VOA.",
     "“The strongholds that they had in Iraq, they don’t have those anymore, or not what they used to,” she said."),
    # an appositive after the opening name, and a non-restrictive clause
    ("Charles Lister, the director of the Countering Terrorism and Extremism Program at the Middle East Institute, "
     "has tracked about 500 IS attacks this year.",
     "Charles Lister has tracked about 500 IS attacks this year."),
    ("U.S. Central Command, which oversees U.S. forces across the Middle East, warned in July that IS in Iraq and "
     "Syria “was on pace to more than double the total number of attacks they claimed in 2023.”",
     "U.S. Central Command warned in July that IS in Iraq and Syria “was on pace to more than double the total "
     "number of attacks they claimed in 2023.”"),
    # a source tag or dateline, and a leading discourse word
    ("(CNN)Blues legend B.B. King was hospitalized for dehydration, though the ailment didn't keep him out for long.",
     "Blues legend B.B. King was hospitalized for dehydration, though the ailment didn't keep him out for long."),
    ("New Delhi, India (CNN)As the earth shook in Nepal, tremors were felt over the border in India as well.",
     "As the earth shook in Nepal, tremors were felt over the border in India as well."),
    ("But they had overlooked the fact that their kite was so big, it posed a danger to passing aircraft.",
     "They had overlooked the fact that their kite was so big, it posed a danger to passing aircraft."),
]

UNCHANGED = [
    # a list after "TV," is not an appositive
    "Stan Freberg, whose comic career garnered him acclaim and whose satires abounded on TV, the radio and on "
    "records, has died.",
    # "which" opening a list item late in the sentence is not a clause to drop
    "Ian Guffick asked pupils to make changes to the national curriculum tests for 11-year-olds, which assess "
    "English, maths and science at Mitton Manor Primary School.",
    # a pronoun with "told" keeps its object
    "“We are in Iraq at the invitation of the Iraqi government,” she told reporters Friday.",
    "Islamic State (IS) fighters attacked the town.",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_bullet(sentence, expected):
    assert bullet_text(sentence) == expected
    assert is_faithful(expected, sentence)


@pytest.mark.parametrize("sentence", UNCHANGED)
def test_left_whole(sentence):
    assert bullet_text(sentence) == sentence


def test_faithfulness_is_an_in_order_subsequence():
    quote = "The U.S. officials said the 2,500 troops will stay."
    assert is_faithful("2,500 troops will stay", quote)
    assert is_faithful("The U.S. officials said", quote)
    assert not is_faithful("troops 2,500 will stay", quote)      # order changed
    assert not is_faithful("2,600 troops will stay", quote)      # figure changed
    assert not is_faithful("the troops will leave", quote)       # word added
    assert not is_faithful("", quote)
