"""Exporters: a plain dict from format name to a function(graph, path, **options).

Every exporter writes through `atomic_write`, so a failed export leaves the old file intact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from rdflib import Graph
from rdflib.namespace import OWL

from ..vocab import ONTOLOGY, OntologyError, ontology_file
from ._atomic import atomic_write
from .rdf import RDF_FORMATS, write_rdf
from .trig import write_nquads, write_trig

Exporter = Callable[..., None]


# networkx (HTML layout, GraphML, GEXF) is imported only by the exporters that use it.
def write_html(graph: Graph, path: Path, **options: Any) -> None:
    from .html import write_html as write

    write(graph, path, **options)


def write_graphml(graph: Graph, path: Path, **options: Any) -> None:
    from .network import write_graphml as write

    write(graph, path, **options)


def write_gexf(graph: Graph, path: Path, **options: Any) -> None:
    from .network import write_gexf as write

    write(graph, path, **options)


def write_turtle_star(graph: Graph, path: Path, **options: Any) -> None:
    from .star import write_turtle_star as write

    write(graph, path, **options)


EXPORTERS: dict[str, Exporter] = {
    **{
        name: (lambda fmt: lambda graph, path, **kw: write_rdf(graph, path, format=fmt))(name)
        for name in RDF_FORMATS
    },
    "trig": write_trig,  # one named graph per document (see kg/export/trig.py)
    "nquads": write_nquads,  # the same dataset, one quad a line
    "turtle-star": write_turtle_star,  # evidence as RDF-star annotations (kg/export/star.py)
    "graphml": write_graphml,
    "gexf": write_gexf,
    "html": write_html,
}
RDF_EXPORTS = frozenset({"turtle", "ntriples", "jsonld", "rdfxml", "trig", "nquads", "turtle-star"})

SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "rdfxml",
    ".trig": "trig",
    ".nq": "nquads",
    ".ttls": "turtle-star",
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".html": "html",
    ".htm": "html",
}


class ExportError(Exception):
    """Unknown format or unwritable destination: reported in one line."""


def guess_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(
            f"{path}: cannot guess the format from '{suffix or 'no extension'}'; use --format"
        )
    return SUFFIXES[suffix]


def with_ontology(graph: Graph) -> Graph:
    """The graph plus the ontology's declarations, as one document (for Protégé, neosemantics).

    The graph's owl:imports of the ontology is dropped and so is the ontology's own header, so
    the result is a single ontology that loads offline.
    """
    try:
        source = ontology_file("kg.ttl")
    except OntologyError as exc:
        raise ExportError(str(exc)) from None
    ontology = Graph().parse(source, format="turtle")
    merged = Graph()
    for g in (ontology, graph):
        for prefix, namespace in g.namespaces():
            merged.bind(prefix, namespace, override=True)
    for s, p, o in graph:
        if not (p == OWL.imports and o == ONTOLOGY):
            merged.add((s, p, o))
    for s, p, o in ontology:
        if s != ONTOLOGY:
            merged.add((s, p, o))
    return merged


def export(graph: Graph, path: str | Path, *, format: str | None = None, **options: Any) -> Path:
    """Write `graph` to `path` in `format` (guessed from the extension when omitted)."""
    fmt = format or guess_format(path)
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format '{fmt}'; choose from {', '.join(sorted(EXPORTERS))}")
    EXPORTERS[fmt](graph, Path(path), **options)
    return Path(path)


__all__ = [
    "EXPORTERS",
    "ExportError",
    "RDF_EXPORTS",
    "SUFFIXES",
    "atomic_write",
    "export",
    "guess_format",
    "with_ontology",
]
