"""Entity parameters: `--param entity=amazon` finds the entity labelled "Amazon".

The HTML view's search is case-insensitive, so a saved query's entity parameter should be too.
Rather than rewriting each query's pattern (which would slow it down: a FILTER over every
label), the value is first looked up among the graph's labels and aliases, ignoring case, and
the parameter is then bound to the labels found (a VALUES block, so the saved query keeps its
exact, indexed match). When nothing matches, the closest labels are offered as "did you mean".

The lookups run through a `select(text, bindings)` callable, so the same code serves a graph
file (inside the bounded query process) and a SPARQL server.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Callable, Mapping

from rdflib import Literal
from rdflib.term import Node

Select = Callable[[str, Mapping[str, object]], list[list[Node | None]]]
_NAMES = ("<http://www.w3.org/2000/01/rdf-schema#label>"
          "|<http://www.w3.org/2004/02/skos/core#altLabel>")
EXACT = f"SELECT ?label WHERE {{ ?e {_NAMES} ?label }} LIMIT 1"  # indexed: no scan
LOOKUP = f"SELECT DISTINCT ?label WHERE {{ ?e {_NAMES} ?label . " \
         "FILTER (LCASE(STR(?label)) = ?wanted) }"
NEAR = f"SELECT DISTINCT ?label WHERE {{ ?e {_NAMES} ?label . " \
       "FILTER (CONTAINS(LCASE(STR(?label)), ?stem)) } LIMIT 2000"


@dataclass
class QueryResult:
    """What a query gave: its form (SELECT, ASK, CONSTRUCT, DESCRIBE), columns and rows, and
    notes for the user (stderr), such as 'did you mean'."""

    form: str
    columns: list[str]
    rows: list[list]
    notes: list[str] = field(default_factory=list)


def _labels(rows: list[list]) -> list[str]:
    return sorted({str(r[0]) for r in rows if r and r[0] is not None})


def suggestions(select: Select, value: str, n: int = 3) -> list[str]:
    """Labels close to `value` (same 3-letter start or end, then difflib's ratio)."""
    wanted = value.strip().lower()
    if not wanted:
        return []
    stems = sorted({wanted[:3], wanted[-3:]})
    found = _labels(select(NEAR, {"stem": [Literal(s) for s in stems]}))
    by_lower: dict[str, str] = {}
    for label in found:
        by_lower.setdefault(label.lower(), label)
    close = difflib.get_close_matches(wanted, list(by_lower), n=n, cutoff=0.6)
    return [by_lower[c] for c in close]


def resolve_entities(select: Select, entities: Mapping[str, str]) -> tuple[dict, list[str]]:
    """(bindings, notes) for entity parameters: each bound to its value when that is a label
    or alias (an indexed look-up), else to the labels equal to it ignoring case (a scan of the
    labels), else to the value as given (which matches nothing) with a 'did you mean' note."""
    bindings: dict[str, list[Literal]] = {}
    notes: list[str] = []
    for name, value in entities.items():
        if select(EXACT, {"label": Literal(value)}):
            bindings[name] = [Literal(value)]
            continue
        found = _labels(select(LOOKUP, {"wanted": Literal(value.lower())}))
        if found:
            bindings[name] = [Literal(label) for label in found]
            continue
        bindings[name] = [Literal(value)]
        near = suggestions(select, value)
        hint = f"; did you mean {' or '.join(repr(s) for s in near)}?" if near else ""
        notes.append(f"--param {name}={value!r}: no entity has this label or alias{hint}")
    return bindings, notes


__all__ = ["QueryResult", "resolve_entities", "suggestions"]
