"""Vetting SPARQL on its parsed form: read-only, local-only, whatever the query's spelling.

A regex over the query text cannot tell a comment from an escaped `\\#` in a prefixed name, a
keyword from a unicode escape (`\\u0053ERVICE`) or a string from code, so every query (file or
endpoint, saved or typed) is parsed by rdflib's SPARQL grammar and its whole parse tree is
walked: SERVICE, FROM / FROM NAMED and every update form are refused wherever they occur
(sub-queries, EXISTS, OPTIONAL, UNION, MINUS, ...). The query that runs is always the text that
was vetted (after parameters were bound), never something rebuilt from it.

Parse errors keep their true line and column: the text is parsed as the user wrote it and the
prefixes kg provides (kg:, rdfs:, ...) are given to the parser, never prepended as lines.

This module also holds the small text helpers that place a VALUES block and PREFIX lines, with a
tokenizer that knows strings, IRIs, comments and backslash escapes.
"""
from __future__ import annotations

import re
from typing import Iterator, Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier


class QueryError(Exception):
    """A refused or malformed query, a bad parameter or an unreadable graph: one line."""


READ_ONLY = "updates (INSERT, DELETE, LOAD, CLEAR, DROP, ...) are refused: kg query is read-only"
NO_SERVICE = "SERVICE is refused: queries may not reach other endpoints"
NO_FROM = "FROM / FROM NAMED are refused: queries run on the given graph only"
FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
         "DescribeQuery": "DESCRIBE"}
# Parse-tree nodes that make a query reach outside the graph it is given, or change data.
_REFUSED_NODES = {
    "ServiceGraphPattern": NO_SERVICE,
    "DatasetClause": NO_FROM,
    **{name: READ_ONLY for name in (
        "Load", "Clear", "Drop", "Create", "Add", "Move", "Copy", "InsertData", "DeleteData",
        "DeleteWhere", "Modify", "InsertClause", "DeleteClause",
    )},
}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


def _syntax_message(exc: BaseException) -> str:
    """pyparsing's 'Expected X, found Y (at char N), (line:L, col:C)' as 'line L, column C: ...'."""
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    what = _first_line(exc)
    what = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)\s*$", "", what)
    where = f"line {line}, column {col}: " if line is not None and col is not None else ""
    return f"not a valid SPARQL query: {where}{what}"


def _nodes(tree: object) -> Iterator[object]:
    """Every node of an rdflib parse tree (CompValue dicts, ParseResults, lists), depth first."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(dict.values(node))  # CompValue.get answers absent keys with the key
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(node)
        elif isinstance(node, dict):
            stack.extend(node.values())


def _precise(text: str, namespaces: Mapping[str, object] | None) -> str | None:
    """Oxigraph's exact 'line L, column C: expected ...' for a query rdflib rejected, if any."""
    from .query_run import oxigraph_syntax_error

    prefixes = {k: str(v) for k, v in (namespaces or {}).items()}
    message = oxigraph_syntax_error(text, prefixes)
    match = re.match(r"error at (\d+):(\d+): (.*)", message or "")
    if not match:
        return None
    line, col, what = match.groups()
    what = what if len(what) <= 120 else what[:117] + "..."
    return f"not a valid SPARQL query: line {line}, column {col}: {what}"


def _parse(text: str, namespaces: Mapping[str, object] | None = None):
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return parseQuery(text)
    except Exception as exc:  # pyparsing and rdflib raise several types
        try:
            parseUpdate(text)
        except Exception:
            raise QueryError(_precise(text, namespaces) or _syntax_message(exc)) from None
        raise QueryError(READ_ONLY) from None


def vet(text: str, namespaces: Mapping[str, object] | None = None) -> str:
    """The form (SELECT, ASK, CONSTRUCT, DESCRIBE) of a query that may run; QueryError otherwise.

    `namespaces` are prefixes the query may use undeclared (the ones kg adds)."""
    if "\x00" in text:
        raise QueryError("not a valid SPARQL query: it contains a NUL character")
    tree = _parse(text, namespaces)
    form = None
    for node in _nodes(tree):
        name = getattr(node, "name", "")
        if name in _REFUSED_NODES:
            raise QueryError(_REFUSED_NODES[name])
        if name in FORMS and form is None:
            form = FORMS[name]
    from rdflib.plugins.sparql.algebra import translateQuery

    try:  # resolves prefixes and variables: catches an undeclared prefix with a clear message
        algebra = translateQuery(tree, initNs={k: str(v) for k, v in (namespaces or {}).items()})
    except Exception as exc:
        prefix = re.fullmatch(r"Unknown namespace prefix : (\S*)", _first_line(exc))
        if prefix:
            name = prefix.group(1)
            raise QueryError(f"not a valid SPARQL query: unknown prefix '{name}:'"
                             f" (declare it: PREFIX {name}: <...>)") from None
        raise QueryError(f"not a valid SPARQL query: {_first_line(exc)}") from None
    return FORMS.get(algebra.algebra.name, form or "SELECT")


# --------------------------------------------------------------------------- text helpers

# Tokens that may hide braces, PREFIX or WHERE: strings, IRIs, backslash escapes (`ex:a\#`,
# which is no comment) and comments, in that order of precedence.
_SKIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|\\."
    r"|#[^\n]*",
    re.S,
)


def masked(text: str) -> str:
    """The text with strings, IRIs, escapes and comments blanked out (same length)."""
    return _SKIP.sub(lambda m: " " * len(m.group()), text)


def where_brace(text: str) -> int:
    """Index of the `{` that opens the query's WHERE group."""
    hidden = masked(text)
    where = re.search(r"\bWHERE\s*\{", hidden, re.I)
    if where:
        return where.end() - 1
    form = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", hidden, re.I)
    brace = hidden.find("{", form.end()) if form else -1
    if form and form.group(1).upper() == "CONSTRUCT" and brace >= 0:  # CONSTRUCT { template } {
        close = hidden.find("}", brace)
        brace = hidden.find("{", close) if close >= 0 else -1
    if brace < 0:
        raise QueryError("--param needs a query with a WHERE { ... } group to bind into")
    return brace


def serialise(term: Identifier) -> str:
    """An IRI or literal in SPARQL syntax, escaped by Oxigraph's own serialiser."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return str(ox.NamedNode(str(term)))
    if isinstance(term, Literal):
        if term.language:
            return str(ox.Literal(str(term), language=term.language))
        if term.datatype and term.datatype != XSD.string:
            return str(ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))))
        return str(ox.Literal(str(term)))
    raise QueryError(f"cannot bind {term!r}: parameters are IRIs or literals")


Bindings = Mapping[str, "Identifier | list[Identifier]"]


def bind_values(text: str, bindings: Bindings | None) -> str:
    """The query with `VALUES ?a { v1 v2 }` blocks opening its WHERE group (initBindings'
    meaning; several values for one variable are alternatives). Kept on the brace's line so
    later line numbers do not move."""
    if not bindings:
        return text
    blocks = []
    for name, terms in bindings.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"--param {name}: not a variable name")
        values = terms if isinstance(terms, list) else [terms]
        blocks.append(f"VALUES ?{name} {{ {' '.join(serialise(t) for t in values)} }}")
    at = where_brace(text) + 1
    return f"{text[:at]} {' '.join(blocks)} {text[at:]}"


def declared_prefixes(text: str) -> set[str]:
    return set(re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*|):", masked(text)))


def with_prefixes(text: str, prefixes: Mapping[str, object] | list[tuple[str, str]]) -> str:
    """The query with PREFIX declarations for the given prefixes it leaves out, all on its first
    line (for servers, which take no separate prefix list): line numbers stay true."""
    items = prefixes.items() if isinstance(prefixes, Mapping) else prefixes
    declared = declared_prefixes(text)
    decls = [f"PREFIX {p}: <{ns}>" for p, ns in items if p not in declared]
    return " ".join(decls) + " " + text if decls else text


__all__ = ["QueryError", "bind_values", "masked", "serialise", "vet", "where_brace",
           "with_prefixes"]
