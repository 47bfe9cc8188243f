"""Reaction actors from reporting verbs: a subject phrase stops at the first verb of speaking,
and a quote mark left beside a masked quote (''…,'' said X) does not hide the speaker after the
verb. Articles written for these tests; people and places invented."""

from __future__ import annotations

from analysis import analyze
from analysis.actors import subject_noun_phrase
from analysis.model import Article, Speaker
from analysis.quotes import extract_quotes
from analysis.reactions import find_reactions
from analysis.statements import Context, remember_mentions, sentence_statements


def test_subject_phrase_stops_at_a_verb_of_speaking() -> None:
    assert subject_noun_phrase("Local councillors said residents had") == "Local councillors"
    assert subject_noun_phrase("The harbour master told crews he") == "The harbour master"
    # Words that merely contain a verb, or a hyphenated one, are no cut.
    assert subject_noun_phrase("The so-called experts") == "The so-called experts"
    assert subject_noun_phrase("Unsaid rules") == "Unsaid rules"


FLOOD_PAGE = """<html><head><title>Flood wall gives way in Marrow Bay</title></head><body>
<article><h1>Flood wall gives way in Marrow Bay</h1>
<p>MARROW BAY — The sea wall protecting Marrow Bay collapsed overnight, Mayor Ines Tarrow said on
Friday, forcing two hundred families from their homes.</p>
<p>"We will rebuild it higher and stronger," Tarrow said.</p>
<p>Local councillors said residents had warned for years that the sea wall was too low.</p>
</article></body></html>"""


def test_html_page_actor_is_the_councillors() -> None:
    actors = [r.actor for r in analyze(FLOOD_PAGE, kind="html").reactions]
    assert "Local councillors" in actors
    assert not any("said" in actor for actor in actors)


def test_flattened_double_quotes_keep_the_speaker_after_the_verb() -> None:
    article = Article(
        title="Senator Ruth Calder unveils a tax plan for small firms",
        paragraphs=[
            "Senator Ruth Calder unveiled a tax plan on Monday that would cut levies on small "
            "firms and raise the top rate on large estates.",
            "''It is time the biggest estates paid their share,'' Ms. Calder said.",
            "''This plan is a mistake that will cost jobs,'' said Tomas Brenner, an economist "
            "at the Harlow Institute who studies the tax plan and small firms.",
        ],
    )
    quotes, speakers = extract_quotes(article)
    reactions = find_reactions(article, quotes, speakers)
    assert [r.actor for r in reactions] == ["Tomas Brenner"]
    assert reactions[0].text.startswith("''This plan is a mistake")


def test_a_paragraph_without_statements_still_names_who_he_is() -> None:
    # The middle paragraph has no quote and no reporting verb: its sentences are only split
    # when "He" needs the latest person named, which is in its last sentence.
    article = Article(
        title="Ferry timetable cut on the Velmar line",
        paragraphs=[
            "The Velmar ferry line will run half as many crossings from May, the operator said "
            "on Monday, after a winter of breakdowns.",
            "Olek Brandt runs the harbour café. Rhea Sand, the harbour master, keeps the logs.",
            "He warned that the cuts would hurt island families and could lead to chaos.",
        ],
    )
    speakers = [Speaker("s1", "Olek Brandt", "café owner"),
                Speaker("s2", "Rhea Sand", "harbour master")]
    ctx = Context(article, [], speakers)
    statements = sentence_statements(article, [], ctx, set())
    actors = {st.paragraph: st.actor.key for st in statements}
    assert actors.get(2) == "sand"
    # A sentence left unattributed after that paragraph is the latest one read.
    ctx.unattributed = [("Olek Brandt runs the café.", "Olek Brandt runs the café."),
                        "Rhea Sand keeps the logs."]
    remember_mentions(ctx)
    assert ctx.last["person"].key == "sand"
    ctx.unattributed = ["Rhea Sand keeps the logs.",
                        ("Olek Brandt runs it. No one else does.",
                         "Olek Brandt runs it. No one else does.")]
    remember_mentions(ctx)
    assert ctx.last["person"].key == "brandt"
