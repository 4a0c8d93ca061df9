"""Key quotes: verbatim, with the speaker's name and role as the document gives them."""

import pytest

from deckgen.brief import load_brief
from deckgen.analysis import analyse
from deckgen.extract.speech import SpeakerKind, read_speech
from deckgen.extract.quotes import find_quotes, is_title, key_quotes
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
    analysis = analyse(seed)
    return find_quotes(analysis, read_speech(analysis))


def quotes_of(text: str, **options):
    document = segment(Document(SourceInfo("S1", "t.txt"), text))
    analysis = analyse(document)
    return find_quotes(analysis, read_speech(analysis), **options)


def speaker_of(quotes, start: str):
    (quote,) = [q for q in quotes if q.text.startswith(start)]
    return quote.speaker.label if quote.speaker else None


def test_seed_quotes_occur_verbatim(seed, seed_quotes):
    assert len(seed_quotes) == 20
    sentences = {s.id: s.text for s in seed.sentences}
    for quote in seed_quotes:
        assert quote.text in sentences[quote.sentence_ids[0]]
        assert f"“{quote.text}" in seed.text


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


def test_apostrophes_are_not_quote_marks():
    assert quotes_of("The girls' school and the players' union said it's time the club's owners listened.") == []


def test_short_single_quoted_scare_quotes_are_skipped():
    text = "It noted that the ‘watch list’ in Turkey now includes 12,500 individuals, the panel said."
    assert quotes_of(text) == []


def test_titles_are_not_quotes():
    text = ("Travolta has not seen the documentary \"Going Clear: Scientology and the Prison of Belief,\" "
            "which is based on the book 'Going Clear: Scientology, Hollywood, and the Prison of Belief.'")
    assert quotes_of(text) == []
    assert is_title("Going Clear: Scientology and the Prison of Belief") and not is_title("Obama is a Muslim and worse")


def test_a_quote_goes_to_the_speech_verb_nearest_it():
    from deckgen.extract.quotes import find_quotes
    from deckgen.model import Document, SourceInfo
    from deckgen.segment import segment

    text = ("Oisin Tymon said he was relieved after police said they would ‘not be pursuing the matter "
            "any further’ on Tuesday.\n\n"
            "“We will keep the talks going this year,” Sabrina Singh said, adding that the army said nothing.\n")
    document = segment(Document(SourceInfo("S1", "t.txt"), text))
    analysis = analyse(document)
    quotes = {q.text: q.speaker.name if q.speaker else None for q in find_quotes(analysis, read_speech(analysis))}
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


def test_a_quote_then_a_pronoun_speaker_resolved_in_the_sentence():  # guard: "..., he told" is still read
    text = ("Zoo director Christopher Kuhar spoke on Monday. Kuhar said the zoo had received 'a number of "
            "eyewitness accounts' that indicate the 'strong likelihood that the child was dangled over the "
            "railing,' he told NewsNet5.")
    assert speaker_of(quotes_of(text), "strong likelihood") == "Christopher Kuhar, Zoo director"




def key_quotes_of(text: str):
    from deckgen.extract.quotes import key_quotes

    return [(q.text, q.speaker.label) for q in key_quotes(quotes_of(text))]


def test_a_key_quote_says_who_speaks_and_stands_alone():
    # news, a club report, a court report and a science story
    text = ("China “vastly improved its detection and management of infectious diseases,” writes the agency. "
            "“The fighters detonated two car bombs in the capital this evening,” the group said. "
            "“If he makes a payment to the bank then the proceedings would come to an end,” said prosecutor "
            "David Hughes. "
            "“Our samples were clean and our results held up in every lab,” said Maria Ortiz, a chemist.")
    assert key_quotes_of(text) == [
        ("Our samples were clean and our results held up in every lab", "Maria Ortiz, a chemist")]


@pytest.mark.parametrize(("text", "kept"), [
    # news: a pronoun inside the quote, not only on its subject; a quote that names its subject stands
    ("“You need to check them before every single flight,” safety inspector Ana Ruiz said.", False),
    ("“Every pilot checks the brakes before every single flight,” safety inspector Ana Ruiz said.", True),
    # a government memo: a demonstrative and a bare description as subject; a named office stands
    ("“This decision puts every small supplier at risk,” said Senator Ruth Hale.", False),
    ("“The agency must publish the data by June,” said Senator Ruth Hale.", False),
    ("“The Census Bureau must publish its data by June,” said Senator Ruth Hale.", True),
    # a press release: a possessive he; the speaker's own "we" stands
    ("“His team rebuilt the braking system from scratch,” said Priya Nair, chief executive of Volt Motors.", False),
    ("“We rebuilt the braking system from scratch in a year,” said Priya Nair, chief executive of Volt Motors.", True),
])
def test_a_key_quote_is_kept_only_when_its_words_stand_alone(text, kept):
    assert bool(key_quotes_of(text)) == kept


def test_words_run_in_before_a_name_are_no_role():
    text = ("Mr Beavis was fined after he returned 56 minutes late Richard Lloyd, executive director of the "
            "watchdog, said: “We are concerned that this decision waters down the law.”")
    assert speaker_of(quotes_of(text), "We are concerned") in ("Richard Lloyd", "Richard Lloyd, executive director of the watchdog")


def test_reported_or_alleged_speech_is_not_credited_to_its_speaker():
    # a court report and a workplace story: the quote is the prosecutors' or the paper's account
    text = ("Prosecutors said Thomas told a supervisor: “I will make them pay for what they did to me.” "
            "Jones allegedly told the crew: “Nobody leaves this ship until the cargo is found.” "
            "The captain told the crew: “We sail at dawn and we will be home within the week.”")
    quotes = quotes_of(text)
    assert speaker_of(quotes, "I will make") is None
    assert speaker_of(quotes, "Nobody leaves") is None
    assert speaker_of(quotes, "We sail") == "the captain" or speaker_of(quotes, "We sail") == "The captain"


def test_a_speech_verb_inside_the_quote_makes_no_hearsay():
    quotes = quotes_of("“I told him we would never sell the farm to anyone,” Mary Hale said.")
    assert speaker_of(quotes, "I told him") == "Mary Hale"


def test_a_bracketed_appositive_is_no_role():
    # a sports caption run into the text: "(centre)" is where he stands in the picture
    text = ("Harlequins full back Ugo Monye (centre) is hanging up his boots. "
            "“I want to finish the season in the best possible way,” said Monye.")
    assert speaker_of(quotes_of(text), "I want") in ("Ugo Monye", "Ugo Monye, Harlequins full back")


def test_a_key_quote_needs_a_speaker_named_in_full():
    named = key_quotes(quotes_of("“Not everything is true in what the committee said about my games,” grandmaster "
                                 "Gaioz Nigalidze said on Friday."))
    assert [q.speaker.label for q in named] == ["Gaioz Nigalidze, grandmaster"]
    bare = key_quotes(quotes_of("“Not everything is true in what the committee said about my games,” "
                                     "Nigalidze said on Friday."))
    assert bare == []


def test_a_key_quote_of_a_person_needs_the_role_the_document_gives():
    # news and a trade report: a private person's words, credited by bare name, cannot be weighed
    private = key_quotes(quotes_of("“I am much more confident in my body and my progress,” said Aliesha Peterson."))
    assert private == []
    body = key_quotes(quotes_of("“Nuclear plants can run safely for another twenty years,” the Nuclear Regulatory "
                                "Commission said."))
    assert [q.speaker.name for q in body] == ["the Nuclear Regulatory Commission"]


def test_a_noun_past_a_relative_clause_is_no_role():
    # a relative clause between the name and a noun the parser hangs on it as an appositive
    (quote,) = quotes_of("Kelvin Meadows of the Black Scarf Movement - who organised the event with Spion Kop 1906 "
                         "fan groups - spoke. “In the pursuit of money football has sold its soul,” Meadows said.")
    assert quote.speaker is not None and quote.speaker.role is None
    assert key_quotes([quote]) == []




def test_a_surname_read_as_a_body_is_the_person_named_in_full():
    # a celebrity story: the recogniser takes a lone surname for an organisation
    text = ("Scientologist John Travolta is not a fan of the documentary. The film is critical of the organization, "
            "which has close ties to the showbiz industry. Travolta said he believed the doc was a result of "
            "\"people who were disgruntled with their experiences\" with the Church of Scientology, which he touted "
            "as a positive experience for him. \"I haven't experienced anything that the hearsay has claimed, so why "
            "would I communicate something that wasn't true for me?\" Travolta asked.")
    quote = next(q for q in quotes_of(text) if q.text.startswith("I haven't"))
    assert (quote.speaker.name, quote.speaker.kind) == ("John Travolta", SpeakerKind.PERSON)
