"""Attribution shapes of news writing that the quote engine reads, each in several house styles:
"as X put it", a pronoun speaker after named subjects and quotes of its own sentence, poll
figures as speakers, quoted terms and nicknames that are not speech, and speech nouns that are
not verbs ("a Hale tweet")."""

from __future__ import annotations

import pytest
from quote_support import run, speaker_names

STYLES = [("“", "”"), ("‘", "’"), ('"', '"'), ("''", "''")]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("frame", [
    "As Dana Whitcombe put it in a letter to shareholders last spring, the yard is {q}",
    "The yard, as Dana Whitcombe put it at the launch, is {q}",
    "Dana Whitcombe put it plainly on Monday: the yard is {q}",
])
def test_as_x_put_it(o: str, c: str, frame: str) -> None:
    quote = f"{o}a place that builds ships nobody else can build.{c}"
    quotes, speakers = run(
        "The shipyard at Corran Bay has taken on two hundred welders since March.",
        frame.format(q=quote),
    )
    assert [q.text for q in quotes] == ["a place that builds ships nobody else can build."]
    assert speaker_names(quotes, speakers) == ["Dana Whitcombe"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_pronoun_after_quotes_of_its_sentence_is_the_sentence_subject(o: str, c: str) -> None:
    quotes, speakers = run(
        f"{o}The council met its deadline,{c} said Priya Nandakumar, the council's press "
        "officer.",
        f"Mayor Ines Carvalho accused the council of being {o}asleep at the wheel{c} and "
        f"{o}reckless with public money{c} in what she called {o}a scandal of its own "
        f"making.{c}",
    )
    assert len(quotes) == 4
    assert speaker_names(quotes, speakers) == [
        "Priya Nandakumar", "Ines Carvalho", "Ines Carvalho", "Ines Carvalho"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_descriptions_with_different_places_are_different_people(o: str, c: str) -> None:
    quotes, speakers = run(
        f"{o}We will not sign it,{c} the former Vermont governor said on Sunday.",
        f"{o}Nor will we,{c} the Oregon governor said.",
        f"{o}It is a bad deal,{c} the governor added.",
    )
    names = speaker_names(quotes, speakers)
    assert names[0] != names[1]
    assert "Oregon" in names[1] and "Vermont" in names[0]
    assert names[2] == names[1]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_shares_of_a_poll_speak(o: str, c: str) -> None:
    quotes, speakers = run(
        "A survey of 900 commuters by the Harlow Transit Authority was published on Monday.",
        f"Only 41 percent of riders agreed that the new timetable was {o}easy to follow,{c} "
        f"while 58 percent said the night buses were {o}too few to be useful.{c}",
        f"About a third of respondents said fares were {o}more than they could afford.{c}",
    )
    assert speaker_names(quotes, speakers) == [
        "Only 41 percent of riders", "58 percent", "About a third of respondents"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_shares_without_people_or_numbers_are_no_poll_speakers(o: str, c: str) -> None:
    quotes, speakers = run(
        f"The majority leader said the vote was {o}far from over, whatever the count says.{c}",
        f"Half the time the trains ran late, Rosa Gill said, and {o}nobody ever told us why.{c}",
    )
    assert speaker_names(quotes, speakers) == ["The majority leader", "Rosa Gill"]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("noun", ["tweet", "comment", "answer"])
def test_a_named_speech_noun_is_no_verb(o: str, c: str, noun: str) -> None:
    quotes, speakers = run(
        f"Councillor Mira Okafor is calling {o}petty and spiteful{c} a Tomas Hale {noun} "
        "about her budget.",
    )
    assert speaker_names(quotes, speakers) == ["Mira Okafor"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_plural_names_keep_the_bare_verb(o: str, c: str) -> None:
    quotes, speakers = run(
        f"{o}The budget is petty and spiteful,{c} the Greens claim in a leaflet sent on Friday.")
    assert speaker_names(quotes, speakers) == ["Greens"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_a_share_is_no_speaker_past_its_group(o: str, c: str) -> None:
    quotes, speakers = run(
        "Harlow Transit chief Edda Brun spoke to the council on Monday.",
        "Brun insisted that only 2 percent of the fleet had been affected by what several "
        f"drivers called {o}sabotage by neglect{c} before the audit began.",
    )
    assert "percent" not in speaker_names(quotes, speakers)[0]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("frame", [
    "He would also double the levy, known as the {q} among hauliers, in May.",
    "He would double what has come to be known as the {q} after its author.",
    "Rivals pinned the nickname {q} on him within a week.",
])
def test_terms_after_known_as_and_nickname(o: str, c: str, frame: str) -> None:
    quotes, _ = run(
        "Transport Minister Tomas Hale said the new levy would be collected at every port.",
        frame.format(q=f"{o}Hale tax{c}"),
    )
    assert [q.text for q in quotes] == []


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("sentence", [
    # a title after "called", and a nickname of three words inside a name
    "The father made a photo series called {o}Ada Can Swim{c} in which his daughter floats.",
    "He heard that T.J. {o}The Harbour Hawk{c} Brand had been lost at sea.",
])
def test_titles_after_called_and_nicknames_inside_names(o: str, c: str, sentence: str) -> None:
    quotes, _ = run("Ivo Brand said the photographs had been taken over one summer.",
                    sentence.format(o=o, c=c))
    assert [q.text for q in quotes] == []


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize(("frame", "speaker"), [
    ("The board was a rubber stamp (or, as The Harlow Daily called it last week, {q}).",
     "Harlow Daily"),
    ("The board was, as the mayor called it on Monday, {q}", "The mayor"),
])
def test_subject_of_an_as_clause(o: str, c: str, frame: str, speaker: str) -> None:
    quotes, speakers = run(
        "The port board met for the last time on Friday.",
        frame.format(q=f"{o}a club for old friends{c}"),
    )
    assert speaker_names(quotes, speakers) == [speaker]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize(("source", "name"), [
    ("a senior administration official said", "A senior administration official"),
    ("one official said", "One official"),
    ("a senior State Department official said", "A senior State Department official"),
    ("a Treasury official told reporters", "A Treasury official"),
])
def test_anonymous_officials_speak(o: str, c: str, source: str, name: str) -> None:
    quotes, speakers = run(
        "Talks on the tariff deal resumed in Geneva on Monday.",
        f"{o}Nobody expects a breakthrough this week,{c} {source}.",
    )
    assert speaker_names(quotes, speakers) == [name]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_speech_nouns_after_markers_stay_nouns(o: str, c: str) -> None:
    quotes, speakers = run(
        f"Mayor Ines Carvalho read the official reply aloud: {o}The council will not bend on "
        f"this.{c}",
    )
    assert speaker_names(quotes, speakers) == ["Ines Carvalho"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_pronoun_after_reported_speech_by_a_surname(o: str, c: str) -> None:
    quotes, speakers = run(
        "Councillor Edda Brun chaired the hearing on the harbour contract.",
        "Okonkwo said the charge against him was baseless.",
        f"{o}Nobody has shown me a single invoice that is wrong,{c} he added.",
    )
    assert speaker_names(quotes, speakers) == ["Okonkwo"]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize(("sentence", "source"), [
    ("Twenty years ago, a Harlow Courier article hailed the mayor as {q}", "Harlow Courier"),
    ("An editorial in the Harlow Courier called the levy {q}", "Harlow Courier"),
    ("The lawsuit, filed in Dayton, says the firm had {q}", "lawsuit"),
    ("The memo warned staff that the audit was {q}", "memo"),
])
def test_documents_and_articles_speak(o: str, c: str, sentence: str, source: str) -> None:
    quotes, speakers = run(
        "The harbour levy was voted through on Monday.",
        sentence.format(q=f"{o}a gift to the few{c}") + ".",
    )
    assert len(quotes) == 1
    label = quotes[0].speaker
    assert source.lower() in label.lower()


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("company", ["Harlow Energy", "Corran Motors", "Brightwater Holdings",
                                     "Tessel Pharmaceuticals", "Dunmore Capital"])
def test_it_said_after_a_company_name(o: str, c: str, company: str) -> None:
    quotes, speakers = run(
        f"{company} dismissed its chief executive on Monday.",
        f"{o}We needed a fresh start after a difficult year,{c} it said in a statement.",
    )
    assert speaker_names(quotes, speakers) == [company]
    assert speakers[0].kind == "organisation"


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_state_and_party_descriptions_resolve_to_the_tagged_member(o: str, c: str) -> None:
    quotes, speakers = run(
        "Sen. Dana Holt, D-Ohio, and Rep. Tom Hale (R-Tex.) met on Tuesday to discuss the bill.",
        f"{o}We are close to a deal,{c} the Ohio Democrat said after the meeting.",
        f"{o}We are nowhere near one,{c} the Texas Republican said.",
        f"Democrat Ana Ruiz called the talks {o}theatre for the cameras and nothing more.{c}",
    )
    assert speaker_names(quotes, speakers) == ["Dana Holt", "Tom Hale", "Ana Ruiz"]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize(("opening", "speaker"), [
    ("But critics said", "Critics"),
    ("And the port manager said", "The port manager"),
    ("However prosecutors told the court", "Prosecutors"),
    ("Meanwhile, union officials said", "Union officials"),
])
def test_connective_opening_is_no_part_of_the_speaker(o: str, c: str, opening: str,
                                                       speaker: str) -> None:
    quotes, speakers = run(
        "Port director Edda Brun said the new cranes would arrive in May.",
        f"{opening} the cranes were {o}two years late and twice the price.{c}",
    )
    assert speaker_names(quotes, speakers) == [speaker]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("adverb", ["Interestingly", "Ironically", "Predictably", "Reportedly"])
def test_sentence_adverb_is_no_speaker(o: str, c: str, adverb: str) -> None:
    quotes, speakers = run(
        "Councillor Edda Brun has fought the harbour levy for a year.",
        f"{adverb} enough, leaflets with the line {o}we will not pay for a harbour we cannot "
        f"use{c} went up across her own ward.",
    )
    assert adverb not in speaker_names(quotes, speakers)[0]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("frame", [
    "Hale used the phrase {q} four times in his speech.",
    "Hale said the words {q} and left the stage.",
    "In his speech, Hale repeated the word {q} until the crowd joined in.",
])
def test_words_quoted_from_a_speaker_are_his_quote(o: str, c: str, frame: str) -> None:
    quotes, speakers = run(
        "Transport Minister Tomas Hale addressed dock workers in Serrin on Friday.",
        frame.format(q=f"{o}fair shares{c}"),
    )
    assert [q.text for q in quotes] == ["fair shares"]
    assert speaker_names(quotes, speakers) == ["Tomas Hale"]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("subject", [
    "His mother Lucy, 32, of Upminster, east London,",
    "Lucy Hart, 32, of Upminster, east London,",
    "Her neighbour Lucy, 71, from Leeds,",
])
def test_relative_with_age_and_home_town(o: str, c: str, subject: str) -> None:
    quotes, speakers = run(
        f"{subject} said: {o}He has kicked a ball against our wall every day since he was "
        f"three.{c}")
    assert speaker_names(quotes, speakers)[0] in ("Lucy", "Lucy Hart")


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("opening", [
    "Chastened by the vote, as well as complaints over its cost, Vossen revised his plan.",
    "Stung by the criticism from the docks, Vossen revised his plan, promising lower fees.",
    "Worried about the vote, Vossen revised his plan over the summer.",
])
def test_opening_clause_word_is_no_speaker(o: str, c: str, opening: str) -> None:
    """A participle clause opening the sentence holds no name: the harbour master named after
    the comma is whom "he said" refers to."""
    quotes, speakers = run(
        "Harbour master Piet Vossen proposed a levy on the largest shippers in May.",
        opening,
        f"{o}The levy will fall on the largest shippers first,{c} he said last month.",
    )
    assert speaker_names(quotes, speakers) == ["Piet Vossen"]


# Copy dumped one sentence per line (as CNN/DailyMail pages are) splits a speaker's paragraph
# over lines and loses the marks that reopen a quote: a mark left at a line's end opens the
# next line, and lines with no mark of their own go on with the quote left open (the
# paragraph is one again), until a line reports speech in the third person or is a caption.
LINE_DUMP = """Harbour master keeps faith in the new quay

Harbour master Ivo Brand said the new quay would be ready before the winter storms.

He said: 'We have worked on it through every tide since March.

The crews have never let me down.

It is the best team I have had. '

I would not swap any of them.'

Brand said he expected the first ferry to berth on Monday.

Ivo Brand (left) and his deputy (right) walked the quay on Friday

The council will inspect the quay next week.
"""


def test_a_dump_keeps_a_quote_going_over_lines_without_marks() -> None:
    from analysis import analyze

    analysis = analyze(LINE_DUMP, kind="text")
    said = {q.text.rstrip(". ") for q in analysis.quotes}
    assert said == {"We have worked on it through every tide since March. The crews have never "
                    "let me down. It is the best team I have had",
                    "I would not swap any of them"}
    assert {q.speaker for q in analysis.quotes} == {"Ivo Brand"}


def test_a_dump_split_at_every_sentence_is_known_by_its_lower_case_lines() -> None:
    # No stray marks here, but a line opening in lower case: a sentence the dump cut in two,
    # so the line with no marks after a quote left open goes on with it.
    from analysis import analyze

    analysis = analyze("""Harbour master shrugs off the critics of the new quay

Ivo Brand has answered the councillors who called the quay a waste of money.

‘I do not mind anyone having a view.

What I mind is people who have never run a harbour telling me how to run this one.

‘They have never had to send a crew out in a gale.’

The work has cost the port 4 million crowns so far

and will be finished in May.
""", kind="text")
    said = [q.text.rstrip(". ") for q in analysis.quotes]
    assert said[0] == ("I do not mind anyone having a view. What I mind is people who have "
                       "never run a harbour telling me how to run this one")
    assert {q.speaker for q in analysis.quotes} == {"Ivo Brand"}


def test_a_quote_left_open_in_edited_copy_does_not_swallow_the_next_paragraph() -> None:
    # No stray marks: the story's paragraphs are its own, and one left open is a typo.
    quotes, _ = run(
        "Harbour master Ivo Brand said: “We have worked on it through every tide since March.",
        "The council will inspect the quay next week.",
    )
    assert [q.text.rstrip(".") for q in quotes] == [
        "We have worked on it through every tide since March"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_a_group_is_no_she(o: str, c: str) -> None:
    quotes, speakers = run(
        "Ann Cole, 26, was flown to hospital after the crash on the coast road.",
        "Doctors warned she might never walk again, but Ann worked hard at her recovery.",
        f"She said: {o}I was not going to let a crash decide what I could do.{c}",
    )
    assert speaker_names(quotes, speakers) == ["Ann Cole"]


def test_a_dump_finds_the_speaker_named_a_few_lines_before() -> None:
    from analysis import analyze

    analysis = analyze("""A dog and a tortoise play tag every evening

The owner, named Rhea Sand, filmed the two chasing each other round the sofa.

Later in the clip the dog hides behind a cushion.

The tortoise then turns and charges at the dog.

The dog runs off and watches from under the table

She wrote under the video: 'They really love to play together.'
""", kind="text")
    assert [q.speaker for q in analysis.quotes] == ["Rhea Sand"]


def test_a_dump_joins_a_sentence_split_after_its_comma() -> None:
    from analysis import analyze

    analysis = analyze("""Widow remembers the harbour master

Ivo Brand died on Friday at the age of 71, his wife Ada Brand said. '

He loved this harbour more than anything,'

Ada told the Dunmore Gazette.

The funeral will be held on Tuesday.
""", kind="text")
    assert analysis.article.paragraphs[1] == (
        "'He loved this harbour more than anything,' Ada told the Dunmore Gazette.")
    assert [q.speaker.split(",")[0] for q in analysis.quotes] == ["Ada Brand"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_a_document_is_not_the_paper_that_saw_it(o: str, c: str) -> None:
    # "The memo" is the memo: the newspaper named beside it saw it, it did not write it.
    quotes, speakers = run(
        "The port may lose its ferry licence, according to a briefing note seen by the "
        "Dunmore Gazette.",
        f"The memo warns that the quay {o}may not be fit for larger ships{c} after 2030.",
    )
    assert speaker_names(quotes, speakers) != ["Dunmore Gazette"]
    assert [q.speaker for q in quotes] == ["The memo"]


@pytest.mark.parametrize("caption", [
    "Sunny Day, pictured with Hale (right), is the favourite for the race on Saturday",
    "Tom Vale (left) rode the horse to a win at Dunmore last spring",
    # the dump ran the next caption's heading on: its colon introduces no quote of Vale's
    "Tom Vale is pictured riding the horse to a win at Dunmore last spring Winners:",
])
def test_a_caption_run_into_the_story_is_not_whom_the_next_quote_is_by(caption: str) -> None:
    quotes, speakers = run(
        "Jon Hale, who trains the horse, said it was in the form of its life.",
        "'He has never worked better on the gallops.'",
        caption,
        "'Sunny Day is a lovely horse and he loves his racing.'",
    )
    assert speaker_names(quotes, speakers) == ["Jon Hale", "Jon Hale"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_words_a_paper_reports_are_still_the_claimant_s(o: str, c: str) -> None:
    # The paper is the source of the report; the words in the marks are hers.
    quotes, speakers = run(
        "Ada Vale, 31, is suing her former landlord over the damp flat in Dunmore.",
        f"She also claims the mould {o}ruined two years of my life{c}, according to the "
        "Dunmore Gazette.",
    )
    assert speaker_names(quotes, speakers) == ["Ada Vale"]


@pytest.mark.parametrize(("o", "c"), STYLES[:3])
def test_i_said_inside_a_speaker_s_account_is_the_speaker_s(o: str, c: str) -> None:
    # The harbour master recounts a talk with the minister: what "I" said there is his.
    quotes, speakers = run(
        f"{o}We met in the old customs house in March,{c} recalls harbour master Ivo Brand.",
        f"{o}The minister told us the quay would have to wait another year.",
        f"I said, {o}Do you know what another winter will do to it?{c}",
    )
    assert speaker_names(quotes, speakers)[-1] == "Ivo Brand"


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize(("line", "speaker"), [
    ("Pat on a night out with Ada Moss, left, who says {o}we will keep going till we drop{c}",
     "Ada Moss"),
    ("The council is being sued by Ivo Brand, who claims the quay {o}was never safe{c}.",
     "Ivo Brand"),
])
def test_who_says_is_the_one_named_before_who(line: str, speaker: str, o: str, c: str) -> None:
    quotes, speakers = run(
        "Pat Ingles, 69, has no plans to slow down.",
        line.format(o=o, c=c),
    )
    assert speaker_names(quotes, speakers) == [speaker]


@pytest.mark.parametrize(("o", "c"), STYLES[:3])
def test_a_participle_s_speaker_is_the_subject_of_its_own_clause(o: str, c: str) -> None:
    # Two speakers in one sentence: the second clause's quote is its own subject's.
    quotes, speakers = run(
        f"Ivo Brand caused a stir when he called the quay {o}a scandal{c}, while Ada Moss "
        f"angered the council by labelling its plan {o}lazy and late{c}.",
    )
    assert speaker_names(quotes, speakers) == ["Ivo Brand", "Ada Moss"]


@pytest.mark.parametrize(("o", "c"), STYLES[:3])
def test_an_owned_description_is_the_person_just_named(o: str, c: str) -> None:
    # "Lind's former campaign strategist" is Ada Moss, named as the sentence before's subject;
    # Voss's campaign is not Lind's.
    quotes, speakers = run(
        "Ada Moss on Friday called on Karl Voss to apologise for the remark.",
        f"{o}That was beneath him,{c} Lind's former campaign strategist said on the radio.",
        f"Voss's campaign said the remark was a joke. Lind's campaign called it {o}a disgrace{c}.",
    )
    assert speaker_names(quotes, speakers)[0] == "Ada Moss"
    assert [q.speaker for q in quotes][1] != "Voss's campaign"


def test_a_closing_mark_a_dump_put_at_the_start_of_the_next_line_closes_the_quote() -> None:
    from analysis import analyze

    analysis = analyze("""Harbour master loses his temper on camera

Ivo Brand was filmed shouting at a ferry clerk on Friday, and finally, "Learn to count, boy.

" It is hard to defend, and the port has since apologised for him.

The ferry company said the clerk had been given the day off.
""", kind="text")
    said = [q.text.rstrip(". ") for q in analysis.quotes]
    assert said == ["Learn to count, boy"]
    assert analysis.article.paragraphs[1].startswith("It is hard to defend")


@pytest.mark.parametrize(("o", "c"), STYLES[:3])
def test_a_description_of_a_man_is_no_she(o: str, c: str) -> None:
    quotes, speakers = run(
        "Ada Moss, 41, has run the island ferry for ten years.",
        "A spokesman for the port said the berth would close in May.",
        f"She said: {o}The islanders will be cut off.{c}",
    )
    assert speaker_names(quotes, speakers) == ["Ada Moss"]


@pytest.mark.parametrize(("o", "c"), STYLES[:3])
def test_a_clause_is_no_description_of_a_speaker(o: str, c: str) -> None:
    # "a man encourages his mother" is a man doing something, not a description of one
    quotes, speakers = run(
        "The clips show islanders saying goodbye to the old ferry.",
        f"In another, a man encourages his mother, telling her: {o}You can still ride it.{c}",
    )
    assert [q.speaker for q in quotes] == ["A man"]


@pytest.mark.parametrize(("o", "c"), STYLES[:3])
def test_a_source_ends_before_the_clause_that_follows_it(o: str, c: str) -> None:
    quotes, _ = run(
        f"No one was hurt, according to the Harbour Board which said a {o}loose crane{c} "
        "had fallen.",
    )
    assert [q.speaker for q in quotes] == ["Harbour Board"]


def test_a_caption_run_on_with_a_story_sentence_still_introduces_its_subject() -> None:
    # The dump ran a caption and the story's own sentence about Ada Moss into one line; the
    # "she" after it is her, not the town named further down.
    from analysis import analyze

    analysis = analyze("\n\n".join([
        "Homeless woman finds a flat with a donated phone",
        "Ada Moss (left), who slept rough for two years, now has a flat after finding an advert "
        "online with a phone a charity gave her Ada Moss, a former nurse from Dunmore who lost "
        "her job in 2019, has used the free handset to find a flat in San Jose with her husband.",
        "She told the Dunmore Gazette: 'Nobody puts a card in a shop window any more, so the "
        "internet is the only way.'",
        "Charities say more than 14,000 people sleep rough in Dunmore and San Jose alone.",
    ]), kind="text")
    assert [q.speaker.split(",")[0] for q in analysis.quotes] == ["Ada Moss"]
