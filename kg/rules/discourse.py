"""Across sentences: a definite "the competitor" names a rival of the company a passage is about."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ORG, PRODUCT
from .base import Example, Found, rule
from .context import Context
from .triggers import RIVAL_NOUNS


@rule(
    "discourse",
    scope="document",
    emits=("competitorOf",),
    confidence=0.6,
    writes=("discourse:the-competitor",),
    examples=(
        Example(
            "Apple faces pressure from Samsung in China. "
            "The competitor sells more phones but earns less.",
            ("Samsung", "competitorOf", "Apple"),
            "discourse:the-competitor",
        ),
    ),
    counter_examples=(
        Example(
            "Apple faces pressure from Samsung in China. "
            "The company sells more phones but earns less.",
            ("Samsung", "competitorOf", "Apple"),
        ),
    ),
)
def discourse_relations(ctx: Context) -> Iterator[Found]:
    """ "… pressed by Kuaishou. The competitor boasts …": a definite "the competitor" names a rival
    of the company the passage is about (the nearest other subject)."""
    for token in ctx.toks:
        if token.lower_ not in RIVAL_NOUNS or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        ante = ctx.antecedent(token.i)
        if ante is None:
            continue
        other = None
        for name in reversed(ctx.names):
            if name.start >= token.i or name is ante or name.text == ante.text:
                continue
            if name.type in (ORG, PRODUCT) and ctx.head(name).dep_ in (
                "nsubj",
                "nsubjpass",
                "poss",
            ):
                other = name
                break
        if other is None:
            start = ctx.sent(token.i).start
            for t in ctx.sent(start - 1) if start else []:
                ref = ctx.antecedent(t.i) if t.lower_ in ("it", "its") else None
                if ref is not None and ref.text != ante.text:
                    other = ref
        if other is not None:
            yield Found(ante, "competitorOf", other, token, "discourse:the-competitor")
