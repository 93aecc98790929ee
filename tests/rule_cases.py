"""Shared by the rule-example tests: every declared example and counter-example, and how to
read what the extractor made of one."""

from __future__ import annotations

import json
import re

from spacy.tokens import Doc

from kg.extract import extract
from kg.model import ASSERTED, Document, Extraction
from kg.rules import RULES, Example

PARSES_FILE = "rule_parses.json"

EXAMPLES = [(r.id, e) for r in RULES for e in r.examples]
COUNTER_EXAMPLES = [(r.id, e) for r in RULES for e in r.counter_examples]


def case_id(case: tuple[str, Example]) -> str:
    rule_id, example = case
    return f"{rule_id}:{example.text[:40]}"


def run(text: str, doc: Doc) -> Extraction:
    return extract(Document(id="t", text=text, source="t"), doc)


def writes_pattern(template: str) -> re.Pattern[str]:
    """ "verb:<verb>+in" -> a pattern the kg:rule strings it stands for match."""
    parts = re.split(r"<[^>]+>", template)
    return re.compile("[^:]+".join(re.escape(p) for p in parts) + r"\Z")


def check_example(rule_id: str, example: Example, ex: Extraction) -> None:
    found = {(r.subj, r.pred, r.obj, r.rule, r.modality) for r in ex.relations}
    expected = (*example.triple, example.rule, example.modality)
    assert expected in found, f"{rule_id}: expected {expected}, found {sorted(found)}"
    writes = next(r.writes for r in RULES if r.id == rule_id)
    assert any(writes_pattern(w).match(example.rule) for w in writes), (rule_id, example.rule)


def check_counter_example(rule_id: str, example: Example, ex: Extraction) -> None:
    subj = example.triple[0]
    names = {m.name for m in ex.mentions}
    # the sentence is about the subject (a name here; the object may be implied, as "China" by
    # "Chinese-owned"), and nothing asserts the triple
    assert subj in names, f"{rule_id}: {subj!r} not among {names}"
    asserted = {(r.subj, r.pred, r.obj) for r in ex.relations if r.modality == ASSERTED}
    assert example.triple not in asserted, f"{rule_id}: asserted {example.triple}"


def load_parses(path) -> dict[str, list[list]]:
    return json.loads(path.read_text(encoding="utf-8"))
