"""Freeze the model's parse of every rule example into tests/data/rule_parses.json.

The model-free rule tests (tests/test_rules_families.py) rebuild these parses as hand-made
`Doc`s, so each rule family is tested without the spaCy model; the slow test
tests/test_rules_examples.py checks that the frozen parses still match the model's. Run after
adding or changing a rule's examples:

    .venv/bin/python tests/freeze_rule_parses.py
"""

from __future__ import annotations

import json
from pathlib import Path

PARSES = Path(__file__).resolve().parent / "data" / "rule_parses.json"


def parse_rows(doc) -> list[list]:
    """One row per token: what `Doc(vocab, words=, heads=, ...)` needs to rebuild the parse."""
    rows = []
    for t in doc:
        iob = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O"
        rows.append([t.text, t.head.i, t.dep_, t.pos_, t.tag_, t.lemma_, iob, bool(t.whitespace_)])
    return rows


def dumps(parses: dict[str, list[list]]) -> str:
    """JSON with one token per line, so a changed parse shows as a small diff."""
    entries = []
    for text, rows in parses.items():
        tokens = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)
        entries.append(f" {json.dumps(text, ensure_ascii=False)}: [\n{tokens}\n ]")
    return "{\n" + ",\n".join(entries) + "\n}\n"


def example_texts() -> list[str]:
    from kg.rules import RULES

    texts = [e.text for r in RULES for e in (*r.examples, *r.counter_examples)]
    return list(dict.fromkeys(texts))


def main() -> None:
    from kg.nlp import load_pipeline

    nlp = load_pipeline()
    parses = {text: parse_rows(nlp(text)) for text in example_texts()}
    PARSES.write_text(dumps(parses), encoding="utf-8")
    print(f"{PARSES}: {len(parses)} parses")


if __name__ == "__main__":
    main()
