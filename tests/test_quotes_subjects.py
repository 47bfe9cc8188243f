"""Who a sentence is about when it introduces or frames a quote: an opening prepositional phrase
is no speaker, a nominal keeps its relative clause out of the way, and "X's ROLE, NAME" is NAME.
Each case in double and British single quotes."""

from __future__ import annotations

import pytest
from quote_support import run, speaker_names

from analysis.document import Document
from analysis.model import Article
from analysis.people import People

STYLES = [("“", "”"), ("‘", "’"), ('"', '"')]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("opening", [
    "In a statement posted on the guild's forum",
    "In a report written for members late on Friday",
    "At a union meeting reported by the local radio station",
])
def test_prepositional_opening_is_not_the_speaker(o: str, c: str, opening: str) -> None:
    quotes, speakers = run(
        "The ferry crews walked out on Thursday.",
        f"{opening}, Marta Quill laid out the crews' demands:",
        f"{o}We want the old timetable back. We want the night boats staffed properly.",
        f"{o}Until then, nobody sails.{c}",
    )
    assert len(quotes) == 2
    assert speaker_names(quotes, speakers) == ["Marta Quill", "Marta Quill"]
    assert all(not s.name.lower().startswith(("in ", "on ", "during ")) for s in speakers)


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_pronoun_after_a_nominal_with_a_relative_clause(o: str, c: str) -> None:
    quotes, speakers = run(
        f"{o}We made our offer,{c} said Jon Ferris, the operator's managing director.",
        "Not everyone on the boats agreed with the union. A deckhand, who did not want to be "
        "named because he feared losing his contract, said many crews wanted to go back.",
        f"{o}Half of us would sail tomorrow,{c} he said.",
    )
    assert speaker_names(quotes, speakers) == ["Jon Ferris", "A deckhand"]
    assert [s.kind for s in speakers] == ["person", "anonymous"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_possessive_role_then_name_is_the_name(o: str, c: str) -> None:
    quotes, speakers = run(
        f"{o}The fares will stay frozen,{c} said Ms Petra Lund, the port's new director.",
        "Ms Lund’s predecessor, Arne Dahl, who retired in the spring, criticised the freeze "
        f"in a letter to the Gazette, calling it {o}a promise nobody can pay for{c}.",
        f"He added that he wished Ms Lund {o}the best of luck{c}.",
    )
    assert speaker_names(quotes, speakers) == ["Petra Lund", "Arne Dahl", "Arne Dahl"]
    dahl = next(s for s in speakers if s.name == "Arne Dahl")
    assert "predecessor" in dahl.role


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_company_possessive_role_then_name_with_participle_cue(o: str, c: str) -> None:
    quotes, speakers = run(
        "Harbourline was fined for mislabelled tickets.",
        "Harbourline's chief executive, Sven Moller, apologised but defended the company, "
        f"insisting that the errors had been fixed {o}before anyone complained.{c}",
    )
    assert speaker_names(quotes, speakers) == ["Sven Moller"]
    assert speakers[0].kind == "person"
    assert "chief executive" in speakers[0].role


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_appositive_stops_where_the_main_clause_starts(o: str, c: str) -> None:
    quotes, speakers = run(
        "According to Mira Holt, a historian of shipping at the University of Dunmore, the "
        "strike is likely to be remembered as a turning point for the harbour.",
        f"{o}Nobody has stopped the ferries for this long since the war,{c} Dr Holt said.",
    )
    assert speaker_names(quotes, speakers) == ["Mira Holt"]
    assert speakers[0].role == "historian of shipping at the University of Dunmore"


def test_a_pronoun_after_a_name_opens_no_appositive() -> None:
    quotes, speakers = run(
        "Asked about Tom Reyes, he said he would have to consider other candidates first.",
        "“We need someone who can win,” Reyes said.",
    )
    assert speaker_names(quotes, speakers) == ["Tom Reyes"]
    assert not speakers[0].role.startswith("he ")


def test_two_roles_of_one_person_joined_by_and() -> None:
    from analysis import analyze_article
    from analysis.model import Article

    """"The former governor and current party leader said": one person, the one the story is
    about, not an unnamed "current party leader"."""
    article = Article(title="Varos returns to the campaign trail", paragraphs=[
        "Lena Varos spent Tuesday touring farms in the north of the state.",
        "At a meeting in Brill, the former governor and current party leader said that farmers "
        "had been “left behind by the capital.”",
    ])
    analysis = analyze_article(article)
    names = {s.id: s.name for s in analysis.speakers}
    assert [names[q.speaker_id] for q in analysis.quotes] == ["Lena Varos"]


def test_two_people_joined_by_and_stay_two() -> None:
    from analysis.people.phrases import parse_subject

    phrase = parse_subject("the mayor and council members")
    assert phrase is not None and phrase.text == "council members"


@pytest.mark.parametrize("framing", [
    "{o}The cut is a giveaway,{c} said the Centre for Roads and Public Transport.",
    "{o}The cut is a giveaway,{c} the Centre for Roads and Public Transport said.",
    "The Centre for Roads and Public Transport said: {o}The cut is a giveaway.{c}",
])
@pytest.mark.parametrize(("o", "c"), STYLES)
def test_an_organisation_whose_name_holds_and(framing: str, o: str, c: str) -> None:
    quotes, speakers = run(
        "Governor Lena Varos unveiled a plan on Monday to cut the fuel tax by half.",
        framing.format(o=o, c=c),
    )
    assert speaker_names(quotes, speakers) == ["Centre for Roads and Public Transport"]
    assert speakers[0].kind == "organisation"


# One organisation named two ways in an article: one speaker. "The free-market Road Policy
# Institute" is the Road Policy Institute, described; "the Committee to Protect Ferry Crews
# (CPFC)" is one organisation named with "to", its acronym the same, while "moved the Agency to
# New Harbour" names no organisation "Agency to New Harbour".
ONE_ORGANISATION_TWO_NAMES = {
    "described": (
        "Governor Lena Varos unveiled a plan on Monday to cut the fuel tax by half.",
        "{o}The cut is a giveaway,{c} said the free-market Road Policy Institute.",
        "{o}It will not pay for itself,{c} the Road Policy Institute said.",
        "Road Policy Institute",
    ),
    "named with to": (
        "The ferry company moved its Agency to New Harbour last year.",
        "{o}The crews were never asked,{c} said the Committee to Protect Ferry Crews (CPFC).",
        "{o}We will go to court,{c} the CPFC said.",
        "Committee to Protect Ferry Crews",
    ),
}


@pytest.mark.parametrize("case", ONE_ORGANISATION_TWO_NAMES)
@pytest.mark.parametrize(("o", "c"), STYLES)
def test_one_organisation_named_two_ways(case: str, o: str, c: str) -> None:
    opening, first, second, name = ONE_ORGANISATION_TWO_NAMES[case]
    quotes, speakers = run(opening, first.format(o=o, c=c), second.format(o=o, c=c))
    assert speaker_names(quotes, speakers) == [name] * 2
    assert len(speakers) == 1 and speakers[0].kind == "organisation"


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("owner", ["Rhea Sand's", "the Sand family's", "Ms. Sand's"])
def test_a_name_before_a_role_owned_by_someone_else_is_the_speaker(
        o: str, c: str, owner: str) -> None:
    """"Ann Warner, Brenda Burns's attorney, said": Warner speaks, the attorney of another."""
    quotes, speakers = run(
        "Rhea Sand lost her appeal against the harbour board on Monday.",
        f"Tomas Vell, {owner} lawyer, said: {o}We will take this to the high court.{c}",
    )
    assert speaker_names(quotes, speakers) == ["Tomas Vell"]
    assert "lawyer" in speakers[[s.name for s in speakers].index("Tomas Vell")].role


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("name", ["Karim al-Nuri", "Salma el-Haddad", "Omar bin Rashed"])
def test_a_name_with_a_joined_arabic_article_is_one_name(o: str, c: str, name: str) -> None:
    """"al-", "el-" joined to a surname belong to the name ("Bashar al-Assad"), as "bin" does:
    the person is the subject a later "he said" refers to."""
    quotes, speakers = run(
        f"Port governor {name} said the new quay would open in the spring.",
        f"He said: {o}This is a great day for the fishermen of the coast.{c}",
    )
    assert speaker_names(quotes, speakers) == [name]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("described", [
    "Harbour City defender Ivo Marek", "Kessel Tour star Ivo Marek", "Riverside boss Ivo Marek",
    "Kessel Rovers midfielder Ivo Marek",
])
def test_a_club_and_a_sports_role_before_a_name_are_his_role(
        o: str, c: str, described: str) -> None:
    """"Arsenal defender Per Mertesacker has tipped …": the person, not a speaker "Arsenal"."""
    quotes, speakers = run(
        f"{described} has backed the new coach to win the league.",
        f"{o}He will do very well here,{c} he said.",
    )
    assert speaker_names(quotes, speakers) == ["Ivo Marek"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_she_is_no_television_channel(o: str, c: str) -> None:
    """A channel that reported the story is an organisation: "she posted" is the woman."""
    quotes, speakers = run(
        "Golfer Alexis Vane answered an online troll on Sunday.",
        "She said the troll had her facts wrong, reports the Kessel Channel.",
        f"{o}I work hard to support myself,{c} she posted.",
    )
    assert speaker_names(quotes, speakers) == ["Alexis Vane"]


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("opening", ["Bad memories: ", "Starting young: ", "Footage shows that "])
def test_a_caption_label_or_a_video_is_no_speaker(o: str, c: str, opening: str) -> None:
    """A caption's label in sentence case ("Bad memories: …") and footage or photos are
    nobody: the quote after them is the person's the story is about."""
    quotes, speakers = run(
        "Ferry captain Ivo Marek sued the harbour board on Monday.",
        f"{opening}Marek lost his licence after a {o}reckless{c} crossing in 2019.",
    )
    assert not {"Bad", "Starting", "Footage"} & {s.name for s in speakers}


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("owner", ["Harbour City's", "Estavia's", "NBC's"])
def test_an_owner_before_a_full_name_is_the_persons_role(o: str, c: str, owner: str) -> None:
    """"Liverpool's Raheem Sterling", "Armenia's Tigran Petrosian": the person is named without
    the owner, who is their role; the name stays one person's when met again."""
    quotes, speakers = run(
        f"The complaint came from {owner} Ivo Marek, who lost in the sixth round.",
        f"{o}He kept leaving the hall after every move,{c} Marek said.",
    )
    assert speaker_names(quotes, speakers) == ["Ivo Marek"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_a_description_set_before_the_name_is_no_one_else(o: str, c: str) -> None:
    """"Now the harbour's longest-serving pilot, Brand rose …": the one "she" is later is Brand,
    not the pilot the description names."""
    quotes, speakers = run(
        "Rhea Brand said she was asked to steer the ferry on her first day.",
        "Now the longest-serving pilot in the harbour, Brand rose through the ranks despite "
        "doubts. She holds one of the key posts on the coast. Her appointment sent a strong "
        "signal.",
        f"{o}We will get there together, little by little,{c} she said at a news conference on "
        "Monday.",
    )
    assert speaker_names(quotes, speakers) == ["Rhea Brand"]


@pytest.mark.parametrize(("o", "c"), STYLES)
def test_a_lower_case_particle_is_part_of_the_name(o: str, c: str) -> None:
    """"coach Tomas del Arco": "del" is a particle of his name, not the title "Del." of a
    delegate; the quote is his, by his full name."""
    quotes, speakers = run(
        "Harbour City coach Tomas del Arco has backed his young side after a second defeat.",
        f"{o}We are in good shape and the results will come,{c} del Arco said.",
    )
    assert speaker_names(quotes, speakers) == ["Tomas del Arco"]


def test_a_caption_run_into_a_clause_ends_the_name() -> None:
    """A caption with no full stop runs into the next sentence ("… the harbour at Kessel As the
    tide rose, …"): "As" opens a clause and is no one's surname, so there is no person "Kessel
    As", who could speak and be named most, only the place."""
    article = Article(title="A story under test", paragraphs=[
        "Ferry captain Ivo Marek, 41, swam out to the stranded boat.",
        "The boat stranded in the harbour at Kessel As the tide rose, the crew waited on deck.",
    ])
    people = People(Document(article))
    by_name = {e.name: e for e in people.table.entities}
    assert "Kessel As" not in by_name
    assert not people.can_speak(by_name["Kessel"])


@pytest.mark.parametrize(("o", "c"), STYLES)
@pytest.mark.parametrize("club", ["Kessel Rovers", "Harbour United", "Dunmore Athletic"])
def test_a_club_is_an_organisation(o: str, c: str, club: str) -> None:
    """"Blackburn Rovers", "Leeds United": the last word names a sports club, so the speaker
    of its statement is an organisation, not a person called Rovers."""
    quotes, speakers = run(
        f"{club} said in a statement: {o}We will support our player through this difficult "
        f"time.{c}",
    )
    assert [(s.name, s.kind) for s in speakers] == [(club, "organisation")]
