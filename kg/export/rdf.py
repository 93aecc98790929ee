"""RDF serialisations of the graph.

Small graphs go through rdflib's serializers (compact, human-friendly Turtle). rdflib's
Turtle writer is pure Python and slow on big graphs (81 s per million triples,
bench/export_bench.py), so Turtle, N-Triples and TriG of graphs from LARGE_GRAPH triples up are
written by pyoxigraph (Rust) instead: 16 s per million triples including conversion, same
triples, parseable by rdflib. Triples are sorted first, so output is deterministic and grouped
by subject.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from rdflib import BNode, Graph, Literal, URIRef

from ._atomic import atomic_write

# our format name -> rdflib serializer name (TriG and N-Quads, one named graph per document, are
# written by kg/export/trig.py)
RDF_FORMATS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "jsonld": "json-ld",
    "rdfxml": "xml",
    "trig": "trig",
    "nquads": "nquads",
}
# Triples from which pyoxigraph writes the file: rdflib writes ~15k triples of Turtle a second,
# so below this a build spends under a second on it and keeps rdflib's output.
LARGE_GRAPH = 10_000


def write_rdf(graph: Graph, path: Path, *, format: str = "turtle") -> None:
    if format in ("turtle", "ntriples", "rdfxml", "trig") and len(graph) >= LARGE_GRAPH:
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

    fmt = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "rdfxml": ox.RdfFormat.RDF_XML,
        "trig": ox.RdfFormat.TRIG,
    }[format]
    # str.__str__ is C-level: str(), hash() and < on rdflib terms run Python code, which costs
    # most of the time at a million triples. Caches are keyed by the plain text for the same reason.
    text = str.__str__
    iris: dict[str, object] = {}
    bnodes: dict[str, object] = {}
    literals: dict[tuple[str, str], object] = {}

    def iri(value: str) -> object:
        node = iris.get(value)
        if node is None:
            node = iris[value] = ox.NamedNode(value)
        return node

    def term(t: object) -> object:
        if isinstance(t, URIRef):
            return iri(text(t))
        if isinstance(t, Literal):
            dt, lang = t.datatype, t.language
            if dt is None and lang is None:
                return ox.Literal(text(t))
            key = (text(t), lang or text(dt))  # numbers, dates, confidences repeat: build each once
            node = literals.get(key)
            if node is None:
                node = literals[key] = (
                    ox.Literal(text(t), language=lang)
                    if lang
                    else ox.Literal(text(t), datatype=iri(text(dt)))
                )
            return node
        if isinstance(t, BNode):
            node = bnodes.get(text(t))
            if node is None:
                node = bnodes[text(t)] = ox.BlankNode(text(t))
            return node
        raise ValueError(f"cannot serialise term {t!r}")

    # Sorted by subject and predicate: deterministic output, and pyoxigraph groups runs of one
    # subject with ";" as rdflib does. Objects sort by their text (ties keep a stable order).
    ordered = sorted(graph, key=lambda t: text(t[0]) + "\x00" + text(t[1]) + "\x00" + text(t[2]))
    triples = [ox.Triple(term(s), term(p), term(o)) for s, p, o in ordered]
    del ordered
    prefixes = None
    if fmt is not ox.RdfFormat.N_TRIPLES:
        # Only the prefixes the graph uses (rdflib binds dozens by default), like rdflib's writer.
        bound = {text(ns): p for p, ns in graph.namespaces() if p and p != "xml"}
        used = set()
        for value in iris:
            for cut in (value.rfind("#"), value.rfind("/")):
                if cut > 0 and value[: cut + 1] in bound:
                    used.add(value[: cut + 1])
        prefixes = {bound[ns]: ns for ns in sorted(used, key=bound.get)}
    ox.serialize(triples, handle, format=fmt, prefixes=prefixes)
