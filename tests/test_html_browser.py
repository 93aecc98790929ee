"""graph.html in headless Chromium: offline, quiet, complete, searchable and inert to hostile names.

Uses the system Chromium (Debian package `chromium`) through Playwright's Python package; never
`playwright install`. Every request is recorded and anything but the page itself is aborted.
Skipped when Chromium or Playwright is missing.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rdflib import RDF

from kg.export.html import write_html
from kg.graph import build_graph
from kg.model import ASSERTED, NEGATED, Document, Entity, Relation
from kg.vocab import CLASSES, RELATIONS, SYMMETRIC

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # belt and braces: no name resolves
]
XSS_SCRIPT = "<script>alert(1)</script> Corp."
XSS_SVG = '"><svg/onload=alert(1)>'
XSS_SENTENCE = "It said </script><script>alert('s')</script><img src=x onerror=alert(2)> & more."


def _chromium() -> str | None:
    """KG_CHROMIUM if set (it alone: set it to nothing real to skip these tests), else the system one."""
    if os.environ.get("KG_CHROMIUM"):
        candidates = [os.environ["KG_CHROMIUM"]]
    else:
        candidates = ["/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")]
    return next((c for c in candidates if c and Path(c).exists()), None)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright import sync_api
    except ImportError as exc:  # not installed, or installed without its native parts
        pytest.skip(f"playwright not usable: {exc}")
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium not installed (apt-get install chromium)")
    try:
        manager = sync_api.sync_playwright().start()
    except Exception as exc:  # its driver could not start
        pytest.skip(f"playwright not usable: {exc}")
    try:
        try:
            instance = manager.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as exc:  # a broken or incompatible Chromium is an environment problem
            pytest.skip(f"cannot start chromium: {exc}")
        yield instance
        instance.close()
    finally:
        manager.stop()


class Session:
    """One page plus everything it tried to fetch, said on the console, or popped up."""

    def __init__(self, browser, path: Path):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type in ("error", "assert") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route):
        if route.request.url == self.url:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self):
        self.page.goto(self.url)
        # Attribute set by the page when the network is drawn and usable (string predicates for
        # wait_for_function would need 'unsafe-eval', which the page's CSP rightly forbids).
        self.page.wait_for_selector("body[data-ready]", state="attached", timeout=20000)
        return self.page

    def assert_clean(self):
        assert self.errors == []
        assert self.dialogs == []
        assert self.blocked == []
        assert set(self.requests) <= {self.url}

    def close(self):
        self.context.close()


@pytest.fixture
def session(browser):
    opened: list[Session] = []

    def make(path: Path) -> Session:
        opened.append(Session(browser, path))
        return opened[-1]

    yield make
    for s in opened:
        s.close()


def _entity(label, type_="Organization", aliases=()):
    return Entity(key=label, label=label, type=type_, aliases=set(aliases), docs={"d1"}, mentions=1)


def _rel(s, p, o, sentence=None, modality=ASSERTED):
    sentence = sentence or f"{s} {p} {o}."
    return Relation(s, p, o, "d1", sentence, 0, len(sentence), "test", 0.8, modality)


def hostile_graph():
    entities = [
        _entity("Amazon", aliases={"AMZN"}),
        _entity("Whole Foods Market"),
        _entity("Jeff Bezos", "Person"),
        _entity("Seattle", "Place"),
        _entity("Kindle", "Product"),
        _entity(XSS_SCRIPT),
        _entity(XSS_SVG, "Person"),
        _entity("Nobody Ltd"),
    ]
    relations = [
        _rel("Amazon", "acquired", "Whole Foods Market"),
        _rel("Amazon", "owns", "Whole Foods Market"),
        _rel("Amazon", "partnerOf", "Whole Foods Market"),
        _rel("Jeff Bezos", "worksFor", "Amazon"),
        _rel("Amazon", "basedIn", "Seattle"),
        _rel("Amazon", "launched", "Kindle"),
        _rel(XSS_SCRIPT, "competitorOf", "Amazon", XSS_SENTENCE),
        _rel(XSS_SVG, "worksFor", XSS_SCRIPT, XSS_SENTENCE),
        _rel("Nobody Ltd", "acquired", "Kindle", "Nobody Ltd did not acquire Kindle.", modality=NEGATED),
    ]
    documents = [Document("d1", "text", "/tmp/d1.txt", title='Evil <b>title</b> "quoted"', date="2024-05-01")]
    return build_graph(entities, relations, documents)


def synthetic_graph(n: int):
    """A hub with spokes plus a chain: enough nodes to switch to the precomputed layout."""
    entities = [_entity(f"Org {i}") for i in range(n)]
    relations = [_rel("Org 0", "partnerOf", f"Org {i}") for i in range(1, n // 2)]
    relations += [_rel(f"Org {i}", "owns", f"Org {i + 1}") for i in range(n // 2, n - 1)]
    return build_graph(entities, relations, [Document("d1", "t", "/tmp/d1.txt", title="Doc")])


def _expected_counts(graph) -> tuple[int, int]:
    """Entities and drawn edges counted straight from the RDF, independently of graph_data."""
    entities = {s for cls in CLASSES.values() for s in graph.subjects(RDF.type, cls)}
    edges = set()
    for name, pred in RELATIONS.items():
        for s, o in graph.subject_objects(pred):
            edges.add((name, *sorted((s, o))) if name in SYMMETRIC else (name, s, o))
    return len(entities), len(edges)


def _node_id(page, label: str) -> int:
    return page.evaluate("(label) => kg.data.nodes.find((n) => n.label === label).id", label)


def _screen_point(page, node_id: int) -> list[float]:
    return page.evaluate(
        """(id) => {
            const p = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
            const box = document.getElementById('kg-graph').getBoundingClientRect();
            return [p.x + box.left, p.y + box.top];
        }""",
        node_id,
    )


def _still_point(page, node_id: int) -> list[float]:
    """Where the node is once the view stops moving (a search focuses with a 400 ms animation)."""
    point = _screen_point(page, node_id)
    for _ in range(50):
        page.wait_for_timeout(50)
        again = _screen_point(page, node_id)
        if again == point:
            return point
        point = again
    raise AssertionError("the view never came to rest")


def _hover(page, node_id: int) -> None:
    point = _still_point(page, node_id)
    page.mouse.move(point[0] - 40, point[1] - 40)
    page.mouse.move(point[0], point[1], steps=4)


def test_page_is_offline_quiet_and_draws_every_entity(tmp_path, session):
    graph = hostile_graph()
    write_html(graph, tmp_path / "graph.html", title=XSS_SCRIPT)
    s = session(tmp_path / "graph.html")
    page = s.open()
    entities, edges = _expected_counts(graph)
    drawn = page.evaluate("() => [kg.network.body.data.nodes.length, Object.keys(kg.network.body.nodes).length, kg.network.body.data.edges.length]")
    assert drawn == [entities, entities, edges]
    assert page.title() == XSS_SCRIPT
    assert page.text_content("#kg-title") == XSS_SCRIPT
    s.assert_clean()


def test_search_finds_and_focuses_an_entity(tmp_path, session):
    write_html(hostile_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    page.fill("#kg-search-input", "whole foods")
    page.press("#kg-search-input", "Enter")
    page.wait_for_selector("#kg-details:not([hidden])")
    assert page.evaluate("() => kg.selected()") == _node_id(page, "Whole Foods Market")
    assert page.evaluate("() => kg.network.getSelectedNodes()") == [_node_id(page, "Whole Foods Market")]
    assert page.text_content("#kg-details h2") == "Whole Foods Market"
    # An alias finds its entity too; nonsense finds nothing and says so.
    page.fill("#kg-search-input", "amzn")
    page.click("#kg-search-button")
    assert page.text_content("#kg-details h2") == "Amazon"
    page.fill("#kg-search-input", "no such thing")
    page.click("#kg-search-button")
    assert page.text_content("#kg-search-status") == "No match"
    s.assert_clean()


def test_hostile_names_are_shown_as_text_and_never_run(tmp_path, session):
    write_html(hostile_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    for name in (XSS_SCRIPT, XSS_SVG):
        page.fill("#kg-search-input", name)
        page.press("#kg-search-input", "Enter")
        assert page.text_content("#kg-details h2") == name
    # The tooltip vis-network shows on hover is built from text nodes too.
    _hover(page, _node_id(page, XSS_SCRIPT))
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert XSS_SCRIPT in page.text_content("div.vis-tooltip")
    # Evidence sentences, in the edge panel and the edge tooltip.
    edge = page.evaluate("() => kg.data.edges.find((e) => e.rel === 'competitorOf').id")
    page.evaluate("(id) => kg.selectEdge(id)", edge)
    assert XSS_SENTENCE in page.text_content("#kg-details")
    assert page.evaluate("(id) => { kg.fillTips(); return kg.tip('edge', id).textContent; }", edge).count(XSS_SENTENCE) == 1
    assert page.evaluate("() => document.querySelectorAll('svg, img, iframe, object, [onload], [onerror]').length") == 0
    assert page.evaluate("() => document.scripts.length") == 3
    s.assert_clean()


def test_tooltip_is_filled_for_whatever_the_view_moved_under_the_pointer(tmp_path, session):
    """The pointer rests on one entity, then the view moves another under it before the tooltip
    shows (vis-network looks again after its delay): the tooltip must not come up empty."""
    write_html(hostile_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    first, second = _node_id(page, "Amazon"), _node_id(page, "Kindle")
    centre = "(id) => kg.network.moveTo({position: kg.network.getPositions([id])[id], scale: 1.5})"
    page.evaluate("() => kg.network.setOptions({interaction: {tooltipDelay: 600}})")
    page.evaluate(centre, first)
    point = _still_point(page, first)
    page.mouse.move(point[0] - 40, point[1] - 40)
    page.mouse.move(point[0], point[1], steps=4)  # hovers Amazon: its tooltip is filled
    page.evaluate(centre, second)  # before the delay runs out, Kindle is under the pointer
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert "Kindle" in page.text_content("div.vis-tooltip")
    s.assert_clean()


def test_filters_hide_types_and_relations(tmp_path, session):
    write_html(hostile_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    visible = "() => [kg.nodes.get({filter: (n) => !n.hidden}).length, kg.edges.get({filter: (e) => !e.hidden}).length]"
    assert page.evaluate(visible) == [8, 8]
    page.uncheck("#kg-types input[data-key=Person]")
    assert page.evaluate(visible) == [6, 6]  # both people and their two worksFor edges
    page.check("#kg-types input[data-key=Person]")
    page.uncheck("#kg-relations input[data-key=acquired]")
    assert page.evaluate(visible) == [8, 7]
    page.check("#kg-hide-isolated")
    assert page.evaluate(visible) == [7, 7]  # Nobody Ltd has no asserted relation
    assert "Showing 7 entities and 7 relations" in page.text_content("#kg-shown")
    s.assert_clean()


def test_click_highlights_the_neighbourhood(tmp_path, session):
    write_html(hostile_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    bezos = _node_id(page, "Jeff Bezos")
    point = page.evaluate(
        """(id) => {
            const p = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
            const box = document.getElementById('kg-graph').getBoundingClientRect();
            return [p.x + box.left, p.y + box.top];
        }""",
        bezos,
    )
    page.mouse.click(point[0], point[1])
    page.wait_for_selector("#kg-details:not([hidden])")
    dimmed = page.evaluate("() => kg.nodes.get().filter((n) => n.color.background === '#eceef0').map((n) => kg.data.nodes[n.id].label).sort()")
    assert dimmed == sorted(["Whole Foods Market", "Seattle", "Kindle", XSS_SCRIPT, XSS_SVG, "Nobody Ltd"])
    page.keyboard.press("Escape")
    assert page.evaluate("() => kg.nodes.get().filter((n) => n.color.background === '#eceef0').length") == 0
    s.assert_clean()


def test_large_graph_uses_fixed_positions_and_max_nodes_is_announced(tmp_path, session):
    graph = synthetic_graph(420)
    write_html(graph, tmp_path / "all.html")
    write_html(graph, tmp_path / "top.html", max_nodes=50)
    s = session(tmp_path / "all.html")
    page = s.open()
    assert page.evaluate("() => [kg.network.physics.options.enabled, kg.network.body.data.nodes.length]") == [False, 420]
    s.assert_clean()
    t = session(tmp_path / "top.html")
    page = t.open()
    assert page.evaluate("() => kg.network.body.data.nodes.length") == 50
    assert "Showing the 50 most connected of 420 entities" in page.text_content("#kg-notice")
    t.assert_clean()
