"""SPARQL over a graph file, safely: read-only, local-only, bounded in time.

* Updates (INSERT, DELETE, LOAD, CLEAR, ...), SERVICE and FROM / FROM NAMED are refused on the
  query's parse tree before anything runs (kg.sparql_vet), and rdflib's loading of FROM graphs
  is switched off as a second line of defence.
* Parameters are bound as RDF terms (never pasted into the text).
* A query runs in a child process bounded in time and memory that dies with its parent
  (kg.query_run).

Saved queries live in ontology/queries/NAME.rq. Their header is a comment block: the first line
describes the query; each `# @param NAME TYPE DESCRIPTION` line declares a parameter, bound to the
variable ?NAME. TYPE is string, entity (a label or alias, matched ignoring case, see
kg.query_entities), integer, decimal or relation (a core relation name such as partnerOf, bound
as its IRI); a trailing "?" (string?) makes the parameter optional, in which case the variable
is left unbound and the query matches every value.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Identifier, Node

from .query_output import format_rows
from .query_run import run_bounded
from .sparql_vet import QueryError, _first_line, vet
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
QUAD_FORMATS = frozenset({"trig", "nquads"})
DEFAULT_TIMEOUT = 30.0
PARAM_TYPES = ("string", "entity", "integer", "decimal", "relation")
# Prefixes a query may use without declaring them.
PREFIXES = {
    "kg": KG._NS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
}


# --------------------------------------------------------------------------- graphs


def load_graph(path: str | Path) -> Graph:
    """Parse a graph file (format from its extension; named graphs of TriG/N-Quads are merged)."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no such file")
    fmt = RDF_SUFFIXES.get(path.suffix.lower(), "turtle")
    try:
        with (
            warnings.catch_warnings()
        ):  # rdflib's own parsers use its deprecated ConjunctiveGraph API
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
                raise QueryError(
                    f"{source}: parameter '{name}' has unknown type '{kind}' "
                    f"(use {', '.join(PARAM_TYPES)})"
                )
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
        raise QueryError(
            f"no saved query '{name}'; "
            f"choose from {', '.join(queries) or '(none)'} (kg query --list)"
        )
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
    if param.type in ("string", "entity"):
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
        choices = ", ".join(RELATIONS)
        raise QueryError(f"--param {param.name} must be one of {choices}, got {value!r}")
    return RELATIONS[value]


def bind_params(
    values: dict[str, str], declared: tuple[Param, ...] | None, text: str, name: str = "query"
) -> dict[str, Identifier]:
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


def entity_params(values: dict[str, str], declared: tuple[Param, ...] | None) -> dict[str, str]:
    """The given values of a saved query's entity parameters (matched ignoring case)."""
    kinds = {p.name: p.type for p in declared or ()}
    return {k: v for k, v in values.items() if kinds.get(k) == "entity"}


def prepare(text: str, namespaces: dict[str, object] | None = None):
    """Parse and vet a query (read-only, local-only; kg.sparql_vet) for rdflib's engine."""
    from rdflib.plugins.sparql import prepareQuery  # rdflib's SPARQL parser: imported when needed

    init_ns = {**PREFIXES, **(namespaces or {})}
    vet(text, init_ns)
    try:
        return prepareQuery(text, initNs=init_ns)
    except Exception as exc:
        raise QueryError(f"not a valid SPARQL query: {_first_line(exc)}") from None


def _execute(
    graph: Graph, prepared, bindings: dict[str, Identifier] | None
) -> tuple[list[str], list[list]]:
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


def run_query(
    graph: Graph,
    text: str,
    *,
    bindings: dict[str, Identifier] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> tuple[list[str], list[list[Node | None]]]:
    """(variable names, rows) of a SELECT; ASK gives one 'ask' column; CONSTRUCT/DESCRIBE give
    s, p, o. rdflib's engine, for programs holding an rdflib Graph (kg query uses kg.oxstore).

    With a timeout (seconds) the query runs in a forked child that is killed when time is up.
    """
    prepared = prepare(text, dict(graph.namespaces()))
    return run_bounded(lambda: _execute(graph, prepared, bindings), timeout)


__all__ = [
    "QueryError",
    "format_rows",
    "load_graph",
    "prepare",
    "run_bounded",
    "run_query",
    "saved_queries",
    "saved_query",
]
