"""Where the reader has been: a browser's back list of articles, each with its scroll and quote."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PLACES = 100


@dataclass(frozen=True)
class Place:
    """An article as the reader left it."""

    article_id: str
    title: str = ""
    scroll_y: float = 0.0  # the reader pane's scroll
    quote_id: str = ""  # "qN" under the quotes cursor, "" for none
    pane: str = ""  # id of the pane that had focus


class History:
    """Places to go back to, newest last; the same article twice in a row is kept once."""

    def __init__(self) -> None:
        self._places: list[Place] = []

    def push(self, place: Place) -> None:
        if self._places and self._places[-1].article_id == place.article_id:
            self._places[-1] = place
        else:
            self._places.append(place)
        del self._places[:-MAX_PLACES]

    def pop(self) -> Place | None:
        return self._places.pop() if self._places else None

    def peek(self) -> Place | None:
        return self._places[-1] if self._places else None

    def forget(self, article_id: str) -> None:
        """Drop an article that is gone from the store."""
        self._places = [p for p in self._places if p.article_id != article_id]

    def __len__(self) -> int:
        return len(self._places)
