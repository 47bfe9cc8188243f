"""Quote marks in every house style, mismatched pairs, nesting, and what is not a quote."""

from __future__ import annotations

import html

import pytest
from quote_support import quotes_of, run

from analysis.model import Article

STYLES = {
    "curly": "“We will not back down,” said Ana Ribeiro, a spokeswoman for the union.",
    "straight": '"We will not back down," said Ana Ribeiro, a spokeswoman for the union.',
    "british": "‘We will not back down,’ said Ana Ribeiro, a spokeswoman for the union.",
    "guillemets": "«We will not back down», said Ana Ribeiro, a spokeswoman for the union.",
    "spaced guillemets": "« We will not back down », said Ana Ribeiro, a spokeswoman for "
                         "the union.",
    "entities": html.unescape(
        "&ldquo;We will not back down,&rdquo; said Ana Ribeiro, a spokeswoman for the union."),
    "straight entities": html.unescape(
        "&quot;We will not back down,&quot; said Ana Ribeiro, a spokeswoman for the union."),
    "curly open, straight close": '“We will not back down," said Ana Ribeiro, a spokeswoman for '
                                  "the union.",
    "straight open, curly close": '"We will not back down,” said Ana Ribeiro, a spokeswoman for '
                                  "the union.",
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_style_finds_the_quote_and_speaker(style: str) -> None:
    quotes, speakers = run(STYLES[style])
    assert [q.text.rstrip(",") for q in quotes] == ["We will not back down"]
    assert quotes[0].speaker == "Ana Ribeiro, spokeswoman for the union"
    assert quotes[0].cue == "said"
    assert [s.name for s in speakers] == ["Ana Ribeiro"]


def test_mismatched_pairs_in_one_paragraph_stay_separate() -> None:
    quotes, _ = run('“Talks are over," Hale said. "We will legislate.” He left soon after.')
    assert [q.text for q in quotes] == ["Talks are over,", "We will legislate."]


def test_british_single_quotes_with_nested_doubles() -> None:
    quotes, speakers = run(
        "‘The minister told us “never”, and we believed him,’ said Ana Ribeiro.",
        "The port’s owners, who bought it in the ’90s, stayed silent.",
    )
    assert len(quotes) == 1
    assert quotes[0].text == "The minister told us “never”, and we believed him,"
    assert speakers[0].name == "Ana Ribeiro"


def test_british_single_quotes_in_straight_apostrophes_with_nesting() -> None:
    quotes, _ = run(
        "'The minister told us \"never\", and we believed him,' said Ana Ribeiro.",
        "'It's the Workers' Union that decides,' Ribeiro added, 'not the ministry.'",
    )
    assert [q.text for q in quotes] == [
        'The minister told us "never", and we believed him,',
        "It's the Workers' Union that decides,",
        "not the ministry.",
    ]


def test_nested_quote_stays_inside_the_outer_quote() -> None:
    quotes, _ = run('"People say, \'It doesn\'t matter what we do,\' but it does," said '
                    "Charlie King, a docker.")
    assert len(quotes) == 1
    assert quotes[0].text.startswith("People say, 'It doesn't matter")
    assert quotes[0].speaker.startswith("Charlie King")


def test_nested_in_the_other_glyph_style() -> None:
    quotes, _ = run('"I told him this is no “Harbour Lights” fantasy," said Charlie King.')
    assert len(quotes) == 1
    assert quotes[0].text.endswith("fantasy,")


def test_apostrophes_are_not_quotes() -> None:
    quotes, _ = run(
        "Dee O’Brien said the Workers' Union wouldn’t budge. It's rock ’n’ roll, the '90s way, "
        "and the O’Briens’ pub stayed open.",
        "Don't ask the dockers' wives, who've seen it all since the ’80s.",
    )
    assert quotes == []


def test_scare_quotes_and_terms_are_not_quotes() -> None:
    quotes, _ = run(
        'The union\'s so-called "work-to-rule" protest slowed the cranes.',
        "The night shift is the “graveyard” to dockers, and the new cranes are “monsters”.",
        "The dispute was dubbed the “summer of cranes” by local papers.",
    )
    assert quotes == []


def test_titles_of_works_are_not_quotes() -> None:
    quotes, _ = run(
        'Ribeiro appeared in the documentary "Harbour Lights" last year.',
        "Hale told “Face the Nation” that talks would resume.",
        "The book “The Last Crane” sold well in the port towns.",
        "The choir closed with the dockers' anthem “Hold the Line, Brothers,” and Ribeiro wept.",
        "Her memoir “Salt in the Ropes” came out in May.",
        "Ribeiro warmed up to the band's hit “Harbour Nights” before the match.",
        "Hale chose the record “Can't Stop the Tide” for the crossing.",
    )
    assert quotes == []


def test_short_quote_with_a_speech_cue_is_a_quote() -> None:
    quotes, speakers = run(
        "Transport Minister Tomas Hale said the union had made a “historic error” by striking.")
    assert [q.text for q in quotes] == ["historic error"]
    assert speakers[0].name == "Tomas Hale"


def test_quotes_in_the_title_are_ignored() -> None:
    article = Article(title="Hale: ‘The strike is illegal’",
                      paragraphs=["The strike entered its third week."])
    assert quotes_of(article) == ([], [])


def test_ids_are_in_reading_order() -> None:
    quotes, speakers = run(
        "“One,” said Ana Ribeiro. “Two,” said Tomas Hale.",
        "“Three,” Ribeiro said.",
    )
    assert [q.id for q in quotes] == ["q1", "q2", "q3"]
    assert [s.id for s in speakers] == ["s1", "s2"]
    assert [q.speaker_id for q in quotes] == ["s1", "s2", "s1"]


def test_british_quote_with_elisions_and_plural_possessives_inside() -> None:
    quotes, speakers = run(
        "‘It’s rock ’n’ roll for the Workers’ Union, not a strike,’ said Dee O’Brien, who "
        "has run the ’80s club since 1999.")
    assert [q.text for q in quotes] == [
        "It’s rock ’n’ roll for the Workers’ Union, not a strike,"]
    assert speakers[0].name == "Dee O’Brien"


def test_transcript_set_as_one_long_quote_is_not_a_quote() -> None:
    quotes, _ = run(
        "Partial transcript as follows:",
        '"HOST: Will the union call off the strike before the weekend?',
        '"RIBEIRO: Not while the ministry refuses to talk to us.',
        '"HOST: Thank you for joining us."',
    )
    assert quotes == []


def test_closing_glyph_opening_a_paragraph_opens_a_quote() -> None:
    quotes, speakers = run(
        "Ana Ribeiro spoke to the crowd for an hour.",
        "” … what I learned from the dockers is that they never give up,” Ribeiro said.",
    )
    assert len(quotes) == 1
    assert quotes[0].text.startswith("… what I learned")
    assert speakers[0].name == "Ana Ribeiro"
