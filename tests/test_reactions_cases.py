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
        f"{o}It is an insult to every trader in Kessen,{c} said Omar Feld, who runs the "
        f"market there.",
    ], "Holt to close Kessen border post")
    assert _has(reactions, "brandt", "clarifies")
    assert _has(reactions, "adviser", "defends")
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


def _all_stances() -> tuple[str, ...]:
    from analysis.model import STANCES

    return STANCES
