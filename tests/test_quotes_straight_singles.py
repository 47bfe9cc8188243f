"""British house style typed on a plain keyboard: straight single quotes as the only quote marks,
told apart from the apostrophes around them; and archives that flatten double quotes to '',
read as double quotes."""

from __future__ import annotations

from quote_support import run, speaker_names

from analysis import analyze


def test_straight_singles_only_article_is_quoted() -> None:
    quotes, speakers = run(
        "Transport Minister Tomas Hale spoke after the vote in Holyrood on Thursday.",
        "'They announced the closure on Friday,' Mr Hale said, 'and now the workers are left "
        "with nothing.'",
        "Union organiser Kirsty Bell was unmoved. 'We will strike until the ferries run "
        "again,' she said.",
    )
    assert [q.text for q in quotes] == [
        "They announced the closure on Friday,",
        "and now the workers are left with nothing.",
        "We will strike until the ferries run again,",
    ]
    assert speaker_names(quotes, speakers) == ["Tomas Hale", "Tomas Hale", "Kirsty Bell"]
    assert [q.cue for q in quotes] == ["said", "said", "said"]


def test_nested_straight_doubles_inside_straight_singles() -> None:
    quotes, speakers = run(
        "'The minister promised us \"no cuts\" last spring, and here we are,' said Kirsty "
        "Bell, who leads the ferry workers.",
    )
    assert [q.text for q in quotes] == [
        'The minister promised us "no cuts" last spring, and here we are,']
    assert speakers[0].name == "Kirsty Bell"


def test_contractions_possessives_and_elisions_inside_straight_quotes() -> None:
    quotes, speakers = run(
        "'It's the Workers' Union's call, and they don't back down,' said Dee O'Brien, who "
        "has run the harbour bar since the '90s.",
        "'We've played rock 'n' roll here for years,' O'Brien added. 'The skippers' wives "
        "won't let it close.'",
    )
    assert [q.text for q in quotes] == [
        "It's the Workers' Union's call, and they don't back down,",
        "We've played rock 'n' roll here for years,",
        "The skippers' wives won't let it close.",
    ]
    assert speaker_names(quotes, speakers) == ["Dee O'Brien"] * 3


def test_quote_ending_in_a_plural_possessive_sound() -> None:
    # "the bosses' " before "she said" closes the quote: no later closing mark in the paragraph.
    quotes, _ = run("'It was never the workers' fault, it was the bosses' she said.")
    assert [q.text for q in quotes] == ["It was never the workers' fault, it was the bosses"]


def test_colon_and_multi_paragraph_straight_quotes() -> None:
    quotes, speakers = run(
        "Kirsty Bell addressed the crowd at the pier: 'We have waited ten years for a "
        "timetable that works.",
        "'We will not wait another ten.'",
        "The minister's office declined to comment.",
    )
    assert [q.text for q in quotes] == [
        "We have waited ten years for a timetable that works.",
        "We will not wait another ten.",
    ]
    assert speaker_names(quotes, speakers) == ["Kirsty Bell", "Kirsty Bell"]


def test_text_full_of_apostrophes_has_no_quotes() -> None:
    quotes, _ = run(
        "Dee O'Brien's bar, opened in the '90s, is where the Workers' Union meets.",
        "It's rock 'n' roll on Fridays, and the skippers' wives don't mind.",
        "The islanders' ferry, the Hales' boat and the O'Neills' shop all shut 'til spring; "
        "the fishermen reckon they'll lose 'em all.",
    )
    assert quotes == []


def test_scare_quoted_term_in_straight_singles_is_not_a_quote() -> None:
    quotes, _ = run(
        "Kirsty Bell spoke after the vote.",
        "The so-called 'lifeline' routes were protected under a 2019 agreement.",
    )
    assert quotes == []


def test_archive_doubled_apostrophes_are_double_quotes() -> None:
    # An archive that flattened double quotes to '' (NYT copy does): they pair up as double
    # quotes, and a single-quoted phrase nested inside does not make the article British.
    quotes, speakers = run(
        "''We're a content provider,'' Kirsty Bell told me, quoting the network's promise to "
        "'break the monopoly on news.'",
        "''It was never about the ferries,'' said Tomas Hale. ''It was about who decides.''",
    )
    assert [q.text for q in quotes] == [
        "We're a content provider,", "It was never about the ferries,",
        "It was about who decides."]
    assert speaker_names(quotes, speakers) == ["Kirsty Bell", "Tomas Hale", "Tomas Hale"]


def test_archive_quote_running_over_paragraphs() -> None:
    quotes, speakers = run(
        "Tomas Hale said the council had misread the islanders. ''We told them in March.",
        "''We told them again in May,'' he said.",
    )
    assert [q.text for q in quotes] == ["We told them in March.", "We told them again in May,"]
    assert speaker_names(quotes, speakers) == ["Tomas Hale", "Tomas Hale"]


def test_retyped_archive_quotes_in_curly_apostrophes() -> None:
    quotes, speakers = run("’’The timetable is fiction,’’ said Kirsty Bell.")
    assert [q.text for q in quotes] == ["The timetable is fiction,"]
    assert speaker_names(quotes, speakers) == ["Kirsty Bell"]


def test_straight_british_article_through_the_pipeline() -> None:
    text = "\n\n".join([
        "Islanders vow to fight ferry cuts",
        "Campaigners on Barra said on Tuesday they would take the government to court over "
        "cuts to the island's ferry service.",
        "'They announced the closure on Friday,' Mr Hale said, 'and now the workers are left "
        "with nothing.'",
        "Tomas Hale, who chairs the Barra ferry committee, added that the islanders' patience "
        "had run out. 'We won't be ignored,' he said.",
    ])
    result = analyze(text, kind="text")
    assert [q.text for q in result.quotes] == [
        "They announced the closure on Friday,",
        "and now the workers are left with nothing.",
        "We won't be ignored,",
    ]
    names = {s.id: s.name for s in result.speakers}
    assert [names[q.speaker_id] for q in result.quotes] == ["Tomas Hale"] * 3


def test_closing_mark_before_an_attribution_is_not_a_possessive() -> None:
    quotes, _ = run(
        "Kirsty Bell met the ferry crews on Monday.",
        "'We back the nurses' she said, 'and the ferry crews too.'",
        "'We back the nurses' pay claim,' Bell said, 'all the way.'",
    )
    assert [q.text for q in quotes] == [
        "We back the nurses", "and the ferry crews too.", "We back the nurses' pay claim,",
        "all the way."]


def test_ellipsis_after_an_opening_mark_and_a_bar_after_a_closing_one() -> None:
    quotes, speakers = run(
        "'… and then the ferry simply never came,' said Kirsty Bell.",
        "'We are islanders first.'― Dee O'Brien",
    )
    assert [q.text for q in quotes] == [
        "… and then the ferry simply never came,", "We are islanders first."]
    assert speaker_names(quotes, speakers) == ["Kirsty Bell", "Dee O'Brien"]


def test_nested_single_closing_with_its_outer_quote() -> None:
    # Not a flattening archive (no '' opens a word): ",''" closes two quotes at once.
    quotes, speakers = run(
        "'They told us, 'Wait for the spring timetable,'' said Kirsty Bell. 'We waited.'",
    )
    assert [q.text for q in quotes] == [
        "They told us, 'Wait for the spring timetable,'", "We waited."]
    assert speaker_names(quotes, speakers) == ["Kirsty Bell", "Kirsty Bell"]
