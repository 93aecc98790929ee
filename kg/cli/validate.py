from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._app import app, fail


@app.command()
def validate(
    graph: Path = typer.Argument(..., help="Graph file (.ttl, .nt, .jsonld, .trig, .nq)."),
    shapes: Optional[Path] = typer.Option(
        None, "--shapes", help="SHACL shapes (Turtle); default ontology/shapes.ttl."
    ),
) -> None:
    """Check a graph against the SHACL shapes: one line per problem; exit 1 unless it conforms."""
    from ..query import QueryError, load_graph
    from ..validate import ValidationError, format_report, load_shapes, validate as check

    try:
        report = check(load_graph(graph), load_shapes(shapes))
    except (QueryError, ValidationError) as exc:
        fail(str(exc))
    typer.echo(format_report(report, graph.name))
    if not report.conforms:
        raise typer.Exit(1)
