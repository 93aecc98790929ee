"""GEXF: valid against the official GEXF 1.2 schema, no internal attributes, evidence on edges.

The schema files in tests/data/gexf/ are the published GEXF 1.2 XSDs (see the README there).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from kg_sample import sample_graph
from rdflib import Graph
from test_iri import hostile_graph

from kg.export import export
from kg.export.gexf import NS
from kg.export.network import EDGE_ATTRIBUTES, NODE_ATTRIBUTES

XSD = Path(__file__).parent / "data" / "gexf" / "gexf.xsd"
G = f"{{{NS}}}"


@pytest.fixture(scope="module")
def etree():
    return pytest.importorskip("lxml.etree")  # in the test extra


@pytest.fixture(scope="module")
def schema(etree):
    return etree.XMLSchema(etree.parse(str(XSD)))


def read_gexf(path) -> nx.MultiDiGraph:
    """A GEXF 1.2 file back into networkx, values typed by their declarations.

    networkx's own reader knows only the 1.1draft/1.2draft/1.3 namespaces, so tests read the
    file as Gephi does: declared attributes, typed.
    """
    root = ET.parse(path).getroot()
    graph = root.find(f"{G}graph")
    cast = {"integer": int, "long": int, "double": float, "float": float}
    declared = {}
    for block in graph.findall(f"{G}attributes"):
        for attribute in block.findall(f"{G}attribute"):
            declared[(block.get("class"), attribute.get("id"))] = (
                attribute.get("title"),
                cast.get(attribute.get("type"), str),
            )
    net = nx.MultiDiGraph()

    def values(element, kind):
        found = {"label": element.get("label")} if element.get("label") is not None else {}
        for value in element.iterfind(f"{G}attvalues/{G}attvalue"):
            title, convert = declared[(kind, value.get("for"))]
            found[title] = convert(value.get("value"))
        return found

    for node in graph.iterfind(f"{G}nodes/{G}node"):
        net.add_node(node.get("id"), **values(node, "node"))
    for edge in graph.iterfind(f"{G}edges/{G}edge"):
        net.add_edge(
            edge.get("source"), edge.get("target"), key=edge.get("id"), **values(edge, "edge")
        )
    return net


def sentences_by_edge(graph: Graph) -> dict[tuple[str, str, str], list[str]]:
    """From the graph itself (SPARQL, not kg's code): each asserted edge's record sentences."""
    rows = graph.query("""
        PREFIX kg: <https://example.org/kg/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s ?p ?o ?sentence WHERE {
          ?r rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
             kg:modality "asserted" ; kg:sentence ?sentence .
          ?s ?p ?o .
        }""")
    found: dict[tuple[str, str, str], list[str]] = {}
    for s, p, o, sentence in rows:
        name = str(p).rsplit("#", 1)[1]
        found.setdefault((str(s), name, str(o)), []).append(" ".join(str(sentence).split()))
    return found


@pytest.mark.parametrize("make", [sample_graph, hostile_graph], ids=["sample", "hostile"])
def test_gexf_validates_against_the_official_schema(tmp_path, schema, etree, make):
    path = export(make(), tmp_path / "g.gexf")
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log


def test_the_schema_rejects_what_networkx_used_to_write(tmp_path, schema, etree):
    # the reason for kg's own writer: <graph name=""> is not GEXF 1.2
    path = export(sample_graph(), tmp_path / "g.gexf")
    document = etree.parse(str(path))
    document.getroot().find(f"{G}graph").set("name", "")
    assert not schema.validate(document)
    assert "name" in str(schema.error_log)


def test_gexf_has_only_documented_attributes(tmp_path):
    path = export(sample_graph(), tmp_path / "g.gexf")
    root = ET.parse(path).getroot()
    titles = {
        block.get("class"): {a.get("title") for a in block.iter(f"{G}attribute")}
        for block in root.iter(f"{G}attributes")
    }
    assert titles["node"] == set(NODE_ATTRIBUTES) - {"label"}
    assert titles["edge"] == set(EDGE_ATTRIBUTES) - {"label"}
    assert "networkx_key" not in path.read_text(encoding="utf-8")
    assert root.find(f"{G}graph").get("name") is None


def test_gexf_keeps_nodes_edges_and_evidence(tmp_path):
    graph = sample_graph()
    net = read_gexf(export(graph, tmp_path / "g.gexf"))
    expected = sentences_by_edge(graph)
    assert net.number_of_edges() == len(expected) == 14
    for s, o, data in net.edges(data=True):
        lines = data["evidence"].split("\n")
        assert sorted(lines) == sorted(expected[(s, data["relation"], o)])
        assert len(data["documents"].split("\n")) == len(data["rules"].split("\n")) == len(lines)
        assert data["sentences"] == len(lines)
    between = net.get_edge_data(
        "https://example.org/kg/id/TikTok", "https://example.org/kg/id/Amazon"
    )
    partner = next(d for d in between.values() if d["relation"] == "partnerOf")
    assert partner["confidence"] == 0.9 and isinstance(partner["confidence"], float)
    assert partner["documents"] == "news/d2.txt"  # no title: where the document was read from
    amazon = net.nodes["https://example.org/kg/id/Amazon"]
    assert amazon["mentions"] == 3 and amazon["aliases"] == "Amazon.com"


def two_sources() -> Graph:
    from kg.graph import build_graph
    from kg.model import HEDGED, Document, Entity, Relation

    docs = [
        Document(id="a", text="", source="a.txt", title="First story"),
        Document(id="b", text="", source="b.txt", title="Second\nstory"),
    ]
    entities = [
        Entity(key="x", label="Acme", type="Organization", docs={"a", "b"}, mentions=2),
        Entity(key="y", label="Globex", type="Organization", docs={"a", "b"}, mentions=2),
    ]
    relations = [
        Relation(
            "x", "acquired", "y", "a", "Acme bought Globex.", 0, 19, "buy:verb", 0.7, "asserted", ()
        ),
        Relation(
            "x",
            "acquired",
            "y",
            "b",
            "Acme   completed its\npurchase of Globex.",
            5,
            40,
            "acquisition:noun",
            0.9,
            "asserted",
            (),
        ),
        Relation(
            "x", "acquired", "y", "b", "Acme may buy Globex.", 60, 80, "buy:verb", 0.5, HEDGED, ()
        ),
    ]
    return build_graph(entities, relations, docs)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_an_edge_with_two_sources_lists_both_aligned_best_first(tmp_path, fmt):
    path = export(two_sources(), tmp_path / f"g.{fmt}")
    net = read_gexf(path) if fmt == "gexf" else nx.read_graphml(path, force_multigraph=True)
    [(_, _, data)] = list(net.edges(data=True))
    assert data["evidence"].split("\n") == [
        "Acme completed its purchase of Globex.",
        "Acme bought Globex.",
    ]
    assert data["documents"].split("\n") == ["Second story", "First story"]
    assert data["rules"].split("\n") == ["acquisition:noun", "buy:verb"]
    assert data["confidences"].split("\n") == ["0.9", "0.7"]
    assert (
        int(data["sentences"]) == 2 and float(data["confidence"]) == 0.9
    )  # the hedged one is not evidence
