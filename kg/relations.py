"""The ten core relations, each declared once (in the manner of CoreNLP KBP's `RelationType`).

Everything that used to restate a relation's signature derives from `RELATION_TYPES`: the
vocabulary (`kg.vocab.KG`, `RELATIONS`, `SYMMETRIC`, `INVERSES`), what entity resolution accepts
(`kg.resolve.SIGNATURES`), what a relation tells the rules about its arguments' types (`implies`)
and the prepositions the noun rules read its other party from. tests/test_relations.py checks
the declarations against ontology/kg.ttl and ontology/shapes.ttl, and `_check` below rejects an
inconsistent declaration when kg is imported, not halfway through a build.

Adding a relation: one `RelationType` below, plus its terms in kg.ttl and its shape in
shapes.ttl (see CONTRIBUTING.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import ORG, PERSON, PLACE, PRODUCT

TYPES = frozenset({ORG, PERSON, PLACE, PRODUCT})


@dataclass(frozen=True)
class RelationType:
    """One relation: its name (the local name in kg.ttl and gold files) and what it allows.

    `domain`/`range` are the entity types resolution keeps (the ontology's rdfs:domain/range);
    `implies` is the type a rule's finding votes for when NER is silent or wrong about an
    argument (None: the relation says nothing about that slot); `place_subject_is_company` /
    `place_object_is_company` let that vote override NER's "place" ("the deal between Disney and
    Netflix"); `person_object_is_misread` lets it override NER's "person" in the object slot
    (nobody acquires a person). `noun_preps` introduce the other party of an event noun ("a
    stake in X"); `description_preps` the other party of a description ("a rival of X").
    """

    name: str
    domain: frozenset[str]
    range: frozenset[str]
    implies: tuple[str | None, str | None]
    symmetric: bool = False
    inverse: str | None = None
    noun_preps: tuple[str, ...] = ()
    description_preps: tuple[str, ...] = ()
    place_subject_is_company: bool = False
    place_object_is_company: bool = False
    person_object_is_misread: bool = False


def _types(*kinds: str) -> frozenset[str]:
    return frozenset(kinds)


RELATION_TYPES: tuple[RelationType, ...] = (
    RelationType(
        "partnerOf",
        _types(ORG, PRODUCT, PERSON),
        _types(ORG, PRODUCT, PERSON),
        (ORG, ORG),
        symmetric=True,
        noun_preps=("with",),
        description_preps=("of", "to", "with", "at"),
        place_subject_is_company=True,
        place_object_is_company=True,
    ),
    RelationType(
        "competitorOf",
        _types(ORG, PRODUCT),
        _types(ORG, PRODUCT),
        (ORG, ORG),
        symmetric=True,
        noun_preps=("with", "against"),
        description_preps=("of", "to"),
        place_subject_is_company=True,
        place_object_is_company=True,
    ),
    RelationType(
        "owns",
        _types(ORG, PERSON),
        _types(ORG, PRODUCT),
        (None, ORG),
        inverse="ownedBy",
        description_preps=("of",),
        place_object_is_company=True,
        person_object_is_misread=True,
    ),
    RelationType(
        "acquired",
        _types(ORG, PERSON),
        _types(ORG, PRODUCT),
        (ORG, ORG),
        noun_preps=("of",),
        place_subject_is_company=True,
        place_object_is_company=True,
        person_object_is_misread=True,
    ),
    RelationType(
        "holdsStakeIn",
        _types(ORG, PERSON),
        _types(ORG),
        (None, ORG),
        noun_preps=("in",),
        description_preps=("in", "of"),
        place_object_is_company=True,
        person_object_is_misread=True,
    ),
    RelationType(
        "worksFor",
        _types(PERSON),
        _types(ORG),
        (PERSON, ORG),
        inverse="employs",
        description_preps=("of", "at", "for", "with", "in"),
    ),
    RelationType(
        "advertisesOn",
        _types(ORG, PRODUCT),
        _types(ORG, PRODUCT),
        (ORG, None),
        noun_preps=("on", "with"),
        description_preps=("on",),
    ),
    RelationType(
        "launched",
        _types(ORG, PERSON),
        _types(PRODUCT, ORG),
        (ORG, PRODUCT),
        noun_preps=("of",),
        person_object_is_misread=True,
    ),
    RelationType(
        "operatesIn",
        _types(ORG, PRODUCT),
        _types(PLACE),
        (None, PLACE),
        noun_preps=("into", "to", "in"),
    ),
    RelationType(
        "basedIn",
        _types(ORG),
        _types(PLACE),
        (ORG, PLACE),
        noun_preps=("in",),
        place_subject_is_company=True,
    ),
)

BY_NAME: dict[str, RelationType] = {r.name: r for r in RELATION_TYPES}
NAMES: tuple[str, ...] = tuple(BY_NAME)
SYMMETRIC = frozenset(r.name for r in RELATION_TYPES if r.symmetric)
INVERSE_OF: dict[str, str] = {r.name: r.inverse for r in RELATION_TYPES if r.inverse}


class RelationDeclarationError(ValueError):
    """A relation declaration contradicts itself: raised at import, in one line."""


def _check(relations: tuple[RelationType, ...]) -> None:
    """Fail at import on a declaration that could only fail later, at run time."""
    if len({r.name for r in relations}) != len(relations):
        raise RelationDeclarationError("a relation is declared twice")
    for r in relations:
        kinds = r.domain | r.range | {k for k in r.implies if k is not None}
        if not r.domain or not r.range or not kinds <= TYPES:
            raise RelationDeclarationError(
                f"{r.name}: domain/range/implies must use {sorted(TYPES)}"
            )
        if r.implies[0] not in r.domain | {None} or r.implies[1] not in r.range | {None}:
            raise RelationDeclarationError(f"{r.name}: implies a type outside its domain/range")
        if r.symmetric and (r.domain != r.range or r.inverse):
            raise RelationDeclarationError(f"{r.name}: a symmetric relation has one signature")
        if r.inverse in BY_NAME or r.inverse == r.name:
            raise RelationDeclarationError(f"{r.name}: inverse {r.inverse} is a core relation")


def relation(name: str) -> RelationType:
    """The declaration of `name`, or a one-line error naming the relations there are."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise RelationDeclarationError(
            f"unknown relation {name!r}; one of {', '.join(NAMES)}"
        ) from None


_check(RELATION_TYPES)
