"""Turtle-star: the graph with its evidence as annotations on the asserted triples.

kg/graph.py keeps provenance as RDF reification (one rdf:Statement node per sentence), which
graph databases import as a node with three relationships per piece of evidence. RDF-star
states the same thing on the edge itself, and neosemantics (Neo4j) and GraphDB import it
natively as relationship properties. This file holds everything but the reification nodes:
the ontology header, entities, documents and asserted relations, and for each asserted
relation one annotation block

    << s p o >> kg:confidence 0.9 ; kg:rule "..." ; kg:sentence "...", "..." ;
        prov:wasDerivedFrom <doc> .

with the best confidence, every distinct rule and sentence, and every source document. Hedged
and negated claims are not asserted, so they are not edges: they stay in the Turtle/TriG exports.

One block per triple matters: under RDF 1.2 each `<< >>` occurrence is a new reifier, so
scattering a triple's annotations over several statements would split its evidence.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import PROV, XSD

from ..vocab import KG
from . import rdf
from ._atomic import atomic_write
from .evidence import Evidence, asserted_evidence, asserted_relations


def without_reification(graph: Graph) -> Graph:
    """The graph minus its provenance records (the rdf:Statement nodes and all their triples)."""
    records = set(graph.subjects(RDF.type, RDF.Statement))
    plain = Graph()
    for prefix, namespace in graph.namespaces():
        plain.bind(prefix, namespace, override=True)
    for triple in graph:
        if triple[0] not in records:
            plain.add(triple)
    return plain


# Declared again before the annotations: a prefix may be re-declared anywhere in Turtle, and the
# graph above may not have bound these (pyoxigraph writes only the prefixes it uses).
PREFIXES = {"kg": str(KG._NS), "prov": str(PROV), "xsd": str(XSD)}


def annotations(graph: Graph) -> str:
    """One Turtle-star block per asserted relation that has evidence."""
    evidence = asserted_evidence(graph)
    blocks = [f"@prefix {name}: <{iri}> .\n" for name, iri in PREFIXES.items()]
    for triple in asserted_relations(graph):
        records = evidence.get(triple)
        if records:
            blocks.append(_block(triple, records))
    return "".join(blocks)


def _block(triple: tuple, records: list[Evidence]) -> str:
    s, p, o = (term.n3() for term in triple)
    lines = []
    scores = [e.confidence for e in records if e.confidence is not None]
    if scores:
        best = format(Decimal(str(max(scores))), "f")  # "1E-7" is no xsd:decimal; "0.0000001" is
        lines.append(f'    kg:confidence "{best}"^^xsd:decimal')
    for name, values in (
        ("kg:rule", [Literal(e.rule) for e in records if e.rule]),
        ("kg:sentence", [Literal(e.sentence) for e in records if e.sentence]),
        ("prov:wasDerivedFrom", [URIRef(e.document_iri) for e in records if e.document_iri]),
    ):
        distinct = list(dict.fromkeys(values))
        if distinct:
            lines.append(f"    {name} " + " ,\n        ".join(v.n3() for v in distinct))
    if not lines:  # nothing to say about it: no quoted triple either
        return ""
    return f"<< {s} {p} {o} >>\n" + " ;\n".join(lines) + " .\n"


def write_turtle_star(graph: Graph, path: Path, **_: object) -> None:
    plain = without_reification(graph)
    head = io.BytesIO()
    if len(plain) >= rdf.LARGE_GRAPH:
        try:
            rdf.write_with_oxigraph(plain, head, format="turtle")
        except (ImportError, ValueError):  # no pyoxigraph, or a term it refuses: rdflib below
            head = io.BytesIO()
    if not head.getvalue():
        head.write(plain.serialize(format="turtle", encoding="utf-8"))
    with atomic_write(path, "wb") as handle:
        handle.write(head.getvalue())
        handle.write(b"\n# Evidence of each asserted relation (RDF-star annotations)\n")
        handle.write(annotations(graph).encode("utf-8"))
