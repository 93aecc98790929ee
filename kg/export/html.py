"""Self-contained interactive HTML view of the graph (vis-network inlined, no network).

All graph text reaches the page as JSON inside a non-executable script block, with `<`, `>`
and `&` escaped, and is placed into the DOM with textContent only: names cannot execute.
"""
from __future__ import annotations

import html
import json
from collections import Counter
from importlib import resources
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from ..vocab import CLASSES, RELATIONS, SYMMETRIC
from ._atomic import atomic_write

COLOURS = {"Organization": "#4e79a7", "Person": "#e15759", "Place": "#59a14f", "Product": "#f28e2b"}


def _asset(name: str) -> str:
    return resources.files("pyvis").joinpath(f"templates/lib/vis-9.1.2/{name}").read_text(encoding="utf-8")


def graph_data(graph: Graph) -> dict:
    """Nodes and edges as plain data: what the page draws."""
    types = {cls: name for name, cls in CLASSES.items()}
    nodes: dict[URIRef, dict] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if cls in types and isinstance(node, URIRef):
            label = str(graph.value(node, RDFS.label) or node)
            aliases = sorted(str(a) for a in graph.objects(node, SKOS.altLabel))
            nodes[node] = {"id": str(node), "label": label, "type": types[cls], "aliases": aliases}
    preds = {p: name for name, p in RELATIONS.items()}
    edges = []
    degree: Counter[URIRef] = Counter()
    for s, p, o in graph:
        if p in preds and s in nodes and o in nodes:
            edges.append({"from": str(s), "to": str(o), "label": preds[p], "arrows": "" if preds[p] in SYMMETRIC else "to"})
            degree[s] += 1
            degree[o] += 1
    for iri, node in nodes.items():
        node["degree"] = degree[iri]
    return {"nodes": list(nodes.values()), "edges": edges}


def _json_for_script(data: object) -> str:
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def write_html(graph: Graph, path: Path, *, title: str = "Knowledge graph", max_nodes: int | None = None) -> None:
    data = graph_data(graph)
    page = _TEMPLATE.format(
        title=html.escape(title),
        css=_asset("vis-network.css"),
        js=_asset("vis-network.min.js"),
        data=_json_for_script({"graph": data, "colours": COLOURS}),
        counts=html.escape(f"{len(data['nodes'])} entities, {len(data['edges'])} relations"),
    )
    with atomic_write(path) as handle:
        handle.write(page)


_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{css}
body{{font-family:system-ui,sans-serif;margin:0}} header{{padding:6px 12px;background:#f4f4f4}}
#graph{{width:100vw;height:calc(100vh - 40px)}}</style></head>
<body><header><strong>{title}</strong> &middot; {counts}</header>
<div id="graph"></div>
<script id="kg-data" type="application/json">{data}</script>
<script>{js}</script>
<script>
(function(){{
  var payload = JSON.parse(document.getElementById('kg-data').textContent);
  var g = payload.graph;
  var nodes = new vis.DataSet(g.nodes.map(function(n){{
    return {{id:n.id, label:n.label, color:payload.colours[n.type], value:1+n.degree,
             title:n.type + (n.aliases.length ? ' | ' + n.aliases.join(', ') : '')}};
  }}));
  var edges = new vis.DataSet(g.edges.map(function(e, i){{
    return {{id:i, from:e.from, to:e.to, label:e.label, arrows:e.arrows, title:e.label}};
  }}));
  new vis.Network(document.getElementById('graph'), {{nodes:nodes, edges:edges}},
    {{nodes:{{shape:'dot', scaling:{{min:8,max:40}}}}, edges:{{font:{{size:10}}, smooth:false}},
      physics:{{stabilization:{{iterations:200}}}}}});
}})();
</script></body></html>
"""
