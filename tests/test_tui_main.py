"""Pilot tests of the reader's main screen on a real store filled with articles written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from http_server import Reply, ScriptedServer
from textual.widgets import OptionList
from tui_main_store import HARBOUR, STORM, fill_store, settle, wait_until

from store.library import Library
from tui.app import BylineApp
from tui.commands import palette_commands
from tui.messages import JumpTarget
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.quote_tree import BOOKMARK_MARK, QuoteTree
from tui.widgets.reactions import ReactionList
from tui.widgets.reader import ReaderPane
from tui.widgets.summary import SummaryPane


@pytest.fixture
def ids(home: Path) -> dict[str, str]:
    return fill_store(home)



def main_screen(app: BylineApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def notices(app: BylineApp) -> list[str]:
    return [n.message for n in app._notifications]


def tree_labels(tree: QuoteTree) -> list[str]:
    labels = []

    def walk(node) -> None:
        for child in node.children:
            labels.append(str(child.label))
            walk(child)

    walk(tree.root)
    return labels


async def open_quotes(pilot, moves: int) -> QuoteTree:
    tree = pilot.app.screen.query_one(QuoteTree)
    tree.focus()
    await pilot.pause()
    for _ in range(moves):
        await pilot.press("down")
    await pilot.pause()
    return tree


def span_styles_over(text, fragment: str) -> list:
    """Styles of the spans of a rich Text that cover fragment."""
    start = text.plain.index(fragment)
    return [span.style for span in text.spans if span.start <= start < span.end]


async def test_newest_article_opens_in_every_pane(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.article_id == ids[HARBOUR.title]  # newest first
        listing = screen.query_one(ArticleList)
        assert listing.article_ids == list(ids.values())
        reader = screen.query_one(ReaderPane)
        assert HARBOUR.title in str(reader.query_one("#reader-header").render())
        assert "‹Ana Lopez›" in reader.paragraph_text(1)
        assert "Fishermen were less sure." in screen.query_one(SummaryPane).shown_text
        labels = tree_labels(screen.query_one(QuoteTree))
        assert labels[0].startswith("Ana Lopez, mayor (2)")
        assert any("We were never asked" in label for label in labels)
        reactions = screen.query_one(ReactionList)
        assert "warns" in str(reactions.options[0].prompt)
        # Opening marks it read in the store.
        with Library.open(home) as library:
            assert library.ref(ids[HARBOUR.title]).read


async def test_moving_to_another_article_refills_every_pane(home: Path,
                                                            ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.query_one(ArticleList).focus()
        await pilot.press("j")
        await settle(pilot)
        assert screen.article_id == ids[STORM.title]
        reader = screen.query_one(ReaderPane)
        assert STORM.title in str(reader.query_one("#reader-header").render())
        assert "‹Omar Haddad›" in reader.paragraph_text(1)
        assert "two bridges" in screen.query_one(SummaryPane).shown_text
        assert tree_labels(screen.query_one(QuoteTree))[0].startswith("Omar Haddad")
        prompts = [str(o.prompt) for o in screen.query_one(ReactionList).options]
        assert prompts == ["No reactions found."]


async def test_fast_cursor_moves_end_on_the_last_article(home: Path,
                                                         ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.query_one(ArticleList).focus()
        await pilot.press("down", "down", "up", "up", "down", "down")
        await settle(pilot)
        last = list(ids.values())[-1]
        assert screen.article_id == last
        assert screen.stored is not None and screen.stored.ref.id == last


async def test_quote_moves_scroll_and_highlight_the_reader_and_reorder_reactions(
        home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        reader = screen.query_one(ReaderPane)
        reactions = screen.query_one(ReactionList)
        current = reader.get_component_rich_style("reader--quote-current", partial=True)

        # speaker Ana Lopez, her first quote, her second (the last paragraph)
        await open_quotes(pilot, 3)
        assert screen.current_quote is not None and screen.current_quote.id == "q5"
        assert reader.current_quote == "q5"
        text = reader._paragraph_text(6)
        assert current in span_styles_over(text, "I will meet the fishermen")
        assert reader.scroll_y > 0
        last_paragraph = reader.query(".paragraph")[6]
        assert reader.region.contains_region(last_paragraph.region) or \
            last_paragraph.region.overlaps(reader.region)
        # Ana Lopez's own reaction comes forward (she is the speaker).
        assert reactions.order[0] == 2 and reactions.forward == {2}
        assert "▸" in str(reactions.options[0].prompt)

        # Tom Reyes's first quote: the reactions answering q2 and his own come first.
        await pilot.press("down", "down")
        assert screen.current_quote.id == "q2"
        assert current in span_styles_over(reader._paragraph_text(2), "We were never asked")
        assert current not in span_styles_over(reader._paragraph_text(6),
                                               "I will meet the fishermen")
        assert reactions.forward == {0, 2}
        assert reactions.order[:2] == [0, 2]
        assert reader.scroll_y < reader.max_scroll_y


async def test_reaction_moves_highlight_their_evidence(home: Path,
                                                       ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        reader = screen.query_one(ReaderPane)
        screen.query_one(ReactionList).focus()
        await pilot.press("down")  # first reaction: Tom Reyes warns (paragraph 2)
        await pilot.press("down")  # second: Carla Diaz criticises (paragraph 3)
        await pilot.pause()
        assert reader.evidence is not None and reader.evidence[0] == 3
        evidence = reader.get_component_rich_style("reader--evidence", partial=True)
        text = reader._paragraph_text(3)
        assert evidence in span_styles_over(text, "criticised the plan")


async def test_bookmark_survives_a_restart(home: Path, ids: dict[str, str]) -> None:
    quote_id = f"{ids[HARBOUR.title]}:q1"
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_quotes(pilot, 2)  # speaker, then q1
        await pilot.press("b")
        await settle(pilot)
        assert any(n.startswith("Bookmarked: “This is the best deal") and "Ana Lopez" in n
                   for n in notices(app))
        assert any(label.startswith(BOOKMARK_MARK)
                   for label in tree_labels(app.screen.query_one(QuoteTree)))

    with Library.open(home) as library:
        assert quote_id in library.bookmarked_ids()

    again = BylineApp(home)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        labels = tree_labels(again.screen.query_one(QuoteTree))
        marked = [label for label in labels if label.startswith(BOOKMARK_MARK)]
        assert len(marked) == 1 and "This is the best deal" in marked[0]
        # b again on the same quote removes it.
        await open_quotes(pilot, 2)
        await pilot.press("b")
        await settle(pilot)
        assert "Removed bookmark" in notices(again)
        assert not any(label.startswith(BOOKMARK_MARK)
                       for label in tree_labels(again.screen.query_one(QuoteTree)))
    with Library.open(home) as library:
        assert quote_id not in library.bookmarked_ids()


async def test_keys_without_a_quote_explain_themselves(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b", "y", "s")
        await settle(pilot)
        assert sum("Quotes pane first" in n for n in notices(app)) == 3
        assert isinstance(app.screen, MainScreen)


async def test_copy_puts_the_quote_on_the_clipboard(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_quotes(pilot, 5)  # Tom Reyes, q2
        await pilot.press("y")
        assert app.clipboard == "“We were never asked” — Tom Reyes, head of the fishing cooperative"
        assert any(n.startswith("Copied:") for n in notices(app))


async def test_open_link_without_a_link_notifies(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.source_link() == HARBOUR.url
        screen.query_one(ArticleList).focus()
        await pilot.press("down")
        await settle(pilot)
        await pilot.press("o")
        assert "This article has no web link." in notices(app)


async def test_filter_box_narrows_the_list(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.press(*"storm")
        await pilot.press("enter")
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        assert listing.article_ids == [ids[STORM.title]]
        assert main_screen(app).article_id == ids[STORM.title]
        assert app.focused is listing


async def test_jump_target_opens_the_article_on_the_quote(home: Path,
                                                          ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        storm = ids[STORM.title]
        screen.handle_jump(JumpTarget(storm, f"{storm}:q1"))
        await settle(pilot)
        assert screen.article_id == storm
        assert screen.current_quote is not None and screen.current_quote.text.startswith(
            "Nobody should drive")
        assert screen.query_one(ReaderPane).current_quote == "q1"
        assert app.focused is screen.query_one(QuoteTree)
        assert screen.query_one(ArticleList).highlighted_id == storm


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Portvale Gazette</title><link>http://gazette.test/</link>
<description>Local news</description>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>http://gazette.test/{slug}</link>
<guid>gazette-{slug}</guid><pubDate>{date}</pubDate>
<description>{title}. The council met again on the harbour plan.</description></item>"""


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(ITEM.format(title=t, slug=s, date=d) for t, s, d in items)
    return RSS.format(items=body).encode()


async def test_refresh_merges_new_entries_and_keeps_the_selection(
        home: Path, ids: dict[str, str]) -> None:
    with ScriptedServer() as server:
        server.route("/gazette.xml", Reply(body=rss(
            ("Harbour works start in spring", "works", "Wed, 04 Mar 2026 10:00:00 GMT"),
            ("Fishermen meet the mayor", "meet", "Thu, 05 Mar 2026 10:00:00 GMT"),
        ), headers={"Content-Type": "application/rss+xml"}))
        server.route("/broken.xml", Reply(status=500, body=b"oops"))
        with Library.open(home) as library:
            library.add_feed(server.url("/gazette.xml"))
            library.add_feed(server.url("/broken.xml"))
        app = BylineApp(home)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            listing = screen.query_one(ArticleList)
            listing.focus()
            await pilot.press("down")  # the storm article
            await settle(pilot)
            storm = ids[STORM.title]
            assert screen.article_id == storm
            await pilot.press("r")
            await settle(pilot)
            titles = [listing.row_text(i) for i in range(len(listing.article_ids))]
            assert any("Fishermen meet the mayor" in t for t in titles)
            assert any("Harbour works start in spring" in t for t in titles)
            assert len(titles) == 5
            assert listing.highlighted_id == storm
            assert screen.article_id == storm
            assert STORM.title in str(screen.query_one("#reader-header").render())
            assert not screen.query_one("#refresh-bar").display
            assert any("2 new entries" in n for n in notices(app))
            assert any("broken.xml" in n for n in notices(app))  # the failed feed, as a notice


async def test_a_bad_target_becomes_a_notification(home: Path, ids: dict[str, str],
                                                   tmp_path: Path) -> None:
    app = BylineApp(home, open_target=str(tmp_path / "missing.txt"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("missing.txt" in n for n in notices(app))
        assert main_screen(app).article_id == ids[HARBOUR.title]


async def test_open_target_is_added_and_opened(home: Path, ids: dict[str, str],
                                               tmp_path: Path) -> None:
    page = tmp_path / "ferry.txt"
    page.write_text("Ferry timetable changes\n\nThe ferry will run every hour from May, "
                    "the operator said on Monday.\n", encoding="utf-8")
    app = BylineApp(home, open_target=str(page))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.stored is not None and screen.stored.ref.title == "Ferry timetable changes"
        assert screen.query_one(ArticleList).highlighted_id == screen.article_id


async def test_palette_lists_every_action(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        actions = {b.action for _node, b in palette_commands(app.screen, app)}
        assert {"bookmark", "bookmarks", "search", "speaker", "refresh", "open_link",
                "copy_quote", "filter", "quit", "help"} <= actions
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"refresh")
        await pilot.pause(0.3)
        palette_text = " ".join(str(o.prompt) for o in app.screen.query(OptionList).first()
                                .options)
        assert "Refresh" in palette_text


async def test_an_empty_store_gets_the_seeds(home: Path) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.library is not None
        assert not app.screen.query_one("#articles-pane").loading
        listed = app.screen.query_one(ArticleList).article_ids
        assert listed == [ref.id for ref in app.library.articles()]
        assert app.library.setting("seeded")


async def test_secondary_screens_open_from_their_keys(home: Path, ids: dict[str, str]) -> None:
    from tui.screens.bookmarks import BookmarksScreen
    from tui.screens.help import HelpScreen
    from tui.screens.search import SearchScreen
    from tui.screens.speaker_quotes import SpeakerQuotesScreen

    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key, screen_type in (("B", BookmarksScreen), ("slash", SearchScreen),
                                 ("question_mark", HelpScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen_type), key
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
        await open_quotes(pilot, 5)  # Tom Reyes, q2
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerQuotesScreen)
        assert "Tom Reyes" in str(app.screen.speaker_name)


async def test_opening_an_article_clears_its_unread_mark(home: Path,
                                                         ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = main_screen(app).query_one(ArticleList)
        assert listing.row_text(1).startswith("●")  # the storm article, not opened yet
        listing.focus()
        await pilot.press("down")
        await settle(pilot)
        assert not listing.row_text(1).startswith("●")
    with Library.open(home) as library:
        assert library.ref(ids[STORM.title]).read


async def test_the_reader_stays_usable_while_feeds_refresh(home: Path,
                                                           ids: dict[str, str]) -> None:
    with ScriptedServer() as server:
        server.route("/slow.xml", Reply(body=rss(
            ("Late harbour news", "late", "Fri, 06 Mar 2026 10:00:00 GMT"),
        ), headers={"Content-Type": "application/rss+xml"}, delay=3.0))
        with Library.open(home) as library:
            library.add_feed(server.url("/slow.xml"))
        app = BylineApp(home)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            listing = screen.query_one(ArticleList)
            listing.focus()
            await pilot.press("r")
            await wait_until(pilot, lambda: screen.query_one("#refresh-bar").display)
            await pilot.press("down")  # meanwhile, the reader follows the cursor
            await wait_until(pilot, lambda: screen.stored is not None
                             and screen.stored.ref.id == ids[STORM.title])
            assert screen.query_one("#refresh-bar").display  # still fetching the slow feed
            await pilot.press("r")  # a second refresh is refused while one runs
            assert "A refresh is already running." in notices(app)
            await settle(pilot)
            assert not screen.query_one("#refresh-bar").display
            assert listing.highlighted_id == ids[STORM.title]
            assert any("Late harbour news" in listing.row_text(i)
                       for i in range(len(listing.article_ids)))


async def test_related_entries_follow_the_reactions_and_open(home: Path,
                                                             ids: dict[str, str]) -> None:
    from store.records import FeedEntry

    with Library.open(home) as library:
        library.merge_entries("http://gazette.test/feed.xml", [
            FeedEntry(guid="g1", link="http://gazette.test/anger",
                      title="Council harbour plan angers the fishermen",
                      content="The harbour plan approved by the council angered the fishermen "
                              "and their fishing cooperative; Mayor Ana Lopez defended the "
                              "harbour expansion.", published="2026-02-01T10:00:00"),
            FeedEntry(guid="g2", link="http://gazette.test/trams",
                      title="Tram timetable changes",
                      content="Night trams will run every twenty minutes from May.",
                      published="2026-02-02T10:00:00"),
        ])
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        reactions = screen.query_one(ReactionList)
        await wait_until(pilot, lambda: any(
            "angers the fishermen" in str(o.prompt) for o in reactions.options))
        prompts = [str(o.prompt) for o in reactions.options]
        assert "Related" in prompts
        assert prompts.index("Related") > 2  # below the three reactions
        assert not any("Tram timetable" in p for p in prompts)
        reactions.focus()
        reactions.highlighted = next(i for i, p in enumerate(prompts) if "angers" in p)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.stored is not None
        assert screen.stored.ref.title == "Council harbour plan angers the fishermen"
        assert app.focused is screen.query_one(ReaderPane)
