"""Talk to a SPARQL 1.1 server: load a graph (Graph Store HTTP Protocol) and query it.

Once a graph outgrows one file (tens of millions of triples, several users, a service that
must answer queries), it belongs in a triple store such as Oxigraph, Fuseki or GraphDB. Only
the standard library's urllib is used, so this works wherever kg does.

- push: HTTP PUT (replace) or POST (merge) of the file to the Graph Store endpoint, with
  `?default` or `?graph=IRI` (Oxigraph: http://host:7878/store, Fuseki: http://host:3030/ds/data).
- query: SPARQL 1.1 Protocol POST to the query endpoint (Oxigraph: http://host:7878/query,
  Fuseki: http://host:3030/ds/query); rows come back as rdflib terms, like kg.query.run_query.
"""
from __future__ import annotations

import base64
import io
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonld": "application/ld+json", ".rdf": "application/rdf+xml", ".xml": "application/rdf+xml"}
USER_AGENT = "kg (https://example.org/kg)"


class EndpointError(Exception):
    """The server refused, could not be reached, or answered something unreadable: one line."""


def _request(url: str, *, method: str, data=None, headers: dict[str, str] | None = None) -> urllib.request.Request:
    """A request with credentials from the URL (http://user:pass@host/...) sent as Basic auth."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"{url}: not an http(s) URL")
    headers = {"User-Agent": USER_AGENT, **(headers or {})}
    if parts.username is not None:
        token = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
        headers["Authorization"] = "Basic " + base64.b64encode(token.encode()).decode()
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        url = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return urllib.request.Request(url, data=data, headers=headers, method=method)


def _open(req: urllib.request.Request, timeout: float):
    where = urllib.parse.urlsplit(req.full_url)._replace(query="").geturl()
    try:
        return urllib.request.urlopen(req, timeout=timeout)
    except urllib.error.HTTPError as exc:
        body = exc.read(300).decode("utf-8", "replace").strip().replace("\n", " ")
        raise EndpointError(f"{where}: HTTP {exc.code} {exc.reason}" + (f": {body}" if body else "")) from None
    except urllib.error.URLError as exc:
        raise EndpointError(f"cannot reach {where}: {exc.reason}") from None
    except (TimeoutError, OSError) as exc:
        raise EndpointError(f"cannot reach {where}: {exc}") from None


def graph_store_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store URL for the default graph or a named graph."""
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def push_graph(path: str | Path, endpoint: str, *, graph: str | None = None, replace: bool = True, timeout: float = 600) -> int:
    """Upload an RDF file to a Graph Store endpoint; returns the bytes sent.

    `replace`: PUT, so pushing the same graph twice leaves one copy; else POST, which adds the
    triples to what the graph already holds.
    """
    path = Path(path)
    _request(endpoint, method="HEAD")  # refuse a non-http URL before reading anything
    media = MEDIA_TYPES.get(path.suffix.lower())
    if media is None:
        raise EndpointError(f"{path}: cannot push '{path.suffix or 'no extension'}' files; use .ttl, .nt, .jsonld or .rdf")
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except FileNotFoundError:
        raise EndpointError(f"{path}: no such file") from None
    except OSError as exc:
        raise EndpointError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with handle:  # streamed: a large graph is never held in memory twice
        req = _request(
            graph_store_url(endpoint, graph),
            method="PUT" if replace else "POST",
            data=handle,
            headers={"Content-Type": f"{media}; charset=utf-8" if media.startswith("text/") else media, "Content-Length": str(size)},
        )
        with _open(req, timeout) as resp:
            resp.read()
    return size


def _term(binding: dict) -> Node:
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = binding.get("xml:lang")
        datatype = binding.get("datatype")
        return Literal(value, lang=lang) if lang else Literal(value, datatype=URIRef(datatype) if datatype else None)
    if kind == "triple":  # RDF-star quoted triple: shown as text
        return Literal(json.dumps(value))
    raise EndpointError(f"unknown term type in results: {kind!r}")


def _vet(sparql: str) -> str:
    """The query form (SelectQuery, AskQuery, ...) of a read-only query that stays on the server:
    the same policy as a local `kg query` (no updates, no SERVICE, no FROM / FROM NAMED)."""
    from .query import QueryError, prepare

    try:
        return prepare(sparql).algebra.name
    except QueryError as exc:
        raise EndpointError(str(exc)) from None


def query_endpoint(url: str, sparql: str, *, timeout: float = 300) -> tuple[list[str], list[list[Node | None]]]:
    """(variable names, rows) from a SPARQL endpoint, shaped like kg.query.run_query's.

    The query is vetted like a local one first (read-only, no SERVICE, no FROM), so `kg query`
    has one policy whether the graph is a file or a server.
    """
    kind = _vet(sparql)
    graph_result = kind in ("ConstructQuery", "DescribeQuery")
    accept = "application/n-triples" if graph_result else "application/sparql-results+json"
    body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
    req = _request(url, method="POST", data=body, headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
    with _open(req, timeout) as resp:
        payload = resp.read()
    if graph_result:
        g = Graph()
        try:
            g.parse(io.BytesIO(payload), format="nt")
        except Exception as exc:  # rdflib raises parser-specific types
            raise EndpointError(f"{url}: the answer is not N-Triples ({str(exc)[:200]})") from None
        return ["s", "p", "o"], [list(t) for t in g]
    try:
        data = json.loads(payload)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise EndpointError(f"{url}: the answer is not SPARQL JSON results (is this the query endpoint?)") from None
    if "boolean" in data:
        return ["ask"], [[bool(data["boolean"])]]
    columns = list(data.get("head", {}).get("vars", []))
    rows = [[_term(b[c]) if c in b else None for c in columns] for b in data.get("results", {}).get("bindings", [])]
    return columns, rows


__all__ = ["EndpointError", "graph_store_url", "push_graph", "query_endpoint"]
