"""Reactions on the hand-annotated real articles: recall, precision, F1 and stance accuracy.

Usage: python benchmarks/reactions.py [--half A|B] [--show NAME] [--worst N]
Runs analysis.analyze(text, kind="text") on each article of ../shared/reactions-dev (its text
is ../shared/polnear-dev/NAME.txt), writes the `analyze --json` outputs to a temporary folder
and scores them with the shared scorer (../shared/tools/score_reactions.py, loaded at run time),
as reactions-dev/README.md says. The articles are split into two halves by sorted name (even
positions A, odd B): rules are tuned looking at A only, and B shows whether they hold on
articles they were not made for. Without --half it prints A, B and all.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import analyze  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "reactions-dev"
TEXTS = SHARED / "polnear-dev"


def load_scorer():
    """The shared scoring module, imported from its file."""
    path = SHARED / "tools" / "score_reactions.py"
    spec = importlib.util.spec_from_file_location("score_reactions", path)
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load the shared scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def halves() -> dict[str, list[str]]:
    names = sorted(p.stem for p in GOLD.glob("*.json"))
    return {"A": names[0::2], "B": names[1::2], "all": names}


def score(scorer, names: list[str], predictions: Path) -> str:
    """The scorer's summary line for these articles."""
    with tempfile.TemporaryDirectory() as gold:
        for name in names:
            (Path(gold) / f"{name}.json").symlink_to(GOLD / f"{name}.json")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            scorer.main(gold, str(predictions), 0.0)
    return out.getvalue().strip().splitlines()[-1]


def show(name: str, predictions: Path) -> None:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    pred = json.loads((predictions / f"{name}.json").read_text(encoding="utf-8"))
    print(f"principal: {gold['principal']}")
    print("gold:")
    for e in gold["expected"]:
        print(f"  {'/'.join(e['actor']):30} {'/'.join(e['stance']):22} {e['evidence'][:90]}")
    print("predicted:")
    for r in pred["reactions"]:
        print(f"  {r['actor'][:30]:30} {r['stance']:22} {r['text'][:90]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("A", "B"))
    parser.add_argument("--show", metavar="NAME",
                        help="gold and predicted reactions of one article")
    args = parser.parse_args(argv)
    if not GOLD.is_dir():
        print(f"no reactions gold at {GOLD}", file=sys.stderr)
        return 2
    scorer = load_scorer()
    sets = halves()
    with tempfile.TemporaryDirectory() as folder:
        predictions = Path(folder)
        for name in sets["all"]:
            text = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
            result = analyze(text, kind="text").to_dict()
            (predictions / f"{name}.json").write_text(json.dumps(result), encoding="utf-8")
        if args.show:
            show(args.show, predictions)
            return 0
        for label in ([args.half] if args.half else ["A", "B", "all"]):
            print(f"{label:>3}: {score(scorer, sets[label], predictions)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
