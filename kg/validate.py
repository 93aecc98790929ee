"""Check a graph against ontology/shapes.ttl (SHACL, via pyshacl) plus two provenance checks.

SHACL runs without inference, so a node only passes on what the graph states. The provenance
checks need a relation's predicate to be matched against a statement's rdf:predicate, which core
SHACL cannot say and SHACL-SPARQL makes pyshacl very slow at, so they are plain Python:

* every asserted core triple `s p o` has an asserted provenance record (rdf:Statement) for it;
* every asserted provenance record has its triple `s p o` in the graph.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from .model import ASSERTED
from .vocab import CLASSES, KG, RELATIONS, OntologyError, ontology_file

_SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


class ValidationError(Exception):
    """The shapes could not be read or run: reported in one line."""


@dataclass(frozen=True, order=True)
class Problem:
    """One failed check, in words: what node, which property, what is wrong."""

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "violation"

    def line(self) -> str:
        parts = [self.focus]
        if self.path:
            parts.append(self.path)
        text = ": ".join(parts) + f": {self.message}"
        if self.value and self.value != self.focus:
            text += f" (value: {self.value})"
        return text if self.severity == "violation" else f"{text} [{self.severity}]"


@dataclass
class Report:
    conforms: bool
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def load_shapes(path: str | Path | None = None) -> Graph:
    try:
        path = Path(path) if path is not None else ontology_file("shapes.ttl")
    except OntologyError as exc:
        raise ValidationError(str(exc)) from None
    if not path.is_file():
        raise ValidationError(f"{path}: no such shapes file")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:
        raise ValidationError(
            f"{path}: cannot parse the shapes as Turtle ({str(exc).splitlines()[0][:200]})"
        ) from None


def describe(graph: Graph, node: Node | None) -> str:
    """A readable name for a node: its label, a statement as 'S p O', a prefixed IRI, a literal."""
    if node is None:
        return ""
    if isinstance(node, Literal):
        text = str(node) if len(str(node)) <= 80 else str(node)[:77] + "..."
        return repr(text)  # quoted, with control characters escaped
    label = _first(graph, node, RDFS.label)
    if label is not None and str(label).strip():
        return printable(str(label))
    if (node, RDF.type, RDF.Statement) in graph:
        s, p, o = (_first(graph, node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        return (
            f"statement {describe(graph, s) or '?'} {_local(p) or '?'} {describe(graph, o) or '?'}"
        )
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.curie(str(node), generate=False)
        except (ValueError, KeyError):
            return f"<{node}>"
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def printable(text: str) -> str:
    """One line without control characters (a label must not steer the terminal)."""
    return "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in " ".join(text.split()))


def _first(graph: Graph, node: Node, predicate: URIRef) -> Node | None:
    """One value, the same on every run even when there are several."""
    return min(graph.objects(node, predicate), default=None, key=lambda v: (str(v), v.n3()))


def _local(node: Node | None) -> str:
    if not isinstance(node, URIRef):
        return ""
    return str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _path(graph: Graph, shapes: Graph, path: Node | None) -> str:
    if path is None:
        return ""
    if isinstance(path, URIRef):
        for g in (graph, shapes):
            try:
                return g.namespace_manager.curie(str(path), generate=False)
            except (ValueError, KeyError):
                continue
        return f"<{path}>"
    return "(complex path)"


def _shacl(graph: Graph, shapes: Graph) -> tuple[bool, list[Problem]]:
    import pyshacl  # slow to import: only when validating

    if (
        not graph.store.context_aware
    ):  # pyshacl wants a named-graph-aware store (built graphs use SimpleMemory)
        copy = Graph()
        for prefix, namespace in graph.namespaces():
            copy.bind(prefix, namespace, override=True)
        for triple in graph:
            copy.add(triple)
        graph = copy
    try:
        conforms, results, _ = pyshacl.validate(
            graph, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=False
        )
    except Exception as exc:
        raise ValidationError(
            "the shapes could not be run: "
            f"{str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__}"
        ) from None
    problems = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        problems.add(
            Problem(
                focus=describe(graph, focus),
                path=_path(graph, shapes, results.value(result, SH.resultPath)),
                message=str(message)
                if message is not None
                else "fails " + _local(results.value(result, SH.sourceConstraintComponent)),
                value=describe(graph, results.value(result, SH.value)),
                severity=_SEVERITY.get(results.value(result, SH.resultSeverity), "violation"),
            )
        )
    return bool(conforms), sorted(problems)


def provenance_problems(graph: Graph) -> list[Problem]:
    """Asserted core triples without an asserted record, and asserted records without their
    triple."""
    predicates = set(RELATIONS.values())
    recorded: dict[tuple[Node, Node, Node], list[Node]] = {}
    for statement in graph.subjects(KG.modality, Literal(ASSERTED)):
        s, p, o = (graph.value(statement, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if None not in (s, p, o):
            recorded.setdefault((s, p, o), []).append(statement)
    problems = []
    for p in predicates:
        for s, o in graph.subject_objects(p):
            if (s, p, o) not in recorded:
                problems.append(
                    Problem(
                        describe(graph, s),
                        _path(graph, graph, p),
                        "relation has no asserted provenance record (rdf:Statement)",
                        describe(graph, o),
                    )
                )
    for (s, p, o), statements in recorded.items():
        if p in predicates and (s, p, o) not in graph:
            for statement in statements:
                problems.append(
                    Problem(
                        describe(graph, statement),
                        "kg:modality",
                        "record is asserted but its triple is not in the graph",
                    )
                )
    return sorted(set(problems))


def validate(graph: Graph, shapes: Graph | None = None) -> Report:
    shapes = load_shapes() if shapes is None else shapes
    conforms, problems = _shacl(graph, shapes)
    extra = provenance_problems(graph)
    types = Counter(o for o in graph.objects(None, RDF.type))
    counts = {
        "entities": len({s for c in CLASSES.values() for s in graph.subjects(RDF.type, c)}),
        "relations": sum(1 for p in RELATIONS.values() for _ in graph.subject_objects(p)),
        "provenance records": types[RDF.Statement],
        "documents": types[KG.Document],
    }
    return Report(conforms=conforms and not extra, problems=problems + extra, counts=counts)


_SINGULAR = {
    "entities": "entity",
    "relations": "relation",
    "provenance records": "provenance record",
    "documents": "document",
}


def format_report(report: Report, name: str = "graph") -> str:
    checked = ", ".join(
        f"{n} {what if n != 1 else _SINGULAR.get(what, what)}" for what, n in report.counts.items()
    )
    if report.conforms:
        return f"{name} conforms ({checked})"
    lines = [p.line() for p in report.problems]
    nodes = len({p.focus for p in report.problems})
    kinds = Counter(p.severity for p in report.problems)
    found = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in sorted(kinds.items()))
    lines.append(
        f"{name} does not conform: {found} on {nodes} node{'s' if nodes != 1 else ''} ({checked})"
    )
    return "\n".join(lines)


__all__ = [
    "Problem",
    "Report",
    "ValidationError",
    "describe",
    "format_report",
    "load_shapes",
    "provenance_problems",
    "validate",
]
