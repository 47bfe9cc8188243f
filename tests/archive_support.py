"""Generated archives for the bulk-analysis tests: articles and feeds made from templates written
for these tests (fictional places and people), in several house styles of quoting."""

from __future__ import annotations

import random
from pathlib import Path
from xml.sax.saxutils import escape

FIRST = ["Ines", "Tomasz", "Marit", "Kofi", "Leona", "Ravi", "Agnes", "Pavel", "Sunniva", "Dario"]
LAST = ["Holmgren", "Adeyemi", "Castell", "Virtanen", "Okonjo", "Brandt", "Maalouf", "Keane"]
ROLES = ["the harbour master", "a city councillor", "the transport secretary",
         "chair of the residents' association", "an economist at Vell University",
         "the head of the ferry operators' union"]
PLACES = ["Ostervik", "Calder Bay", "Nyhamn", "Port Aldren", "Kessel", "Marrow Ford"]
TOPICS = [("ferry timetable", "night crossings", "fares"),
          ("bridge repairs", "lane closures", "the repair budget"),
          ("school merger", "class sizes", "bus routes"),
          ("flood defences", "the river wall", "insurance costs")]

TEMPLATES = [
    # curly quotes, said after the quote, a pronoun speaker in the next paragraph
    ("{place} council backs {topic} plan",
     ["{PLACE} — The council in {place} voted on Tuesday to back the {topic}, ending months "
      "of argument over {detail}.",
      "\u201cThis is the plan people asked for,\u201d said {a}, {arole}.",
      "\u201cWe will watch {money} closely,\u201d {a_last} added. She said the first changes "
      "would come in spring.",
      "{b}, {brole}, was less sure. \u201cThe plan leaves {detail} to chance,\u201d he said.",
      "The council will publish the full {topic} next month."]),
    # straight quotes, speaker before the quote, "according to"
    ("Residents split over {topic} in {place}",
     ["Residents of {place} are divided over the {topic}, according to a survey published "
      "this week.",
      '{a}, {arole}, said: "Most people here want {detail} sorted first."',
      '"Nobody has explained {money} to us," said {b}.',
      "According to {b_last}, a second meeting is planned for the end of the month."]),
    # British single quotes, quote split by its attribution
    ("{place}: a fresh row over {money}",
     ["A row over {money} broke out in {place} on Monday as the {topic} went before "
      "councillors.",
      "\u2018We cannot keep paying for {detail},\u2019 said {a}, {arole}. \u2018Something "
      "has to give.\u2019",
      "\u2018The numbers do not add up,\u2019 {b} told reporters.",
      "Officials said a decision on the {topic} would follow in the autumn."]),
]


def article(n: int, rng: random.Random) -> str:
    title, paragraphs = TEMPLATES[n % len(TEMPLATES)]
    topic, detail, money = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    a_first, a_last, b_first, b_last = (rng.choice(FIRST), rng.choice(LAST),
                                        rng.choice(FIRST), rng.choice(LAST))
    fields = {"place": place, "PLACE": place.upper(), "topic": topic, "detail": detail,
              "money": money, "a": f"{a_first} {a_last}", "a_last": a_last,
              "b": f"{b_first} {b_last}", "b_last": b_last, "arole": rng.choice(ROLES),
              "brole": rng.choice(ROLES)}
    body = [p.format(**fields) for p in paragraphs]
    day = n % 28 + 1
    return "\n\n".join([f"{title.format(**fields)} ({n})", f"March {day}, 2026", *body]) + "\n"


def write_articles(folder: Path, count: int, seed: int = 12) -> list[Path]:
    """`count` articles as text files, named so that sorting them keeps their numbers' order."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        path = folder / f"article-{n:04d}.txt"
        path.write_text(article(n, rng), encoding="utf-8")
        paths.append(path)
    return paths


def write_feed(path: Path, count: int, seed: int = 7) -> Path:
    """An RSS feed of `count` entries whose content is a generated article in HTML."""
    rng = random.Random(seed)
    items = []
    for n in range(count):
        title, *paragraphs = article(n, rng).strip().split("\n\n")
        content = "".join(f"<p>{escape(p)}</p>" for p in paragraphs[1:])
        items.append(f"<item><title>{escape(title)}</title>"
                     f"<link>https://archive.test/{n}</link><guid>archive-{n}</guid>"
                     f"<pubDate>Mon, {n % 28 + 1:02d} Mar 2026 09:00:00 GMT</pubDate>"
                     f"<content:encoded>{escape(content)}</content:encoded></item>")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Archive wire</title><link>https://archive.test/</link>{''.join(items)}"
        "</channel></rss>", encoding="utf-8")
    return path


def worker_pids(payloads: list[object]) -> list[int]:
    """A pool work function (importable by workers): which process handled each payload."""
    import os

    return [os.getpid()] * len(payloads)


def slow_worker_pids(payloads: list[object]) -> list[int]:
    """worker_pids, taking a while over each batch: a busy machine starts the second worker
    late, and one quick enough would have done all the work by then."""
    import time

    time.sleep(0.05)
    return worker_pids(payloads)


def worker_dies(payloads: list[object]) -> list[int]:
    """A pool work function whose process dies, as one killed for lack of memory would."""
    import os

    os._exit(1)
