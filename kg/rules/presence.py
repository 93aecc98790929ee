"""Where a company is present: it employs, sells or runs a facility there, or is available there."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..mentions import Name
from ..model import ORG, PERSON, PLACE
from .base import Example, Found, rule
from .context import Context
from .parse import (
    date_of,
    described_entity,
    names_at,
    places_in,
    subjects_of,
)
from .triggers import (
    AVAILABILITY_WORDS,
    COST_VERBS,
    FACILITY_NOUNS,
    FACILITY_VERBS,
    HOLDING_NOUNS,
    HOLDING_VERBS,
    SALES_NOUNS,
    PEOPLE_NOUNS,
    PRESENCE_NOUNS,
    PRESENCE_TRIGGERS,
    PRESENCE_VERBS,
    SELLING_VERBS,
    SEAT_NOUNS,
)


@rule(
    "presence",
    scope="verb",
    emits=("operatesIn",),
    confidence=0.85,
    writes=("verb:presence-<verb>",),
    examples=(
        Example(
            "Voltaris employs about 1,900 people in Germany.",
            ("Voltaris", "operatesIn", "Germany"),
            "verb:presence-employ",
        ),
        Example(
            "Corvane Energy holds contracts in Kazakhstan and Peru.",
            ("Corvane Energy", "operatesIn", "Peru"),
            "verb:presence-hold",
        ),
        Example(
            "Corvane Energy already has a presence in Ghana.",
            ("Corvane Energy", "operatesIn", "Ghana"),
            "verb:presence-have",
        ),
    ),
    counter_examples=(
        Example(
            "Siemens said a new plant was built in Georgia.", ("Siemens", "operatesIn", "Georgia")
        ),
        Example(
            "Corvane Bank said it costs more to hire staff in France than in Spain.",
            ("Corvane Bank", "operatesIn", "France"),
        ),
        Example(
            "Corvane Energy, which has had its headquarters in Oslo since 1990, grew.",
            ("Corvane Energy", "operatesIn", "Oslo"),
        ),
        Example(
            "Corvane Energy does not hold contracts in Peru.",
            ("Corvane Energy", "operatesIn", "Peru"),
        ),
    ),
)
def presence_relations(verb: Token, ctx: Context) -> Iterator[Found]:
    """Where a company is present: where it employs people or has users, sells, or runs a
    facility ("opened an office in London", "has 1.4 million users in Denmark")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma not in PRESENCE_TRIGGERS | HOLDING_VERBS:
        return
    if verb.pos_ == "AUX" and lemma != "have":
        return
    if verb.tag_ == "VBN" and (
        verb.dep_ in ("acl", "amod")
        or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    ):
        return  # "a plant built in Georgia" says nothing of who is there
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in COST_VERBS:
        return  # "it costs more to hire staff in France": nobody in particular hires there
    subjects = [s for s in subjects_of(verb, ctx) if s.type != PERSON]
    if not subjects:
        return
    places: list[Name] = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "employs about 1,900 people in Germany and Poland", "has 1.4 million users in Denmark"
    people = [o for o in objects if o.lemma_.lower() in PEOPLE_NOUNS]
    if lemma in PRESENCE_VERBS and people:
        places += [
            p
            for p, _ in places_in(verb, ("in",), ctx)
            + [q for o in people for q in places_in(o, ("in",), ctx)]
        ]
    # "sells in 31 U.S. states and in Mexico": a company trades where it sells
    if lemma in SELLING_VERBS:
        places += [p for p, _ in places_in(verb, ("in", "across", "throughout"), ctx)]
    # "opened an office in London", "builds a plant in Georgia"
    if lemma in FACILITY_VERBS:
        places += [
            p
            for o in objects
            if o.lemma_.lower() in FACILITY_NOUNS and o.lower_ not in SEAT_NOUNS
            for p, _ in places_in(o, ("in",), ctx)
        ]
    # "holds contracts in Egypt", "has a presence in Peru", "has a US subsidiary"
    if lemma in HOLDING_VERBS:
        held = [o for o in objects if o.lemma_.lower() in HOLDING_NOUNS]
        held += [c for o in held for c in o.conjuncts if c.lemma_.lower() in HOLDING_NOUNS]
        places += [p for o in held for p, _ in places_in(o, ("in",), ctx)]
        places += [p for o in held for p in modifying_places(o, ctx)]
    quals = date_of(verb)
    seen: list[Name] = []
    for place in places:
        if any(place is p for p in seen):
            continue
        seen.append(place)
        for s in subjects:
            if s is not place and place.type == PLACE:
                yield Found(s, "operatesIn", place, verb, f"verb:presence-{lemma}", quals)


@rule(
    "available",
    scope="adjective",
    emits=("operatesIn",),
    confidence=0.85,
    writes=("verb:available",),
    examples=(
        Example(
            "Netflix is now available in 190 countries, including Japan.",
            ("Netflix", "operatesIn", "Japan"),
            "verb:available",
        ),
    ),
    counter_examples=(
        Example("Netflix is not available in China.", ("Netflix", "operatesIn", "China")),
    ),
)
def availability_relations(adj: Token, ctx: Context) -> Iterator[Found]:
    """ "Netflix is now available in 190 countries, including Japan": where a product or
    company is available, it operates."""
    if adj.lower_ not in AVAILABILITY_WORDS or adj.dep_ not in (
        "acomp",
        "amod",
        "appos",
    ):
        return
    if adj.dep_ == "acomp":
        subjects = [n for c in adj.head.children if c.dep_ == "nsubj" for n in names_at(c, ctx)]
    else:
        subjects = described_entity(adj.head, ctx)
    where = ("in", "across", "throughout")
    for place, _ in places_in(adj, where, ctx) + (
        places_in(adj.head, where, ctx) if adj.dep_ == "acomp" else []
    ):
        for subj in subjects:
            if subj is not place and subj.type != PERSON:
                yield Found(subj, "operatesIn", place, adj, "verb:available")


@rule(
    "facility",
    scope="noun",
    emits=("operatesIn",),
    confidence=0.8,
    writes=("noun:facility",),
    examples=(
        Example(
            "Caldera Energy, headquartered in Aberdeen, with operations in Norway, grew.",
            ("Caldera Energy", "operatesIn", "Norway"),
            "noun:facility",
        ),
        Example(
            "Voltaris's plant in Wroclaw employs 300 people.",
            ("Voltaris", "operatesIn", "Wroclaw"),
            "noun:facility",
        ),
        Example(
            "Output at Mardon Oil's Texas refinery fell on Monday.",
            ("Mardon Oil", "operatesIn", "Texas"),
            "noun:facility",
        ),
    ),
    counter_examples=(
        Example("A plant in Wroclaw supplies Voltaris.", ("Voltaris", "operatesIn", "Wroclaw")),
    ),
)
def facility_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """ "Voltaris's plant in Wroclaw", "its offices in Berlin and Paris": a company operates where
    its facilities are."""
    lemma = noun.lemma_.lower()
    if lemma not in PRESENCE_NOUNS or noun.lower_ in SEAT_NOUNS or ctx.in_name(noun.i):
        return
    # "Voltaris's plant in Wroclaw", "the bank's 2.4 million customers in Denmark"
    owners = [n for c in noun.children if c.dep_ == "poss" for n in names_at(c, ctx, spread=False)]
    if not owners and noun.dep_ == "pobj" and noun.head.lower_ == "with":
        # "Caldera Energy, headquartered in Aberdeen, with operations in Norway"
        holder = noun.head.head
        owners = (
            subjects_of(holder, ctx)
            if holder.pos_ in ("VERB", "AUX")
            else described_entity(holder, ctx)
        )
    for owner in owners:
        if owner.type in (ORG, None):
            # "its offices in Berlin", "BP's Texas City refinery"
            found = [p for p, _ in places_in(noun, ("in",), ctx)]
            found += modifying_places(noun, ctx, nationality=False)
            for place in found:
                if place is not owner:
                    yield Found(owner, "operatesIn", place, noun, "noun:facility", presupposed=True)


def modifying_places(noun: Token, ctx: Context, *, nationality: bool = True) -> list[Name]:
    """Places modifying a noun: "the Texas City refinery", "a US subsidiary", and with
    `nationality` "European sales" (a nationality stands for its country; not for a facility:
    "its Chinese operations" may be a unit's, not a place's)."""
    out: list[Name] = []
    for child in noun.children:
        if child.dep_ not in ("compound", "amod", "nmod") or child.i > noun.i:
            continue
        place = ctx.name_on(child.i)
        if place is None and nationality and child.ent_type_ == "NORP":
            place = ctx.demonym(child)
        if place is not None and place.type == PLACE and place not in out:
            out.append(place)
    return out


@rule(
    "market",
    scope="noun",
    emits=("operatesIn",),
    confidence=0.75,
    writes=("noun:market",),
    examples=(
        Example(
            "Harwick said its US sales dipped 4% last year.",
            ("Harwick", "operatesIn", "US"),
            "noun:market",
        ),
        Example(
            "Harwick said European sales fell 2.8%.",
            ("Harwick", "operatesIn", "Europe"),
            "noun:market",
        ),
        Example(
            "Harwick Group's sales in Brazil rose 5%.",
            ("Harwick Group", "operatesIn", "Brazil"),
            "noun:market",
        ),
    ),
    counter_examples=(
        Example(
            "Harwick said US retail sales fell in March.",
            ("Harwick", "operatesIn", "US"),
        ),
        Example(
            "Harwick said Tolvane's sales in Brazil rose.",
            ("Harwick", "operatesIn", "Brazil"),
        ),
        Example(
            "If Harwick Group's US sales recover, its shares will rise.",
            ("Harwick Group", "operatesIn", "US"),
        ),
    ),
)
def market_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """A company trades where it sells: "its US sales", "sales in Asia rose, X said", "X said
    European sales fell". The seller is the noun's owner ("its", "X's") or, when the sales have
    no owner and no other modifier, the subject of the speech verb the clause reports."""
    if noun.lower_ not in SALES_NOUNS or ctx.in_name(noun.i):
        return
    if any(c.dep_ == "neg" for c in noun.head.children):
        return
    owners = [n for c in noun.children if c.dep_ == "poss" for n in names_at(c, ctx, spread=False)]
    if not any(c.dep_ == "poss" for c in noun.children):
        others = [
            c for c in noun.children
            if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ not in ("GPE", "LOC", "NORP")
        ]
        verb = noun.head
        if noun.dep_ == "nsubj" and not others and verb.dep_ == "ccomp":
            speech = verb.head
            if speech.lemma_.lower() in ("say", "report", "announce", "add"):
                owners = [n for n in subjects_of(speech, ctx) if n.type == ORG]
    places = [p for p, _ in places_in(noun, ("in",), ctx)] + modifying_places(noun, ctx)
    for owner in owners:
        if owner.type in (ORG, None):
            for place in places:
                if place is not owner and place.type == PLACE:
                    # (asserted as its clause is: "if its US sales recover" states nothing)
                    yield Found(owner, "operatesIn", place, noun, "noun:market")
