"""Planning the outline from several documents: shared points merged, citations from sentence ids."""

from deckgen.model import SectionSpec, Sentence
from deckgen.pipeline import load_documents
from deckgen.plan import key_points, plan_outline
from deckgen.summarize import Summarizer, get_summarizer

from .conftest import SEED

# A second report that repeats three of the seed's facts in its own words and adds its own.
SECOND = """Coalition forces will wrap up their efforts in Iraq no later than a year from now in the first phase of the agreement, senior U.S. officials said.

The Iraqi government will remain responsible for protecting U.S. and coalition forces from attacks by Iranian-backed militias under the transition agreement, the officials said.

A United Nations report estimated IS has between 1,500 and 3,000 fighters in Iraq and Syria, based on intelligence from member states.

Farmers in the north reported a good harvest this autumn after heavy spring rains.
"""


def documents_of(tmp_path, text: str):
    """One plain-text document holding ``text``, loaded as the CLI loads it."""
    path = tmp_path / "story.txt"
    path.write_text(text)
    return load_documents([path])


def test_points_shared_by_two_sources_cite_both(tmp_path):
    second = tmp_path / "second.txt"
    second.write_text(SECOND)
    documents = load_documents([SEED, second])
    specs = [SectionSpec(t) for t in ("Phases", "Militia threat", "IS resurgence")]
    outline = plan_outline(documents, specs, get_summarizer())
    points = [p for s in outline.sections for p in s.points]
    merged = [p for p in points if {c.source for c in p.citations} == {"S1", "S2"}]
    assert len(merged) >= 2, [p.text for p in points]
    for point in merged:
        for citation in point.citations:
            document = documents[int(citation.source[1:]) - 1]
            assert citation.quote in document.paragraph_text(citation.paragraph)
        assert len(point.sentence_ids) == len(point.citations)
    texts = [p.text for p in points]
    assert len(texts) == len(set(texts))
    assert not any("harvest" in c.quote for p in points for c in p.citations)


def test_different_figures_are_never_merged(tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("A recent United Nations report, based on intelligence from member states, "
                      "estimated IS has between 2,000 and 4,000 fighters in Iraq and Syria.\n")
    documents = load_documents([SEED, second])
    outline = plan_outline(documents, [SectionSpec("IS resurgence")], get_summarizer())
    for point in outline.sections[0].points:
        quotes = " ".join(c.quote for c in point.citations)
        assert not ("1,500" in quotes and "2,000" in quotes)


def test_one_source_gives_one_citation_a_point_unless_its_speaker_is_credited(seed_outline):
    for point in (p for s in seed_outline.sections for p in s.points):
        assert {c.source for c in point.citations} == {"S1"}
        assert len(point.citations) == 1 or " — " in point.text


def test_a_bullet_whose_words_name_no_speaker_is_credited_from_the_sentence_that_does(seed_outline):
    points = {p.sentence_ids[0]: p for s in seed_outline.sections for p in s.points}
    # S1.19 continues the quote of S1.18 ("... said the senior administration official").
    continued = points["S1.19"]
    assert continued.text.endswith("stability.” — the senior administration official")
    assert continued.sentence_ids == ("S1.19", "S1.18")
    # S1.37: '“That spillover ...,” he said' — "he" is Charles Lister, named in S1.36.
    pronoun = points["S1.37"]
    assert pronoun.text.endswith("— Charles Lister")
    assert [c.paragraph for c in pronoun.citations] == [32, 31]
    from deckgen.compress import is_faithful

    for point in (continued, pronoun):
        assert is_faithful(point.text, " ".join(c.quote for c in point.citations))


def test_document_order_puts_s2_before_s10():
    from deckgen.model import Sentence
    from deckgen.summarize.base import in_document_order

    sentences = [Sentence(f"S{n}.1", f"S{n}", 1, 0, 4, "Text") for n in (10, 2, 1)]
    assert [s.source for s in in_document_order(sentences)] == ["S1", "S2", "S10"]


class Picks(Summarizer):
    """Picks fixed sentences by their position in the document, to test planning alone."""

    name = "picks"

    def __init__(self, bluf=(), section=()):
        self.bluf, self.section = bluf, section

    def keypoints(self, sentences, k, *, analyses=None):
        return [sentences[i] for i in self.bluf]

    def sections(self, sentences, specs, max_points):
        # by position in the document: the plan may ask again without the picks it left out
        return [[s for s in sentences if s.index - 1 in self.section] for _ in specs]

    def propose_sections(self, sentences, count, max_points, *, analyses=None):
        return [("Everything left", list(sentences)[:max_points])]


STORY = ("Izzat al-Douri was the most senior Saddam-era figure still at large. "
         "He was ranked sixth on the list of most-wanted Iraqis. "
         "A car bomb killed three people outside the consulate in Erbil. "
         "He was the King of Clubs in the deck of cards issued to troops. "
         "“We will not stop,” he said.\n")


def test_a_bullet_opening_with_he_needs_the_sentence_naming_him_just_above(tmp_path):
    documents = documents_of(tmp_path, STORY)
    # 0 names him and 1 follows it directly: kept. 3 comes after the car bomb, which is not on the
    # slide: its "He" would be nobody there, so it is left out, as is 1 on its own.
    outline = plan_outline(documents, [SectionSpec("Douri")], Picks(section=(0, 1, 3)))
    assert [p.text for p in outline.sections[0].points] == [
        "Izzat al-Douri was the most senior Saddam-era figure still at large.",
        "He was ranked sixth on the list of most-wanted Iraqis."]
    alone = plan_outline(documents, [SectionSpec("Douri")], Picks(section=(1,)))
    assert alone.sections[0].points == ()


def test_the_summarizer_never_opens_the_bluf_with_an_unnamed_he():
    from deckgen.summarize.semantic import leaning

    leans = leaning()

    def dangles(text: str) -> bool:  # the parse-based reading the summarizer uses
        return leans(Sentence(text, "S1", 1, 0, len(text), text))  # the text is its own id

    assert dangles("He was ranked sixth on the list.")
    assert dangles("It noted that the watch list now includes 12,500 individuals.")
    assert dangles("Their numbers have doubled.")
    assert dangles("Now, it is taking the lead in Nepal.")
    assert not dangles("Now the army is taking the lead in Nepal.")
    assert dangles("This comes after months of talks between the two governments.")
    assert not dangles("This year the talks failed again.")
    assert not dangles("Hezbollah denied the report.")
    assert not dangles("Itineraries were cancelled.")
    assert dangles("“He is bringing the House into disrepute,” Danczuk said.")  # "He" is not Danczuk
    # after an opening phrase (sentences of the CNN/DM dev set a review found on slides)
    assert dangles("Still, at least they returned a club record profit of £18.7million last week.")
    assert dangles("In a report released earlier this week she slammed their actions as 'arrogant and disrespectful'.")
    assert dangles("Now four months after the incident, her parents John and Sarah have been remembering their daughter.")
    assert dangles("Incredibly, she achieved her goal despite being diagnosed with cervical cancer in October 2012.")
    assert not dangles("During his trial, Allen claimed he worked as a meat trader and a builder.")  # names him next
    assert not dangles("When she climbed the north face of the Eiger in 1988, Mrs Hargreaves was pregnant.")
    assert not dangles("However, for patients who are diagnosed when their cancer is advanced it is harder to treat.")
    assert not dangles("At a recent game, the basketball-loving attorney was filmed unleashing her percussion skills.")
    # a demonstrative before a noun points back too; before a time word it dates
    assert dangles("That alarming forecast comes from Maj. Gen. Allen Batschelet.")
    assert dangles("That calm head and that powerful shot are what City paid £38m for in 2011.")
    assert not dangles("This week the talks resumed in Vienna.")
    assert not dangles("That said, Ferrari are stronger over a long run.")
    assert not dangles("Those with most caps get priority when buying tickets.")
    sentences = load_documents([SEED])[0].sentences
    bluf = get_summarizer().keypoints(sentences, 5)
    assert bluf and not any(leans(s) for s in bluf)


def test_proposed_sections_go_on_from_the_bluf_instead_of_repeating_it(tmp_path):
    documents = documents_of(tmp_path, "Izzat al-Douri was killed in a battle near Tikrit on Friday, officials said. "
                                       "The Iraqi army released pictures of a body it said was al-Douri's. "
                                       "A car bomb killed three people outside the consulate in Erbil. "
                                       "Kurdish forces sealed off the Erbil consulate after the car bomb.\n")
    outline = plan_outline(documents, [], Picks(bluf=(0, 2)))
    bluf_ids = {i for p in outline.bluf for i in p.sentence_ids}
    assert bluf_ids == {"S1.1", "S1.3"}
    section_ids = {i for s in outline.sections for p in s.points for i in p.sentence_ids}
    assert section_ids and not section_ids & bluf_ids


def test_a_quotation_whose_speaker_is_unknown_is_no_bullet(tmp_path):
    documents = documents_of(tmp_path, "Bear Grylls and Mike Rake backed the plan on Monday.\n\n"
                                       "“Any initiative that encourages people to volunteer "
                                       "is good news,” he said.\n\n"
                                       "“Volunteering is a triple win for workers and firms,” Rake said.\n")
    outline = plan_outline(documents, [SectionSpec("Volunteering")], Picks(section=(1, 2)))
    # two people are named before "he said": nobody can tell which, so that quote is left out
    assert [p.text for p in outline.sections[0].points] == [
        "“Volunteering is a triple win for workers and firms” — Rake"]


def test_a_question_is_no_bullet(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Jurors found Dzhokhar Tsarnaev guilty on all 30 counts. But will he face death? "
                     "Tsarnaev’s penalty phase starts next week, the judge said.\n")
    outline = plan_outline(load_documents([story]), [SectionSpec("Verdict")], Picks(section=(0, 1, 2)))
    assert [p.text for p in outline.sections[0].points] == [
        "Jurors found Dzhokhar Tsarnaev guilty on all 30 counts.",
        "Tsarnaev’s penalty phase starts next week — the judge"]


def test_a_sentence_inside_a_quotation_without_a_known_speaker_is_no_bullet(tmp_path):
    documents = documents_of(tmp_path, "Doctors saw more concussions this year. Some people still call concussions "
                                       "\"getting your bell rung. We should call them what they really are: "
                                       "a brain injury.\" "
                                       "The NFL changed its rules in March.\n")
    outline = plan_outline(documents, [SectionSpec("Concussion")], Picks(section=(0, 2, 3)))
    # the middle sentence of the quote has no quote mark of its own and nobody is said to speak
    assert [p.text for p in outline.sections[0].points] == [
        "Doctors saw more concussions this year.", "The NFL changed its rules in March."]


def test_a_proposed_section_left_without_points_is_dropped(tmp_path):
    documents = documents_of(tmp_path, "Izzat al-Douri was killed in a battle near Tikrit on Friday, officials said. "
                                       "He was ranked sixth on the list of most-wanted Iraqis.\n")

    class OneDanglingSection(Picks):
        def propose_sections(self, sentences, count, max_points, *, analyses=None):
            return [("Most wanted", [s for s in sentences if s.text.startswith("He was")])]

    outline = plan_outline(documents, [], OneDanglingSection(bluf=(0,)))
    assert outline.sections == ()
    given = plan_outline(documents, [SectionSpec("Most wanted")], Picks(bluf=(0,), section=(1,)))
    assert [s.title for s in given.sections] == ["Most wanted"]  # a section the user asked for stays
    # ... and says where the sources touch on it, rather than that they hold nothing
    assert [(c.paragraph, c.quote) for c in given.sections[0].withheld] == [
        (1, "He was ranked sixth on the list of most-wanted Iraqis.")]


def test_a_section_bullet_may_name_by_a_description_what_the_bluf_introduced(tmp_path):
    documents = documents_of(tmp_path, "A magnitude-6.0 quake struck Napa Valley early on Sunday, injuring 120 people. "
                                       "Wineries counted broken barrels across the valley. "
                                       "The quake was centered six miles south of the city of Napa.\n")
    where = [SectionSpec("Where it struck")]
    quake = "The quake was centered six miles south of the city of Napa."
    outline = plan_outline(documents, where, Picks(bluf=(0,), section=(1, 2)))
    assert quake in [p.text for p in outline.sections[0].points]
    # without a BLUF before the sections (or one about something else) "The quake" is nobody's
    # quake: left out, as a description is, while another pick stands without it
    for alone in (plan_outline(documents, where, Picks(bluf=(0,), section=(1, 2)), opens_with_bluf=False),
                  plan_outline(documents, where, Picks(bluf=(1,), section=(0, 2)))):
        assert quake not in [p.text for p in alone.sections[0].points] and alone.sections[0].points


def test_a_section_with_points_withholds_nothing(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    outline = plan_outline(load_documents([story]), [SectionSpec("Douri")], Picks(section=(0, 3)))
    assert len(outline.sections[0].points) == 1 and outline.sections[0].withheld == ()


def test_a_first_person_sentence_in_a_third_person_story_is_no_bullet_without_its_speaker(tmp_path):
    # the quotation's marks were in an earlier sentence the segmenter split off (CNN/DM dev set)
    story = tmp_path / "story.txt"
    story.write_text("Sarah Watson had a brief liaison with the defender at a Christmas party. "
                     "The High Court overturned a gagging order against her last month. "
                     "I’m a single woman and I had not done anything illegal or that I was ashamed of. "
                     "Chelsea has not spoken about the incident publicly. "
                     "His club declined to comment on the ruling on Friday.\n")
    outline = plan_outline(load_documents([story]), [SectionSpec("Court case")], Picks(section=(1, 2, 3)))
    assert [p.text for p in outline.sections[0].points] == [
        "The High Court overturned a gagging order against her last month.",
        "Chelsea has not spoken about the incident publicly."]


def test_in_a_first_person_text_the_author_speaks(tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_text("I recommend that we extend the mission by a year. I have asked the staff for options. "
                    "The World War I memorial will close for repairs in May.\n")
    outline = plan_outline(load_documents([memo]), [SectionSpec("Mission")], Picks(section=(0, 1, 2)))
    assert len(outline.sections[0].points) == 3


def test_where_the_document_speaks_as_we_its_publisher_is_credited(tmp_path):
    from dataclasses import replace

    post = tmp_path / "post.txt"
    post.write_text("We would place higher value on identifying new programs if the gaps were filled. "
                    "The grant covers two years of work. “We will not back down,” the director said.\n")
    document, = load_documents([post])
    published = replace(document, source=replace(document.source, publisher="The Charity Blog"))
    for source, credited in ((published, True), (document, False)):
        outline = plan_outline([source], [SectionSpec("Plans")], Picks(section=(0, 1, 2)))
        texts = [p.text for p in outline.sections[0].points]
        assert texts[0].endswith(" — The Charity Blog") == credited, texts
        assert len(outline.sections[0].points[0].citations) == 1  # the sentence itself, cited once
        assert not any(t.endswith("Blog") for t in texts[1:])  # no credit where nobody says "we"


class Ranked(Picks):
    """Ranks sentences in a fixed order: its best k are the first k of ``order``."""

    def __init__(self, order):
        super().__init__()
        self.order = order

    def keypoints(self, sentences, k, *, analyses=None):
        return sorted((sentences[i] for i in self.order[:k]), key=lambda s: s.position)


def test_a_key_point_that_needs_context_or_is_no_statement_gives_way(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Izzat al-Douri was the most senior Saddam-era figure still at large. "
                     "He was ranked sixth on the list of most-wanted Iraqis. "
                     "Was he ever caught? "
                     "A car bomb killed three people outside the consulate in Erbil.\n")
    sentences = load_documents([story])[0].sentences
    # ranked first, "He was ranked sixth" loses two places to the sentence that names Douri
    assert [s.id for s in key_points(sentences, 1, Ranked([1, 0, 3]))] == ["S1.1"]
    # a question goes last, however high it is ranked
    assert [s.id for s in key_points(sentences, 2, Ranked([2, 0, 3]))] == ["S1.1", "S1.4"]
    # the BLUF is chosen the same way
    outline = plan_outline(load_documents([story]), [SectionSpec("Douri")], Ranked([1, 0, 3]), bluf_points=1)
    assert [p.sentence_ids[0] for p in outline.bluf] == ["S1.1"]


def test_the_bluf_comes_first_unless_the_layout_drops_it_or_shows_it_after_the_sections():
    from deckgen.pipeline import _bluf_first

    assert _bluf_first(None) and _bluf_first(("title", "bluf", "sections")) and _bluf_first(("bluf", "timeline"))
    assert not _bluf_first(("title", "sections")) and not _bluf_first(("title", "sections", "bluf"))


def test_a_bluf_point_stands_alone_under_the_deck_title(tmp_path):
    # a report: "The legislation" says nothing on the first slide of content unless the deck
    # title names legislation; a sentence that names what it speaks of comes first
    documents = documents_of(tmp_path, "The legislation implements two treaties on copyright. "
                                       "The committee met twice in the spring. "
                                       "The Digital Millennium Copyright Act limits the liability of "
                                       "online service providers.\n")
    titled = plan_outline(documents, [], Ranked([0, 1, 2]), title="Copyright Act of 1998", bluf_points=1)
    assert [p.sentence_ids[0] for p in titled.bluf] == ["S1.3"]
    named = plan_outline(documents, [], Ranked([0, 1, 2]), title="The copyright legislation", bluf_points=1)
    assert [p.sentence_ids[0] for p in named.bluf] == ["S1.1"]
    # batch key points have no deck title: a description does not count there
    assert [s.id for s in key_points(documents[0].sentences, 1, Ranked([0, 1, 2]))] == ["S1.1"]


def test_a_bluf_point_may_name_by_a_description_what_a_point_above_introduced(tmp_path):
    documents = documents_of(tmp_path, "An earthquake that rattled western Turkey killed two people on Friday. "
                                       "The quake occurred 200 miles west of Ankara. "
                                       "Rescue teams reached the town of Simav overnight.\n")
    outline = plan_outline(documents, [], Ranked([0, 1, 2]), title="Turkey", bluf_points=2)
    assert [p.sentence_ids[0] for p in outline.bluf] == ["S1.1", "S1.2"]
