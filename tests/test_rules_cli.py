"""`kg rules`: the declared rules, listed in run order or shown one at a time."""

from __future__ import annotations

from typer.testing import CliRunner

from kg.cli import app
from kg.rules import ORDER, RULES


def run_kg(*args: str):
    """In-process (a `kg` subprocess spends seconds importing spaCy)."""
    return CliRunner().invoke(app, list(args))


def test_kg_rules_lists_every_rule_in_run_order():
    proc = run_kg("rules")
    assert proc.exit_code == 0, proc.output
    ids = [line.split()[1] for line in proc.stdout.splitlines()[1:]]
    assert ids == list(ORDER)
    first = RULES[0].examples[0]
    assert f"{first.text!r} -> {' '.join(first.triple)}" in proc.stdout
    assert run_kg("rules", "--list").stdout == proc.stdout


def test_kg_rules_id_shows_one_rule_in_full():
    possessive = next(r for r in RULES if r.id == "possessive")
    proc = run_kg("rules", "possessive")
    assert proc.exit_code == 0, proc.output
    assert f"confidence:   {possessive.confidence:.2f}" in proc.stdout
    assert "-> not Apple owns Samsung" in proc.stdout
    assert possessive.why in proc.stdout


def test_kg_rules_unknown_id_is_a_one_line_error():
    proc = run_kg("rules", "nope")
    assert proc.exit_code == 1
    assert proc.stderr.startswith("error: no rule 'nope'; the rules are: verb, sale")
    assert len(proc.stderr.strip().splitlines()) == 1
