"""The Python API for notebooks: build a graph from articles, then look at it with pyvis.

    import kg
    result = kg.build(["articles/"])          # result.graph is an rdflib Graph
    net = kg.to_pyvis(result.graph)           # a pyvis.network.Network
    net.show("graph.html", notebook=False)    # or just `net` in Jupyter

`to_pyvis` draws from the same view data as graph.html (kg.export._viewdata): the same entities,
first screen, colours and evidence. pyvis hands tooltips to the browser as HTML, so every piece
of article text in one is escaped here; labels are drawn on a canvas, as text.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph

from . import DEFAULT_MODEL
from .vocab import DEFAULT_BASE

if TYPE_CHECKING:  # the pipeline imports spaCy: only `build` needs it
    from .pipeline import BuildResult


class BuildInputError(ValueError):
    """No readable documents under the given paths (the message names them)."""


def build(
    paths: Iterable[str | Path] | str | Path,
    *,
    model: str = DEFAULT_MODEL,
    base: str = DEFAULT_BASE,
    workers: int = 1,
) -> "BuildResult":
    """Read the articles under `paths` (files or folders, as `kg build`) and build the graph.

    Returns the pipeline's BuildResult: `.graph` (rdflib), `.resolution` (entities and
    relations), `.documents`, `.summary`. Nothing is written to disk.
    """
    from .ingest import read_documents
    from .pipeline import build as build_corpus

    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [Path(p) for p in paths]
    documents = list(read_documents(paths))
    if not documents:
        raise BuildInputError(f"no readable documents in {', '.join(str(p) for p in paths)}")
    return build_corpus(documents, model=model, base=base, n_process=workers)


def view_data(graph: Graph, *, max_nodes: int | None = None) -> dict[str, Any]:
    """What graph.html shows, as plain data (see kg.export._viewdata.graph_data)."""
    from .export._viewdata import graph_data

    return graph_data(graph, max_nodes=max_nodes)


def to_pyvis(
    graph: "Graph | BuildResult",
    *,
    overview: bool = True,
    max_nodes: int | None = None,
    height: str = "750px",
    width: str = "100%",
    notebook: bool = False,
    cdn_resources: str = "in_line",
) -> Any:
    """A pyvis.network.Network of the graph, from the same view data as graph.html.

    `overview` (default): the first screen of graph.html, i.e. the most connected entities at
    their precomputed, label-safe positions (physics off); else every entity with a relation,
    laid out by the browser's physics. Tooltips list an entity's aliases and documents, and an
    edge's evidence sentences with their articles, all HTML-escaped. `cdn_resources` is passed
    to pyvis ("in_line" keeps the page offline).
    """
    from pyvis.network import Network

    if not isinstance(graph, Graph):  # a BuildResult
        graph = graph.graph
    data = view_data(graph, max_nodes=max_nodes)
    colours = {t["name"]: t["colour"] for t in data["types"]}
    shapes = {t["name"]: t["shape"] for t in data["types"]}
    if overview:
        shown = list(data["meta"]["overview"])
    else:
        shown = [n["id"] for n in data["nodes"] if n["degree"] > 0]
    keep = set(shown)
    net = Network(
        height=height, width=width, directed=True, notebook=notebook, cdn_resources=cdn_resources
    )
    for i in shown:
        node = data["nodes"][i]
        options: dict[str, Any] = {
            "label": node["label"],
            "title": _node_title(node, data),
            "color": colours[node["type"]],
            "shape": shapes[node["type"]],
            "size": node["size"],
            "font": {"size": node["font"]},
        }
        if overview:
            options.update(x=node["x"], y=node["y"], physics=False)
        net.add_node(i, **options)
    for edge in data["edges"]:
        if edge["from"] in keep and edge["to"] in keep:
            options = {"title": _edge_title(edge, data), "dashes": edge["rel"] == "competitorOf"}
            options["arrows"] = "" if edge["symmetric"] else "to"
            if not overview:
                options["label"] = edge["rel"]
            net.add_edge(edge["from"], edge["to"], **options)
    if overview:
        net.toggle_physics(False)
    return net


def _node_title(node: dict, data: dict) -> str:
    lines = [f"<b>{html.escape(node['label'])}</b>", html.escape(node["type"])]
    if node["aliases"]:
        lines.append("Also: " + html.escape(", ".join(node["aliases"][:10])))
    lines.append(f"{len(node['docs'])} documents, {node['degree']} relations")
    return "<br>".join(lines)


def _edge_title(edge: dict, data: dict) -> str:
    subject, obj = data["nodes"][edge["from"]]["label"], data["nodes"][edge["to"]]["label"]
    head = f"{html.escape(subject)} {html.escape(edge['rel'])} {html.escape(obj)}"
    lines = [f"<b>{head}</b>"]
    for ev in edge["evidence"][:3]:
        doc = data["documents"][ev["doc"]]["title"] if ev["doc"] is not None else "unknown document"
        tag = "" if ev["modality"] == "asserted" else f" ({html.escape(ev['modality'])})"
        lines.append(f"“{html.escape(ev['sentence'])}” — {html.escape(doc)}{tag}")
    return "<br>".join(lines)


__all__ = ["BuildInputError", "build", "to_pyvis", "view_data"]
