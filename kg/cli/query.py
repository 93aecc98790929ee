from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..query import QueryError, format_rows, load_graph, read_query, run_query
from ._app import app, fail


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def query(
    graph: Path = typer.Argument(..., help="Graph file (.ttl, .nt, .jsonld, .trig)."),
    sparql: str = typer.Argument(..., help="SPARQL text or the path of a .rq file."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """Run a read-only SPARQL query against a graph."""
    try:
        columns, rows = run_query(load_graph(graph), read_query(sparql))
    except QueryError as exc:
        fail(str(exc))
    typer.echo(format_rows(columns, rows, format.value))
