"""What the graph view shows, as plain JSON-ready data: read from the RDF graph, no browser.

Shared by the HTML page (kg.export.html) and the notebook API (kg.api.to_pyvis), so both show
the same entities, facts and evidence. Everything here is untrusted text from articles; the
consumers escape it (the page puts it in the DOM with textContent only).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import PurePath
from typing import Any

import numpy as np
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from ..vocab import CLASSES, KG, RELATIONS, SYMMETRIC
from . import _overview

# Tableau 10: distinct for the common colour-vision deficiencies; the shape differs too.
COLOURS = {"Organization": "#4e79a7", "Person": "#e15759", "Place": "#59a14f", "Product": "#f28e2b"}
SHAPES = {"Organization": "dot", "Person": "diamond", "Place": "square", "Product": "triangle"}
LAYOUT_SEED = 7


def graph_data(
    graph: Graph, *, max_nodes: int | None = None, overview: int | None = None
) -> dict[str, Any]:
    """Entities, facts, documents and the first screen's layout, as plain data.

    Nodes are the typed entities, most connected first; with `max_nodes` only the first N are
    kept (and the edges between them). Edges are the asserted relations, one per triple (a
    symmetric one stated both ways is one undirected edge), with all their evidence, hedged or
    negated statements included and marked. `claims` are hedged or negated statements with no
    asserted twin: never drawn, listed by the fact table on request. Nodes of the overview (the
    first screen, at most `overview` of them) carry x/y.
    """
    documents, doc_index = _documents(graph)
    entities = _entities(graph, doc_index)
    edges, claims = _edges(graph, entities, doc_index)
    degree: dict[URIRef, int] = defaultdict(int)
    for edge in edges.values():
        degree[edge["s"]] += 1
        degree[edge["o"]] += 1

    def rank(iri: URIRef) -> tuple:
        entity = entities[iri]
        return (-degree[iri], -len(entity["docs"]), entity["label"].casefold(), str(iri))

    kept = sorted(entities, key=rank)
    if max_nodes is not None:
        kept = kept[: max(0, max_nodes)]
    ids = {iri: i for i, iri in enumerate(kept)}
    inside = [e for e in edges.values() if e["s"] in ids and e["o"] in ids]
    out_edges = _edge_rows(inside, ids, documents)
    out_claims = _edge_rows([c for c in claims if c["s"] in ids and c["o"] in ids], ids, documents)
    shown_degree = [0] * len(kept)
    for edge in out_edges:
        shown_degree[edge["from"]] += 1
        shown_degree[edge["to"]] += 1
    nodes = [_node(ids[iri], iri, entities[iri], shown_degree[ids[iri]]) for iri in kept]
    limit = _overview.OVERVIEW_MAX if overview is None else overview
    types = [n["type"] for n in nodes]
    first = _place_overview(nodes, out_edges, limit)
    return {
        "meta": _meta(entities, edges, documents, nodes, out_edges, max_nodes, first),
        "types": [
            {"name": n, "colour": COLOURS[n], "shape": SHAPES[n], "count": types.count(n)}
            for n in CLASSES
        ],
        "relations": [
            {"name": n, "symmetric": n in SYMMETRIC, "count": c}
            for n in RELATIONS
            if (c := sum(1 for e in out_edges if e["rel"] == n))
        ],
        "documents": documents,
        "nodes": nodes,
        "edges": out_edges,
        "claims": out_claims,
    }


def _meta(entities, edges, documents, nodes, out_edges, max_nodes, first) -> dict[str, Any]:
    dates = sorted(d["date"] for d in documents if d["date"])
    return {
        "entities": len(entities),
        "relations": len(edges),
        "documents": len(documents),
        "shown_entities": len(nodes),
        "shown_relations": len(out_edges),
        "max_nodes": max_nodes,
        "truncated": len(nodes) < len(entities),
        "overview": first,
        "dates": [dates[0], dates[-1]] if dates else None,
    }


def _node(i: int, iri: URIRef, entity: dict, degree: int) -> dict[str, Any]:
    size, font = _overview.node_style(degree)
    return {
        "id": i,
        "iri": str(iri),
        "label": entity["label"],
        "type": entity["type"],
        "aliases": entity["aliases"],
        "docs": sorted(entity["docs"]),
        "mentions": entity["mentions"],
        "degree": degree,
        "size": size,
        "font": font,
    }


def _place_overview(nodes: list[dict], edges: list[dict], limit: int) -> list[int]:
    """Give the overview's nodes x/y (canvas units); returns their ids."""
    pairs = [(e["from"], e["to"]) for e in edges]
    first = _overview.choose([n["degree"] for n in nodes], pairs, limit)
    local = {node_id: k for k, node_id in enumerate(first)}
    boxes = [_overview.label_box(nodes[i]["label"], nodes[i]["size"], nodes[i]["font"])
             for i in first]
    boxes = np.array(boxes).reshape(-1, 3)
    inner = [(local[a], local[b]) for a, b in pairs if a in local and b in local]
    xy = _overview.place(boxes, inner, seed=LAYOUT_SEED)
    for node_id, (x, y) in zip(first, xy):
        nodes[node_id]["x"], nodes[node_id]["y"] = round(float(x), 1), round(float(y), 1)
    return first


def _edge_rows(edges: list[dict], ids: dict[URIRef, int], documents: list[dict]) -> list[dict]:
    rows = []
    edges = sorted(edges, key=lambda e: (ids[e["s"]], ids[e["o"]], e["rel"], e.get("modality", "")))
    for i, edge in enumerate(edges):
        evidence = sorted(edge["evidence"], key=_evidence_order)
        # A claim's own statements count; an edge's asserted ones only.
        asserted = evidence
        if "modality" not in edge:
            asserted = [ev for ev in evidence if ev["modality"] == "asserted"]
        confidences = [ev["confidence"] for ev in asserted if ev["confidence"] is not None]
        docs = [documents[ev["doc"]] for ev in asserted if ev["doc"] is not None]
        dates = [doc["date"] for doc in docs if doc["date"]]
        row = {
            "id": i,
            "from": ids[edge["s"]],
            "to": ids[edge["o"]],
            "rel": edge["rel"],
            "symmetric": edge["rel"] in SYMMETRIC,
            "confidence": max(confidences) if confidences else None,
            "first": min(dates) if dates else None,
            "docs": len({ev["doc"] for ev in asserted if ev["doc"] is not None}),
            "curve": 0.0,
            "evidence": evidence,
        }
        if "modality" in edge:
            row["modality"] = edge["modality"]
        rows.append(row)
    if rows and "modality" not in rows[0]:
        _curve_parallel(rows)
    return rows


def _documents(graph: Graph) -> tuple[list[dict], dict[URIRef, int]]:
    titles, labels = _values(graph, DCTERMS.title), _values(graph, RDFS.label)
    dates = _values(graph, DCTERMS.date)
    urls, paths = _values(graph, DCTERMS.source), _values(graph, KG.sourcePath)
    rows = []
    for node in set(graph.subjects(RDF.type, KG.Document)):
        title = titles.get(node) or _file_name(paths.get(node)) or labels.get(node)
        title = title or _readable_id(node)
        when, url = dates.get(node), str(urls.get(node) or "")
        rows.append(
            {
                "iri": str(node),
                "title": str(title),
                "date": str(when) if when is not None else None,
                "url": url if re.match(r"https?://", url, re.IGNORECASE) else None,
            }
        )
    rows.sort(key=lambda d: (d["date"] or "", d["title"], d["iri"]))
    return rows, {URIRef(d["iri"]): i for i, d in enumerate(rows)}


def _file_name(path: Any) -> str | None:
    """A document's file name, for untitled documents: readable, unlike its hashed IRI.

    Not for a record of a JSONL feed, whose file name is the same for every record.
    """
    if path is None or not str(path).strip():
        return None
    name = PurePath(str(path).replace("\\", "/")).name
    return None if ".jsonl" in name.lower() else name or None


def _readable_id(node: Any) -> str:
    """'bbc_business_001_txt--25480ac61e6d' -> 'bbc_business_001_txt': the hash says nothing."""
    return re.sub(r"--[0-9a-f]{6,}$", "", _local_name(node))


def _entities(graph: Graph, doc_index: dict[URIRef, int]) -> dict[URIRef, dict]:
    labels, pref = _values(graph, RDFS.label), _values(graph, SKOS.prefLabel)
    counts = _values(graph, KG.mentionCount)
    aliases, mentioned = _all_values(graph, SKOS.altLabel), _all_values(graph, KG.mentionedIn)
    entities: dict[URIRef, dict] = {}
    for name, cls in CLASSES.items():  # an entity with two classes is shown with the first
        for node in graph.subjects(RDF.type, cls):
            if not isinstance(node, URIRef) or node in entities:
                continue
            label = str(labels.get(node) or pref.get(node) or _local_name(node))
            entities[node] = {
                "label": label,
                "type": name,
                "aliases": sorted({str(a) for a in aliases.get(node, ())} - {label}),
                "docs": {doc_index[d] for d in mentioned.get(node, ()) if d in doc_index},
                "mentions": _int(counts.get(node)),
            }
    return entities


def _edges(
    graph: Graph, entities: dict[URIRef, dict], doc_index: dict[URIRef, int]
) -> tuple[dict, list]:
    """Asserted relations keyed by (relation, subject, object), symmetric ones by sorted pair;
    and the hedged or negated claims that have no asserted twin."""
    edges: dict[tuple, dict] = {}
    for rel, pred in RELATIONS.items():
        for s, o in graph.subject_objects(pred):
            if s in entities and o in entities and s != o:
                key = _edge_key(rel, s, o)
                if key not in edges:
                    edges[key] = {"rel": rel, "s": s, "o": o, "evidence": []}
    claims: dict[tuple, dict] = {}
    by_pred = {pred: rel for rel, pred in RELATIONS.items()}
    # One pass per property instead of a lookup per statement: ten times faster on big graphs.
    subjects, objects = _values(graph, RDF.subject), _values(graph, RDF.object)
    predicates = _values(graph, RDF.predicate)
    sentences, confidences = _values(graph, KG.sentence), _values(graph, KG.confidence)
    modalities, sources = _values(graph, KG.modality), _values(graph, PROV.wasDerivedFrom)
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        rel = by_pred.get(predicates.get(stmt))
        s, o = subjects.get(stmt), objects.get(stmt)
        if rel is None or s not in entities or o not in entities or s == o:
            continue
        source = sources.get(stmt)
        evidence = {
            "sentence": str(sentences.get(stmt) or ""),
            "confidence": _float(confidences.get(stmt)),
            "modality": str(modalities.get(stmt) or "asserted"),
            "doc": doc_index.get(source) if isinstance(source, URIRef) else None,
        }
        key = _edge_key(rel, s, o)
        if key in edges:
            edges[key]["evidence"].append(evidence)
        elif evidence["modality"] != "asserted":
            modality = evidence["modality"]
            claim = {"rel": rel, "s": key[1], "o": key[2], "modality": modality, "evidence": []}
            claims.setdefault(key + (modality,), claim)["evidence"].append(evidence)
    return edges, list(claims.values())


def _values(graph: Graph, pred: URIRef) -> dict:
    """subject -> one object of `pred` (the smallest, so repeated runs agree)."""
    found: dict = {}
    for s, o in graph.subject_objects(pred):
        if s not in found or str(o) < str(found[s]):
            found[s] = o
    return found


def _all_values(graph: Graph, pred: URIRef) -> dict:
    found: dict = defaultdict(list)
    for s, o in graph.subject_objects(pred):
        found[s].append(o)
    return found


def _edge_key(rel: str, s: Any, o: Any) -> tuple:
    if rel in SYMMETRIC:
        s, o = sorted((s, o), key=str)
    return (rel, s, o)


def _evidence_order(ev: dict) -> tuple:
    """Asserted first, then most confident, then by document (oldest first)."""
    doc = -1 if ev["doc"] is None else ev["doc"]
    return (ev["modality"] != "asserted", -(ev["confidence"] or 0.0), doc, ev["sentence"])


def _curve_parallel(edges: list[dict]) -> None:
    """Edges between the same two nodes get distinct curves so none hides another.

    `curve` is a signed roundness as seen from the lower node id (0 = straight); the page maps
    it to vis-network's curvedCW/curvedCCW, and it is negated here for edges running the other
    way, so that every edge of a pair lands on its own arc.
    """
    groups: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for edge in edges:
        groups[(min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))].append(edge)
    for group in groups.values():
        if len(group) < 2:
            continue
        odd = len(group) % 2
        offsets = [0.0] if odd else []
        step = 0
        while len(offsets) < len(group):
            size = min(1.0, (0.4 + 0.4 * step) if odd else (0.25 + 0.4 * step))
            offsets += [size, -size]
            step += 1
        for edge, offset in zip(group, offsets):
            edge["curve"] = offset if edge["from"] < edge["to"] else -offset


def _local_name(node: Any) -> str:
    text = str(node)
    return re.split(r"[/#]", text.rstrip("/#"))[-1] or text


def _int(value: Any) -> int | None:
    try:
        return int(value.toPython() if isinstance(value, Literal) else value)
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        number = float(value.toPython() if isinstance(value, Literal) else value)
    except (TypeError, ValueError):
        return None
    return round(number, 3) if math.isfinite(number) else None


__all__ = ["COLOURS", "SHAPES", "graph_data"]
