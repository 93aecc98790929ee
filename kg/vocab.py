"""The kg vocabulary as an rdflib DefinedNamespace: a misspelt term is an error.

Kept in sync with ontology/kg.ttl by tests/test_vocab.py.
"""
from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://example.org/kg/ontology#"
DEFAULT_BASE = "https://example.org/kg/id/"


class KG(DefinedNamespace):
    """Classes, the ten core relations and the provenance terms of a kg graph."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    # Classes
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Product: URIRef
    Document: URIRef
    Mention: URIRef

    # Core relations (their local names are the contract with kg evaluate and gold files)
    partnerOf: URIRef
    competitorOf: URIRef
    owns: URIRef
    acquired: URIRef
    holdsStakeIn: URIRef
    worksFor: URIRef
    advertisesOn: URIRef
    launched: URIRef
    operatesIn: URIRef
    basedIn: URIRef
    # Inverses
    ownedBy: URIRef
    employs: URIRef

    # Provenance and annotations
    sentence: URIRef
    startChar: URIRef
    endChar: URIRef
    rule: URIRef
    confidence: URIRef
    modality: URIRef
    asserted: URIRef
    language: URIRef
    sourcePath: URIRef
    mentionedIn: URIRef
    mentionCount: URIRef
    roleTitle: URIRef
    stakePercent: URIRef
    date: URIRef
    qualifier: URIRef


RELATIONS: dict[str, URIRef] = {
    name: KG[name]
    for name in (
        "partnerOf",
        "competitorOf",
        "owns",
        "acquired",
        "holdsStakeIn",
        "worksFor",
        "advertisesOn",
        "launched",
        "operatesIn",
        "basedIn",
    )
}
SYMMETRIC = frozenset({"partnerOf", "competitorOf"})
CLASSES: dict[str, URIRef] = {
    "Organization": KG.Organization,
    "Person": KG.Person,
    "Place": KG.Place,
    "Product": KG.Product,
}
