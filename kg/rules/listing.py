"""The declared rules as text, for `kg rules`: one line each, or one rule in full."""

from __future__ import annotations

from ..relations import NAMES
from . import RULES, Example, Rule


class UnknownRuleError(ValueError):
    """`kg rules ID` with an id no rule has: a one-line error listing the ids there are."""


def _triple(example: Example) -> str:
    return " ".join(example.triple)


def rule_table() -> str:
    """One line per rule in run order: id, scope, confidence, relations and an example."""
    rows = [("#", "id", "scope", "conf", "relations", "example")]
    for n, r in enumerate(RULES, 1):
        example = r.examples[0] if r.examples else None
        shown = f"{example.text!r} -> {_triple(example)}" if example else ""
        emits = "(all)" if set(r.emits) == set(NAMES) else ",".join(r.emits)
        rows.append((str(n), r.id, r.scope, f"{r.confidence:.2f}", emits, shown))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row[:5], widths)) + "  " + row[5] for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def describe(rule_id: str) -> str:
    """Everything a rule declares: why it exists, what it writes, examples, counter-examples."""
    rule = _find(rule_id)
    position = [r.id for r in RULES].index(rule.id) + 1
    lines = [
        f"{rule.id} (runs {position} of {len(RULES)}, over each {rule.scope})",
        f"  why:          {rule.why}",
        f"  emits:        {', '.join(rule.emits)}",
        f"  confidence:   {rule.confidence:.2f}",
        f"  writes:       {', '.join(rule.writes)}",
        "  examples:",
        *(
            f"    {e.text!r}\n      -> {_triple(e)}  [{e.rule}, {e.modality}]"
            for e in rule.examples
        ),
        "  counter-examples (never asserted):",
        *(f"    {e.text!r}\n      -> not {_triple(e)}" for e in rule.counter_examples),
    ]
    return "\n".join(lines)


def _find(rule_id: str) -> Rule:
    for r in RULES:
        if r.id == rule_id:
            return r
    ids = ", ".join(r.id for r in RULES)
    raise UnknownRuleError(f"no rule {rule_id!r}; the rules are: {ids}")
