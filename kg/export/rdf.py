"""RDF serialisations of the graph."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ._atomic import atomic_write

# our format name -> rdflib serializer name
RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "trig": "trig"}


def write_rdf(graph: Graph, path: Path, *, format: str = "turtle") -> None:
    data = graph.serialize(format=RDF_FORMATS[format], encoding="utf-8")
    with atomic_write(path, "wb") as handle:
        handle.write(data)
