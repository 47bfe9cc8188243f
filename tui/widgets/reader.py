"""The Reader pane: dateline, byline and body, each quote highlighted with its speaker shown.

The body is one widget per paragraph, so moving to another quote restyles two paragraphs (the
old and the new current one) and scrolls only when the quote is out of view; nothing is
re-parsed, re-read or laid out again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tui.safe_text import clean_mapped, one_line

if TYPE_CHECKING:
    from analysis.model import Analysis, Quote, Speaker
    from store.records import ArticleRef

CLOSING_MARKS = "\"'”’»"
_CHUNK = re.compile(r"\S+\s*")
_SENTENCE_END = re.compile(r"[.!?…][”’\"')]*\s+")
SENTENCE_WINDOW = 240  # characters either side of a quote searched for its speaker's name


class KeptTogether:
    """A Text that wraps like any other, except that no line breaks inside the given spans
    (the speaker tags: "‹Ana" at the end of a line and "Lopez›" on the next reads badly)."""

    def __init__(self, text: Text, spans: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.spans = list(spans)
        self._broken: tuple[int, Text] | None = None

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.broken(options.max_width)

    def broken(self, width: int) -> Text:
        """The text with line breaks where it wraps at width, none inside a kept span."""
        if self._broken is not None and self._broken[0] == width:
            return self._broken[1]
        plain = self.text.plain
        offsets: list[int] = []
        line_start = 0
        for line in plain.split("\n"):
            offsets.extend(self._breaks(line, line_start, width))
            line_start += len(line) + 1
            if line_start <= len(plain):
                offsets.append(line_start)
        lines = self.text.divide(sorted(set(offsets)))
        pieces = []
        for line in lines:
            piece = line.copy()
            piece.rstrip()  # the space (or newline) a break replaced
            pieces.append(piece)
        broken = Text("\n").join(pieces)
        broken.end = "\n"  # Textual counts a paragraph's lines by its line ends
        self._broken = (width, broken)
        return broken

    def _breaks(self, line: str, offset: int, width: int) -> list[int]:
        """Offsets (into the whole text) where a greedy wrap of line breaks it."""
        words: list[tuple[int, int]] = []
        for match in _CHUNK.finditer(line):
            start, end = match.start() + offset, match.end() + offset
            if words and any(a < start < b for a, b in self.spans):
                words[-1] = (words[-1][0], end)  # inside a kept span: one word with the last
            else:
                words.append((start, end))
        plain = self.text.plain
        breaks, column = [], 0
        for start, end in words:
            word = plain[start:end]
            if column and column + cell_len(word.rstrip()) > width:
                breaks.append(start)
                column = 0
            column += cell_len(word)
        return breaks


def source_host(url: str) -> str:
    """The host of an http(s) link, without "www." ("" for anything else)."""
    if not url.startswith(("http://", "https://")):
        return ""
    host = url.split("://", 1)[1].split("/", 1)[0].split("@")[-1].split(":")[0]
    return one_line(host.removeprefix("www."))


def _at(mapping: list[int], offset: int) -> int:
    """mapping[offset], offsets past the end clamped to the end."""
    return mapping[min(max(offset, 0), len(mapping) - 1)]


class Paragraph(Widget):
    """One paragraph of the body. A new highlight only restyles it: same text, same size, so
    it repaints without a layout pass over the whole article."""

    def __init__(self) -> None:
        super().__init__(classes="paragraph")
        self._text: Text | KeptTogether = Text()

    def show(self, text: Text, kept: Sequence[tuple[int, int]] = (), *,
             same_size: bool = False) -> None:
        # Without a tag to keep whole, plain Text: Textual wraps it on its own fast path.
        self._text = KeptTogether(text, kept) if kept else text
        self.refresh(layout=not same_size)

    def render(self) -> Text | KeptTogether:
        return self._text


def names_in(speaker: Speaker | None, fallback: str) -> list[str]:
    """The ways a sentence may name a speaker: full name, aliases, surname."""
    if speaker is None:
        return [fallback] if fallback else []
    names = [speaker.name, *speaker.aliases]
    if speaker.kind == "person" and len(speaker.name.split()) > 1:
        names.append(speaker.name.split()[-1])
    return [n for n in names if len(n) > 2]


def sentence_around(body: str, start: int, end: int) -> str:
    """The text of the sentence holding body[start:end] (a quote), the quote left out: from
    the end of the sentence before it to the end of the one it closes."""
    before = body[max(start - SENTENCE_WINDOW, 0):start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    after = body[end:end + SENTENCE_WINDOW]
    found = _SENTENCE_END.search(after)
    if found:
        after = after[:found.start()]
    return f"{before} {after}"


def gives_name(sentence: str, names: Sequence[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence) for name in names)


class ReaderPane(VerticalScroll):
    """The article body; scrolls to and highlights the current quote or evidence sentence."""

    BINDING_GROUP_TITLE = "Reader"
    HELP = """
    The article text. Quotes are highlighted; a tag ‹Name› after a quote names its speaker
    when the sentence does not (t hides the tags). The current quote (or the evidence of
    the current reaction) stands out.
    """
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("shift+space", "page_up", "Page up", show=False),
    ]
    COMPONENT_CLASSES = {
        "reader--title",
        "reader--meta",
        "reader--quote",
        "reader--quote-current",
        "reader--speaker",
        "reader--evidence",
        "reader--hint",
    }

    speaker_tags: reactive[bool] = reactive(True, init=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.analysis: Analysis | None = None
        self.ref: ArticleRef | None = None
        self.current_quote = ""  # Quote.id ("qN") of the highlighted quote
        self.evidence: tuple[int, int, int] | None = None  # paragraph, start, end
        self.advertised: list[str] = []  # feeds the article's page names, not followed yet
        self._quotes_by_paragraph: dict[int, list[Quote]] = {}
        self._speakers: dict[str, Speaker] = {}
        self._header = Static(id="reader-header")
        self._paragraphs: list[Paragraph] = []
        self._placeholder = Static(Text("Opening the store…"), classes="reader-empty")

    def compose(self):
        yield self._header
        yield self._placeholder

    def show_article(self, ref: ArticleRef | None, analysis: Analysis | None,
                     advertised: Sequence[str] = ()) -> None:
        """Replace the text with another article (or nothing) and scroll to its top."""
        self.ref, self.analysis = ref, analysis
        self.advertised = list(advertised)
        self.current_quote = ""
        self.evidence = None
        self._quotes_by_paragraph = {}
        self._speakers = {s.id: s for s in analysis.speakers} if analysis else {}
        paragraphs = list(analysis.article.paragraphs) if analysis else []
        if analysis:
            for quote in analysis.quotes:
                self._quotes_by_paragraph.setdefault(quote.paragraph, []).append(quote)
            for quotes in self._quotes_by_paragraph.values():
                quotes.sort(key=lambda q: q.start)
        self._header.update(self._header_text())
        self._placeholder.display = analysis is None
        # Reuse the paragraph widgets already mounted; mount or remove only the difference.
        while len(self._paragraphs) > len(paragraphs):
            self._paragraphs.pop().remove()
        new = [Paragraph() for _ in range(len(self._paragraphs), len(paragraphs))]
        self._paragraphs.extend(new)
        for index, widget in enumerate(self._paragraphs):
            widget.show(*self._paragraph(index))
        if new:
            self.mount_all(new)
        self.scroll_home(animate=False, immediate=True)

    def show_advertised(self, feeds: Sequence[str]) -> None:
        """The feeds the page names and that are not followed (yet), in the header."""
        self.advertised = list(feeds)
        self._header.update(self._header_text())

    def show_note(self, note: str) -> None:
        """What the empty reader says (while the store opens, or when it has no articles)."""
        self._placeholder.update(Text(note))

    def watch_speaker_tags(self) -> None:
        for index, widget in enumerate(self._paragraphs):
            widget.show(*self._paragraph(index))

    def highlight_quote(self, quote: Quote | None, *, scroll: bool = True) -> None:
        """Make quote the current one (None: no current quote) and bring it into view."""
        changed = {self._paragraph_of(self.current_quote)}
        if self.evidence:
            changed.add(self.evidence[0])
        self.current_quote = quote.id if quote else ""
        self.evidence = None
        if quote:
            changed.add(quote.paragraph)
        self._rerender(changed)
        if quote and scroll:
            self._scroll_to_paragraph(quote.paragraph)

    def highlight_evidence(self, paragraph: int, sentence: str) -> None:
        """Highlight sentence in paragraph (the whole paragraph if it is not found there)."""
        if self.analysis is None or not 0 <= paragraph < len(self.analysis.article.paragraphs):
            return
        changed = {self._paragraph_of(self.current_quote), paragraph}
        if self.evidence:
            changed.add(self.evidence[0])
        body = self.analysis.article.paragraphs[paragraph]
        start = body.find(sentence) if sentence else -1
        end = start + len(sentence)
        if start < 0:
            start, end = 0, len(body)
        self.evidence = (paragraph, start, end)
        self.current_quote = ""
        self._rerender(changed)
        self._scroll_to_paragraph(paragraph)

    def header_text(self) -> str:
        """The header as shown: title, then where the article is from."""
        return self._header_text().plain

    def paragraph_text(self, index: int) -> str:
        """What paragraph index shows, as plain text (for tests and copy)."""
        return self._paragraph_text(index).plain

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._restyle, init=False)

    def on_resize(self, event: events.Resize) -> None:
        """Keep the same text in view when the pane changes size: the current quote or
        evidence, else the paragraph that was at the top."""
        focus = self._paragraph_of(self.current_quote)
        if focus < 0 and self.evidence:
            focus = self.evidence[0]
        if focus >= 0:
            self.call_after_refresh(self._scroll_to_paragraph, focus, True)
            return
        top = round(self.scroll_y)
        for index, widget in enumerate(self._paragraphs):
            region = widget.virtual_region
            if region.y + region.height > top and top > 0:
                self.call_after_refresh(self._scroll_to_top_of, index)
                break

    def scroll_when_laid_out(self, y: float, tries: int = 5) -> None:
        """Scroll to y once the text just shown is laid out far enough to reach it."""
        if y > self.max_scroll_y and tries > 0:
            self.call_after_refresh(self.scroll_when_laid_out, y, tries - 1)
            return
        self.scroll_to(y=y, animate=False, immediate=True)

    def _scroll_to_top_of(self, index: int) -> None:
        if 0 <= index < len(self._paragraphs):
            self.scroll_to(y=self._paragraphs[index].virtual_region.y, animate=False,
                           immediate=True)

    def _restyle(self) -> None:
        """Spans carry resolved colours: rebuild them after a theme switch."""

        def apply() -> None:
            self._header.update(self._header_text())
            self._rerender(set(range(len(self._paragraphs))))

        self.call_after_refresh(apply)

    def _speaker_name(self, quote: Quote) -> str:
        speaker = self._speakers.get(quote.speaker_id)
        return one_line(speaker.name if speaker else quote.speaker) or "unattributed"

    def _paragraph_of(self, quote_id: str) -> int:
        for index, quotes in self._quotes_by_paragraph.items():
            if any(q.id == quote_id for q in quotes):
                return index
        return -1

    def _rerender(self, indexes: set[int]) -> None:
        for index in indexes:
            if 0 <= index < len(self._paragraphs):
                self._paragraphs[index].show(*self._paragraph(index), same_size=True)

    def _scroll_to_paragraph(self, index: int, always: bool = False) -> None:
        """Centre paragraph index, unless it is already wholly in view (then stay still)."""
        if not 0 <= index < len(self._paragraphs):
            return
        widget = self._paragraphs[index]
        if not widget.outer_size.height:  # not laid out yet (the article was just opened)
            self.call_after_refresh(self.scroll_to_center, widget, animate=False, immediate=True)
            return
        top = widget.virtual_region.y
        bottom = top + widget.outer_size.height
        view_top = round(self.scroll_y)
        if not always and view_top <= top and bottom <= (
                view_top + self.scrollable_content_region.height):
            return
        self.scroll_to_center(widget, animate=False, immediate=True)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _header_text(self) -> Text:
        if self.analysis is None:
            return Text()
        article = self.analysis.article
        text = Text()
        # Copy without a headline opens with its story: the header holds only where it is from.
        if article.title:
            text.append(one_line(article.title), style=self._style("reader--title"))
        meta = [one_line(part) for part in (article.dateline, article.byline) if part]
        published = article.published or (self.ref.published if self.ref else "")
        if published:
            meta.append(one_line(published[:16].replace("T", " ")))
        # A feed's title, or with no headline to go by, where the article came from
        site = one_line(self.ref.site) if self.ref and (self.ref.feed_url or not article.title) \
            else ""
        host = source_host(self.ref.link if self.ref and self.ref.link else article.url)
        meta.extend(part for part in (site, host) if part)
        if meta:
            text.append("\n" if text else "")
            text.append(" · ".join(dict.fromkeys(meta)), style=self._style("reader--meta"))
        if not text:
            text.append("(untitled)", style=self._style("reader--title"))
        if self.advertised:
            count = len(self.advertised)
            text.append("\n")
            text.append(f"This site has {count} feed{'s' * (count != 1)} you do not follow: "
                        "+ follows " + ("them" if count != 1 else "it") + ", so its coverage "
                        "shows among the related entries.", style=self._style("reader--hint"))
        return text

    def _paragraph_text(self, index: int) -> Text:
        return self._paragraph(index)[0]

    def _paragraph(self, index: int) -> tuple[Text, list[tuple[int, int]]]:
        """Paragraph index as styled text, and the spans of its speaker tags."""
        if self.analysis is None or index >= len(self.analysis.article.paragraphs):
            return Text(), []
        # Quote offsets index the stored paragraph: map them onto its cleaned text.
        body, position = clean_mapped(self.analysis.article.paragraphs[index])
        text = Text()
        inserted: list[tuple[int, int]] = []  # (body offset, length) of each speaker tag
        tags: list[tuple[int, int]] = []  # where each tag stands in text
        cursor = 0
        for quote in self._quotes_by_paragraph.get(index, []):
            start = max(_at(position, quote.start), cursor)
            end = min(_at(position, quote.end), len(body))
            if start >= end:
                continue
            text.append(body[cursor:start])
            current = quote.id == self.current_quote
            style = "reader--quote-current" if current else "reader--quote"
            text.append(body[start:end], style=self._style(style))
            # The tag goes after the closing mark ("generation,” ‹Ana Lopez›").
            after = end
            while after < len(body) and after - end < 2 and body[after] in ",.;:!?…":
                after += 1
            if after < len(body) and body[after] in CLOSING_MARKS:
                text.append(body[end:after + 1])
                end = after + 1
            if self.speaker_tags and not gives_name(
                    sentence_around(body, start, end),
                    names_in(self._speakers.get(quote.speaker_id), quote.speaker)):
                label = f" ‹{self._speaker_name(quote)}›"
                tags.append((len(text.plain) + 1, len(text.plain) + len(label)))
                text.append(label, style=self._style("reader--speaker"))
                inserted.append((end, len(label)))
            cursor = end
        text.append(body[cursor:])
        if self.evidence and self.evidence[0] == index:
            ev_start, ev_end = _at(position, self.evidence[1]), _at(position, self.evidence[2])

            def shifted(offset: int) -> int:
                return offset + sum(size for at, size in inserted if at < offset)

            text.stylize(self._style("reader--evidence"), shifted(ev_start), shifted(ev_end))
        return text, tags
