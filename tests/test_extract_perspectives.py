"""Perspectives: statements grouped by who makes them, and contrasting claims side by side."""

import pytest

from deckgen.brief import load_brief
from deckgen.compress import is_faithful
from deckgen.extract.attribution import attribute
from deckgen.extract.perspectives import SEVERAL, find_contrasts, find_statements, perspectives
from deckgen.model import Document, SourceInfo
from deckgen.pipeline import load_documents
from deckgen.segment import segment

from .conftest import BRIEF, SEED


@pytest.fixture(scope="module")
def seed():
    return load_documents([SEED], load_brief(BRIEF))[0]


@pytest.fixture(scope="module")
def statements(seed):
    return find_statements(seed, attribute(seed))


def statements_of(text: str):
    document = segment(Document(SourceInfo("S1", "t.txt"), text))
    return find_statements(document, attribute(document))


def group_of(statements, sentence_id: str) -> str:
    (statement,) = [s for s in statements if s.sentence_ids[0] == sentence_id]
    return statement.group


def test_seed_groups(statements):
    assert [p.group for p in perspectives(statements)] == [
        "U.S. officials", "Other", "Iraqi officials", SEVERAL, "Independent analysts", "International bodies"]
    assert group_of(statements, "S1.3") == "U.S. officials"  # Singh, Deputy Pentagon press secretary
    assert group_of(statements, "S1.34") == "U.S. officials"  # U.S. Central Command
    assert group_of(statements, "S1.41") == "U.S. officials"  # U.S. intelligence officials
    assert group_of(statements, "S1.8") == "U.S. officials"  # "the official", after "The U.S. officials"
    assert group_of(statements, "S1.26") == "U.S. officials"  # "The defense official"
    assert group_of(statements, "S1.20") == "Iraqi officials"
    assert group_of(statements, "S1.22") == "Iraqi officials"  # Abbasi, Iraqi Defense Minister
    assert group_of(statements, "S1.29") == "Iraqi officials"  # al-Sudani, "he said"
    assert group_of(statements, "S1.37") == "Independent analysts"  # Lister, Middle East Institute
    assert group_of(statements, "S1.39") == "International bodies"  # United Nations report
    assert group_of(statements, "S1.33") == SEVERAL  # some U.S. officials and independent analysts


def test_seed_statements_are_faithful_and_keep_their_sentences(seed, statements):
    sentences = {s.id: s.text for s in seed.sentences}
    for statement in statements:
        assert is_faithful(statement.text, sentences[statement.sentence_ids[0]])
    assert "S1.15" not in {s.sentence_ids[0] for s in statements}  # nobody is said to say it


def test_seed_not_a_withdrawal_against_leaving_within_two_years(statements):
    contrasts = find_contrasts(statements)
    (withdrawal,) = [c for c in contrasts if c.topic == "withdrawal"]
    assert [s.sentence_ids[0] for s in withdrawal.first] == ["S1.3", "S1.7"]
    assert [s.sentence_ids[0] for s in withdrawal.second] == ["S1.20"]
    assert {s.group for s in withdrawal.first} == {"U.S. officials"}
    assert "The U.S. is not withdrawing from Iraq" in withdrawal.first[0].text
    assert "rejected characterizations of the agreement as a U.S. pullout" in withdrawal.first[1].text
    assert "leave within the next two years" in withdrawal.second[0].text
    assert withdrawal.second[0].group == "Iraqi officials"


def test_seed_threat_downplayed_against_analysts_warning(statements):
    (threat,) = [c for c in find_contrasts(statements) if c.topic == "threat"]
    assert [s.sentence_ids[0] for s in threat.first] == ["S1.13", "S1.14", "S1.32"]
    assert [s.sentence_ids[0] for s in threat.second] == ["S1.36", "S1.37", "S1.38"]
    assert len(find_contrasts(statements)) == 2


def test_no_contrast_within_one_group_or_with_one_polarity():
    same_group = statements_of("U.S. officials said troops are not withdrawing. "
                               "A Pentagon spokesman said troops are leaving.")
    assert find_contrasts(same_group) == []
    same_polarity = statements_of("U.S. officials said troops are leaving. Iraqi officials said troops are leaving.")
    assert find_contrasts(same_polarity) == []


def test_opposed_groups_contrast_and_mixed_speakers_do_not():
    opposed = statements_of("U.S. officials said troops are not withdrawing. Iraqi officials said troops are leaving.")
    (contrast,) = find_contrasts(opposed)
    assert (contrast.first[0].group, contrast.second[0].group) == ("U.S. officials", "Iraqi officials")
    assert contrast.sentence_ids == ("S1.1", "S1.2")
    mixed = statements_of("U.S. officials and Iraqi officials said troops are not withdrawing. "
                          "Iraqi officials said troops are leaving.")
    assert mixed[0].group == SEVERAL and find_contrasts(mixed) == []


def test_an_unresolved_pronoun_makes_no_statement():
    assert statements_of("He said the troops are not withdrawing.") == []


def test_close_paraphrases_with_opposite_polarity_contrast_outside_any_frame():
    statements = statements_of("U.S. officials said the border crossing will reopen next week. "
                               "Iraqi officials said the border crossing will not reopen next week. "
                               "Iraqi officials said oil exports will not grow next year.")
    (contrast,) = find_contrasts(statements)
    assert contrast.topic is None and contrast.sentence_ids == ("S1.1", "S1.2")
