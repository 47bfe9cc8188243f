"""A fixed store for the reader's tests: articles written here, analysed by hand.

The analyses are built directly (not by the analysis engine) so that what the panes must show is
known exactly: quote offsets, speakers, reactions and summaries never move when the engine
improves. Ids are content hashes, dates are fixed: the store is the same on every run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from analysis.model import Analysis, Article, Quote, Reaction, Speaker
from store.library import Library
from tui.app import BylineApp
from tui.screens.main import MainScreen


@dataclass
class QuoteSpec:
    paragraph: int
    text: str
    speaker_id: str
    cue: str = "said"


@dataclass
class ArticleSpec:
    title: str
    published: str
    paragraphs: list[str]
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[QuoteSpec] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    byline: str = ""
    dateline: str = ""
    url: str = ""


def build_analysis(spec: ArticleSpec) -> Analysis:
    """The Analysis of spec, quote offsets found in the paragraphs."""
    speakers = {s.id: s for s in spec.speakers}
    quotes = []
    for number, q in enumerate(spec.quotes, 1):
        start = spec.paragraphs[q.paragraph].index(q.text)
        speaker = speakers[q.speaker_id].label if q.speaker_id in speakers else ""
        quotes.append(Quote(f"q{number}", q.text, speaker, q.speaker_id, q.paragraph, start,
                            start + len(q.text), q.cue))
    article = Article(spec.title, spec.byline, spec.dateline, spec.published,
                      list(spec.paragraphs), spec.url)
    return Analysis(article, list(spec.summary), list(spec.speakers), quotes,
                    list(spec.reactions))


HARBOUR = ArticleSpec(
    title="Harbour plan divides the council",
    published="2026-03-03T09:00:00",
    byline="By Mira Okafor",
    dateline="PORTVALE, March 3",
    url="https://news.example.test/harbour-plan",
    paragraphs=[
        "The council voted on Tuesday to expand the harbour, ending two years of talks.",
        "“This is the best deal the town has had in a generation,” said Mayor Ana Lopez, "
        "who led the negotiations.",
        "Fishermen were less sure. “We were never asked,” said Tom Reyes, head of the fishing "
        "cooperative. “They will regret this.”",
        "Opposition leader Carla Diaz criticised the plan, saying it ignored the cost to "
        "taxpayers.",
        "“The numbers do not add up,” Diaz said.",
        "The harbour authority said work would start in the spring and last three years.",
        "Lopez later said: “I will meet the fishermen next week.”",
        "Residents can read the plan at the town library until the end of the month.",
    ],
    speakers=[
        Speaker("s1", "Ana Lopez", "mayor", aliases=["Lopez"]),
        Speaker("s2", "Tom Reyes", "head of the fishing cooperative", aliases=["Reyes"]),
        Speaker("s3", "Carla Diaz", "opposition leader", aliases=["Diaz"]),
    ],
    quotes=[
        QuoteSpec(1, "This is the best deal the town has had in a generation", "s1"),
        QuoteSpec(2, "We were never asked", "s2"),
        QuoteSpec(2, "They will regret this.", "s2"),
        QuoteSpec(4, "The numbers do not add up", "s3"),
        QuoteSpec(6, "I will meet the fishermen next week.", "s1", ":"),
    ],
    reactions=[
        Reaction("Tom Reyes", "warns", "“They will regret this.”", 2, "q1"),
        Reaction("Carla Diaz", "criticises",
                 "Opposition leader Carla Diaz criticised the plan, saying it ignored the cost "
                 "to taxpayers.", 3, "q1"),
        Reaction("Ana Lopez", "defends", "Lopez later said: “I will meet the fishermen next "
                 "week.”", 6, "q2"),
    ],
    summary=[
        "The council voted on Tuesday to expand the harbour, ending two years of talks.",
        "Fishermen were less sure.",
        "Opposition leader Carla Diaz criticised the plan, saying it ignored the cost to "
        "taxpayers.",
    ],
)

STORM = ArticleSpec(
    title="Storm closes the coastal road",
    published="2026-03-01T18:30:00",
    byline="By Staff",
    paragraphs=[
        "The coastal road was closed on Sunday after the storm brought down two bridges.",
        "“Nobody should drive there tonight,” said police chief Omar Haddad.",
    ],
    speakers=[Speaker("s1", "Omar Haddad", "police chief", aliases=["Haddad"])],
    quotes=[QuoteSpec(1, "Nobody should drive there tonight,", "s1")],
    summary=["The coastal road was closed on Sunday after the storm brought down two bridges."],
)

MARKET = ArticleSpec(
    title="Market hall reopens after repairs",
    published="2026-02-20T08:00:00",
    paragraphs=["The old market hall reopened on Friday with forty stalls."],
    summary=["The old market hall reopened on Friday with forty stalls."],
)

ALL = (HARBOUR, STORM, MARKET)


def fill_store(home: Path, specs: tuple[ArticleSpec, ...] = ALL) -> dict[str, str]:
    """Store specs in the store at home; returns {title: article id}."""
    ids = {}
    with Library.open(home) as library:
        for spec in specs:
            ref = library.add_analysis(build_analysis(spec), url=spec.url)
            ids[spec.title] = ref.id
    return ids


async def settle(pilot) -> None:
    """Let queued messages run and every worker finish (workers start workers), including the
    related-entries look-up that starts once the cursor rests. A load made stale by the cursor
    is cancelled, and a failed one became a notification: neither is an error for a test."""
    from textual.worker import WorkerCancelled, WorkerFailed

    async def workers_done() -> None:
        for _ in range(4):
            await pilot.pause()
            for worker in list(pilot.app.workers):
                try:
                    await worker.wait()
                except (WorkerCancelled, WorkerFailed):
                    pass

    await workers_done()
    screen = pilot.app.screen
    if getattr(screen, "stored", None) is not None:
        await wait_until(pilot, lambda: screen.related_for == screen.article_id)
        await workers_done()
    await pilot.pause()


async def wait_until(pilot, condition, timeout: float = 10.0) -> None:
    """Pause until condition() holds (a worker finished, a bar appeared); fail after timeout."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await pilot.pause(0.02)


def main_screen(app: BylineApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def notices(app: BylineApp) -> list[str]:
    return [n.message for n in app._notifications]
