"""Timeline: relative dates resolved against the publication date, shown with their words."""

from datetime import date

import pytest

from deckgen.brief import load_brief
from deckgen.compress import is_faithful
from deckgen.analysis import analyse
from deckgen.extract.speech import read_speech
from deckgen.extract.timeline import Precision, Relation
from deckgen.extract.timeline import find_times as _find_times
from deckgen.model import Document, SourceInfo
from deckgen.pipeline import load_documents
from deckgen.segment import segment

from .conftest import BRIEF, SEED

AS_OF = date(2024, 9, 27)  # a Friday, the seed's publication date


@pytest.fixture(scope="module")
def seed():
    return load_documents([SEED], load_brief(BRIEF))[0]


def find_times(document):
    analysis = analyse(document)
    return _find_times(analysis, read_speech(analysis))


def times_of(text: str, published: date | None = None):
    return find_times(segment(Document(SourceInfo("S1", "t.txt", date=published), text)))


def only(mentions, text: str):
    (mention,) = [m for m in mentions if m.text == text]
    return mention


def test_seed_phase_dates(seed):
    mentions = find_times(seed)
    first = only(mentions, "no later than a year from now")
    assert (first.when, first.precision, first.relation) == (date(2025, 9, 1), Precision.MONTH, Relation.BY)
    second = only(mentions, "next September")
    assert (second.when, second.precision, second.relation) == (date(2025, 9, 1), Precision.MONTH, Relation.ON)
    lasting = only(mentions, "will last at least one year")
    assert (lasting.when, lasting.relation) == (date(2026, 9, 1), Relation.AT_LEAST_TO)
    assert lasting.label == "at least to Sep 2026 ('will last at least one year')"
    assert second.label == "Sep 2025 ('next September')"
    assert first.sentence_ids == ("S1.5",) and second.sentence_ids == lasting.sentence_ids == ("S1.6",)
    assert first.upcoming and second.upcoming and lasting.upcoming


def test_seed_words_are_verbatim_and_events_faithful(seed):
    sentences = {s.id: s.text for s in seed.sentences}
    for mention in find_times(seed):
        assert mention.text in sentences[mention.sentence_ids[0]]
        assert is_faithful(mention.event, sentences[mention.sentence_ids[0]])


def test_seed_statement_dates_are_marked_as_reporting(seed):
    mentions = find_times(seed)
    assert {m.sentence_ids[0] for m in mentions if m.reporting} == {"S1.2", "S1.5", "S1.12", "S1.28", "S1.32"}
    assert not only(mentions, "next September").reporting


def test_the_publication_date_is_the_anchor():
    text = "The minister said Friday that talks will resume next September."
    by_date = times_of(text, published=AS_OF)
    assert [m.when for m in by_date] == [AS_OF, date(2025, 9, 1)]
    assert by_date[0].anchor == AS_OF


def test_the_decks_as_of_date_never_anchors_an_undated_document(tmp_path):
    from deckgen.pipeline import OutlineRequest, build_outline

    story = tmp_path / "story.txt"  # no date in a .txt
    story.write_text("The jury found him guilty on Wednesday, the court said. Judge Ann Cole will sentence Tom Hale "
                     "on 4 May 2015.\n")
    outline = build_outline(OutlineRequest(documents=(story,), as_of=date(2015, 4, 21)))
    assert outline.as_of == date(2015, 4, 21)
    assert [p.label.split(" (")[0] for p in outline.timeline] == ["4 May 2015"]


def test_without_a_date_relative_expressions_are_flagged_and_absolute_ones_resolve():
    mentions = times_of("Officials said Friday that it began in 2023 and ends next September or on Sept. 30, 2025.")
    flagged = [m.text for m in mentions if m.when is None]
    assert flagged == ["Friday", "next September"]
    assert all(m.problem == "no publication date to resolve against" for m in mentions if m.when is None)
    assert [m.label for m in mentions if m.when] == ["2023 ('in 2023')", "30 Sep 2025 ('Sept. 30, 2025')"]
    assert mentions[0].label == "unresolved ('Friday'): no publication date to resolve against"


def test_weekdays_in_future_sentences():
    assert [m.when for m in times_of("The council will meet Monday.", AS_OF)] == [date(2024, 9, 30)]
    (same_day,) = times_of("The council will meet Friday.", AS_OF)
    assert same_day.when is None and same_day.problem.startswith("ambiguous")
    assert [m.when for m in times_of("They met last Friday.", AS_OF)] == [date(2024, 9, 20)]


def test_bare_months_follow_the_sentence_tense():
    anchor = date(2024, 2, 10)
    assert [m.when for m in times_of("The report came out in November.", anchor)] == [date(2023, 11, 1)]
    assert [m.when for m in times_of("The vote will take place in November.", anchor)] == [date(2024, 11, 1)]
    assert [m.when for m in times_of("Troops will leave next September.", anchor)] == [date(2024, 9, 1)]
    assert [m.when for m in times_of("Troops left last September.", anchor)] == [date(2023, 9, 1)]


def test_weeks_days_and_iso_dates():
    mentions = times_of("Talks ended last week, resume tomorrow and close on 2024-12-01.", AS_OF)
    assert [(m.when, m.precision) for m in mentions] == [
        (date(2024, 9, 16), Precision.WEEK), (date(2024, 9, 28), Precision.DAY), (date(2024, 12, 1), Precision.DAY)]
    assert mentions[0].label == "week of 16 Sep 2024 ('last week')"


def test_numbers_that_are_not_dates_are_ignored():
    assert times_of("About 2,500 troops and 900 vehicles remain; the third year matters.", AS_OF) == []


def test_impossible_dates_are_flagged_not_raised():
    from deckgen.model import Document, SourceInfo
    from deckgen.segment import segment
    from datetime import date as day

    text = "The vote is set for Feb. 30 and the report for 2024-13-45. It began 20000 years ago."
    document = segment(Document(SourceInfo("S1", "x.txt", date=day(2024, 9, 27)), text))
    mentions = find_times(document)
    assert mentions and all(m.when is None or m.when.year > 1900 for m in mentions)
    assert any(m.problem == "not a valid date" for m in mentions)


# Review of the CNN/DailyMail dev set: years of month-days, day words used as names, unresolved items on slides.

def test_a_month_day_is_the_occurrence_nearest_the_anchor_whatever_other_clauses_say():
    anchor = date(2015, 4, 21)
    text = ("The letter Lord Janner, who will not face charges, signed on April 9. "
            "Now the peer was well enough to sign an April 9 note.")
    assert [m.when for m in times_of(text, anchor)] == [date(2015, 4, 9), date(2015, 4, 9)]
    assert [m.when for m in times_of("The talks resume on January 5.", date(2014, 12, 20))] == [date(2015, 1, 5)]


def test_a_future_or_since_cue_governing_a_month_day_decides_its_side():
    anchor = date(2015, 4, 21)
    assert [m.when for m in times_of("The peers will meet on April 9.", anchor)] == [date(2016, 4, 9)]
    assert [m.when for m in times_of("Prices have risen since January 5.", date(2014, 12, 20))] == [date(2014, 1, 5)]


def test_a_bare_month_is_past_unless_a_future_cue_in_its_clause_says_otherwise():
    anchor = date(2015, 4, 21)
    text = "Mason, who will appeal, pleaded guilty in September. Saturday's final will be staged in Cardiff."
    assert [m.when for m in times_of(text, anchor)] == [date(2014, 9, 1), date(2015, 4, 25)]
    assert [m.when for m in times_of("The summit will be held in January.", date(2014, 12, 20))] == [date(2015, 1, 1)]


def test_an_uncued_month_day_far_ahead_is_last_years():
    mentions = times_of("The season ran between September 1 and March 22.", date(2015, 4, 21))
    assert [m.when for m in mentions] == [date(2014, 9, 1), date(2015, 3, 22)]
    # a cue in the date's clause still looks ahead
    assert [m.when for m in times_of("The new season will start on September 1.", date(2015, 4, 21))] == [
        date(2015, 9, 1)]


def test_timeline_events_say_who_acts(tmp_path):
    from deckgen.pipeline import OutlineRequest, build_outline

    story = tmp_path / "story.md"
    story.write_text("---\ndate: 2015-04-21\n---\n\n"
                     "Michael Fallon gave an interview on the Today programme on Monday.\n\n"
                     "He tweeted yesterday that the plan was a joke.\n\n"
                     "The minister will publish the plan on 4 May 2015.\n\n"
                     "The Ministry of Defence will publish its budget on 6 May 2015.\n")
    outline = build_outline(OutlineRequest(documents=(story,)))
    events = [p.shown for p in outline.timeline]
    # "He" and "The minister" are who the story named before: left out; each item shows its date
    assert events == ["20 Apr 2015 ('Monday'): Michael Fallon gave an interview on the Today programme on Monday.",
                      "6 May 2015 ('6 May 2015'): The Ministry of Defence will publish its budget on 6 May 2015."]


def test_a_dated_event_is_shown_only_when_it_stands_alone():
    from deckgen.extract.timeline import timeline_groups

    # a government memo, a press release and a news story: each pair, one that points back, one that stands
    text = ("This guidance takes effect on 1 October 2015. OMB Circular A-130 takes effect on 1 October 2016.\n\n"
            "The company opened its first store in Lisbon in 2019. Volt Motors opened a plant in Porto in 2021.\n\n"
            "As a teenager she moved to Madrid in 2009. Ana Ruiz won the national title in 2012.\n")
    mentions = times_of(text, date(2024, 1, 10))
    standing = {i for m in mentions for i in m.sentence_ids}
    shown = [group[0].event for group in timeline_groups(mentions, standing)]
    assert shown == ["Ana Ruiz won the national title in 2012.", "OMB Circular A-130 takes effect on 1 October 2016.",
                     "Volt Motors opened a plant in Porto in 2021."]


def test_a_dated_event_naming_by_surname_someone_the_story_named_in_full_is_left_out():
    from deckgen.extract.timeline import timeline_groups

    # the item is parsed as shown, where "Douglas Bader" is not: "Bader" alone says not who;
    # a one-word name the story never gave in full ("Madonna") stands, and so does a full name
    text = ("Douglas Bader lost both legs in a crash. Bader was shot down over France in August 1941. "
            "Madonna sang in Paris in 1990. Douglas Bader was knighted in 1976.")
    mentions = times_of(text, date(2024, 1, 10))
    standing = {i for m in mentions for i in m.sentence_ids}
    shown = [group[0].event for group in timeline_groups(mentions, standing)]
    assert shown == ["Douglas Bader was knighted in 1976.", "Madonna sang in Paris in 1990."]


def test_a_month_before_a_surname_is_a_first_name():
    mentions = times_of("Stephanie asked him after January Jones left. Talks resume in March.", date(2015, 4, 21))
    assert [m.text for m in mentions] == ["in March"]


# Review 2 of the CNN/DailyMail dev set: photo dates, missed years, questions on the timeline.

def test_a_date_governed_by_a_photo_cue_dates_no_event():
    text = ("Done: Bobby Flay has filed for divorce from his wife of 10 years Stephanie March, TMZ reported on "
            "Friday; here the couple is pictured in June 2013. "
            "Moved out: The Iron Chef Of America star - pictured in 2013 - is said to have moved out of the "
            "couple's New York City apartment. "
            "On the court: Copeland previously played for the New York Knicks (pictured in 2013). "
            "Flay was pictured with President Obama in 2009.")
    photos = [m for m in times_of(text) if m.text != "Friday"]
    assert [m.text for m in photos] == ["in June 2013", "in 2013", "in 2013", "in 2009"]
    # a photo's date, or one in brackets, places no event
    assert all(m.not_event in ("dates a photo, not the event", "a reference in brackets, not an event") for m in photos)


def test_a_photo_cue_outside_the_dates_clause_does_not_count():
    text = ("Alison Hargreaves (pictured with Tom and his sister Katie as children) was swept to her death in "
            "260mph winds on her descent from the Himalayan mountain in 1995.")
    assert [(m.text, m.when) for m in times_of(text)] == [("in 1995", date(1995, 1, 1))]


def test_photo_dates_stay_off_the_timeline_slide():
    from deckgen.extras import briefing_extras

    text = ("On the court: Copeland previously played for the New York Knicks (pictured in 2013). "
            "Alison Hargreaves, 32, was swept to her death in 260mph winds on her descent from the Himalayan "
            "mountain in 1995.")
    timeline = briefing_extras([analyse(segment(Document(SourceInfo("S1", "t.txt"), text)))])["timeline"]
    assert [p.label for p in timeline] == ["1995 ('in 1995')"]


def test_years_after_a_capital_in_or_before_a_comma_are_found():
    text = ("In 2013 they suspended volcanic ash gathered from sites around the world in a chamber filled with "
            "argon gas. In a profile published in the Wall Street Journal in 2014, Blizerian estimated earning "
            "about $50million in poker winnings. When she climbed the north face of the Eiger, in the Swiss Alps, "
            "in 1988, Mrs Hargreaves was pregnant with her son.")
    assert [(m.text, m.when) for m in times_of(text)] == [
        ("In 2013", date(2013, 1, 1)), ("in 2014", date(2014, 1, 1)), ("in 1988", date(1988, 1, 1))]


def test_numbers_with_thousands_separators_are_not_years():
    assert times_of("In 2,500 homes, in 1,000 flats and in 1999,000 cases, troops stayed.", AS_OF) == []


def test_questions_are_not_timeline_events():
    from deckgen.extras import briefing_extras

    text = ("Remember THAT title-winning goal against QPR in 2012? "
            "Are they at fault for spending the best part of £200m since 2012 without really strengthening the "
            "team or does Pellegrini carry the can? "
            "‘Remember THAT title-winning goal against QPR in 2012?’ "
            "City paid what now looks like a bargain £38m for Sergio Aguero in 2011.")
    document = segment(Document(SourceInfo("S1", "t.txt"), text))
    assert [m.when for m in find_times(document)] == [date(2012, 1, 1)] * 3 + [date(2011, 1, 1)]
    timeline = briefing_extras([analyse(document)])["timeline"]
    assert [p.sentence_ids for p in timeline] == [("S1.4",)]


def test_the_rest_of_a_cut_run_on_is_no_timeline_event():
    from deckgen.extras import briefing_extras

    # a 600-character run with no sentence end is cut at a space; its second piece starts in lower case
    run_on = ("Hillary Clinton's hair has changed many times over the past few decades " * 8
              + "and ever since her husband Bill was elected as US President for the first time in 1993, "
              "her hair has been the subject of scrutiny.")
    document = segment(Document(SourceInfo("S1", "t.txt"), run_on))
    pieces = [s.text for s in document.sentences]
    assert len(pieces) == 2 and pieces[1][:1].islower() and "1993" in pieces[1]
    assert briefing_extras([analyse(document)])["timeline"] == ()


def test_a_picture_caption_is_no_timeline_event():
    from deckgen.extras import briefing_extras

    # CNN/DM dev-set captions: they date the story's events too, but a caption is no point
    text = ("Bader was shot down over France in August 1941. "
            "The Great Escape: Bader's story predates the break in 1944 immortalised in the film starring "
            "Richard Attenborough (pictured) Bader was among those recaptured. "
            "Previous model: The Einstein robot made its public debut at a conference in 2009. "
            "Abase Hussen (left) took his daughter to a demonstration in 2012.")
    document = segment(Document(SourceInfo("S1", "t.txt"), text))
    assert [m.when.year for m in find_times(document)] == [1941, 1944, 2009, 2012]
    timeline = briefing_extras([analyse(document)])["timeline"]
    assert [p.shown for p in timeline] == ["Aug 1941 ('in August 1941'): Bader was shot down over France in August 1941."]


def test_an_instruction_or_a_worked_example_for_the_reader_dates_no_event():
    # tax instructions and a how-to guide: the dates are examples and rules, not events
    example = times_of("However, you sold the 10,000 shares on August 1, 2007.")
    rule = times_of("File the completed form with the county clerk by April 15, 2025.")
    event = times_of("The county clerk filed the completed form on April 15, 2025.")
    assert [m.not_event for m in example + rule] == [
        "an instruction or a worked example for the reader, not an event"] * 2
    assert [m.not_event for m in event] == [None]


def test_a_sentence_that_speaks_to_its_reader_or_has_no_subject_dates_no_event():
    # guidance written to "you" (a case of the reader's, an example, a condition on the reader)
    # and a list item whose subject is in its lead-in line: rules and examples, not events
    reader = [times_of(text) for text in (
        "You opened the account in a branch and had the fees refunded to you in 2018.",
        "If you rented the flat from us, your landlord must have registered the deposit during 2019.",
        "Your spouse died in 2016 and the estate was settled later.",
        "The bank that you chose for the savings closed its branch in 2021.")]
    fragment = times_of("Lived in the county for fewer than 90 days during 2015.")
    quoted = times_of("The mayor, who told residents “you deserve better,” opened the bridge on March 3, 2024.")
    reported = times_of("If the council approves the plan, the county will open the bridge in March 2027.")
    assert [m.not_event for mentions in reader for m in mentions] == [
        "an instruction or a worked example for the reader, not an event"] * 4
    assert [m.not_event for m in fragment] == ["no subject (a list item or a heading), not an event"]
    assert [m.not_event for m in quoted + reported] == [None, None]


def test_a_date_the_shown_words_leave_out_dates_no_event_unless_it_opens_the_sentence():
    # the fronted clause the date belongs to is cut from the shown words: "Mrs Holt was expecting
    # her first child" is not what happened in 1990; an opening date goes to the label instead
    mentions = times_of("When she crossed the Channel, in calm weather, in 1990, Mrs Holt was expecting her first "
                        "child. In 2019, the court convicted him of fraud.")
    assert [(m.text, m.not_event) for m in mentions] == [
        ("in 1990", "the words shown leave out the date and what it dates"), ("In 2019", None)]
    assert "1990" not in mentions[0].event and mentions[1].event == "The court convicted him of fraud."


def test_the_same_words_under_two_dates_are_left_out_of_the_timeline():
    # which deadline holds depends on a condition given elsewhere, which the slide would not show
    from deckgen.extras import briefing_extras

    text = ("Most applicants file online. Form 1040 is due by April 15, 2026. Applicants abroad have longer. "
            "Form 1040 is due by June 15, 2026. Harris County opened a new office on March 2, 2026.")
    document = segment(Document(SourceInfo("S1", "t.txt", date=date(2026, 1, 5)), text))
    timeline = briefing_extras([analyse(document)])["timeline"]
    assert [p.shown for p in timeline] == [
        "2 Mar 2026 ('March 2, 2026'): Harris County opened a new office on March 2, 2026."]


def test_an_event_whose_description_points_back_to_the_story_is_left_out():
    from deckgen.extras import briefing_extras

    text = ("Workers at a Connecticut nursery handled a chemical called methyl bromide. "
            "Field workers were poisoned by the chemical in 1990. "
            "The United States banned methyl bromide in 2005.")
    document = segment(Document(SourceInfo("S1", "t.txt", date=date(2024, 9, 27)), text))
    timeline = briefing_extras([analyse(document)])["timeline"]
    assert [p.shown for p in timeline] == ["2005 ('in 2005'): The United States banned methyl bromide in 2005."]


@pytest.mark.parametrize(("text", "reason"), [
    # news, a report, a press release: a span of time or "today" as nowadays dates no event
    ("Over the last year more than 25,000 people have fought Ebola infections.", "a period, not a moment"),
    ("In the past year, sales of the drug rose by a third.", "a period, not a moment"),
    ("Throughout 2014, the company hired engineers in Porto.", "a period, not a moment"),
    ("Today, plague infections are rare, but they do happen.",
     "today as nowadays (a state in the simple present), not a date"),
])
def test_a_period_or_nowadays_dates_no_event(text, reason):
    mentions = times_of(text, date(2015, 4, 21))
    assert [m.not_event for m in mentions if m.when] in ([], [reason])
    assert not [m for m in mentions if m.when and not m.not_event]


def test_today_dates_an_event_told_in_the_past_or_progressive():
    mentions = times_of("Today the Treasury designated five companies. The agency is today publishing its rules.",
                        date(2018, 2, 23))
    assert [(m.text, m.not_event) for m in mentions] == [("Today", None), ("today", None)]


def test_a_figures_date_goes_to_the_label_not_the_event():
    # a bullet keeps a figure's date; a timeline shows it in the label, so the event need not
    (mention,) = times_of("In 2019, the company's revenue rose 12 percent to $4.2 billion.", date(2024, 1, 10))
    assert (mention.text, mention.event) == ("In 2019", "The company's revenue rose 12 percent to $4.2 billion.")


def test_a_bounded_offset_is_before_or_after_the_day_it_counts_to():
    # news: "more than two weeks ago" may not be dated to the day two weeks back
    mentions = times_of("The family fell ill more than two weeks ago. The storm hit ten days ago. "
                        "The firm was sold less than a year ago. The plant will open in more than a year from now.",
                        date(2015, 4, 6))
    assert [(m.text, m.relation, m.when) for m in mentions] == [
        ("two weeks ago", Relation.BEFORE, date(2015, 3, 23)),
        ("ten days ago", Relation.ON, date(2015, 3, 27)),
        ("a year ago", Relation.AFTER, date(2014, 4, 1)),
        ("a year from now", Relation.AFTER, date(2016, 4, 1)),
    ]


@pytest.mark.parametrize("text", [
    # a statute's summary, a federal memo, tax instructions: a deadline someone is bound to
    "The Copyright Office is directed to conduct two joint studies, the first by October 28, 1999.",
    "OMB requires each Federal agency to establish a data asset inventory by November 30, 2014.",
    "Contractors must register with the agency by March 15, 2014.",
    "The first payment is due by April 15, 2014.",
])
def test_a_deadline_someone_is_bound_to_dates_no_event(text):
    mentions = times_of(text, date(1998, 11, 1) if "1999" in text else date(2014, 1, 5))
    assert [m.not_event for m in mentions] == ["a deadline someone is bound to, not an event"]


def test_a_planned_end_by_a_date_is_still_an_event(seed):
    # the seed: "will see coalition forces wrap up ... no later than a year from now" is what to watch
    (mention,) = [m for m in find_times(seed) if m.text == "no later than a year from now"]
    assert mention.relation is Relation.BY and mention.not_event is None


def test_a_sentence_listing_dates_is_a_schedule_not_an_event():
    mentions = times_of("OMB established the following reporting deadlines: February 28, 2014; May 31, 2014; "
                        "August 30, 2014; and November 30, 2014. The agency opened its office on January 2, 2014.",
                        date(2014, 1, 5))
    assert [(m.text, m.not_event) for m in mentions if m.not_event is None] == [("January 2, 2014", None)]


def test_a_financial_year_is_no_year():
    assert times_of("In 2009-10 the Trust recorded 40,898 food bank visits.", date(2015, 4, 1)) == []


def test_a_target_dates_no_event():
    # a trade paper: what a government plans to reach by a year is a target, not an event
    (mention,) = times_of("Seoul plans to install 30.8 GW of solar by 2030.", date(2019, 9, 2))
    assert mention.not_event == "a target, not an event"



def test_a_sentence_the_source_repeats_is_one_timeline_item():
    from deckgen.extras import briefing_extras

    text = ("There were three assault cases involving Uber drivers in December 2014. The city opened an inquiry. "
            "There were three assault cases involving Uber drivers in December 2014.")
    document = segment(Document(SourceInfo("S1", "t.txt", date=date(2015, 4, 1)), text))
    timeline = briefing_extras([analyse(document)])["timeline"]
    assert [p.sentence_ids for p in timeline] == [("S1.1",)]
