"""Precomputed node positions for graphs too big for the browser's physics engine.

vis-network's physics settles a few hundred nodes quickly, but thousands keep the page busy for
a minute or more. Here positions are computed once in Python, component by component:
trees get a radial layout; other small components networkx's spring layout; a big component
has its hanging trees peeled off, its core laid out (spring layout, or pivot MDS when large,
since networkx's large-graph layouts need scipy), the trees regrown radially, and a short
grid-accelerated force pass to pull neighbours together and push overlaps apart. Components
are then packed in rows, biggest first, isolated entities last. Units: 1 is about one edge.
Deterministic for a given seed, so the same graph always gives the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx
import numpy as np

SPRING_MAX = 100  # components up to this size use nx.spring_layout (dense, O(n^2))
CORE_SPRING_MAX = 400  # so does the core of a bigger one; past that, pivot MDS
PIVOTS = 50
MARGIN = 2.0


def layout(n: int, edges: Iterable[tuple[int, int]], *, seed: int = 7) -> np.ndarray:
    """Positions (n x 2) for nodes 0..n-1 joined by undirected `edges`."""
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from((a, b) for a, b in edges if a != b)
    pos = np.zeros((n, 2))
    blocks: list[tuple[list[int], np.ndarray]] = []
    components = sorted(
        (sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0])
    )
    for nodes in components:
        blocks.append((nodes, _component(g.subgraph(nodes), nodes, seed)))
    for nodes, xy in _pack(blocks):
        pos[nodes] = xy
    return pos


def _component(g: nx.Graph, nodes: list[int], seed: int) -> np.ndarray:
    if len(nodes) == 1:
        return np.zeros((1, 2))
    if len(nodes) == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    if g.number_of_edges() == len(nodes) - 1:  # a tree: the radial layout is exact and cheap
        return _large_component(g, nodes, seed, refine=len(nodes) > SPRING_MAX)
    if len(nodes) <= SPRING_MAX:
        placed = nx.spring_layout(g, seed=seed)
        xy = np.array([placed[v] for v in nodes], dtype=float)
        return _unit_edges(xy, nodes, g)
    return _large_component(g, nodes, seed)


def _unit_edges(xy: np.ndarray, nodes: list[int], g: nx.Graph) -> np.ndarray:
    """Scale so the median edge is one unit long: every component reads at the same zoom."""
    index = {v: i for i, v in enumerate(nodes)}
    src, dst = _edge_arrays(g, index)
    lengths = np.hypot(*(xy[src] - xy[dst]).T)
    median = float(np.median(lengths)) if len(lengths) else 0.0
    return xy / median if median > 1e-9 else xy


def _spread(xy: np.ndarray, n: int, area_per_node: float = 3.0) -> np.ndarray:
    """Scale to about `area_per_node` square units a node: dense MDS cores would overlap."""
    span = np.percentile(xy, 90, axis=0) - np.percentile(xy, 10, axis=0)  # long arms don't count
    area = float(max(span[0], 1e-9) * max(span[1], 1e-9)) / 0.64
    return (xy - xy.min(axis=0)) * math.sqrt(area_per_node * n / area)


def _edge_arrays(g: nx.Graph, index: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
    pairs = np.array([(index[a], index[b]) for a, b in g.edges()], dtype=np.int64).reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1]


def _large_component(
    g: nx.Graph, nodes: list[int], seed: int, *, refine: bool = True
) -> np.ndarray:
    """Peel off the trees hanging from the graph's core, lay the core out, regrow the trees.

    News graphs are mostly hubs with many one-off neighbours: a force layout of the whole
    thing crowds them into a blob, while the core (what is left after removing leaves again and
    again) is small enough for a proper spring layout; the trees are then drawn as fans.
    """
    g = g.copy()  # subgraph views make every lookup several times slower
    parent, order = _peel(g)
    core_nodes = [v for v in nodes if v not in parent]
    index = {v: i for i, v in enumerate(nodes)}
    xy = np.zeros((len(nodes), 2))
    core = g.subgraph(core_nodes).copy()
    if len(core_nodes) == 1:
        core_xy = np.zeros((1, 2))
    elif len(core_nodes) <= CORE_SPRING_MAX:
        placed = nx.spring_layout(core, seed=seed)
        core_xy = _unit_edges(np.array([placed[v] for v in core_nodes]), core_nodes, core)
    else:
        core_xy = _spread(_pivot_mds(core, core_nodes, seed), len(core_nodes))
    xy[[index[v] for v in core_nodes]] = core_xy
    _grow_trees(xy, index, core_nodes, parent, order)
    if not refine:
        return xy
    src, dst = _edge_arrays(g, index)
    return _refine(xy, src, dst, seed)


def _peel(g: nx.Graph) -> tuple[dict[int, int], list[int]]:
    """Remove leaves until none is left; returns each removed node's parent and the order.

    A tree peels down to its last node, which stays behind as the core.
    """
    degree = dict(g.degree())
    parent: dict[int, int] = {}
    order: list[int] = []
    queue = sorted(v for v, d in degree.items() if d == 1)
    remaining = len(degree)
    while queue and remaining > 1:
        leaf = queue.pop()
        if leaf in parent or degree[leaf] != 1:
            continue
        up = next(u for u in g[leaf] if u not in parent)
        parent[leaf] = up
        order.append(leaf)
        remaining -= 1
        degree[leaf] = 0
        degree[up] -= 1
        if degree[up] == 1:
            queue.append(up)
    return parent, order


def _grow_trees(
    xy: np.ndarray, index: dict[int, int], core: list[int], parent: dict[int, int], order: list[int]
) -> None:
    """Radial layout of the peeled trees, outward from their core node.

    Depth d sits on a circle wide enough for all the subtree's nodes at that depth; each child
    gets a slice of its parent's angle in proportion to its subtree's size, so nothing crosses.
    """
    children: dict[int, list[int]] = {}
    for v in reversed(order):  # parents before children
        children.setdefault(parent[v], []).append(v)
    size: dict[int, int] = {}
    for v in order:  # children before parents
        size[v] = 1 + sum(size[c] for c in children.get(v, ()))
    centre = xy[[index[v] for v in core]].mean(axis=0)
    for root in core:
        if root not in children:
            continue
        origin = xy[index[root]].copy()
        if len(core) == 1:
            direction, wedge = 0.0, 2 * math.pi
        else:
            direction, wedge = math.atan2(origin[1] - centre[1], origin[0] - centre[0]), math.pi
        levels: list[list[tuple[int, float, float]]] = [[(root, direction - wedge / 2, wedge)]]
        while True:
            nxt = []
            for node, lo, width in levels[-1]:
                kids = children.get(node, [])
                total = sum(size[k] for k in kids)
                for kid in kids:
                    share = width * size[kid] / total
                    nxt.append((kid, lo, share))
                    lo += share
            if not nxt:
                break
            levels.append(nxt)
        radius = 0.0
        for level in levels[1:]:
            radius = max(radius + 1.0, len(level) / wedge)  # about one unit of arc a node
            for node, lo, width in level:
                angle = lo + width / 2
                xy[index[node]] = origin + radius * np.array([math.cos(angle), math.sin(angle)])


def _pivot_mds(g: nx.Graph, nodes: list[int], seed: int) -> np.ndarray:
    """Brandes & Pich's pivot MDS: BFS distances to a few far-apart pivots, then an SVD."""
    n = len(nodes)
    k = min(PIVOTS, n)
    dist = np.zeros((n, k))
    nearest = np.full(n, np.inf)
    rng = np.random.default_rng(seed)
    pivot = nodes[int(rng.integers(n))]
    for j in range(k):
        lengths = nx.single_source_shortest_path_length(g, pivot)
        dist[:, j] = np.fromiter((lengths[v] for v in nodes), float, n)
        nearest = np.minimum(nearest, dist[:, j])
        pivot = nodes[int(np.argmax(nearest))]
    sq = dist**2
    centred = -0.5 * (sq - sq.mean(axis=0) - sq.mean(axis=1)[:, None] + sq.mean())
    # The top two eigenvectors of the small k x k matrix give the SVD's directions cheaply.
    _, vectors = np.linalg.eigh(centred.T @ centred)
    xy = centred @ vectors[:, [-1, -2]]
    return xy + rng.normal(0.0, 1e-3 * (np.ptp(xy) or 1.0), xy.shape)


def _refine(
    xy: np.ndarray, src: np.ndarray, dst: np.ndarray, seed: int, iterations: int = 20
) -> np.ndarray:
    """Fruchterman-Reingold with repulsion cut off at one unit (grid variant): O(n) a step."""
    n = len(xy)
    jitter = np.random.default_rng(seed).normal(0.0, 0.05, xy.shape)
    x, y = xy[:, 0] + jitter[:, 0], xy[:, 1] + jitter[:, 1]
    for it in range(iterations):
        i, j = _near_pairs(x, y, 1.0)
        dx, dy = x[i] - x[j], y[i] - y[j]
        d2 = np.maximum(dx * dx + dy * dy, 1e-4)
        f = np.where(d2 < 1.0, 1.0 / d2, 0.0)
        fx, fy = np.bincount(i, dx * f, n), np.bincount(i, dy * f, n)
        ex, ey = x[src] - x[dst], y[src] - y[dst]
        length = np.sqrt(ex * ex + ey * ey)
        fx += np.bincount(dst, ex * length, n) - np.bincount(src, ex * length, n)
        fy += np.bincount(dst, ey * length, n) - np.bincount(src, ey * length, n)
        size = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)
        scale = np.minimum(size, 0.5 * (1 - it / iterations)) / size
        x += fx * scale
        y += fy * scale
    return np.column_stack([x, y])


def _near_pairs(x: np.ndarray, y: np.ndarray, cell: float) -> tuple[np.ndarray, np.ndarray]:
    """All ordered pairs (i, j), i != j, whose grid cells touch: candidates for repulsion."""
    n = len(x)
    cx = np.floor((x - x.min()) / cell).astype(np.int64)
    cy = np.floor((y - y.min()) / cell).astype(np.int64)
    width = int(cx.max()) + 3
    key = (cy + 1) * width + (cx + 1)
    order = np.argsort(key, kind="stable")
    dense = int(key.max()) + width + 2 <= 50 * n + 1_000_000  # a table per cell, unless too sparse
    if dense:
        counts = np.bincount(key, minlength=int(key.max()) + width + 2)
        starts = np.cumsum(counts) - counts
    else:
        sorted_key = key[order]
    firsts, seconds = [], []
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            near = key + dy * width + dx
            if dense:
                lo, count = starts[near], counts[near]
            else:
                lo = np.searchsorted(sorted_key, near, "left")
                count = np.searchsorted(sorted_key, near, "right") - lo
            total = int(count.sum())
            if total:
                firsts.append(np.repeat(np.arange(n), count))
                start = np.repeat(lo - (np.cumsum(count) - count), count)
                seconds.append(order[start + np.arange(total)])
    if not firsts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    i, j = np.concatenate(firsts), np.concatenate(seconds)
    keep = i != j
    return i[keep], j[keep]


def _pack(blocks: list[tuple[list[int], np.ndarray]]) -> list[tuple[list[int], np.ndarray]]:
    """Shelf packing: blocks left to right in rows about as wide as a 16:9 screen."""
    boxes = []
    for nodes, xy in blocks:
        xy = xy - xy.min(axis=0)
        w, h = xy.max(axis=0) + MARGIN
        boxes.append((nodes, xy, max(w, MARGIN), max(h, MARGIN)))
    area = sum(w * h for _, _, w, h in boxes)
    width = max(max((w for _, _, w, _ in boxes), default=0.0), math.sqrt(area * 16 / 9))
    placed, x, y, row = [], 0.0, 0.0, 0.0
    for nodes, xy, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        placed.append((nodes, xy + (x, y)))
        x, row = x + w, max(row, h)
    return placed


__all__ = ["layout"]
