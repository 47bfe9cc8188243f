"""Pilot tests of what the panes show: whole quotes under their speaker, reaction cards cut
only between words, speaker tags kept on one line and switchable, the list's width kept, the
refresh bar in the reader, related entries that follow a refresh, sources and years."""

from __future__ import annotations

from pathlib import Path

import pytest
from http_server import Reply, ScriptedServer
from rich.text import Text
from screens_support import screen_text
from tui_main_store import HARBOUR, fill_store, main_screen, settle, wait_until

from store.library import Library
from store.records import ArticleRef
from tui.app import BylineApp
from tui.widgets import article_list
from tui.widgets.article_list import ArticleList, row_cells
from tui.widgets.quote_list import QuoteList
from tui.widgets.reactions import GIST_WIDTH, ReactionList, gist
from tui.widgets.reader import KeptTogether, ReaderPane


def pane_text(app, widget) -> str:
    """What the terminal shows inside widget (its scrollbar left out), lines joined by spaces."""
    region = widget.scrollable_content_region
    lines = screen_text(app).splitlines()[region.y:region.bottom]
    return " ".join(" ".join(line[region.x:region.right].split()) for line in lines)


@pytest.fixture
def ids(home: Path) -> dict[str, str]:
    found = fill_store(home)
    with Library.open(home) as library:
        library.save_reader_settings(read_after=600)
    return found


async def test_quotes_show_whole_under_their_speaker_at_80x24(home: Path,
                                                              ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        quotes = main_screen(app).query_one(QuoteList)
        assert quotes.size.width < 30  # a narrow pane: the quotes must wrap in it
        quotes.focus()
        seen = []
        for _ in range(quotes.option_count):
            await pilot.press("down")
            await settle(pilot)
            seen.append(pane_text(app, quotes))
        for spec in HARBOUR.quotes:
            assert any(f"“{spec.text}”" in shown for shown in seen), spec.text
        # The role on a line of its own, under the name and count.
        reyes = quotes.get_option("speaker:s2").prompt
        assert reyes.plain.split("\n") == ["Tom Reyes (2)", "head of the fishing cooperative"]


def test_reaction_cards_are_cut_between_words_only() -> None:
    words = "the harbour authority warned that the plan " * 12
    cut = gist(words)
    assert len(cut) <= GIST_WIDTH + 1 and cut.endswith("…")
    assert words.startswith(cut[:-1]) and words[len(cut) - 1] == " "  # ends on a whole word
    short = "Opposition leader Carla Diaz criticised the plan."
    assert gist(short) == short


async def test_a_long_reaction_card_wraps_whole(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reactions = main_screen(app).query_one(ReactionList)
        reactions.focus()
        await pilot.press("down", "down")
        await settle(pilot)
        assert "criticised the plan, saying it ignored the cost to taxpayers." in pane_text(
            app, reactions)


def test_speaker_tags_never_break_across_lines() -> None:
    text = Text("“We were never asked,” said one of them. “They will regret this.”")
    label_start = len(text.plain)
    text.append(" ‹Tom Reyes›")
    tag = (label_start + 1, len(text.plain))
    for width in range(12, 70):
        lines = KeptTogether(text, [tag]).broken(width).plain.split("\n")
        assert any("‹Tom Reyes›" in line for line in lines), width
        assert all(len(line) <= max(width, len("‹Tom Reyes›")) for line in lines), width
        assert " ".join(lines).split() == text.plain.split()  # nothing lost or added


async def test_t_hides_the_speaker_tags_and_it_is_remembered(home: Path,
                                                             ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = main_screen(app).query_one(ReaderPane)
        assert "‹Tom Reyes›" in reader.paragraph_text(2)
        await pilot.press("t")
        await settle(pilot)
        assert "‹" not in reader.paragraph_text(2)
        await wait_until(pilot, lambda: app.library.reader_settings().speaker_tags is False)
    again = BylineApp(home)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "‹" not in main_screen(again).query_one(ReaderPane).paragraph_text(2)


async def test_the_list_widens_and_keeps_its_width(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        box = main_screen(app).query_one("#articles-box")
        before = box.outer_size.width
        listing = main_screen(app).query_one(ArticleList)
        assert len(listing.row_text(0)) > 23 + 9  # titles get more than 23 columns at 120
        await pilot.press("greater_than_sign", "greater_than_sign")
        await settle(pilot)
        assert box.outer_size.width == before + 8
        await wait_until(pilot, lambda: app.library.reader_settings().list_width == before + 8)
        await pilot.press("less_than_sign")
        await settle(pilot)
        assert box.outer_size.width == before + 4
        await wait_until(pilot, lambda: app.library.reader_settings().list_width == before + 4)
    again = BylineApp(home)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        assert main_screen(again).query_one("#articles-box").outer_size.width == before + 4


def test_rows_show_their_source_and_the_year_when_not_this_year(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(article_list, "current_year", lambda: 2026)
    old = ArticleRef("a", "Leap day storm", published="2024-02-29T08:00:00",
                     site="Northgate Wire: Top stories")
    new = ArticleRef("b", "Ferry news", published="2026-02-18", site="harbour-notes.txt")
    assert row_cells(old, 60, 11, 2026) == ("●", "29 Feb 2024", "Leap day storm".ljust(30),
                                            "Northgate Wire")
    mark, date, title, site = row_cells(new, 60, 11, 2026)
    assert (date, site) == ("18 Feb     ", "harbour-notes")
    assert row_cells(new, 30, 6, 2026)[3] == ""  # a narrow list keeps its room for the title


async def test_the_refresh_bar_shows_in_the_reader(home: Path, ids: dict[str, str]) -> None:
    rss = (b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Gazette</title>
    <link>http://slow.test/</link><description>x</description><item>
    <title>Council harbour plan angers the fishermen</title><link>http://slow.test/1</link>
    <guid>s1</guid><description>The harbour plan approved by the council angered the
    fishermen and their fishing cooperative; Mayor Ana Lopez defended the harbour
    expansion.</description></item></channel></rss>""")
    with ScriptedServer() as server:
        server.route("/slow.xml", Reply(body=rss, delay=2.0,
                                        headers={"Content-Type": "application/rss+xml"}))
        with Library.open(home) as library:
            library.add_feed(server.url("/slow.xml"))
        app = BylineApp(home)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            reactions = screen.query_one(ReactionList)
            assert reactions.related_ids == []
            await pilot.press("r")
            bar = screen.query_one("#refresh-bar")
            await wait_until(pilot, lambda: bar.display)
            await pilot.pause(0.1)
            assert screen.query_one("#reader-box").region.contains_region(bar.region)
            assert "Refreshing" in screen_text(app)  # on screen, not under the footer
            # The open article's related entries follow the refresh, without moving.
            await wait_until(pilot, lambda: bool(reactions.related_ids), timeout=20)
            assert screen.stored.ref.id == ids[HARBOUR.title]
            assert not bar.display


async def test_copy_without_a_headline_is_listed_and_headed_by_its_story(home: Path) -> None:
    opening = ("The harbour council of Portvale has approved a ferry line linking the old docks "
               "to the island of Mirren, ending a decade of delays and quarrels over the cost.")
    source = home.parent / "ferry.txt"
    source.write_text(f"(PW){opening}\n\n\"It finally works for commuters,\" said council "
                      "chair Ruth Okafor.\n", encoding="utf-8")
    with Library.open(home) as library:
        library.add(str(source))
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = main_screen(app).query_one(ArticleList)
        assert "The harbour council of Portvale" in listing.row_text(0)
        reader = main_screen(app).query_one(ReaderPane)
        assert "(untitled)" not in reader.header_text()
        assert reader.paragraph_text(0).startswith("The harbour council of Portvale")
