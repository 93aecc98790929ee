"""Where a company is based: "Wpp Plc of London", "London-based WPP", "Chilean copper company
Codelco", a wire service's source line."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicons import DEMONYMS, NOT_NAMES, place_name
from ..mentions import HYPHEN_FACTS, Name
from ..model import ORG, PERSON, PLACE
from .base import Example, Found, rule
from .context import Context
from .parse import (
    described_entity,
    identity_key,
    named_after,
    names_at,
    places_in,
    pobjs,
)
from .triggers import (
    COMPANY_NOUNS,
)


@rule(
    "place",
    scope="name",
    emits=("basedIn", "operatesIn"),
    confidence=0.75,
    writes=("place:of", "place:in", "place:office", "place:comma", "place:poss", "place:based"),
    examples=(
        Example(
            "Wpp Plc of London reported earnings.", ("Wpp Plc", "basedIn", "London"), "place:of"
        ),
        Example("London-based WPP reported earnings.", ("WPP", "basedIn", "London"), "place:based"),
        Example(
            "Ann Lee, head of research at Corvane Bank in Chicago, said rates would rise.",
            ("Corvane Bank", "operatesIn", "Chicago"),
            "place:office",
        ),
    ),
    counter_examples=(
        Example("Apple in China said sales rose.", ("Apple", "basedIn", "China")),
        Example(
            "Ann Lee, head of research at Corvane Bank in Chicago, said rates would rise.",
            ("Corvane Bank", "basedIn", "Chicago"),
        ),
    ),
)
def place_relations(name: Name, ctx: Context) -> Iterator[Found]:
    """basedIn from "Wpp Plc of London", "London-based WPP", "China's Alibaba", and "an
    economist with Drexel Burnham in New York"."""
    if name.type not in (ORG,):
        return
    h = ctx.head(name)
    # "the Institute of Zoology of Kunming": an of-phrase may hang on a word inside the name
    inner = [
        t
        for t in ctx.doc[name.start : name.end]
        if t is not h and any(c.i >= name.end for c in t.children)
    ]
    for tok in (h, *inner):
        for place, prep in places_in(tok, ("of",), ctx):
            if place.type == PLACE and prep.i >= name.end:
                yield Found(name, "basedIn", place, prep, "place:of", presupposed=True)
    yield from _seat_after(name, h, inner, ctx)
    yield from _town_after_comma(name, ctx)
    yield from _place_modifiers(name, h, ctx)


def _seat_after(name: Name, h: Token, inner: list[Token], ctx: Context) -> Iterator[Found]:
    """ "at McGill University in Montreal", "Lance Davis of Truck Stops of America in Ontario":
    a place right after a company that is itself a prepositional object or appositive (not
    "Apple in China said", where the place is a market, not a seat); "the Red Cross in
    Khartoum", "State University of New York at Albany": the phrase may hang on a word inside
    the name."""
    if (
        name.ner == "ORG"
        and h.dep_ in ("pobj", "appos", "conj")
        and described_entity(h, ctx) == [name]
        and not _of_a_thing(h, ctx)
    ):
        for tok in (h, *inner):
            seats = pobjs(tok, ("in", "at"), ctx)
            if any(
                place.type == PLACE and prep.i == name.end and _is_locality(place, ctx)
                for place, prep in seats
            ):
                # "head of research at X in Chicago": where the person works is an office of X
                office = h.dep_ == "pobj" and h.head.lower_ in ("at", "with") and (
                    h.head.head.pos_ in ("NOUN", "PROPN")
                )
                pred, rule_id = ("basedIn", "place:in")
                if office:
                    pred, rule_id = ("operatesIn", "place:office")
                for place, prep in places_in(tok, ("in", "at"), ctx):
                    if place.type == PLACE and prep.i >= name.end:
                        yield Found(name, pred, place, prep, rule_id, presupposed=True)


def _town_after_comma(name: Name, ctx: Context) -> Iterator[Found]:
    """ "Senior Vice President of SCI Financial Group, Cedar Rapids, Iowa": a town set off by a
    comma."""
    if name.ner == "ORG" and name.end + 1 < len(ctx.doc) and ctx.doc[name.end].text == ",":
        town = ctx.name_on(name.end + 1)
        th = ctx.head(town) if town is not None else None
        if (
            th is not None
            and town.type == PLACE
            and _is_locality(town)
            and th.dep_ in ("appos", "npadvmod")
            and th.head.i in range(name.start, name.end + 1)
        ):
            # only "Town, Region" (not a lone word that may be the next item of a list)
            regions = [
                ctx.name_on(c.i)
                for c in th.children
                if c.dep_ in ("appos", "npadvmod") and ctx.in_name(c.i)
            ]
            regions = [r for r in regions if r.type == PLACE and r is not town]
            if regions:
                for place in (town, *regions):
                    yield Found(
                        name, "basedIn", place, ctx.doc[name.end], "place:comma", presupposed=True
                    )


def _place_modifiers(name: Name, h: Token, ctx: Context) -> Iterator[Found]:
    """ "China's Alibaba", "London-based WPP": a place modifying the company's name."""
    for child in h.children:
        if child.dep_ == "poss":
            place = ctx.name_on(child.i)
            if place is not None and place.type == PLACE:
                yield Found(name, "basedIn", place, child, "place:poss", presupposed=True)
        if child.dep_ in ("amod", "compound") and child.lower_ == "based":
            for sub in child.children:
                place = ctx.name_on(sub.i)
                if place is not None and place.type == PLACE:
                    yield Found(name, "basedIn", place, child, "place:based", presupposed=True)
    # "London-based WPP" is often parsed with London attached to the name itself.
    for child in h.children:
        place = ctx.name_on(child.i)
        if (
            place is not None
            and place.type == PLACE
            and child.i + 2 < len(h.doc)
            and h.doc[child.i + 1].text == "-"
            and h.doc[child.i + 2].lower_ == "based"
        ):
            yield Found(name, "basedIn", place, child, "place:based", presupposed=True)


def _of_a_thing(h: Token, ctx: Context) -> bool:
    """ "sales of Apple in Shanghai": an of-phrase under a thing, where "in" places the thing;
    "Dr. Graham of the Center in Houston", "director of X in Y" place the organisation."""
    if h.dep_ != "pobj" or h.head.lower_ != "of":
        return False
    owner = h.head.head
    name = ctx.name_on(owner.i)
    return not (name is not None and name.type == PERSON) and identity_key(owner) is None


def _is_locality(place: Name, ctx: Context | None = None) -> bool:
    """A city or town rather than a country or region: "in China" after a company usually
    names a market, "in Montreal" its seat (and not the "County" of "the County of X")."""
    if ctx is not None and place.end < len(ctx.doc) and ctx.doc[place.end].lower_ == "of":
        return False
    return place_name(place.text) is None and place.ner == "GPE"


@rule(
    "origin",
    scope="name",
    emits=("basedIn",),
    confidence=0.75,
    writes=("place:modifier", "place:demonym"),
    examples=(
        Example(
            "Chilean copper company Codelco raised output.",
            ("Codelco", "basedIn", "Chile"),
            "place:demonym",
        ),
    ),
    counter_examples=(
        Example("Chinese-owned carmaker Volvo reported growth.", ("Volvo", "basedIn", "China")),
    ),
)
def origin_relations(name: Name, ctx: Context) -> Iterator[Found]:
    """basedIn from a place or nationality modifying a company: "the U.S. Congress",
    "Chilean copper company Codelco", "Sun Hung Kai, a Hong Kong construction firm"."""
    if name.type != ORG:
        return
    h = ctx.head(name)
    heads = [h]
    for child in h.children:  # "Codelco, a Chilean company" / "the ... company Codelco"
        if child.dep_ in ("appos", "compound") and child.lower_ in COMPANY_NOUNS:
            heads.append(child)
    if h.dep_ == "appos" and h.head.lower_ in COMPANY_NOUNS:
        heads.append(h.head)
    if h.dep_ == "nsubj" and h.head.lemma_ == "be":  # "X is a Delaware corporation"
        heads.extend(c for c in h.head.children if c.dep_ == "attr" and c.lower_ in COMPANY_NOUNS)
    for head in heads:
        for mod in head.children:
            if (
                mod.dep_ not in ("compound", "amod", "nmod")
                or mod.i >= head.i
                or mod.i >= name.start
                and head is h
            ):
                continue
            if mod.i + 1 < len(mod.doc) and mod.doc[mod.i + 1].text == "-":
                continue  # "Chinese-owned" says who owns it, not where it is
            place = ctx.name_on(mod.i)
            if place is not None and place.type == PLACE:
                yield Found(name, "basedIn", place, mod, "place:modifier", presupposed=True)
            elif mod.lower_ in DEMONYMS and mod.ent_type_ == "NORP":
                country = ctx.demonym(mod)
                if country is not None:
                    yield Found(name, "basedIn", country, mod, "place:demonym", presupposed=True)


@rule(
    "hyphen",
    scope="document",
    emits=("basedIn", "owns", "holdsStakeIn"),
    confidence=0.8,
    writes=("hyphen:based", "hyphen:<word>"),
    examples=(
        Example(
            "Bend, Oregon-based Cobblestone grew.",
            ("Cobblestone", "basedIn", "Bend"),
            "hyphen:based",
        ),
        Example(
            "Amazon-owned Twitch reported growth.", ("Amazon", "owns", "Twitch"), "hyphen:owned"
        ),
        Example(
            "Oslo-based processor Norrpay raised money.",
            ("Norrpay", "basedIn", "Oslo"),
            "hyphen:based",
        ),
        Example(
            "SoftBank-backed WeWork reported growth.",
            ("SoftBank", "holdsStakeIn", "WeWork"),
            "hyphen:backed",
        ),
    ),
    counter_examples=(
        Example(
            "Revolut and Berlin-based N26 reported earnings.", ("Revolut", "basedIn", "Berlin")
        ),
    ),
)
def hyphen_relations(ctx: Context) -> Iterator[Found]:
    """ "London-based WPP", "Amazon-owned Twitch", "SoftBank-backed WeWork"."""
    toks = ctx.toks
    for token in toks:
        pred = HYPHEN_FACTS.get(token.lower_)
        if pred is None or token.i < 2 or toks[token.i - 1].text != "-":
            continue
        left = ctx.name_on(token.i - 2)
        if left is None:
            continue
        # (the modifier belongs to its own noun, not to that noun's conjuncts: "Revolut and
        # Berlin-based N26")
        target = None
        if token.dep_ in ("amod", "compound"):
            # the noun it modifies, a name right after a description ("Oslo-based processor
            # Norrpay"), or what "X is a Milan-based company" describes
            candidates = (
                names_at(token.head, ctx, spread=False)
                or named_after(token.head, ctx)
                or described_entity(token.head, ctx)
            )
            target = next((n for n in candidates if n is not left), None)
        if target is None:
            # "Dresden-based battery startup Ostra Cell GmbH" whatever the parse made of it: the
            # first name after a run of lowercase descriptors
            for nxt in toks[token.i + 1 : token.i + 6]:
                name = ctx.name_on(nxt.i)
                if name is not None and name is not left:
                    target = name if name.type in (ORG, None) else None
                    break
                if not (
                    nxt.is_alpha and (nxt.is_lower or nxt.lower_ in NOT_NAMES)
                ) or nxt.lower_ in ("of", "and", "in", "the", "a", "an", "for", "with", "to", "by"):
                    break
        if target is None:
            continue
        if pred == "basedIn":
            yield Found(target, pred, left, token, "hyphen:based", presupposed=True)
            # "Bend, Oregon-based Cobblestone": the city before the region too
            if left.start >= 2 and toks[left.start - 1].text == ",":
                city = ctx.name_on(left.start - 2)
                if city is not None and city.type == PLACE and city is not left:
                    yield Found(target, pred, city, token, "hyphen:based", presupposed=True)
        else:
            yield Found(left, pred, target, token, f"hyphen:{token.lower_}", presupposed=True)


@rule(
    "source-line",
    scope="document",
    emits=("basedIn",),
    confidence=0.7,
    writes=("source-line",),
    examples=(
        Example(
            "Jerusalem THE JERUSALEM POST\nThe government said the plan works.",
            ("JERUSALEM POST", "basedIn", "Jerusalem"),
            "source-line",
        ),
    ),
    counter_examples=(
        Example(
            "WASHINGTON (AP) _ The government said the plan works.", ("AP", "basedIn", "WASHINGTON")
        ),
    ),
)
def source_relations(ctx: Context) -> Iterator[Found]:
    """ "OW1102132994 Beijing XINHUA in English", "Moscow IZVESTIYA": the source is based in
    its city."""
    for source, city in ctx.sources:
        yield Found(
            source, "basedIn", city, ctx.toks[source.start], "source-line", presupposed=True
        )

