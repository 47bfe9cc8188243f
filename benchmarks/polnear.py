"""Quote detection and quote+speaker pair F1 on the PolNeAR development articles.

Usage: python benchmarks/polnear.py [DIR] [--worst N] [--show NAME] [--style STYLE] [--half A|B]
Runs analysis.analyze(text, kind="text") on each NAME.txt of DIR (default ../shared/polnear-dev),
scores it against NAME.json with the shared scorer (../shared/tools/score_quotes.py, loaded at run
time) and prints micro-averaged figures (hits, predictions and gold summed over all articles).
--style retypes the articles' double quotes first, to measure other house styles on the same
gold (the scorer ignores quote marks): british-straight ('…', apostrophes unchanged) or
british-curly (‘…’, apostrophes as ’).
--half splits the articles (sorted by file name) in two: A the even positions (0, 2, …), the half
rules are tuned on, B the odd positions, held out to check that a change generalises.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import analyze  # noqa: E402

SHARED = ROOT.parent / "shared"


def load_scorer(shared: Path):
    """The shared scoring module, imported from its file."""
    path = shared / "tools" / "score_quotes.py"
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    if spec is None or spec.loader is None:
        raise SystemExit("cannot load the shared scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_DOUBLE_RE = re.compile(r'["“”]')


def retype(text: str, style: str) -> str:
    """The article with its double quotes set in another house style."""
    if style == "british-straight":
        return _DOUBLE_RE.sub("'", text)
    if style == "british-curly":
        text = text.replace("'", "’")
        return _DOUBLE_RE.sub(
            lambda m: "‘" if m.start() == 0 or text[m.start() - 1] in " \n\t([—–-" else "’", text)
    return text


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def articles(folder: Path, half: str = "") -> list[Path]:
    """The articles of folder in file-name order, or one half of them (A even, B odd)."""
    found = sorted(folder.glob("*.txt"))
    if half:
        return found["AB".index(half)::2]
    return found


def run(folder: Path, worst: int = 10, show: str = "", style: str = "",
        half: str = "") -> dict[str, float]:
    import json

    scorer = load_scorer(SHARED)
    totals = {"gold": 0, "pred": 0, "det_hits": 0, "det_found": 0, "pair_hits": 0, "pair_found": 0}
    rows = []
    for txt in articles(folder, half):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        pred = analyze(retype(txt.read_text(encoding="utf-8"), style), kind="text").to_dict()
        s = scorer.score(gold, pred)
        n_g, n_p = s["gold"], s["predicted"]
        totals["gold"] += n_g
        totals["pred"] += n_p
        totals["det_hits"] += round(s["detect_p"] * n_p)
        totals["det_found"] += round(s["detect_r"] * n_g)
        totals["pair_hits"] += round(s["pair_p"] * n_p)
        totals["pair_found"] += round(s["pair_r"] * n_g)
        lost = (n_g - round(s["pair_r"] * n_g)) + (n_p - round(s["pair_p"] * n_p))
        rows.append((lost, txt.stem, s))
        if show and show in txt.stem:
            golds = [(g["text"][:70], g["accept"]) for g in gold["quotes"]]
            print("GOLD:", *golds, sep="\n  ")
            print("PRED:", *[(q["text"][:70], q["speaker"][:60], q["cue"]) for q in pred["quotes"]],
                  sep="\n  ")
            print(json.dumps(s, ensure_ascii=False, indent=1))
    dp = totals["det_hits"] / totals["pred"] if totals["pred"] else 0.0
    dr = totals["det_found"] / totals["gold"] if totals["gold"] else 0.0
    pp = totals["pair_hits"] / totals["pred"] if totals["pred"] else 0.0
    pr = totals["pair_found"] / totals["gold"] if totals["gold"] else 0.0
    print(f"articles {len(rows)}  gold {totals['gold']}  predicted {totals['pred']}")
    print(f"detection  P {dp:.3f}  R {dr:.3f}  F1 {_f1(dp, dr):.3f}")
    print(f"pair       P {pp:.3f}  R {pr:.3f}  F1 {_f1(pp, pr):.3f}")
    if worst:
        print("worst articles (missed or wrong):")
        for lost, name, s in sorted(rows, reverse=True)[:worst]:
            print(f"  {lost:3d}  {name}  det {s['detect_f1']}  pair {s['pair_f1']}")
    return {"detect_f1": _f1(dp, dr), "pair_f1": _f1(pp, pr)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(SHARED / "polnear-dev"))
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--show", default="")
    parser.add_argument("--style", default="", choices=("", "british-straight", "british-curly"))
    parser.add_argument("--half", default="", choices=("", "A", "B"),
                        help="A: even-numbered articles (tuning), B: odd-numbered (held out)")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        raise SystemExit(f"no such folder: {folder}")
    run(folder, args.worst, args.show, args.style, args.half)


if __name__ == "__main__":
    main()
