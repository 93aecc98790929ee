"""How long graph.html takes to write and to become interactive in headless Chromium, at
500, 2,000 and 5,000 entities (target: interactive in under 3 s at 5,000).

    .venv/bin/python bench/html_bench.py [--nodes 500 2000 5000] [--out DIR] [--repeat 3]

For each size: builds a synthetic news-like graph (a hub-dominated giant component with some
cycles, many small components, isolated names, several statements per relation, a few hedged),
writes it with write_html, opens it from disk at 1400x900 in the system Chromium with every
request outside the file aborted, and prints the seconds until the page sets body[data-ready]
(first screen drawn, usable), how many labels the first screen draws, how many read at 10 px or
more and how many overlap, and the time a search takes to focus the biggest hub.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from kg.export.html import graph_data, write_html
from kg.graph import build_graph
from kg.model import ASSERTED, HEDGED, Document, Entity, Relation

TYPES = ["Organization"] * 5 + ["Person"] * 3 + ["Place"] + ["Product"]
PREDICATES = {
    ("Organization", "Organization"): ["partnerOf", "competitorOf", "acquired", "owns", "holdsStakeIn", "advertisesOn"],
    ("Person", "Organization"): ["worksFor"],
    ("Organization", "Place"): ["basedIn", "operatesIn"],
    ("Organization", "Product"): ["launched", "owns"],
}
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def synthetic(n: int, seed: int = 1):
    """Entities, relations and documents shaped like a big news corpus."""
    rng = random.Random(seed)
    docs = [Document(f"d{i}", "", f"/corpus/{i}.txt", title=f"Article {i}", date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(max(1, n // 25))]
    entities = []
    for i in range(n):
        kind = rng.choice(TYPES)
        names = {f"{kind} {i}"} | ({f"{kind[:3].upper()}{i}"} if rng.random() < 0.2 else set())
        entities.append(Entity(f"{kind} {i}", f"{kind} {i}", kind, names, {rng.choice(docs).id for _ in range(rng.randint(1, 3))}, rng.randint(1, 9)))
    pairs: list[tuple[int, int]] = []
    giant, small = int(n * 0.6), int(n * 0.25)  # the rest stays isolated
    targets = [0]
    for i in range(1, giant):  # preferential attachment: hubs with long tails
        j = rng.choice(targets)
        pairs.append((i, j))
        targets += [i, j]
    pairs += [(rng.randrange(giant), rng.randrange(giant)) for _ in range(giant // 10)]
    start = giant
    while start < giant + small - 1:
        size = rng.randint(2, 6)
        pairs += [(start + k, start + rng.randrange(k)) for k in range(1, min(size, giant + small - start))]
        start += size
    relations = []
    for a, b in pairs:
        if a == b:
            continue
        ea, eb, pred = _predicate(rng, entities[a], entities[b])
        for k in range(rng.randint(1, 3)):
            doc = rng.choice(docs)
            text = f"{ea.label} {pred} {eb.label}, the article said ({k})."
            modality = HEDGED if rng.random() < 0.1 else ASSERTED
            relations.append(Relation(ea.key, pred, eb.key, doc.id, text, 0, len(text), "bench", round(rng.uniform(0.5, 0.95), 2), modality))
    return entities, relations, docs


def _predicate(rng: random.Random, a: Entity, b: Entity) -> tuple[Entity, Entity, str]:
    """A relation that fits the two types (either way round); partnerOf for odd pairs."""
    if (a.type, b.type) in PREDICATES:
        return a, b, rng.choice(PREDICATES[(a.type, b.type)])
    if (b.type, a.type) in PREDICATES:
        return b, a, rng.choice(PREDICATES[(b.type, a.type)])
    return a, b, "partnerOf"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--out", type=Path, default=None, help="keep the pages here (default: a temp folder)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--repeat", type=int, default=3, help="page loads to time (the median is reported)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="kg-html-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright not installed: browser timing skipped", file=sys.stderr)
        return 1
    if not Path(args.chromium).exists():
        print(f"{args.chromium} not found: browser timing skipped", file=sys.stderr)
        return 1
    failed = False
    summary = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        for n in args.nodes:
            ready, ok = _size(browser, n, out / f"graph-{n}.html", args.repeat)
            summary.append((n, ready))
            failed |= not ok
        browser.close()
    print("load to interactive (median): " + "; ".join(f"{n:,} entities {t:.2f} s" for n, t in summary))
    return 1 if failed else 0


def _size(browser, n: int, path: Path, repeat: int) -> tuple[float, bool]:
    print(f"== {n:,} entities")
    t = time.perf_counter()
    graph = build_graph(*synthetic(n))
    print(f"graph:  {len(graph):,} triples built in {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    data = graph_data(graph)
    print(f"data:   {len(data['nodes']):,} nodes, {len(data['edges']):,} edges, first screen "
          f"{len(data['meta']['overview'])} entities, in {time.perf_counter() - t:.2f} s (layout included)")
    t = time.perf_counter()
    write_html(graph, path, title=f"Synthetic corpus ({n:,} entities)")
    print(f"write:  {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.2f} s")
    url = path.resolve().as_uri()
    runs = [_open(browser, url, data["nodes"][0]["label"]) for _ in range(repeat)]
    for run in runs:
        steps = ", ".join(f"{name} {seconds:.2f}" for name, seconds in run["steps"].items())
        print(f"browser: interactive {run['ready']:.2f} s after navigation start "
              f"({run['wall']:.2f} s wall, goto to ready; {steps}); search to focused frame {run['search']:.2f} s")
    labels = runs[0]["labels"]
    print(f"first screen: {labels['drawn']} labels drawn, {labels['readable']} at >= 10 px "
          f"(smallest {labels['min_px']:.1f} px), {labels['overlaps']} overlapping by > 3 px")
    ready = sorted(r["ready"] for r in runs)[len(runs) // 2]
    search = sorted(r["search"] for r in runs)[len(runs) // 2]
    table = sorted(r["table"][0] for r in runs)[len(runs) // 2]
    errors = [e for r in runs for e in r["errors"]]
    requests = [u for r in runs for u in r["requests"] if u != url]
    print(f"median of {len(runs)}: interactive in {ready:.2f} s; search {search:.2f} s; "
          f"fact table ({runs[0]['table'][1]:,} rows) {table:.2f} s")
    print(f"requests other than the file: {len(requests)}; console errors: {len(errors)}")
    return ready, not errors and not requests


LABELS_JS = """() => {
    const boxes = kg.labelBoxes();
    let overlaps = 0;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 3 && h > 3) overlaps++;
    }));
    return {drawn: boxes.length, readable: boxes.filter((b) => b.px >= 10).length,
            min_px: Math.min(...boxes.map((b) => b.px)), overlaps: overlaps};
}"""


def _open(browser, url: str, hub: str) -> dict:
    """Open the page once in a fresh context; seconds to ready, to a search's frame, and the noise."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    t = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=300_000)
    wall = time.perf_counter() - t
    ready = page.evaluate("() => kg.readyAt") / 1000
    marks = page.evaluate("() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))")
    names = ["kg-start", "kg-parsed", "kg-datasets", "kg-network"]
    steps = {"load": marks["kg-start"] / 1000}
    steps.update({b.removeprefix("kg-"): (marks[b] - marks[a]) / 1000 for a, b in zip(names, names[1:])})
    steps["first frame"] = ready - marks["kg-network"] / 1000
    labels = page.evaluate(LABELS_JS)
    page.fill("#kg-search-input", hub)
    # In the page: from the click to the first frame drawn with the hub and its neighbours.
    search = page.evaluate(
        """() => new Promise((done) => {
            const t = performance.now();
            kg.network.once('afterDrawing', () => done((performance.now() - t) / 1000));
            document.getElementById('kg-search-button').click();
        })"""
    )
    assert page.evaluate("() => kg.selected()") == 0, "search did not select the hub"
    # The fact table's first rendering: every asserted relation as a row.
    table = page.evaluate(
        """() => { const t = performance.now(); document.getElementById('kg-tab-table').click();
                   return [(performance.now() - t) / 1000, document.querySelectorAll('#kg-table-body tr').length]; }"""
    )
    context.close()
    return {"ready": ready, "wall": wall, "steps": steps, "labels": labels, "search": search, "table": table,
            "errors": errors, "requests": requests}


if __name__ == "__main__":
    sys.exit(main())
