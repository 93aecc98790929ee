from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ._app import app, fail


class ExportFormat(str, Enum):
    turtle = "turtle"
    ntriples = "ntriples"
    jsonld = "jsonld"
    trig = "trig"
    graphml = "graphml"
    gexf = "gexf"
    html = "html"


@app.command()
def export(
    graph: Path = typer.Argument(..., help="Graph file to read (.ttl, .nt, .jsonld, .trig, .nq)."),
    out: Path = typer.Argument(..., help="File to write; its extension gives the format unless --format is set."),
    format: Optional[ExportFormat] = typer.Option(None, "--format", "-f", help="Output format (default: from OUT's extension)."),
    ontology: bool = typer.Option(False, "--with-ontology", help="RDF formats: include the ontology's declarations instead of importing it (one self-contained file for Protégé or neosemantics)."),
    title: Optional[str] = typer.Option(None, "--title", help="html: page title (default: the graph file name)."),
    max_nodes: Optional[int] = typer.Option(None, "--max-nodes", min=1, help="html: keep only the N most connected entities."),
) -> None:
    """Convert a graph to Turtle, N-Triples, JSON-LD, TriG, GraphML, GEXF or HTML."""
    from ..export import RDF_EXPORTS, ExportError, export as write, guess_format, with_ontology
    from ..query import QueryError, load_graph

    try:
        fmt = format.value if format else guess_format(out)
        if ontology and fmt not in RDF_EXPORTS:
            fail(f"--with-ontology applies to RDF formats ({', '.join(sorted(RDF_EXPORTS))}), not {fmt}")
        loaded = load_graph(graph)
        if ontology:
            loaded = with_ontology(loaded)
        options = {"title": title or f"{graph.stem}: knowledge graph", "max_nodes": max_nodes} if fmt == "html" else {}
        write(loaded, out, format=fmt, **options)
    except (QueryError, ExportError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"{out} ({fmt}, {len(loaded)} triples read)", err=True)
