"""Extractive summary on articles written for these tests."""

from __future__ import annotations

from analysis.document import Document
from analysis.model import Article
from analysis.summary import summarize, summarize_article

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


def test_the_lead_is_kept_over_a_later_sentence_repeating_the_story_s_words() -> None:
    # Recurring vocabulary is no sign of a main point: the fit lead sentences stand.
    article = Article(paragraphs=[
        "The city council voted on Thursday to close the Marlow Street library at the end of "
        "the year to save money.",
        "About 40,000 people borrowed books there last year, according to council figures.",
        "Campaigners plan to ask the regional court to review the decision next month.",
        "The library, the council, the vote and the money: the library vote was a council vote "
        "about library money, council members said of the library.",
    ])
    assert summarize_article(article, max_sentences=3) == article.paragraphs[:3]


def test_a_paragraph_cut_mid_sentence_is_mended() -> None:
    article = Article(paragraphs=[
        "A lorry carrying frozen fish overturned on the coast road near Haddon on Sunday, "
        "closing it for nine hours.",
        "Firefighters were called to",
        "Haddon Bridge shortly after dawn and freed the driver, who was taken to hospital with "
        "minor injuries.",
        "the road reopened in the evening after the cargo had been cleared away by hand.",
    ])
    summary = summarize_article(article)
    assert "Firefighters were called to Haddon Bridge shortly after dawn and freed the driver, " \
        "who was taken to hospital with minor injuries." in summary
    assert not any(s.startswith("Haddon Bridge") for s in summary)  # never a sentence's tail
    body = " ".join(article.paragraphs)
    assert all(s in body for s in summary)


def test_dateline_byline_and_time_stamps_are_not_summary_text() -> None:
    article = Article(paragraphs=[
        "By Mira Olsen and Tomas Berg, Reuters.",
        "Published: 09:14 GMT, 3 March 2025. Updated: 11:02 GMT, 3 March 2025.",
        "OSLAND (AP) — The northern ferry company cancelled all crossings on Monday after a "
        "storm damaged two of its piers.",
        "Engineers expect repairs to take at least a fortnight, the company said in a statement.",
        "Passengers with tickets for this week can claim a full refund online or at the port.",
    ])
    summary = summarize_article(article)
    assert summary[0].startswith("The northern ferry company cancelled")
    joined = " ".join(summary)
    assert "Olsen" not in joined and "GMT" not in joined and "OSLAND" not in joined


def test_a_quote_after_the_news_gives_way_to_the_next_fact() -> None:
    article = Article(paragraphs=[
        "The water regulator fined the Eastvale utility 3 million crowns on Friday for leaving "
        "leaks unrepaired across the valley for two years.",
        "Regulator chair Sana Idris said the company had ignored four warnings and lost a fifth "
        "of its water before it reached homes.",
        "“Every leak was reported to them, and every report was filed away,” Idris said.",
        "The utility must also cut customers' bills by 5 per cent next year and publish a "
        "repair plan within a month.",
        "A spokesman for Eastvale said the company accepted the ruling.",
    ])
    summary = summarize_article(article, max_sentences=3)
    assert summary == [article.paragraphs[0], article.paragraphs[1], article.paragraphs[3]]
    # The quote opening the second sentence of the story carries its news: it stays.
    quote_second = Article(paragraphs=article.paragraphs[:1] + article.paragraphs[2:])
    assert summarize_article(quote_second, max_sentences=3)[1].startswith("“Every leak")


def test_a_fourth_sentence_only_while_the_first_three_are_short() -> None:
    short = Article(paragraphs=[
        "The Orrin dam burst its banks on Monday night.",
        "Three villages were evacuated before dawn.",
        "Nobody was hurt, the police said on Tuesday.",
        "Engineers will inspect the rest of the dam wall this week.",
        "The river is expected to fall by the weekend.",
    ])
    assert len(summarize_article(short)) == 4
    long = Article(paragraphs=[
        "The Orrin dam burst its banks on Monday night after a week of heavy rain across the "
        "hills, sending a wall of water down the valley towards the coast.",
        "Three villages below the dam were evacuated before dawn, and about 2,000 residents "
        "spent the night in schools and church halls in the market town of Lenne.",
        "Nobody was hurt, the regional police said on Tuesday, although dozens of farms and a "
        "stretch of the coast railway were flooded to a depth of a metre.",
        "Engineers will inspect the rest of the dam wall this week.",
    ])
    assert len(summarize_article(long)) == 3


def test_summarize_reads_the_document_it_is_given() -> None:
    doc = Document(TIDAL)
    assert summarize(doc) == summarize_article(TIDAL)
    assert all(any(s.text in sentence for s in doc.sentences) for sentence in summarize(doc))
