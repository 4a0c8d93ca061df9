"""Key quotes: verbatim, with the speaker's name and role as the document gives them."""

import pytest

from deckgen.brief import load_brief
from deckgen.extract.attribution import SpeakerKind, attribute
from deckgen.extract.quotes import find_quotes, is_title
from deckgen.model import Document, SourceInfo
from deckgen.pipeline import load_documents
from deckgen.segment import segment

from .conftest import BRIEF, SEED

SINGH = "Sabrina Singh, Deputy Pentagon press secretary"
ABBASI = "Thabit al-Abbasi, Iraqi Defense Minister"
SUDANI = "Mohammed Shia al-Sudani, Iraqi Prime Minister"
LISTER = ("Charles Lister, the director of the Countering Terrorism and Extremism Program "
          "at the Middle East Institute")


@pytest.fixture(scope="module")
def seed():
    return load_documents([SEED], load_brief(BRIEF))[0]


@pytest.fixture(scope="module")
def seed_quotes(seed):
    return find_quotes(seed, attribute(seed))


def quotes_of(text: str, **options):
    document = segment(Document(SourceInfo("S1", "t.txt"), text))
    return find_quotes(document, attribute(document), **options)


def speaker_of(quotes, start: str):
    (quote,) = [q for q in quotes if q.text.startswith(start)]
    return quote.speaker.label if quote.speaker else None


def test_seed_quotes_occur_verbatim(seed, seed_quotes):
    assert len(seed_quotes) == 20
    sentences = {s.id: s.text for s in seed.sentences}
    for quote in seed_quotes:
        assert quote.text in sentences[quote.sentence_ids[0]]
        assert f"“{quote.text}" in seed.text


def test_seed_named_speakers_carry_the_role_from_their_introduction(seed_quotes):
    assert speaker_of(seed_quotes, "The U.S. is not withdrawing from Iraq") == SINGH  # "Singh told"
    assert speaker_of(seed_quotes, "The strongholds that they had") == SINGH  # "she said"
    assert speaker_of(seed_quotes, "We are in Iraq at the invitation") == SINGH  # "she told reporters"
    assert speaker_of(seed_quotes, "We refused his proposal") == ABBASI  # "said Abbasi"
    assert speaker_of(seed_quotes, "We celebrate the coalition") == SUDANI
    assert speaker_of(seed_quotes, "this mission is finished.") == SUDANI
    assert speaker_of(seed_quotes, "We hope we will have") == SUDANI  # "he said"
    assert speaker_of(seed_quotes, "It’s more than predictable") == LISTER
    (singh,) = {q.speaker for q in seed_quotes if q.text.startswith("Our footprint")}
    assert singh.sentence_ids == ("S1.2",) and singh.kind is SpeakerKind.PERSON


def test_seed_anonymous_speakers_keep_the_documents_description(seed_quotes):
    assert speaker_of(seed_quotes, "remains in a planning process") == "a senior U.S. defense official"
    assert speaker_of(seed_quotes, "We’ve made it clear") == "the senior administration official"
    assert speaker_of(seed_quotes, "This is an evolution") == "the official"
    assert speaker_of(seed_quotes, "was on pace to more than double") == "U.S. Central Command"
    assert speaker_of(seed_quotes, "The government of Iraq has expressed") == "the senior U.S. defense official"


def test_seed_continued_quotes_cite_the_sentence_that_names_the_speaker(seed_quotes):
    continued = {q.text[:20]: (q.sentence_ids, q.speaker.name) for q in seed_quotes if len(q.sentence_ids) > 1}
    assert continued == {
        "I cannot get into mo": (("S1.4", "S1.3"), "Sabrina Singh"),
        "We are moving toward": (("S1.9", "S1.8"), "the official"),
        "Attacks against the ": (("S1.19", "S1.18"), "the senior administration official"),
        "We’re very confident": (("S1.25", "S1.24"), "the senior U.S. defense official"),
        "It’s a strategic rel": (("S1.30", "S1.29"), "Mohammed Shia al-Sudani"),
    }


def test_seed_scare_quotes_are_skipped(seed_quotes):
    texts = {q.text for q in seed_quotes}
    assert not {t for t in texts if t.startswith(("crucial", "huge surge"))}


def test_scare_quotes_can_be_asked_for():
    quotes = quotes_of("Singh called the partnership “crucial.”", min_words=1)
    assert [q.text for q in quotes] == ["crucial."]


def test_a_quote_with_no_speaker_keeps_none():
    (quote,) = quotes_of("“The bridge will open in May this year.” The city has not confirmed it.")
    assert quote.text == "The bridge will open in May this year." and quote.speaker is None


def test_a_pronoun_with_nobody_before_it_stays_unresolved():
    (quote,) = quotes_of("“We will win the war,” he said.")
    assert quote.speaker is None


def test_a_surname_two_people_share_is_not_resolved():
    (quote,) = quotes_of("Police chief John Smith and Mayor Anna Smith met. "
                         "“The bridge is safe for everyone,” Smith said.")
    assert (quote.speaker.name, quote.speaker.role, quote.speaker.kind) == ("Smith", None, SpeakerKind.PERSON)


def test_straight_quotes_and_a_quote_over_two_sentences():
    (straight,) = quotes_of('"We are ready to talk to anyone," the minister said.')
    assert (straight.text, straight.speaker.name) == ("We are ready to talk to anyone", "the minister")
    text = ("Minister Jane Doe spoke on Monday. “We have rebuilt every school in the northern province and we "
            "have reopened the hospitals that were closed during the long war. Now we will rebuild the roads and "
            "the bridges that connect the villages to the markets and the cities of the south,” Doe said.")
    (long,) = quotes_of(text)
    assert long.sentence_ids == ("S1.2", "S1.3")
    assert long.text.endswith("cities of the south") and long.speaker.label == "Jane Doe, Minister"


# Single quotation marks (Daily Mail style), titles and scare quotes.

def test_curly_single_quotes_are_quotes_and_apostrophes_do_not_close_them():
    text = ("Simon Danczuk, the Labour politician, said it was not right. ‘If he has got a leave of absence "
            "from the Lords, that implies that he may get well. Why isn’t he retiring? He is bringing the House "
            "of Lords into disrepute almost single-handedly.’")
    (quote,) = quotes_of(text)
    assert quote.text.startswith("If he has got") and "Why isn’t he retiring?" in quote.text
    assert quote.text.endswith("single-handedly.") and quote.speaker.name == "Simon Danczuk"
    assert quote.sentence_ids == ("S1.2", "S1.3", "S1.4", "S1.1")


def test_straight_single_quotes_at_a_word_start_are_quotes():
    text = "Announcing the policy Mr Cameron said: 'This election is about building a better future for our children.'"
    (quote,) = quotes_of(text)
    assert (quote.text, quote.speaker.name) == (
        "This election is about building a better future for our children.", "Mr Cameron")
    (pickles,) = quotes_of("'Nobody is forcing anybody to volunteer,' Mr Pickles told BBC Radio 4's Today programme.")
    assert (pickles.text, pickles.speaker.name) == ("Nobody is forcing anybody to volunteer", "Mr Pickles")


def test_apostrophes_are_not_quote_marks():
    assert quotes_of("The girls' school and the players' union said it's time the club's owners listened.") == []


def test_a_single_quoted_continuation_keeps_its_speaker():
    text = ("But Simon Walker, director general of the Institute of Directors (IoD), criticised the announcement. "
            "'Frankly, the essence of volunteering is that it is voluntary.'")
    (quote,) = quotes_of(text)
    assert quote.speaker.name == "Simon Walker" and quote.sentence_ids == ("S1.2", "S1.1")


def test_short_single_quoted_scare_quotes_are_skipped():
    text = "It noted that the ‘watch list’ in Turkey now includes 12,500 individuals, the panel said."
    assert quotes_of(text) == []


def test_titles_are_not_quotes():
    text = ("Travolta has not seen the documentary \"Going Clear: Scientology and the Prison of Belief,\" "
            "which is based on the book 'Going Clear: Scientology, Hollywood, and the Prison of Belief.'")
    assert quotes_of(text) == []
    assert is_title("Going Clear: Scientology and the Prison of Belief") and not is_title("Obama is a Muslim and worse")


def test_a_quote_goes_to_the_speech_verb_nearest_it():
    from deckgen.extract.attribution import attribute
    from deckgen.extract.quotes import find_quotes
    from deckgen.model import Document, SourceInfo
    from deckgen.segment import segment

    text = ("Oisin Tymon said he was relieved after police said they would ‘not be pursuing the matter "
            "any further’ on Tuesday.\n\n"
            "“We will keep the talks going this year,” Sabrina Singh said, adding that the army said nothing.\n")
    document = segment(Document(SourceInfo("S1", "t.txt"), text))
    quotes = {q.text: q.speaker.name if q.speaker else None for q in find_quotes(document, attribute(document))}
    # the quote follows "police said", not "Tymon said": it is not given to Tymon
    assert quotes["not be pursuing the matter any further"] in (None, "police")
    assert quotes["We will keep the talks going this year"] == "Sabrina Singh"


# A quote goes to the speech verb that governs it, or to nobody (review row 95).

TMZ = ("Done: Bobby Flay has filed for divorce from his wife of 10 years Stephanie March, TMZ reported on Friday; "
       "here the couple is pictured in June 2013 'I know Stephanie basically asked him after January Jones, "
       "\"Did you f*** her?\"' {} told the site.")


def test_a_quote_goes_to_the_insider_who_told_the_outlet():
    (quote,) = quotes_of(TMZ.format("an insider"))
    assert quote.text.startswith("I know Stephanie") and quote.speaker.label == "an insider"


def test_a_quote_whose_own_speaker_cannot_be_read_goes_to_nobody():
    (quote,) = quotes_of(TMZ.format("a pal"))
    assert quote.speaker is None


def test_a_quote_then_a_pronoun_speaker_resolved_in_the_sentence():  # guard: "..., he told" is still read
    text = ("Zoo director Christopher Kuhar spoke on Monday. Kuhar said the zoo had received 'a number of "
            "eyewitness accounts' that indicate the 'strong likelihood that the child was dangled over the "
            "railing,' he told NewsNet5.")
    assert speaker_of(quotes_of(text), "strong likelihood") == "Christopher Kuhar, Zoo director"


def test_a_quote_after_a_verb_whose_subject_is_left_out():  # guard: "... and said:" counts for no one else
    text = ("Mr Hussen said he felt ‘terrible’ to know he had been protesting with one of Mr Rigby’s killers "
            "and said: ‘It was brutal, it has nothing to do with Islam, it is not human.’")
    assert speaker_of(quotes_of(text), "It was brutal") == "Mr Hussen"


def test_a_caption_run_into_a_quote_is_no_attribution_after_it():  # guard: the quote does not end as speech
    text = ("Many took to Twitter to express their anger at the club Merivale announced the contractor "
            "responsible for the incident was 'immediately terminated this morning' The spokesperson said all "
            "Merivale staff and management had left the venue by 4am.")
    assert speaker_of(quotes_of(text), "immediately terminated") == "Merivale"
