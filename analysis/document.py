"""The document every stage of the engine reads: an article's paragraphs, their sentences and
words, and its quoted spans, each made once.

Quotes, people, reactions and summary all annotate this one object instead of splitting
sentences or finding quote marks each their own way.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .model import Article
from .quotes.marks import RawQuote, archive_quotes_as_double, blank_all_nicknames, find_quote_spans
from .text import sentence_spans
from .text.words import fold, words_of


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: where it stands and its text."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass
class Document:
    """An article as the engine reads it. `paragraphs` are the article's own; `marked` are the
    same paragraphs, same lengths, as the quote finder reads them (nicknames in names blanked,
    archive '' quotes as double marks), so offsets into either agree.

    The sentences, which every stage reads, are made with the document; the quoted spans and
    the folded text when first asked for. (Plain attributes and properties, not
    functools.cached_property: the compiled engine reads them as C slots.)"""

    article: Article
    paragraphs: list[str] = field(init=False)
    marked: list[str] = field(init=False)
    # (start, end) of the sentences of each paragraph (split where the quote finder reads
    # them, so that a sentence boundary and a quote mark never disagree)
    sentence_spans: list[list[tuple[int, int]]] = field(init=False, repr=False)
    sentences: list[Sentence] = field(init=False, repr=False)  # in reading order
    # (paragraph, start) of every sentence, in reading order: bisect it to find the sentence
    # an offset is in
    sentence_starts: list[tuple[int, int]] = field(init=False, repr=False)
    lead: int = field(init=False)  # the paragraph that opens the story
    headline: str = field(init=False)  # what the story is about, as its headline says it
    opening: list[Sentence] = field(init=False, repr=False)  # its first sentences after that
    _first_sentence: list[int] = field(init=False, repr=False)
    _sentence_ends: list[list[int]] = field(init=False, repr=False)
    _quote_spans: list[RawQuote] | None = field(init=False, repr=False)
    _quote_spans_by_paragraph: dict[int, list[RawQuote]] | None = field(init=False, repr=False)
    _folded: str | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.paragraphs = paragraphs = self.article.paragraphs
        self.marked = blank_all_nicknames(archive_quotes_as_double(paragraphs))
        self.sentence_spans = [sentence_spans(text) if text is paragraphs[p] else
                               [self._widened(p, s, e) for s, e in sentence_spans(text)]
                               for p, text in enumerate(self.marked)]
        self.sentences = [Sentence(p, s, e, paragraphs[p][s:e])
                          for p, spans in enumerate(self.sentence_spans) for s, e in spans]
        self.sentence_starts = [(s.paragraph, s.start) for s in self.sentences]
        starts, n = [], 0
        for spans in self.sentence_spans:
            starts.append(n)
            n += len(spans)
        self._first_sentence = [*starts, n]
        self._sentence_ends = [[e for _, e in spans] for spans in self.sentence_spans]
        self.lead = self._lead()
        self.headline = self._headline() if paragraphs else ""
        self.opening = self._opening() if paragraphs else []
        self._quote_spans = self._quote_spans_by_paragraph = self._folded = None

    def _widened(self, p: int, start: int, end: int) -> tuple[int, int]:
        """A sentence of the marked text, widened over an archive quote's outer apostrophe that
        the marking made a space ("''Yes,'' he said." is read as ' "Yes," he said.')."""
        original, marked = self.paragraphs[p], self.marked[p]
        if start and marked[start - 1] == " " and original[start - 1] in "'’‘":
            start -= 1
        if end < len(marked) and marked[end] == " " and original[end] in "'’":
            end += 1
        return start, end

    @property
    def quote_spans(self) -> list[RawQuote]:
        """Every quoted span, in reading order (found once, for quotes and reactions alike)."""
        if self._quote_spans is None:
            self._quote_spans = find_quote_spans(self.marked)
        return self._quote_spans

    @property
    def quote_spans_by_paragraph(self) -> dict[int, list[RawQuote]]:
        if self._quote_spans_by_paragraph is None:
            found: dict[int, list[RawQuote]] = {}
            for span in self.quote_spans:
                found.setdefault(span.paragraph, []).append(span)
            self._quote_spans_by_paragraph = found
        return self._quote_spans_by_paragraph

    def sentences_of(self, paragraph: int) -> list[Sentence]:
        """The sentences of one paragraph."""
        return self.sentences[self._first_sentence[paragraph]:
                              self._first_sentence[paragraph + 1]]

    def sentences_ended_by(self, paragraph: int, offset: int) -> int:
        """How many sentences of a paragraph end at or before offset."""
        return bisect_right(self._sentence_ends[paragraph], offset)

    @property
    def folded(self) -> str:
        """All paragraphs, folded for comparison (lower case, accents dropped), one per line."""
        if self._folded is None:
            self._folded = fold("\n".join(self.paragraphs))
        return self._folded

    def words(self, sentence: Sentence) -> list[str]:
        """The folded words of a sentence, possessive 's dropped."""
        return words_of(fold(sentence.text))

    def _headline(self) -> str:
        """The title, or with no title (copy that starts with its story) the story's opening
        sentence."""
        if self.article.title:
            return self.article.title
        opening = self.sentences_of(self.lead)
        return opening[0].text if opening else ""

    def _opening(self) -> list[Sentence]:
        """The lead paragraph's sentences, less the sentence that stands for a missing
        headline, else the next paragraph's."""
        sentences = self.sentences_of(self.lead)
        if self.article.title or not sentences:
            return sentences
        return sentences[1:] or (self.sentences_of(self.lead + 1)
                                 if self.lead + 1 < len(self.paragraphs) else [])

    def _lead(self) -> int:
        """The first paragraph of at least twelve words."""
        for i, p in enumerate(self.paragraphs):
            if len(p.split()) >= 12:
                return i
        return 0
