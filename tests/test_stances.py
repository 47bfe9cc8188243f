"""The stance registry: every word and phrase it lists is found where a statement says it, and
the reader's stance list follows it."""

from __future__ import annotations

import pytest

from analysis.model import STANCES
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


def test_reporting_verbs_carry_their_stance_in_every_form() -> None:
    for form in ("warned", "warns", "warning", "condemned", "slammed", "praised", "downplayed"):
        assert verb_stance(form) is not None, form
    assert verb_stance("said") is None


def test_the_readers_stances_are_the_registrys_in_order() -> None:
    assert STANCES == tuple(s.name for s in REGISTRY)
