"""Every rule family on hand-made parses, no model needed.

The parses are the model's, frozen once by tests/freeze_rule_parses.py into
tests/data/rule_parses.json and rebuilt here as `Doc(vocab, words=, heads=, deps=, ...)`, so a
change to a rule shows here in seconds; tests/test_rules_examples.py checks the frozen parses
still match the model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from rule_cases import (
    COUNTER_EXAMPLES,
    EXAMPLES,
    PARSES_FILE,
    case_id,
    check_counter_example,
    check_example,
    load_parses,
    run,
)
from spacy.tokens import Doc

from kg.rules import ORDER, RULES
from kg.rules.base import REGISTRY, Example, RuleDeclarationError, rule

VOCAB = spacy.blank("en").vocab
PARSES = load_parses(Path(__file__).parent / "data" / PARSES_FILE)


def frozen_doc(text: str) -> Doc:
    words, heads, deps, pos, tags, lemmas, ents, spaces = map(list, zip(*PARSES[text]))
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )
    assert doc.text == text
    return doc


@pytest.mark.parametrize("case", EXAMPLES, ids=case_id)
def test_example_yields_its_triple_from_its_rule(case):
    rule_id, example = case
    check_example(rule_id, example, run(example.text, frozen_doc(example.text)))


@pytest.mark.parametrize("case", COUNTER_EXAMPLES, ids=case_id)
def test_counter_example_is_not_asserted(case):
    rule_id, example = case
    check_counter_example(rule_id, example, run(example.text, frozen_doc(example.text)))


def test_every_rule_has_examples_counter_examples_and_frozen_parses():
    for r in RULES:
        assert r.examples and r.counter_examples, r.id
        assert r.why, f"{r.id}: a rule's docstring says why it exists"
        for e in (*r.examples, *r.counter_examples):
            assert e.text in PARSES, f"{r.id}: run tests/freeze_rule_parses.py for {e.text!r}"


def test_run_order_is_explicit_and_complete():
    assert [r.id for r in RULES] == list(ORDER)
    assert set(ORDER) == set(REGISTRY)


def test_findings_carry_the_declaring_rules_confidence():
    """Confidence comes from the rule's declaration, not from its id's prefix."""
    for rule_id in ("possessive", "hyphen", "identity", "place"):
        example = REGISTRY[rule_id].examples[0]
        ex = run(example.text, frozen_doc(example.text))
        (rel,) = [r for r in ex.relations if (r.subj, r.pred, r.obj) == example.triple]
        assert rel.confidence == REGISTRY[rule_id].confidence, rule_id


@pytest.mark.parametrize(
    "declaration, message",
    [
        (dict(emits=("ownz",)), "unknown relation 'ownz'"),
        (dict(confidence=1.5), "confidence 1.5"),
        (dict(scope="sentence"), "scope 'sentence'"),
        (dict(writes=()), "no kg:rule string"),
        (dict(examples=(Example("A owns B.", ("A", "acquired", "B"), "x:y"),)), "does not emit"),
    ],
)
def test_a_bad_declaration_fails_when_declared(declaration, message):
    fields = dict(scope="noun", emits=("owns",), confidence=0.5, writes=("x:y",)) | declaration
    with pytest.raises(RuleDeclarationError, match=message):
        rule("test-bad", **fields)(lambda noun, ctx: iter(()))
    assert "test-bad" not in REGISTRY


def test_a_rule_id_is_declared_once():
    with pytest.raises(RuleDeclarationError, match="declared twice"):
        rule("verb", scope="verb", emits=("owns",), confidence=0.5, writes=("x",))(print)


def test_declared_relations_cover_what_the_trigger_tables_emit():
    """A rule's `emits` is what its trigger tables can produce, so `kg rules` tells the truth."""
    from kg.mentions import HYPHEN_FACTS
    from kg.rules.triggers import EVENT_NOUNS, IDENTITY_NOUNS, VERBS

    assert set(REGISTRY["verb"].emits) == {p for p, _, _ in VERBS.values()} | {"operatesIn"}
    assert set(REGISTRY["event"].emits) == set(EVENT_NOUNS.values())
    assert set(REGISTRY["identity"].emits) == {p for p, _ in IDENTITY_NOUNS.values()}
    assert set(REGISTRY["hyphen"].emits) == set(HYPHEN_FACTS.values())
