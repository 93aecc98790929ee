"""Talk to a SPARQL 1.1 server: load a graph (Graph Store HTTP Protocol) and query it.

Once a graph outgrows one file (tens of millions of triples, several users, a service that
must answer queries), it belongs in a triple store such as Oxigraph, Fuseki or GraphDB. Only
the standard library's urllib is used, so this works wherever kg does.

- push: HTTP PUT (replace) or POST (merge) of the file to the Graph Store endpoint, with
  `?default` or `?graph=IRI` (Oxigraph: http://host:7878/store, Fuseki: http://host:3030/ds/data).
- query: SPARQL 1.1 Protocol POST to the query endpoint (Oxigraph: http://host:7878/query,
  Fuseki: http://host:3030/ds/query); rows come back as rdflib terms, like a file query.
- credentials come from the environment (KG_ENDPOINT_TOKEN for a bearer token, or
  KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD for HTTP basic auth), never from the command line
  where `ps` and shell history would show them; they are never part of an error message and
  are not sent on to another host when the server redirects.
- the time limit is enforced twice: by the client (a deadline over the whole exchange) and, where
  the server has a per-request setting, by the server too, so it stops computing (SERVER_KINDS).
"""
from __future__ import annotations

import base64
import io
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples",
               ".jsonld": "application/ld+json", ".rdf": "application/rdf+xml",
               ".xml": "application/rdf+xml"}
USER_AGENT = "kg (https://example.org/kg)"
ENV_TOKEN, ENV_USER, ENV_PASSWORD = "KG_ENDPOINT_TOKEN", "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD"
# How each kind of server takes a per-request time limit: (HTTP header, form parameter, unit).
# `auto` sends only the `Timeout` header (seconds), which Fuseki honours and other servers
# ignore; the `timeout` parameter means seconds to Fuseki and GraphDB but milliseconds to
# Virtuoso, so it is sent only when the kind is named. Oxigraph has no per-request limit
# (start it with `oxigraph serve --timeout-s N`).
SERVER_KINDS = {
    "auto": ("Timeout", None, "s"),
    "fuseki": ("Timeout", "timeout", "s"),
    "graphdb": (None, "timeout", "s"),
    "virtuoso": (None, "timeout", "ms"),
    "oxigraph": (None, None, "s"),
    "none": (None, None, "s"),
}


class EndpointError(Exception):
    """The server refused, could not be reached, or answered something unreadable: one line."""


# --------------------------------------------------------------------------- credentials


def _credentials(url_user: str | None, url_password: str | None) -> tuple[str | None, list[str]]:
    """(Authorization header or None, the secrets that must never be printed)."""
    token = os.environ.get(ENV_TOKEN)
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if token and (user or password):
        raise EndpointError(f"set either {ENV_TOKEN} or {ENV_USER}/{ENV_PASSWORD}, not both")
    if token:
        return f"Bearer {token.strip()}", [token.strip()]
    if user is None and url_user is not None:
        user, password = url_user, url_password
    if user is None:
        if password:
            raise EndpointError(f"{ENV_PASSWORD} is set but {ENV_USER} is not")
        return None, []
    pair = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
    return f"Basic {pair}", [s for s in (password, pair) if s]


def _redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects, but never carry credentials to another scheme, host or port."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            old, nxt = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(newurl)
            if (old.scheme, old.hostname, old.port) != (nxt.scheme, nxt.hostname, nxt.port):
                new.remove_header("Authorization")
        return new


_OPENER = urllib.request.build_opener(_SameHostRedirects)


def _request(url: str, *, method: str, data=None, headers: dict[str, str] | None = None):
    """(request, secrets): credentials from the environment (or the URL's user:password@,
    stripped from the URL) sent as an Authorization header."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"{_public(url)}: not an http(s) URL")
    headers = {"User-Agent": USER_AGENT, **(headers or {})}
    url_user = url_password = None
    if parts.username is not None:
        url_user = urllib.parse.unquote(parts.username)
        url_password = urllib.parse.unquote(parts.password or "")
    auth, secrets = _credentials(url_user, url_password)
    if parts.username is not None:
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        url = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    if auth:
        headers["Authorization"] = auth
    return urllib.request.Request(url, data=data, headers=headers, method=method), secrets


def _public(url: str) -> str:
    """A URL fit for a message: no user:password@, no query string."""
    parts = urllib.parse.urlsplit(url)
    netloc = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc, query="", fragment=""))


def _open(req: urllib.request.Request, timeout: float, secrets: list[str]):
    where = _public(req.full_url)
    try:
        return _OPENER.open(req, timeout=timeout)
    except urllib.error.HTTPError as exc:
        body = exc.read(300).decode("utf-8", "replace").strip().replace("\n", " ")
        hint = ""
        if exc.code in (401, 403):
            hint = f" (credentials: {ENV_TOKEN}, or {ENV_USER} and {ENV_PASSWORD})"
        message = f"{where}: HTTP {exc.code} {exc.reason}" + (f": {body}" if body else "") + hint
        raise EndpointError(_redact(message, secrets)) from None
    except urllib.error.URLError as exc:
        raise EndpointError(_redact(f"cannot reach {where}: {exc.reason}", secrets)) from None
    except (TimeoutError, OSError) as exc:
        raise EndpointError(_redact(f"cannot reach {where}: {exc}", secrets)) from None


def _read(resp, deadline: float, where: str) -> bytes:
    """The whole body, or an error once the deadline has passed (a slow trickle included)."""
    chunks = []
    while True:
        if time.monotonic() > deadline:
            raise EndpointError(f"{where}: no complete answer within the time limit (--timeout)")
        try:
            chunk = resp.read(1 << 16)
        except (TimeoutError, OSError) as exc:
            raise EndpointError(f"{where}: the answer stopped ({exc})") from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


# --------------------------------------------------------------------------- push


def graph_store_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store URL for the default graph or a named graph."""
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def push_graph(path: str | Path, endpoint: str, *, graph: str | None = None,
               replace: bool = True, timeout: float = 600) -> int:
    """Upload an RDF file to a Graph Store endpoint; returns the bytes sent.

    `replace`: PUT, so pushing the same graph twice leaves one copy; else POST, which adds the
    triples to what the graph already holds.
    """
    path = Path(path)
    _request(endpoint, method="HEAD")  # refuse a non-http URL before reading anything
    media = MEDIA_TYPES.get(path.suffix.lower())
    if media is None:
        kind = path.suffix or "no extension"
        raise EndpointError(f"{path}: cannot push '{kind}' files; use .ttl, .nt, .jsonld or .rdf")
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except FileNotFoundError:
        raise EndpointError(f"{path}: no such file") from None
    except OSError as exc:
        raise EndpointError(f"{path}: cannot read ({exc.strerror or exc})") from None
    content_type = f"{media}; charset=utf-8" if media.startswith("text/") else media
    with handle:  # streamed: a large graph is never held in memory twice
        req, secrets = _request(
            graph_store_url(endpoint, graph),
            method="PUT" if replace else "POST",
            data=handle,
            headers={"Content-Type": content_type, "Content-Length": str(size)},
        )
        with _open(req, timeout, secrets) as resp:
            resp.read()
    return size


# --------------------------------------------------------------------------- query


def _term(binding: dict) -> Node:
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = binding.get("xml:lang")
        datatype = binding.get("datatype")
        if lang:
            return Literal(value, lang=lang)
        return Literal(value, datatype=URIRef(datatype) if datatype else None)
    if kind == "triple":  # RDF-star quoted triple: shown as text
        return Literal(json.dumps(value))
    raise EndpointError(f"unknown term type in results: {kind!r}")


def _timeout_fields(server: str, timeout: float | None) -> tuple[dict[str, str], dict[str, str]]:
    """(headers, form fields) carrying the time limit to a server of the given kind."""
    if server not in SERVER_KINDS:
        kinds = ", ".join(SERVER_KINDS)
        raise EndpointError(f"unknown server kind {server!r}; choose from {kinds}")
    if not timeout:
        return {}, {}
    header, param, unit = SERVER_KINDS[server]
    value = f"{timeout * 1000:.0f}" if unit == "ms" else f"{timeout:g}"
    return ({header: value} if header else {}), ({param: value} if param else {})


def send_query(url: str, text: str, form: str, *, timeout: float | None = 300,
               server: str = "auto") -> tuple[list[str], list[list[Node | None]]]:
    """POST an already vetted query; (variable names, rows) shaped like a file query's."""
    graph_result = form in ("CONSTRUCT", "DESCRIBE")
    accept = "application/n-triples" if graph_result else "application/sparql-results+json"
    headers, fields = _timeout_fields(server, timeout)
    body = urllib.parse.urlencode({"query": text, **fields}).encode("utf-8")
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept, **headers}
    req, secrets = _request(url, method="POST", data=body, headers=headers)
    deadline = time.monotonic() + timeout if timeout else float("inf")
    with _open(req, timeout or None, secrets) as resp:
        payload = _read(resp, deadline, _public(url))
    if graph_result:
        g = Graph()
        try:
            g.parse(io.BytesIO(payload), format="nt")
        except Exception as exc:  # rdflib raises parser-specific types
            why = str(exc)[:200]
            raise EndpointError(f"{_public(url)}: the answer is not N-Triples ({why})") from None
        return ["s", "p", "o"], [list(t) for t in g]
    try:
        data = json.loads(payload)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise EndpointError(f"{_public(url)}: the answer is not SPARQL JSON results"
                            " (is this the query endpoint?)") from None
    if "boolean" in data:
        return ["ask"], [[bool(data["boolean"])]]
    columns = list(data.get("head", {}).get("vars", []))
    bindings = data.get("results", {}).get("bindings", [])
    return columns, [[_term(b[c]) if c in b else None for c in columns] for b in bindings]


def prepare_remote(sparql: str, bindings=None) -> tuple[str, str]:
    """(text to send, query form): vetted as written (true error positions), then with
    `bindings` as VALUES and kg's default prefixes declared, and vetted again as sent."""
    from .query import PREFIXES
    from .sparql_vet import QueryError, bind_values, vet, with_prefixes

    try:
        form = vet(sparql, PREFIXES)
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        text = with_prefixes(bind_values(sparql, bindings), prefixes)
        vet(text)
    except QueryError as exc:
        raise EndpointError(str(exc)) from None
    return text, form


def run_endpoint(url: str, sparql: str, *, bindings=None, entities=None,
                 timeout: float | None = 300, server: str = "auto"):
    """A QueryResult from a server: entity parameters (`entities`: name -> value) matched to
    labels case-insensitively first, with 'did you mean' notes when nothing matches."""
    from .query_entities import QueryResult, resolve_entities

    deadline = time.monotonic() + timeout if timeout else None

    def left() -> float | None:  # one time limit for the lookups and the query together
        return None if deadline is None else max(0.1, deadline - time.monotonic())

    def select(text: str, values) -> list[list]:
        sent, form = prepare_remote(text, values)
        return send_query(url, sent, form, timeout=left(), server=server)[1]

    prepare_remote(sparql, None)  # refuse before any lookup is sent
    resolved, notes = resolve_entities(select, entities or {})
    text, form = prepare_remote(sparql, {**(bindings or {}), **resolved})
    columns, rows = send_query(url, text, form, timeout=left(), server=server)
    return QueryResult(form, columns, rows, notes)


def query_endpoint(url: str, sparql: str, *, timeout: float = 300, server: str = "auto",
                   bindings=None) -> tuple[list[str], list[list[Node | None]]]:
    """(variable names, rows) from a SPARQL endpoint for a query vetted like a local one
    (read-only, no SERVICE, no FROM), with kg's default prefixes and `bindings` as VALUES."""
    text, form = prepare_remote(sparql, bindings)
    return send_query(url, text, form, timeout=timeout, server=server)


__all__ = ["ENV_PASSWORD", "ENV_TOKEN", "ENV_USER", "EndpointError", "SERVER_KINDS",
           "graph_store_url", "prepare_remote", "push_graph", "query_endpoint", "run_endpoint",
           "send_query"]
