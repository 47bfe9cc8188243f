"""On the CNN/DailyMail sample the summariser does not lose to Lead-3 on ROUGE-1, ROUGE-2 or
ROUGE-Lsum F1: on the half it was not tuned on (odd lines), on all of it, and on both halves of a
second split (first and second half of the file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.model import Article
from analysis.summary import summarize_article

METRICS = ("rouge1", "rouge2", "rougeLsum")


def test_does_not_lose_to_lead3(shared: Path) -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    path = shared / "cnndm-dev" / "cnndm-dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    ours: list[dict[str, float]] = []
    lead: list[dict[str, float]] = []
    for row in rows:
        reference = "\n".join(row["reference"])
        summary = summarize_article(Article(paragraphs=list(row["lines"])))
        assert 1 <= len(summary) <= 5
        for scores, sentences in ((ours, summary), (lead, row["lines"][:3])):
            result = scorer.score(reference, "\n".join(sentences))
            scores.append({metric: result[metric].fmeasure for metric in METRICS})
    middle = (len(rows) + 1) // 2
    subsets = {"held-out half B": range(1, len(rows), 2), "all": range(len(rows)),
               "first half": range(middle), "second half": range(middle, len(rows))}
    for name, indices in subsets.items():
        for metric in METRICS:
            mine = sum(ours[i][metric] for i in indices)
            theirs = sum(lead[i][metric] for i in indices)
            assert mine > theirs, f"{metric} on {name}: {mine:.3f} <= {theirs:.3f}"
