from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ..query import (
    DEFAULT_TIMEOUT,
    QueryError,
    bind_params,
    format_rows,
    format_saved_list,
    parse_params,
    read_query,
    saved_queries,
    saved_query,
)
from ..oxstore import file_prefixes, query_file
from ._app import app, fail


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def query(
    graph: Optional[str] = typer.Argument(None, help="Graph file (.ttl, .nt, .jsonld, .trig, .nq); omitted with --endpoint."),
    sparql: Optional[str] = typer.Argument(None, help="SPARQL text or the path of a .rq file (or use --name)."),
    name: Optional[str] = typer.Option(None, "--name", "-n", help="Run a saved query from ontology/queries (see --list)."),
    param: List[str] = typer.Option([], "--param", "-p", help="NAME=VALUE: bind ?NAME to VALUE (an RDF literal, never query text). Repeatable."),
    list_: bool = typer.Option(False, "--list", help="List the saved queries and their parameters, then exit."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0, help="Stop the query after this many seconds (0: no limit)."),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", "-e", help="Query a SPARQL 1.1 endpoint (e.g. http://localhost:7878/query) instead of a file."),
    cache: bool = typer.Option(True, "--cache/--no-cache", help="Index graphs over 8 MB once into an on-disk store under ~/.cache/kg (or $KG_CACHE_DIR) and reuse it while the file is unchanged."),
) -> None:
    """Run a read-only SPARQL query (text, .rq file or saved query) against a graph.

    Files are queried with Oxigraph: a 1M-triple graph answers the saved queries in well under a
    second once indexed (the first query of a big file indexes it, about 20 s per million triples).
    """
    try:
        if list_:
            typer.echo(format_saved_list(saved_queries()))
            return
        if endpoint is not None:
            _query_endpoint(endpoint, sparql if sparql is not None else graph, name, param, format, timeout)
            return
        if graph is None:
            fail("missing GRAPH: kg query GRAPH 'SPARQL' | GRAPH file.rq | GRAPH --name NAME [--param k=v] (or --list)")
        if (sparql is None) == (name is None):
            fail("give either a query (SPARQL text or a .rq file) or --name NAME, not both" if name else "missing query: give SPARQL text, a .rq file or --name NAME (see --list)")
        values = parse_params(param)
        if name is not None:
            saved = saved_query(name)
            text, bindings = saved.text, bind_params(values, saved.params, saved.text, saved.name)
        else:
            text = read_query(sparql)
            bindings = bind_params(values, None, text)
        columns, rows = query_file(Path(graph), text, bindings=bindings, timeout=timeout or None, cache=cache)
    except QueryError as exc:
        fail(str(exc))
    typer.echo(format_rows(columns, rows, format.value, namespaces=file_prefixes(graph)))


def _query_endpoint(url: str, sparql: Optional[str], name: Optional[str], param: List[str], format: OutputFormat, timeout: float) -> None:
    """`kg query --endpoint URL 'SPARQL'`: same vetting and output as for a file."""
    from ..endpoint import EndpointError, query_endpoint

    if name is not None:
        if param:
            fail("--param is not supported with --endpoint; write the values into the query")
        text = saved_query(name).text
    elif sparql is None:
        fail("missing query: kg query --endpoint URL 'SPARQL' (or a .rq file, or --name NAME)")
    else:
        text = read_query(sparql)
    try:
        columns, rows = query_endpoint(url, text, timeout=timeout or 300)
    except EndpointError as exc:
        fail(str(exc))
    typer.echo(format_rows(columns, rows, format.value))
