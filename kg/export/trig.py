"""TriG and N-Quads with one named graph per document: the provenance records derived from it.

The default graph holds what the corpus says as a whole: the ontology header, entities,
documents and their metadata, and the asserted relations. Each provenance record (an
rdf:Statement with exactly one prov:wasDerivedFrom) goes, with all its triples, into the named
graph whose name is its document's IRI, so `GRAPH ?doc { ... }` selects evidence by source and
the graph name is itself a kg:Document with a title, date and source path. The union of all
graphs is the original graph (kg query, validate and export merge them when reading TriG).

N-Quads is the same dataset one quad a line (for bulk loaders: GraphDB, Virtuoso, Jena's
tdb2.tdbloader, neosemantics). Big graphs are written by pyoxigraph (rdflib's writers are pure
Python and slow).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import IO

from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from ._atomic import atomic_write

LARGE_GRAPH = 50_000  # triples from which pyoxigraph writes the file, as in kg/export/rdf.py


def document_of(graph: Graph) -> dict[Node, Node]:
    """Provenance record -> the document (named graph) it belongs in."""
    home: dict[Node, Node] = {}
    for statement in graph.subjects(RDF.type, RDF.Statement):
        sources = list(graph.objects(statement, PROV.wasDerivedFrom))
        if len(sources) == 1 and isinstance(sources[0], URIRef):
            home[statement] = sources[0]
    return home


def to_dataset(graph: Graph) -> Dataset:
    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace, override=True)
    home = document_of(graph)
    for triple in graph:
        source = home.get(triple[0])
        if source is None:
            dataset.add(triple)
        else:
            dataset.graph(source).add(triple)
    return dataset


def _write_with_oxigraph(graph: Graph, handle: IO[bytes], *, format: str = "trig") -> None:
    import pyoxigraph as ox

    cache: dict[Node, object] = {}

    def term(t: Node) -> object:
        found = cache.get(t)
        if found is None:
            if isinstance(t, URIRef):
                found = ox.NamedNode(str(t))
            elif isinstance(t, BNode):
                found = ox.BlankNode(str(t))
            elif isinstance(t, Literal):
                dt = t.datatype
                return ox.Literal(
                    str(t),
                    language=t.language,
                    datatype=ox.NamedNode(str(dt)) if dt and not t.language else None,
                )
            else:
                raise ValueError(f"cannot serialise term {t!r}")
            cache[t] = found
        return found

    home = document_of(graph)
    default = ox.DefaultGraph()
    ordered = sorted(
        graph, key=lambda t: (str(home.get(t[0], "")), str(t[0]), str(t[1]), str(t[2]))
    )
    quads = [
        ox.Quad(term(s), term(p), term(o), term(home[s]) if s in home else default)
        for s, p, o in ordered
    ]
    if format == "nquads":
        ox.serialize(quads, handle, format=ox.RdfFormat.N_QUADS)
        return
    bound = {str(ns): p for p, ns in graph.namespaces() if p and p != "xml"}
    used = {
        ns for ns in bound if any(isinstance(t, URIRef) and str(t).startswith(ns) for t in cache)
    }
    prefixes = {bound[ns]: ns for ns in sorted(used, key=bound.get)}
    ox.serialize(quads, handle, format=ox.RdfFormat.TRIG, prefixes=prefixes)


def write_trig(graph: Graph, path: Path, **_: object) -> None:
    _write_dataset(graph, path, "trig")


def write_nquads(graph: Graph, path: Path, **_: object) -> None:
    _write_dataset(graph, path, "nquads")


def _write_dataset(graph: Graph, path: Path, format: str) -> None:
    if len(graph) >= LARGE_GRAPH:
        try:
            with atomic_write(path, "wb") as handle:
                _write_with_oxigraph(graph, handle, format=format)
            return
        except (ImportError, ValueError):  # no pyoxigraph, or a term it refuses: rdflib below
            pass
    with warnings.catch_warnings():  # rdflib's dataset writers use its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        data = to_dataset(graph).serialize(format=format, encoding="utf-8")
    with atomic_write(path, "wb") as handle:
        handle.write(data)
