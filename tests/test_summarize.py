"""The summarizers behind one signature: registry, lead baseline, semantic choices."""

import re
from pathlib import Path

import numpy as np
import pytest

from deckgen.embed import embed
from deckgen.errors import DeckgenError
from deckgen.ingest import normalise
from deckgen.model import Document, SectionSpec, SourceInfo
from deckgen.segment import segment
from deckgen.summarize import DEFAULT_SUMMARIZER, SUMMARIZERS, get_summarizer, topics
from deckgen.summarize.base import candidates
from deckgen.summarize.lexical import content_words, expand_acronyms, stem

TEXT = """The city council approved a new budget on Monday after a long debate.

The budget raises spending on schools by 4 percent and cuts road repairs.

Teachers welcomed the extra money for classrooms and new books.

Read more.

A storm knocked out power to 2,000 homes on Tuesday night.

Crews restored electricity to most homes by Wednesday morning, the utility said.

Some information from the city clerk was used in this report."""


def sentences_of(text, source="S1"):
    return segment(Document(SourceInfo(id=source, path="x.txt"), normalise(text))).sentences


def cut_sentences_of(text):
    """The sentences as a whole document's analysis leaves them: run-ins cut (``runin``)."""
    from deckgen.analysis import analyse

    return analyse(segment(Document(SourceInfo(id="S1", path="x.txt"), normalise(text)))).document.sentences


def test_registry_names_the_default_and_the_lead_baseline():
    assert DEFAULT_SUMMARIZER == "query"
    assert set(SUMMARIZERS) >= {"query", "semantic", "lead"}
    assert get_summarizer("lead").name == "lead"
    with pytest.raises(DeckgenError, match="known: query, semantic, lead"):
        get_summarizer("nope")


def test_lead_takes_the_first_sentences_that_can_stand_alone():
    chosen = get_summarizer("lead").keypoints(sentences_of(TEXT), 3)
    assert [s.index for s in chosen] == [1, 2, 3]


@pytest.mark.parametrize("name", sorted(SUMMARIZERS))
def test_every_summarizer_keeps_the_contract(name):
    summarizer = get_summarizer(name)
    sentences = sentences_of(TEXT)
    points = summarizer.keypoints(sentences, 3)
    assert len(points) == 3 and points == sorted(points, key=lambda s: s.index)
    assert not any("Read more" in s.text or "information from" in s.text for s in points)
    sections = summarizer.sections(sentences, [SectionSpec("Budget"), SectionSpec("Power outage")], 2)
    ids = [s.id for picked in sections for s in picked]
    assert len(ids) == len(set(ids))
    assert summarizer.keypoints([], 3) == []


def test_semantic_puts_sentences_under_the_right_title():
    budget, storm = get_summarizer().sections(
        sentences_of(TEXT), [SectionSpec("Budget"), SectionSpec("Power outage", "storm damage")], 3)
    assert {s.index for s in budget} <= {1, 2, 3} and 1 in {s.index for s in budget}
    assert {s.index for s in storm} <= {5, 6} and storm


def test_a_section_with_nothing_relevant_stays_empty():
    sentences = sentences_of(TEXT)
    budget, volcano = get_summarizer().sections(sentences, [SectionSpec("Budget"), SectionSpec("Volcanic eruption")], 5)
    assert budget and volcano == []
    assert get_summarizer().sections(sentences, [SectionSpec("Football transfer")], 5) == [[]]


def test_a_clear_match_is_not_lost_to_its_neighbours_topic():
    # In a short story each sentence's neighbours are about something else: their vote gave the
    # car bomb to "Militia revenge" and the revenge quote to "Erbil bombing", and neither kept it.
    sentences = sentences_of(
        "Izzat al-Douri was killed in a battle near Tikrit on Friday, officials said.\n\n"
        "The army released pictures of a body it said was his.\n\n"
        "A car bomb killed three people outside the consulate in Erbil on Saturday, police said.\n\n"
        "“The militias will take revenge for this and the whole north will burn again,” he warned.\n\n"
        "Kurdish forces sealed off the area after the blast and arrested four men.")
    douri, revenge, bombing = get_summarizer().sections(
        sentences, [SectionSpec("Douri death"), SectionSpec("Militia revenge"), SectionSpec("Erbil bombing")], 5)
    assert [s.index for s in douri] == [1]
    assert [s.index for s in revenge] == [4]
    assert [s.index for s in bombing] == [3]


def test_comment_notices_and_fact_box_lines_are_no_points():
    sentences = sentences_of(
        "Andrew Strauss is a leading candidate to become England's director of cricket.\n\n"
        "REASON IT MIGHT HAPPEN: Widely respected within English cricket for taking the team to the top.\n\n"
        "Andrew Strauss (Age 38) CURRENT JOB: Sky commentator.\n\n"
        "Sorry we are not currently accepting comments on this article.\n\n"
        "Anybody wanting to donate to the appeal can visit the family's Gofundme page by clicking here.")
    assert [s.index for s in candidates(sentences)] == [1]


def test_results_are_deterministic():
    sentences = sentences_of(TEXT)
    summarizer = get_summarizer()
    assert summarizer.keypoints(sentences, 3) == get_summarizer().keypoints(sentences, 3)
    assert summarizer.propose_sections(sentences, 2, 3) == get_summarizer().propose_sections(sentences, 2, 3)


def test_proposed_sections_are_titled_with_a_short_phrase_from_their_own_text():
    sentences = sentences_of(TEXT)
    for title, picked in get_summarizer().propose_sections(sentences, 2, 3):
        assert 1 <= len(title.split()) <= 4
        text = " ".join(s.text for s in picked).lower()
        assert all(stem(w) in {stem(x) for x in text.split()} or w.lower() in text for w in title.split())


def test_acronyms_are_spelled_out_from_the_documents_own_words():
    texts = ["The Islamic State terror group is rebounding.", "It is what it is."]
    assert expand_acronyms("IS resurgence", texts) == "Islamic State (IS) resurgence"
    assert expand_acronyms("UN report", texts) == "UN report"
    assert "IS" in content_words("IS resurgence") and "is" not in content_words("it is what it is")


def test_stemming_matches_plural_and_verb_forms():
    assert stem("phases") == stem("phase") == stem("phased")
    assert stem("militias") == stem("militia")


SEED = Path(__file__).parent.parent / "seeds" / "000_673533e19380046e.txt"


@pytest.fixture(scope="module")
def seed_sentences():
    return segment(Document(SourceInfo(id="S1", path=str(SEED)), normalise(SEED.read_text(encoding="utf-8")))).sentences


def test_seed_proposed_sections_are_three_to_five_in_order_and_share_no_sentence(seed_sentences):
    proposed = get_summarizer().propose_sections(seed_sentences, 4, 5)
    assert 3 <= len(proposed) <= 5
    firsts = [picked[0].index for _, picked in proposed]
    assert firsts == sorted(firsts)
    ids = [s.id for _, picked in proposed for s in picked]
    assert len(ids) == len(set(ids))
    for title, picked in proposed:
        assert 2 <= len(picked) <= 5 and picked == sorted(picked, key=lambda s: s.index)
        assert 2 <= len(title.split()) <= 4
    assert len({title.lower() for title, _ in proposed}) == len(proposed)


def test_seed_clusters_keep_topics_together_and_are_balanced(seed_sentences):
    """Checked by reading: 16-19 are the Iranian-backed militias and the U.S. answer to them;
    33-41 the IS rebound (CENTCOM, Lister, the UN report); 5-6 the agreement's two phases."""
    pool = candidates(seed_sentences)
    labels = topics.cluster(embed([s.text for s in pool]), pool, 4)
    label_of = {s.index: int(label) for s, label in zip(pool, labels)}
    assert len({label_of[i] for i in (16, 17, 18, 19)}) == 1
    assert len({label_of[i] for i in (33, 34, 36, 37, 38, 39)}) == 1
    assert label_of[5] == label_of[6] != label_of[16] != label_of[33]
    sizes = np.bincount(labels)
    assert 3 <= len(sizes) <= 5 and sizes.min() >= len(pool) / (2 * len(sizes))


def test_seed_titles_are_word_sequences_of_their_own_cluster(seed_sentences):
    pool = candidates(seed_sentences)
    labels = topics.cluster(embed([s.text for s in pool]), pool, 4)
    phrases = topics.sentence_phrases(pool)
    titles = {}
    for label in range(labels.max() + 1):
        members = [s for s, own in zip(pool, labels) if own == label]
        others = [s for s, own in zip(pool, labels) if own != label]
        name = topics.title(members, others, phrases)
        assert any(re.search(rf"\b{re.escape(name)}\b", s.text, re.I) for s in members), name
        titles[frozenset(s.index for s in members)] = name
    militia = next(name for indices, name in titles.items() if 17 in indices)
    assert "militia" in militia.lower()


def phrases(text):
    from deckgen.analysis import load_pipeline

    return {" ".join(p) for p in topics.noun_phrases(load_pipeline()(text)[:])}


def test_noun_phrases_are_read_from_the_parse():
    found = phrases("Attacks from Iranian-backed militias rolled back the caliphate, which at its peak covered "
                    "nearly one-third of Iraq.")
    assert {"Iranian-backed militias", "militias", "caliphate", "peak", "Iraq"} <= found
    assert not any("covered" in p or "nearly" in p or "third" in p for p in found)
    assert phrases("He said it was over.") == set()


def test_noun_phrases_hold_no_determiner_possessive_date_or_number():
    # sport, business and court reports
    found = phrases("The club's two-year deal with the striker ends on Friday, the manager said last week.")
    assert "deal" in found and "striker" in found and "manager" in found
    assert not any(word in p for p in found for word in ("club's", "two-year", "Friday", "week", "The"))
    assert phrases("The trial lasted for three days in March.") == {"trial"}
    assert phrases("Revenue rose by 4 percent in the second quarter.") == {"Revenue"}
    assert "goal" in phrases("She scored her 100th goal for the team.")
    found = phrases("The utility plans a 2.5 GW offshore wind farm near the coast.")  # a measure, not a topic
    assert "offshore wind farm" in found and not any("GW" in p for p in found)
    assert phrases("The $0.05/kWh target was met early.") == {"target"}  # "kWh target" starts inside a word
    assert "Tidewater" in phrases("The report (“Tidewater”) was published.")


def test_a_verb_the_parse_took_for_a_noun_is_no_title():
    # a fixtures list: "and Greenfield win" is a clause, not the noun phrase "Greenfield win"
    found = phrases("Hollowbrook will be relegated if they lose and Greenfield win.")
    assert not any("win" in p for p in found)


def test_noun_phrases_keep_names_whole_and_modifiers_of_common_nouns_only():
    found = phrases("The winner came from academy graduate Marta Kowalski in the final minute.")
    assert {"academy graduate Marta Kowalski", "Marta Kowalski"} <= found
    assert "Kowalski" not in found and "graduate Marta" not in found
    assert "Northfield Rail Company" in phrases("Shares of the Northfield Rail Company fell sharply.")
    assert "surrounding villages" in phrases("Smoke from the fire drifted over the surrounding villages.")
    assert not any(p.startswith(("other", "Other")) for p in phrases("The other members walked out."))
    assert not any("way" in p for p in phrases("The lanterns guided boats all the way across the bay."))


def test_proposed_sections_of_tiny_inputs():
    summarizer = get_summarizer()
    assert summarizer.propose_sections([], 4, 5) == []
    one = sentences_of("The council approved the new city budget on Monday.")
    assert [[s.index for s in picked] for _, picked in summarizer.propose_sections(one, 4, 5)] == [[1]]
    three = sentences_of("The council approved the budget.\n\nSchools get four percent more money.\n\n"
                         "A storm cut power to many homes.")
    # one group of three topics: a section only if two of its sentences are about its title
    proposed = summarizer.propose_sections(three, 4, 5)
    assert len(proposed) <= 1
    assert all("storm" not in s.text or "storm" in title.lower() for title, picked in proposed for s in picked)


def test_lead_titles_proposed_sections_with_words_as_written():
    from deckgen.summarize.lead import LeadSummarizer

    text = "The global coalition is set to wind down its mission. Officials view the agreement as a transition."
    sentences = segment(Document(SourceInfo("S1", "t.txt"), text)).sentences
    titles = [title for title, _ in LeadSummarizer().propose_sections(sentences, 2, 5)]
    assert titles == ["Global coalition set", "Officials view agreement"]


def test_embeddings_do_not_depend_on_the_other_texts_or_the_cache(monkeypatch):
    from deckgen import embed as embedding

    alone = embed(["IS resurgence"])[0]
    monkeypatch.setattr(embedding, "CACHE_LIMIT", 2)
    together = embed(["militia threat", "IS resurgence", "phases", "militia threat"])
    assert np.allclose(together[1], alone) and np.allclose(together[0], together[3])


def test_a_key_point_opening_with_he_needs_the_sentence_before_it_picked_too():
    from deckgen.summarize.semantic import leaning

    text = ("Breaking news.\n\nHe was ranked sixth on the list of most-wanted Iraqis after the 2003 invasion.\n\n"
            "Iraqi forces said they killed Izzat al-Douri in a battle near Tikrit on Friday.\n\n"
            "The army released pictures of a body it said was his.\n")
    sentences = sentences_of(text)
    picked = get_summarizer().keypoints(sentences, 1)
    assert [s.text for s in picked] == ["Iraqi forces said they killed Izzat al-Douri in a battle near Tikrit on Friday."]
    leans = leaning()
    assert leans(sentences[1]) and not leans(sentences[2])
    for k in (2, 3):
        chosen = get_summarizer().keypoints(sentences, k)
        ids = [s.id for s in chosen]
        for s in chosen:
            if leans(s):
                assert sentences[sentences.index(s) - 1].id in ids


def test_bylines_are_never_points():
    from deckgen.summarize.base import candidates

    sentences = sentences_of("Jurors found Dzhokhar Tsarnaev guilty on all 30 counts on Wednesday.\n\n"
                             "Survivors react to the verdict Ann O'Neill reported from Boston.\n\n"
                             "Dana Ford reported from Atlanta.\n\n"
                             "Police officers reported from Kabul that the road was open.\n")
    assert [s.text for s in candidates(sentences)] == [
        "Jurors found Dzhokhar Tsarnaev guilty on all 30 counts on Wednesday.",
        "Police officers reported from Kabul that the road was open."]


def test_a_piece_starting_in_lower_case_is_never_a_point():
    from deckgen.summarize.base import candidates

    sentences = sentences_of("Ever since her husband Bill was\n\nelected as US President for the first time in 1993, "
                             "her hair has been the subject of scrutiny.\n\nShe changed her style in 2008.\n")
    assert [s.text for s in candidates(sentences)] == ["Ever since her husband Bill was",
                                                       "She changed her style in 2008."]


def test_a_piece_without_end_punctuation_inside_a_paragraph_is_no_candidate():
    sentences = cut_sentences_of(
        "A huge concrete arrow is found in perfect condition in Bloomington, Washington County, Utah "
        "The Bloomington arrow was one of 102 found by retired couple Brian and Charlotte Smith, who have "
        "travelled across the US to photograph the monuments The concrete arrows were placed at the base of "
        "lit beacons near airways.\n\nKey findings\n\nIraq to take over security of coalition bases by 2026")
    texts = [s.text for s in candidates(sentences)]
    assert texts == ["The concrete arrows were placed at the base of lit beacons near airways.",
                     "Iraq to take over security of coalition bases by 2026"]  # a line of its own may lack a stop
    # a caption chain that ends its paragraph is no point either (a CNN/DM dev-set deck showed one)
    ending = sentences_of("The director said the cat even licks the ears of other sick strays. In one of a series "
                          "of adorable photos shared online, Rademenes keeps a beagles tail warm")
    assert [s.text for s in candidates(ending)] == [
        "The director said the cat even licks the ears of other sick strays."]


def test_a_picture_caption_is_no_candidate():
    from deckgen.summarize.base import candidates

    sentences = sentences_of(  # captions from CNN/DM dev-set articles, then story sentences
        "Aidy Ward (left) is Raheem Sterling's agent and is a key player in his contract negotiations.\n\n"
        "Experts worry planes' flight systems could be compromised by terrorist hacking (file photo).\n\n"
        "The Swedish cops (pictured left to right) said they were just answering the call of duty.\n\n"
        "Marouane Fellaini celebrates his goal with Vincent Kompany and Axel Witsel (L-R).\n\n"
        "A taxi driver in Jaipur has been arrested over the claim (pictured posed by model).\n\n"
        "Clarkson (pictured this week) said an angry mob targeted the Top Gear team.\n\n"
        "The party moved to the left after the election, its leader said.\n")
    assert [s.text for s in candidates(sentences)] == [
        "Clarkson (pictured this week) said an angry mob targeted the Top Gear team.",  # its bullet drops the note
        "The party moved to the left after the election, its leader said."]


def test_a_caption_label_inside_a_paragraph_or_a_piece_closed_without_a_full_stop_is_no_candidate():
    from deckgen.summarize.base import candidates

    sentences = cut_sentences_of(  # CNN/DM dev-set captions run into one paragraph; a report's own lines
        "Background: The coalition was formed in 2014 to fight the Islamic State group.\n\n"
        "The couple was rushed to hospital on Friday night. Tragic: The man was thrown off his motorbike. "
        "The film starred Richard Attenborough (pictured) Bader was among those recaptured by the guards. "
        "It was dubbed ‘The First Great Escape’ The story was told again in a book last year.\n")
    assert [s.text for s in candidates(sentences)] == [
        "Background: The coalition was formed in 2014 to fight the Islamic State group.",  # opens its paragraph
        "The couple was rushed to hospital on Friday night.",
        "Bader was among those recaptured by the guards.",
        "The story was told again in a book last year."]


def test_a_title_is_headed_by_a_noun_of_its_own_cluster():
    # a handbook: every part speaks of sections, so "Entire section" names none of them
    members = sentences_of("The entire section on tolls was rewritten.\n\n"
                           "Drivers said the entire section on tolls was unclear.")
    others = sentences_of("Each section lists the rules for one district.\n\n"
                          "The section on noise was moved to the end.\n\n"
                          "A new section covers street markets.", source="S2")
    phrases = topics.sentence_phrases([*members, *others])
    assert topics.title(members, others, phrases) == "Tolls"


def test_a_sentence_is_about_a_title_that_it_names_the_head_of():
    from deckgen.summarize.semantic import _about

    pool = sentences_of("Winter storms closed the mountain pass for a week.\n\n"
                        "The council approved a budget for the new library.")
    title = "Mountain storms"
    about = _about(title, embed([title])[0], pool, embed([s.text for s in pool]))
    assert about.tolist() == [True, False]
    title = "Mountain library"  # the first names "mountain", not the library: not about it
    about = _about(title, embed([title])[0], pool, embed([s.text for s in pool]))
    assert about.tolist() == [False, True]


def test_proposed_section_titles_read_the_documents_analyses():
    from deckgen.analysis import analyse, spans_of

    document = segment(Document(SourceInfo("S1", "t.txt"), "The council approved the budget.\n\nSchools get more money."))
    analysis = analyse(document)
    assert all(span.doc is analysis.doc for span in spans_of(document.sentences, [analysis]))
    alone = spans_of(document.sentences, None)
    assert all(span.doc is not analysis.doc for span in alone)
    assert [span.text for span in alone] == [s.text for s in document.sentences]
