"""Articles per second of the whole analysis pipeline on seed-sized articles, on one core.

Usage: python benchmarks/analyze.py [--seconds S] [--passes N]
It measures the installed engine: compiled with mypyc after `pip install .`, plain Python after
`pip install -e .` (the first line says which).
The headline (first line) is a stream of distinct seed-sized articles from ../shared/polnear-dev,
each new to the engine, as a bulk load sees them: every memo cache is emptied before each pass
over them, so only what earlier articles of the same pass taught the caches (common words and
names) helps. Next the seed article (../shared/seeds/000_2c06f009ad994e39.txt, else a generated
article of similar size and shape) analysed once after each pass, new to the engine in the same
way; it holds more quotes and statements than most articles of its size. Then the seed analysed
again and again, with warm caches and with every memo emptied before each run (a worst case:
no vocabulary known at all), and quote extraction alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import analysis.pipeline
from analysis import analyze
from analysis.document import Document
from analysis.people import People
from analysis.quotes import extract_quotes
from analysis.text.article import parse

ROOT = Path(__file__).resolve().parent.parent


def clear_caches() -> None:
    """Empty every memo of what the analysis modules have read (the bounded lru_caches of
    sentences, names and cues). The word tables built once per process (unbounded @cache
    functions of no article: the stance cues, the statement verbs) stay, as they do in the
    reader and in a bulk load after its first article."""
    for name, module in list(sys.modules.items()):
        if name == "analysis" or name.startswith("analysis."):
            for value in vars(module).values():
                info = getattr(value, "cache_info", None)
                if callable(info) and info().maxsize is not None:
                    value.cache_clear()


SEED = ROOT.parent / "shared" / "seeds" / "000_2c06f009ad994e39.txt"

_PARAGRAPHS = [
    "Port officials in Serrin said on Tuesday that the strike would continue into next week, "
    "a decision that prompted an outcry from shipping firms.",
    "“We are not going anywhere until the ministry listens,” said Ana Ribeiro, a spokeswoman for "
    "the Dockworkers’ Union. “Nothing can be ruled out.”",
    "Transport Minister Tomas Hale told reporters the government had offered “a fair deal” and "
    "warned that the law allowed it to requisition crews.",
    "The operators’ association said the dispute had cost its members millions. “Every day "
    "counts,” it said in a statement.",
    "Hale later said the so-called “work-to-rule” protest was illegal. “They announced their "
    "action without notice,” he said, “and now they expect us to pay for it.”",
    "According to Martin Keller, professor of labour law at the University of Lyon, the minister "
    "“is on shaky ground.”",
    "The researcher added: “Courts have ruled against such requisitions twice since 2010.”",
]


def sample_article() -> str:
    if SEED.is_file():
        return SEED.read_text(encoding="utf-8")
    body = "\n\n".join(_PARAGRAPHS * 3)
    return "Dock strike enters its third week as talks stall\n\n" + body


def engine_build() -> str:
    """Whether the engine that runs is the compiled one, and where it was loaded from."""
    where = Path(analysis.pipeline.__file__)
    kind = "plain Python" if where.suffix == ".py" else "compiled with mypyc"
    return f"{kind} ({where.parent})"


def rate(fn, seconds: float) -> tuple[float, float]:
    """(per second of CPU time of this process, per second of wall-clock time).

    CPU time is what one core delivers even when other jobs share the machine."""
    fn()  # warm caches and lazy imports
    n = 0
    wall, cpu = time.perf_counter(), time.process_time()
    while True:
        fn()
        n += 1
        elapsed = time.perf_counter() - wall
        if elapsed >= seconds:
            return n / max(time.process_time() - cpu, 1e-9), n / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--passes", type=int, default=5, help="passes over the stream")
    args = parser.parse_args()
    print(f"engine: {engine_build()}")
    text = sample_article()
    article = parse(text, kind="text")
    stream = distinct_stream_rates(text, args.passes)
    if stream:
        count, rates, seed_times = stream
        median = statistics.median(rates)
        print(f"analyze(), stream of {count} distinct seed-sized articles (4-9 KB of "
              f"polnear-dev, caches emptied before each of {len(rates)} passes): {median:.0f} "
              f"articles/s of CPU time, median ({1000 / median:.2f} ms each; passes "
              f"{min(rates):.0f}-{max(rates):.0f}/s)")
        seed_ms = 1000 * statistics.median(seed_times)
        print(f"analyze(), the seed article new to the engine (after each pass): "
              f"{1000 / seed_ms:.0f} articles/s of CPU time, median ({seed_ms:.2f} ms)")
    full = rate(lambda: analyze(text, kind="text"), args.seconds)
    cold = rate(lambda: (clear_caches(), analyze(text, kind="text")), args.seconds)
    def quotes_only() -> None:
        doc = Document(article)
        extract_quotes(doc, People(doc))

    quotes = rate(quotes_only, args.seconds)
    print(f"seed article: {len(text)} characters, {len(article.paragraphs)} paragraphs")
    for label, (cpu, wall) in (("analyze(), same article again (caches warm)", full),
                               ("analyze(), every memo emptied before each run", cold),
                               ("document, people and quotes, caches warm", quotes)):
        print(f"{label}: {cpu:.0f} articles/s of CPU time ({1000 / cpu:.2f} ms each); "
              f"{wall:.0f} articles/s wall-clock")


def distinct_stream_rates(seed: str, passes: int) -> tuple[int, list[float], list[float]] | None:
    """What a bulk load sees: every article new, vocabulary caches warming as it goes.
    Articles per second of CPU time for each pass, every memo cache emptied before it; and the
    CPU seconds of the seed article analysed after each pass (new to the engine: the stream does
    not hold it, but the common words and names it taught the caches help, as in real use)."""
    folder = SEED.parent.parent / "polnear-dev"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    texts = [t for t in texts if 4000 <= len(t) <= 9000 and t != seed]
    if not texts:
        return None
    analyze(seed, kind="text")  # imports every stage, as a running loader has
    from analysis.patterns import compile_all_patterns

    compile_all_patterns()  # a long-running loader has them compiled; a pass should not pay it
    rates, seed_times = [], []
    for _ in range(max(passes, 1)):
        clear_caches()
        start = time.process_time()
        for text in texts:
            analyze(text, kind="text")
        rates.append(len(texts) / max(time.process_time() - start, 1e-9))
        start = time.process_time()
        analyze(seed, kind="text")
        seed_times.append(time.process_time() - start)
    return len(texts), rates, seed_times


if __name__ == "__main__":
    main()
