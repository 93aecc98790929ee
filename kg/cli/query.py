from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from ..query import (
    DEFAULT_TIMEOUT,
    PREFIXES,
    QueryError,
    bind_params,
    entity_params,
    format_saved_list,
    parse_params,
    read_query,
    saved_queries,
    saved_query,
)
from ..query_output import format_graph, format_rows
from ._app import app, fail


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    turtle = "turtle"
    ntriples = "ntriples"


class ServerKind(str, Enum):
    auto = "auto"
    fuseki = "fuseki"
    graphdb = "graphdb"
    virtuoso = "virtuoso"
    oxigraph = "oxigraph"
    none = "none"


# The command's arguments and options, declared once here so `query` itself stays short.
GraphArg = Annotated[
    Optional[str],
    typer.Argument(help="Graph file (.ttl, .nt, .jsonld, .trig, .nq); omitted with --endpoint."),
]
SparqlArg = Annotated[
    Optional[str], typer.Argument(help="SPARQL text or the path of a .rq file (or use --name).")
]
NameOpt = Annotated[
    Optional[str],
    typer.Option("--name", "-n", help="Run a saved query from ontology/queries (see --list)."),
]
ParamOpt = Annotated[
    List[str],
    typer.Option(
        "--param", "-p",
        help="NAME=VALUE: bind ?NAME to VALUE (an RDF term, never query text). Repeatable.",
    ),
]
ListOpt = Annotated[
    bool, typer.Option("--list", help="List the saved queries and their parameters, then exit.")
]
FormatOpt = Annotated[
    Optional[OutputFormat],
    typer.Option(
        "--format", "-f",
        help="table, csv or json for SELECT/ASK (default table); turtle or ntriples for "
        "CONSTRUCT/DESCRIBE (default turtle).",
    ),
]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout", min=0,
        help="Stop the query after this many seconds (0: no limit); also sent to the server "
        "with --endpoint (see --server).",
    ),
]
MemoryOpt = Annotated[
    Optional[int],
    typer.Option(
        "--max-memory", min=0,
        help="Memory cap of the query process in MB (default: half the machine's RAM; 0: none).",
    ),
]
EndpointOpt = Annotated[
    Optional[str],
    typer.Option(
        "--endpoint", "-e",
        help="Query a SPARQL 1.1 endpoint (e.g. http://localhost:7878/query) instead of a file. "
        "Credentials: KG_ENDPOINT_TOKEN, or KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD.",
    ),
]
ServerOpt = Annotated[
    ServerKind,
    typer.Option(
        "--server", help="Kind of server behind --endpoint: decides how --timeout is sent to it."
    ),
]
CacheOpt = Annotated[
    bool,
    typer.Option(
        "--cache/--no-cache",
        help="Index graphs over 8 MB once into an on-disk store under ~/.cache/kg "
        "(or $KG_CACHE_DIR) and reuse it while the file is unchanged.",
    ),
]


@app.command()
def query(
    graph: GraphArg = None,
    sparql: SparqlArg = None,
    *,
    name: NameOpt = None,
    param: ParamOpt = [],  # noqa: B006 (typer reads the default; never mutated)
    list_: ListOpt = False,
    format: FormatOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    max_memory: MemoryOpt = None,
    endpoint: EndpointOpt = None,
    server: ServerOpt = ServerKind.auto,
    cache: CacheOpt = True,
) -> None:
    """Run a read-only SPARQL query (text, .rq file or saved query) against a graph.

    Files are queried with Oxigraph: a 1M-triple graph answers the saved queries in well under a
    second once indexed (the first query of a big file indexes it, about 20 s per million triples).
    """
    if list_:
        try:
            typer.echo(format_saved_list(saved_queries()))
        except QueryError as exc:
            fail(str(exc))
        return
    if endpoint is None and graph is None:
        fail("missing GRAPH: kg query GRAPH 'SPARQL' | GRAPH file.rq | GRAPH --name NAME"
             " [--param k=v] (or --list)")
    source = sparql if endpoint is None or sparql is not None else graph
    if source is not None and name is not None:
        fail("give either a query (SPARQL text or a .rq file) or --name NAME, not both")
    if source is None and name is None:
        fail("missing query: give SPARQL text, a .rq file or --name NAME (see --list)")
    try:
        text, bindings, entities = _prepare(source, name, param)
        if endpoint is not None:
            result, namespaces = _on_endpoint(endpoint, text, bindings, entities, timeout,
                                              server.value)
        else:
            result, namespaces = _on_file(Path(graph), text, bindings, entities, timeout,
                                          max_memory, cache)
        for note in result.notes:
            print(f"kg: {note}", file=sys.stderr)
        if result.form in ("CONSTRUCT", "DESCRIBE"):
            out = format_graph(result.rows, (format or OutputFormat.turtle).value, namespaces)
        else:
            fmt = (format or OutputFormat.table).value
            out = format_rows(result.columns, result.rows, fmt, namespaces=namespaces)
    except QueryError as exc:
        fail(str(exc))
    typer.echo(out)


def _prepare(source: Optional[str], name: Optional[str], param: List[str]):
    """(query text, bindings, entity parameters) from a saved query or SPARQL text / .rq file."""
    values = parse_params(param)
    if name is not None:
        saved = saved_query(name)
        entities = entity_params(values, saved.params)
        bindings = bind_params(values, saved.params, saved.text, saved.name)
        return saved.text, {k: v for k, v in bindings.items() if k not in entities}, entities
    text = read_query(source)
    return text, bind_params(values, None, text), {}


def _on_file(path: Path, text, bindings, entities, timeout, max_memory, cache):
    from ..oxstore import file_prefixes, run_file
    from ..query_run import default_max_memory_mb

    limit = default_max_memory_mb() if max_memory is None else max_memory
    result = run_file(path, text, bindings=bindings, entities=entities, timeout=timeout or None,
                      cache=cache, max_memory_mb=limit or None)
    return result, file_prefixes(path)


def _on_endpoint(url: str, text, bindings, entities, timeout, server):
    """`kg query --endpoint URL ...`: same vetting, parameters and output as for a file."""
    from ..endpoint import EndpointError, run_endpoint

    try:
        result = run_endpoint(url, text, bindings=bindings, entities=entities,
                              timeout=timeout or None, server=server)
    except EndpointError as exc:
        raise QueryError(str(exc)) from None
    return result, [(p, str(ns)) for p, ns in PREFIXES.items()]
