"""People and companies named side by side: "Greg Thayer of the Forest Service", "Amazon's
Twitch"."""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicons import place_name
from ..mentions import Name, is_age
from ..model import ORG, PERSON
from .base import Example, Found, rule
from .context import Context
from .parse import (
    names_at,
    org_like,
)


@rule(
    "affiliation",
    scope="name",
    emits=("worksFor",),
    confidence=0.7,
    writes=("affiliation:poss", "affiliation:<prep>"),
    examples=(
        Example(
            "Tom Reed, 52, of Acme Corp. spoke.",
            ("Tom Reed", "worksFor", "Acme Corp."),
            "affiliation:of",
        ),
        Example(
            "Greg Thayer of the Forest Service said the fire was contained.",
            ("Greg Thayer", "worksFor", "Forest Service"),
            "affiliation:of",
        ),
    ),
    counter_examples=(
        Example(
            "Greg Thayer of Texas said the fire was contained.",
            ("Greg Thayer", "worksFor", "Texas"),
        ),
    ),
)
def affiliation_relations(name: Name, ctx: Context) -> Iterator[Found]:
    """ "Greg Thayer of the Forest Service", "Wang Ziqiang at the Institute": a person's
    organisation given straight after the name."""
    if name.type != PERSON:
        return
    h = ctx.head(name)
    for child in h.children:
        # "Apple's Tim Cook", "the department's Al Comproni"
        if child.dep_ == "poss" and child.i < name.start:
            for org in names_at(child, ctx, spread=False):
                if org.type == ORG and org_like(org, ctx):
                    yield Found(name, "worksFor", org, child, "affiliation:poss", presupposed=True)
        # "Greg Thayer of the Forest Service", "Gilmore, of the Downtown Seattle Association,"
        if (
            child.dep_ == "prep"
            and child.lower_ in ("of", "at", "from")
            and child.i - name.end in _affiliation_gaps(name, ctx)
        ):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                for org in names_at(pobj, ctx):
                    if org.type == ORG and org_like(org, ctx):
                        yield Found(
                            name,
                            "worksFor",
                            org,
                            child,
                            f"affiliation:{child.lower_}",
                            presupposed=True,
                        )


def _affiliation_gaps(name: Name, ctx: Context) -> tuple[int, ...]:
    """Tokens allowed between a name and its "of"-phrase: none, a comma, or an age between
    commas ("Tom Reed, 52, of Acme Corp.")."""
    toks, e = ctx.toks, name.end
    if (
        e + 2 < len(toks)
        and toks[e].text == ","
        and is_age(toks[e + 1])
        and toks[e + 2].text == ","
    ):
        return (0, 1, 3)
    return (0, 1) if e < len(toks) and toks[e].text == "," else (0,)


@rule(
    "possessive",
    scope="name",
    emits=("owns",),
    # as sure as its place twin ("China's Alibaba", place:poss 0.75), less than the explicit
    # "Amazon-owned Twitch" (hyphen 0.8); it had 0.7 only because no confidence was declared
    confidence=0.75,
    writes=("possessive:owns",),
    examples=(
        Example(
            "Amazon's Twitch launched a new feature.",
            ("Amazon", "owns", "Twitch"),
            "possessive:owns",
        ),
    ),
    counter_examples=(
        Example("Apple's rival Samsung launched a phone.", ("Apple", "owns", "Samsung")),
    ),
)
def possessive_relations(name: Name, ctx: Context) -> Iterator[Found]:
    """ "Amazon's Twitch", "Berkshire's Geico": a company's company is its unit (a place's
    company is based there, a company's person works there: other rules)."""
    if name.type != ORG or name.ner_type != ORG:
        return
    h = ctx.head(name)
    for child in h.children:
        if child.dep_ == "poss" and child.i < name.start:
            owner = ctx.name_on(child.i)
            # right before the name: not "Apple's rival Samsung", "Intel's partner TSMC"
            between = ctx.doc[owner.end : name.start] if owner is not None else []
            if (
                owner is not None
                and owner is not name
                and owner.type == ORG
                and owner.ner_type == ORG
                and not place_name(owner.text)
                and all(t.tag_ == "POS" for t in between)
            ):
                yield Found(owner, "owns", name, child, "possessive:owns", presupposed=True)
