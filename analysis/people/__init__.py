"""The article's people and organisations, resolved once for every stage: names split into
titles and name proper, roles from titles and appositives, the entities their mentions make,
the speaker phrases around speech verbs, and what pronouns and descriptions refer to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Speaker
from .entities import Entity, EntityTable
from .names import Phrase
from .resolver import Resolver, Target

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["Entity", "People", "Phrase", "Target"]


class People:
    """The people layer of one document: its named entities (every mention, in reading order)
    and the resolver that turns speaker phrases into them, shared by quotes and reactions."""

    def __init__(self, doc: Document) -> None:
        self.table = EntityTable(doc.marked)
        self.resolver = Resolver(doc, self.table)

    def speaker(self, target: Target, speaker_id: str) -> Speaker:
        """The reader's view of a target: its canonical name, role, kind and aliases."""
        if isinstance(target, Entity):
            kind = "organisation" if target.kind == "organisation" else "person"
            return Speaker(speaker_id, target.name, target.role, kind, list(target.aliases))
        return Speaker(speaker_id, display_name(target), target.role,
                       "organisation" if target.entity_kind == "organisation" else "anonymous",
                       list(self.resolver.aliases.get(id(target), [])))


def display_name(target: Target) -> str:
    """The name a target goes by: an entity's canonical name, a description capitalised."""
    if isinstance(target, Entity):
        return target.name
    return target.text[:1].upper() + target.text[1:]
