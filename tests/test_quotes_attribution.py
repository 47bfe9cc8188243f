"""Who said it: cues on either side, split quotes, colons, previous sentences, paragraphs,
pronouns, nominals, organisations and "according to"."""

from __future__ import annotations

import pytest
from quote_support import run, speaker_names

from analysis import analyze


def test_speaker_after_the_quote_both_orders() -> None:
    quotes, speakers = run(
        "“The cranes are idle,” Ana Ribeiro said.",
        "“Nobody is working,” said Tomas Hale, the transport minister.",
    )
    assert speaker_names(quotes, speakers) == ["Ana Ribeiro", "Tomas Hale"]
    assert speakers[1].role == "transport minister"


def test_partial_quote_in_reported_speech() -> None:
    quotes, speakers = run(
        "Port director Lena Marsh said she was “disappointed but not surprised” by the vote.")
    assert [q.text for q in quotes] == ["disappointed but not surprised"]
    assert speakers[0].name == "Lena Marsh"
    assert speakers[0].role == "Port director"
    assert quotes[0].cue == "said"


def test_quote_split_by_its_attribution_british_and_american() -> None:
    for para in (
        "‘They announced their action without notice,’ Mr Hale said, ‘and now they expect us to "
        "pay for it.’",
        '"They announced their action without notice," Mr. Hale said, "and now they expect us '
        'to pay for it."',
    ):
        quotes, speakers = run("Transport Minister Tomas Hale spoke after the vote.", para)
        assert len(quotes) == 2
        assert speaker_names(quotes, speakers) == ["Tomas Hale", "Tomas Hale"]
        assert quotes[1].text.startswith("and now")


def test_colon_introduced_quote() -> None:
    quotes, speakers = run(
        "Lena Marsh, who runs the port, was blunt: “The strike is costing us a ship a day.”")
    assert speaker_names(quotes, speakers) == ["Lena Marsh"]
    assert quotes[0].cue == ":"
    assert speakers[0].role == "who runs the port"


def test_speaker_named_in_the_previous_sentence() -> None:
    quotes, speakers = run(
        "Union leader Ana Ribeiro addressed the crowd at the gates on Friday. “We have waited "
        "ten years for this contract, and we will not wait another ten.”")
    assert speaker_names(quotes, speakers) == ["Ana Ribeiro"]
    assert speakers[0].role == "Union leader"


def test_following_quotes_keep_the_speaker_within_a_paragraph() -> None:
    quotes, speakers = run(
        "“The offer is fair,” Hale said. “It is the best this government can do.” He then left.")
    assert len(quotes) == 2
    assert quotes[0].speaker_id == quotes[1].speaker_id != ""


def test_multi_paragraph_quote_one_quote_per_paragraph_same_speaker() -> None:
    quotes, speakers = run(
        "Martin Keller, a professor of labour law at the University of Lyon, said: “The law was "
        "written for wartime. Using it against a strike is new.",
        "“Courts have never tested it, and I expect the union to try.”",
        "The ministry declined to comment.",
    )
    assert len(quotes) == 2
    assert [q.paragraph for q in quotes] == [0, 1]
    assert speaker_names(quotes, speakers) == ["Martin Keller", "Martin Keller"]
    assert speakers[0].role == "professor of labour law at the University of Lyon"


def test_pronoun_after_a_named_topic_is_the_earlier_speaker() -> None:
    quotes, speakers = run(
        "A senior diplomat with knowledge of the talks said the goal was “to show the strikers "
        "that every option is open.”",
        "The diplomat spoke on condition of anonymity. Hale “did not rule out anything, and he "
        "was right not to,” he said.",
    )
    assert len(quotes) == 2
    assert speaker_names(quotes, speakers) == ["A senior diplomat", "A senior diplomat"]
    assert speakers[0].kind == "anonymous"
    assert speakers[0].role == "with knowledge of the talks"


def test_pronoun_resolves_to_the_subject_of_the_sentence_before() -> None:
    quotes, speakers = run(
        "After the vote in the port city, Lena Marsh met the union leaders.",
        "“We found common ground on safety,” she said.",
    )
    assert speaker_names(quotes, speakers) == ["Lena Marsh"]


def test_gendered_pronoun_skips_a_person_of_the_other_gender() -> None:
    quotes, speakers = run(
        "Mrs. Lena Marsh left the meeting early. Mr. Tomas Hale stayed on.",
        "“The meeting was useful,” she said.",
    )
    assert speaker_names(quotes, speakers) == ["Lena Marsh"]


def test_nominal_speaker_resolves_to_the_earlier_named_person() -> None:
    quotes, speakers = run(
        "Ana Ribeiro, a spokesperson for the dockworkers, spoke outside the gates.",
        "The spokesperson said the union would “keep every option open.”",
    )
    assert speaker_names(quotes, speakers) == ["Ana Ribeiro"]
    assert "The spokesperson" in speakers[0].aliases


def test_nominal_speaker_resolves_to_the_earlier_anonymous_one() -> None:
    quotes, speakers = run(
        "A researcher at the port authority said the backlog was “worse than in 2019.”",
        "The researcher added that the queue was “still growing every hour.”",
    )
    assert speaker_names(quotes, speakers) == ["A researcher", "A researcher"]
    assert len(speakers) == 1


def test_organisations_as_speakers() -> None:
    quotes, speakers = run(
        "The Kremlin said the exercises were “purely defensive and planned long ago.”",
        "The operators’ association warned that the strike was “costing the port its name.”",
    )
    assert [s.kind for s in speakers] == ["organisation", "organisation"]
    assert "Kremlin" in speakers[0].name
    assert speakers[1].name.lower() == "the operators’ association"


def test_according_to() -> None:
    quotes, speakers = run(
        "According to Martin Keller, a professor of labour law, the requisition “would not "
        "survive a court challenge.”",
        "“It is unlawful,” according to the dockers’ lawyer.",
    )
    assert quotes[0].cue == "according to"
    assert speaker_names(quotes, speakers)[0] == "Martin Keller"
    assert speakers[0].role == "professor of labour law"
    assert quotes[1].cue == "according to"
    assert speakers[1].kind == "anonymous"


def test_surname_and_honorific_map_to_the_full_name() -> None:
    quotes, speakers = run(
        "President Tomas Kell flew to Brennick.",
        "“We have to act now,” Mr. Kell said.",
        "“There is no time to lose,” Kell added.",
    )
    assert len(speakers) == 1
    assert speakers[0].name == "Tomas Kell"
    assert speakers[0].role == "President"
    assert "Mr. Kell" in speakers[0].aliases
    assert quotes[0].speaker == "Tomas Kell, President"


def test_roles_carry_titles_tags_and_places() -> None:
    quotes, speakers = run(
        "“The bill is dead on arrival,” said Sen. Mitch Hollis, R-Ky.",
        "Representative Carla Diaz of New York called it “a disgrace to this chamber.”",
        "“We will vote no,” said Jon Bell, a lawyer at Bailey & Glasser, who represents the "
        "West Virginia Department of Environmental Protection.",
    )
    labels = [q.speaker.lower() for q in quotes]
    assert "r-ky" in labels[0] and "hollis" in labels[0]
    assert "york" in labels[1] and "diaz" in labels[1]
    assert "protection" in labels[2] and "bell" in labels[2]


def test_name_before_quote_with_pronoun_cue_is_not_the_speaker() -> None:
    quotes, speakers = run(
        "Lena Marsh, the port director, took questions. Ribeiro “has never negotiated in good "
        "faith,” she said.",
        "Ana Ribeiro leads the union.",
    )
    assert speaker_names(quotes, speakers) == ["Lena Marsh"]


def test_unattributable_quote_has_no_speaker_but_is_kept() -> None:
    quotes, speakers = run("“Nobody knows how long this will last, or who will pay for it.”")
    assert len(quotes) == 1
    assert quotes[0].speaker == "" and quotes[0].speaker_id == ""
    assert speakers == []


def test_quotes_never_come_from_empty_or_odd_paragraphs() -> None:
    quotes, speakers = run("", "“", "”", "\"\"", "' '", "« »", "“ ”")
    assert quotes == [] and speakers == []


def test_speaker_introduced_right_after_an_opening_quote() -> None:
    quotes, speakers = run(
        "“Why now?” she asked. Maria Lopez, 45, a nurse at the clinic, had waited an hour.")
    assert speaker_names(quotes, speakers) == ["Maria Lopez"]
    assert speakers[0].role == "nurse at the clinic"


def test_role_then_name_subject_with_colon() -> None:
    quotes, speakers = run(
        "The researcher, Dr. Amy Tan of Stanford University, put it bluntly: “The data are "
        "clear.”",
        "Tan said the findings were “robust across every model we tried.”",
    )
    assert speaker_names(quotes, speakers) == ["Amy Tan", "Amy Tan"]
    assert "Stanford University" in speakers[0].role
    assert "Dr. Tan" in speakers[0].aliases


def test_bare_plural_and_collective_speakers() -> None:
    quotes, speakers = run(
        "Officials said the measure was “temporary and limited to the port.”",
        "Police say they have “adequate resources to secure the city.”",
        "Lawyers for the family said the company had “ignored every warning it was given.”",
    )
    assert [s.name for s in speakers] == ["Officials", "Police", "Lawyers"]
    assert [s.kind for s in speakers] == ["anonymous", "organisation", "anonymous"]
    assert speakers[2].role == "for the family"


def test_participle_clause_and_age_do_not_hide_the_speaker() -> None:
    quotes, speakers = run(
        "Hale, speaking to reporters in Lisbon, said the deal was “done and dusted.” Asked "
        "whether the union agreed, he replied: “You will have to ask them.”",
        "“We stand firm,” Ribeiro, 52, told the Guardian on Friday.",
    )
    assert speaker_names(quotes, speakers) == ["Hale", "Hale", "Ribeiro"]
    assert speakers[1].role == ""


def test_dash_attribution_with_role() -> None:
    quotes, speakers = run("“The port is ours and will stay ours.” — Ana Ribeiro, union leader")
    assert quotes[0].speaker == "Ana Ribeiro, union leader"
    assert quotes[0].cue == "―"


def test_a_list_of_names_is_not_an_appositive() -> None:
    quotes, speakers = run(
        "Ribeiro, Hale and Marsh met on Monday. “Nothing was agreed,” Ribeiro said afterwards.")
    assert speaker_names(quotes, speakers) == ["Ribeiro"]
    assert speakers[0].role == ""


def test_the_senator_is_the_person_titled_sen() -> None:
    quotes, speakers = run(
        "Sen. Elena Ruiz, D-N.M., introduced the bill on Monday.",
        "The senator said the cap would “end a scandal that costs families billions.”",
    )
    assert speaker_names(quotes, speakers) == ["Elena Ruiz"]
    assert "The senator" in speakers[0].aliases


def test_possessive_role_before_name_and_trailing_phrases() -> None:
    quotes, speakers = run(
        "Hale’s spokesman, Joao Silva, said the minister was “calm and confident.”",
        "“It was a mistake,” said Tom Smith of the decision.",
        "“Nobody expected it,” wrote Ann Lee for the Harbour Gazette.",
    )
    assert [q.speaker for q in quotes] == [
        "Joao Silva, Hale’s spokesman", "Tom Smith", "Ann Lee, for the Harbour Gazette"]


def test_nicknames_inside_names_are_not_quotes() -> None:
    quotes, speakers = run(
        '“We will win this vote,” said Rep. Robert C. "Bobby" Scott (D-Va.), who chairs the '
        "panel.",
        "Delegate Marcia “Cia” Price cheered from the gallery.",
    )
    assert [q.text for q in quotes] == ["We will win this vote,"]
    assert speakers[0].name == "Robert C. Scott"
    assert speakers[0].role == "Representative, D-Va., who chairs the panel"


def test_short_descriptor_before_an_inverted_name() -> None:
    quotes, speakers = run("“Their reasons do not hold,” said 9/11 widow Terry Strada.")
    assert quotes[0].speaker == "Terry Strada, 9/11 widow"


def test_multi_paragraph_quote_named_at_its_end() -> None:
    quotes, speakers = run(
        "Tomas Hale opened the meeting at nine.",
        "“We waited ten years for this contract.",
        "“We will not wait another ten,” Ana Ribeiro said.",
    )
    assert speaker_names(quotes, speakers) == ["Ana Ribeiro", "Ana Ribeiro"]


def test_roles_from_several_mentions_are_merged_and_titles_spelt_out() -> None:
    quotes, speakers = run(
        "Retired Lt. Gen. Mark Dunn warned the committee on Tuesday.",
        "Dunn, a former adviser to the port authority, said the strike was “a gift to our "
        "rivals.”",
        "Ohio Secretary of State Jon Husted said the rules were “clear enough for everyone.”",
    )
    assert speakers[0].role == "former adviser to the port authority; Retired Lieutenant General"
    assert speakers[1].role == "Ohio Secretary of State"


def test_according_to_a_document_and_family_roles() -> None:
    quotes, speakers = run(
        "According to a civil complaint filed by the regulator, the firm ran a “massive "
        "eight-year scheme to defraud investors.”",
        '"This is a big night for our next senator!" Hale\'s niece, state Del. Marcia "Cia" '
        "Hale (D-Porto), shouted to the crowd.",
    )
    assert quotes[0].cue == "according to"
    assert speakers[0].name == "A civil complaint filed by the regulator"
    assert speakers[1].name == "Marcia Hale"
    assert speakers[1].role == "Hale's niece, state Delegate, D-Porto"


def test_pronoun_after_a_colon_introduced_quote_is_the_clause_subject() -> None:
    quotes, speakers = run(
        "Tomas Hale opened the hearing.",
        "Sen. Lena Marsh (D-Porto) scolded him: “The port is losing a ship a day,” she said.",
        "PORT IN CRISIS — Ribeiro’s union had warned of a “collapse of the whole supply chain.”",
    )
    assert speaker_names(quotes, speakers) == ["Lena Marsh", "Ribeiro’s union"]
    assert speakers[1].kind == "organisation"


def test_pronoun_gender_is_learnt_and_respected() -> None:
    quotes, speakers = run(
        "Ana Ribeiro and Tomas Hale met on Monday.",
        "“We agreed on nothing,” she said.",
        "“We will meet again next week,” he said.",
    )
    assert speaker_names(quotes, speakers) == ["Ana Ribeiro", "Tomas Hale"]


def test_the_speaker_of_a_sentence_that_predicts_what_someone_will_tell() -> None:
    """"said it would tell a story of '…'": the quote is the first speaker's words, and the
    name after "the National Library of" is the library's, not a person's."""
    quotes, speakers = run(
        "President Alda Rhee, opening the National Library of Modern Letters on Monday, said it "
        "would tell a long story, one of ''bitter days and sweet ones, of loss. It belongs to "
        "everyone,'' she said.")
    assert speaker_names(quotes, speakers) == ["Alda Rhee"]


def test_one_of_a_group_named_right_before_the_quote() -> None:
    """"…, including the former governor Jo Rand -- '…'": Jo Rand, not the group nor the
    previous speaker."""
    for mark_open, mark_close, dash in (("''", "''", "--"), ("“", "”", "—"), ('"', '"', ":")):
        quotes, speakers = run(
            "Dana Ruiz, an economist, said the budget was thin. Several mayors have said the "
            f"same, including the former governor Jo Rand {dash} {mark_open}It is a scandal for "
            f"a city to hide its books from the voters.{mark_close}")
        assert speaker_names(quotes, speakers) == ["Jo Rand"]


def test_a_misspelt_surname_is_the_person_named_before() -> None:
    quotes, speakers = run(
        "Two voters, Tamsin McCrory and Jo Hale, came to hear the candidate.",
        "McRory said the speech was thin. “I have heard all of it before,” McRory said.")
    assert speaker_names(quotes, speakers) == ["Tamsin McCrory"]


def test_he_said_after_a_sentence_that_introduces_someone_by_role() -> None:
    quotes, speakers = run(
        "“The ferry is late again,” said Tom Ardle, a commuter.",
        "The timetable has not changed in a decade, which is something that worries Henry "
        "Crespo, chairman of the Kingsmere Ferry Users Group.",
        "“Nobody has looked at it since the port was rebuilt,” he said.")
    assert speaker_names(quotes, speakers) == ["Tom Ardle", "Henry Crespo"]


def test_he_said_after_an_inverted_speaker_closing_a_sentence() -> None:
    quotes, speakers = run(
        "“The ferry is late again,” said Tom Ardle, a commuter.",
        "Most ferries run on time in winter, said port engineer Dr. Ivo Brand, who has not "
        "worked for the company.",
        "“The timetable is sound, the boats are not,” he said.")
    assert speaker_names(quotes, speakers) == ["Tom Ardle", "Ivo Brand"]


def test_an_inverted_speaker_with_a_descriptor_before_a_source_is_the_speaker() -> None:
    quotes, speakers = run(
        "“The tide tables are right,” said study co-author Ivo Brand, the Gazette reported.")
    assert speaker_names(quotes, speakers) == ["Ivo Brand"]
    assert speakers[0].role == "study co-author"


def test_a_role_owned_by_someone_named_otherwise_is_the_person_with_that_role() -> None:
    quotes, speakers = run(
        "Rower Tom Ardle's agent Ivo Brand said the contract for the race had not been signed.",
        "Ardle was training in Dunmore on Friday with his crew.",
        "“Nothing is signed and nothing will be until the fee is paid,” the Kesran's agent "
        "said.")
    assert speaker_names(quotes, speakers) == ["Ivo Brand"]


def test_his_role_is_the_person_with_that_role_unless_it_names_another_owner() -> None:
    quotes, speakers = run(
        "Kesra United manager Ivo Brand said the referee had missed a foul on Tom Ardle.",
        "Ardle handled the ball in the box and the home side scored from the penalty.",
        "“It was a clear foul before the handball,” his manager said.")
    assert speaker_names(quotes, speakers) == ["Ivo Brand"]
    quotes, speakers = run(
        "Rhea Sand's lawyer Mina Hale said the files were handed over in full.",
        "The panel held Tom Ardle in contempt for refusing to appear.",
        "“He will not answer questions about the files,” his lawyer said.")
    assert "Mina Hale" not in speaker_names(quotes, speakers)


def test_a_name_after_a_role_of_unlisted_words_is_the_speaker() -> None:
    quotes, speakers = run(
        "“We will find the first wreck within a year,” Dunmore Museum chief diver Ada Moss "
        "said on Tuesday.")
    assert speaker_names(quotes, speakers) == ["Ada Moss"]
    assert speakers[0].role == "Dunmore Museum chief diver"
    # A clause's opening word is no role: the name after it is whom the clause is about.
    quotes, speakers = run(
        "The ad shows Ivo Brand at the debate saying “That makes me smart,” when Ada Moss "
        "blasted him for not paying the harbour levy.")
    assert "Ada Moss" not in speaker_names(quotes, speakers)


def test_commenters_speak_for_themselves() -> None:
    quotes, speakers = run(
        "Make-up artist Rhea Sand posted her harbour look on Monday.",
        "One commenter wrote: “You are amazing at what you do.”",
        "The video drew dozens of likes, with one follower musing: “Harbour looks need salt.”")
    assert speaker_names(quotes, speakers) == ["One commenter", "One follower"]


def test_a_description_naming_a_place_is_someone_of_that_place_not_the_place() -> None:
    quotes, speakers = run(
        "Harbour Tavern in Dunmore called the police on Friday night about a fight.",
        "“He was very drunk and would not leave,” the tavern manager said.")
    assert speaker_names(quotes, speakers) == ["The tavern manager"]


def test_an_acronym_is_the_organisation_it_abbreviates() -> None:
    quotes, speakers = run(
        "The Federation of Coastal Fishermen said the quota cut “will empty the harbours.”",
        "“We were never consulted,” the FCF said in a statement on Friday.",
        "“This is a dark day,” said the NFU, a ferry union, in a separate note.",
    )
    names = speaker_names(quotes, speakers)
    assert names[:2] == ["Federation of Coastal Fishermen"] * 2
    assert names[2] == "NFU"  # capitals that spell no organisation named before stay their own


def test_a_surname_in_capitals_is_the_person_not_an_acronym() -> None:
    quotes, speakers = run(
        "Transport Minister Tomas Hale spoke to the host on Sunday.",
        "“We will not requisition the crews,” HALE said. “Not this week.”",
    )
    assert speaker_names(quotes, speakers) == ["Tomas Hale", "Tomas Hale"]


def test_a_progressive_speech_verb_has_the_subject_before_it_as_speaker() -> None:
    quotes, speakers = run(
        "Rhea Sand’s doctor is calling the candidate “as fit as a ferry captain.”")
    assert speaker_names(quotes, speakers) == ["Rhea Sand’s doctor"]
    quotes, speakers = run("The harbour doctor is calling the new rota “a danger to crews.”")
    assert speaker_names(quotes, speakers) == ["The harbour doctor"]
    quotes, speakers = run(
        "Independent mayoral candidate Rhea Sand’s doctor called her “as fit as a captain.”")
    assert speaker_names(quotes, speakers) == [
        "Independent mayoral candidate Rhea Sand’s doctor"]  # not Rhea Sand


def test_an_age_before_a_name_is_no_part_of_it() -> None:
    quotes, speakers = run(
        "Thirteen-year-old Ilya Varga won the harbour chess title on Sunday.",
        "“I just tried to enjoy every game,” Varga said.",
    )
    assert speaker_names(quotes, speakers) == ["Ilya Varga"]


def test_an_honorific_makes_a_title_word_a_surname() -> None:
    """"Mr. King", "Ms. Bishop": after an honorific a word that is also a title is a name, and
    the possessive of "Mr. King's Evening Show" ends it."""
    quotes, speakers = run(
        "Larry King has hosted a talk show for forty years.",
        "Mr. King's Evening Show moved to a cable channel this spring.",
        "“They pay us well,” Mr. King said.",
        "“I never watch the rest of the channel,” Mr. King added.",
    )
    assert speaker_names(quotes, speakers) == ["Larry King", "Larry King"]
    assert [s.name for s in speakers] == ["Larry King"]


@pytest.mark.parametrize(("place", "paragraphs"), [
    # "At a press conference in Dunmore, the mayor also said …": Dunmore is where, and "mayor
    # also said that …" no role of it.
    ("Dunmore", ["Twelve lorries were stuck in Dunmore by the evening.",
                 "At a press conference in Dunmore, the mayor also said that it was too early to "
                 "tell when the bridge would reopen.",
                 "“We will know more on Monday,” the mayor said."]),
    # A place opening the sentence is no speaker.
    ("Brill", ["In Brill, the mayor said: “The detour adds ten minutes, no more.”"]),
])
def test_a_place_before_the_subject_is_no_speaker_and_no_role(
        place: str, paragraphs: list[str]) -> None:
    quotes, speakers = run("Mayor Rosa Kell closed the Dunmore bridge to lorries on Friday.",
                           *paragraphs)
    assert speaker_names(quotes, speakers) == ["Rosa Kell"]
    assert not any(s.name == place for s in speakers)


def test_one_word_after_the_names_a_paper() -> None:
    """"The Courier reported": a paper, not a person called Courier."""
    quotes, speakers = run(
        "The crack was found in July, “long before the city admitted it,” The Courier reported.",
    )
    assert [(s.name, s.kind) for s in speakers] == [("Courier", "organisation")]


def test_a_quoted_title_is_no_subject_of_its_sentence() -> None:
    """"In his memoir, ''Teach Your Crew to Sail,'' Mr. Ribeiro described …": the sentence is
    about Mr. Ribeiro (what a later "he" looks back at), not a person called "Teach Your Crew"."""
    from analysis.people.cues import sentence_subject

    for o, c in (("''", "''"), ("“", "”"), ('"', '"')):
        subject = sentence_subject(
            f"In his 2014 memoir, {o}Teach Your Crew to Sail,{c} Mr. Ribeiro described the "
            "strike.")
        assert subject is not None and subject.text == "Ribeiro"


def test_a_quote_whose_opening_mark_was_left_on_the_line_before_is_found() -> None:
    analysis = analyze("Trainer keeps faith in his horse\n\n"
                       "Ivo Brand backed his horse to win at Dunmore on Friday. '\n\n"
                       "Pride is the word I would use,' said Brand.", kind="text")
    assert [(q.speaker, q.text) for q in analysis.quotes] == \
        [("Ivo Brand", "Pride is the word I would use,")]


def test_a_surname_shared_by_two_people_is_whom_the_story_follows() -> None:
    # Named together, the first named is whom the story follows; named apart, the latest.
    quotes, speakers = run(
        "Former governor Tom Ardle campaigned in Dunmore on Monday for his wife Rhea Ardle.",
        "“The ferry plan makes no sense,” Ardle said.")
    assert speaker_names(quotes, speakers) == ["Tom Ardle"]
    quotes, speakers = run(
        "Harbour chief Ivo Brand opened the new quay in March.",
        "The quay has since handled twice the expected traffic.",
        "Port minister Jeh Brand says the harbour's computers were attacked last week.",
        "Brand told the radio that “the attack failed.”")
    assert speaker_names(quotes, speakers) == ["Jeh Brand"]


def test_a_clause_before_a_role_is_no_part_of_it() -> None:
    """"A youngster has copied winger Tomas Vell": Vell is a winger; the clause's subject and
    verb before his role describe no one."""
    quotes, speakers = run(
        "A youngster has copied winger Tomas Vell and scored from the halfway line.",
        "“He did it twice,” said Vell.",
    )
    assert [q.speaker for q in quotes] == ["Tomas Vell, winger"]


def test_a_schoolboy_before_a_name_is_his_description() -> None:
    quotes, speakers = run(
        "Schoolboy Ivo Brand scored from the halfway line on Saturday.",
        "“It was easy,” said Brand.",
    )
    assert [s.name for s in speakers] == ["Ivo Brand"]


@pytest.mark.parametrize("introduced", [
    "Kesra Today, the island's satellite network financed by the harbour board, opened in May.",
    "The harbour reopened on Monday, the newspaper Kesra Today reported.",
])
def test_a_body_named_like_a_person_is_an_organisation(introduced: str) -> None:
    """A network or a newspaper whose name reads like a person's ("Kesra Today") is an
    organisation when a body's noun introduces it."""
    quotes, speakers = run(
        introduced,
        "“We will keep broadcasting,” Kesra Today said in a statement.",
    )
    assert [(s.name, s.kind) for s in speakers] == [("Kesra Today", "organisation")]


@pytest.mark.parametrize(("o", "c"), [("“", "”"), ("‘", "’"), ('"', '"')])
def test_a_name_in_a_quotes_second_sentence_is_no_antecedent(o: str, c: str) -> None:
    """"“The Mayor. Big Tom.”": the second sentence of a quote is still its words, so the
    nickname in it is no one a later "she said" refers to."""
    quotes, speakers = run(
        "Melanie Ford, 61, waited for hours at the rally in Kessel.",
        f"{o}Here comes Big Tom,{c} she said, clapping. {o}The Mayor. Big Tom.{c}",
        f"{o}Here he is at last,{c} she said.",
    )
    assert speaker_names(quotes, speakers) == ["Melanie Ford"] * 3


def test_surrogates_are_people_who_speak() -> None:
    """"His surrogates called him “a genius”": campaign surrogates are people; the label is
    theirs, not that of the one they called it."""
    quotes, speakers = run(
        "Senator Ivo Brand paid no income tax for a decade, records show.",
        "His surrogates called him “a genius” for his tax strategies.",
    )
    assert speaker_names(quotes, speakers) == ["His surrogates"]
