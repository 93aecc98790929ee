"""Score a graph against a `kg-gold/1` file (format: see README, "Evaluating").

Triples are compared at corpus level after entity resolution: each distinct
(subject entity, relation, object entity) counts once however many sentences state it.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

GOLD_FORMAT = "kg-gold/1"
_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00b4": "'", "`": "'"}
)


class GoldError(Exception):
    """The gold file is missing or not in kg-gold/1 format."""


def normalize_label(text: str) -> str:
    """Case-, quote- and possessive-insensitive form used to match labels to gold names."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).strip().casefold()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())


@dataclass
class Score:
    precision: float
    recall: float
    f1: float


@dataclass
class Report:
    relations: Score
    entities: Score
    duplicates: int
    forbidden: int
    system_triples: int
    correct_triples: int
    required_triples: int
    found_required: int
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)
    missing_entities: list[str] = field(default_factory=list)
    extra_entities: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _score(correct: int, predicted: int, found: int, gold: int) -> Score:
    p = correct / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(round(p, 4), round(r, 4), round(f, 4))


def load_gold(path: str | Path) -> dict:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not a readable JSON file ({exc})") from None
    if not isinstance(gold, dict) or gold.get("format") != GOLD_FORMAT:
        raise GoldError(f'{path}: expected a JSON object with "format": "{GOLD_FORMAT}"')
    for key in ("entities", "triples"):
        if not isinstance(gold.get(key), list):
            raise GoldError(f"{path}: missing list '{key}'")
    return gold


def _local(iri: URIRef) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _node_types(graph: Graph, wanted: set[str]) -> dict[URIRef, set[str]]:
    """Typed nodes and which core classes they belong to, following rdfs:subClassOf."""
    core_of: dict[URIRef, set[str]] = {}
    for cls in set(graph.objects(None, RDF.type)) | set(graph.subjects(RDFS.subClassOf, None)):
        if not isinstance(cls, URIRef):
            continue
        names = {_local(c) for c in graph.transitive_objects(cls, RDFS.subClassOf)} & wanted
        if names:
            core_of[cls] = names
    typed: dict[URIRef, set[str]] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if cls in core_of and isinstance(node, URIRef):
            typed.setdefault(node, set()).update(core_of[cls])
    return typed


class _Gold:
    """The gold file indexed for matching: names -> entity index, triples by index."""

    def __init__(self, gold: dict, graph: Graph) -> None:
        self.gold, self.graph = gold, graph
        self.types = set(gold.get("entity_types") or ["Organization", "Person", "Place", "Product"])
        self.relations = set(gold.get("relations") or {t["p"] for t in gold["triples"]})
        self.symmetric = set(gold.get("symmetric") or [])
        self.by_name: dict[str, int] = {}
        for i, ent in enumerate(gold["entities"]):
            for name in [ent["label"], *ent.get("aliases", [])]:
                self.by_name.setdefault(normalize_label(name), i)
        self.triples = []
        for t in gold["triples"]:
            s_idx = self.by_name.get(normalize_label(t["s"]))
            objs = t["o"] if isinstance(t["o"], list) else [t["o"]]
            o_idx = {self.by_name.get(normalize_label(o)) for o in objs} - {None}
            self.triples.append((s_idx, t["p"], o_idx, t.get("status", "required"), t))

    def labels(self, node: URIRef) -> list[str]:
        main = [str(x) for x in self.graph.objects(node, RDFS.label)]
        return main + [str(x) for x in self.graph.objects(node, SKOS.altLabel)]

    def gold_of(self, node: URIRef) -> int | None:
        for label in self.labels(node):
            idx = self.by_name.get(normalize_label(label))
            if idx is not None:
                return idx
        return None

    def ident(self, node) -> object:
        """A node's gold entity index, or the node itself when it matches none."""
        idx = self.gold_of(node) if isinstance(node, URIRef) else None
        return idx if idx is not None else str(node)

    def name(self, x: object) -> str:
        return self.gold["entities"][x]["label"] if isinstance(x, int) else str(x)

    def key(self, s_idx: object, p: str, o_idx: set) -> tuple:
        """One fact, however many articles state it: the graph is corpus-level, so a triple the
        gold lists once per article is found (or missed) once."""
        if p in self.symmetric and len(o_idx) == 1:
            return (p, frozenset({s_idx, *o_idx}))
        return (s_idx, p, frozenset(o_idx))

    def matches(self, s: object, p: str, o: object) -> list[tuple[str, tuple]]:
        """Every gold triple a system triple matches, as (status, fact key)."""
        return [
            (status, self.key(gs, gp, gos))
            for gs, gp, gos, status, _ in self.triples
            if gp == p
            and ((gs == s and o in gos) or (p in self.symmetric and o == gs and s in gos))
        ]

    def lookup(self, s: object, p: str, o: object) -> str | None:
        """The gold status of a system triple: the strongest of all gold triples it matches
        (required over allowed over forbidden)."""
        statuses = [status for status, _ in self.matches(s, p, o)]
        return max(statuses, key=lambda st: _RANK.get(st, 0), default=None)


_RANK = {"forbidden": 1, "allowed": 2, "required": 3}


def _entities(g: _Gold) -> tuple[Score, int, list[str], list[str]]:
    """A typed node matches when a label and one of its types agree with the gold."""
    typed = _node_types(g.graph, g.types)
    matched: dict[int, URIRef] = {}
    duplicates = 0
    extra: list[str] = []
    for node in sorted(typed):
        idx = g.gold_of(node)
        wanted = set(g.gold["entities"][idx].get("types") or g.types) if idx is not None else set()
        if idx is not None and typed[node] & wanted:
            if idx in matched:
                duplicates += 1
            else:
                matched[idx] = node
        else:
            extra.append((g.labels(node) or [str(node)])[0])
    required = [i for i, e in enumerate(g.gold["entities"]) if e.get("required", True)]
    found = sum(1 for i in required if i in matched)
    score = _score(len(typed) - len(extra), len(typed), found, len(required))
    missing = [g.gold["entities"][i]["label"] for i in required if i not in matched]
    return score, duplicates, missing, extra


def _system_triples(g: _Gold) -> set[tuple[object, str, object]]:
    """The graph's relations, mapped to gold entity indices (one direction for symmetric ones)."""
    system: set[tuple[object, str, object]] = set()
    for s, p, o in g.graph:
        if not (isinstance(p, URIRef) and isinstance(s, URIRef) and isinstance(o, URIRef)):
            continue
        if _local(p) in g.relations:
            subj, pred, obj = g.ident(s), _local(p), g.ident(o)
            if pred in g.symmetric:
                subj, obj = sorted((subj, obj), key=str)
            system.add((subj, pred, obj))
    return system


def evaluate(gold: dict, graph: Graph) -> Report:
    g = _Gold(gold, graph)
    entity_score, duplicates, missing_entities, extra = _entities(g)
    system = _system_triples(g)
    correct = forbidden = 0
    wrong: list[tuple[str, str, str, str]] = []
    found: set[tuple] = set()
    for s, p, o in sorted(system, key=lambda k: (g.name(k[0]), k[1], g.name(k[2]))):
        status = g.lookup(s, p, o)
        if status in ("required", "allowed"):
            correct += 1
            found.update(key for st, key in g.matches(s, p, o) if st == "required")
        else:
            forbidden += status == "forbidden"
            wrong.append((g.name(s), p, g.name(o), status or "not in gold"))
    required: dict[tuple, dict] = {}
    for s_idx, p, o_idx, status, t in g.triples:
        if status == "required":
            required.setdefault(g.key(s_idx, p, o_idx), t)
    missed = [
        (t["s"], t["p"], t["o"] if isinstance(t["o"], str) else " | ".join(t["o"]))
        for k, t in required.items()
        if k not in found
    ]
    return Report(
        relations=_score(correct, len(system), len(required) - len(missed), len(required)),
        entities=entity_score,
        duplicates=duplicates,
        forbidden=forbidden,
        system_triples=len(system),
        correct_triples=correct,
        required_triples=len(required),
        found_required=len(required) - len(missed),
        missed=missed,
        wrong=wrong,
        missing_entities=missing_entities,
        extra_entities=sorted(extra),
    )


def format_report(report: Report) -> str:
    r, e = report.relations, report.entities
    lines = [
        f"relations  P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}  "
        f"({report.correct_triples}/{report.system_triples} correct, "
        f"{report.found_required}/{report.required_triples} required found, "
        f"{report.forbidden} forbidden)",
        f"entities   P {e.precision:.3f}  R {e.recall:.3f}  F1 {e.f1:.3f}  "
        f"duplicates {report.duplicates}",
    ]
    if report.missed:
        lines.append("missed:")
        lines += [f"  {s} {p} {o}" for s, p, o in report.missed]
    if report.wrong:
        lines.append("wrong:")
        lines += [f"  {s} {p} {o}  [{why}]" for s, p, o, why in report.wrong]
    if report.missing_entities:
        lines.append("missing entities: " + ", ".join(report.missing_entities))
    return "\n".join(lines)
