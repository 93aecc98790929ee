"""GraphML and GEXF (for Gephi, Cytoscape, yEd, igraph, networkx): entities and asserted relations.

Nodes are the typed entities (id: IRI; label, type, aliases, mentions, iri); edges are the asserted
core relations, one per triple, so two entities linked by several relations get parallel edges (a
networkx MultiDiGraph). Symmetric relations (partnerOf, competitorOf) keep the single direction the
graph states. Each edge carries its evidence, because a graph tool shows edges, not reification
nodes: `evidence` (the sentences), `documents`, `rules` and `confidences` hold one line per
provenance record, line i of each describing the same record; `sentences` counts them and
`confidence` is the best. Attribute values are strings and numbers only, which every GraphML/GEXF
reader accepts. GEXF is written by kg/export/gexf.py from the same networkx graph.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..vocab import CLASSES, KG, RELATIONS
from ._atomic import atomic_write
from .evidence import Evidence, asserted_evidence, asserted_relations

NODE_ATTRIBUTES = ("label", "type", "aliases", "mentions", "iri")
EDGE_ATTRIBUTES = (
    "relation",
    "label",
    "sentences",
    "confidence",
    "evidence",
    "documents",
    "rules",
    "confidences",
)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    net = nx.MultiDiGraph()
    _add_nodes(net, graph)
    names = {p: name for name, p in RELATIONS.items()}
    evidence = asserted_evidence(graph)
    edges = sorted((str(s), names[p], str(o), (s, p, o)) for s, p, o in asserted_relations(graph))
    for n, (s, name, o, triple) in enumerate(edges):
        if s in net and o in net:
            net.add_edge(s, o, key=f"e{n}", **edge_attributes(name, evidence.get(triple, [])))
    return net


def _add_nodes(net: nx.MultiDiGraph, graph: Graph) -> None:
    types = {cls: name for name, cls in CLASSES.items()}
    typed = {
        s for s, cls in graph.subject_objects(RDF.type) if cls in types and isinstance(s, URIRef)
    }
    for node in sorted(typed):
        kinds = sorted(types[c] for c in graph.objects(node, RDF.type) if c in types)
        label = graph.value(node, RDFS.label)
        attrs: dict[str, object] = {
            "label": str(label) if label is not None else str(node),
            "type": "/".join(kinds),
            "aliases": "; ".join(sorted(str(a) for a in graph.objects(node, SKOS.altLabel))),
            "iri": str(node),
        }
        count = graph.value(node, KG.mentionCount)
        if isinstance(count, Literal) and isinstance(count.toPython(), int):
            attrs["mentions"] = int(count.toPython())
        net.add_node(str(node), **attrs)


def edge_attributes(name: str, records: list[Evidence]) -> dict[str, object]:
    """An edge's attributes: the relation and its evidence, one line per record."""
    attrs: dict[str, object] = {"relation": name, "label": name, "sentences": len(records)}
    scores = [e.confidence for e in records if e.confidence is not None]
    if scores:
        attrs["confidence"] = max(scores)
    attrs["evidence"] = "\n".join(e.sentence for e in records)
    attrs["documents"] = "\n".join(e.document for e in records)
    attrs["rules"] = "\n".join(e.rule for e in records)
    attrs["confidences"] = "\n".join(
        "" if e.confidence is None else f"{e.confidence:g}" for e in records
    )
    return attrs


def write_graphml(graph: Graph, path: Path, **_: object) -> None:
    net = to_networkx(graph)
    with atomic_write(path, "wb") as handle:
        nx.write_graphml(net, handle, encoding="utf-8", prettyprint=True)


def write_gexf(graph: Graph, path: Path, **_: object) -> None:
    from .gexf import write_gexf as write

    write(to_networkx(graph), path)
