"""SPARQL over a graph file, safely: read-only, local-only, bounded in time.

* Updates (INSERT, DELETE, LOAD, CLEAR, ...), SERVICE and FROM / FROM NAMED are refused before
  anything runs, and rdflib's loading of FROM graphs is switched off as a second line of defence.
* Parameters are bound as RDF terms through rdflib's initBindings (never pasted into the text).
* A query runs in a forked child process that is killed when it exceeds its time limit.

Saved queries live in ontology/queries/NAME.rq. Their header is a comment block: the first line
describes the query; each `# @param NAME TYPE DESCRIPTION` line declares a parameter, bound to the
variable ?NAME. TYPE is string, integer, decimal or relation (a core relation name such as
partnerOf, bound as its IRI); a trailing "?" (string?) makes the parameter optional, in which
case the variable is left unbound and the query matches every value.
"""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import re
import unicodedata
import warnings
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, TypeVar

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Identifier, Node

from .vocab import KG, RELATIONS, OntologyError, ontology_file

RDF_SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
    ".rdf": "xml",
    ".xml": "xml",
    ".n3": "n3",
}
T = TypeVar("T")
QUAD_FORMATS = frozenset({"trig", "nquads"})
DEFAULT_TIMEOUT = 30.0
PARAM_TYPES = ("string", "integer", "decimal", "relation")
# Prefixes a query may use without declaring them.
PREFIXES = {"kg": KG._NS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS}


class QueryError(Exception):
    """A refused or malformed query, a bad parameter or an unreadable graph: reported in one line."""


# --------------------------------------------------------------------------- graphs


def load_graph(path: str | Path) -> Graph:
    """Parse a graph file (format from its extension; named graphs of TriG/N-Quads are merged)."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no such file")
    fmt = RDF_SUFFIXES.get(path.suffix.lower(), "turtle")
    try:
        with warnings.catch_warnings():  # rdflib's own parsers use its deprecated ConjunctiveGraph API
            warnings.simplefilter("ignore", DeprecationWarning)
            graph = _parse(path, fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise QueryError(f"{path}: cannot parse as {fmt} ({_first_line(exc)})") from None
    return graph


def _parse(path: Path, fmt: str) -> Graph:
    if fmt in QUAD_FORMATS:
        dataset = Dataset()
        dataset.parse(path, format=fmt)
        graph = Graph()
        for prefix, namespace in dataset.namespaces():
            graph.bind(prefix, namespace, override=False)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph
    return Graph().parse(path, format=fmt)


# --------------------------------------------------------------------------- saved queries


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path


_PARAM_LINE = re.compile(r"#\s*@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([a-z]+)(\??)\s*(.*)")


def parse_header(text: str, source: str = "query") -> tuple[str, tuple[Param, ...]]:
    """(description, parameters) from the leading comment lines of a query."""
    description = ""
    params: list[Param] = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            break
        match = _PARAM_LINE.fullmatch(line)
        if match:
            name, kind, optional, about = match.groups()
            if kind not in PARAM_TYPES:
                raise QueryError(f"{source}: parameter '{name}' has unknown type '{kind}' (use {', '.join(PARAM_TYPES)})")
            params.append(Param(name, kind, not optional, about.strip()))
        elif not description:
            description = line.lstrip("#").strip()
    return description, tuple(params)


def queries_dir() -> Path:
    try:
        return ontology_file("queries")
    except OntologyError as exc:
        raise QueryError(str(exc)) from None


def saved_queries() -> dict[str, SavedQuery]:
    """Every ontology/queries/NAME.rq by NAME."""
    out: dict[str, SavedQuery] = {}
    for path in sorted(queries_dir().glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        description, params = parse_header(text, str(path))
        out[path.stem] = SavedQuery(path.stem, description, params, text, path)
    return out


def saved_query(name: str) -> SavedQuery:
    queries = saved_queries()
    if name not in queries:
        raise QueryError(f"no saved query '{name}'; choose from {', '.join(queries) or '(none)'} (kg query --list)")
    return queries[name]


def format_saved_list(queries: dict[str, SavedQuery]) -> str:
    lines = []
    for q in queries.values():
        lines.append(f"{q.name}\n    {q.description}")
        width = max([len(p.name) for p in q.params], default=0)
        for p in q.params:
            need = "required" if p.required else "optional"
            lines.append(f"    --param {p.name.ljust(width)}  {p.type} ({need}): {p.description}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- parameters


def parse_params(pairs: list[str]) -> dict[str, str]:
    """NAME=VALUE strings (from --param) -> dict; the value may contain '=' and anything else."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"--param expects NAME=VALUE with NAME a variable name, got {pair!r}")
        if name in out:
            raise QueryError(f"--param {name} given twice")
        out[name] = value
    return out


def _term(param: Param, value: str) -> Identifier:
    if param.type == "string":
        return Literal(value)
    if param.type == "integer":
        if not re.fullmatch(r"\s*[+-]?\d+\s*", value):
            raise QueryError(f"--param {param.name} must be an integer, got {value!r}")
        return Literal(int(value))
    if param.type == "decimal":
        try:
            return Literal(Decimal(value.strip()))
        except InvalidOperation:
            raise QueryError(f"--param {param.name} must be a number, got {value!r}") from None
    if value not in RELATIONS:
        raise QueryError(f"--param {param.name} must be one of {', '.join(RELATIONS)}, got {value!r}")
    return RELATIONS[value]


def bind_params(values: dict[str, str], declared: tuple[Param, ...] | None, text: str, name: str = "query") -> dict[str, Identifier]:
    """initBindings for a query. Saved queries declare their parameters; others take strings."""
    if declared is None:
        bindings: dict[str, Identifier] = {}
        for key, value in values.items():
            if not re.search(rf"[?$]{re.escape(key)}\b", text):
                raise QueryError(f"--param {key}: the query has no variable ?{key}")
            bindings[key] = Literal(value)
        return bindings
    known = {p.name: p for p in declared}
    unknown = sorted(set(values) - set(known))
    if unknown:
        takes = ", ".join(known) or "no parameters"
        raise QueryError(f"saved query '{name}' has no parameter '{unknown[0]}'; it takes {takes}")
    for p in declared:
        if p.required and p.name not in values:
            raise QueryError(f"saved query '{name}' needs --param {p.name}=VALUE ({p.description})")
    return {key: _term(known[key], value) for key, value in values.items()}


# --------------------------------------------------------------------------- running


def read_query(query: str) -> str:
    """QUERY may be SPARQL text or the path of a .rq file."""
    if query.strip().endswith(".rq") and "\n" not in query.strip():
        path = Path(query.strip())
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    return query


def _walk(node: object):
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


def prepare(text: str, namespaces: dict[str, object] | None = None):
    """Parse and vet a query: read-only, local-only."""
    from rdflib.plugins.sparql import prepareQuery  # rdflib's SPARQL parser: imported when needed
    from rdflib.plugins.sparql.parser import parseUpdate

    init_ns = {**PREFIXES, **(namespaces or {})}
    try:
        prepared = prepareQuery(text, initNs=init_ns)
    except Exception as exc:
        try:
            parseUpdate(text)
        except Exception:
            raise QueryError(f"not a valid SPARQL query: {_first_line(exc)}") from None
        raise QueryError("updates (INSERT, DELETE, LOAD, CLEAR, DROP, ...) are refused: kg query is read-only") from None
    for node in _walk(prepared.algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryError("SERVICE is refused: queries may not reach other endpoints")
        if dict.get(node, "datasetClause"):  # CompValue.get returns the key itself when absent
            raise QueryError("FROM / FROM NAMED are refused: queries run on the given graph only")
    return prepared


def _execute(graph: Graph, prepared, bindings: dict[str, Identifier] | None) -> tuple[list[str], list[list]]:
    from rdflib.plugins import sparql as rdflib_sparql

    saved = rdflib_sparql.SPARQL_LOAD_GRAPHS
    rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # never fetch a graph named in the query
    try:
        result = graph.query(prepared, initBindings=bindings or {})
        if result.type == "ASK":
            return ["ask"], [[bool(result.askAnswer)]]
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return ["s", "p", "o"], [list(t) for t in result.graph]
        names = [str(v) for v in result.vars]
        return names, [list(row) for row in result]
    finally:
        rdflib_sparql.SPARQL_LOAD_GRAPHS = saved


def _child(work: Callable[[], Any], conn) -> None:
    try:
        payload = ("ok", work())
    except QueryError as exc:
        payload = ("error", str(exc))
    except Exception as exc:
        payload = ("error", f"query failed: {_first_line(exc)}")
    try:
        conn.send(payload)
    except Exception as exc:  # e.g. an unpicklable value
        conn.send(("error", f"query failed: cannot return its results ({_first_line(exc)})"))
    conn.close()


def run_bounded(work: Callable[[], T], timeout: float | None) -> T:
    """work() in a forked child that is killed after `timeout` seconds (in this process when
    there is no limit or no fork); its errors come back as one-line QueryErrors."""
    if not timeout or "fork" not in multiprocessing.get_all_start_methods():
        try:
            return work()
        except QueryError:
            raise
        except Exception as exc:
            raise QueryError(f"query failed: {_first_line(exc)}") from None
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(work, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryError(f"query timed out after {timeout:g} s (raise the limit with --timeout, 0 for none)")
        status, payload = receiver.recv()
    except EOFError:
        process.join(1)
        raise QueryError(f"query failed: the query process ended unexpectedly (exit code {process.exitcode})") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if status != "ok":
        raise QueryError(payload)
    return payload


def run_query(
    graph: Graph,
    text: str,
    *,
    bindings: dict[str, Identifier] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> tuple[list[str], list[list[Node | None]]]:
    """(variable names, rows) of a SELECT; ASK gives one 'ask' column; CONSTRUCT/DESCRIBE give s, p, o.

    With a timeout (seconds) the query runs in a forked child that is killed when time is up.
    """
    prepared = prepare(text, dict(graph.namespaces()))
    return run_bounded(lambda: _execute(graph, prepared, bindings), timeout)


# --------------------------------------------------------------------------- output


def _cell(value: object) -> str:
    return "" if value is None else str(value)


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
        return "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in " ".join(value.split()))
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
        return json.dumps([{c: _cell(v) if v is not None else None for c, v in zip(columns, row)} for row in rows], indent=2, ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return buf.getvalue().rstrip("\n")
    if graph is not None:
        namespaces = [(p, str(n)) for p, n in graph.namespaces()]
    namespaces = sorted(namespaces or [], key=lambda x: -len(x[1]))
    cells = [[_short(v, namespaces) for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        # the last column is never cut: it is where long text (sentences) goes
        parts = [v if i == len(values) - 1 else v[:60].ljust(w) for i, (v, w) in enumerate(zip(values, widths))]
        return "  ".join(parts).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out)
