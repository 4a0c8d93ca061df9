"""Who says what: when unsure, nobody is credited. Short texts modelled on CNN/Daily Mail articles."""

from deckgen.extract.attribution import SpeakerKind, attribute
from deckgen.extract.figures import find_figures
from deckgen.model import Document, SourceInfo
from deckgen.plan import speaker_credits
from deckgen.segment import segment


def document(text: str) -> Document:
    return segment(Document(SourceInfo("S1", "t.txt"), text))


def speakers(text: str) -> list[str | None]:
    """The speaker name of each sentence, None where nobody (or no one sure) is credited."""
    doc = document(text)
    found = attribute(doc)
    return [found[s.id].speaker.name if s.id in found and found[s.id].speaker else None for s in doc.sentences]


def credits(text: str) -> dict[str, str]:
    return {sentence_id: credit.name for sentence_id, credit in speaker_credits([document(text)]).items()}


# A name right after a preposition is not the subject of the speech verb.

def test_a_name_after_a_preposition_is_not_the_speaker():
    text = ("The panel of experts monitoring UN sanctions against Al-Qaeda said in the report that the flow "
            "of fighters is higher than ever. "
            "A military defeat could scatter fighters across the world, the panel said. "
            "It noted that the ‘watch list’ in Turkey now includes 12,500 individuals.")
    assert speakers(text) == [None, "the panel", "the panel"]


def test_professors_at_a_university_are_not_the_university():
    assert speakers("Professors at Leeds University predicted that the minority share would grow.") == [None]
    assert speakers("On Thursday Kalanick wrote that the service would expand.") == [None]


def test_the_object_of_told_is_not_the_speaker():
    (speaker,) = speakers("'One of the guys tried to wrestle us so we wrestled him to the floor,' Kvarzell, 25, "
                          "who is also an officer, told DNA Info.")
    assert speaker != "DNA Info"


def test_function_words_are_never_speakers():
    text = "The policy will apply to workers at firms with at least 250 staff - an estimated 10 million people."
    doc = document(text)
    assert attribute(doc) == {}
    assert {f.stated_by for f in find_figures(doc, attribute(doc))} == {None}


def test_a_name_cut_short_after_said_is_not_the_speaker():
    (speaker,) = speakers('"I\'m disappointed with the first half," said Royals boss Steve Clarke.')
    assert speaker != "Royals"


# he/she: only the most recently named person, and only one named.

def test_he_after_another_person_was_named_is_nobody():
    text = ("Survival expert Bear Grylls said that he supports the scheme. "
            "The plan was praised by the chairman of BT Mike Rake. "
            "He said: 'Corporate volunteering is a triple win for the community.'")
    assert speakers(text) == ["Bear Grylls", None, None]
    assert credits(text) == {}


def test_he_after_a_sentence_naming_two_people_is_nobody():
    text = ("\"Volunteering is good for all of us,\" said Bear Grylls. "
            "Bear Grylls also lent Mr Cameron his support for the scheme. "
            "\"Any initiative that encourages people to volunteer is good news,\" he said.")
    assert speakers(text)[2] is None


def test_he_named_earlier_in_the_same_sentence_is_someone_else():
    text = ("Head coach John Carver said before the game he had a secret plan. "
            "Phil Neville was scathing a fortnight ago when he said that their application was poor.")
    assert speakers(text) == ["John Carver", None]


def test_he_resolves_to_the_one_person_named_and_quoted():  # guard: the rule keeps the plain case
    text = ("Mr Pickles told BBC Radio that nobody was forcing anybody to volunteer. "
            "He added there would need to be give and take.")
    assert speakers(text) == ["Mr Pickles", "Mr Pickles"]
    assert credits(text) == {"S1.2": "Mr Pickles"}


def test_he_resolves_to_an_introduced_person_named_as_subject():
    text = ("On the ground: Devastation in Nepal India's Prime Minister Narendra Modi has made a special effort "
            "over Nepal. He has visited the country twice in his first year in office. "
            "And on Sunday, in his national radio address, he said Indians needed to \"wipe the tears of every "
            "Nepali, hold their hands, and stand with them.\"")
    doc = document(text)
    speaker = attribute(doc)["S1.3"].speaker
    assert (speaker.name, speaker.role, speaker.kind) == ("Narendra Modi", "India's Prime Minister", SpeakerKind.PERSON)


def test_he_after_a_name_that_follows_by_is_nobody():  # guard for the introduced-person rule
    text = ("Superior Court Judge Arnold O. Jones asked Stancil whether he wanted a lawyer. "
            "When asked again by Jones whether he wanted a lawyer, his response was quick. "
            "\"Yes, sir,\" he said.")
    assert speakers(text)[2] is None


# it/they: a body in the sentence just before, never a plural for "it".

def test_it_is_not_a_plural_speaker():
    text = ("Some analysts say the real total may be closer to half a million. "
            "It found that more than four out of five users live on state benefits.")
    assert speakers(text) == ["Some analysts", None]


def test_it_is_not_a_body_named_two_sentences_back():
    text = ("The school was accused of sexism, according to the National Catholic Reporter. "
            "The school issued an apology late last month. "
            "It said: 'The institute asks for an apology for the content of the video.'")
    assert speakers(text)[2] is None


# Continued quotes and appositives.

def test_a_quote_with_its_own_unread_speaker_does_not_continue_the_one_before():
    text = ("The police took statements from the woman and her friend, India Times reported. "
            "\"We have arrested the taxi driver on a complaint filed by a British tourist.\" said the man.")
    assert speakers(text) == ["India Times", None]


def test_single_quotes_continue_the_speaker_named_before():
    text = ("But Simon Walker, director general of the Institute of Directors (IoD), criticised the announcement. "
            "'Time off for charity work is a matter for managers and employees. "
            "Frankly, the essence of volunteering is that it is voluntary.'")
    assert speakers(text)[:2] == ["Simon Walker", "Simon Walker"]
    assert credits(text) == {"S1.2": "Simon Walker"}


def test_a_name_before_a_role_appositive_in_run_together_captions():
    text = ("The service faced criticism after the decision Pete Saunders, chief executive of the National "
            "Association for People Abused in Childhood, added: ‘He couldn’t have signed this letter.’")
    assert speakers(text) == ["Pete Saunders"]


def test_a_clause_after_a_comma_is_no_appositive():  # guard for the appositive rule
    assert speakers("The inquiry by Lord Smith, which ended in May, found the rules were clear.") == [None]


def test_a_title_abbreviation_goes_before_the_name_in_a_label():
    from deckgen.extract.attribution import Speaker, SpeakerKind

    general = Speaker("Allen Batschelet", SpeakerKind.PERSON, "Gen.", ("S1.2",))
    singh = Speaker("Sabrina Singh", SpeakerKind.PERSON, "Deputy Pentagon press secretary", ("S1.2",))
    assert general.label == "Gen. Allen Batschelet"
    assert singh.label == "Sabrina Singh, Deputy Pentagon press secretary"
