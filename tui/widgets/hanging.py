"""A text wrapped under its own first word, with a marker in the margin ("★ “A quote that goes
on / and on”"): what a two-column grid table draws, at a fraction of its cost (lists redraw
their highlighted entries on every cursor move)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text


class Hanging:
    """body wrapped to the width left of a margin; marker in the margin of the first line."""

    def __init__(self, marker: Text | str, body: Text, margin: int = 2) -> None:
        self.marker = marker if isinstance(marker, Text) else Text(marker)
        self.body = body
        self.margin = margin

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        inner = Measurement.get(console, options, self.body)
        return Measurement(inner.minimum + self.margin, inner.maximum + self.margin)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - self.margin, 1)
        lines = self.body.wrap(console, width)
        blank = Segment(" " * self.margin)
        marker = self.marker.copy()
        marker.truncate(self.margin, pad=True)
        for index, line in enumerate(lines):
            if index == 0:
                yield from marker.render(console)
            else:
                yield blank
            line.end = ""
            yield from line.render(console)
            yield Segment.line()

    @property
    def plain(self) -> str:
        """The text as shown on one line (for tests and search)."""
        return f"{set_cell_size(self.marker.plain, self.margin)}{self.body.plain}" if cell_len(
            self.marker.plain) else f"{' ' * self.margin}{self.body.plain}"
