"""Money between companies: funding rounds, percentage stakes and sales."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..mentions import Name
from ..model import ORG, PLACE
from .base import Example, Found, rule
from .context import Context
from .parse import (
    date_of,
    is_share,
    names_at,
    pobjs,
    subjects_of,
)
from .triggers import (
    BUYER_GROUPS,
    BUYING_UNIT_NOUNS,
    CAPITAL_NOUNS,
    DEAL_NOUNS,
    INVESTOR_ROUND_VERBS,
    RAISING_VERBS,
    ROUND_NOUNS,
    SHARE_VERBS,
    SOLD_STAKE_NOUNS,
)


def _is_round(token: Token) -> bool:
    """ "a round", "the financing", "its Series B" (a funding round, not a boxing one: callers
    need an investor verb)."""
    return token.lemma_.lower() in ROUND_NOUNS or any(
        t.lower_ == "series" for t in token.subtree if t.i < token.i
    )


def _raiser(round_: Token, ctx: Context) -> list[Name]:
    """Who raised the round: its possessor ("its Series B") or the subject of the raising verb
    ("Pixelmint raised $300 million in a round led by ...")."""
    owners = [
        n for c in round_.children if c.dep_ == "poss" for n in names_at(c, ctx, spread=False)
    ]
    if owners:
        return owners
    if (
        round_.dep_ == "pobj"
        and round_.head.head.pos_ == "VERB"
        and round_.head.head.lemma_.lower() in RAISING_VERBS
    ):
        return subjects_of(round_.head.head, ctx)
    if round_.dep_ == "dobj" and round_.head.lemma_.lower() in RAISING_VERBS:
        return subjects_of(round_.head, ctx)
    return []


@rule(
    "funding",
    scope="verb",
    emits=("holdsStakeIn",),
    confidence=0.85,
    writes=("verb:funding",),
    examples=(
        Example(
            "Uber closed a $600 million round led by Sequoia Capital.",
            ("Sequoia Capital", "holdsStakeIn", "Uber"),
            "verb:funding",
        ),
    ),
    counter_examples=(
        Example(
            "Uber closed a $600 million loan led by Sequoia Capital.",
            ("Sequoia Capital", "holdsStakeIn", "Uber"),
        ),
    ),
)
def funding_relations(verb: Token, ctx: Context) -> Iterator[Found]:
    """ "a round led by Tiger Global", "Index Ventures led its Series B", "with participation
    from Upfront Ventures": the investors in a funding round hold a stake in whoever raised it."""
    if verb.lemma_.lower() not in INVESTOR_ROUND_VERBS or verb.pos_ != "VERB":
        return
    passive = verb.tag_ == "VBN" and (
        verb.dep_ == "acl" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    )
    if passive:
        round_ = (
            verb.head
            if verb.dep_ == "acl"
            else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        )
        investors = [
            n
            for c in verb.children
            if c.dep_ == "agent"
            for p in c.children
            if p.dep_ == "pobj"
            for n in names_at(p, ctx)
        ]
    else:
        round_ = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if round_ is None:  # "X participated in the round"
            round_ = next(
                (
                    p
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ == "in"
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
        investors = subjects_of(verb, ctx)
    if round_ is None or not _is_round(round_):
        return
    # "..., with participation from existing backer Upfront Ventures"
    investors += [
        n
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() == "participation"
        for n, _ in pobjs(p, ("from", "by"), ctx)
    ]
    raisers = _raiser(round_, ctx)
    if not raisers and passive and verb.dep_ != "acl":
        raisers = ctx.topic_before(round_)
    for raiser in raisers:
        for investor in investors:
            if investor is not raiser and raiser.type in (ORG, None):
                yield Found(investor, "holdsStakeIn", raiser, verb, "verb:funding", date_of(verb))


@rule(
    "share",
    scope="verb",
    emits=("holdsStakeIn",),
    confidence=0.85,
    writes=("verb:<verb>-share",),
    examples=(
        Example(
            "Berkshire Hathaway holds 5 percent of Apple.",
            ("Berkshire Hathaway", "holdsStakeIn", "Apple"),
            "verb:hold-share",
        ),
        Example(
            "Microsoft owns 49 percent of Uber.",
            ("Microsoft", "holdsStakeIn", "Uber"),
            "verb:own-share",
        ),
        Example(
            "Tarnow Energy announced a deal to buy 26% of Kestrel Oil.",
            ("Tarnow Energy", "holdsStakeIn", "Kestrel Oil"),
            "verb:buy-share",
        ),
    ),
    counter_examples=(
        Example(
            "Microsoft holds 49 percent of the market, Apple said.",
            ("Microsoft", "holdsStakeIn", "Apple"),
        ),
        Example(
            "Tarnow Energy rejected a deal to buy 26% of Kestrel Oil.",
            ("Tarnow Energy", "holdsStakeIn", "Kestrel Oil"),
        ),
    ),
)
def share_relations(verb: Token, ctx: Context) -> Iterator[Found]:
    """ "Sequoia held about 18% of Ledgerly", "owns 21% of the company": a share of a company
    is a stake."""
    if verb.lemma_.lower() not in SHARE_VERBS:
        return
    for obj in verb.children:
        if obj.dep_ != "dobj" or not is_share(obj):
            continue
        owned = [n for n, _ in pobjs(obj, ("of", "in"), ctx)]
        if not owned:  # "holds 62% of its share capital"
            owned = [
                n
                for p in obj.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for c in p.children
                if c.dep_ == "pobj" and c.lemma_.lower() in CAPITAL_NOUNS
                for g in c.children
                if g.dep_ == "poss"
                for n in names_at(g, ctx, spread=False)
            ]
        pct = [t.text for t in obj.subtree if t.like_num and t.i <= obj.i]
        quals = ((("stake", f"{pct[0]}%"),) if pct else ()) + date_of(verb)
        for s in subjects_of(verb, ctx) or _deal_makers(verb, ctx):
            for o in owned:
                if s is not o and o.type in (ORG, None):
                    yield Found(
                        s, "holdsStakeIn", o, verb, f"verb:{verb.lemma_.lower()}-share", quals
                    )


def _deal_makers(verb: Token, ctx: Context) -> list[Name]:
    """ "Tarnow announced a deal to buy 26% of Kestrel": who made the deal buys."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in DEAL_NOUNS or noun.dep_ != "dobj":
        return []
    return subjects_of(noun.head, ctx)


def _members_buying(verb: Token, ctx: Context) -> list[tuple[Name, Token]]:
    """ "sold to a consortium that included A and B", "... to a group of investors including A":
    each named member buys."""
    out: list[tuple[Name, Token]] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for group in prep.children:
            if group.dep_ != "pobj" or group.lemma_.lower() not in BUYER_GROUPS:
                continue
            for child in group.children:
                if child.dep_ == "relcl" and child.lemma_ in ("include", "comprise"):
                    out.extend(
                        (n, prep)
                        for obj in child.children
                        if obj.dep_ == "dobj"
                        for n in names_at(obj, ctx)
                    )
            out.extend((n, prep) for n, _ in pobjs(group, ("including",), ctx))
    return out


@rule(
    "sale",
    scope="verb",
    emits=("acquired", "holdsStakeIn"),
    confidence=0.85,
    writes=("verb:sell-to", "verb:sell-stake-to"),
    examples=(
        Example(
            "Google sold Motorola to Lenovo in 2014.",
            ("Lenovo", "acquired", "Motorola"),
            "verb:sell-to",
        ),
        Example(
            "Kestrel Steel was sold in 2004 to a consortium that included Piotr Wasik and "
            "Jan Nowak.",
            ("Jan Nowak", "acquired", "Kestrel Steel"),
            "verb:sell-to",
        ),
        Example(
            "Tarvo Bank opted to sell a minority stake to Dutch lender Veldmark Capital.",
            ("Veldmark Capital", "holdsStakeIn", "Tarvo Bank"),
            "verb:sell-stake-to",
        ),
    ),
    counter_examples=(
        Example(
            "Google sold Motorola phones in Lenovo stores.", ("Lenovo", "acquired", "Motorola")
        ),
        Example(
            "Tarvo Bank sold its stake to Veldmark Capital.",
            ("Veldmark Capital", "holdsStakeIn", "Tarvo Bank"),
        ),
        Example(
            "Kestrel Steel was sold to a consortium, said Jan Nowak.",
            ("Jan Nowak", "acquired", "Kestrel Steel"),
        ),
    ),
)
def sale_relations(verb: Token, ctx: Context) -> Iterator[Found]:
    """ "Google sold Motorola to Lenovo": the buyer acquired what was sold."""
    if verb.lemma_.lower() != "sell" or verb.pos_ != "VERB":
        return
    sold = [n for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for n in names_at(c, ctx)]
    # "sold NAC to a subsidiary of Hitachi Zosen": the group buys through its unit
    units = [
        (n, p)
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for u in c.children
        if u.dep_ == "pobj" and u.lemma_.lower() in BUYING_UNIT_NOUNS
        for n, p in pobjs(u, ("of",), ctx)
    ]
    for buyer, _ in pobjs(verb, ("to",), ctx) + units + _members_buying(verb, ctx):
        for item in sold:
            if item is not buyer:
                yield Found(buyer, "acquired", item, verb, "verb:sell-to", date_of(verb))
    # "sold a 51% stake in Halcyon to Verhoeven Capital": the buyer holds the stake
    for stake in (
        c
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in SOLD_STAKE_NOUNS
    ):
        companies = [
            n
            for n, _ in pobjs(stake, ("in", "of"), ctx) + pobjs(verb, ("in",), ctx)
            if n.type != PLACE
        ]
        if not companies and not any(c.dep_ == "poss" for c in stake.children):
            # "Tarvo Bank opted to sell a minority stake to Veldmark": a stake in itself
            companies = [n for n in subjects_of(verb, ctx) if n.type in (ORG, None)]
        companies = companies or [
            n for n in ctx.topic_before(stake) if n not in subjects_of(verb, ctx)
        ]
        for buyer, _ in pobjs(verb, ("to",), ctx) + pobjs(stake, ("to",), ctx):
            for company in companies:
                if company is not buyer and company.type in (ORG, None):
                    yield Found(
                        buyer, "holdsStakeIn", company, verb, "verb:sell-stake-to", date_of(verb)
                    )
