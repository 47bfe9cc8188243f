"""What the quote tests share: quotes and speakers of paragraphs written in a test, with the
offsets contract checked on every quote, and each quote's speaker name."""

from __future__ import annotations

from analysis.document import Document
from analysis.model import Article, Quote, Speaker
from analysis.people import People
from analysis.quotes import extract_quotes


def quotes_of(article: Article) -> tuple[list[Quote], list[Speaker]]:
    """The quote stage alone on an article: its quotes and their speakers."""
    doc = Document(article)
    found = extract_quotes(doc, People(doc))
    return found.quotes, found.speakers


def run(*paragraphs: str) -> tuple[list[Quote], list[Speaker]]:
    """extract_quotes of an article of these paragraphs (its title is not read there)."""
    article = Article(title="A story under test", paragraphs=list(paragraphs))
    quotes, speakers = quotes_of(article)
    for q in quotes:
        assert article.paragraphs[q.paragraph][q.start:q.end] == q.text
        assert q.speaker_id == "" or any(
            s.id == q.speaker_id and s.label == q.speaker for s in speakers)
    return quotes, speakers


def speaker_names(quotes: list[Quote], speakers: list[Speaker]) -> list[str]:
    """The speaker name of each quote, "" for an unattributed one."""
    by_id = {s.id: s.name for s in speakers}
    return [by_id.get(q.speaker_id, "") for q in quotes]
