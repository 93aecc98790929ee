"""Screenshots of graph.html on 480 real BBC business articles, for the README.

    .venv/bin/python docs/screenshots.py [--corpus ../shared/corpus/bbc-business] [--graph graph.ttl]

Builds the corpus with kg.build (about a minute; or reuse a built graph.ttl with --graph),
writes graph.html to a temporary folder, opens it in the system Chromium at 1400x900 with every
request outside the file aborted, and saves three PNGs next to this script: the first screen,
one entity in focus, and the fact table. The articles stay in ../shared; only pictures are kept.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from rdflib import Graph

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "bbc-business"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--graph", type=Path, default=None, help="a graph.ttl built earlier (skips the build)")
    parser.add_argument("--focus", default="Yukos", help="entity shown in the focus screenshot")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from kg.export.html import write_html

    if args.graph:
        graph = Graph().parse(args.graph)
    else:
        import kg

        files = sorted(args.corpus.glob("*.txt"))
        if not files:
            print(f"{args.corpus}: no .txt articles", file=sys.stderr)
            return 1
        result = kg.build(files)
        print(result.summary)
        graph = result.graph
    page_path = Path(tempfile.mkdtemp(prefix="kg-shots-")) / "graph.html"
    write_html(graph, page_path, title="BBC business news 2004-2005: knowledge graph", built="2026-12-04")
    return shoot(page_path, args.focus, args.chromium)


def shoot(page_path: Path, focus: str, chromium: str) -> int:
    from playwright.sync_api import sync_playwright

    url = page_path.resolve().as_uri()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
        page.goto(url)
        page.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
        _save(page, "graph-first-view.png")
        page.fill("#kg-search-input", focus)
        page.press("#kg-search-input", "Enter")
        page.wait_for_timeout(300)
        _save(page, "graph-focus.png")
        page.click("#kg-tab-table")
        page.click("#kg-table-body tr button.kg-expand")
        _save(page, "graph-facts.png")
        browser.close()
    return 0


def _save(page, name: str) -> None:
    path = HERE / name
    page.screenshot(path=str(path))
    print(f"{path} ({path.stat().st_size / 1000:.0f} KB)")


if __name__ == "__main__":
    sys.exit(main())
