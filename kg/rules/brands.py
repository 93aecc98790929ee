"""Brands and models by name: what a company owns or launches, listed after it.

Real news names a company's brands in lists ("Marlowe's big names include Kestrel rum, Tovar
brandy and Ansel vodka", "Marlowe is home to brands including ...", "Halvane, which owns brands
including Brisa soap") and its new products by a noun ("unveiling the Aria and Sola models",
"new models introduced by Volvex include the Aria and Sola sedans"). The parse of such lists
is unreliable (a brand word is often the head, the name its compound, the list split into
appositions and conjuncts), so the items are read left to right from the list's opening word
to the first word that ends it; the owner is read from the parse.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicons import place_name
from ..mentions import Name
from ..model import PERSON, PRODUCT
from .base import Example, Found, rule
from .context import Context
from .parse import described_entity, names_at, org_like, subjects_of
from .triggers import (
    BEHIND_NOUNS,
    BRAND_NOUNS,
    BRAND_VERBS,
    LAUNCH_VERBS,
    LIST_PREPS,
    LIST_STOPS,
    LIST_VERBS,
    MEMBER_MODIFIERS,
    MEMBER_NOUNS,
    MODEL_NOUNS,
)


def _owners_by_poss(noun: Token, ctx: Context) -> list[Name]:
    """ "Marlowe's brands", "its Kestrel brand" (the pronoun's antecedent)."""
    out: list[Name] = []
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ in ("its", "their") or child.pos_ == "NOUN":
            ante = ctx.antecedent(child.i)
            if ante is not None:
                out.append(ante)
        else:
            out.extend(names_at(child, ctx, spread=False))
    return out


def _holder(noun: Token, ctx: Context) -> list[Name]:
    """Who has the brands: "Marlowe's brands", "Halvane, which owns brands", "Marlowe is home
    to brands"."""
    owners = _owners_by_poss(noun, ctx)
    if owners:
        return owners
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ in BRAND_VERBS:
        return subjects_of(head, ctx)
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "home":
        home = head.head
        if home.dep_ == "attr":
            return described_entity(home, ctx)
        if home.head.lemma_ == "be":
            return subjects_of(home.head, ctx)
    return []


def _launcher(noun: Token, ctx: Context) -> tuple[list[Name], Token | None]:
    """Who launched the models: "models introduced by Volvex", "Volvex unveiled the models"."""
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_ in LAUNCH_VERBS:
            for agent in child.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            return names_at(pobj, ctx, spread=False), child
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ in LAUNCH_VERBS:
        found = subjects_of(head, ctx)
        if not found and head.dep_ == "advcl" and head.tag_ == "VBG":
            found = subjects_of(head.head, ctx)  # "Volvex is ..., unveiling the A model"
        return found, head
    return [], None


def _listed(start: int, ctx: Context) -> list[Name]:
    """The names after token `start` up to the word that ends the list: the sentence's end, a
    semicolon or colon, a relative or subordinate word, or a preposition ("in Europe")."""
    sent = ctx.sent(start)
    out: list[Name] = []
    i = start + 1
    while i < sent.end:
        tok = ctx.toks[i]
        if tok.text in (";", ":", ".") or tok.lower_ in LIST_STOPS:
            break
        if tok.pos_ == "ADP" and tok.lower_ not in LIST_PREPS and not ctx.in_name(i):
            break
        name = ctx.name_on(i)
        if name is not None:
            name = _whole(name, ctx, sent.end)
            if name not in out:
                out.append(name)
            i = max(i + 1, name.end)
            continue
        i += 1
    return out


def _whole(name: Name, ctx: Context, limit: int) -> Name:
    """A brand or model the names side split in two: "Jacob's Creek", "Dunkin' Donuts" (a
    possessive inside the name), "Mercury Montego" (a make before its model): one name."""
    toks, end = ctx.toks, name.end
    while end < limit:
        k = end + 1 if toks[end].tag_ == "POS" and toks[end].whitespace_ else end
        nxt = ctx.name_on(k) if k < limit else None
        if nxt is not None and nxt.start == k and nxt is not name:
            end = nxt.end
            continue
        if k > end and k < limit and _capital(toks[k]):
            while k < limit and _capital(toks[k]) and not ctx.in_name(k):
                k += 1
            end = k
            continue
        break
    if end == name.end:
        return name
    text = ctx.text[toks[name.start].idx : toks[end - 1].idx + len(toks[end - 1].text)]
    # (no NER label: the role types the joined name, NER only saw its parts)
    return Name(text=text, start=name.start, end=end, votes=dict(name.votes))


def _capital(tok: Token) -> bool:
    return tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper()


def _named_before(noun: Token, ctx: Context) -> list[Name]:
    """ "the Aria and Sola models", "its Kestrel brand": names inside the noun's phrase."""
    out: list[Name] = []
    for i in range(noun.left_edge.i, noun.i):
        name = ctx.name_on(i)
        if name is not None and name.end <= noun.i and name not in out:
            out.append(name)
    return out


def _items(noun: Token, ctx: Context) -> list[Name]:
    """What the noun lists: after "including"/"such as" on it, after the verb it is the subject
    of ("names include"), or before it ("the Aria and Sola models")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in LIST_PREPS:
            if child.lower_ == "as" and not any(c.lower_ == "such" for c in child.children) and (
                ctx.toks[child.i - 1].lower_ != "such"
            ):
                continue
            return _listed(child.i, ctx)
    if noun.dep_ == "nsubj" and noun.head.lemma_ in LIST_VERBS:
        return _listed(noun.head.i, ctx)
    return _named_before(noun, ctx)


def _fits(item: Name, owners: list[Name]) -> bool:
    return (
        item not in owners
        and not place_name(item.text)
        and all(item.text != o.text for o in owners)
    )


@rule(
    "brand",
    scope="noun",
    emits=("owns",),
    confidence=0.75,
    writes=("noun:brand",),
    examples=(
        Example(
            "Marlowe Group's big names include Kestrel rum, Tovar brandy and Ansel vodka.",
            ("Marlowe Group", "owns", "Ansel"),
            "noun:brand",
        ),
        Example(
            "Halvane, which owns brands including Brisa soap, said profit fell.",
            ("Halvane", "owns", "Brisa"),
            "noun:brand",
        ),
        Example(
            "Sales at Halvane Foods rose as its Brisa brand grew.",
            ("Halvane Foods", "owns", "Brisa"),
            "noun:brand",
        ),
        Example(
            "Orvane Group runs the Kestrel and Tovar marketplaces.",
            ("Orvane Group", "owns", "Tovar"),
            "noun:brand",
        ),
    ),
    counter_examples=(
        Example(
            "Marlowe Group may sell brands including Kestrel rum.",
            ("Marlowe Group", "owns", "Kestrel"),
        ),
        Example(
            "Marlowe Group's rivals include Kestrel Drinks and Tovar Spirits.",
            ("Marlowe Group", "owns", "Kestrel Drinks"),
        ),
        Example(
            "Tovar Cafes competes with chains such as Kestrel Coffee.",
            ("Tovar Cafes", "owns", "Kestrel Coffee"),
        ),
    ),
)
def brand_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """A brand noun whose owner the parse gives and whose names the text lists: the owner owns
    each named brand."""
    if noun.lower_ not in BRAND_NOUNS:
        return
    owners = [o for o in _holder(noun, ctx) if _owner_like(o, ctx)]
    if not owners:
        return
    items = _items(noun, ctx)
    held = noun.dep_ == "dobj" and noun.head.lemma_ in BRAND_VERBS
    # "Halvane may sell brands ...": the verb's modality; "its brands", "home to" presuppose
    trigger = noun.head if held else noun
    for owner in owners:
        for item in items:
            if _fits(item, owners):
                yield Found(owner, "owns", item, trigger, "noun:brand", presupposed=not held)


def _owner_like(name: Name, ctx: Context) -> bool:
    """A company, or a one-word name NER took for a person (brands have no personal owners in
    these lists; "Marlowe is home to brands")."""
    return org_like(name, ctx) or (
        name.type == PERSON and " " not in name.text and not place_name(name.text)
    )


@rule(
    "models",
    scope="noun",
    emits=("launched",),
    confidence=0.75,
    writes=("noun:models",),
    examples=(
        Example(
            "Volvex Motors is working to revive its range, unveiling the Aria and Sola models.",
            ("Volvex Motors", "launched", "Sola"),
            "noun:models",
        ),
        Example(
            "New models introduced by Volvex Motors include the Pavo and Lyra sedans.",
            ("Volvex Motors", "launched", "Lyra"),
            "noun:models",
        ),
    ),
    counter_examples=(
        Example(
            "Volvex Motors may unveil the Aria and Sola models next year.",
            ("Volvex Motors", "launched", "Sola"),
        ),
        Example(
            "Volvex Motors' rivals include the makers of the Pavo and Lyra sedans.",
            ("Volvex Motors", "launched", "Lyra"),
        ),
    ),
)
def model_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """A product noun a company unveils or introduces, with the products named: the company
    launched each of them."""
    if noun.lower_ not in MODEL_NOUNS:
        return
    launchers, verb = _launcher(noun, ctx)
    launchers = [o for o in launchers if org_like(o, ctx)]
    if not launchers or verb is None:
        return
    items = _items(noun, ctx)
    for launcher in launchers:
        for item in items:
            if _fits(item, launchers):
                yield Found(launcher, "launched", item, verb, "noun:models")


@rule(
    "product-possessive",
    scope="name",
    emits=("owns",),
    confidence=0.7,
    writes=("possessive:product",),
    examples=(
        Example(
            "Products such as Halvane's Orbix and Tarvo's Pulsar boosted demand.",
            ("Tarvo", "owns", "Pulsar"),
            "possessive:product",
        ),
    ),
    counter_examples=(
        Example(
            "Halvane's rival Tarvo launched a console.",
            ("Halvane", "owns", "Tarvo"),
        ),
    ),
)
def product_possessive(name: Name, ctx: Context) -> Iterator[Found]:
    """ "Tarvo's Pulsar" where the name is a product (typed so, or listed after "products such
    as"): the company owns it. Company-to-company possessives are the `possessive` rule's."""
    if name.type != PRODUCT and not _listed_product(name, ctx):
        return
    h = ctx.head(name)
    for child in h.children:
        if child.dep_ != "poss" or child.i >= name.start:
            continue
        owner = ctx.name_on(child.i)
        if owner is None or owner is name or not org_like(owner, ctx):
            continue
        if all(t.tag_ == "POS" for t in ctx.doc[owner.end : name.start]):
            yield Found(owner, "owns", name, child, "possessive:product", presupposed=True)


def _listed_product(name: Name, ctx: Context) -> bool:
    """The name is in a list opened by "products such as" / "consoles including"."""
    sent = ctx.sent(name.start)
    for i in range(name.start - 1, sent.start, -1):
        tok = ctx.toks[i]
        if tok.text in (";", ":") or tok.lower_ in LIST_STOPS:
            return False
        if tok.lower_ in LIST_PREPS and tok.dep_ == "prep" and tok.head.lower_ in MODEL_NOUNS:
            return True
    return False


@rule(
    "member",
    scope="noun",
    emits=("owns",),
    confidence=0.75,
    writes=("noun:member",),
    examples=(
        Example(
            "The board of Halden Power, another Halden Group company, met on Monday.",
            ("Halden Group", "owns", "Halden Power"),
            "noun:member",
        ),
        Example(
            "Halden Group reported results. The group's flagship company, Halden Steel, "
            "meets on Friday.",
            ("Halden Group", "owns", "Halden Steel"),
            "noun:member",
        ),
    ),
    counter_examples=(
        Example(
            "Halden Power, a Norwegian company, met on Monday.",
            ("Norway", "owns", "Halden Power"),
        ),
        Example(
            "Halden Group's rival company, Tarvo Steel, met on Monday.",
            ("Halden Group", "owns", "Tarvo Steel"),
        ),
    ),
)
def member_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """A company of a group: "<Unit>, another <Group> company", "the group's flagship company,
    <Unit>": the group owns the unit."""
    if noun.lower_ not in MEMBER_NOUNS:
        return
    if noun.dep_ == "appos" and any(
        c.dep_ == "det" and c.lower_ in ("another", "a", "an") for c in noun.children
    ):
        group = ctx.name_on(noun.i - 1)
        if group is not None and group.end == noun.i and org_like(group, ctx):
            for unit in names_at(noun.head, ctx, spread=False):
                if unit is not group and org_like(unit, ctx):
                    yield Found(group, "owns", unit, noun, "noun:member", presupposed=True)
        return
    if any(
        c.dep_ in ("amod", "compound") and c.lower_ not in MEMBER_MODIFIERS
        for c in noun.children
    ):
        return  # "its rival company, X", "its parent company, X": another relation
    owners = [o for o in _owners_by_poss(noun, ctx) if org_like(o, ctx)]
    for child in noun.children:
        if child.dep_ != "appos":
            continue
        for unit in names_at(child, ctx, spread=False):
            for owner in owners:
                if unit is not owner and org_like(unit, ctx):
                    yield Found(owner, "owns", unit, noun, "noun:member", presupposed=True)


@rule(
    "behind",
    scope="noun",
    emits=("owns",),
    confidence=0.75,
    writes=("noun:behind",),
    examples=(
        Example(
            "Halvane Brands, the consumer goods group behind Brisa soap and Orbix Biscuits, "
            "reported results.",
            ("Halvane Brands", "owns", "Brisa"),
            "noun:behind",
        ),
    ),
    counter_examples=(
        Example(
            "Halvane Brands, the group behind the bid for Orbix Biscuits, reported results.",
            ("Halvane Brands", "owns", "Orbix Biscuits"),
        ),
    ),
)
def behind_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """ "X, the group behind Brisa soap and Orbix Biscuits": the company behind a named brand
    owns it (not "the group behind the bid for Y": only names the preposition governs)."""
    if noun.lower_ not in BEHIND_NOUNS:
        return
    owners = [o for o in described_entity(noun, ctx) if org_like(o, ctx)]
    if not owners:
        return
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "behind":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for t in (pobj, *pobj.conjuncts):
                for item in names_at(t, ctx, spread=False) or _named_before(t, ctx):
                    if _fits(item, owners):
                        for owner in owners:
                            yield Found(owner, "owns", item, prep, "noun:behind", presupposed=True)
