"""The ontology (ontology/kg.ttl) and the vocabulary in code (kg.vocab.KG) say the same thing,
and every term a built graph uses is declared there, once, with one OWL kind (no punning)."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from kg_sample import sample_graph
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.resolve import SIGNATURES
from kg.vocab import CLASSES, INVERSES, KG, ONTOLOGY, ONTOLOGY_IRI, RELATIONS, SYMMETRIC, ontology_file

KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
SCHEMA, FOAF, ORG = "https://schema.org/", "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/org#"
# RDF/RDFS/OWL built-ins a kg graph may use without declaring them (reification and the header).
BUILTINS = {RDF.type, RDFS.label, RDF.subject, RDF.predicate, RDF.object, RDF.Statement, OWL.Ontology, OWL.imports}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_file("kg.ttl"), format="turtle")


def kinds(onto: Graph, term: URIRef) -> set[URIRef]:
    return {k for k in onto.objects(term, RDF.type) if k in KINDS}


def class_names(onto: Graph, node) -> set[str]:
    """Local names of a class or of the members of an owl:unionOf."""
    if isinstance(node, BNode):
        members = onto.value(node, OWL.unionOf)
        assert members is not None, "anonymous domain/range must be an owl:unionOf"
        return {str(m).removeprefix(ONTOLOGY_IRI) for m in Collection(onto, members)}
    return {str(node).removeprefix(ONTOLOGY_IRI)}


def test_vocab_and_ontology_declare_exactly_the_same_terms(onto):
    declared = {str(s).removeprefix(ONTOLOGY_IRI) for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_IRI)}
    assert declared == set(KG.__annotations__)
    with pytest.raises(AttributeError):
        KG.partnerof  # noqa: B018  (a misspelt term is an error)


def test_every_term_has_one_kind_a_label_and_a_comment(onto):
    for name in KG.__annotations__:
        term = KG[name]
        assert len(kinds(onto, term)) == 1, f"{name}: {kinds(onto, term)}"
        assert onto.value(term, RDFS.label) is not None, name
        assert onto.value(term, RDFS.comment) is not None, name


def test_no_iri_is_declared_as_two_kinds(onto):
    for term in {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef)}:
        assert len(kinds(onto, term)) <= 1, f"{term} is punned: {kinds(onto, term)}"


def test_ontology_header_and_built_graph_import(onto):
    assert set(onto.subjects(RDF.type, OWL.Ontology)) == {ONTOLOGY}
    assert str(ONTOLOGY) + "#" == ONTOLOGY_IRI
    graph = sample_graph()
    headers = list(graph.subjects(RDF.type, OWL.Ontology))
    assert len(headers) == 1 and (headers[0], OWL.imports, ONTOLOGY) in graph


def test_classes_and_core_relations(onto):
    for cls in [*CLASSES.values(), KG.Document]:
        assert kinds(onto, cls) == {OWL.Class}
    for name, prop in RELATIONS.items():
        assert kinds(onto, prop) == {OWL.ObjectProperty}, name
        assert ((prop, RDF.type, OWL.SymmetricProperty) in onto) == (name in SYMMETRIC), name
    assert len(RELATIONS) == 10


def test_domains_and_ranges_match_what_resolution_allows(onto):
    """kg/resolve.py drops relations whose types do not fit; the ontology must say the same."""
    for name, (subj, obj) in SIGNATURES.items():
        prop = RELATIONS[name]
        assert class_names(onto, onto.value(prop, RDFS.domain)) == set(subj), name
        assert class_names(onto, onto.value(prop, RDFS.range)) == set(obj), name
    spec = {"worksFor": ({"Person"}, {"Organization"}), "basedIn": ({"Organization"}, {"Place"}), "operatesIn": ({"Organization", "Product"}, {"Place"})}
    for name, (dom, rng) in spec.items():
        assert class_names(onto, onto.value(RELATIONS[name], RDFS.domain)) == dom
        assert class_names(onto, onto.value(RELATIONS[name], RDFS.range)) == rng


def test_inverses(onto):
    assert INVERSES == {"owns": KG.ownedBy, "worksFor": KG.employs}
    for name, inverse in INVERSES.items():
        prop = RELATIONS[name]
        assert (inverse, OWL.inverseOf, prop) in onto
        assert class_names(onto, onto.value(inverse, RDFS.domain)) == class_names(onto, onto.value(prop, RDFS.range))
        assert class_names(onto, onto.value(inverse, RDFS.range)) == class_names(onto, onto.value(prop, RDFS.domain))


def test_alignments_to_schema_foaf_org_and_prov(onto):
    aligned = {
        str(o)
        for s, p, o in onto
        if p in (RDFS.subClassOf, OWL.equivalentClass, RDFS.subPropertyOf) and str(s).startswith(ONTOLOGY_IRI) and isinstance(o, URIRef)
    }
    for vocabulary in (SCHEMA, FOAF, ORG, str(PROV)):
        assert any(a.startswith(vocabulary) for a in aligned), vocabulary
    for cls in CLASSES.values():  # each core class is aligned to schema.org
        targets = set(onto.objects(cls, RDFS.subClassOf)) | set(onto.objects(cls, OWL.equivalentClass))
        assert any(str(t).startswith(SCHEMA) for t in targets), cls
    assert (KG.worksFor, RDFS.subPropertyOf, URIRef(SCHEMA + "worksFor")) in onto
    # alignments are declared too (no undeclared terms), and never replace our own names
    for target in aligned:
        assert kinds(onto, URIRef(target)), f"{target} used in an alignment but not declared"
        assert not target.startswith(ONTOLOGY_IRI) or target.removeprefix(ONTOLOGY_IRI) in KG.__annotations__


def test_every_term_a_built_graph_uses_is_declared_with_a_fitting_kind(onto):
    graph = sample_graph()
    assert_declared(onto, graph)


def assert_declared(onto: Graph, graph: Graph) -> None:
    for s, p, o in graph:
        if p in BUILTINS:
            if p == RDF.type and o not in BUILTINS:
                assert kinds(onto, o) == {OWL.Class}, f"class {o} not declared"
            continue
        kind = kinds(onto, p)
        assert len(kind) == 1, f"predicate {p} not declared"
        if kind == {OWL.ObjectProperty}:
            assert isinstance(o, URIRef), f"{p} is an object property but has value {o!r}"
        elif kind == {OWL.DatatypeProperty}:
            assert isinstance(o, Literal), f"{p} is a datatype property but has value {o!r}"
        # an IRI used as a node (subject/object) of the graph is never also one of our terms
        for node in (s, o):
            if isinstance(node, URIRef) and str(node).startswith(ONTOLOGY_IRI):
                assert p == RDF.predicate or (p == RDF.type and node == o), f"{node} punned as an individual via {p}"


def test_external_terms_the_graph_uses_are_declared(onto):
    for term, kind in [
        (DCTERMS.title, OWL.AnnotationProperty),
        (DCTERMS.date, OWL.AnnotationProperty),
        (DCTERMS.language, OWL.AnnotationProperty),
        (DCTERMS.source, OWL.AnnotationProperty),
        (SKOS.altLabel, OWL.AnnotationProperty),
        (PROV.wasDerivedFrom, OWL.ObjectProperty),
        (PROV.Entity, OWL.Class),
    ]:
        assert kinds(onto, term) == {kind}, term


def test_ontology_parses_with_oxigraph_and_rapper():
    import pyoxigraph as ox

    path = ontology_file("kg.ttl")
    n = len(Graph().parse(path, format="turtle"))
    assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) == n
    if shutil.which("rapper") is None:
        pytest.skip("rapper (raptor2-utils) not installed")
    out = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", str(path)], capture_output=True, check=True)
    assert len(out.stdout.splitlines()) == n


@pytest.mark.slow
def test_seed_build_uses_only_declared_terms(onto, seed_build):
    graph = Graph().parse(seed_build / "graph.ttl", format="turtle")
    assert_declared(onto, graph)
