"""`kg query` output: a table for people, CSV and JSON for programs, RDF for graph results.

JSON carries types: numbers (xsd:integer, decimal, double, float and the integer subtypes) are
JSON numbers and xsd:boolean is true/false, so `jq '.[] | select(.n > 2)'` works; everything
else (IRIs, strings, dates) is a string. CONSTRUCT and DESCRIBE results are graphs and are
written as Turtle or N-Triples, ready for any RDF tool.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from .sparql_vet import QueryError

TABLE_FORMATS = ("table", "csv", "json")
RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt"}
_INTEGERS = {XSD[t] for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte")}
_FLOATS = {XSD.double, XSD.float}


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def json_value(value: object) -> object:
    """A result term as JSON: typed numbers and booleans, None as null, the rest as text."""
    if value is None or isinstance(value, bool):
        return value
    if not isinstance(value, Literal) or value.datatype is None:
        return str(value)
    text = str(value).strip()
    try:
        if value.datatype in _INTEGERS and re.fullmatch(r"[+-]?\d+", text):
            return int(text)
        if value.datatype == XSD.decimal:
            number = Decimal(text)
            return int(number) if number == number.to_integral_value() and "." not in text \
                else float(number)
        if value.datatype in _FLOATS:
            number = float(text)
            return number if math.isfinite(number) else text  # JSON has no NaN / INF
    except (ValueError, InvalidOperation):
        return str(value)  # an ill-typed literal stays as written
    if value.datatype == XSD.boolean and text in ("true", "false", "1", "0"):
        return text in ("true", "1")
    return str(value)


def _short(value: object, namespaces: list[tuple[str, str]]) -> str:
    """Table cells: IRIs as prefix:local when a bound namespace fits, text on one line."""
    if isinstance(value, URIRef):
        text = str(value)
        for prefix, ns in namespaces:
            local = text[len(ns):]
            if text.startswith(ns) and local and re.fullmatch(r"[A-Za-z0-9_.-]+", local):
                return f"{prefix}:{local}"
        return text
    if isinstance(value, str):  # one line, no control characters steering the terminal
        flat = " ".join(value.split())
        return "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in flat)
    return _cell(value)


def format_rows(
    columns: list[str],
    rows: list[list],
    fmt: str = "table",
    graph: Graph | None = None,
    *,
    namespaces: list[tuple[str, str]] | None = None,
) -> str:
    """Rows as a table (IRIs shortened with the graph's or the given prefixes), CSV or JSON."""
    if fmt == "json":
        objects = [{c: json_value(v) for c, v in zip(columns, row)} for row in rows]
        return json.dumps(objects, indent=2, ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return buf.getvalue().rstrip("\n")
    if fmt != "table":
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE; use table, csv or json")
    if graph is not None:
        namespaces = [(p, str(n)) for p, n in graph.namespaces()]
    namespaces = sorted(namespaces or [], key=lambda x: -len(x[1]))
    cells = [[_short(v, namespaces) for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        # the last column is never cut: it is where long text (sentences) goes
        last = len(values) - 1
        parts = [v if i == last else v[:60].ljust(w)
                 for i, (v, w) in enumerate(zip(values, widths))]
        return "  ".join(parts).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out)


def format_graph(rows: list[list], fmt: str = "turtle",
                 namespaces: list[tuple[str, str]] | None = None) -> str:
    """CONSTRUCT / DESCRIBE triples (rows of s, p, o) as Turtle or N-Triples."""
    if fmt not in RDF_FORMATS:
        raise QueryError(f"--format {fmt} is for SELECT and ASK; use turtle or ntriples")
    graph = Graph(bind_namespaces="none")
    for prefix, ns in namespaces or []:
        graph.bind(prefix, ns, override=True)
    for s, p, o in rows:
        graph.add((s, p, o))
    text = graph.serialize(format=RDF_FORMATS[fmt])
    return text.rstrip("\n")


__all__ = ["RDF_FORMATS", "TABLE_FORMATS", "format_graph", "format_rows", "json_value"]
