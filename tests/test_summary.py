"""Extractive summary on articles written for these tests."""

from __future__ import annotations

from analysis.model import Article
from analysis.summary import summarize_article

TIDAL = Article(
    title="Tidal barrage approved for the Severn estuary",
    paragraphs=[
        "Scroll down for video",
        "The tidal barrage at the mouth of the estuary was approved by the energy ministry on "
        "Monday after a decade of studies.",
        "The barrage will generate enough electricity for two million homes, engineers said.",
        "What does it mean for the birds that winter there?",
        "A wader feeds on the mudflats near Weston. (Kai Lunde/Getty Images)",
        "Conservation groups said the estuary barrage would destroy feeding grounds for tens of "
        "thousands of birds and vowed to challenge the approval in court.",
        "Construction of the barrage is due to begin in 2027 and take eight years.",
        "Local fishermen have mixed views.",
        "Some welcome the jobs.",
        "The ministry said the barrage would be the largest tidal power scheme in Europe.",
    ],
)


def test_summary_is_three_to_five_fit_sentences_in_order() -> None:
    summary = summarize_article(TIDAL)
    assert 3 <= len(summary) <= 5
    text = " ".join(TIDAL.paragraphs)
    positions = [text.find(s) for s in summary]
    assert -1 not in positions and positions == sorted(positions)
    joined = " ".join(summary)
    assert "Scroll down" not in joined  # teaser furniture
    assert "?" not in joined  # questions are not points
    assert "Getty" not in joined  # captions
    assert "Some welcome the jobs." not in summary  # too short to stand alone
    assert summary[0].startswith("The tidal barrage")


def test_max_sentences_is_respected() -> None:
    assert len(summarize_article(TIDAL, max_sentences=3)) == 3
    assert len(summarize_article(TIDAL, max_sentences=5)) <= 5


def test_central_sentence_beats_a_tangent() -> None:
    article = Article(
        title="Rail strike halts trains across the north",
        paragraphs=[
            "Train drivers began a rail strike across the north on Tuesday, halting most "
            "services between the major cities.",
            "The drivers' union said the rail strike would continue until the operators improved "
            "their pay offer to drivers.",
            "The weather was mild for the time of year, with sunshine forecast in the afternoon "
            "for most coastal areas.",
            "Operators said the rail strike was unnecessary and urged the drivers to return to "
            "talks.",
            "Commuters crowded onto buses as the strike left rail stations empty across the "
            "north.",
        ],
    )
    summary = summarize_article(article, max_sentences=3)
    assert not any(s.startswith("The weather") for s in summary)
    assert summary[0].startswith("Train drivers")


def test_degenerate_articles() -> None:
    assert summarize_article(Article()) == []
    only_short = Article(paragraphs=["Yes.", "No.", "Maybe so."])
    assert summarize_article(only_short) == ["Yes.", "No.", "Maybe so."]
    one = Article(paragraphs=["A single sentence article says just one thing today."])
    assert summarize_article(one) == ["A single sentence article says just one thing today."]


def test_pieces_of_a_split_quote_are_not_summary_sentences() -> None:
    article = Article(paragraphs=[
        "The harbour authority closed the northern channel on Monday after a cargo ship ran "
        "aground in thick fog.",
        "“We will reopen it as soon as the hull is inspected. That could take all week,” said "
        "the harbourmaster, Ines Varga.",
        "Shipping companies said the closure would delay deliveries of grain and fuel to the "
        "region's mills.",
        "The stranded ship was carrying timber from the Baltic and none of its crew was hurt.",
    ])
    summary = summarize_article(article)
    assert not any(s.startswith("That could take") for s in summary)
    assert len(summary) >= 3


def test_a_sentence_repeating_a_chosen_one_is_skipped() -> None:
    article = Article(paragraphs=[
        "Savers who never divorced retire with incomes a sixth higher than divorced savers, a "
        "pensions study found.",
        "Divorce can damage retirement finances for decades after a marriage ends, researchers "
        "said.",
        "Savers who never divorced retire with incomes a sixth higher than divorced savers, the "
        "study of ten thousand pensions found.",
        "One in five divorced savers retiring this year will still carry debts, the study said.",
        "The average debt of a divorced retiree was put at twenty thousand pounds.",
    ])
    summary = summarize_article(article)
    assert sum(s.startswith("Savers who never divorced") for s in summary) == 1
    assert any(s.startswith("One in five") for s in summary)
