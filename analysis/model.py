"""The analysis engine's data: plain dataclasses, serialisable to the `analyze --json` shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .stances import STANCE_NAMES

SpeakerKind = Literal["person", "organisation", "anonymous"]
Stance = str  # one of STANCES
STANCES: tuple[str, ...] = STANCE_NAMES  # in the registry's order (analysis.stances)


@dataclass
class Article:
    """A parsed article: metadata plus body paragraphs with page furniture removed."""

    title: str = ""
    byline: str = ""
    dateline: str = ""
    published: str = ""  # ISO 8601 date or datetime, "" when unknown
    paragraphs: list[str] = field(default_factory=list)
    url: str = ""


@dataclass
class Speaker:
    id: str  # "s1", "s2", ... in order of first quote
    name: str  # canonical full name ("Irena Vasko") or description ("A senior diplomat")
    role: str = ""  # from titles and appositives
    kind: SpeakerKind = "person"
    aliases: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Name and role as one display string ("Lena Morrow, head of ...")."""
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass
class Quote:
    id: str  # "q1", "q2", ... in reading order
    text: str  # without the quote marks
    speaker: str  # display label of the speaker: name, then role when known
    speaker_id: str  # Speaker.id, "" when unattributed
    paragraph: int  # index into Article.paragraphs
    start: int  # offsets of text in paragraphs[paragraph]
    end: int
    cue: str = ""  # the attribution cue ("said", "according to", ":")


@dataclass
class Reaction:
    actor: str
    stance: Stance
    text: str  # the evidence sentence
    paragraph: int
    responds_to: str = ""  # a quote id, "" when none is identifiable


@dataclass
class Analysis:
    article: Article
    summary: list[str] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The `byline analyze --json` object."""
        art = self.article
        return {
            "title": art.title,
            "byline": art.byline,
            "dateline": art.dateline,
            "published": art.published,
            "url": art.url,
            "paragraphs": list(art.paragraphs),
            "summary": list(self.summary),
            "speakers": [asdict(s) for s in self.speakers],
            "quotes": [asdict(q) for q in self.quotes],
            "reactions": [asdict(r) for r in self.reactions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        article = Article(
            title=data.get("title", ""),
            byline=data.get("byline", ""),
            dateline=data.get("dateline", ""),
            published=data.get("published", ""),
            paragraphs=list(data.get("paragraphs", [])),
            url=data.get("url", ""),
        )
        return cls(
            article=article,
            summary=list(data.get("summary", [])),
            speakers=[Speaker(**s) for s in data.get("speakers", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            reactions=[Reaction(**r) for r in data.get("reactions", [])],
        )
