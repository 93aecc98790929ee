"""ontology/shapes.ttl and `kg validate`: a good graph conforms, a broken one is reported line by line."""
from __future__ import annotations

import pytest
from kg_sample import sample_graph
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, SH
from typer.testing import CliRunner

from kg.cli import app
from kg.validate import format_report, load_shapes, provenance_problems, validate
from kg.vocab import KG, ONTOLOGY_IRI, RELATIONS, ontology_file

E = Namespace("https://example.org/kg/id/")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")  # (importing rdflib.XSD here makes pytest warn)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def test_sample_graph_conforms(shapes):
    report = validate(sample_graph(), shapes)
    assert report.conforms, format_report(report)
    assert report.problems == []
    assert report.counts == {"entities": 12, "relations": 14, "provenance records": 16, "documents": 3}
    assert format_report(report, "g.ttl").startswith("g.ttl conforms (12 entities, 14 relations")


def broken_graph() -> Graph:
    g = sample_graph()
    stmt = next(s for s in g.subjects(RDF.predicate, KG.advertisesOn))
    # entities: two core types; no label
    g.add((E.Amazon, RDF.type, KG.Person))
    g.remove((E.CapCut, RDFS.label, None))
    # relations: wrong domain (a Place works for someone), wrong range (based in a person)
    g.add((E.Seattle, KG.worksFor, E.Amazon))
    g.add((E.Walmart, KG.basedIn, E.Andy_Jassy))
    # provenance record: bad modality, confidence out of range and not a decimal, no sentence,
    # two subjects, derived from something that is not a document
    g.set((stmt, KG.modality, Literal("maybe")))
    g.set((stmt, KG.confidence, Literal("1.5", datatype=XSD_DECIMAL)))
    g.remove((stmt, KG.sentence, None))
    g.add((stmt, RDF.subject, E.Meta))
    g.set((stmt, PROV.wasDerivedFrom, E.Seattle))
    other = next(s for s in g.subjects(RDF.predicate, KG.launched))
    g.set((other, KG.confidence, Literal("high")))
    # an asserted triple whose record is gone, and an asserted record whose triple is gone
    for s in list(g.subjects(RDF.predicate, KG.operatesIn)):
        g.remove((s, None, None))
    g.remove((E.Amazon, KG.basedIn, E.Seattle))
    return g


EXPECTED = [
    ("Amazon", "rdf:type", "exactly one of the types"),
    ("e:CapCut", "rdfs:label", "at least one rdfs:label"),
    ("Seattle", "", "the subject of worksFor must be a Person"),
    ("Walmart", "kg:basedIn", "the object of basedIn must be a Place"),
    ("statement Amazon advertisesOn TikTok", "kg:modality", "one of \"asserted\", \"hedged\", \"negated\""),
    ("statement Amazon advertisesOn TikTok", "kg:confidence", "between 0 and 1"),
    ("statement Amazon advertisesOn TikTok", "kg:sentence", "non-empty kg:sentence"),
    ("statement Amazon advertisesOn TikTok", "rdf:subject", "exactly one rdf:subject"),
    ("statement Amazon advertisesOn TikTok", "prov:wasDerivedFrom", "exactly one kg:Document"),
    ("statement ByteDance launched e:CapCut", "kg:confidence", "xsd:decimal"),
    # the Python provenance checks
    ("TikTok Shop", "kg:operatesIn", "no asserted provenance record"),
    ("Amazon", "kg:advertisesOn", "no asserted provenance record"),  # its record is no longer "asserted"
    ("Seattle", "kg:worksFor", "no asserted provenance record"),
    ("Walmart", "kg:basedIn", "no asserted provenance record"),
    ("statement Amazon basedIn Seattle", "kg:modality", "its triple is not in the graph"),
]


def test_broken_graph_reports_each_problem_on_one_line(shapes):
    report = validate(broken_graph(), shapes)
    assert not report.conforms
    text = format_report(report, "broken.ttl")
    lines = text.splitlines()
    assert len(lines) == len(report.problems) + 1 == len(EXPECTED) + 1, text
    for focus, path, words in EXPECTED:
        prefix = f"{focus}: {path}: " if path else f"{focus}: "
        assert any(line.startswith(prefix) and words in line for line in lines), f"missing: {prefix}...{words}\n{text}"
    assert lines[-1].startswith("broken.ttl does not conform: ")
    assert f"{len(report.problems)} violations" in lines[-1]


def test_provenance_checks_pass_on_a_good_graph():
    g = sample_graph()
    assert provenance_problems(g) == []


def test_shapes_domain_and_range_match_the_ontology(shapes):
    onto = Graph().parse(ontology_file("kg.ttl"), format="turtle")

    def onto_classes(node) -> set:
        if (node, OWL.unionOf, None) in onto:
            return set(Collection(onto, onto.value(node, OWL.unionOf)))
        return {node}

    def shape_classes(node) -> set:
        if (node, SH["or"], None) in shapes:
            return {shapes.value(m, SH["class"]) for m in Collection(shapes, shapes.value(node, SH["or"]))}
        return {shapes.value(node, SH["class"])}

    props = dict(RELATIONS, ownedBy=KG.ownedBy, employs=KG.employs)
    for name, prop in props.items():
        shape = shapes.value(predicate=SH.targetSubjectsOf, object=prop)
        assert shape is not None, f"no shape for {name}"
        assert shape_classes(shape) == onto_classes(onto.value(prop, RDFS.domain)), name
        ranges = [ps for ps in shapes.objects(shape, SH.property) if shapes.value(ps, SH.path) == prop]
        assert len(ranges) == 1 and shape_classes(ranges[0]) == onto_classes(onto.value(prop, RDFS.range)), name


def test_shapes_use_only_declared_kg_terms(shapes):
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY_IRI)}
    assert {str(t).removeprefix(ONTOLOGY_IRI) for t in used} <= set(KG.__annotations__)


def test_cli_validate_exit_codes_and_report(tmp_path):
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    sample_graph().serialize(good, format="turtle")
    broken_graph().serialize(bad, format="turtle")
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", str(good)])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.strip().startswith("good.ttl conforms")
    res = runner.invoke(app, ["validate", str(bad)])
    assert res.exit_code == 1
    lines = res.stdout.strip().splitlines()
    assert len(lines) == len(EXPECTED) + 1 and "does not conform" in lines[-1]
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope.ttl")])
    assert missing.exit_code == 1 and missing.stderr.strip().count("\n") == 0 and "no such file" in missing.stderr
    bad_shapes = tmp_path / "shapes.ttl"
    bad_shapes.write_text("this is not turtle", encoding="utf-8")
    res = runner.invoke(app, ["validate", str(good), "--shapes", str(bad_shapes)])
    assert res.exit_code == 1 and res.stderr.startswith("error: ") and "Traceback" not in res.output
