"""Why is X a Person? Which rules said X acquired Y? `kg explain GRAPH "Name"` answers from
what the build already wrote: the graph's statements (rule, modality, confidence, source per
relation) and the typing cues recorded per document in extractions.jsonl beside the graph.

The cues live in extractions.jsonl rather than in the graph because they are votes of single
documents before resolution (and there may be dozens per name): the graph states what is
believed; the build's working file says why.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV, SKOS

from .query import QueryError, load_graph
from .store import FILENAME, StoreError, load
from .vocab import CLASSES, KG

_CLASS_NAMES = {iri: name for name, iri in CLASSES.items()}


class ExplainError(Exception):
    """The graph cannot be read, or names no entity so called."""


@dataclass
class DocumentTyping:
    """The votes one document gave one name: NER's label, typing cues, relation roles."""

    document: str  # its title, else its id (as the graph labels documents)
    name: str
    votes: list[tuple[str, str, float, int]] = field(default_factory=list)  # (why, type, w, n)


@dataclass
class RelationWhy:
    subject: str
    predicate: str
    object: str
    rule: str
    modality: str
    confidence: str
    document: str
    sentence: str


@dataclass
class Explanation:
    label: str
    types: list[str]
    aliases: list[str]
    typing: list[DocumentTyping]
    relations: list[RelationWhy]
    cues_recorded: bool  # False: no extractions.jsonl (or an old one) beside the graph


def explain(graph_path: str | Path, name: str) -> list[Explanation]:
    """One Explanation per entity whose label or alternative label is `name` (any case)."""
    graph_path = Path(graph_path)
    try:
        g = load_graph(graph_path)
    except QueryError as exc:
        raise ExplainError(str(exc)) from None
    nodes = _entities_named(g, name)
    if not nodes:
        raise ExplainError(_not_found(g, name, graph_path))
    extractions, recorded = _extractions_beside(graph_path)
    out = []
    for node in nodes:
        label = str(g.value(node, RDFS.label))
        aliases = sorted(str(a) for a in g.objects(node, SKOS.altLabel))
        types = sorted(_CLASS_NAMES[t] for t in g.objects(node, RDF.type) if t in _CLASS_NAMES)
        typing = _typing(extractions, {label, *aliases})
        out.append(Explanation(label, types, aliases, typing, _relations(g, node), recorded))
    return out


def _entities_named(g: Graph, name: str) -> list[URIRef]:
    wanted = " ".join(name.split()).casefold()
    found = []
    for prop in (RDFS.label, SKOS.altLabel):
        for node, value in g.subject_objects(prop):
            if str(value).casefold() == wanted and _is_entity(g, node) and node not in found:
                found.append(node)
    return sorted(found)


def _is_entity(g: Graph, node) -> bool:
    return any(t in _CLASS_NAMES for t in g.objects(node, RDF.type))


def _not_found(g: Graph, name: str, path: Path) -> str:
    labels = sorted({str(v) for n, v in g.subject_objects(RDFS.label) if _is_entity(g, n)})
    close = difflib.get_close_matches(name, labels, n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    return f"{path}: no entity named {name!r}{hint}"


def _extractions_beside(graph_path: Path) -> tuple[list, bool]:
    """The build's extractions next to the graph, and whether they carry typing cues."""
    path = graph_path.parent / FILENAME
    if not path.is_file():
        return [], False
    try:
        snapshot = load(path)
    except StoreError:
        return [], False
    extractions = snapshot.extractions
    return extractions, any(ex.typing for ex in extractions)


def _typing(extractions: list, names: set[str]) -> list[DocumentTyping]:
    """Per document and name: NER's votes, the recorded cues, the relation roles."""
    out = []
    for ex in extractions:
        for name in sorted(names):
            votes: dict[tuple[str, str], list] = {}
            for m in ex.mentions:
                if m.name == name and m.evidence in ("ner", "role") and m.type:
                    entry = votes.setdefault((m.evidence, m.type), [0.0, 0])
                    entry[0] += m.weight
                    entry[1] += 1
            for cue_id, kind, weight, count in ex.typing.get(name, ()):
                entry = votes.setdefault((cue_id, kind), [0.0, 0])
                entry[0] += weight
                entry[1] += count
            if votes:
                rows = [(why, kind, round(w, 3), n) for (why, kind), (w, n) in votes.items()]
                label = ex.document.title or ex.document.id
                out.append(DocumentTyping(" ".join(label.split()), name, rows))
    return out


def _relations(g: Graph, node: URIRef) -> list[RelationWhy]:
    out = []
    for stmt in set(g.subjects(RDF.subject, node)) | set(g.subjects(RDF.object, node)):
        s, p, o = (g.value(stmt, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        doc = g.value(stmt, PROV.wasDerivedFrom)
        out.append(
            RelationWhy(
                subject=str(g.value(s, RDFS.label)),
                predicate=str(p).rsplit("#", 1)[-1],
                object=str(g.value(o, RDFS.label)),
                rule=str(g.value(stmt, KG.rule)),
                modality=str(g.value(stmt, KG.modality)),
                confidence=str(g.value(stmt, KG.confidence)),
                document=str(g.value(doc, RDFS.label)) if doc is not None else "",
                sentence=str(g.value(stmt, KG.sentence) or ""),
            )
        )
    return sorted(out, key=lambda r: (r.predicate, r.subject, r.object, r.document, r.rule))


def format_explanation(ex: Explanation) -> str:
    """Plain text: the type and the votes behind it, then each relation with its rule."""
    lines = [f"{ex.label}: {', '.join(ex.types) or 'untyped'}"]
    if ex.aliases:
        lines.append(f"  also called: {', '.join(ex.aliases)}")
    lines.append("")
    lines.append("Why this type (votes per document: NER's label, typing cues, relation roles):")
    if not ex.cues_recorded:
        lines.append(f"  (no typing cues recorded: {FILENAME} is missing beside the graph or")
        lines.append("   predates them; rebuild with `kg build` to see them)")
    totals: dict[str, float] = defaultdict(float)
    for typing in ex.typing:
        lines.append(f"  {typing.name} in {_short(typing.document)!r}")
        for why, kind, weight, count in typing.votes:
            times = f" x{count}" if count > 1 else ""
            lines.append(f"    {why:<32} {kind:<13} {weight:g}{times}")
            totals[kind] += weight
    if totals:
        ranked = sorted(totals.items(), key=lambda kv: -kv[1])
        lines.append("  total: " + ", ".join(f"{k} {round(w, 3):g}" for k, w in ranked))
    lines.append("")
    lines.append(f"Relations ({len(ex.relations)}; the rule that produced each):")
    for r in ex.relations:
        lines.append(
            f"  {r.subject} {r.predicate} {r.object}  [{r.rule}] {r.modality} {r.confidence}"
            + (f"  ({_short(r.document)})" if r.document else "")
        )
    return "\n".join(lines)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


__all__ = ["ExplainError", "Explanation", "explain", "format_explanation"]
