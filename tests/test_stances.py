"""The stance registry: every word and phrase it lists is found where a statement says it, and
the reader's stance list follows it."""

from __future__ import annotations

import pytest

from analysis import analyze_article
from analysis.model import STANCES, Article
from analysis.reactions.judge import Relation, best_stance
from analysis.stances import REGISTRY, cue_scores, verb_stance


@pytest.mark.parametrize("stance", REGISTRY, ids=lambda s: s.name)
def test_every_listed_word_and_phrase_counts_for_its_stance(stance) -> None:
    for cue in (*stance.nouns, *stance.adjectives, *stance.phrases):
        scores = cue_scores(f"the minister said it was {cue} today.")
        assert scores[stance.name] > 0 or max(scores.values()) > 0, cue
        assert "  " not in cue and "\n" not in cue, cue  # one space between a phrase's words


def test_a_negated_cue_does_not_count() -> None:
    assert cue_scores("she said the plan was reckless.")["criticises"] > 0
    assert cue_scores("she said the plan was not reckless.")["criticises"] == 0
    # A negation a few words before still reaches the cue; one a clause away does not.
    assert cue_scores("there is no one single point of failure, he said.")["criticises"] == 0
    assert cue_scores("there is no doubt: the ferry plan has been an utter failure.")[
        "criticises"] > 0
    # Nor does one in the sentence before.
    assert cue_scores("it was all to no avail. she has done nothing wrong.")["defends"] > 0


def test_powerful_is_no_praise() -> None:
    """"powerful corporations", "powerful interests": said of others as often in blame."""
    assert cue_scores("powerful shipping firms pay no harbour tax, she said.")["supports"] == 0


def test_contempt_for_a_person_is_criticism_but_a_story_s_subject_is_not() -> None:
    assert cue_scores("i despise the mayor because every speech he gives is hateful.")[
        "criticises"] >= 2
    assert cue_scores("he is clueless and unqualified for the job.")["criticises"] >= 2
    # A museum of the history of racism speaks of it; it judges no one
    assert cue_scores("the museum tells the story of racism and hatred in the south.")[
        "criticises"] == 0


def test_back_alone_is_no_support() -> None:
    """"back in 2009", "come back", "hit back": the base form is no cue; "backed" is."""
    assert cue_scores("he said he would come back to the port next year.")["supports"] == 0
    assert cue_scores("she backed the plan from the start.")["supports"] > 0


def test_defense_alone_is_no_defence_of_anyone() -> None:
    """"defense" is as often the military's as a justification: only "in defense of", "came to
    his defense" and the like defend."""
    assert cue_scores("she said europe must raise its defense spending.")["defends"] == 0
    assert cue_scores("he spoke in defense of the mayor's plan.")["defends"] > 0
    assert cue_scores("aides came to her defense on monday.")["defends"] > 0


def test_calling_something_dangerous_condemns_it() -> None:
    """"a dangerous policy", "dangerous rhetoric": in news, calling the event dangerous judges
    it, as the annotated dev sets read it; a warning names what it predicts ("could lead to",
    "a risk")."""
    assert best_stance(cue_scores("his rhetoric is dangerous and divisive."), Relation()) == \
        "criticises"
    assert best_stance(cue_scores("it is a dangerous plan."), Relation()) == "criticises"
    assert best_stance(cue_scores("the cuts could lead to closures."), Relation()) == "warns"


def test_a_hedge_weighs_no_more_than_a_word_that_judges() -> None:
    """"could be", "may be" hedge what is said; they do not outweigh the judgement in it."""
    for said in ("i could be nasty about him.", "it may be a disgraceful deal."):
        assert best_stance(cue_scores(said), Relation()) == "criticises", said
    assert best_stance(cue_scores("it could be a sign of the times."), Relation()) == "analyses"


def test_reporting_verbs_carry_their_stance_in_every_form() -> None:
    for form in ("warned", "warns", "warning", "condemned", "slammed", "praised", "downplayed"):
        assert verb_stance(form) is not None, form
    assert verb_stance("said") is None


def test_the_readers_stances_are_the_registrys_in_order() -> None:
    assert STANCES == tuple(s.name for s in REGISTRY)


def test_a_statement_with_no_cue_takes_the_articles_tone() -> None:
    # Where no one takes a side (an accident report), a plain "said" reads as analysis; where
    # actors do, as the commonest reaction in news, criticism.
    calm = Article(title="Boy hurt in fall at the Velmar zoo", paragraphs=[
        "A six-year-old boy was hurt on Sunday when he fell from a wall at the Velmar zoo.",
        "Zoo director Ana Brisk said the boy had climbed the wall near the seal pool.",
        "Ambulance officer Tom Reyes said the boy was taken to hospital with a broken arm.",
    ])
    assert {(r.actor, r.stance) for r in analyze_article(calm).reactions} == \
        {("Ana Brisk", "analyses"), ("Tom Reyes", "analyses")}
    split = Article(title="Velmar zoo to close its seal pool", paragraphs=[
        "The Velmar zoo will close its seal pool next month, its director said on Sunday.",
        "Animal welfare groups condemned the closure as cruel to the seals.",
        "Seal keepers said the decision had been taken without asking them.",
    ])
    stances = {r.actor: r.stance for r in analyze_article(split).reactions}
    assert stances.get("Seal keepers") == "criticises"


def test_an_ally_with_nothing_else_to_tell_defends() -> None:
    article = Article(title="Senator Ruth Calder skips the Kesra harbour hearing", paragraphs=[
        "Senator Ruth Calder did not attend Monday's hearing on the Kesra harbour, her office "
        "said.",
        "Calder campaign spokesman Piet Orlov said the senator had met the harbour pilots "
        "twice this month.",
    ])
    assert [(r.actor, r.stance) for r in analyze_article(article).reactions] == \
        [("Piet Orlov", "defends")]


@pytest.mark.parametrize(("title", "paragraphs", "expected"), [
    # A lawyer who declines to comment, saying why, takes no side: distances.
    ("Kesra pilot held after fleeing ferry crash inquiry", [
        "Ferry pilot Ivo Brand was arrested at Kesra airport on Monday as he tried to leave the "
        "country before the crash inquiry.",
        "Brand's lawyer, Rhea Sand, declined to comment on the arrest on Tuesday, saying she had "
        "not yet spoken with the pilot.",
    ], ("Rhea Sand", "distances")),
    # A spokesman for the police telling what they have done explains; he takes no side.
    ("Kesra taxi driver held over tourist's complaint", [
        "A taxi driver in Kesra has been arrested after a complaint by a tourist from Osterland.",
        "A spokesman for Kesra Police said officers had taken statements from the tourist and "
        "her friend about the taxi ride.",
    ], ("A spokesman", "clarifies")),
], ids=["declining to comment", "a body's spokesperson"])
def test_one_who_takes_no_side(title: str, paragraphs: list[str],
                               expected: tuple[str, str]) -> None:
    reactions = analyze_article(Article(title=title, paragraphs=paragraphs)).reactions
    assert [(r.actor, r.stance) for r in reactions] == [expected]


def test_explaining_is_how_anyone_gives_reasons_clarifying_is_an_allys() -> None:
    """"explained" reports anyone's reasoning (a scientist's, a critic's); it is no sign of
    clarifying what the principal meant, which "clarified" still is."""
    assert verb_stance("explained") is None
    assert verb_stance("clarified") == "clarifies"
    article = Article(title="Kesra fossil find rewrites the story of early fish", paragraphs=[
        "A team led by Dr. Ivo Brand has found a 400-million-year-old fish in a Kesra quarry.",
        "Rhea Sand, a scientist at Dunmore University, explained that the find pushed back the "
        "date of the first jaws by ten million years.",
    ])
    assert [(r.actor, r.stance) for r in analyze_article(article).reactions] == \
        [("Rhea Sand", "analyses")]
