"""What a rule is: a declared unit (in the manner of medspaCy's `ConTextRule`) with an id, the
relations it may emit, its confidence, why it exists, and sentences it must and must not read.

A rule's finding (`Found`) names the rule string written to the graph as `kg:rule` (e.g.
"verb:acquire", "identity:spokesperson:poss"); the declared unit says which strings it writes
(`writes`) and carries the confidence every one of its findings gets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ..mentions import Name
from ..model import ASSERTED
from ..relations import BY_NAME

# What a rule runs over: one token of a part of speech, one name, or the whole document.
SCOPES: dict[str, tuple[str, ...]] = {
    "verb": ("VERB", "AUX"),
    "adjective": ("ADJ",),
    "noun": ("NOUN", "PROPN"),
    "name": (),
    "document": (),
}


@dataclass
class Found:
    subj: Name
    pred: str
    obj: Name
    trigger: Token
    rule: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    presupposed: bool = (
        False  # "its partnership with X": existence is not under the verb's modality
    )
    confidence: float = 0.0  # the declaring rule's, set when the rule runs


@dataclass(frozen=True)
class Example:
    """A sentence and one triple it must (example) or must not (counter-example) yield: an
    example with the `kg:rule` string and modality expected, a counter-example never asserted
    (tests/test_rules_examples.py runs them all through the real model)."""

    text: str
    triple: tuple[str, str, str]
    rule: str = ""
    modality: str = ASSERTED


@dataclass(frozen=True)
class Rule:
    """One declared rule: `find(unit, ctx)` yields its findings for one token or name (or, for
    a "document" rule, `find(ctx)` for the whole document)."""

    id: str
    scope: str
    emits: tuple[str, ...]
    confidence: float
    writes: tuple[str, ...]
    find: Callable[..., Iterator[Found]]
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[Example, ...] = ()

    @property
    def why(self) -> str:
        """The rule's docstring: what it reads and why that states the relation."""
        return " ".join((self.find.__doc__ or "").split())


class RuleDeclarationError(ValueError):
    """A rule declaration is inconsistent: raised at import, in one line."""


REGISTRY: dict[str, Rule] = {}


def rule(
    id: str,
    *,
    scope: str,
    emits: tuple[str, ...],
    confidence: float,
    writes: tuple[str, ...],
    examples: tuple[Example, ...] = (),
    counter_examples: tuple[Example, ...] = (),
) -> Callable[[Callable[..., Iterator[Found]]], Callable[..., Iterator[Found]]]:
    """Register the decorated generator as rule `id` (checked here, at import)."""

    def register(find: Callable[..., Iterator[Found]]) -> Callable[..., Iterator[Found]]:
        problems = _problems(id, scope, emits, confidence, writes, examples + counter_examples)
        if problems:
            raise RuleDeclarationError(f"rule {id!r}: {problems[0]}")
        REGISTRY[id] = Rule(id, scope, emits, confidence, writes, find, examples, counter_examples)
        return find

    return register


def _problems(
    id: str,
    scope: str,
    emits: tuple[str, ...],
    confidence: float,
    writes: tuple[str, ...],
    examples: tuple[Example, ...],
) -> list[str]:
    out: list[str] = []
    if id in REGISTRY:
        out.append("declared twice")
    if scope not in SCOPES:
        out.append(f"scope {scope!r} is not one of {', '.join(SCOPES)}")
    out += [f"emits unknown relation {p!r}" for p in emits if p not in BY_NAME]
    if not 0.0 < confidence <= 1.0:
        out.append(f"confidence {confidence} outside (0, 1]")
    if not writes:
        out.append("declares no kg:rule string it writes")
    out += [
        f"example {e.text!r} has a relation it does not emit"
        for e in examples
        if e.triple[1] not in emits
    ]
    return out
