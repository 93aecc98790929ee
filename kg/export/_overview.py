"""The first screen of the graph view: which entities it shows and where, so every label reads.

A real corpus has thousands of entities, most with one relation or none; fitting them all on a
screen gives a grid of dots with no readable name. The overview therefore shows the most
connected part only (hubs plus their best-known neighbours, never an entity with no relation
on screen), drawn at sizes the page uses as they are, and spaced so that no two node-plus-label
boxes overlap. Everything else stays one search or one click away in the page.

Units are the page's canvas units: a label of font size 14 is 14 units high; the page fits the
overview on screen, so the fewer units it spans, the bigger the labels read.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from ._layout import layout as _component_layout

OVERVIEW_MAX = 90  # entities on the first screen: about what 1000 x 700 pixels hold legibly
FONT_MIN, FONT_MAX = 14.0, 22.0
SIZE_MIN, SIZE_MAX = 7.0, 20.0
CHAR_WIDTH = 0.6  # average glyph width of a sans-serif face, in font sizes (a little generous)
LABEL_MAX = 32  # characters of a label drawn on the canvas (the page clips longer ones)
PAD = 6.0  # clear space kept around each node-plus-label box
ASPECT = 1.45  # width / height of the graph area on a laptop screen, side panel open
FILL = 0.8  # share of the overview's area the boxes may cover before overlaps are removed


def node_style(degree: int) -> tuple[float, float]:
    """(shape size, label font size) in canvas units: hubs bigger, every label at least 14."""
    grow = math.log2(1 + max(0, degree))
    return (
        round(min(SIZE_MAX, SIZE_MIN + 2.2 * grow), 1),
        round(min(FONT_MAX, FONT_MIN + 1.6 * grow), 1),
    )


def label_box(label: str, size: float, font: float) -> tuple[float, float, float]:
    """(width, height, centre offset below the node) of the node plus its label underneath.

    vis-network draws a dot, diamond, square or triangle with its label below the shape.
    """
    chars = min(len(label), LABEL_MAX)
    width = max(2 * size, CHAR_WIDTH * font * chars + 4) + PAD
    height = 2 * size + 4 + 1.25 * font + PAD
    return width, height, height / 2 - size - PAD / 2


def choose(
    degree: Sequence[int], edges: Sequence[tuple[int, int]], limit: int = OVERVIEW_MAX
) -> list[int]:
    """Node ids of the overview: the most connected entities that connect to each other.

    Nodes come ranked (most connected first). Taking the top N by degree alone would show many
    entities whose partners are not on screen, i.e. dots with no line; so N grows until `limit`
    of the top N have a relation inside the top N, and only those are shown.
    """
    ranked = [i for i in range(len(degree)) if degree[i] > 0]
    adjacency: dict[int, list[int]] = {}
    for a, b in edges:
        adjacency.setdefault(a, []).append(b)
        adjacency.setdefault(b, []).append(a)
    chosen: set[int] = set()
    linked: set[int] = set()
    for node in ranked:
        chosen.add(node)
        for other in adjacency.get(node, ()):
            if other in chosen and other != node:
                linked.update((node, other))
        if len(linked) >= limit:
            break
    return sorted(linked)[: max(0, limit)] if len(linked) > limit else sorted(linked)


def place(boxes: np.ndarray, edges: Sequence[tuple[int, int]], *, seed: int = 7) -> np.ndarray:
    """Positions (n x 2) for n boxes (width, height, offset) joined by `edges` (local ids).

    The graph layout says roughly where each entity should be; the boxes are then set down in
    rank order (hubs first), each on the free spot nearest to where it should be. No two boxes
    overlap, neighbours stay close, and the picture is as compact as the labels allow.
    """
    n = len(boxes)
    if n == 0:
        return np.zeros((0, 2))
    xy = _component_layout(n, edges, seed=seed)
    xy = xy - xy.mean(axis=0)
    span = np.maximum(np.ptp(xy, axis=0), 1.0)
    area = float((boxes[:, 0] * boxes[:, 1]).sum()) / FILL
    height = math.sqrt(area / ASPECT)
    wanted = xy * np.array([height * ASPECT / span[0], height / span[1]])
    return settle(wanted, boxes)


def settle(wanted: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Set boxes down in order, each on the free spot nearest its wanted one (screen-shaped)."""
    n = len(wanted)
    out = np.zeros((n, 2))
    offsets = _spiral(float(np.median(boxes[:, 1])) / 3)
    half = boxes[:, :2] / 2
    for k in range(n):
        out[k] = wanted[k]
        if k == 0:
            continue
        placed_x, placed_y = out[:k, 0], out[:k, 1] + boxes[:k, 2]
        reach = half[:k] + half[k]
        for start in range(0, len(offsets), 4096):
            cand = wanted[k] + offsets[start : start + 4096]
            cy = cand[:, 1] + boxes[k, 2]
            clash = (np.abs(cand[:, None, 0] - placed_x[None, :]) < reach[None, :, 0]) & (
                np.abs(cy[:, None] - placed_y[None, :]) < reach[None, :, 1]
            )
            free = np.flatnonzero(~clash.any(axis=1))
            if len(free):
                out[k] = cand[free[0]]
                break
        else:  # nothing free nearby: to the right of everything
            out[k] = (out[:k, 0].max() + boxes[:k, 0].max() + boxes[k, 0], wanted[k][1])
    return out


def _spiral(step: float, rings: int = 300) -> np.ndarray:
    """Offsets on a grid of `step`, nearest first (distance measured in screen proportions)."""
    r = np.arange(-rings, rings + 1)
    gx, gy = np.meshgrid(r, r)
    grid = np.column_stack([gx.ravel(), gy.ravel()]).astype(float) * step
    order = np.argsort(np.hypot(grid[:, 0] / ASPECT, grid[:, 1]), kind="stable")
    return grid[order]


def overlaps(xy: np.ndarray, boxes: np.ndarray) -> int:
    """Pairs of boxes that still overlap (a check for tests and the benchmark)."""
    n = len(xy)
    if n < 2:
        return 0
    i, j = np.triu_indices(n, 1)
    cy = xy[:, 1] + boxes[:, 2]
    ox = (boxes[i, 0] + boxes[j, 0]) / 2 - np.abs(xy[j, 0] - xy[i, 0])
    oy = (boxes[i, 1] + boxes[j, 1]) / 2 - np.abs(cy[j] - cy[i])
    return int(((ox > 1e-6) & (oy > 1e-6)).sum())


__all__ = ["OVERVIEW_MAX", "choose", "label_box", "node_style", "overlaps", "place", "settle"]
