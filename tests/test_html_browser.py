"""graph.html in headless Chromium: offline, quiet, complete, searchable and inert to hostile names.

Uses the system Chromium (Debian package `chromium`) through Playwright's Python package; never
`playwright install`. Every request is recorded and anything but the page itself is aborted.
Skipped when Chromium or Playwright is missing. tests/test_html_real.py does the same on 480 real
articles.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import browser, readable_view, session  # noqa: F401 (fixtures)
from rdflib import RDF

from kg.export.html import APP_SCRIPTS, write_html
from kg.graph import build_graph
from kg.model import ASSERTED, NEGATED, Document, Entity, Relation
from kg.vocab import CLASSES, RELATIONS, SYMMETRIC

pytestmark = pytest.mark.browser

XSS_SCRIPT = "<script>alert(1)</script> Corp."
XSS_SVG = '"><svg/onload=alert(1)>'
XSS_SENTENCE = "It said </script><script>alert('s')</script><img src=x onerror=alert(2)> & more."


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


def dated_graph():
    """Three dated articles, one with a web address and one with a javascript: one."""
    entities = [_entity(n) for n in ("Alpha", "Beta", "Gamma", "Delta")]
    docs = [
        Document("d1", "t", "/tmp/d1.txt", title="January story", date="2024-01-10", url="https://news.example/jan"),
        Document("d2", "t", "/tmp/d2.txt", title="March story", date="2024-03-05", url="javascript:alert(3)"),
        Document("d3", "t", "/tmp/d3.txt", title="June story", date="2024-06-20"),
    ]
    relations = [
        Relation("Alpha", "acquired", "Beta", "d1", "Alpha acquired Beta.", 0, 20, "t", 0.9, ASSERTED),
        Relation("Alpha", "owns", "Gamma", "d2", "Alpha owns Gamma.", 0, 17, "t", 0.6, ASSERTED),
        Relation("Delta", "partnerOf", "Alpha", "d3", "Delta partners with Alpha.", 0, 26, "t", 0.8, ASSERTED),
        Relation("Delta", "acquired", "Gamma", "d3", "Delta may acquire Gamma.", 0, 24, "t", 0.5, "hedged"),
    ]
    return build_graph(entities, relations, docs)


def synthetic_graph(n: int):
    """A hub with spokes plus a chain: enough nodes to switch to the precomputed layout."""
    entities = [_entity(f"Org {i}") for i in range(n)]
    relations = [_rel("Org 0", "partnerOf", f"Org {i}") for i in range(1, n // 2)]
    relations += [_rel(f"Org {i}", "owns", f"Org {i + 1}") for i in range(n // 2, n - 1)]
    return build_graph(entities, relations, [Document("d1", "t", "/tmp/d1.txt", title="Doc")])


def _expected_counts(graph) -> tuple[int, int]:
    """Entities with an asserted relation, and the relations, counted straight from the RDF
    (independently of graph_data): what the first screen of a small graph draws."""
    entities = {s for cls in CLASSES.values() for s in graph.subjects(RDF.type, cls)}
    edges = set()
    for name, pred in RELATIONS.items():
        for s, o in graph.subject_objects(pred):
            if s in entities and o in entities:
                edges.add((name, *sorted((s, o))) if name in SYMMETRIC else (name, s, o))
    linked = {v for _, s, o in edges for v in (s, o)}
    return len(linked), len(edges)


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


def test_page_is_offline_quiet_and_draws_every_linked_entity(tmp_path, session):
    graph = hostile_graph()
    write_html(graph, tmp_path / "graph.html", title=XSS_SCRIPT)
    s = session(tmp_path / "graph.html")
    page = s.open()
    linked, edges = _expected_counts(graph)
    drawn = page.evaluate("() => [kg.nodes.length, Object.keys(kg.network.body.nodes).length, kg.edges.length]")
    assert drawn == [linked, linked, edges] == [7, 7, 8]  # Nobody Ltd has no asserted relation
    assert page.evaluate("() => kg.network.physics.options.enabled") is False
    assert page.title() == XSS_SCRIPT
    assert page.text_content("#kg-title") == XSS_SCRIPT
    view = readable_view(page)
    assert view["readable"] == view["in_view"] == 7 and view["overlaps"] == []
    s.assert_clean()


def test_search_finds_and_focuses_an_entity(tmp_path, session):
    write_html(hostile_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    page.fill("#kg-search-input", "whole foods")
    page.press("#kg-search-input", "Enter")
    page.wait_for_selector("#kg-details:not([hidden])")
    whole_foods = _node_id(page, "Whole Foods Market")
    assert page.evaluate("() => [kg.mode(), kg.selected()]") == ["focus", whole_foods]
    assert page.evaluate("() => kg.network.getSelectedNodes()") == [whole_foods]
    assert page.text_content("#kg-details h2") == "Whole Foods Market"
    # The neighbourhood only: Whole Foods and Amazon, with its three relations labelled.
    assert sorted(page.evaluate("() => kg.nodes.getIds()")) == sorted([whole_foods, _node_id(page, "Amazon")])
    assert page.evaluate("() => kg.edges.get().filter((e) => e.label).map((e) => e.label)") == ["acquired, owns, partnerOf"]
    # An alias finds its entity too; nonsense finds nothing and says so; nodes with no
    # relation (not on the first screen) are found as well.
    page.fill("#kg-search-input", "amzn")
    page.click("#kg-search-button")
    assert page.text_content("#kg-details h2") == "Amazon"
    page.fill("#kg-search-input", "nobody")
    page.click("#kg-search-button")
    assert page.text_content("#kg-details h2") == "Nobody Ltd"
    assert page.evaluate("() => kg.nodes.getIds()") == [_node_id(page, "Nobody Ltd")]
    page.fill("#kg-search-input", "no such thing")
    page.click("#kg-search-button")
    assert page.text_content("#kg-search-status") == "No match"
    page.keyboard.press("Escape")
    assert page.evaluate("() => [kg.mode(), kg.nodes.length]") == ["overview", 7]
    s.assert_clean()


def test_hostile_names_are_shown_as_text_and_never_run(tmp_path, session):
    write_html(hostile_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    for name in (XSS_SCRIPT, XSS_SVG):
        page.fill("#kg-search-input", name)
        page.press("#kg-search-input", "Enter")
        assert page.text_content("#kg-details h2") == name
    assert XSS_SENTENCE in page.text_content("#kg-details")  # the facts list its evidence
    page.keyboard.press("Escape")
    # The tooltip vis-network shows on hover is built from text nodes too.
    _hover(page, _node_id(page, XSS_SCRIPT))
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert XSS_SCRIPT in page.text_content("div.vis-tooltip")
    # Evidence sentences, in the edge panel, the edge tooltip and the fact table.
    edge = page.evaluate("() => kg.data.edges.find((e) => e.rel === 'competitorOf').id")
    page.evaluate("(id) => kg.selectEdge(id)", edge)
    assert XSS_SENTENCE in page.text_content("#kg-details")
    assert page.evaluate("(id) => kg.tip('edge', id).textContent", edge).count(XSS_SENTENCE) == 1
    page.click("#kg-tab-table")
    page.click(f"#kg-table-body tr[data-rel=competitorOf] button.kg-expand")
    assert XSS_SENTENCE in page.text_content("#kg-table-body")
    assert page.evaluate("() => document.querySelectorAll('svg, img, iframe, object, [onload], [onerror]').length") == 0
    assert page.evaluate("() => document.scripts.length") == 2 + len(APP_SCRIPTS)
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
    drawn = "() => [kg.nodes.length, kg.edges.length]"
    assert page.evaluate(drawn) == [7, 8]
    page.uncheck("#kg-types input[data-key=Person]")
    assert page.evaluate(drawn) == [5, 6]  # both people and their two worksFor edges
    page.check("#kg-types input[data-key=Person]")
    page.uncheck("#kg-relations input[data-key=acquired]")
    assert page.evaluate(drawn) == [7, 7]  # Whole Foods stays: owns and partnerOf
    page.uncheck("#kg-relations input[data-key=launched]")
    assert page.evaluate(drawn) == [6, 6]  # Kindle had only launched left
    assert "6 relations of 8 match the filters; 6 entities drawn" in page.text_content("#kg-shown")
    s.assert_clean()


def test_click_focuses_the_neighbourhood_with_labelled_edges(tmp_path, session):
    write_html(hostile_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    bezos = _node_id(page, "Jeff Bezos")
    point = _still_point(page, bezos)
    page.mouse.click(point[0], point[1])
    page.wait_for_selector("#kg-details:not([hidden])")
    assert page.text_content("#kg-details h2") == "Jeff Bezos"
    shown = page.evaluate("() => kg.nodes.getIds().map((id) => kg.data.nodes[id].label).sort()")
    assert shown == ["Amazon", "Jeff Bezos"]
    assert page.evaluate("() => kg.edges.get().map((e) => e.label)") == ["worksFor"]
    assert "worksFor \u2192" in page.text_content("#kg-details .kg-facts")
    # One click on a neighbour moves on to it.
    page.click("#kg-details .kg-facts button.kg-link")
    assert page.text_content("#kg-details h2") == "Amazon"
    view = readable_view(page)
    assert (view["readable"], view["in_view"], view["overlaps"]) == (6, 6, []), view  # Amazon + 5
    page.keyboard.press("Escape")
    assert page.evaluate("() => [kg.mode(), kg.nodes.length]") == ["overview", 7]
    s.assert_clean()


def test_fact_table_lists_every_fact_and_filters_by_relation_date_and_confidence(tmp_path, session):
    write_html(dated_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    page.click("#kg-tab-table")
    rows = "() => Array.from(document.querySelectorAll('#kg-table-body tr[data-kind]')).map((r) => r.dataset.rel + ':' + r.dataset.kind)"
    assert sorted(page.evaluate(rows)) == ["acquired:asserted", "owns:asserted", "partnerOf:asserted"]
    page.check("#kg-include-claims")
    assert "acquired:hedged" in page.evaluate(rows)
    assert "hedged" in page.text_content("#kg-table-body tr.kg-hedged")
    page.uncheck("#kg-include-claims")
    page.fill("#kg-date-from", "2024-02-01")
    page.fill("#kg-date-to", "2024-04-30")
    assert page.evaluate(rows) == ["owns:asserted"]  # only the March article
    page.click("#kg-tab-graph")  # the graph shows the same: Alpha owns Gamma, and nothing else
    assert sorted(page.evaluate("() => kg.nodes.get().map((n) => n.label)")) == ["Alpha", "Gamma"]
    assert page.evaluate("() => kg.edges.get().map((e) => kg.data.edges[e.id].rel)") == ["owns"]
    page.click("#kg-tab-table")
    page.fill("#kg-date-from", "")
    page.fill("#kg-date-to", "")
    page.uncheck("#kg-relations input[data-key=owns]")
    assert sorted(page.evaluate(rows)) == ["acquired:asserted", "partnerOf:asserted"]
    page.fill("#kg-confidence", "0.85")
    page.dispatch_event("#kg-confidence", "input")
    assert page.evaluate(rows) == ["acquired:asserted"]
    # Sorting: by subject, ascending then descending.
    page.fill("#kg-confidence", "0")
    page.dispatch_event("#kg-confidence", "input")
    page.click("#kg-table-head th[data-key=subject] button")
    subjects = "() => Array.from(document.querySelectorAll('#kg-table-body tr[data-kind] td:nth-child(2)')).map((td) => td.textContent)"
    assert page.evaluate(subjects) == ["Alpha", "Delta"]
    page.click("#kg-table-head th[data-key=subject] button")
    assert page.evaluate(subjects) == ["Delta", "Alpha"]
    assert page.get_attribute("#kg-table-head th[data-key=subject]", "aria-sort") == "descending"
    s.assert_clean()


def test_evidence_names_the_article_and_links_only_web_addresses(tmp_path, session):
    write_html(dated_graph(), tmp_path / "graph.html")
    s = session(tmp_path / "graph.html")
    page = s.open()
    page.fill("#kg-search-input", "Alpha")
    page.press("#kg-search-input", "Enter")
    links = page.evaluate("() => Array.from(document.querySelectorAll('#kg-details a')).map((a) => [a.textContent, a.href])")
    # In the facts and in "Mentioned in"; the javascript: address is never a link.
    assert {tuple(link) for link in links} == {("January story", "https://news.example/jan")}
    panel = page.text_content("#kg-details")
    assert "March story, 2024-03-05" in panel and "June story, 2024-06-20" in panel
    assert page.get_attribute("#kg-details a", "rel") == "noopener noreferrer"
    s.assert_clean()


def test_large_graph_opens_on_a_readable_overview_and_max_nodes_is_announced(tmp_path, session):
    graph = synthetic_graph(420)
    write_html(graph, tmp_path / "all.html")
    write_html(graph, tmp_path / "top.html", max_nodes=50)
    s = session(tmp_path / "all.html")
    page = s.open()
    assert page.evaluate("() => [kg.network.physics.options.enabled, kg.data.nodes.length]") == [False, 420]
    view = readable_view(page)
    assert 40 <= view["drawn"] <= 90 and view["readable"] >= 0.8 * view["in_view"] and view["overlaps"] == []
    s.assert_clean()
    t = session(tmp_path / "top.html")
    page = t.open()
    assert page.evaluate("() => kg.data.nodes.length") == 50
    assert "Showing the 50 most connected of 420 entities" in page.text_content("#kg-notice")
    t.assert_clean()
