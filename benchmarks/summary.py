"""Summary quality: ROUGE F1 of Byline's summariser and of Lead-3 on the CNN/DailyMail sample,
on its tuning half, its held-out half and all of it.

Usage: python benchmarks/summary.py [--half A|B] [--split parity|order] [PATH/TO/cnndm-dev.jsonl]
(default ../shared/cnndm-dev/cnndm-dev.jsonl beside the checkout). The summariser is tuned on
half A only; half B is held out. --split parity (the default, the one tuned on): A holds the
articles on even lines of the file (0, 2, 4, ...), B those on odd lines. --split order, a second
split to check that the outcome holds: A is the first half of the file, B the rest. Without
--half, A, B and all are printed. Each article is built as Article(paragraphs=lines); summary
and reference are scored one sentence per line with rouge-score (use_stemmer=True): rouge1,
rouge2, rougeLsum. Lead-3 is the first three lines.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rouge_score import rouge_scorer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.model import Article  # noqa: E402
from analysis.summary import summarize_article  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "cnndm-dev" / "cnndm-dev.jsonl"
METRICS = ("rouge1", "rouge2", "rougeLsum")
SPLITS = ("parity", "order")


def lead3(article: Article) -> list[str]:
    return article.paragraphs[:3]


def half(rows: list[dict], which: str, split: str) -> list[dict]:
    """Half A or B of the rows under a split rule ("all": every row)."""
    if which == "all":
        return rows
    if split == "parity":
        return rows[0 if which == "A" else 1::2]
    middle = (len(rows) + 1) // 2
    return rows[:middle] if which == "A" else rows[middle:]


def score(rows: list[dict], system: Callable[[Article], list[str]]) -> list[dict[str, float]]:
    """ROUGE F1 (in %) of a system's summary of each row against its reference."""
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    scores = []
    for row in rows:
        summary = system(Article(paragraphs=list(row["lines"])))
        result = scorer.score("\n".join(row["reference"]), "\n".join(summary))
        scores.append({metric: 100 * result[metric].fmeasure for metric in METRICS})
    return scores


def report(name: str, rows: list[dict]) -> None:
    ours = score(rows, summarize_article)
    baseline = score(rows, lead3)
    means = [{m: sum(s[m] for s in scores) / len(rows) for m in METRICS}
             for scores in (ours, baseline)]
    print(f"{name} ({len(rows)} articles)")
    print(f"  {'system':<8}" + "".join(f"{m:>11}" for m in METRICS))
    for system, figures in zip(("byline", "lead-3"), means, strict=True):
        print(f"  {system:<8}" + "".join(f"{figures[m]:>11.2f}" for m in METRICS))
    print(f"  {'delta':<8}" + "".join(f"{means[0][m] - means[1][m]:>+11.2f}" for m in METRICS))
    better = sum(a["rouge1"] > b["rouge1"] for a, b in zip(ours, baseline, strict=True))
    worse = sum(a["rouge1"] < b["rouge1"] for a, b in zip(ours, baseline, strict=True))
    print(f"  rouge1 per article: byline better on {better}, worse on {worse}, "
          f"the same on {len(rows) - better - worse}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--half", choices=("A", "B"), help="only this half (default: A, B, all)")
    parser.add_argument("--split", choices=SPLITS, default="parity",
                        help="parity: A even lines, B odd (tuned on A); order: first/second half")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"no data set at {args.path}", file=sys.stderr)
        return 2
    text = args.path.read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line]
    started = time.perf_counter()
    for which in [args.half] if args.half else ["A", "B", "all"]:
        label = "all" if which == "all" else f"half {which} ({args.split} split)"
        report(label, half(rows, which, args.split))
    print(f"(summaries and scoring took {time.perf_counter() - started:.1f}s; "
          f"{args.path.name}; tuned on half A of the parity split)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
