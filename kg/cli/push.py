"""`kg push`: load a built graph into a SPARQL server (Graph Store HTTP Protocol)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..endpoint import EndpointError, push_graph
from ._app import app, fail


@app.command()
def push(
    graph: Path = typer.Argument(..., help="Graph file to upload (.ttl, .nt, .jsonld, .rdf)."),
    *,
    endpoint: str = typer.Option(
        ..., "--endpoint", "-e",
        help=(
            "Graph Store URL, e.g. http://localhost:7878/store (Oxigraph) or "
            "http://localhost:3030/ds/data (Fuseki). Credentials: KG_ENDPOINT_TOKEN (bearer), or "
            "KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD (basic)."
        ),
    ),
    named_graph: Optional[str] = typer.Option(
        None, "--graph", "-g",
        help=(
            "IRI of a named graph to load into (default: the default graph)."
        ),
    ),
    append: bool = typer.Option(
        False, "--append",
        help=(
            "Add to the graph's triples (POST) instead of replacing them (PUT)."
        ),
    ),
    timeout: float = typer.Option(600, "--timeout", min=1, help="Seconds to wait for the server."),
) -> None:
    """Upload GRAPH to a SPARQL 1.1 server, replacing the target graph unless --append.

    Credentials come from the environment, never the command line, and are never printed.
    """
    if not graph.is_file():
        fail(f"{graph}: no such file")
    try:
        size = push_graph(graph, endpoint, graph=named_graph, replace=not append, timeout=timeout)
    except EndpointError as exc:
        fail(str(exc))
    target = f"graph <{named_graph}>" if named_graph else "the default graph"
    done = "added" if append else "loaded"
    print(f"{done} {graph} ({size / 1e6:.1f} MB) into {target} at {endpoint}", file=sys.stderr)
