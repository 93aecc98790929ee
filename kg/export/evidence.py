"""The evidence behind each asserted relation, read back from the graph's provenance records.

kg/graph.py stores every sentence that states a relation as an rdf:Statement (subject, predicate,
object, sentence, rule, confidence, modality, source document). Graph-tool exports (GraphML,
GEXF) and the RDF-star export carry that evidence on the edge itself, because Gephi, igraph and
Neo4j users look at edges, not at reification nodes: this module gathers it once, per triple.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from ..model import ASSERTED
from ..vocab import KG, RELATIONS

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Evidence:
    """One asserted provenance record: the sentence and where it came from."""

    sentence: str
    document: str  # the document's label (its title, else its id); "" when unknown
    document_iri: str
    rule: str
    confidence: float | None
    start: int


def one_line(text: str) -> str:
    """Whitespace collapsed: the evidence lists are one record per line."""
    return _SPACE.sub(" ", text).strip()


def asserted_evidence(graph: Graph) -> dict[tuple[Node, Node, Node], list[Evidence]]:
    """(s, p, o) -> its asserted records, best first (confidence, then document, then offset)."""
    found: dict[tuple[Node, Node, Node], list[Evidence]] = {}
    labels: dict[Node, str] = {}
    for statement in graph.subjects(KG.modality, Literal(ASSERTED)):
        key = tuple(graph.value(statement, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if None in key:
            continue
        doc = graph.value(statement, PROV.wasDerivedFrom)
        if doc is not None and doc not in labels:
            label = graph.value(doc, RDFS.label)
            labels[doc] = one_line(str(label)) if label is not None else str(doc)
        found.setdefault(key, []).append(
            Evidence(
                sentence=one_line(str(graph.value(statement, KG.sentence) or "")),
                document=labels.get(doc, "") if doc is not None else "",
                document_iri=str(doc) if isinstance(doc, URIRef) else "",
                rule=str(graph.value(statement, KG.rule) or ""),
                confidence=_number(graph.value(statement, KG.confidence)),
                start=_int(graph.value(statement, KG.startChar)),
            )
        )
    for records in found.values():
        records.sort(key=lambda e: (-(e.confidence or 0.0), e.document_iri, e.start, e.sentence))
    return found


def asserted_relations(graph: Graph) -> list[tuple[Node, Node, Node]]:
    """Every asserted core-relation triple, sorted (the edges of the graph-tool exports)."""
    return sorted((s, p, o) for p in RELATIONS.values() for s, o in graph.subject_objects(p))


def _number(value: Node | None) -> float | None:
    if isinstance(value, Literal):
        try:
            return float(value.toPython())
        except (TypeError, ValueError):
            return None
    return None


def _int(value: Node | None) -> int:
    if isinstance(value, Literal) and isinstance(value.toPython(), int):
        return int(value.toPython())
    return 0
