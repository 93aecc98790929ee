"""RDF serialisations of the graph.

Small graphs go through rdflib's serializers (compact, human-friendly Turtle). rdflib's
Turtle writer is pure Python and slow on big graphs (81 s per million triples, bench/export_bench.py),
so Turtle, N-Triples and TriG of graphs from LARGE_GRAPH triples up are written by
pyoxigraph (Rust) instead: 16 s per million triples including conversion, same triples, parseable by
rdflib. Triples are sorted first, so output is deterministic and grouped by subject.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO

from rdflib import BNode, Graph, Literal, URIRef

from ._atomic import atomic_write

# our format name -> rdflib serializer name
RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "trig": "trig"}
# Triples from which pyoxigraph writes the file: rdflib writes ~15k triples of Turtle a second,
# so below this a build spends under a second on it and keeps rdflib's output.
LARGE_GRAPH = 10_000


def write_rdf(graph: Graph, path: Path, *, format: str = "turtle") -> None:
    if format in ("turtle", "ntriples", "trig") and len(graph) >= LARGE_GRAPH:
        try:
            with atomic_write(path, "wb") as handle:
                write_with_oxigraph(graph, handle, format=format)
            return
        except (ImportError, ValueError):  # no pyoxigraph, or a term it refuses (invalid IRI)
            pass
    data = graph.serialize(format=RDF_FORMATS[format], encoding="utf-8")
    with atomic_write(path, "wb") as handle:
        handle.write(data)


def write_with_oxigraph(graph: Graph, handle: IO[bytes], *, format: str = "turtle") -> None:
    """Serialise `graph` with pyoxigraph; ValueError if a term is not valid RDF for it."""
    import pyoxigraph as ox

    fmt = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG}[format]
    nodes: dict[object, object] = {}
    datatypes: set[str] = set()

    def term(t: object) -> object:
        found = nodes.get(t)
        if found is not None:
            return found
        if isinstance(t, URIRef):
            found = nodes[t] = ox.NamedNode(str(t))
        elif isinstance(t, BNode):
            found = nodes[t] = ox.BlankNode(str(t))
        elif isinstance(t, Literal):
            dt = t.datatype
            if dt is not None:
                datatypes.add(str(dt))
            return ox.Literal(str(t), language=t.language, datatype=ox.NamedNode(str(dt)) if dt and not t.language else None)
        else:
            raise ValueError(f"cannot serialise term {t!r}")
        return found

    # Sorted by subject and predicate: deterministic output, and pyoxigraph groups runs of one
    # subject with ";" as rdflib does. Objects sort by their text (ties keep a stable order).
    ordered = sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    triples = [ox.Triple(term(s), term(p), term(o)) for s, p, o in ordered]
    del ordered
    prefixes = None
    if fmt is not ox.RdfFormat.N_TRIPLES:
        # Only the prefixes the graph uses (rdflib binds dozens by default), like rdflib's writer.
        bound = {str(ns): p for p, ns in graph.namespaces() if p and p != "xml"}
        used = set()
        for iri in [*(str(t) for t in nodes if isinstance(t, URIRef)), *datatypes]:
            for cut in (iri.rfind("#"), iri.rfind("/")):
                if cut > 0 and iri[: cut + 1] in bound:
                    used.add(iri[: cut + 1])
        prefixes = {bound[ns]: ns for ns in sorted(used, key=bound.get)}
    ox.serialize(triples, handle, format=fmt, prefixes=prefixes)
