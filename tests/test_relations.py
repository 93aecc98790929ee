"""The relation declarations (kg/relations.py) say what ontology/kg.ttl and ontology/shapes.ttl
say: domains and ranges, symmetry, inverses, and which relations provenance records may name.
And a declaration that contradicts itself fails at import."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Namespace, URIRef
from rdflib.collection import Collection

from kg.relations import (
    BY_NAME,
    INVERSE_OF,
    NAMES,
    RELATION_TYPES,
    SYMMETRIC,
    RelationDeclarationError,
    RelationType,
    _check,
    relation,
)
from kg.resolve import SIGNATURES
from kg.vocab import INVERSES, KG, ONTOLOGY_IRI, RELATIONS, ontology_file
from kg.vocab import SYMMETRIC as VOCAB_SYMMETRIC

SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_file("kg.ttl"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def local(term) -> str:
    return str(term).removeprefix(ONTOLOGY_IRI)


def owl_classes(onto: Graph, node) -> frozenset[str]:
    """A class, or the members of an owl:unionOf, as local names."""
    if isinstance(node, BNode):
        return frozenset(local(m) for m in Collection(onto, onto.value(node, OWL.unionOf)))
    return frozenset({local(node)})


def shacl_classes(shapes: Graph, node) -> frozenset[str]:
    """What a shape (or property shape) requires: one sh:class, or an sh:or of sh:class."""
    cls = shapes.value(node, SH["class"])
    if cls is not None:
        return frozenset({local(cls)})
    alternatives = Collection(shapes, shapes.value(node, SH["or"]))
    return frozenset(local(shapes.value(a, SH["class"])) for a in alternatives)


def shape_signature(shapes: Graph, prop: URIRef) -> tuple[frozenset[str], frozenset[str]]:
    (shape,) = shapes.subjects(SH.targetSubjectsOf, prop)
    (prop_shape,) = [
        p for p in shapes.objects(shape, SH.property) if shapes.value(p, SH.path) == prop
    ]
    return shacl_classes(shapes, shape), shacl_classes(shapes, prop_shape)


def test_every_declared_relation_is_an_object_property_and_nothing_more(onto):
    declared = {
        local(p)
        for p in onto.subjects(RDF.type, OWL.ObjectProperty)
        if str(p).startswith(ONTOLOGY_IRI) and (p, OWL.inverseOf, None) not in onto
    }
    assert declared - {"mentionedIn"} == set(NAMES)


def test_domains_and_ranges_match_kg_ttl(onto):
    for r in RELATION_TYPES:
        assert owl_classes(onto, onto.value(KG[r.name], RDFS.domain)) == r.domain, r.name
        assert owl_classes(onto, onto.value(KG[r.name], RDFS.range)) == r.range, r.name


def test_symmetry_matches_kg_ttl(onto):
    for r in RELATION_TYPES:
        assert ((KG[r.name], RDF.type, OWL.SymmetricProperty) in onto) == r.symmetric, r.name


def test_inverses_match_kg_ttl(onto):
    inverses = {local(o): local(s) for s, o in onto.subject_objects(OWL.inverseOf)}
    assert inverses == INVERSE_OF
    for name, inverse in INVERSE_OF.items():
        r = BY_NAME[name]
        assert owl_classes(onto, onto.value(KG[inverse], RDFS.domain)) == r.range, inverse
        assert owl_classes(onto, onto.value(KG[inverse], RDFS.range)) == r.domain, inverse


def test_shapes_match_the_declarations(shapes):
    for r in RELATION_TYPES:
        assert shape_signature(shapes, KG[r.name]) == (r.domain, r.range), r.name
        if r.inverse:
            assert shape_signature(shapes, KG[r.inverse]) == (r.range, r.domain), r.inverse


def test_provenance_records_name_exactly_the_declared_relations(shapes):
    (prop,) = shapes.subjects(SH.path, RDF.predicate)
    allowed = {local(t) for t in Collection(shapes, shapes.value(prop, SH["in"]))}
    assert allowed == set(NAMES)


def test_vocab_and_resolution_derive_from_the_declarations():
    assert list(RELATIONS) == list(NAMES)
    assert VOCAB_SYMMETRIC == SYMMETRIC == {"partnerOf", "competitorOf"}
    assert {name: local(iri) for name, iri in INVERSES.items()} == INVERSE_OF
    assert SIGNATURES == {r.name: (r.domain, r.range) for r in RELATION_TYPES}


def _bad(**changes) -> tuple[RelationType, ...]:
    fields = (
        dict(
            name="suppliesTo",
            domain=frozenset({"Organization"}),
            range=frozenset({"Organization"}),
            implies=("Organization", None),
        )
        | changes
    )
    return (*RELATION_TYPES, RelationType(**fields))


@pytest.mark.parametrize(
    "declarations, message",
    [
        (_bad(name="owns"), "declared twice"),
        (_bad(range=frozenset({"Company"})), "must use"),
        (_bad(implies=("Person", None)), "outside its domain"),
        (_bad(symmetric=True, range=frozenset({"Place"})), "one signature"),
        (_bad(inverse="owns"), "is a core relation"),
    ],
)
def test_an_inconsistent_declaration_fails_at_import(declarations, message):
    with pytest.raises(RelationDeclarationError, match=message):
        _check(declarations)


def test_an_unknown_relation_is_a_one_line_error():
    with pytest.raises(RelationDeclarationError, match="unknown relation 'ownz'; one of partnerOf"):
        relation("ownz")


def test_every_lexicon_and_trigger_table_is_defined_once():
    """Two tables under one name silently replace each other (a later MARKET_NOUNS once emptied
    the sales rule): each module-level name in the word-list modules is assigned once."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "kg"
    for path in [root / "rules" / "triggers.py", *sorted((root / "lexicons").glob("*.py"))]:
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, ast.AnnAssign) else [])
            for target in targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    assert target.id not in seen, f"{path.name}: {target.id} assigned twice"
                    seen.add(target.id)
