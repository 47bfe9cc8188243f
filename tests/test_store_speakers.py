"""Speakers merged across stored articles, quotes by speaker, bookmarks and search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Analysis, Article, Quote, Speaker
from store.errors import SourceError
from store.library import Library
from store.records import ArticleRef
from store.speakers import build_groups


def story(title: str, published: str, said: list[tuple[str, str, str]]) -> Analysis:
    """An analysed article: said is (speaker name, role, quote text)."""
    speakers: dict[str, Speaker] = {}
    quotes, paragraphs = [], []
    for name, role, text in said:
        if name not in speakers:
            speakers[name] = Speaker(id=f"s{len(speakers) + 1}", name=name, role=role)
        paragraph = f"\u201c{text}\u201d said {name}."
        paragraphs.append(paragraph)
        quotes.append(Quote(id=f"q{len(quotes) + 1}", text=text, speaker=speakers[name].label,
                            speaker_id=speakers[name].id, paragraph=len(paragraphs) - 1,
                            start=1, end=1 + len(text), cue="said"))
    article = Article(title=title, published=published, paragraphs=paragraphs,
                      url=f"https://wire.test/{title.lower().replace(' ', '-')}")
    return Analysis(article, speakers=list(speakers.values()), quotes=quotes)


@pytest.fixture
def lib(home: Path) -> Library:
    with Library.open(home) as library:
        yield library


def add(lib: Library, analysis: Analysis) -> ArticleRef:
    return lib.add_analysis(analysis, url=analysis.article.url)


def test_surname_merges_into_the_unique_full_name(lib: Library) -> None:
    add(lib, story("Summit opens", "2026-03-01", [
        ("Irena Vasko", "Valdorian president", "We will stand together."),
        ("Irena Vasko", "Valdorian president", "Europe must act."),
    ]))
    add(lib, story("Summit closes", "2026-03-02", [("Vasko", "", "The deal is done.")]))
    add(lib, story("Talks stall", "2026-03-03", [("President Vasko", "", "Not yet.")]))
    summaries = {s.name: s for s in lib.speakers()}
    assert set(summaries) == {"Irena Vasko"}
    vasko = summaries["Irena Vasko"]
    assert (vasko.quote_count, vasko.article_count) == (4, 3)
    assert vasko.role == "Valdorian president"
    assert {"Vasko", "President Vasko"} <= set(vasko.aliases)
    quotes = lib.quotes_by_speaker("vasko")
    assert [q.text for q in quotes] == ["Not yet.", "The deal is done.",
                                        "We will stand together.", "Europe must act."]
    assert quotes[0].article_title == "Talks stall" and quotes[0].published == "2026-03-03"
    assert {q.speaker for q in quotes} == {"Irena Vasko"}  # one name for one person
    assert quotes[2].quote_id.endswith(":q1") and quotes[2].role == "Valdorian president"


def test_namesakes_are_never_merged(lib: Library) -> None:
    add(lib, story("Budget day", "2026-04-01", [("Anna Berg", "finance minister", "Taxes fall.")]))
    add(lib, story("Cup final", "2026-04-02", [("Lars Berg", "coach", "We were robbed.")]))
    add(lib, story("Berg speaks", "2026-04-03", [("Berg", "", "No comment.")]))
    names = {s.name: s.quote_count for s in lib.speakers()}
    # two first names -> two people; a bare surname matching both stays on its own
    assert names == {"Anna Berg": 1, "Lars Berg": 1, "Berg": 1}
    assert [q.text for q in lib.quotes_by_speaker("Anna Berg")] == ["Taxes fall."]
    assert [q.text for q in lib.quotes_by_speaker("Berg")] == ["No comment."]
    assert lib.quotes_by_speaker("Nobody Here") == []


def test_bookmark_keeps_its_copy_after_the_article_goes(lib: Library) -> None:
    ref = add(lib, story("Port strike ends", "2026-05-01", [
        ("Ruth Okafor", "union leader", "We won a fair deal."),
        ("Ian Moss", "port director", "Ships will sail tonight."),
    ]))
    mark = lib.add_bookmark(f"{ref.id}:q2", note="for the weekly")
    assert (mark.text, mark.speaker, mark.role) == ("Ships will sail tonight.", "Ian Moss",
                                                     "port director")
    assert f"{ref.id}:q2" in lib.bookmarked_ids()
    assert lib.remove_article(ref.id)
    (kept,) = lib.bookmarks()
    assert (kept.text, kept.speaker, kept.article_title, kept.note) == (
        "Ships will sail tonight.", "Ian Moss", "Port strike ends", "for the weekly")
    assert kept.link == "https://wire.test/port-strike-ends"
    markdown = lib.export_bookmarks("markdown")
    assert "> Ships will sail tonight." in markdown
    for field in ("Ian Moss", "port director", "Port strike ends",
                  "https://wire.test/port-strike-ends", "2026-05-01"):
        assert field in markdown
    assert markdown.index("> Ships") < markdown.index("Ian Moss") < markdown.index("2026-05-01")
    assert json.loads(lib.export_bookmarks("json"))[0]["quote_id"] == f"{ref.id}:q2"
    assert lib.remove_bookmark(f"{ref.id}:q2") and not lib.remove_bookmark(f"{ref.id}:q2")
    assert lib.bookmarks() == []


def test_bookmark_errors_are_one_line(lib: Library) -> None:
    ref = add(lib, story("One quote", "2026-05-02", [("Ian Moss", "", "Hello.")]))
    for bad in ("not-an-id", f"{ref.id}:q9", "0123456789abcdef:q1"):
        with pytest.raises(SourceError) as err:
            lib.add_bookmark(bad)
        assert "\n" not in str(err.value)
    lib.add_bookmark(f"{ref.id}:q1")
    lib.add_bookmark(f"{ref.id}:q1", note="again")  # the same quote twice: one bookmark
    assert [b.note for b in lib.bookmarks()] == ["again"]


def test_search_finds_titles_speakers_and_quotes(lib: Library) -> None:
    ref = add(lib, story("Harbour ferry approved", "2026-06-01", [
        ("Ruth Okafor", "council chair", "Commuters finally get a crossing."),
    ]))
    add(lib, story("Rail fares rise", "2026-06-02", [("Ian Moss", "", "Fares must rise.")]))
    # The speaker, then the article whose text names her (its body says "said Ruth Okafor").
    assert [(h.kind, h.title) for h in lib.search("okafor")] == [
        ("speaker", "Ruth Okafor"), ("text", "Harbour ferry approved")]
    hits = lib.search("ferry")
    assert [(h.kind, h.article_id) for h in hits] == [("article", ref.id)]
    (quote,) = lib.search("crossing commuters")
    assert quote.kind == "quote" and quote.quote_id == f"{ref.id}:q1"
    assert "Ruth Okafor" in quote.detail
    assert lib.search("") == [] and lib.search("zeppelin") == []


def test_a_damaged_quote_shard_is_rebuilt_from_the_stored_analysis(home: Path) -> None:
    with Library.open(home) as lib:
        ref = add(lib, story("Port strike ends", "2026-05-01", [
            ("Ruth Okafor", "union leader", "We won a fair deal.")]))
    shard = home / "quotes" / f"{ref.id[:2]}.json"
    shard.write_text('{"quotes": {"', encoding="utf-8")
    with Library.open(home) as lib:
        assert lib.speakers() == []
        assert any("moved aside" in w for w in lib.warnings)
        assert lib.analyze_pending() == 1
        assert [s.name for s in lib.speakers()] == ["Ruth Okafor"]
        assert lib.article(ref.id).analysis.quotes[0].text == "We won a fair deal."


def test_anonymous_sources_stay_apart_organisations_merge(lib: Library) -> None:
    for n, title in enumerate(("Talks resume", "Talks fail")):
        analysis = story(title, f"2026-07-0{n + 1}", [("A senior official", "", f"Quote {n}."),
                                                       ("Harbour Authority", "", f"Line {n}.")])
        analysis.speakers[0].kind = "anonymous"
        analysis.speakers[1].kind = "organisation"
        add(lib, analysis)
    summaries = [(s.name, s.kind, s.quote_count) for s in lib.speakers()]
    assert sorted(summaries) == [("A senior official", "anonymous", 1),
                                 ("A senior official", "anonymous", 1),
                                 ("Harbour Authority", "organisation", 2)]


FIRST_NAMES = ["Anna", "Lars", "Mara", "Ruth", "Ian", "Omar"]
SURNAMES = ["Berg", "Quinn", "Okafor", "Moss"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", *FIRST_NAMES]), st.sampled_from(SURNAMES)),
                min_size=1, max_size=12))
def test_merging_never_joins_two_first_names(names: list[tuple[str, str]]) -> None:
    digests = {
        f"{n:016x}": {"title": "t", "published": "", "quotes": [
            {"id": "q1", "text": "x", "speaker_id": "s1", "speaker": ""}],
            "speakers": [{"id": "s1", "name": f"{first} {last}".strip(), "kind": "person",
                          "role": "", "aliases": []}]}
        for n, (first, last) in enumerate(names)
    }
    groups = build_groups(digests)
    full_names = {f"{first} {last}" for first, last in names if first}
    for group in groups:
        firsts = {n.split()[0] for n in group.names if " " in n}
        assert len(firsts) <= 1  # never two different first names in one person
    for surname in {last for first, last in names if not first}:
        owners = {n for n in full_names if n.endswith(" " + surname)}
        bare = next(g for g in groups if surname in g.names)
        # a bare surname joins its one full name, and stays apart when there are 0 or 2+
        assert (set(bare.names) - {surname}) == (owners if len(owners) == 1 else set())
    assert sum(g.summary().quote_count for g in groups) == len(names)
