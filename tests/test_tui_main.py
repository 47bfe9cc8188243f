"""Pilot tests of the reader's main screen on a real store filled with articles written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_main_store import (
    HARBOUR,
    STORM,
    fill_store,
    main_screen,
    notices,
    settle,
    wait_until,
)

from store.library import Library
from tui.app import BylineApp
from tui.commands import palette_commands
from tui.messages import JumpTarget
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.quote_list import BOOKMARK_MARK, QuoteList
from tui.widgets.reactions import ReactionList
from tui.widgets.reader import ReaderPane
from tui.widgets.summary import SummaryPane


@pytest.fixture
def ids(home: Path) -> dict[str, str]:
    return fill_store(home)





def tree_labels(quotes: QuoteList) -> list[str]:
    return quotes.labels


async def open_quotes(pilot, moves: int) -> QuoteList:
    tree = pilot.app.screen.query_one(QuoteList)
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
        # A tag names the speaker only where the sentence does not: "said Mayor Ana Lopez"
        # needs none, the second quote of Tom Reyes's paragraph does.
        assert "‹" not in reader.paragraph_text(1)
        assert reader.paragraph_text(2).endswith("“They will regret this.” ‹Tom Reyes›")
        assert "Fishermen were less sure." in screen.query_one(SummaryPane).shown_text
        labels = tree_labels(screen.query_one(QuoteList))
        assert labels[0] == "Ana Lopez (2) — mayor"
        assert any("We were never asked" in label for label in labels)
        reactions = screen.query_one(ReactionList)
        assert "warns" in str(reactions.options[0].prompt)
        # Shown for a moment, it counts as read, in the list and in the store.
        await wait_until(pilot, lambda: not listing.row_text(0).startswith("●"))
        await settle(pilot)
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
        assert "said police chief Omar Haddad" in reader.paragraph_text(1)
        assert "two bridges" in screen.query_one(SummaryPane).shown_text
        assert tree_labels(screen.query_one(QuoteList))[0].startswith("Omar Haddad")
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
                   for label in tree_labels(app.screen.query_one(QuoteList)))

    with Library.open(home) as library:
        assert quote_id in library.bookmarked_ids()

    again = BylineApp(home)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        labels = tree_labels(again.screen.query_one(QuoteList))
        marked = [label for label in labels if label.startswith(BOOKMARK_MARK)]
        assert len(marked) == 1 and "This is the best deal" in marked[0]
        # b again on the same quote removes it.
        await open_quotes(pilot, 2)
        await pilot.press("b")
        await settle(pilot)
        assert "Removed bookmark" in notices(again)
        assert not any(label.startswith(BOOKMARK_MARK)
                       for label in tree_labels(again.screen.query_one(QuoteList)))
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
        assert app.focused is screen.query_one(QuoteList)
        assert screen.query_one(ArticleList).highlighted_id == storm


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
        for key, screen_type in (("B", BookmarksScreen), ("S", SearchScreen),
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


async def test_enter_on_a_quote_moves_into_the_reader(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_quotes(pilot, 2)
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(ReaderPane)
        assert app.focused is reader and reader.current_quote == "q1"


async def test_a_filter_matching_nothing_says_so(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f", *"zebra", "enter")
        await settle(pilot)
        listing = app.screen.query_one(ArticleList)
        assert listing.article_ids == []
        shown = listing.render_line(0).text + listing.render_line(1).text
        assert " ".join(shown.split()) == "No title matches the filter."
        assert main_screen(app).article_id == ids[HARBOUR.title]  # the reader keeps its article


async def test_an_empty_store_explains_what_to_do(home: Path) -> None:
    with Library.open(home) as library:
        library.set_setting("seeded", True)  # a user who deleted everything
    app = BylineApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        note = str(app.screen.query_one(".reader-empty").render())
        assert "No articles yet" in note and "byline FILE_OR_URL" in note
        assert app.screen.query_one(".reader-empty").display
        assert "No articles yet" in app.screen.query_one(ArticleList).render_line(0).text


async def test_switching_theme_restyles_the_highlights(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.screen.query_one(ReaderPane)
        await open_quotes(pilot, 2)

        def quote_style():  # a quote that is not the current one
            return span_styles_over(reader._paragraph_text(2), "never asked")

        dark = quote_style()
        assert reader.get_component_rich_style("reader--quote", partial=True) in dark
        app.theme = "textual-light"
        await settle(pilot)
        light = quote_style()
        assert light != dark
        assert reader.get_component_rich_style("reader--quote", partial=True) in light


def test_reactions_come_forward_for_the_speaker_named_inside_the_actor() -> None:
    from analysis.model import Reaction

    reactions = ReactionList()
    reactions._reactions = [
        Reaction("Opposition leader Carla Diaz,", "criticises", "x", 0, ""),
        Reaction("Diazepam makers", "analyses", "y", 0, ""),
        Reaction("Tom Reyes", "warns", "z", 0, "q7"),
    ]
    reactions._rebuild = lambda: None  # not mounted: only the choice is under test
    assert reactions.bring_forward("q1", ["Carla Diaz", "Diaz"]) == [0]
    assert reactions.bring_forward("q7", ["Ana Lopez"]) == [2]
    assert reactions.bring_forward("", []) == []
