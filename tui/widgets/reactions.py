"""The Reactions pane: actor, a stance badge and the gist; then entries from related feeds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from analysis.model import STANCES
from tui.messages import ArticleChosen, ReactionHighlighted
from tui.safe_text import one_line
from tui.widgets.hanging import Hanging

if TYPE_CHECKING:
    from analysis.model import Reaction
    from store.records import RelatedEntry

FORWARD_MARK = "▸"
RELATED_PREFIX = "related:"
GIST_WIDTH = 240  # characters of an evidence sentence shown as the gist (the card wraps)


def gist(sentence: str) -> str:
    """The evidence sentence, cut (at a word boundary, never inside a word) when very long."""
    text = one_line(sentence)
    if len(text) <= GIST_WIDTH:
        return text
    cut = text[:GIST_WIDTH]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—-") + "…"


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.casefold())


def _contains_words(words: list[str], name: list[str]) -> bool:
    """True when the word sequence name occurs in words."""
    span = len(name)
    return any(words[i:i + span] == name for i in range(len(words) - span + 1))


class ReactionList(OptionList):
    """Reactions of the open article, the ones answering the current quote brought forward."""

    BINDING_GROUP_TITLE = "Reactions"
    HELP = """
    Who reacted and how: a stance badge (warns, distances, clarifies, defends, criticises,
    supports, analyses), the actor and the gist. Reactions to the current quote (or by its
    speaker) come first, marked ▸. Moving onto a reaction highlights its evidence in the
    reader. Below: related feed entries; Enter opens one.
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]
    COMPONENT_CLASSES = {f"stance--{stance}" for stance in STANCES} | {
        "reactions--actor", "reactions--heading", "reactions--forward",
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._reactions: list[Reaction] = []
        self._related: list[RelatedEntry] = []
        self._forward: set[int] = set()

    def show_reactions(self, reactions: Sequence[Reaction],
                       related: Sequence[RelatedEntry]) -> None:
        self._reactions = list(reactions)
        self._related = list(related)
        self._forward = set()
        self._rebuild()

    def show_related(self, related: Sequence[RelatedEntry]) -> None:
        """Fill in the related entries below the reactions, keeping the cursor's reaction."""
        if not related and not self._related:
            return
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self._related = list(related)
        self._rebuild()
        if highlighted and any(option.id == highlighted for option in self.options):
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = self.get_option_index(highlighted)

    def bring_forward(self, quote_id: str, speaker_names: Sequence[str]) -> list[int]:
        """Move the reactions that respond to quote_id, or whose actor is the quote's speaker
        (one of speaker_names, as words of the actor: "Opposition leader Carla Diaz"), to the
        top and mark them; returns their indexes."""
        names = [_words(n) for n in speaker_names if len(n.strip()) > 2]
        forward = {
            index for index, reaction in enumerate(self._reactions)
            if (quote_id and reaction.responds_to == quote_id)
            or any(_contains_words(_words(reaction.actor), name) for name in names)
        }
        if forward != self._forward:
            self._forward = forward
            self._rebuild()
        return sorted(forward)

    @property
    def order(self) -> list[int]:
        """Reaction indexes in display order."""
        return sorted(range(len(self._reactions)), key=lambda i: (i not in self._forward, i))

    @property
    def forward(self) -> set[int]:
        return set(self._forward)

    def _rebuild(self) -> None:
        options: list[Option] = []
        for index in self.order:
            options.append(Option(self._reaction_prompt(index), id=f"reaction:{index}"))
        if not self._reactions:
            options.append(Option(Text("No reactions found.", style="dim"), disabled=True))
        if self._related:
            heading = Text("Related", style=self.get_component_rich_style(
                "reactions--heading", partial=True))
            options.append(Option(heading, disabled=True))
            for entry in self._related:
                options.append(Option(self._related_prompt(entry),
                                      id=f"{RELATED_PREFIX}{entry.id}"))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)

    def _reaction_prompt(self, index: int) -> Text:
        reaction = self._reactions[index]
        text = Text()
        if index in self._forward:
            text.append(f"{FORWARD_MARK} ", style=self.get_component_rich_style(
                "reactions--forward", partial=True))
        stance = reaction.stance if reaction.stance in STANCES else "analyses"
        text.append(f" {stance} ", style=self.get_component_rich_style(
            f"stance--{stance}", partial=True))
        text.append(" ")
        text.append(one_line(reaction.actor) or "Unknown", style=self.get_component_rich_style(
            "reactions--actor", partial=True))
        text.append("\n")
        text.append(gist(reaction.text))
        return text

    def _related_prompt(self, entry: RelatedEntry) -> Hanging:
        """↗ and the title, wrapped under itself; the source below, dim."""
        body = Text(one_line(entry.title) or "(untitled)")
        if entry.site:
            body.append("\n")
            body.append(one_line(entry.site), style="dim")
        return Hanging(Text("↗", style="dim"), body)

    @property
    def related_ids(self) -> list[str]:
        return [entry.id for entry in self._related]

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._restyle, init=False)

    def _restyle(self) -> None:
        """Badges carry resolved colours: re-render them after a theme switch."""

        def apply() -> None:
            for option in self.options:
                if option.id and option.id.startswith("reaction:"):
                    index = int(option.id.split(":", 1)[1])
                    self.replace_option_prompt(option.id, self._reaction_prompt(index))

        self.call_after_refresh(apply)

    @on(OptionList.OptionHighlighted)
    def _announce_highlight(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("reaction:"):
            self.post_message(ReactionHighlighted(int(option_id.split(":", 1)[1])))

    @on(OptionList.OptionSelected)
    def _announce_choice(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith(RELATED_PREFIX):
            self.post_message(ArticleChosen(option_id[len(RELATED_PREFIX):], related=True))

    def reaction(self, index: int) -> Reaction | None:
        return self._reactions[index] if 0 <= index < len(self._reactions) else None
