"""graph.html at real size: 480 real BBC business articles (../shared/corpus/bbc-business) in
headless Chromium. The first screen must read (labels of 10 px or more, none on top of another),
a search must show an entity with its neighbours readably, and the fact table must list every
asserted relation and filter by relation and date.

The corpus is built once per session (about a minute) with kg.build, the notebook API. The BBC
files carry no date, so the fixture gives each article one (spread over 2004-2005, the years
the articles are from) through a JSONL feed in a temporary folder; nothing is copied into the
repository. Skipped when the corpus is not beside the repository.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from browser_support import browser, readable_view, session  # noqa: F401 (fixtures)
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV

import kg
from kg.export.html import write_html
from kg.vocab import CLASSES, KG, RELATIONS, SYMMETRIC

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc-business"


@pytest.fixture(scope="session")
def bbc(tmp_path_factory):
    files = sorted(CORPUS.glob("*.txt"))
    if len(files) < 300:
        pytest.skip(f"the BBC corpus is not at {CORPUS}")
    out = tmp_path_factory.mktemp("bbc")
    feed = out / "bbc.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for i, path in enumerate(files):
            text = path.read_text(encoding="utf-8")
            when = date(2004, 1, 1) + timedelta(days=(i * 37) % 730)
            record = {"id": path.stem, "text": text, "title": text.strip().splitlines()[0], "date": when.isoformat()}
            handle.write(json.dumps(record) + "\n")
    result = kg.build([feed])
    page = out / "graph.html"
    write_html(result.graph, page, title="BBC business: knowledge graph")
    return result.graph, page


def _asserted_facts(graph: Graph) -> dict[tuple, set]:
    """(relation, subject, object) -> dates of its asserted statements, straight from the RDF."""
    entities = {s for cls in CLASSES.values() for s in graph.subjects(RDF.type, cls)}
    by_pred = {pred: name for name, pred in RELATIONS.items()}

    def key(name, s, o):
        return (name, *sorted((s, o), key=str)) if name in SYMMETRIC else (name, s, o)

    facts: dict[tuple, set] = {}
    for name, pred in RELATIONS.items():
        for s, o in graph.subject_objects(pred):
            if s in entities and o in entities and s != o:
                facts.setdefault(key(name, s, o), set())
    for stmt in graph.subjects(RDF.type, RDF.Statement):
        name = by_pred.get(graph.value(stmt, RDF.predicate))
        if name is None or str(graph.value(stmt, KG.modality) or "asserted") != "asserted":
            continue
        k = key(name, graph.value(stmt, RDF.subject), graph.value(stmt, RDF.object))
        doc = graph.value(stmt, PROV.wasDerivedFrom)
        when = graph.value(doc, DCTERMS.date) if isinstance(doc, URIRef) else None
        if k in facts and when is not None:
            facts[k].add(str(when)[:10])
    return facts


@pytest.mark.parametrize("viewport", [(1400, 900), (1280, 800), (1024, 640)])
def test_first_screen_reads(bbc, session, viewport):
    graph, path = bbc
    s = session(path, viewport)
    page = s.open()
    view = readable_view(page)
    print(f"{viewport}: {view['drawn']} drawn, {view['in_view']} in view, {view['readable']} readable "
          f"(>= 10 px; smallest {view['min_px']:.1f} px), {len(view['overlaps'])} overlaps")
    assert view["readable"] >= 40
    assert view["readable"] >= 0.8 * view["in_view"]
    assert view["overlaps"] == []
    # Every entity drawn has a relation drawn: no isolated dots, no grid.
    lonely = page.evaluate(
        "() => { const linked = new Set(); kg.edges.get().forEach((e) => { linked.add(e.from); linked.add(e.to); });"
        " return kg.nodes.getIds().filter((id) => !linked.has(id)).length; }"
    )
    assert lonely == 0
    s.assert_clean()


def test_search_shows_a_low_degree_entity_and_its_neighbours_readably(bbc, session):
    graph, path = bbc
    s = session(path, (1024, 640))
    page = s.open()
    target = page.evaluate(
        """() => {
            const first = new Set(kg.data.meta.overview);
            const count = {};
            kg.data.nodes.forEach((n) => { count[n.label] = (count[n.label] || 0) + 1; });
            const pick = kg.data.nodes.filter((n) => n.degree === 2 && !first.has(n.id) && count[n.label] === 1)[0];
            return [pick.id, pick.label];
        }"""
    )
    page.fill("#kg-search-input", target[1])
    page.press("#kg-search-input", "Enter")
    page.wait_for_selector("#kg-details:not([hidden])")
    assert page.evaluate("() => [kg.mode(), kg.selected()]") == ["focus", target[0]]
    assert page.text_content("#kg-details h2") == target[1]
    neighbours = page.evaluate(
        "(id) => kg.incident[id].map((e) => kg.data.edges[e]).map((e) => e.from === id ? e.to : e.from)", target[0]
    )
    view = readable_view(page)
    assert set(view["ids"]) == {target[0], *neighbours}  # all on screen, nothing else
    assert view["readable"] == view["in_view"] and view["overlaps"] == []
    assert page.evaluate("() => kg.edges.get().filter((e) => e.label).length") >= 1
    s.assert_clean()


def test_search_shows_the_biggest_hub_readably(bbc, session):
    graph, path = bbc
    s = session(path, (1280, 800))
    page = s.open()
    page.fill("#kg-search-input", page.evaluate("() => kg.data.nodes[0].label"))
    page.press("#kg-search-input", "Enter")
    view = readable_view(page)
    print(f"hub: {view['drawn']} drawn, {view['in_view']} in view, {view['readable']} readable, {len(view['overlaps'])} overlaps")
    assert view["readable"] >= 0.8 * view["in_view"] and view["overlaps"] == []
    s.assert_clean()


def test_fact_table_lists_every_asserted_relation_and_filters_by_relation_and_date(bbc, session):
    graph, path = bbc
    facts = _asserted_facts(graph)
    s = session(path)
    page = s.open()
    page.click("#kg-tab-table")
    rows = "() => document.querySelectorAll('#kg-table-body tr[data-kind=asserted]').length"
    assert page.evaluate(rows) == len(facts) > 300
    page.uncheck("#kg-relations input[data-key=basedIn]")
    assert page.evaluate(rows) == sum(1 for k in facts if k[0] != "basedIn")
    page.check("#kg-relations input[data-key=basedIn]")
    page.fill("#kg-date-from", "2004-03-01")
    page.fill("#kg-date-to", "2004-06-30")
    in_range = sum(1 for dates in facts.values() if any("2004-03-01" <= d <= "2004-06-30" for d in dates))
    assert 0 < page.evaluate(rows) == in_range < len(facts)
    # The graph shows the matching facts, wherever they are, laid out readably on the spot.
    page.click("#kg-tab-graph")
    view = readable_view(page)
    drawn_edges = page.evaluate("() => kg.edges.length")
    print(f"date filter: {in_range} facts, {drawn_edges} drawn, {view['in_view']} labels in view, "
          f"{view['readable']} readable, {len(view['overlaps'])} overlaps")
    assert 0 < drawn_edges <= in_range
    assert view["readable"] >= 40 and view["readable"] >= 0.8 * view["in_view"] and view["overlaps"] == []
    s.assert_clean()
