"""Large graphs are written by pyoxigraph: same triples as rdflib's writer, parseable by rdflib."""
from __future__ import annotations

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

import kg.export.rdf as rdf
from kg.graph import new_graph

pytest.importorskip("pyoxigraph")
EX = Namespace("https://example.org/kg/id/")
KG = Namespace("https://example.org/kg/ontology#")


def _tricky() -> Graph:
    g = new_graph()
    g.bind("e", EX)
    g.add((EX.Acme, KG.label, Literal('Acme "Quoted"\nsecond line \\ tab\t end')))
    g.add((EX.Acme, KG.label, Literal("Acmé", lang="fr")))
    g.add((EX.Acme, KG.label, Literal("Акме", lang="ru")))
    g.add((EX.Acme, KG.mentionCount, Literal(3)))
    g.add((EX.Acme, KG.confidence, Literal("0.85", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))))
    g.add((EX.Acme, KG.date, Literal("2024-11", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth"))))
    g.add((EX["doc/a--1f2e"], KG.mentions, EX.Acme))
    g.add((EX["stmt/x_y--abc"], KG.flag, Literal(True)))
    b = BNode()
    g.add((EX.Acme, KG.note, b))
    g.add((b, KG.text, Literal("")))
    return g


@pytest.mark.parametrize("fmt, parse_as", [("turtle", "turtle"), ("ntriples", "nt"), ("trig", "trig")])
def test_large_path_keeps_every_triple(tmp_path, monkeypatch, fmt, parse_as):
    monkeypatch.setattr(rdf, "LARGE_GRAPH", 1)
    g = _tricky()
    path = tmp_path / f"g.{fmt}"
    rdf.write_rdf(g, path, format=fmt)
    text = path.read_text(encoding="utf-8")
    assert "@prefix brick:" not in text  # only the prefixes in use
    if fmt == "trig":
        ds = Dataset()
        ds.parse(path, format="trig")
        back = Graph()
        for s, p, o, _ in ds.quads():
            back.add((s, p, o))
    else:
        back = Graph().parse(path, format=parse_as)
    assert len(back) == len(g) and isomorphic(back, g)


def test_large_path_is_deterministic_and_grouped(tmp_path, monkeypatch):
    monkeypatch.setattr(rdf, "LARGE_GRAPH", 1)
    g = _tricky()
    rdf.write_rdf(g, tmp_path / "a.ttl", format="turtle")
    h = Graph()
    for t in sorted(g, key=str, reverse=True):  # another insertion order
        h.add(t)
    for p, ns in g.namespaces():
        h.bind(p, ns, replace=True)
    rdf.write_rdf(h, tmp_path / "b.ttl", format="turtle")
    a = (tmp_path / "a.ttl").read_text(encoding="utf-8")
    assert a.replace(str(next(iter(g.objects(EX.Acme, KG.note)))), "B") == (tmp_path / "b.ttl").read_text(encoding="utf-8").replace(
        str(next(iter(h.objects(EX.Acme, KG.note)))), "B"
    )
    assert sum(line.startswith("e:Acme ") for line in a.splitlines()) == 1  # one subject block with ';'


def test_invalid_iri_falls_back_to_rdflib(tmp_path, monkeypatch):
    monkeypatch.setattr(rdf, "LARGE_GRAPH", 1)
    g = _tricky()
    g.add((URIRef("relative/iri"), KG.rule, Literal(1)))
    rdf.write_rdf(g, tmp_path / "g.nt", format="ntriples")  # pyoxigraph refuses the IRI
    lines = (tmp_path / "g.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(g) and any(line.startswith("<relative/iri>") for line in lines)  # rdflib wrote it
    assert [p.name for p in tmp_path.iterdir()] == ["g.nt"]  # the aborted attempt left no temp file


def test_small_graphs_keep_rdflib_output(tmp_path):
    g = _tricky()
    rdf.write_rdf(g, tmp_path / "g.ttl", format="turtle")
    assert (tmp_path / "g.ttl").read_bytes() == g.serialize(format="turtle", encoding="utf-8")


def test_large_rdfxml_keeps_every_triple(tmp_path, monkeypatch):
    monkeypatch.setattr(rdf, "LARGE_GRAPH", 1)
    g = _tricky()
    rdf.write_rdf(g, tmp_path / "g.rdf", format="rdfxml")
    back = Graph().parse(tmp_path / "g.rdf", format="xml")
    assert len(back) == len(g) and isomorphic(back, g)
    assert b"<rdf:RDF" in (tmp_path / "g.rdf").read_bytes()


def test_large_nquads_and_turtle_star_match_the_small_path(tmp_path, monkeypatch):
    import kg.export.trig as trig
    from kg_sample import sample_graph

    from kg.export import export

    g = sample_graph()
    export(g, tmp_path / "small.nq")
    export(g, tmp_path / "small.ttls")
    monkeypatch.setattr(trig, "LARGE_GRAPH", 1)
    monkeypatch.setattr(rdf, "LARGE_GRAPH", 1)
    export(g, tmp_path / "big.nq")
    export(g, tmp_path / "big.ttls")
    assert (tmp_path / "big.nq").read_bytes() != (tmp_path / "small.nq").read_bytes()  # other writer

    def quads(name):
        ds = Dataset()
        ds.parse(tmp_path / name, format="nquads")
        return set(ds.quads((None, None, None, None)))

    assert quads("big.nq") == quads("small.nq") and len(quads("big.nq")) == len(g)
    import pyoxigraph as ox

    def star(name):
        """The file's triples, each reifier (a fresh blank node) named by the triple it reifies."""
        found = list(ox.parse(path=str(tmp_path / name), format=ox.RdfFormat.TURTLE))
        reified = {q.subject: str(q.object) for q in found if q.predicate.value.endswith("#reifies")}
        return {(reified.get(q.subject, str(q.subject)), str(q.predicate), str(q.object)) for q in found}

    assert star("big.ttls") == star("small.ttls")
