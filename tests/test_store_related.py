"""Related feed entries: the same event ranks above entries that merely share a name."""

from __future__ import annotations

from pathlib import Path

from store.library import Library
from store.records import FeedEntry

BUDGET_ARTICLE = """Finance minister Helena Varga unveils budget with income tax cuts

BUDAVAR (Wire) — Finance Minister Helena Varga presented the annual budget to parliament on
Wednesday, cutting income tax for middle earners and raising spending on hospitals, while the
deficit is forecast to widen to 3.8 percent of output.

"This budget rewards work and repairs our hospitals," Varga told lawmakers.

Opposition economists said the tax cuts were unfunded and the deficit forecast too rosy.
"""

FEED = "http://wire.test/feed.xml"
SAME_EVENT = FeedEntry(
    guid="same", link="http://wire.test/budget-deficit",
    title="Budget cuts income tax as deficit widens",
    summary="The government's budget lowers income tax for middle earners and adds hospital "
            "spending; economists warn the deficit will widen.")
SAME_NAME = FeedEntry(
    guid="name", link="http://wire.test/varga-strike",
    title="Helena Varga urges end to rail strike in Budavar",
    summary="Minister Helena Varga called on train drivers in Budavar to return to work, "
            "saying the rail strike hurts commuters.")
SAME_COUNTRY = FeedEntry(
    guid="country", link="http://wire.test/budavar-cup",
    title="Budavar wins the regional football cup",
    summary="Fans in Budavar celebrated after the football team won the cup final.")
UNRELATED = FeedEntry(
    guid="other", link="http://wire.test/volcano",
    title="Volcano eruption disrupts flights",
    summary="Ash clouds grounded flights across the north on Tuesday.")


def test_same_event_ranks_above_shared_names(home: Path, tmp_path: Path) -> None:
    article_path = tmp_path / "budget.txt"
    article_path.write_text(BUDGET_ARTICLE, encoding="utf-8")
    with Library.open(home) as lib:
        (article,) = lib.add(str(article_path))
        lib.add_feed(FEED)
        lib.merge_entries(FEED, [SAME_NAME, SAME_COUNTRY, UNRELATED, SAME_EVENT])
        ranked = lib.related(article.id)
        guids = [r.guid for r in ranked]
        assert guids[0] == "same"
        scores = {r.guid: r.score for r in ranked}
        # a shared minister's name or a shared country must not outweigh the topic
        assert scores["same"] > 2 * scores.get("name", 0.0)
        assert "other" not in guids and "country" not in guids
        assert all(a.score >= b.score for a, b in zip(ranked, ranked[1:], strict=False))
        assert ranked[0].link == "http://wire.test/budget-deficit" and ranked[0].id


def test_shared_names_break_ties_between_equally_topical_entries(home: Path) -> None:
    with Library.open(home) as lib:
        target = lib.add_text("Port strike talks resume\n\nDock workers and the port "
                              "authority resumed pay talks in Marlow, said Ruth Okafor of "
                              "the dockers union, as the strike entered its third week.")
        lib.add_feed(FEED)
        lib.merge_entries(FEED, [
            FeedEntry(guid="plain", title="Pay talks resume in dock strike",
                      summary="Dock workers resumed pay talks with the port authority."),
            FeedEntry(guid="named", title="Pay talks resume in dock strike",
                      summary="Dock workers led by Ruth Okafor resumed pay talks with the "
                              "port authority."),
        ])
        ranked = [r.guid for r in lib.related(target.id)]
        assert ranked == ["named", "plain"]


def test_related_excludes_the_article_itself_and_handles_empty_store(home: Path) -> None:
    with Library.open(home) as lib:
        lib.add_feed(FEED)
        lib.merge_entries(FEED, [SAME_EVENT, SAME_NAME])
        entry_id = lib.entries()[0].id
        assert entry_id not in [r.id for r in lib.related(entry_id)]
    with Library.open(home / "empty") as lib:
        ref = lib.add_text("A lone article\n\nNothing else is stored here.")
        assert lib.related(ref.id) == []


def test_min_score_keeps_the_same_event_and_drops_the_shared_name(home: Path,
                                                                  tmp_path: Path) -> None:
    from store.related import RELATED_MIN_SCORE

    article_path = tmp_path / "budget.txt"
    article_path.write_text(BUDGET_ARTICLE, encoding="utf-8")
    with Library.open(home) as lib:
        (article,) = lib.add(str(article_path))
        lib.add_feed(FEED)
        lib.merge_entries(FEED, [SAME_NAME, SAME_COUNTRY, UNRELATED, SAME_EVENT])
        everything = lib.related(article.id)
        strong = lib.related(article.id, min_score=RELATED_MIN_SCORE)
        assert [r.guid for r in strong] == ["same"]
        assert all(r.score >= RELATED_MIN_SCORE for r in strong)
        assert {r.guid for r in strong} <= {r.guid for r in everything}


def test_seed_strike_article_keeps_strike_entries_not_the_namesake(home: Path) -> None:
    from store.related import RELATED_MIN_SCORE

    with Library.open(home, seed=True) as lib:
        strike = next(a for a in lib.articles() if not a.feed_url and "strike" in a.title.lower())
        titles = [r.title for r in lib.related(strike.id, min_score=RELATED_MIN_SCORE)]
        assert titles and all("Marsh" not in t for t in titles)
