"""What a daily reader needs from the store: read marks and unread counts, hidden and renamed
feeds, the reader's settings, sources and dates in the listing, the feeds a page names,
speaker matching and search over article text, bookmark notes and undo."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from http_server import Reply, ScriptedServer

from analysis import Analysis, Article, Quote, Speaker
from store.library import Library
from store.records import FeedEntry, ReaderSettings

GAZETTE = "http://gazette.test/feed.xml"
HERALD = "http://herald.test/rss"


def entries(prefix: str, count: int, year: int = 2026) -> list[FeedEntry]:
    return [FeedEntry(guid=f"{prefix}-{n}", link=f"http://{prefix}.test/{n}",
                      title=f"{prefix.title()} story {n}", summary=f"The {prefix} story {n}.",
                      published=f"{year}-03-{n + 1:02d}T08:00:00")
            for n in range(count)]


@pytest.fixture
def lib(home: Path) -> Library:
    with Library.open(home) as library:
        library.add_feed(GAZETTE, "Portvale Gazette")
        library.add_feed(HERALD, "Keswin Herald")
        library.merge_entries(GAZETTE, entries("gazette", 3))
        library.merge_entries(HERALD, entries("herald", 2))
        yield library


def test_read_marks_in_one_write_and_unread_counts(lib: Library) -> None:
    ids = [ref.id for ref in lib.articles()]
    assert lib.unread_counts().total == 5
    assert lib.mark_read_many(ids[:3]) == 3
    assert lib.mark_read_many(ids[:3]) == 0  # already read: nothing changes
    counts = lib.unread_counts()
    assert counts.total == 2 and sum(counts.by_feed.values()) == 2
    assert lib.mark_read_many(ids[:1], read=False) == 1
    assert lib.unread_counts().total == 3
    assert lib.mark_feed_read(GAZETTE) >= 1
    counts = lib.unread_counts()
    assert counts.by_feed.get(GAZETTE, 0) == 0 and counts.by_feed[HERALD] == counts.total
    assert {f.url: f.unread for f in lib.feeds()} == {GAZETTE: 0, HERALD: counts.total}


def test_a_hidden_feed_leaves_the_list_but_keeps_its_own(lib: Library) -> None:
    lib.hide_feed(HERALD)
    titles = [ref.title for ref in lib.articles()]
    assert titles and not any("Herald" in t for t in titles)
    assert [ref.feed_url for ref in lib.articles(feed=HERALD)] == [HERALD, HERALD]
    assert lib.unread_counts().total == 3  # the hidden feed's two unread left out
    assert next(f for f in lib.feeds() if f.url == HERALD).hidden
    lib.hide_feed(HERALD, False)
    assert len(lib.articles()) == 5


def test_renamed_feed_names_its_entries(lib: Library) -> None:
    lib.rename_feed(GAZETTE, "The Gazette")
    assert {ref.site for ref in lib.articles(feed=GAZETTE)} == {"The Gazette"}
    assert lib.feed(GAZETTE).title == "The Gazette"
    with pytest.raises(Exception, match="cannot be empty"):
        lib.rename_feed(GAZETTE, "  ")


def test_sources_in_the_listing(lib: Library, tmp_path: Path) -> None:
    article = tmp_path / "harbour-notes.txt"
    article.write_text("Harbour notes\n\nThe harbour opens at six.\n", encoding="utf-8")
    lib.add(str(article))
    web = lib.add_analysis(Analysis(Article("Web story", paragraphs=["Text."])),
                           url="https://www.portvale.example/news/1")
    sites = {ref.title: ref.site for ref in lib.articles()}
    assert sites["Harbour notes"] == "harbour-notes.txt"
    assert sites["Gazette story 0"] == "Portvale Gazette"
    assert lib.ref(web.id).site == "portvale.example"


def test_undated_articles_sort_by_when_they_were_added(home: Path) -> None:
    with Library.open(home) as lib:
        lib.merge_entries(GAZETTE, entries("gazette", 2, year=2024))
        undated = lib.add_analysis(Analysis(Article("Undated note", paragraphs=["Now."])))
        lib.merge_entries(HERALD, [FeedEntry(guid="future", title="Dated next year",
                                             published=f"{time.gmtime().tm_year + 1}-01-01")])
        titles = [ref.title for ref in lib.articles()]
        assert titles[:2] == ["Dated next year", "Undated note"]  # not at the bottom
        assert lib.ref(undated.id).published == ""


def test_reader_settings_round_trip_and_survive_bad_values(home: Path) -> None:
    with Library.open(home) as lib:
        assert lib.reader_settings() == ReaderSettings()
        lib.save_reader_settings(list_width=50, speaker_tags=False, refresh_minutes=30)
    with Library.open(home) as lib:
        settings = lib.reader_settings()
        assert (settings.list_width, settings.speaker_tags, settings.refresh_minutes) == (
            50, False, 30)
        lib.set_setting("reader", {"list_width": "wide", "refresh_on_start": 1,
                                   "speaker_tags": False})
        settings = lib.reader_settings()
        assert settings.list_width == 0 and settings.refresh_on_start is False
        assert settings.speaker_tags is False
        with pytest.raises(ValueError):
            lib.save_reader_settings(colour="red")


PAGE = """<!doctype html><html><head><title>Harbour strike ends</title>
<link rel="alternate" type="application/rss+xml" href="/rss" title="Coast Daily">
<link rel="alternate" type="application/atom+xml" href="http://other.test/atom">
<link rel="stylesheet" href="/style.css">
</head><body><h1>Harbour strike ends after a week</h1>
<p>The dock workers' strike at Portvale ended on Friday after the port operators agreed to
a new shift plan, the union said.</p>
<p>"The crews will be back on the quay on Monday," said union secretary Tomas Okello.</p>
</body></html>"""

COAST_RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Daily</title>
<link>{site}</link><description>News</description>
<item><title>Dock strike over: crews back on Monday</title><link>{site}dock</link>
<guid>coast-dock</guid><description>The Portvale dock strike ended as port operators
agreed a shift plan with the union.</description></item></channel></rss>"""


def test_a_page_names_its_feeds_and_one_can_follow_them(home: Path) -> None:
    with ScriptedServer() as server:
        site = server.url("/")
        server.route("/story", Reply(body=PAGE.encode(), headers={"Content-Type": "text/html"}))
        server.route("/rss", Reply(body=COAST_RSS.format(site=site).encode(),
                                   headers={"Content-Type": "application/rss+xml"}))
        with Library.open(home) as lib:
            (ref,) = lib.add(server.url("/story"))
            assert lib.advertised_feeds(ref.id) == [server.url("/rss"), "http://other.test/atom"]
            record, result = lib.follow_feed(server.url("/rss"))
            assert record.title == "Coast Daily" and result.new_entries == 1
            assert lib.advertised_feeds(ref.id) == ["http://other.test/atom"]
            assert [r.title for r in lib.related(ref.id)] == [
                "Dock strike over: crews back on Monday"]


def said(title: str, people: list[tuple[str, str, list[str]]]) -> Analysis:
    """An analysed article where each (name, role, aliases) says one sentence."""
    speakers, quotes, paragraphs = [], [], []
    for number, (name, role, aliases) in enumerate(people, 1):
        text = f"Statement number {number} about the harbour."
        paragraphs.append(f"“{text}” said {name}.")
        speakers.append(Speaker(f"s{number}", name, role, aliases=aliases))
        quotes.append(Quote(f"q{number}", text, name, f"s{number}", number - 1, 1,
                            1 + len(text), "said"))
    return Analysis(Article(title, published="2026-05-01", paragraphs=paragraphs),
                    speakers=speakers, quotes=quotes)


def test_speakers_match_without_accents_apostrophes_or_case(home: Path) -> None:
    with Library.open(home) as lib:
        lib.add_analysis(said("Harbour talks", [
            ("Niamh O’Rourke", "harbour economist", ["O’Rourke"]),
            ("Amélie Durançon", "port director", []),
            ("Wilhelmina Oberhaus", "chair of the dock board", []),
            ("A senior envoy", "with knowledge of the talks", ["The envoy"]),
            ("Ruth Hallam", "violinist", ["Hallam"]),
        ]))
        lib.add_analysis(said("Council vote", [("Peter Hallam", "councillor", ["Hallam"])]))

        def names(typed: str) -> list[str]:
            return [s.name for s in lib.match_speakers(typed)]

        assert names("O'Rourke") == ["Niamh O’Rourke"]
        assert names("orourke") == ["Niamh O’Rourke"]
        assert names("DURANCON") == ["Amélie Durançon"]
        assert names("Oberh") == ["Wilhelmina Oberhaus"]  # part of a name
        assert names("Dr Amelie Durancon") == ["Amélie Durançon"]
        assert names("the envoy") == ["A senior envoy"]
        assert names("dock board") == ["Wilhelmina Oberhaus"]  # by role, when no name fits
        assert sorted(names("Hallam")) == ["Peter Hallam", "Ruth Hallam"]  # ambiguous
        assert names("Zeppelin") == []
        assert lib.quotes_by_speaker("Hallam") == []  # which Hallam? nobody's quotes
        assert len(lib.quotes_by_speaker("o'rourke")) == 1


def test_search_reads_article_text_and_folds_accents(home: Path) -> None:
    with Library.open(home) as lib:
        ref = lib.add_analysis(Analysis(Article(
            "Ferry timetable", published="2026-04-02",
            paragraphs=["The ferry to Mirren will call at the café pier in Sævik from May.",
                        "Tickets go on sale next week."])))
        lib.merge_entries(GAZETTE, [FeedEntry(
            guid="g", link="http://gazette.test/x", title="Night trams",
            content="<p>Trams will run <b>all night</b> on weekends.</p>")])
        (hit,) = lib.search("cafe saevik")
        assert (hit.kind, hit.article_id, hit.published) == ("text", ref.id, "2026-04-02")
        assert "café pier in Sævik" in hit.detail
        (entry,) = lib.search("all night weekends")
        assert entry.kind == "text" and entry.title == "Night trams"
        assert "<b>" not in entry.detail
        assert [h.kind for h in lib.search("ferry")] == ["article"]  # once, by its title


def test_bookmark_notes_and_undoing_a_delete(home: Path) -> None:
    with Library.open(home) as lib:
        ref = lib.add_analysis(said("Harbour talks", [("Niamh O’Rourke", "economist", [])]))
        quote_id = f"{ref.id}:q1"
        lib.add_bookmark(quote_id)
        assert lib.set_bookmark_note(quote_id, "ask her\nagain").note == "ask her again"
        (mark,) = lib.bookmarks()
        assert mark.note == "ask her again"
        lib.remove_article(ref.id)
        assert lib.remove_bookmark(quote_id)
        lib.restore_bookmark(mark)  # comes back whole, though its article is gone
        assert lib.bookmarks() == [mark]
        assert lib.set_bookmark_note(quote_id, "").note == ""


def test_the_seed_articles_speakers_are_found_as_people_type_them(home: Path,
                                                                   shared: Path) -> None:
    from store.seeds import load_seeds

    with Library.open(home) as lib:
        load_seeds(lib)  # the project's own samples: two Marshes among them
        lib.add(str(shared / "seeds" / "000_2c06f009ad994e39.txt"))

        def names(typed: str) -> list[str]:
            return [s.name for s in lib.match_speakers(typed)]

        assert names("O'Brien") == ["Phillips O’Brien"]
        assert names("Sejourne") == ["Stéphane Séjourné"]
        assert names("Puglier") == ["Jana Puglierin"]
        assert names("the diplomat") == ["A French diplomat"]
        assert sorted(names("Marsh")) == ["Helena Marsh", "Ruth Marsh"]
        assert [h.title for h in lib.search("sejourne") if h.kind == "speaker"] == [
            "Stéphane Séjourné"]


def test_the_listing_head_is_kept_for_a_fast_start_and_dropped_when_stale(
        lib: Library) -> None:
    assert lib.newest_articles() is None  # nothing kept yet
    lib.keep_listing_head()
    assert [r.id for r in lib.newest_articles(3)] == [r.id for r in lib.articles(limit=3)]
    lib.mark_read(lib.articles()[0].id)
    assert lib.newest_articles(1)[0].read  # read marks come from the store, not the head
    lib.hide_feed(HERALD)
    assert all(r.feed_url != HERALD for r in lib.newest_articles())
    lib.merge_entries(GAZETTE, entries("later", 1))  # the index changed: the head is stale
    assert lib.newest_articles() is None
    (lib.home / "listing-head.json").write_text("{not json", encoding="utf-8")
    assert lib.newest_articles() is None  # a damaged head is ignored, never an error
    lib.keep_listing_head()
    assert lib.newest_articles()[0].title == lib.articles()[0].title
