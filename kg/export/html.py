"""Self-contained interactive HTML view of the graph (vis-network inlined, no network).

Everything from the graph is untrusted text (names and sentences come from scraped articles).
It reaches the page only as JSON inside a non-executable script block, with `<`, `>` and `&`
escaped, and the page script puts it into the DOM with textContent and createElement, never as
markup; vis-network tooltips get DOM elements, not HTML strings. A Content-Security-Policy
allows exactly the page's own inline scripts and style (by hash) and no network access at all,
so even a mistake cannot load or send anything.

`graph_data` is the testable half: plain dicts of what the page draws, no browser needed.
"""
from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
import os
import re
from collections import defaultdict
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from ..vocab import CLASSES, KG, RELATIONS, SYMMETRIC
from ._atomic import atomic_write
from ._layout import layout as _positions

# Tableau 10: distinct for the common colour-vision deficiencies; the shape differs too.
COLOURS = {"Organization": "#4e79a7", "Person": "#e15759", "Place": "#59a14f", "Product": "#f28e2b"}
SHAPES = {"Organization": "dot", "Person": "diamond", "Place": "square", "Product": "triangle"}
PHYSICS_MAX_NODES = 300  # past this, positions are computed here and the browser's physics is off
SPACING = 110.0  # pixels per layout unit (about one edge)
LAYOUT_SEED = 7
VIS_DIR = "templates/lib/vis-9.1.2"  # inside the pyvis package, a declared dependency


def graph_data(graph: Graph, *, max_nodes: int | None = None, layout: str = "auto") -> dict[str, Any]:
    """What the page draws, as plain JSON-ready data.

    Nodes are the typed entities, ordered most connected first; with `max_nodes` only the first
    N are kept (the edges between them too). Edges are the asserted relations (the plain s-p-o
    triples), one per triple; a symmetric relation stated both ways is one undirected edge.
    Each edge carries its evidence from the rdf:Statement nodes, hedged or negated ones included
    and marked. `layout` is "physics" (the browser lays out), "fixed" (x/y computed here) or
    "auto" (fixed past PHYSICS_MAX_NODES nodes).
    """
    if layout not in ("auto", "physics", "fixed"):
        raise ValueError(f"layout must be auto, physics or fixed, not {layout!r}")
    documents, doc_index = _documents(graph)
    entities = _entities(graph, doc_index)
    edges = _edges(graph, entities, doc_index)
    degree: dict[URIRef, int] = defaultdict(int)
    for edge in edges.values():
        degree[edge["s"]] += 1
        degree[edge["o"]] += 1
    ranked = sorted(entities, key=lambda iri: (-degree[iri], -len(entities[iri]["docs"]), entities[iri]["label"].casefold(), str(iri)))
    kept = ranked if max_nodes is None else ranked[: max(0, max_nodes)]
    ids = {iri: i for i, iri in enumerate(kept)}
    shown_edges = [e for e in edges.values() if e["s"] in ids and e["o"] in ids]
    shown_edges.sort(key=lambda e: (ids[e["s"]], ids[e["o"]], e["rel"]))

    out_edges = []
    shown_degree = [0] * len(kept)
    for i, edge in enumerate(shown_edges):
        a, b = ids[edge["s"]], ids[edge["o"]]
        shown_degree[a] += 1
        shown_degree[b] += 1
        evidence = sorted(edge["evidence"], key=_evidence_order)
        asserted = [ev["confidence"] for ev in evidence if ev["modality"] == "asserted" and ev["confidence"] is not None]
        out_edges.append(
            {
                "id": i,
                "from": a,
                "to": b,
                "rel": edge["rel"],
                "symmetric": edge["rel"] in SYMMETRIC,
                "confidence": max(asserted) if asserted else None,
                "curve": 0.0,
                "evidence": evidence,
            }
        )
    _curve_parallel(out_edges)

    nodes = []
    for iri in kept:
        entity = entities[iri]
        nodes.append(
            {
                "id": ids[iri],
                "iri": str(iri),
                "label": entity["label"],
                "type": entity["type"],
                "aliases": entity["aliases"],
                "docs": sorted(entity["docs"]),
                "mentions": entity["mentions"],
                "degree": shown_degree[ids[iri]],
            }
        )
    mode = layout if layout != "auto" else ("fixed" if len(nodes) > PHYSICS_MAX_NODES else "physics")
    if mode == "fixed" and nodes:
        xy = _positions(len(nodes), [(e["from"], e["to"]) for e in out_edges], seed=LAYOUT_SEED)
        for node, (x, y) in zip(nodes, xy):
            node["x"], node["y"] = round(float(x) * SPACING, 1), round(float(y) * SPACING, 1)

    dates = sorted(d["date"] for d in documents if d["date"])
    type_counts = {name: 0 for name in CLASSES}
    for node in nodes:
        type_counts[node["type"]] += 1
    rel_counts = {name: 0 for name in RELATIONS}
    for edge in out_edges:
        rel_counts[edge["rel"]] += 1
    return {
        "meta": {
            "entities": len(entities),
            "relations": len(edges),
            "documents": len(documents),
            "shown_entities": len(nodes),
            "shown_relations": len(out_edges),
            "max_nodes": max_nodes,
            "truncated": len(nodes) < len(entities),
            "layout": mode,
            "dates": [dates[0], dates[-1]] if dates else None,
        },
        "types": [{"name": n, "colour": COLOURS[n], "shape": SHAPES[n], "count": type_counts[n]} for n in CLASSES],
        "relations": [{"name": n, "symmetric": n in SYMMETRIC, "count": c} for n, c in rel_counts.items() if c],
        "documents": documents,
        "nodes": nodes,
        "edges": out_edges,
    }


def _documents(graph: Graph) -> tuple[list[dict], dict[URIRef, int]]:
    titles, labels, dates = _values(graph, DCTERMS.title), _values(graph, RDFS.label), _values(graph, DCTERMS.date)
    rows = []
    for node in set(graph.subjects(RDF.type, KG.Document)):
        title = titles.get(node) or labels.get(node) or _local_name(node)
        when = dates.get(node)
        rows.append({"iri": str(node), "title": str(title), "date": str(when) if when is not None else None})
    rows.sort(key=lambda d: (d["date"] or "", d["title"], d["iri"]))
    return rows, {URIRef(d["iri"]): i for i, d in enumerate(rows)}


def _entities(graph: Graph, doc_index: dict[URIRef, int]) -> dict[URIRef, dict]:
    labels, pref, counts = _values(graph, RDFS.label), _values(graph, SKOS.prefLabel), _values(graph, KG.mentionCount)
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


def _edges(graph: Graph, entities: dict[URIRef, dict], doc_index: dict[URIRef, int]) -> dict[tuple, dict]:
    """Asserted relations keyed by (relation, subject, object); symmetric ones by sorted pair."""
    edges: dict[tuple, dict] = {}
    for rel, pred in RELATIONS.items():
        for s, o in graph.subject_objects(pred):
            if s in entities and o in entities and s != o:
                key = _edge_key(rel, s, o)
                if key not in edges:
                    edges[key] = {"rel": rel, "s": s, "o": o, "evidence": []}
    by_pred = {pred: rel for rel, pred in RELATIONS.items()}
    # One pass per property instead of a lookup per statement: ten times faster on big graphs.
    subjects, predicates, objects = _values(graph, RDF.subject), _values(graph, RDF.predicate), _values(graph, RDF.object)
    sentences, confidences = _values(graph, KG.sentence), _values(graph, KG.confidence)
    modalities, sources = _values(graph, KG.modality), _values(graph, PROV.wasDerivedFrom)
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        rel = by_pred.get(predicates.get(stmt))
        edge = edges.get(_edge_key(rel, subjects.get(stmt), objects.get(stmt))) if rel else None
        if edge is None:
            continue  # a hedged or negated claim with no asserted twin: not drawn
        source = sources.get(stmt)
        edge["evidence"].append(
            {
                "sentence": str(sentences.get(stmt) or ""),
                "confidence": _float(confidences.get(stmt)),
                "modality": str(modalities.get(stmt) or "asserted"),
                "doc": doc_index.get(source) if isinstance(source, URIRef) else None,
            }
        )
    return edges


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
    return (ev["modality"] != "asserted", -(ev["confidence"] or 0.0), -1 if ev["doc"] is None else ev["doc"], ev["sentence"])


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


def json_for_script(data: object) -> str:
    """JSON that cannot end its <script> block or open a comment there: <, > and & escaped."""
    return (
        json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def write_html(
    graph: Graph,
    path: Path,
    *,
    title: str = "Knowledge graph",
    max_nodes: int | None = None,
    built: datetime | date | str | None = None,
    layout: str = "auto",
    **_options: Any,
) -> None:
    """Write the interactive page; `max_nodes` keeps the N most connected entities.

    Extra keyword options (meant for other exporters) are ignored.
    """
    data = graph_data(graph, max_nodes=max_nodes, layout=layout)
    data["meta"]["title"] = title
    data["meta"]["built"] = _built(built)
    page = render_page(data)
    with atomic_write(path) as handle:
        handle.write(page)


def render_page(data: dict[str, Any]) -> str:
    """The page for `graph_data` output (with meta.title and meta.built added)."""
    meta = data["meta"]
    style = _normalise(_asset_text("vis-network.css") + "\n" + _template("view.css"))
    vis_js = _normalise(_asset_text("vis-network.min.js"))
    app_js = _normalise(_template("view.js"))
    for name, text, end in (("vis-network.css", style, "</style"), ("vis-network.min.js", vis_js, "</script"), ("view.js", app_js, "</script")):
        lowered = text.lower()
        if end in lowered or "<!--" in lowered:
            raise ValueError(f"{name} cannot be inlined: it contains {end!r} or '<!--'")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_hash(vis_js)} {_hash(app_js)}",
            f"style-src {_hash(style)}",
            "img-src data:",
            "connect-src 'none'",
            "font-src 'none'",
            "media-src 'none'",
            "object-src 'none'",
            "frame-src 'none'",
            "worker-src 'none'",
            "manifest-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    notice = ""
    if meta["truncated"]:
        notice = (
            f"Showing the {meta['shown_entities']:,} most connected of {meta['entities']:,} entities "
            f"(max_nodes={meta['max_nodes']}); the RDF export has them all."
        )
    values = {
        "CSP": html.escape(csp),
        "TITLE": html.escape(meta.get("title") or "Knowledge graph"),
        "SUMMARY": html.escape(_summary(meta)),
        "NOTICE": f'<p class="kg-notice" id="kg-notice">{html.escape(notice)}</p>' if notice else "",
        "STYLE": style,
        "DATA": json_for_script(data),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass: text substituted in is never scanned for placeholders again.
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], _template("page.html"))


def _summary(meta: dict) -> str:
    parts = [
        _count(meta["shown_entities"], "entity", "entities"),
        _count(meta["shown_relations"], "relation", "relations"),
    ]
    docs = _count(meta["documents"], "document", "documents")
    if meta.get("dates"):
        first, last = meta["dates"]
        docs += f" ({first})" if first == last else f" ({first} – {last})"
    parts.append(docs)
    if meta.get("built"):
        parts.append(f"built {meta['built']}")
    return " · ".join(parts)


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def _built(value: datetime | date | str | None) -> str:
    """Build time for the title line; SOURCE_DATE_EPOCH makes it reproducible."""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, date):
        return value.isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _normalise(text: str) -> str:
    """Newlines as the HTML parser will see them, so the CSP hashes match."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _asset_text(name: str) -> str:
    # find_spec locates pyvis without importing it (its import pulls in jinja2, networkx, IPython bits)
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ValueError("pyvis is not installed: it provides the vis-network script the page inlines")
    return (Path(next(iter(spec.submodule_search_locations))) / VIS_DIR / name).read_text(encoding="utf-8")


def _template(name: str) -> str:
    return resources.files(__package__).joinpath(f"templates/{name}").read_text(encoding="utf-8")


__all__ = ["COLOURS", "graph_data", "json_for_script", "render_page", "write_html"]
