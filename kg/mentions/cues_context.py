"""Context cues for organisations, places and products, and the nouns that describe a name.

Each cue is declared with `@cue(id, type, weight, why)` over a finder `(names, name, head)`;
the run order is the explicit list in `kg.mentions.cues`. Examples of each live in
tests/test_names_cues.py.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import (
    COMPANY_POSSESSIONS,
    PRODUCT_WHEN_MODIFIER,
    ROLE_NOUNS,
    TOWN_WORDS,
    TYPE_NOUNS,
)
from ..model import ORG, PERSON, PLACE, PRODUCT
from .cue import cue
from .name import Name, familiar_place
from .tokens import _place_shaped, is_age

# Products that are as often the company behind them ("Hearth, the social audio app").
COMPANY_PRODUCTS = {"app", "platform", "service", "network", "site", "marketplace", "website"}
SPEECH_VERBS = {
    "say", "tell", "add", "explain", "comment", "note", "write", "recall", "argue", "insist",
}  # fmt: skip
_NATIVE_WORDS = ("native", "natives", "resident", "residents")


@cue("described.modifier", None, 3.0, "a type noun or title modifying the name in its phrase")
def described_modifier(names, name: Name, h: Token) -> list[str]:
    kinds = []
    for child in h.children:
        if (
            child.dep_ in ("compound", "amod", "nmod")
            and child.i < name.start
            and child.i not in names.by_token
        ):
            kind = TYPE_NOUNS.get(child.lower_)  # (not the "City" of a name "Guatemala City")
            if kind:
                kinds.append(kind)
                names.described[name.text].add(child.lemma_.lower())
    return kinds


@cue("described.appositive", None, 3.0, "an appositive type noun after the name")
def described_appositive(names, name: Name, h: Token) -> list[str]:
    kinds = []
    for child in h.children:
        if child.dep_ == "appos":
            kind = TYPE_NOUNS.get(child.lower_)
            if kind:
                kinds.append(kind)
                names.described[name.text].add(child.lemma_.lower())
    return kinds


@cue("org.app-appositive", ORG, 1.5, "an app or platform in apposition is mostly its company")
def app_appositive(names, name: Name, h: Token) -> int:
    return sum(
        1
        for child in h.children
        if child.dep_ == "appos" and child.lower_ in TYPE_NOUNS and child.lower_ in COMPANY_PRODUCTS
    )


@cue("described.appositive-head", None, 3.0, "the name in apposition to a type noun")
def described_appositive_head(names, name: Name, h: Token) -> list[str]:
    if h.dep_ == "appos" and h.head.i not in names.by_token and h.head.lower_ in TYPE_NOUNS:
        names.described[name.text].add(h.head.lemma_.lower())
        return [TYPE_NOUNS[h.head.lower_]]
    return []


# Nouns whose named members are brands or models ("its Kestrel brand", "brands including A",
# "the A and B sedans"); "big names include" is left out: it lists companies and people too.
BRAND_HEADS = frozenset(
    """brand brands label labels marque marques range ranges model models sedan sedans
    crossover crossovers console consoles""".split()
)
_LIST_OPENERS = frozenset({"including", "as", "like"})
_LIST_ENDS = frozenset({";", ":", ".", "which", "who", "that", "said", "says", "but", "while"})


@cue(
    "product.modifier",
    PRODUCT,
    3.0,
    "the name modifying a product noun after it, or listed after a brand or model noun",
)
def product_modifier(names, name: Name, h: Token) -> bool:
    if (
        h.dep_ == "compound"
        and h.head.i > h.i
        and h.head.lower_ in PRODUCT_WHEN_MODIFIER | BRAND_HEADS
        and h.head.i not in names.by_token
    ):
        return True
    return _listed_brand(name, h)


def _listed_brand(name: Name, h: Token) -> bool:
    """ "labels including Ridgeback and Fenwick", "brands such as A", "models include A and B":
    the name is one of the listed brands or models."""
    doc, start = h.doc, h.sent.start
    for i in range(name.start - 1, start - 1, -1):
        tok = doc[i]
        if tok.lower_ in _LIST_ENDS:
            return False
        if tok.lower_ in _LIST_OPENERS and tok.dep_ == "prep" and tok.head.lower_ in BRAND_HEADS:
            return True
        if tok.lemma_ == "include" and any(
            c.dep_ == "nsubj" and c.lower_ in BRAND_HEADS for c in tok.children
        ):
            return True
    return False


@cue("described.predicate", None, 2.0, "the name as subject of 'is a' type noun")
def described_predicate(names, name: Name, h: Token) -> list[str]:
    if not (h.dep_ == "nsubj" and h.head.lemma_ in ("be", "become", "remain")):
        return []
    return [
        TYPE_NOUNS[child.lower_]
        for child in h.head.children
        if child.dep_ == "attr"
        and child.lower_ in TYPE_NOUNS
        and not any(c.dep_ == "prep" for c in child.children)
    ]


# (never against NER's "place": a city's union leader is no employee of the city)
@cue("org.role-at", ORG, 2.0, "object of at/of/for/with after a role noun")
def role_at(names, name: Name, h: Token) -> bool:
    return (
        name.ner_type != PLACE
        and h.dep_ == "pobj"
        and h.head.lower_ in ("at", "of", "for", "with")
        and h.head.head.lower_ in ROLE_NOUNS
    )


@cue("org.role-owner", ORG, 2.0, "the name owning or modifying a role noun")
def role_owner(names, name: Name, h: Token) -> bool:
    return (
        name.ner_type != PLACE
        and h.dep_ in ("poss", "compound")
        and h.head.lower_ in ROLE_NOUNS
        and h.head.i not in names.by_token
    )


@cue("org.title-before-holder", ORG, 2.0, "an unfamiliar 'place' before a title and a person")
def title_before_holder(names, name: Name, h: Token) -> bool:
    if not (
        name.ner_type == PLACE
        and h.dep_ == "compound"
        and h.head.lower_ in ROLE_NOUNS
        and h.head.i == name.end
        and not familiar_place(name.text)
    ):
        return False
    words = name.text.casefold().split()
    if _place_shaped(words) or words[-1] in TOWN_WORDS:
        return False
    holder = names.by_token.get(name.end + 1)
    return holder is not None and holder.ner == "PERSON"


@cue("place.native", PLACE, 2.0, "the name modifying native or resident")
def native(names, name: Name, h: Token) -> bool:
    return (
        h.dep_ == "compound" and h.head.lower_ in _NATIVE_WORDS and h.head.i not in names.by_token
    )


@cue("place.of-after-age", PLACE, 2.5, "', 25, of X' after a person's age: a hometown")
def of_after_age(names, name: Name, h: Token) -> bool:
    toks, s = names.toks, name.start
    return (
        s >= 4
        and toks[s - 1].lower_ == "of"
        and toks[s - 2].text == ","
        and is_age(toks[s - 3])
        and toks[s - 4].text == ","
    )


@cue("org.possession", ORG, 1.5, "what only companies have: shares of X, X's stake, unit of X")
def company_possession(names, name: Name, h: Token) -> bool:
    if name.ner_type == PLACE and familiar_place(name.text):
        return False
    if h.dep_ == "pobj":
        return h.head.lower_ in ("of", "in") and h.head.head.lemma_.lower() in COMPANY_POSSESSIONS
    return (
        h.dep_ in ("poss", "compound")
        and h.head.lemma_.lower() in COMPANY_POSSESSIONS
        and h.head.i not in names.by_token
    )


# (NER often calls an unfamiliar company a GPE)
@cue("org.based-in", ORG, 4.0, "the name 'based in' or 'headquartered in' somewhere")
def based_in(names, name: Name, h: Token) -> bool:
    return (
        name.ner_type != PERSON
        and not familiar_place(name.text)
        and any(c.dep_ == "acl" and c.lower_ in ("based", "headquartered") for c in h.children)
    )


@cue("place.hyphen-based", PLACE, 3.0, "'X-based': what a company is based in is a place")
def hyphen_based(names, name: Name, h: Token) -> bool:
    toks, e = names.toks, name.end
    return (
        e + 1 < len(toks)
        and toks[e].text == "-"
        and toks[e + 1].lower_ in ("based", "headquartered")
    )


def _speaker_pronoun(names, h: Token) -> str | None:
    """'' for a speaker reporting no pronoun, the pronoun it reports, or None (no speaker)."""
    if h.dep_ == "nsubj" and h.head.lemma_ in SPEECH_VERBS:
        return _reported_pronoun(h.head) or ""
    return None


@cue("org.speaker-says-it", ORG, 2.0, "a speaker that reports itself as 'it'")
def speaker_it(names, name: Name, h: Token) -> bool:
    return _speaker_pronoun(names, h) in ("it", "its")


@cue("person.speaker-says-he-she", PERSON, 2.0, "a speaker that reports itself as he or she")
def speaker_person(names, name: Name, h: Token) -> bool:
    return _speaker_pronoun(names, h) in ("he", "she", "his", "her")


# (weakly: companies "say" too)
@cue("person.speaker", PERSON, 0.5, "subject of a speech verb")
def speaker(names, name: Name, h: Token) -> bool:
    return _speaker_pronoun(names, h) == ""


def _reported_pronoun(verb: Token) -> str | None:
    """The pronoun subject (or possessor of the subject) of what a speech verb reports."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in ("it", "he", "she"):
                    return child.lower_
                poss = next(
                    (
                        g.lower_
                        for g in child.children
                        if g.dep_ == "poss" and g.lower_ in ("its", "his", "her")
                    ),
                    None,
                )
                if poss:
                    return poss
    return None
