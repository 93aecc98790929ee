"""Relation rules as declared units, one module per family, run in one explicit order.

Each rule is registered with `kg.rules.base.rule` (id, relations it emits, confidence, the
`kg:rule` strings it writes, examples and counter-examples). `ORDER` below is the run order:
the extractor keeps the first finding of a triple in a sentence, so a rule listed earlier wins
over a later one that finds the same fact. `relations(ctx)` runs them all: token rules over
every token (by part of speech), then name rules over every name, then document rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import (  # noqa: F401
    brands,
    discourse,
    events,
    funding,
    identity,
    origins,
    people,
    places,
    presence,
    verbs,
)
from .base import REGISTRY, SCOPES, Example, Found, Rule, RuleDeclarationError
from .context import Context

ORDER: tuple[str, ...] = (
    # over each token, by its part of speech
    "verb",
    "sale",
    "share",
    "funding",
    "presence",
    "available",
    "identity",
    "event",
    "merger",
    "facility",
    "market",
    "contract",
    "brand",
    "models",
    "member",
    "behind",
    # over each name
    "place",
    "affiliation",
    "origin",
    "descriptor-origin",
    "institution-city",
    "possessive",
    "product-possessive",
    # over the whole document
    "discourse",
    "hyphen",
    "source-line",
)
_PASSES = ("token", "name", "document")


def _pass_of(unit: Rule) -> str:
    return unit.scope if unit.scope in ("name", "document") else "token"


def _ordered() -> tuple[Rule, ...]:
    """The registered rules in ORDER; an unlisted, unknown or out-of-pass rule fails at import."""
    missing = set(REGISTRY) - set(ORDER)
    unknown = [r for r in ORDER if r not in REGISTRY]
    if missing or unknown or len(set(ORDER)) != len(ORDER):
        raise RuleDeclarationError(
            "kg.rules.ORDER must list every rule once: "
            f"missing {sorted(missing)}, unknown {unknown}"
        )
    units = tuple(REGISTRY[r] for r in ORDER)
    passes = [_PASSES.index(_pass_of(u)) for u in units]
    if passes != sorted(passes):
        raise RuleDeclarationError("kg.rules.ORDER must list token rules, then name, then document")
    return units


RULES: tuple[Rule, ...] = _ordered()
_BY_POS: dict[str, tuple[Rule, ...]] = {
    pos: tuple(u for u in RULES if pos in SCOPES[u.scope])
    for pos in {p for u in RULES for p in SCOPES[u.scope]}
}
_NAME_RULES = tuple(u for u in RULES if u.scope == "name")
_DOCUMENT_RULES = tuple(u for u in RULES if u.scope == "document")


def relations(ctx: Context) -> Iterator[Found]:
    """Every rule's findings in ORDER, each stamped with its rule's confidence."""
    for token in ctx.toks:
        for unit in _BY_POS.get(token.pos_, ()):
            for found in unit.find(token, ctx):
                found.confidence = unit.confidence
                yield found
    # a snapshot: a name rule may add a name (`ctx.demonym`: "Chilean" -> Chile), and a list
    # that grows while it is walked visits the names after the insertion twice
    for name in tuple(ctx.names):
        for unit in _NAME_RULES:
            for found in unit.find(name, ctx):
                found.confidence = unit.confidence
                yield found
    for unit in _DOCUMENT_RULES:
        for found in unit.find(ctx):
            found.confidence = unit.confidence
            yield found


__all__ = ["ORDER", "RULES", "Context", "Example", "Found", "Rule", "relations"]
