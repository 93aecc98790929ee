"""Every rule's examples and counter-examples through the real pipeline (spaCy model + rules):
the expected triple comes out, from the rule that declares it, and a counter-example's triple is
never asserted."""

from __future__ import annotations

from pathlib import Path

import pytest
from freeze_rule_parses import parse_rows
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

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("case", EXAMPLES, ids=case_id)
def test_example_yields_its_triple_from_its_rule(nlp, case):
    rule_id, example = case
    check_example(rule_id, example, run(example.text, nlp(example.text)))


@pytest.mark.parametrize("case", COUNTER_EXAMPLES, ids=case_id)
def test_counter_example_is_not_asserted(nlp, case):
    rule_id, example = case
    check_counter_example(rule_id, example, run(example.text, nlp(example.text)))


def test_frozen_parses_are_the_models(nlp):
    """The model-free family tests replay these parses: they must still be the model's."""
    frozen = load_parses(Path(__file__).parent / "data" / PARSES_FILE)
    stale = [text for text, rows in frozen.items() if parse_rows(nlp(text)) != rows]
    assert not stale, f"re-run tests/freeze_rule_parses.py: {stale}"
