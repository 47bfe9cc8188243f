"""The engine's stages, run in order over one document: people and quotes, reactions, summary.
Each stage reads the same `Document` and `People`."""

from __future__ import annotations

from .document import Document
from .model import Analysis, Article
from .people import People
from .quotes import extract_quotes
from .reactions import find_reactions
from .summary import summarize


def run(article: Article) -> Analysis:
    """Analyse a parsed article."""
    doc = Document(article)
    people = People(doc)
    found = extract_quotes(doc, people)
    reactions = find_reactions(doc, people, found)
    summary = summarize(doc)
    return Analysis(article, summary, found.speakers, found.quotes, reactions)
