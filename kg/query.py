"""SPARQL over a graph file, safely: no updates, no SERVICE, no FROM/LOAD of other graphs."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".rdf": "xml", ".xml": "xml", ".n3": "n3"}


class QueryError(Exception):
    """A refused or malformed query, or an unreadable graph: reported in one line."""


def load_graph(path: str | Path) -> Graph:
    path = Path(path)
    if not path.exists():
        raise QueryError(f"{path}: no such file")
    fmt = RDF_SUFFIXES.get(path.suffix.lower(), "turtle")
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise QueryError(f"{path}: cannot parse as {fmt} ({str(exc).splitlines()[0][:200]})") from None
    return graph


def read_query(query: str) -> str:
    """QUERY may be SPARQL text or the path of a .rq file."""
    if query.strip().endswith(".rq") and "\n" not in query.strip():
        path = Path(query.strip())
        if not path.exists():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    return query


def _walk(node: object):
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value)


def prepare(text: str):
    """Parse and vet a query: read-only, local-only."""
    try:
        prepared = prepareQuery(text)
    except Exception as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise QueryError(f"not a valid SPARQL query (updates such as INSERT, DELETE and LOAD are refused): {first[:200]}") from None
    for node in _walk(prepared.algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryError("SERVICE is refused: queries may not reach other endpoints")
        if node.get("datasetClause"):
            raise QueryError("FROM / FROM NAMED are refused: queries run on the given graph only")
    return prepared


def run_query(graph: Graph, text: str) -> tuple[list[str], list[list[Node | None]]]:
    """(variable names, rows) of a SELECT; ASK gives one 'ask' column; CONSTRUCT/DESCRIBE give s, p, o."""
    prepared = prepare(text)
    result = graph.query(prepared)
    if result.type == "ASK":
        return ["ask"], [[bool(result.askAnswer)]]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return ["s", "p", "o"], [list(t) for t in result.graph]
    names = [str(v) for v in result.vars]
    return names, [list(row) for row in result]


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def format_rows(columns: list[str], rows: list[list], fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps([{c: _cell(v) if v is not None else None for c, v in zip(columns, row)} for row in rows], indent=2, ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return buf.getvalue().rstrip("\n")
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(v[:60].ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out)
