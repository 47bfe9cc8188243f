"""The cases of reactions that real news shows, each in several house styles (curly and straight
double quotes, British single quotes, archive ''doubled apostrophes''). Articles written for
these tests; people, places and bodies invented."""

from __future__ import annotations

import pytest

from analysis import analyze_article
from analysis.model import Article, Reaction
from analysis.text.words import fold

STYLES = {
    "curly": ("“", "”"),
    "straight": ('"', '"'),
    "british": ("‘", "’"),
    "archive": ("''", "''"),
}


# The event of several cases below, and its title.
BRIDGE_CLOSED = ("Mayor Rosa Kell on Friday closed the Dunmore bridge to lorries after a crack "
                 "was found in its main span.")
BRIDGE_TITLE = "Kell closes Dunmore bridge to lorries"


def _reactions(paragraphs: list[str], title: str) -> list[Reaction]:
    return analyze_article(Article(title=title, paragraphs=paragraphs)).reactions


def _found(reactions: list[Reaction]) -> set[tuple[str, str]]:
    return {(fold(r.actor), r.stance) for r in reactions}


def _has(reactions: list[Reaction], actor: str, *stances: str) -> bool:
    return any(actor in fold(r.actor) and r.stance in stances for r in reactions)


@pytest.mark.parametrize("style", STYLES)
def test_reported_speech_without_quote_marks(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        f"Governor Lena Varos unveiled a plan on Monday to cut the fuel tax by half, calling it "
        f"{o}relief for every family.{c}",
        "Democrats called the plan a giveaway to oil companies.",
        "Budget experts say the cut would cost the state 400 million a year.",
        "The announcement drew criticism from some who saw the timing as a bid for votes.",
    ], "Varos unveils fuel tax cut")
    assert _has(reactions, "democrats", "criticises")
    assert _has(reactions, "experts", "analyses", "warns")
    assert _has(reactions, "some", "criticises")
    assert not _has(reactions, "varos", *_all_stances())


@pytest.mark.parametrize("style", STYLES)
def test_allies_and_spokespeople_explain_the_principal(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        f"Senator Ira Holt said on Tuesday that the border post at Kessen would close, adding "
        f"that {o}the crossing costs more than it brings.{c}",
        f"Holt campaign spokeswoman Maya Brandt later explained that the closure would apply "
        f"only to lorries. {o}Cars will still cross,{c} she said.",
        "A senior adviser to Holt defended the decision, insisting the savings were needed.",
        "The Holt campaign has said the post will reopen once the new road is built.",
        "One of Holt's transport advisers pointed out that lorries pay little in tolls.",
        f"{o}It is an insult to every trader in Kessen,{c} said Omar Feld, who runs the "
        f"market there.",
    ], "Holt to close Kessen border post")
    assert _has(reactions, "brandt", "clarifies")
    assert _has(reactions, "adviser", "defends")
    assert _has(reactions, "holt campaign", "clarifies", "defends")
    assert _has(reactions, "transport advisers", "clarifies", "defends")
    assert _has(reactions, "feld", "criticises")
    assert not _has(reactions, "ira holt", *_all_stances())


@pytest.mark.parametrize("style", STYLES)
def test_organisations_and_groups_as_actors(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        "Finance Minister Arno Vell on Wednesday proposed a flat income tax of 20 percent.",
        "The Harlow Tax Institute estimates that the plan would lower revenue by 3 percent.",
        f"Top union leaders said the plan was {o}a gift to the rich.{c}",
        "The Chamber of Commerce welcomed the proposal.",
    ], "Vell proposes flat income tax")
    assert _has(reactions, "harlow tax institute", "analyses")
    assert _has(reactions, "union leaders", "criticises")
    assert _has(reactions, "chamber of commerce", "supports")


@pytest.mark.parametrize("style", STYLES)
def test_the_central_event_is_an_act_or_a_refusal(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        "Mayor Rosa Kell vetoed the city budget on Friday, refusing to sign a plan that would "
        "have raised transit fares.",
        f"{o}This veto leaves the buses with no money in March,{c} warned council speaker "
        f"Tomas Aldo.",
        "The transit riders' union praised the veto.",
    ], "Mayor vetoes city budget")
    assert _has(reactions, "aldo", "warns")
    assert _has(reactions, "riders' union", "supports")
    assert not _has(reactions, "kell", *_all_stances())


@pytest.mark.parametrize("style", STYLES)
def test_two_points_make_two_reactions_and_one_point_repeated_one(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        "Premier Jana Ostrow announced on Monday a plan to merge the country's two rail "
        "companies.",
        f"Economist Pia Lund of Velden University praised the merger as long overdue. "
        f"{o}It should have happened years ago,{c} she said.",
        f"{o}One company can plan one timetable,{c} Lund added.",
        "Rail unions condemned the plan.",
        "Weeks later, Lund criticised the plan's pension terms as reckless, warning that "
        "retired drivers would pay for the merger.",
    ], "Ostrow to merge rail companies")
    lund = [r for r in reactions if "lund" in fold(r.actor)]
    assert {r.stance for r in lund} >= {"supports", "criticises"}
    assert len([r for r in lund if r.stance == "supports"]) == 1  # one point, said twice


@pytest.mark.parametrize("style", STYLES)
def test_stance_is_read_from_the_whole_statement(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        "Defence Minister Kai Senn said on Thursday that the army would hold exercises near "
        "the Osterland border next month.",
        f"Osterland's foreign minister said his country had no plans to send troops to the "
        f"area. {o}We will not take part in any of it,{c} he said.",
        f"{o}This is a reckless provocation,{c} said opposition leader Ada Ferne.",
        f"{o}It could lead to a war nobody wants,{c} said Nils Berg, a retired general.",
    ], "Senn announces border exercises")
    assert _has(reactions, "osterland", "distances")
    assert _has(reactions, "ferne", "criticises")
    assert _has(reactions, "berg", "warns")


@pytest.mark.parametrize("style", STYLES)
def test_a_statement_with_no_cue_takes_the_tone_of_the_others(style: str) -> None:
    o, c = STYLES[style]
    opening = [
        "Mayor Ines Darrow opened the new Harbour Library on Saturday, the city's first in "
        "forty years.",
    ]
    plain = f"{o}Children will come here after school,{c} said headteacher Ola Brisk."
    praised = _reactions([
        *opening,
        "The writers' guild praised the library as a triumph for the harbour district.",
        f"{o}It is a wonderful building,{c} said architect Rune Vass.",
        plain,
    ], "Darrow opens Harbour Library")
    criticised = _reactions([
        *opening,
        "The taxpayers' league condemned the library as a waste of public money.",
        f"{o}It is a reckless use of the budget,{c} said councillor Rune Vass.",
        plain,
    ], "Darrow opens Harbour Library")
    assert _has(praised, "brisk", "supports")
    assert _has(criticised, "brisk", "criticises")


@pytest.mark.parametrize("style", STYLES)
def test_an_ally_attacking_the_principals_critics_defends(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        "Senator Ira Holt said on Tuesday that the border post at Kessen would close.",
        f"{o}Our opponents are spreading a reckless lie about the closure,{c} said Mara "
        f"Lind, a Holt campaign spokeswoman.",
        f"{o}It is an insult to every trader in Kessen,{c} said Omar Feld, who runs the "
        f"market there.",
    ], "Holt to close Kessen border post")
    assert _has(reactions, "lind", "defends", "clarifies")
    assert _has(reactions, "feld", "criticises")


def test_verbs_that_double_their_last_consonant_report_a_stance() -> None:
    from analysis.lexicon import inflect
    from analysis.stances import verb_stance

    assert inflect("slam") == ("slam", "slams", "slammed", "slamming")
    assert inflect("admit")[2:] == ("admitted", "admitting")
    assert inflect("visit")[2:] == ("visited", "visiting")  # the stress is not on the last
    assert inflect("fear")[2] == "feared" and inflect("quip")[2] == "quipped"
    # British copy doubles a last "l" after one vowel; American copy does not
    assert {"labeled", "labelled", "labelling"} <= set(inflect("label"))
    assert "railled" not in inflect("rail")
    assert verb_stance("ripped") == verb_stance("slammed") == "criticises"
    reactions = _reactions([
        "The Velden water board raised water prices by a fifth on Monday.",
        "The mill owners' guild welcomed the rise, and the farmers' union slammed it.",
        "The growers' association praised the board.",
    ], "Water board raises prices")
    assert _has(reactions, "farmers' union", "criticises")


def test_the_headlines_deck_and_speaking_with_nothing_said_are_no_reactions() -> None:
    reactions = _reactions([
        "Dock unions denounce port sale; Keller vows review.",
        "Transport Minister Edda Keller on Monday sold the state's share of the Arlen port to "
        "a shipping group, ending sixty years of public ownership.",
        "Harbour master Ilse Brand was speaking on Monday in Arlen, hours after the sale "
        "was signed.",
        "Dock workers said the port sale put two thousand jobs at risk.",
        "The port's buyers will meet the unions, and Republicans in the assembly will "
        "continue their legislative attacks on the deal.",
    ], "Keller sells Arlen port stake")
    assert not any("unions" in fold(r.actor) for r in reactions)  # the deck above the story
    assert not any("brand" in fold(r.actor) or "arlen" in fold(r.actor) for r in reactions)
    assert not any("legislative" in fold(r.actor) for r in reactions)
    assert _has(reactions, "dock workers", "warns")


@pytest.mark.parametrize("style", STYLES)
def test_a_role_that_names_a_side_leans_the_stance(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        "Premier Jana Ostrow announced on Monday a plan to merge the country's two rail "
        "companies.",
        f"Another critic, Lena Ostrova, a professor of transport law, likened the merger to "
        f"{o}a bonfire of timetables.{c}",
        f"Tomas Vik, a longtime supporter of the premier and an economist, said {o}the merger "
        f"is the plan this country needed.{c}",
    ], "Ostrow to merge rail companies")
    assert _has(reactions, "ostrova", "criticises")
    assert _has(reactions, "vik", "supports")


def test_a_place_after_a_town_is_no_speaker_and_tweets_after_of_no_verb() -> None:
    from analysis.people.cues import sentence_subject

    subject = sentence_subject("The Liberal vice presidential nominee was speaking Friday in "
                               "Dunmore, Kelvia, hours after Holt sent a flurry of tweets.")
    assert subject is None or subject.text != "Kelvia"
    reactions = _reactions([
        "Senator Ira Holt said on Tuesday that the border post at Kessen would close.",
        "The Liberal vice presidential nominee was speaking Friday in Dunmore, Kelvia, hours "
        "after Holt sent a flurry of tweets defending the closure.",
        "The Kelvia governor said closing the border post was a reckless mistake.",
    ], "Holt to close Kessen border post")
    assert reactions and not any(fold(r.actor).strip() == "kelvia" for r in reactions)


@pytest.mark.parametrize("style", STYLES)
def test_sources_of_facts_and_memories_are_no_reactions(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        BRIDGE_CLOSED,
        "The crack is two metres long, according to the city's engineers.",
        f"Ada Ferne, a historian who crossed the bridge as a child, recalled, {o}We walked over "
        f"it to school every day.{c}",
        f"{o}Closing the bridge to lorries is a reckless decision,{c} said haulier Nils Berg.",
    ], BRIDGE_TITLE)
    assert not any("engineers" in fold(r.actor) for r in reactions)
    assert not any("ferne" in fold(r.actor) for r in reactions)
    assert _has(reactions, "berg", "criticises")


@pytest.mark.parametrize("style", STYLES)
def test_north_and_south_are_two_countries(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        "North Velden fired a long-range missile over the sea on Friday, its third test this "
        "year.",
        f"South Velden accused the North's leader of {o}reckless provocation.{c}",
        "North Velden said the test was a routine exercise.",
    ], "North Velden fires missile")
    assert _has(reactions, "south velden", "criticises")
    assert not any("north" in fold(r.actor) for r in reactions)


def test_with_someone_doing_names_who_does_it() -> None:
    reactions = _reactions([
        "Finance Minister Arno Vell on Wednesday proposed a flat income tax of 20 percent.",
        "The plan has become the issue of the campaign, with Senator Ines Darrow — who has "
        "called for higher taxes on the rich — lambasting it as a gift to landlords.",
    ], "Vell proposes flat income tax")
    assert _has(reactions, "darrow", "criticises")


@pytest.mark.parametrize("style", STYLES)
def test_what_observers_call_it_is_their_statement(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        f"Senator Ira Holt said on Tuesday that the border post at Kessen would close, calling "
        f"it {o}a drain{c} on the budget, in what analysts described as a bid for rural votes.",
    ], "Holt to close Kessen border post")
    assert any(fold(r.actor).strip() == "analysts" for r in reactions)


def _all_stances() -> tuple[str, ...]:
    from analysis.model import STANCES

    return STANCES


@pytest.mark.parametrize("style", STYLES)
def test_a_report_or_a_poll_reacts_to_nothing_its_makers_do(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        BRIDGE_CLOSED,
        "A new poll found that most residents back the closure of the bridge.",
        f"The engineers' report said the bridge {o}cannot safely carry heavy loads.{c}",
        "The Dunmore Hauliers' Association condemned the closure of the bridge as reckless.",
    ], BRIDGE_TITLE)
    assert not any("poll" in fold(r.actor) or "report" in fold(r.actor) for r in reactions)
    assert _has(reactions, "hauliers", "criticises")


@pytest.mark.parametrize("style", STYLES)
def test_one_unnamed_group_whatever_its_quantifier(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        "Governor Lena Varos unveiled a plan on Monday to cut the fuel tax by half.",
        "Transport experts say the cut would leave the road fund short within two years.",
        f"Some experts said the plan was {o}vague{c} about which roads would lose money.",
        "Several experts warned that repairs would be delayed.",
    ], "Varos unveils fuel tax cut")
    experts = [r for r in reactions if "experts" in fold(r.actor)]
    # one actor: one reaction per distinct point, not one per way of naming them
    assert 1 <= len(experts) <= 2
    assert len({r.stance for r in experts}) == len(experts)


def test_a_noun_after_other_is_no_speech_verb() -> None:
    reactions = _reactions([
        "Senator Ira Holt said on Tuesday that the border post at Kessen would close.",
        "“The crossing costs more than it brings,” said Holt, speaking of trade, fuel and a "
        "host of other challenges.",
        "Traders in Kessen criticised the closure as a blow to the town.",
    ], "Holt to close Kessen border post")
    assert not any("host" in fold(r.actor) for r in reactions)
    assert _has(reactions, "traders", "criticises")


@pytest.mark.parametrize("group", ["Local traders", "Angry taxpayers", "Some donors",
                                   "Several jurors", "Former inmates", "Rival candidates"])
def test_people_named_by_what_they_do_speak(group: str) -> None:
    reactions = _reactions([
        BRIDGE_CLOSED,
        f"{group} criticised the closure of the bridge as reckless.",
    ], BRIDGE_TITLE)
    assert _has(reactions, fold(group).split()[-1], "criticises")


def test_a_plural_is_no_subject_of_a_singular_verb() -> None:
    reactions = _reactions([
        BRIDGE_CLOSED,
        "A hauliers' fund plans to fight the closure of the bridge with radio ads, posters and "
        "phone calls.",
        "Local drivers say the closure of the bridge adds an hour to every trip.",
    ], BRIDGE_TITLE)
    assert not any("posters" in fold(r.actor) for r in reactions)
    assert any("drivers" in fold(r.actor) for r in reactions)


@pytest.mark.parametrize("style", STYLES)
def test_groups_beside_the_event_are_no_reactions(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        BRIDGE_CLOSED,
        "Local firefighters said they had answered forty calls in August, most of them to grass "
        "fires.",
        "Hauliers condemned the closure of the bridge as reckless, and the farmers' union "
        "slammed it.",
        f"Critics of the mayor said the move was {o}a panic{c}.",
        f"{o}Vans can still cross,{c} said engineer Ivo Ranke, who inspected it.",
    ], BRIDGE_TITLE)
    # a side story told by a group, in words that share nothing with the event's
    assert not any("firefighters" in fold(r.actor) for r in reactions)
    assert _has(reactions, "hauliers", "criticises")
    assert _has(reactions, "farmers", "criticises")  # "slammed it": a stance, whatever its words
    assert _has(reactions, "critics", "criticises")  # "the move" points back at the event
    assert any("ranke" in fold(r.actor) for r in reactions)  # a person's words, with neighbours


def test_defenders_defend() -> None:
    reactions = _reactions([
        BRIDGE_CLOSED,
        "Defenders of the mayor said the closure of the bridge was the only safe course.",
    ], BRIDGE_TITLE)
    assert _has(reactions, "defenders", "defends")


def test_groups_told_apart_by_proper_words_stay_apart() -> None:
    reactions = _reactions([
        BRIDGE_CLOSED,
        "Republican lawmakers praised the closure of the bridge as prudent.",
        "Democratic lawmakers condemned the closure of the bridge as reckless.",
        "Some Democratic lawmakers said the closure of the bridge would hurt the town.",
    ], BRIDGE_TITLE)
    assert _has(reactions, "republican lawmakers", "supports")
    assert _has(reactions, "democratic lawmakers", "criticises")
    assert len([r for r in reactions if "lawmakers" in fold(r.actor)]) == 2


@pytest.mark.parametrize("style", STYLES)
def test_a_paper_that_reported_sources_a_fact(style: str) -> None:
    o, c = STYLES[style]
    reactions = _reactions([
        BRIDGE_CLOSED,
        f"The crack was found by a diver in July, {o}long before the city admitted it,{c} the "
        f"Dunmore Evening News reported.",
        "Hauliers condemned the closure of the bridge as reckless.",
    ], BRIDGE_TITLE)
    assert not any("news" in fold(r.actor) for r in reactions)
    assert _has(reactions, "hauliers", "criticises")


def test_with_no_headline_the_opening_sentence_names_the_event_and_can_react() -> None:
    # Copy that starts with its story: its first sentence says whom the story is about, as a
    # headline would, and a reaction told in it is one.
    reactions = analyze_article(Article(title="", paragraphs=[
        "Harbour traders' chair Mina Patel has condemned the Eastmouth Harbour Board's decision "
        "to close the old fish market, calling it a betrayal of every family that works there.",
        "The board voted on Monday to close the market for good after inspectors found its roof "
        "unsafe.",
        "The board's chairman, Owen Marsh, said the decision had been a hard one.",
        "Fishmonger Dale Fenwick said the board had made a reckless decision.",
    ])).reactions
    assert _has(reactions, "patel", "criticises")
    assert _has(reactions, "fenwick", "criticises")

