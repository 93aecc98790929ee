"""GraphML and GEXF (for Gephi, Cytoscape, yEd, networkx): entities and asserted relations only.

Nodes are the typed entities (id: IRI; label, type, aliases, mentions, iri); edges are the asserted
core relations (relation, label, sentences, confidence), one per triple, so two entities linked by
several relations get parallel edges (a networkx MultiDiGraph). Symmetric relations (partnerOf,
competitorOf) keep the single direction the graph states. Attribute values are strings and
numbers only, which every GraphML/GEXF reader accepts.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..model import ASSERTED
from ..vocab import CLASSES, KG, RELATIONS
from ._atomic import atomic_write


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    types = {cls: name for name, cls in CLASSES.items()}
    net = nx.MultiDiGraph()
    for node in sorted({s for s, cls in graph.subject_objects(RDF.type) if cls in types and isinstance(s, URIRef)}):
        kinds = sorted(types[c] for c in graph.objects(node, RDF.type) if c in types)
        label = graph.value(node, RDFS.label)
        attrs = {
            "label": str(label) if label is not None else str(node),
            "type": "/".join(kinds),
            "aliases": "; ".join(sorted(str(a) for a in graph.objects(node, SKOS.altLabel))),
            "iri": str(node),
        }
        count = graph.value(node, KG.mentionCount)
        if isinstance(count, Literal) and isinstance(count.toPython(), int):
            attrs["mentions"] = int(count.toPython())
        net.add_node(str(node), **attrs)

    # asserted provenance records per triple: how many sentences, and the best confidence
    evidence: dict[tuple, list[float]] = {}
    for statement in graph.subjects(KG.modality, Literal(ASSERTED)):
        key = tuple(graph.value(statement, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        conf = graph.value(statement, KG.confidence)
        evidence.setdefault(key, []).append(float(conf.toPython()) if isinstance(conf, Literal) else None)

    names = {p: name for name, p in RELATIONS.items()}
    edges = sorted((str(s), names[p], str(o), s, p, o) for p, name in names.items() for s, o in graph.subject_objects(p))
    for n, (s, name, o, s_node, p_node, o_node) in enumerate(edges):
        if s not in net or o not in net:
            continue
        attrs = {"relation": name, "label": name}
        found = evidence.get((s_node, p_node, o_node), [])
        attrs["sentences"] = len(found)
        scores = [c for c in found if c is not None]
        if scores:
            attrs["confidence"] = max(scores)
        net.add_edge(s, o, key=f"e{n}", **attrs)
    return net


def write_graphml(graph: Graph, path: Path, **_: object) -> None:
    net = to_networkx(graph)
    with atomic_write(path, "wb") as handle:
        nx.write_graphml(net, handle, encoding="utf-8", prettyprint=True)


def write_gexf(graph: Graph, path: Path, **_: object) -> None:
    net = to_networkx(graph)
    with atomic_write(path, "wb") as handle:
        nx.write_gexf(net, handle, encoding="utf-8", prettyprint=True)
