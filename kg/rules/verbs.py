"""Verbs: "Google acquired Fitbit", "Fitbit was acquired by Google", "X partnered with Y"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicons import DEMONYMS
from ..mentions import Name
from ..model import ORG, PERSON, PLACE, PRODUCT
from .base import Example, Found, rule
from .context import Context
from .parse import (
    bracketed,
    date_of,
    described_entity,
    named_after,
    names_at,
    org_like,
    places_in,
    pobjs,
    subjects_of,
)
from .triggers import (
    ASSET_NOUNS,
    BODY_NOUNS,
    COMPANY_NOUNS,
    EVENT_NOUNS,
    FOUNDING_VERBS,
    FUNCTION_NOUNS,
    INVESTOR_VERBS,
    JOINING_VERBS,
    MARKET_NOUNS,
    OFFERINGS,
    PASSIVE_ONLY,
    TIME_NOUNS,
    UNIT_NOUNS,
    VERBS,
)


def _phrasal(token: Token) -> str:
    prt = [c.lower_ for c in token.children if c.dep_ == "prt"]
    if prt and f"{token.lemma_} {prt[0]}" in VERBS:
        return f"{token.lemma_} {prt[0]}"
    if token.lemma_ == "join" and any(c.lower_ == "forces" for c in token.children):
        return "join forces"
    return token.lemma_.lower()


@rule(
    "verb",
    scope="verb",
    emits=(
        "partnerOf",
        "competitorOf",
        "acquired",
        "owns",
        "holdsStakeIn",
        "worksFor",
        "advertisesOn",
        "launched",
        "operatesIn",
        "basedIn",
    ),
    confidence=0.85,
    writes=("verb:<verb>", "verb:<verb>+in"),
    examples=(
        Example(
            "Amazon picked up the snack maker Crunchly in 2020.",
            ("Amazon", "acquired", "Crunchly"),
            "verb:pick up",
        ),
        Example(
            "Sarah Lee joined Cobblestone Running in 2017.",
            ("Sarah Lee", "worksFor", "Cobblestone Running"),
            "verb:join",
        ),
        Example(
            "Maria Costa, who heads Microsoft's cloud unit, spoke.",
            ("Maria Costa", "worksFor", "Microsoft"),
            "verb:head",
        ),
        Example(
            "John Park ran marketing at Coca-Cola.",
            ("John Park", "worksFor", "Coca-Cola"),
            "verb:run",
        ),
        Example(
            "David Kim served on the boards of Intel and Cisco.",
            ("David Kim", "worksFor", "Cisco"),
            "verb:serve",
        ),
        Example(
            "Netflix, which is based in Los Gatos, grew.",
            ("Netflix", "basedIn", "Los Gatos"),
            "verb:base",
        ),
        Example(
            "TikTok Shop launched in Spain.",
            ("TikTok Shop", "operatesIn", "Spain"),
            "verb:launch+in",
        ),
        Example(
            "Amazon launched its service in India.",
            ("Amazon", "operatesIn", "India"),
            "verb:launch+in",
        ),
        Example(
            "Tom Reed joined Nike from Red Bull.", ("Tom Reed", "worksFor", "Red Bull"), "verb:join"
        ),
        Example(
            "Microsoft entered the Indian market in 2020.",
            ("Microsoft", "operatesIn", "India"),
            "verb:enter",
        ),
        Example(
            "Google acquired Fitbit in 2021.", ("Google", "acquired", "Fitbit"), "verb:acquire"
        ),
        Example(
            "Fitbit was acquired by Google in 2021.",
            ("Google", "acquired", "Fitbit"),
            "verb:acquire",
        ),
        Example(
            "Microsoft hired Satya Nadella in 1992.",
            ("Satya Nadella", "worksFor", "Microsoft"),
            "verb:hire",
        ),
        Example(
            "Pepsi competes with Coca-Cola in every market.",
            ("Pepsi", "competitorOf", "Coca-Cola"),
            "verb:compete",
        ),
        Example(
            "Stripe opened an office in Dublin.", ("Stripe", "operatesIn", "Dublin"), "verb:open"
        ),
    ),
    counter_examples=(
        Example(
            "Harris was backed by Google in the election.", ("Google", "holdsStakeIn", "Harris")
        ),
    ),
)
def verb_relations(verb: Token, ctx: Context) -> Iterator[Found]:
    """Active and passive verbs with prepositions and particles, through coordination and
    control."""
    key = _phrasal(verb)
    if key not in VERBS or verb.pos_ not in ("VERB", "AUX"):
        return
    pred, slots, reverse = VERBS[key]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")
    )
    if passive:
        reading = _passive_reading(verb, key, pred, slots, ctx)
    elif key in PASSIVE_ONLY:
        reading = None
    else:
        reading = subjects_of(verb, ctx), _active_objects(verb, pred, slots, ctx)
    if reading is None:
        return
    subjects, objects = reading
    if reverse:
        subjects, objects = objects, subjects
    quals = date_of(verb)
    if pred == "operatesIn" and not passive:
        objects.extend(n for c in verb.children if c.dep_ == "dobj" for n in _market_places(c, ctx))
    if key == "spend" and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in TIME_NOUNS for c in verb.children
    ):
        return  # "spent $2 billion at auctions" is no job
    if pred == "worksFor" and not reverse:
        earlier = _earlier_employers(verb, key, ctx)
        objects.extend(n for n in earlier if n not in objects and org_like(n, ctx))
    for s in subjects:
        for o in objects:
            if _plausible(s, o, key, pred, ctx):
                yield Found(s, pred, o, verb, f"verb:{key}", quals)
    if pred == "launched":
        yield from _launch_places(verb, key, passive, subjects, objects, quals, ctx)


def _passive_reading(
    verb: Token, key: str, pred: str, slots: tuple[str, ...], ctx: Context
) -> tuple[list[Name], list[Name]] | None:
    """(subjects, objects) of a passive: "Y was acquired by X", "an app owned by X", "WPP,
    based in London"; None when the verb states nothing in this use."""
    agents = pobjs(verb, ("by",), ctx) + [
        (n, c)
        for c in verb.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj"
        for n in names_at(p, ctx)
    ]
    subjects = [n for n, _ in agents]
    objects: list[Name] = []
    patients = [n for c in verb.children if c.dep_ == "nsubjpass" for n in names_at(c, ctx)]
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ in ("acl", "amod") and not patients and not infinitive:
        patients = bracketed(verb, ctx) or described_entity(verb.head, ctx)
    elif not patients and infinitive:
        # "VMI agreed to be acquired by X", "Elpida entered into an agreement to be acquired
        # by X"
        clause = (
            verb.head
            if verb.dep_ != "acl"
            else verb.head.head.head
            if verb.head.dep_ == "pobj"
            else verb.head.head
        )
        patients = (
            subjects_of(verb if verb.dep_ == "xcomp" else clause, ctx)
            if clause.pos_ in ("VERB", "AUX")
            else []
        )
    if key in PASSIVE_ONLY and (
        key == "organize" and not (verb.dep_ == "acl" and verb.head.lower_ in COMPANY_NOUNS)
    ):
        return None
    if pred in ("basedIn", "operatesIn"):
        subjects, objects = patients, [n for n, _ in places_in(verb, slots, ctx)]
    else:
        objects = patients
    if pred == "launched" and not subjects:
        subjects = [_brand_owner(n, ctx) for n in objects]
        subjects = [s for s in subjects if s is not None]
    return subjects, objects


def _active_objects(verb: Token, pred: str, slots: tuple[str, ...], ctx: Context) -> list[Name]:
    """What an active verb's object slots (its direct object or prepositions) name."""
    objects: list[Name] = []
    for slot in slots:
        if slot == "dobj":
            for child in verb.children:
                if child.dep_ in ("dobj", "attr"):
                    _direct_objects(verb, child, pred, objects, ctx)
            if not any(c.dep_ in ("dobj", "attr") for c in verb.children):
                # "joined Cobblestone Running in 2017" parsed with "Running" as a verb: the name
                # right after a transitive verb is its object
                nxt = ctx.name_on(verb.i + 1) or (
                    ctx.name_on(verb.i + 2)
                    if verb.i + 2 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "the"
                    else None
                )
                if (
                    nxt is not None
                    and nxt.start > verb.i
                    and not any(
                        c.dep_ in ("nsubj", "nsubjpass") and ctx.name_on(c.i) is nxt
                        for c in verb.children
                    )
                ):
                    objects.append(nxt)
        else:
            objects.extend(n for n, _ in pobjs(verb, (slot,), ctx))
            if pred == "worksFor":  # "served on the boards of A and B"
                objects.extend(
                    n
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ == slot
                    for b in c.children
                    if b.dep_ == "pobj" and b.lemma_.lower() in BODY_NOUNS
                    for n, _ in pobjs(b, ("of",), ctx)
                )
    return objects


def _direct_objects(
    verb: Token, child: Token, pred: str, objects: list[Name], ctx: Context
) -> None:
    """Add to `objects` what one direct object (or attribute) of `verb` names."""
    if pred in ("owns", "acquired") and child.lemma_ in EVENT_NOUNS:
        return  # "owns a stake in" is a stake, not ownership
    # ("picked up the snack maker Crunchly", however it is parsed)
    found = names_at(child, ctx) or named_after(child, ctx)
    objects.extend(found)
    if pred == "launched" and not ctx.in_name(child.i):
        # "launched its Ferro-X lithium iron phosphate cell": the name
        # inside the phrase
        objects.extend(
            n
            for t in child.subtree
            if t.i < child.i
            and t.dep_ in ("compound", "nmod", "amod", "nummod")
            and (n := ctx.name_on(t.i)) is not None
            and n.type in (PRODUCT, None)
            and n not in objects
        )
    if pred == "acquired" and child.lemma_.lower() in ASSET_NOUNS and not ctx.in_name(child.i):
        # "acquired the assets of X", "bought the business of X"
        objects.extend(n for n, _ in pobjs(child, ("of",), ctx))
    if (
        pred == "worksFor"
        and child.lemma_.lower() in UNIT_NOUNS | BODY_NOUNS
        and not ctx.in_name(child.i)
    ):
        # ("joined PayLoop's board as chairman")
        # "who heads Microsoft's cloud unit": the unit's owner employs
        objects.extend(
            n for g in child.children if g.dep_ == "poss" for n in names_at(g, ctx, spread=False)
        )
        # "who ran the battery division of Robert Bosch GmbH"
        objects.extend(n for n, _ in pobjs(child, ("of", "at"), ctx))
    if pred == "worksFor" and child.lemma_.lower() in FUNCTION_NOUNS and not ctx.in_name(child.i):
        objects.extend(
            n for n, _ in pobjs(verb, ("at", "for"), ctx)
        )  # "ran marketing at Coca-Cola"


def _earlier_employers(verb: Token, key: str, ctx: Context) -> list[Name]:
    """ "joined from Red Bull"; "joined X after a decade at Columbia Sportswear": earlier
    employers."""
    earlier = [n for n, _ in pobjs(verb, ("from",), ctx)] if key == "join" else []
    if any(
        c.dep_ == "prep"
        and c.lower_ in ("after", "following")
        and any(p.dep_ == "pobj" and p.lemma_.lower() in TIME_NOUNS for p in c.children)
        for c in verb.children
    ):
        earlier += [n for n, _ in pobjs(verb, ("at", "with"), ctx)]
        earlier += [
            n
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("after", "following")
            for p in c.children
            if p.dep_ == "pobj" and p.lemma_.lower() in TIME_NOUNS
            for n, _ in pobjs(p, ("at", "with"), ctx)
        ]
    return earlier


def _plausible(s: Name, o: Name, key: str, pred: str, ctx: Context) -> bool:
    """Can `s` stand in `pred` to `o` as this verb says?"""
    founded = key in FOUNDING_VERBS and o.ner_type == PERSON and not o.votes.get(PERSON)
    if (
        s is o
        or pred == "worksFor"
        and (
            s.type not in (PERSON, None)
            or not (founded or org_like(o, ctx, lenient=key in JOINING_VERBS))
        )
    ):
        return False  # "Mrs. Rose hired Abebe Worke": a person is nobody's employer
    # (but nobody founds a person: "X founded Otto" names a company NER took for one)
    if key in INVESTOR_VERBS and o.type not in (ORG, None):
        return False  # "backed by Google" is a stake in a company, "backed Harris" is support
    return True


def _launch_places(
    verb: Token,
    key: str,
    passive: bool,
    subjects: list[Name],
    objects: list[Name],
    quals: tuple[tuple[str, str], ...],
    ctx: Context,
) -> Iterator[Found]:
    """ "launched the TikTok Shop in the UK": the product operates there; "TikTok Shop launched
    in Spain": so does the subject of an intransitive launch."""
    # "launched its service in India": what was launched is the subject's own offering
    offering = (
        [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in OFFERINGS]
        if not passive and not objects
        else []
    )
    # "launched Corvana Pay, its payments product, in Mexico": the place may hang on an
    # apposition
    described = [
        a for c in verb.children if c.dep_ == "dobj" for a in c.children if a.dep_ == "appos"
    ]
    places = pobjs(verb, ("in",), ctx) + [
        p for c in offering + described for p in pobjs(c, ("in",), ctx)
    ]
    for place, _ in places:
        for o in objects or ([] if passive else subjects) if not offering else subjects:
            yield Found(o, "operatesIn", place, verb, f"verb:{key}+in", quals)


def _market_places(obj: Token, ctx: Context) -> list[Name]:
    """ "entered the Indian market", "the US market": the place a market noun names."""
    if obj.lower_ not in MARKET_NOUNS:
        return []
    out = []
    for child in obj.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            name = ctx.name_on(child.i)
            if name is not None and name.type == PLACE:
                out.append(name)
            elif child.lower_ in DEMONYMS:
                country = ctx.demonym(child)
                if country is not None:
                    out.append(country)
    return out


def _brand_owner(product: Name, ctx: Context) -> Name | None:
    """The organisation whose name starts a product's name ("Amazon Inspire" -> Amazon)."""
    first = product.text.split()[0]
    if first == product.text:
        return None
    for name in ctx.names:
        if name.text == first and name.type == ORG:
            return name
    return None
