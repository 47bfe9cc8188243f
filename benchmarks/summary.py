"""Summary quality: ROUGE F1 of Byline's summariser and of Lead-3 on the CNN/DailyMail sample.

Usage: python benchmarks/summary.py [PATH/TO/cnndm-dev.jsonl]
(default ../shared/cnndm-dev/cnndm-dev.jsonl beside the checkout). Each article is built as
Article(paragraphs=lines); summary and reference are scored one sentence per line with
rouge-score (use_stemmer=True): rouge1, rouge2, rougeLsum.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rouge_score import rouge_scorer

from analysis.model import Article
from analysis.summary import summarize

DEFAULT = (Path(__file__).resolve().parent.parent.parent / "shared" / "cnndm-dev"
           / "cnndm-dev.jsonl")
METRICS = ("rouge1", "rouge2", "rougeLsum")


def lead3(article: Article) -> list[str]:
    return article.paragraphs[:3]


def score(rows: list[dict], system: Callable[[Article], list[str]]) -> dict[str, float]:
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = dict.fromkeys(METRICS, 0.0)
    for row in rows:
        summary = system(Article(paragraphs=list(row["lines"])))
        result = scorer.score("\n".join(row["reference"]), "\n".join(summary))
        for metric in METRICS:
            totals[metric] += result[metric].fmeasure
    return {metric: 100 * total / len(rows) for metric, total in totals.items()}


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"no data set at {path}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    started = time.perf_counter()
    ours = score(rows, summarize)
    elapsed = time.perf_counter() - started
    baseline = score(rows, lead3)
    print(f"{len(rows)} articles from {path.name}")
    print(f"{'system':<10}" + "".join(f"{m:>11}" for m in METRICS))
    for name, figures in (("byline", ours), ("lead-3", baseline)):
        print(f"{name:<10}" + "".join(f"{figures[m]:>11.2f}" for m in METRICS))
    delta = {m: ours[m] - baseline[m] for m in METRICS}
    print(f"{'delta':<10}" + "".join(f"{delta[m]:>+11.2f}" for m in METRICS))
    print(f"(summariser + scoring took {elapsed:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
