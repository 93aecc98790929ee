"""`kg query` on a graph file through Oxigraph: fast on graphs of millions of triples.

rdflib's SPARQL engine takes seconds to minutes on a 1M-triple graph and a minute to parse it;
Oxigraph parses it in seconds and answers the saved queries in milliseconds. Graphs bigger than
CACHE_MIN_BYTES are indexed once into an on-disk store under the user's cache folder
(`$KG_CACHE_DIR`, else `$XDG_CACHE_HOME/kg`, else `~/.cache/kg`), keyed by the file's path,
size and modification time, so later queries open it in a fraction of a second.

Queries are vetted on their parse tree before they run (read-only, no SERVICE, no FROM / FROM
NAMED; kg.sparql_vet), and the text that runs is the text that was vetted. Oxigraph's `query`
parses queries only, never updates, and the query process cannot open internet sockets
(kg.query_run), so SERVICE is blocked twice. Parameters are bound with a VALUES block placed at
the start of the WHERE group, each value serialised by Oxigraph itself, so a value can never
become query text. kg's default prefixes are given to the parser, not prepended as lines, so
error positions are those of the query as written.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .query import DEFAULT_TIMEOUT, PREFIXES, QUAD_FORMATS, RDF_SUFFIXES
from .query_entities import QueryResult, resolve_entities
from .query_run import run_bounded
from .sparql_vet import QueryError, _first_line, bind_values, vet, with_prefixes

CACHE_MIN_BYTES = 8_000_000  # ~150k triples of kg Turtle: parsing takes about a second from here on
FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "json-ld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
}
_STAMP = "kg-source.json"


# --------------------------------------------------------------------------- opening a graph file


def cache_root() -> Path:
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg"


def _stamp(path: Path) -> dict:
    info = path.stat()
    return {"path": _where(path), "size": info.st_size, "mtime_ns": info.st_mtime_ns}


def _where(path: Path) -> str:
    """The path as the user names it, made absolute but with links kept: OUT/graph.ttl links to
    a new generation folder after every build (kg/outputs.py), and must keep one index slot."""
    return os.path.abspath(path)


def _format(path: Path) -> tuple[str, ox.RdfFormat]:
    name = RDF_SUFFIXES.get(path.suffix.lower(), "turtle")
    return name, FORMATS[name]


def cached_store_dir(path: Path) -> Path:
    """Where the on-disk index of `path` lives (one per source path)."""
    digest = hashlib.sha256(_where(path).encode("utf-8")).hexdigest()[:20]
    return cache_root() / "stores" / digest


def _fresh(store_dir: Path, stamp: dict) -> bool:
    try:
        return json.loads((store_dir / _STAMP).read_text(encoding="utf-8")) == stamp
    except (OSError, ValueError):
        return False


def index_file(path: Path) -> Path | None:
    """The up-to-date on-disk store of a big graph file, built if needed; None if it cannot be.

    The store is built in a temporary folder and moved into place, so a failed or concurrent
    indexing never leaves a half-built store behind."""
    stamp = _stamp(path)
    target = cached_store_dir(path)
    if _fresh(target, stamp):
        return target
    name, fmt = _format(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".indexing-", dir=target.parent))
    except OSError:
        return None  # no writable cache: query from memory instead
    try:
        print(f"kg: indexing {path} for queries (once; cached in {target.parent})", file=sys.stderr)
        store = ox.Store(str(work / "store"))
        store.bulk_load(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
        store.optimize()  # compacted: opens in milliseconds, reads faster
        store.flush()
        del store
        (work / _STAMP).write_text(json.dumps(stamp), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target, ignore_errors=True)
        os.replace(work, target)
    except SyntaxError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise QueryError(f"{path}: cannot parse as {name} ({_first_line(exc)})") from None
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        if _fresh(target, stamp):  # another process indexed it meanwhile
            return target
        return None
    return target


def open_store(path: str | Path, *, cache: bool = True) -> ox.Store:
    """An Oxigraph store holding the graph file (read-only on-disk index for big files)."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no such file")
    if cache and path.stat().st_size >= CACHE_MIN_BYTES:
        store_dir = index_file(path)
        if store_dir is not None:
            try:
                return ox.Store.read_only(str(store_dir / "store"))
            except OSError:
                pass  # e.g. a store written by another Oxigraph version: fall back to memory
    name, fmt = _format(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        raise QueryError(f"{path}: cannot parse as {name} ({_first_line(exc)})") from None
    except (OSError, ValueError) as exc:
        raise QueryError(f"{path}: cannot read ({_first_line(exc)})") from None
    return store


def file_prefixes(path: str | Path) -> list[tuple[str, str]]:
    """Prefixes declared at the top of a Turtle/TriG file (for prefix:local table cells)."""
    found = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(65536)
    except OSError:
        head = ""
    for prefix, ns in re.findall(r"(?im)^\s*@?prefix\s+([A-Za-z][\w.-]*|):\s*<([^>\s]*)>", head):
        found[prefix] = ns
    return list(found.items())


# --------------------------------------------------------------------------- running


def _rdflib_term(term) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return Literal(str(term))  # an RDF-star triple term: shown as text


def _execute(store: ox.Store, text: str, union: bool,
             prefixes: dict[str, str]) -> tuple[list[str], list[list]]:
    try:
        result = store.query(text, use_default_graph_as_union=union, prefixes=prefixes)
    except SyntaxError as exc:
        raise QueryError(f"not a valid SPARQL query: {_first_line(exc)}") from None
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[bool(result)]]
    if isinstance(result, ox.QueryTriples):
        triples = [[_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)]
                   for t in result]
        return ["s", "p", "o"], triples
    names = [v.value for v in result.variables]
    return names, [[_rdflib_term(solution[name]) for name in names] for solution in result]


def run_file(
    path: str | Path,
    text: str,
    *,
    bindings=None,
    entities: dict[str, str] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    cache: bool = True,
    max_memory_mb: int | None = None,
) -> QueryResult:
    """A vetted query over a graph file, with `bindings` (name -> term or terms) as VALUES and
    entity parameters (`entities`, name -> value) matched to labels ignoring case.

    The store is opened and the query run in a child process bounded in time and memory
    (kg.query_run); indexing a big file for the first time happens before, outside the limit.
    The query is vetted as written (true error positions, refusal before any work) and again
    with its parameters bound, which is the text that runs."""
    path = Path(path)
    prefixes = dict(file_prefixes(path))
    form = vet(text, prefixes)
    union = _format(path)[0] in QUAD_FORMATS  # named graphs of TriG / N-Quads are merged
    if not path.is_file():
        raise QueryError(f"{path}: no such file")
    if cache and path.stat().st_size >= CACHE_MIN_BYTES:
        index_file(path)

    def work() -> QueryResult:
        store = open_store(path, cache=cache)

        def select(query: str, values) -> list[list]:
            final = bind_values(query, values)
            vet(final, prefixes)
            return _execute(store, final, union, prefixes)[1]

        resolved, notes = resolve_entities(select, entities or {})
        final = bind_values(text, {**(bindings or {}), **resolved})
        vet(final, prefixes)
        columns, rows = _execute(store, final, union, prefixes)
        return QueryResult(form, columns, rows, notes)

    return run_bounded(work, timeout, max_memory_mb=max_memory_mb)


def query_file(
    path: str | Path,
    text: str,
    *,
    bindings=None,
    timeout: float | None = DEFAULT_TIMEOUT,
    cache: bool = True,
    max_memory_mb: int | None = None,
) -> tuple[list[str], list[list[Node | None]]]:
    """(variable names, rows as rdflib terms) of a vetted query over a graph file (run_file)."""
    result = run_file(path, text, bindings=bindings, timeout=timeout, cache=cache,
                      max_memory_mb=max_memory_mb)
    return result.columns, result.rows


__all__ = ["bind_values", "cache_root", "file_prefixes", "index_file", "open_store", "query_file",
           "run_file", "vet", "with_prefixes"]
