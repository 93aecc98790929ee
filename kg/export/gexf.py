"""GEXF 1.2 (Gephi's own format), written directly rather than by networkx.

networkx's writer emits `<graph name="">` (the 1.2 schema has no `name` on graph) and, for
multigraphs, a `networkx_key` attribute that is its bookkeeping, not ours; its 1.3 output
declares the XML-Schema-instance namespace wrongly. This writer emits only what the official
GEXF 1.2 schema allows (tests/test_export_gexf.py validates against the XSD checked into
tests/data/gexf/), with typed attribute declarations, so Gephi's Data Laboratory shows numbers
as numbers and each edge's evidence lines as text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from ._atomic import atomic_write

NS = "http://www.gexf.net/1.2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
VERSION = "1.2"
# GEXF attribute type per value kind; "label" is the element's own label, not an attribute.
_TYPES = {int: "integer", float: "double", str: "string"}
_NOT_ATTRIBUTES = frozenset({"label"})


def write_gexf(net: nx.MultiDiGraph, path: Path, *, description: str = "") -> None:
    """Write `net` (from kg.export.network.to_networkx) as GEXF 1.2, atomically."""
    root = to_element(net, description=description)
    ET.indent(root, space="  ")
    with atomic_write(path, "wb") as handle:
        ET.ElementTree(root).write(handle, encoding="utf-8", xml_declaration=True)


def to_element(net: nx.MultiDiGraph, *, description: str = "") -> ET.Element:
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(
        f"{{{NS}}}gexf",
        {"version": VERSION, f"{{{XSI}}}schemaLocation": f"{NS} {NS}/gexf.xsd"},
    )
    meta = ET.SubElement(root, f"{{{NS}}}meta")
    ET.SubElement(meta, f"{{{NS}}}creator").text = "kg"
    ET.SubElement(meta, f"{{{NS}}}description").text = (
        description or "Entities and asserted relations of a kg knowledge graph, with evidence"
    )
    graph = ET.SubElement(
        root,
        f"{{{NS}}}graph",
        {"defaultedgetype": "directed", "mode": "static", "idtype": "string"},
    )
    node_data = [data for _, data in net.nodes(data=True)]
    edge_data = [data for _, _, data in net.edges(data=True)]
    node_types = _declare(graph, "node", node_data)
    edge_types = _declare(graph, "edge", edge_data)

    nodes = ET.SubElement(graph, f"{{{NS}}}nodes", {"count": str(net.number_of_nodes())})
    for node, data in net.nodes(data=True):
        element = ET.SubElement(
            nodes, f"{{{NS}}}node", {"id": str(node), "label": str(data.get("label", node))}
        )
        _values(element, data, node_types)
    edges = ET.SubElement(graph, f"{{{NS}}}edges", {"count": str(net.number_of_edges())})
    for n, (source, target, key, data) in enumerate(net.edges(keys=True, data=True)):
        attrs = {
            "id": str(key if key is not None else n),
            "source": str(source),
            "target": str(target),
        }
        if "label" in data:
            attrs["label"] = str(data["label"])
        _values(ET.SubElement(edges, f"{{{NS}}}edge", attrs), data, edge_types)
    return root


def _declare(graph: ET.Element, kind: str, rows: list[dict]) -> dict[str, str]:
    """Declare every attribute the rows use (id = title = its name); name -> GEXF type."""
    types: dict[str, str] = {}
    for row in rows:
        for name, value in row.items():
            if name in _NOT_ATTRIBUTES:
                continue
            kind_of = _TYPES.get(type(value), "string")
            # an attribute that is an integer on one row and a float on another is a double
            if types.get(name, kind_of) != kind_of:
                kind_of = "double" if {types[name], kind_of} <= {"integer", "double"} else "string"
            types[name] = kind_of
    if types:
        block = ET.SubElement(graph, f"{{{NS}}}attributes", {"class": kind, "mode": "static"})
        for name, kind_of in types.items():
            ET.SubElement(block, f"{{{NS}}}attribute", {"id": name, "title": name, "type": kind_of})
    return types


def _values(element: ET.Element, data: dict, types: dict[str, str]) -> None:
    present = [(name, data[name]) for name in types if name in data]
    if not present:
        return
    block = ET.SubElement(element, f"{{{NS}}}attvalues")
    for name, value in present:
        text = repr(float(value)) if types[name] == "double" else str(value)
        ET.SubElement(block, f"{{{NS}}}attvalue", {"for": name, "value": text})
