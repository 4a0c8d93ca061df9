"""The furniture rules: every rule matches its own example; story sentences match none."""

import pytest

from deckgen.ingest.furniture import (CAPTION_RULES, FOOTNOTE_RULES, FURNITURE_ANYWHERE, FURNITURE_SHORT,
                                      document_roles, role_of)
from deckgen.model import Role

RULES = [(rule, role) for rules, role in ((FURNITURE_ANYWHERE, Role.FURNITURE), (FURNITURE_SHORT, Role.FURNITURE),
                                          (CAPTION_RULES, Role.CAPTION), (FOOTNOTE_RULES, Role.FOOTNOTE))
         for rule in rules]


@pytest.mark.parametrize("rule, role", RULES, ids=[rule.name for rule, _ in RULES])
def test_every_rule_matches_its_example(rule, role):
    assert rule.pattern.search(rule.example)
    assert role_of(rule.example) is role


@pytest.mark.parametrize("text, role", [
    ("941 comments", Role.FURNITURE),
    ("From the section US & Canada", Role.FURNITURE),
    ("© Thomson Reuters 2020", Role.FURNITURE),
    ("Â©2019 Hearst", Role.FURNITURE),
    ("Our Standards: The Thomson Reuters Trust Principles.", Role.FURNITURE),
    ("Reporting by Jane Doe in Washington; Additional reporting by John Roe; Editing by Sam Poe", Role.FURNITURE),
    ("Tension: A woman wrapped in the flag stands outside the parliament in Barcelona", Role.CAPTION),
    ("Media playback is unsupported on your device", Role.FURNITURE),
    ("Sign up for our Morning Briefing newsletter", Role.FURNITURE),
    ("By Caroline Hawley and Jeff Seldin", Role.FURNITURE),
    ("{yusuke,sekine}@cs.nyu.edu", Role.FURNITURE),
    ("Riloff, E. and R. Jones. 1999. Learning dictionaries for information extraction. In Proc. of AAAI.",
     Role.FOOTNOTE),
    ("~7 ~r~Zcly", Role.FURNITURE),
    ("Caroline Hawley, BBC diplomatic correspondent", Role.FURNITURE),
    ("Staffers 'don't care': Federal prison suicides were quietly rising before the death", Role.FURNITURE),
    ("Page 2 of 48 Instructions for Form 1040NR 7:48 - 6-DEC-2007", Role.FURNITURE),
    ("A. Introduction 1-1 B. Role of the Trustee 1-1 C. Duties 1-2", Role.FURNITURE),
    ("AGENCY: Federal Aviation Administration (FAA), DOT.", Role.FURNITURE),
    ("Figure 2: Finding a similar relation from two articles.", Role.CAPTION),
])
def test_furniture_captions_and_notes(text, role):
    assert role_of(text) is role


@pytest.mark.parametrize("text", [
    "Prosecutors in Sweden have dropped an investigation into a rape allegation made against Julian Assange.",
    "By the end of the year, 2,500 troops will have left Iraq, officials said.",
    "Important: The draft schema does not constitute official guidance and should not be used as such.",
    "More than 450,000 people were without communication, according to a group of rural counties.",
    "Sasse said: The Bureau of Prisons needs to start giving the public some answers.",
    "The six additional exceptions are as follows:",
    "Note: This activity incorporates all data assets submitted via the decommissioned effort.",
    "XIN GUANG HAI", "Seoul, South Korea, and Tokyo agreed on the plan on Friday.",
])
def test_story_sentences_are_no_furniture(text):
    assert role_of(text) is None


def test_a_table_of_contents_run_and_a_reference_list_are_left_out():
    texts = ["Overview", "Document Overview 3", "Executive Summary 3", "Methodology 4", "Training Error! Bookmark not defined.",
             "This plan describes the tests we will run in 2016.", "References",
             "Smith, J. 2005. Relations in news. In Proc. of ACL.", "A plain line after the list.",
             "Appendix", "Since 2008, revenue fell every year 7"]
    roles = [Role.HEADING, *[Role.BODY] * 5, Role.HEADING, Role.BODY, Role.BODY, Role.HEADING, Role.BODY]
    levels = [1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0]
    assert document_roles(texts, roles, levels) == [
        Role.HEADING, Role.FURNITURE, Role.FURNITURE, Role.FURNITURE, Role.FURNITURE, Role.BODY, Role.HEADING,
        Role.FOOTNOTE, Role.FOOTNOTE, Role.HEADING, Role.BODY]


def test_the_links_under_a_related_stories_heading_are_furniture():
    texts = ["Related stories", "Iraq's parliament debates the budget for the coming year",
             "Syria ceasefire talks stall again after a week of fighting", "Analysis", "The talks may resume."]
    roles = [Role.HEADING, Role.LIST_ITEM, Role.LIST_ITEM, Role.HEADING, Role.BODY]
    assert document_roles(texts, roles, [2, 0, 0, 2, 0]) == [
        Role.HEADING, Role.FURNITURE, Role.FURNITURE, Role.HEADING, Role.BODY]


def test_a_pull_quote_repeating_the_text_is_furniture():
    texts = ["Since 2008, revenue has fallen every year.",
             "“Since 2008, revenue has fallen every year,” says the analyst, and cuts went on for a decade."]
    assert document_roles(texts, [Role.BODY] * 2, [0, 0]) == [Role.FURNITURE, Role.BODY]


def test_the_names_under_a_memos_from_line_are_furniture():
    texts = ["From:", "Sylvia M. Burwell Director", "Todd Park U.S. Chief Technology Officer", "Information is an asset."]
    roles = [Role.BODY, Role.LIST_ITEM, Role.LIST_ITEM, Role.BODY]
    assert document_roles(texts, roles, [0] * 4) == [Role.FURNITURE] * 3 + [Role.BODY]
