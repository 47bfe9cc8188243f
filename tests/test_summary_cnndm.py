"""On the CNN/DailyMail sample the summariser beats Lead-3 on ROUGE-1 and ROUGE-Lsum F1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.model import Article
from analysis.summary import summarize_article


def test_beats_lead3(shared: Path) -> None:
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    path = shared / "cnndm-dev" / "cnndm-dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rougeLsum"], use_stemmer=True)
    ours = {"rouge1": 0.0, "rougeLsum": 0.0}
    lead = {"rouge1": 0.0, "rougeLsum": 0.0}
    for row in rows:
        reference = "\n".join(row["reference"])
        summary = summarize_article(Article(paragraphs=list(row["lines"])))
        assert 1 <= len(summary) <= 5
        for totals, sentences in ((ours, summary), (lead, row["lines"][:3])):
            result = scorer.score(reference, "\n".join(sentences))
            for metric in totals:
                totals[metric] += result[metric].fmeasure
    for metric in ours:
        assert ours[metric] > lead[metric], metric
