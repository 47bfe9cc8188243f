"""The article's people and organisations: names split into titles and name proper, roles
from titles and appositives, the entities their mentions make, the speaker phrases around
speech verbs, and what pronouns and descriptions refer to."""
