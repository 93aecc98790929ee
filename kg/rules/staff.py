"""Staff work where their principal works: "Ann Roe, a spokesman for EU trade commissioner X",
"an aide to chief executive X" (the principal's organisation, however the title names it)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..mentions import Name
from ..model import PERSON
from .context import Context
from .parse import identity_key, names_at
from .triggers import IDENTITY_NOUNS, STAFF_ROLES

# (title, its holder, context) -> the organisations the title names, with how each was found
OthersOf = Callable[[Token, Name, Context], list[tuple[Name, str]]]


def through_principal(
    noun: Token, lower: str, ctx: Context, others_of: OthersOf
) -> list[tuple[Name, str]]:
    """A spokesman, aide or adviser for/to a titled person works for that person's
    organisation: "a spokesman for EU trade commissioner X", "an aide to chief executive X"."""
    if lower not in STAFF_ROLES:
        return []
    out: list[tuple[Name, str]] = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "to"):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for title, principal in _titled(pobj, ctx):
                out += [(n, "through") for n, _ in others_of(title, principal, ctx)]
    return out


def _titled(pobj: Token, ctx: Context) -> list[tuple[Token, Name]]:
    """(title, person) at a prepositional object: "chief executive X" (the title heads, the
    name in apposition) or "trade commissioner X" (the name heads, the title a compound)."""
    person = ctx.name_on(pobj.i)
    if person is not None and person.type == PERSON:
        return [
            (c, person)
            for c in pobj.children
            if c.dep_ == "compound" and not ctx.in_name(c.i) and _staffed_title(c)
        ]
    if not _staffed_title(pobj):
        return []
    return [
        (pobj, n)
        for c in pobj.children
        if c.dep_ == "appos"
        for n in names_at(c, ctx, spread=False)
        if n.type == PERSON
    ]


def _staffed_title(token: Token) -> bool:
    """A title with its own organisation to lend (not another staff role: no chains)."""
    key = identity_key(token)
    return (
        key is not None
        and key not in STAFF_ROLES
        and IDENTITY_NOUNS.get(key, ("worksFor",))[0] == "worksFor"
    )
