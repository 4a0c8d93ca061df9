"""Bullets are made by deleting whole units of the parse; each expectation was worked out by
reading the sentence (news, press releases, government memos, papers)."""

import pytest

from deckgen.compress import LONG_BULLET_WORDS, bullet_text, is_faithful

# One deletion kind each: (sentence, bullet).
DELETIONS = [
    # the attribution clause becomes a credit: a person by name, without the role
    ("Deputy Pentagon press secretary Sabrina Singh told reporters Friday that the mission would be changing "
     "to a bilateral security partnership with the Iraqi government.",
     "The mission would be changing to a bilateral security partnership with the Iraqi government — Sabrina Singh"),
    ("“Our footprint is going to be changing,” said Pentagon Deputy Press Secretary Sabrina Singh, "
     "briefing reporters Friday.",
     "“Our footprint is going to be changing” — Sabrina Singh"),
    ("Elias Rodriguez, an EPA spokesman, said the agency's test results showed methyl bromide in the unit.",
     "The agency's test results showed methyl bromide in the unit — Elias Rodriguez"),
    # an anonymous speaker stays attached with the article's own description
    ("Many customers fly the airline only once or twice per year, an airline spokesman told the magazine.",
     "Many customers fly the airline only once or twice per year — an airline spokesman"),
    ("In a statement to a gossip website, the chef said that any suggestion of a romance was false.",
     "Any suggestion of a romance was false — the chef"),
    # appositive (paper-style and news)
    ("Charles Lister, the director of the Countering Terrorism and Extremism Program at the Middle East "
     "Institute, has tracked about 500 IS attacks this year.",
     "Charles Lister has tracked about 500 IS attacks this year."),
    # non-restrictive relative clauses (memo)
    ("The committee, which met on Tuesday, approved the budget, which had been delayed for months.",
     "The committee approved the budget."),
    ("We find that the parser, which was trained on news, is expected to fail on tweets.",
     "We find that the parser is expected to fail on tweets."),
    # parentheticals
    ("Clarkson (pictured this week) said an angry mob targeted the Top Gear team in their hotel.",
     "An angry mob targeted the Top Gear team in their hotel — Clarkson"),
    ("Islamic State (IS) fighters attacked the town.", "Islamic State fighters attacked the town."),
    # a leading time phrase (a year is a date, not a figure) and a leading background clause
    ("In 2019, the company's chief executive resigned, according to the annual report.",
     "The company's chief executive resigned — the annual report"),
    ("On Friday, the board approved the merger with its largest rival.",
     "The board approved the merger with its largest rival."),
    ("After the vote ended, the senators left the chamber without comment.",
     "The senators left the chamber without comment."),
    # discourse connectives, leading and set off by commas
    ("However, the Department will not issue new guidance to agencies.",
     "The Department will not issue new guidance to agencies."),
    ("The agency, meanwhile, has asked the court for more time.", "The agency has asked the court for more time."),
    ("Then there is the speculation over the future of manager Manuel Pellegrini.",  # a sports column
     "There is the speculation over the future of manager Manuel Pellegrini."),
]


@pytest.mark.parametrize(("sentence", "expected"), DELETIONS)
def test_a_whole_unit_goes(sentence, expected):
    assert bullet_text(sentence) == expected
    assert is_faithful(expected, sentence)


# What must stay: (sentence, bullet) where the bullet still holds the words that matter.
KEPT = [
    # negation and a condition ("unless") survive the connective's deletion
    ("However, the Department will not issue new guidance unless agencies request it.",
     "The Department will not issue new guidance unless agencies request it."),
    # modality and a condition survive; the anonymous attribution stays as a credit
    ("The agency may delay the rule if Congress does not act, officials said.",
     "The agency may delay the rule if Congress does not act — officials"),
    # a hedge ("expected to") in a paper's finding
    ("We find that the parser, which was trained on news, is expected to fail on tweets.",
     "We find that the parser is expected to fail on tweets."),
    # a leading clause opened by "if" is a condition: it stays
    ("If the levee fails, the county will evacuate the lower town.",
     "If the levee fails, the county will evacuate the lower town."),
    # a figure in a leading clause keeps the clause
    ("After a fire destroyed 40 homes, the county declared an emergency on its eastern border.",
     "After a fire destroyed 40 homes, the county declared an emergency on its eastern border."),
    # a relative clause holding a figure stays
    ("The top performer was Southwest Airlines, which offered 11.9 million award tickets.",
     "The top performer was Southwest Airlines, which offered 11.9 million award tickets."),
    # a pronoun speaker cannot be a credit: the attribution stays, only the circumstances go
    ("“We are in Iraq at the invitation of the Iraqi government,” she told reporters Friday.",
     "“We are in Iraq at the invitation of the Iraqi government,” she told reporters."),
    # a deletion that would leave fewer than five words is not made
    ("Stan Freberg, whose comic career garnered him acclaim, has died.",
     "Stan Freberg, whose comic career garnered him acclaim, has died."),
]


@pytest.mark.parametrize(("sentence", "expected"), KEPT)
def test_what_carries_the_meaning_stays(sentence, expected):
    assert bullet_text(sentence) == expected


# Fixes found by reading checks, one per kind, each in several genres: (sentence, bullet) with
# the bullet cut to fit a slide (LONG_BULLET_WORDS).
READING_FIXES = [
    # a relative clause set off by dashes goes like one set off by commas (news, paper)
    ("The new library — which replaces a branch closed in the floods — opened to readers on Monday.",
     "The new library opened to readers on Monday."),
    ("The corpus — which we release with this paper — covers legal and medical text.",
     "The corpus covers legal and medical text."),
    # a word doubled in the source is said once (memo)
    ("The museum asked visitors to return to the the main entrance before closing time.",
     "The museum asked visitors to return to the main entrance before closing time."),
    # a source that is no person to credit stays: what a court heard is no fact (court report, paper)
    ("Karen Holt, a former nurse, stole savings from elderly patients at the care home in Leeds, the crown court heard.",
     "Karen Holt stole savings from elderly patients at the care home in Leeds, the crown court heard."),
    ("The tool may miss some errors in scanned documents, the authors warn in their paper.",
     "The tool may miss some errors in scanned documents, the authors warn in their paper."),
    # a second reported clause ("but that ...") keeps the verb it hangs on: no credit on a fragment
    ("A spokesman said the council had offered a settlement to the families, but that the residents refused it.",
     "A spokesman said the council had offered a settlement to the families, but that the residents refused it."),
    # a clause holding the antecedent of a kept pronoun stays (politics, science)
    ("After Maria Lopez won the regional election, she appointed new ministers to the cabinet.",
     "After Maria Lopez won the regional election, she appointed new ministers to the cabinet."),
    ("When the researchers tested the vaccine in mice, they found it blocked infection in most animals.",
     "When the researchers tested the vaccine in mice, they found it blocked infection in most animals."),
    # numbers that are part of a name stay with it (aviation, law)
    ("The airline grounded its Boeing 737 fleet after the incident in Denver on Sunday.",
     "The airline grounded its Boeing 737 fleet after the incident in Denver on Sunday."),
    ("The court dismissed the claims filed by the chapter 13 trustee in the bankruptcy case last year.",
     "The court dismissed the claims filed by the chapter 13 trustee in the bankruptcy case last year."),
    # a fronted phrase that conditions the claim stays (regulation, city plan)
    ("Under the proposed rules, landlords must give tenants six months of notice before an eviction.",
     "Under the proposed rules, landlords must give tenants six months of notice before an eviction."),
    ("By 2030, the city will replace every diesel bus with an electric model, the mayor said.",
     "By 2030, the city will replace every diesel bus with an electric model — the mayor"),
    # a noun after an aside set off by commas is where the sentence resumes, no appositive
    ("The old cinema is due to become, of all things, a church.",
     "The old cinema is due to become, of all things, a church."),
    # a list item's number or letter is the list's, not the claim's (memo, instructions)
    ("2. Issued in May 2013, the policy calls for each agency to manage its data as an asset.",
     "The policy calls for each agency to manage its data as an asset."),
    ("b) The applicant must file the form within 30 days of the notice.",
     "The applicant must file the form within 30 days of the notice."),
    # a comma after a cut phrase belongs to the next part when none came before the phrase (news)
    ("“We celebrate the coalition,” the minister told a conference on the sidelines of the annual summit in "
     "Geneva on Wednesday, adding, “this mission is finished.”",
     "“We celebrate the coalition,” the minister told a conference on the sidelines of the annual summit in "
     "Geneva, adding, “this mission is finished.”"),
    # what the verb asks for stays ("calls for ... to ..."); a finite background clause goes (memo, news)
    ("The Open Data Policy issued by the budget office calls for agencies to manage their data as a strategic asset.",
     "The Open Data Policy issued by the budget office calls for agencies to manage their data as a strategic asset."),
    ("Police arrested the lorry driver on the busy northbound motorway near Leeds on Friday after he tried to "
     "flee from a police checkpoint.",
     "Police arrested the lorry driver on the busy northbound motorway near Leeds on Friday."),
]


@pytest.mark.parametrize(("sentence", "expected"), READING_FIXES)
def test_a_fix_found_by_reading_holds(sentence, expected):
    assert bullet_text(sentence, fit=LONG_BULLET_WORDS) == expected
    assert is_faithful(expected, sentence)


# Each thing that must stay, cut to fit a slide: (sentence, words the bullet keeps).
MUST_STAY = [
    ("However, the drug did not reduce deaths among older patients in the trial.", ["not"]),  # negation
    ("The tool may miss some errors in scanned documents, the authors warn in their paper.", ["may"]),  # modality
    ("The bank is expected to raise rates again, analysts at two brokers said on Thursday.", ["expected"]),  # hedge
    ("Patients could lose coverage if the state does not renew the waiver before January.", ["if", "not"]),  # condition
    ("Meanwhile, the company's profit fell 23 percent to $1.4 billion in the third quarter.",
     ["23", "$1.4"]),  # numbers
    ("“We will not give up on this project,” the minister told a rally in the capital on Saturday.",
     ["“we will not give up on this project”"]),  # a quotation, whole
]


@pytest.mark.parametrize(("sentence", "kept"), MUST_STAY)
def test_what_must_stay_stays_in_a_slide_bullet(sentence, kept):
    bullet = bullet_text(sentence, fit=LONG_BULLET_WORDS).lower()
    assert all(word in bullet for word in kept), bullet


def test_a_resolved_credit_replaces_a_pronoun_speaker():
    sentence = "“That spillover across the river is now a very real reality,” he said, pointing to a surge in attacks."
    assert bullet_text(sentence, credit="Charles Lister") == \
        "“That spillover across the river is now a very real reality” — Charles Lister"


def test_a_sentence_naming_nobody_gets_the_callers_credit():
    sentence = "“Attacks against coalition service members undermine Iraq’s sovereignty and stability.”"
    assert bullet_text(sentence, credit="the senior administration official") == \
        "“Attacks against coalition service members undermine Iraq’s sovereignty and stability.”" \
        " — the senior administration official"


# A speaker named by one word is credited by the full name the document gives them earlier:
# (document, bullet of its last sentence). Report, government news, press release, profile.
FULL_NAME_CREDITS = [
    ("A 2018 survey by Penelope Abernathy of the University of North Carolina tracked the closures. "
     "\"Newsrooms are often half the size within a matter of months,\" Abernathy reported.",
     "\"Newsrooms are often half the size within a matter of months\" — Penelope Abernathy"),
    ("Immigration minister Ahmed Tesfaye met the families on Tuesday. "
     "Mr Tesfaye said that the rules would change next year.",
     "The rules would change next year — Ahmed Tesfaye"),
    ("The board appointed Sarah Mitchell as treasurer on Monday. "
     "According to Mitchell, the fund lost $2 million last year.",
     "The fund lost $2 million last year — Sarah Mitchell"),
    ("Actress Maria Delgado spoke to the magazine about the role. "
     "\"I wore a wig for the whole series,\" Maria said.",
     "\"I wore a wig for the whole series\" — Maria Delgado"),  # a first name
]


def parsed_document(text):
    from deckgen.analysis import load_pipeline

    return list(load_pipeline()(text).sents)


@pytest.mark.parametrize(("text", "expected"), FULL_NAME_CREDITS)
def test_a_speaker_named_by_one_word_is_credited_by_the_full_name_given_before(text, expected):
    first, last = parsed_document(text)
    bullet = bullet_text(last)
    assert bullet == expected
    assert not is_faithful(bullet, last.text)  # the credit's words are in the sentence that gives the name:
    assert is_faithful(bullet, f"{first.text} {last.text}")  # it is cited with it (credit_source)


def test_a_name_two_people_share_stays_as_written():
    text = ("Hillary Clinton met donors in Ohio while Bill Clinton spoke in Iowa. "
            "Clinton said that the campaign had raised $20 million.")
    assert bullet_text(parsed_document(text)[1]) == "The campaign had raised $20 million — Clinton"


def test_a_credit_given_elsewhere_cites_the_first_sentence_that_gives_it():
    from deckgen.compress import credit_source
    from deckgen.model import Sentence

    texts = ["Ahmed Tesfaye met the families.", "Mr Tesfaye blamed the police.", "Ahmed Tesfaye left."]
    sentences = [Sentence(f"S1.{n}", "S1", n, 0, len(t), t) for n, t in enumerate(texts, start=1)]
    assert credit_source("The rules would change — Ahmed Tesfaye", sentences[1], sentences) == [sentences[0]]
    assert credit_source("The rules would change — Ahmed Tesfaye", sentences[2], sentences) == []  # its own
    assert credit_source("The rules would change.", sentences[1], sentences) == []


def test_a_time_phrase_stays_when_the_section_is_about_when():
    sentence = "On Friday, the board approved the merger with its largest rival."
    assert bullet_text(sentence, keep_setting=True) == sentence


@pytest.mark.parametrize(("sentence", "expected"), [
    # news, a report, a press release: a figure keeps the date it holds for, leading or trailing
    ("In 2019, the company's revenue rose 12 percent to $4.2 billion, according to the annual report.",
     "In 2019, the company's revenue rose 12 percent to $4.2 billion — the annual report"),
    ("The industry had an annual production capacity of around 8.69 GW at the end of 2017, a recent report said.",
     "The industry had an annual production capacity of around 8.69 GW at the end of 2017 — a recent report"),
    ("Earlier this year, the publisher laid off more than 60 employees.",
     "Earlier this year, the publisher laid off more than 60 employees."),
])
def test_a_figure_keeps_its_date(sentence, expected):
    assert bullet_text(sentence, fit=LONG_BULLET_WORDS) == expected


def test_words_of_the_section_title_stay():
    sentence = "The committee, which met in Brussels, approved the budget for the new office."
    assert bullet_text(sentence) == "The committee approved the budget for the new office."
    assert bullet_text(sentence, about={"brussels"}) == sentence


def test_a_quotation_inside_a_unit_goes_whole_or_not_at_all():
    sentence = "Officials said the plan, which critics called “a blank cheque,” would pass on Monday."
    bullet = bullet_text(sentence)
    assert "blank cheque" not in bullet or "“a blank cheque,”" in bullet
    assert is_faithful(bullet, sentence)


# A quotation running on from or into the next sentence gets the mark the sentence lacks, so a
# bullet's quote marks pair up (sentences from the CNN/DM dev set).
BALANCED = [
    ("He said: “I think it must be.", "He said: “I think it must be.”"),
    ("I knew I would get life anyway.\"", "\"I knew I would get life anyway.\""),
    # no quotation: an elided year, a plural possessive
    ("The band's '90s hits were played all night.", "The band's '90s hits were played all night."),
    ("Supporters' clubs met on Monday.", "Supporters' clubs met on Monday."),
]


@pytest.mark.parametrize(("sentence", "expected"), BALANCED)
def test_a_quotation_cut_by_the_sentence_end_is_closed_or_opened(sentence, expected):
    assert bullet_text(sentence) == expected
    assert is_faithful(expected, sentence)


def test_faithfulness_is_an_in_order_subsequence():
    quote = "The U.S. officials said the 2,500 troops will stay."
    assert is_faithful("2,500 troops will stay", quote)
    assert is_faithful("The U.S. officials said", quote)
    assert not is_faithful("troops 2,500 will stay", quote)      # order changed
    assert not is_faithful("2,600 troops will stay", quote)      # figure changed
    assert not is_faithful("the troops will leave", quote)       # word added
    assert not is_faithful("", quote)


def test_a_credit_is_checked_apart_from_its_claim():
    quote = "Pentagon press secretary Sabrina Singh said the mission would change."
    assert is_faithful("The mission would change — Sabrina Singh", quote)
    assert not is_faithful("The mission would change — Lloyd Austin", quote)
    assert not is_faithful("The mission would end — Sabrina Singh", quote)


def test_a_long_slide_bullet_loses_its_second_clause_and_background_only_when_asked_to_fit():
    sentence = ("The ministry has apologised to farmers and promised to pay compensation after floods "
                "destroyed crops across the northern valley.")
    assert bullet_text(sentence) == sentence
    assert bullet_text(sentence, fit=18) == "The ministry has apologised to farmers."


def test_a_background_clause_after_a_comma_goes_from_a_long_slide_bullet():
    sentence = ("Acme Corp. announced a new line of solar panels for homes and small businesses on its website, "
                "as the market for rooftop systems keeps growing.")
    assert bullet_text(sentence) == sentence
    assert bullet_text(sentence, fit=18) == \
        "Acme Corp. announced a new line of solar panels for homes and small businesses on its website."


def test_a_bullet_that_already_fits_keeps_its_background_clause():
    sentence = "The council closed the bridge after engineers found cracks in two piers."
    assert bullet_text(sentence, fit=18) == sentence


def test_a_connective_between_two_clauses_stays():
    sentence = "Baseball is a national pastime, so the league expects record crowds in every city."
    assert bullet_text(sentence) == sentence


def test_a_second_verb_phrase_is_not_cut_from_the_end_of_a_list():
    # the parser reads "and maintain ..." as a second verb phrase of "requires": cutting it would
    # leave a list without its "and" ("to establish, populate.")
    sentence = ("OMB requires each Federal agency to establish, populate, and maintain an enterprise-wide "
                "data asset inventory by November 30, 2014.")
    for fit in (12, LONG_BULLET_WORDS):
        assert "populate." not in bullet_text(sentence, fit=fit)


def test_a_speaker_stays_when_a_later_verb_of_the_claim_may_be_theirs():
    # "is hopeful" has no subject of its own: it is Clark's, though the parser hangs it on the claim
    sentence = ("Clark acknowledged that a 'horrendous season' had contributed to the swathes of empty seats "
                "at recent home matches but is hopeful of winning back those disillusioned fans.")
    assert bullet_text(sentence).startswith("Clark acknowledged")
    report = "Officials said that the dam had held and engineers were inspecting it."  # each verb has a subject
    assert bullet_text(report) == "The dam had held and engineers were inspecting it — officials"


def test_a_background_clause_after_a_dash_goes_from_a_long_slide_bullet():
    sentence = ("A mother-of-two has been jailed after stealing almost £80,000 from her dying parents to go on "
                "shopping sprees - leaving her elderly father in debt and too poor to afford a telephone.")
    assert bullet_text(sentence, fit=LONG_BULLET_WORDS) == \
        "A mother-of-two has been jailed after stealing almost £80,000 from her dying parents to go on shopping sprees."


def test_a_second_claim_goes_with_its_figure_only_when_the_bullet_would_not_fit_otherwise():
    too_long = ("CNN correspondent Kyung Lah said she could feel the earthquake in Tokyo, 267 miles southwest of "
                "the quake's epicenter, and said the shaking lasted as long as three minutes, but that there was "
                "no significant damage.")
    assert bullet_text(too_long) == too_long
    assert bullet_text(too_long, fit=LONG_BULLET_WORDS) == \
        "CNN correspondent Kyung Lah said she could feel the earthquake in Tokyo, 267 miles southwest of the quake's epicenter."
    fits = "The company said revenue rose 12 percent in the quarter, and said it had hired 40 workers in its new plant."
    assert "hired 40 workers" in bullet_text(fits, fit=LONG_BULLET_WORDS)


def test_a_figures_conversion_goes_before_a_clause_with_figures_of_its_own():
    sentence = ("The troops walked 200 kilometers (124 miles) over rock and mud before they reached the town of "
                "Wenchuan in the mountains where the quake killed more than half of the people who lived there.")
    bullet = bullet_text(sentence, fit=LONG_BULLET_WORDS)
    assert "200 kilometers" in bullet and "124 miles" not in bullet


def test_a_description_keeps_its_figures_even_when_the_bullet_stays_long():
    sentence = ("Laura Silsby, the American missionary accused of trying to take nearly three dozen children out of "
                "Haiti after the devastating January 12 earthquake, has been freed from jail by a Haitian court, her "
                "defense attorney said Monday.")
    assert "nearly three dozen children" in bullet_text(sentence, fit=LONG_BULLET_WORDS)


@pytest.mark.parametrize("sentence, kept", [
    ("Police arrested the coach, who denies the accusation, at his home in Leeds on Monday night after a long "
     "inquiry into the club.", "who denies the accusation"),
    ("The field, which is not defined by the schema, holds the date of the last change made to the record by "
     "any user.", "which is not defined by the schema"),
    ("The team removed examples and length requirements (not defined by the schema) and added the number of "
     "occurrences to every record.", "(not defined by the schema)"),
    ("The owner, who has never paid the fine, was ordered to close the restaurant by the council after the "
     "inspection.", "who has never paid the fine"),
])
def test_a_unit_that_negates_or_denies_stays(sentence, kept):
    assert kept in bullet_text(sentence, fit=LONG_BULLET_WORDS)


def test_a_concession_stays():
    sentence = ("The order is valued at $8.8 billion at list prices, though airlines typically negotiate a steep "
                "discount on large orders.")
    assert bullet_text(sentence, fit=LONG_BULLET_WORDS) == sentence


def test_the_date_of_a_claim_in_the_simple_present_stays():
    sentence = ("The board meets on Thursday with the mayor and the city council to discuss the budget shortfall "
                "and the new stadium.")
    assert "on Thursday" in bullet_text(sentence, fit=LONG_BULLET_WORDS)
    past = sentence.replace("meets", "met")
    assert "Thursday" not in bullet_text(past, fit=LONG_BULLET_WORDS)


@pytest.mark.parametrize("sentence, scope", [
    ("For almost any news organization looking to the future, the imperative is to invest in digital "
     "capabilities, since that is where the audience has been moving.", "For almost any news organization"),
    ("In traditional ICUs, each patient is wired to up to ten pieces of medical equipment, from monitoring "
     "devices to ventilators.", "In traditional ICUs"),
])
def test_a_fronted_phrase_that_sets_the_claims_scope_stays(sentence, scope):
    assert bullet_text(sentence, fit=LONG_BULLET_WORDS).startswith(scope)


def test_verbs_that_share_an_object_stay_together():
    sentence = ("For example, by implementing the DATA Act Schema, a user can enhance and enable real-time analysis "
                "of balances of budget authority by appropriations account, which can better enable agencies to "
                "manage their programs.")
    bullet = bullet_text(sentence, fit=LONG_BULLET_WORDS)
    assert "enhance and enable real-time analysis" in bullet
    assert not bullet.startswith("For example")


def test_brackets_inside_words_are_counted_when_an_aside_goes():
    # tax instructions: the aside holds a citation with brackets of its own
    bullet = bullet_text("If you are filing for a qualified disability trust (defined in section 642(b)(2)(C)(ii)), "
                         "enter $3,400 on line 39.", fit=LONG_BULLET_WORDS)
    assert bullet == "If you are filing for a qualified disability trust, enter $3,400 on line 39."


def test_a_list_of_participles_stays_whole():
    # a federal memo's definition: the parser reads the second participle as a clause of its own
    sentence = ('As defined in OMB Circular A-130, "government information" means information created, collected, '
                'processed, disseminated, or disposed of, by or for the Federal Government.')
    assert "disposed of, by or for the Federal Government" in bullet_text(sentence, fit=LONG_BULLET_WORDS)


def test_an_opening_straight_quote_after_a_cut_keeps_its_space():
    # a news page with straight quotes: the appositive goes, the space before '"browsed' stays
    bullet = bullet_text("Federal prosecutors alleged that Tova Noel and Michael Thomas, assigned to Epstein's special "
                         "housing unit at Metropolitan Correctional Center, \"browsed the Internet,\" lingered in an "
                         "office common area and appeared to sleep for two hours when they should have been "
                         "conducting inmate checks.", fit=LONG_BULLET_WORDS)
    assert 'Michael Thomas "browsed the Internet," lingered' in bullet


def test_a_described_speaker_keeps_the_participle_that_says_who():
    # a wire story: "a group" alone would credit nobody
    assert bullet_text("More than 450,000 people were without communication, according to a group representing "
                       "rural counties in California.") == (
        "More than 450,000 people were without communication — a group representing rural counties in California")


@pytest.mark.parametrize("sentence", [
    # a design-law summary: the second claim limits the first
    "Protection is lost if an application for registration is not made within two years after a design is first "
    "made public, but a design is not registrable if it has been made public more than one year before the date "
    "of the application for registration.",
    # a charity's blog: what the programs lack is the point
    "GiveWell sometimes finds programs that seem potentially highly impactful based on academic research, but for "
    "which there is no obvious organizational partner that could scale up and test them.",
])
def test_a_second_claim_joined_by_but_stays(sentence):
    assert bullet_text(sentence, fit=LONG_BULLET_WORDS) == sentence


def test_a_list_of_gerunds_the_parser_split_stays_whole():
    # a press release: three benefits, not one
    sentence = ("The benefits for healthcare professionals may include helping improve staff efficiency, supporting "
                "better organization of patient care and implementing procedures to reduce the number of alarms.")
    assert bullet_text(sentence, fit=LONG_BULLET_WORDS) == sentence


def test_a_second_claim_joined_by_and_still_goes_from_a_long_bullet():
    bullet = bullet_text("The storm hit the coast on Tuesday and destroyed hundreds of homes along the shore, and "
                         "residents fled to shelters.", fit=LONG_BULLET_WORDS)
    assert bullet == "The storm hit the coast on Tuesday and destroyed hundreds of homes along the shore."


def test_a_verb_phrase_joined_by_but_is_a_second_claim():
    # the seed: the officials' second action is a claim of its own
    bullet = bullet_text("The U.S. officials, who briefed reporters on the condition of anonymity, declined to say "
                         "what impact the two-phased agreement would have on the 2,500 U.S. forces in Iraq and the "
                         "900 troops in Syria, but, like Singh, rejected characterizations of the agreement as a U.S. "
                         "pullout.", fit=LONG_BULLET_WORDS)
    assert "rejected" not in bullet and "2,500 U.S. forces in Iraq and the 900 troops in Syria" in bullet
