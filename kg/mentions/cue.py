"""A typing cue: one named piece of context that votes for a name's type.

Every vote a name gets goes through `vote`, which also records the cue's id on the name, so
`kg explain` can say why a name is a Person ("person.honorific 2.0, person.age 2.0").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:
    from .name import Name

# find(doc_names, name, head): how often the cue fires (an int or bool) for a cue with a fixed
# type, or the types it votes for (a list) for a cue whose type comes from a describing noun.
Finder = Callable[[Any, "Name", Token], Any]


@dataclass(frozen=True)
class Cue:
    """A declared typing cue. `kind` None: the type comes from the noun that fired the cue
    ("investment firm X" votes Organization, "comedian X" Person); `find` None: the cue is
    fired by name collection (datelines, legal forms), not by the context pass."""

    id: str
    kind: str | None
    weight: float
    why: str
    find: Finder | None = None


def vote(name: Name, cue: Cue, kind: str | None = None, weight: float | None = None) -> None:
    """Add one vote of `cue` to `name` (its own type and weight unless given) and record it."""
    kind = kind or cue.kind
    weight = cue.weight if weight is None else weight
    name.votes[kind] += weight
    name.cues.append((cue.id, kind, weight))


def fire(cue: Cue, names: Any, name: Name, h: Token) -> None:
    """Run one context cue on one name: a vote per firing."""
    found = cue.find(names, name, h)
    if found:
        fired(name, cue, found)


def fired(name: Name, cue: Cue, found: Any) -> None:
    """The votes of a cue whose finder returned `found` (a count, or the types it votes for)."""
    if cue.kind is None:
        for kind in found:
            vote(name, cue, kind)
    else:
        for _ in range(int(found)):
            vote(name, cue)


def cue(id: str, kind: str | None, weight: float, why: str) -> Callable[[Finder], Cue]:
    """Declare a context cue from its finder function: `@cue("person.age", PERSON, 2.0, ...)`."""

    def declare(find: Finder) -> Cue:
        return Cue(id=id, kind=kind, weight=weight, why=why, find=find)

    return declare
