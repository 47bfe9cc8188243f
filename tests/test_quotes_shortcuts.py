"""The quote engine's speed shortcuts give the answers of the plain computations they stand in
for: speech verbs found by look-up, words counted from the first few tokens, the last name of
a text, names of one word split without the token loops."""

from __future__ import annotations

import random
import re

import pytest

from analysis.people import cues as attribution
from analysis.people.entities import EntityTable
from analysis.people.name_patterns import NAME_RE
from analysis.people.names import last_name_sequence, split_name
from analysis.quotes import terms as quoted_terms

_TOKEN_RE = re.compile(r"[a-z]+|According")
_PIECES = ["said", "says", "told", " ", "according", "According", " to", "Said", "so-",
           "'s", ",", "x", "aid", "state", " S", "the ", "ly", "—", "/", "\n"]


def _reference_verb_tokens(text: str, limit: int | None) -> list[tuple[int, int, str]]:
    end = len(text) if limit is None else min(limit, len(text))
    return [(m.start(), m.end(), m[0]) for m in _TOKEN_RE.finditer(text, 0, end)
            if m[0] in attribution.SPEECH_VERBS or m[0] in ("According", "according")]


def test_speech_verbs_match_a_plain_token_scan() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
        limit = rng.choice([None, rng.randint(0, len(text))])
        found = {(v.start(), v.word) for v in attribution._speech_verbs(text, limit)}
        tokens = {(s, "according to" if w.lower() == "according" else w)
                  for s, _, w in _reference_verb_tokens(text, limit)}
        assert found <= tokens, text  # every verb found is a token the plain scan finds


@pytest.mark.parametrize(("text", "expected"), [
    ("Accordingsaid, she said", ["said"]),
    ("she said/told them", ["said", "told"]),
    ("the so-called deal, he said", ["said"]),
    ("unsaid words", []),
    ("According to the union, talks failed", ["according to"]),
    # a base form after "a"/"an" and one word is a noun: one thing, and no verb
    ("a school for pirates, an alarming report found", []),
    ("the pilots report that the quay is unsafe", ["report"]),
])
def test_speech_verbs_at_word_edges(text: str, expected: list[str]) -> None:
    assert [v.word for v in attribution._speech_verbs(text)] == expected


@pytest.mark.parametrize("text", [
    "", "one two", "one two three", "a — b — c d", "O’Brien's  said it\tall", "x " * 20,
    "— — — — a", "1 2 3 4",
])
def test_at_most_words_agrees_with_counting(text: str) -> None:
    for n in range(6):
        assert quoted_terms.at_most_words(text, n) == (quoted_terms.word_count(text) <= n)


@pytest.mark.parametrize("text", [
    "the minister, Ana Ribeiro", "said on Tuesday; Tomas Hale", "a report (by Lena Marsh",
    "Ana Ribeiro, the minister", "talks with Ana Ribeiro ", "nothing here", "Mr. Hale",
])
def test_last_name_sequence_matches_a_full_scan(text: str) -> None:
    matches = list(NAME_RE.finditer(text))
    expected = matches[-1] if matches and not text[matches[-1].end():].strip() else None
    got = last_name_sequence(text)
    assert (got.span() if got else None) == (expected.span() if expected else None)


@pytest.mark.parametrize(("word", "name", "kind"), [
    ("Vasko", "Vasko", "person"), ("NATO's", "NATO", "organisation"),
    ("Okello’s", "Okello", "person"), ("Police", None, None), ("Secretary", None, None),
    # "Days before her death, …", "Weeks later, …": a time opening a sentence
    ("Days", None, None), ("Weeks", None, None),
])
def test_one_word_names(word: str, name: str | None, kind: str | None) -> None:
    parts = split_name(word)
    assert (parts.name if parts else None) == name
    assert (parts.kind if parts else None) == kind


@pytest.mark.parametrize(("run_of_words", "name"), [
    ("Arum But Lena Marsh", "Lena Marsh"), ("Dan Arum But", "Dan Arum"),
    ("Arum However Lena Marsh", "Lena Marsh"), ("Lena Marsh", "Lena Marsh"),
])
def test_a_sentence_opener_inside_a_capitalised_run_ends_or_starts_the_name(
        run_of_words: str, name: str) -> None:
    """A picture caption that lost its full stop runs into the next sentence ("… the deal'
    But Lena Marsh, …"): "But" opens a sentence, and no name holds it."""
    parts = split_name(run_of_words)
    assert parts is not None and parts.name == name


def test_a_word_capitalised_to_open_a_sentence_before_a_group_is_no_entity() -> None:
    """"Tournament organisers said", "Harbour workers said": the capital opens the sentence,
    the group speaks; no person called "Tournament" or "Harbour"."""
    table = EntityTable([
        "Tournament organisers expelled the champion Ivo Marek on Sunday. Harbour workers "
        "said the quay was unsafe.",
        "Marek said he would appeal, and Vossen officials said nothing.",
    ])
    assert sorted(e.name for e in table.entities) == ["Ivo Marek", "Vossen"]


@pytest.mark.parametrize("name", ["Kesra Cruise Lines", "Islamic State", "Dunmore Coal",
                                  "Kesra Railways"])
def test_lines_and_state_end_the_names_of_organisations(name: str) -> None:
    parts = split_name(name)
    assert parts is not None and parts.kind == "organisation"


def test_a_state_abbreviated_after_a_place_is_no_entity() -> None:
    table = EntityTable([
        "Ann Cole of the Kent Trust in Washington, DC said the plan was sound.",
        "Mayor Ivo Marek of Dunmore, Pa., said it was not. It was a long meeting.",
    ])
    assert sorted(e.name for e in table.entities) == \
        ["Ann Cole", "Dunmore", "Ivo Marek", "Kent Trust", "Washington"]


@pytest.mark.parametrize(("run_of_words", "title", "name"), [
    ("Golfer Alexis Vane", "Golfer", "Alexis Vane"), ("Driver Ivo Marek", "Driver", "Ivo Marek"),
    ("Star Jones", "", "Star Jones"), ("Adam Driver", "", "Adam Driver"),
    # Titles of the courts and the police.
    ("Chief Magistrate Ray Kell", "Chief Magistrate", "Ray Kell"),
    ("Detective Constable Ann Lewin", "Detective Constable", "Ann Lewin"),
    ("Coroner Ivo Marek", "Coroner", "Ivo Marek"),
])
def test_a_noun_for_a_person_opening_a_full_name_is_its_title(
        run_of_words: str, title: str, name: str) -> None:
    parts = split_name(run_of_words)
    assert parts is not None and (parts.title, parts.name) == (title, name)


@pytest.mark.parametrize(("run_of_words", "title", "name"), [
    ("Estavia's Tigran Vossen", "Estavia", "Tigran Vossen"),
    ("Valdoria's Transport Minister Helena Marsh", "Valdoria's Transport Minister",
     "Helena Marsh"),
    ("Marek's Fifth Amendment", "", "Marek's Fifth Amendment"),
])
def test_an_owner_before_a_full_name_is_its_title(run_of_words: str, title: str,
                                                  name: str) -> None:
    parts = split_name(run_of_words)
    assert parts is not None and (parts.title, parts.name) == (title, name)


def test_a_first_name_alone_is_the_one_person_of_that_first_name() -> None:
    """Feature copy calls people by their first name after naming them in full ("Charlotte
    Roach, 26, … Charlotte said"); a first name two people share stays apart."""
    table = EntityTable([
        "Ada Moss, 26, a nurse from Dunmore, cycled across the island for charity.",
        "Mother-of-two Ada said the ride had been the hardest week of her life.",
        "Ivo Brand and Ivo Marek rode with her, and Ivo said they would go again.",
    ])
    ada = table.lookup("Ada")
    assert ada is not None and ada.name == "Ada Moss"
    ivo = table.lookup("Ivo")
    assert ivo is None or ivo.name not in ("Ivo Brand", "Ivo Marek")
    # A company's first word is no first name: "Dunmore agreed to lend …" after "Dunmore Coal"
    table = EntityTable(["Dunmore Coal went bankrupt in May.", "Dunmore agreed to lend $5m."])
    dunmore = table.lookup("Dunmore")
    assert dunmore is None or dunmore.name == "Dunmore" or dunmore.kind == "organisation"


def test_a_first_name_before_the_full_name_is_that_person_too() -> None:
    """A caption calls her "Julia" before the story names Julia Church, 67 (an age: a person,
    whatever her surname suggests); a first name two people share still stays apart."""
    table = EntityTable([
        "Pat on a night out with her friend Julia, who moved to the island in May.",
        "She has a partner in crime in her friend Julia Church, 67, a retired hairdresser.",
        "Ivo rode with them; Ivo Brand and Ivo Marek both live on the island.",
    ])
    julia = table.lookup("Julia")
    assert julia is not None and (julia.name, julia.kind) == ("Julia Church", "person")
    assert table.mentions.count(julia) == 2
    ivo = table.lookup("Ivo")
    assert ivo is None or ivo.name not in ("Ivo Brand", "Ivo Marek")


@pytest.mark.parametrize(("run_of_words", "title", "name"), [
    ("Trainer Jon Hale", "Trainer", "Jon Hale"),
    ("Novelist Ada Moss", "Novelist", "Ada Moss"),
    ("Model Rhea Sand", "Model", "Rhea Sand"),
])
def test_a_trade_opening_a_sentence_is_a_title_not_a_first_name(run_of_words: str, title: str,
                                                                name: str) -> None:
    parts = split_name(run_of_words)
    assert parts is not None and (parts.title, parts.name) == (title, name)


@pytest.mark.parametrize(("name", "speaks"), [
    ("San Jose", False), ("Fort Worth", False), ("New York", False), ("Los Angeles", False),
    ("New Yorker", True), ("Sandra Moss", True),
    ("Bay Area", False), ("Kessel Valley", False), ("Harbour Stadium", False),
    ("Kessel Airport", True), ("Ann Park", True), ("Kessel River", False),
    ("Downing Street", True),
])
def test_a_place_name_never_speaks(name: str, speaks: bool) -> None:
    """Two capitalised words open a place's name as often as a person's: "San", "Fort",
    "New York" are places, whereas "The New Yorker" publishes and speaks."""
    from analysis.people import can_speak
    from analysis.people.entities import Entity

    assert can_speak(Entity(name)) is speaks
