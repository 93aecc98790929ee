"""graph.html without a browser: what graph_data draws, escaping, the CSP and the layout.

Graphs are built by hand with kg.graph.build_graph, so no spaCy model is needed.
"""
from __future__ import annotations

import base64
import hashlib
import html as htmllib
import json
import math
import re
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import kg.export.html as view
from kg.export import export
from kg.export._layout import layout
from kg.export._overview import choose, label_box, node_style, overlaps, place
from kg.graph import build_graph
from kg.model import ASSERTED, HEDGED, NEGATED, Document, Entity, Relation

XSS_SCRIPT = "<script>alert(1)</script> Corp."
XSS_SVG = '"><svg/onload=alert(1)>'
XSS_SENTENCE = "Foo </script><script>alert('sentence')</script> & <!-- bar"


def _entity(label: str, type_: str = "Organization", *, aliases: set[str] | None = None, docs: set[str] | None = None) -> Entity:
    return Entity(key=label, label=label, type=type_, aliases=set(aliases or ()), docs=set(docs or {"d1"}), mentions=len(docs or {"d1"}))


def _rel(subj: str, pred: str, obj: str, sentence: str = "", *, doc: str = "d1", confidence: float = 0.8, modality: str = ASSERTED) -> Relation:
    sentence = sentence or f"{subj} {pred} {obj}."
    return Relation(subj, pred, obj, doc, sentence, 0, len(sentence), "test", confidence, modality)


DOCS = [
    Document("d1", "text", "/tmp/d1.txt", title="Amazon buys Whole Foods", date="2017-06-16"),
    Document("d2", "text", "/tmp/d2.txt", title="Partners again", date="2018-01-02"),
]


def sample_graph():
    """Amazon and Whole Foods with three relations between them, plus the usual suspects."""
    entities = [
        _entity("Amazon", aliases={"Amazon.com", "AMZN"}, docs={"d1", "d2"}),
        _entity("Whole Foods", docs={"d1"}),
        _entity("Jeff Bezos", "Person"),
        _entity("Seattle", "Place"),
        _entity("Kindle", "Product"),
        _entity("Walmart"),
        _entity(XSS_SCRIPT),
        _entity(XSS_SVG, "Person"),
        _entity("Lonely Corp"),
    ]
    relations = [
        _rel("Amazon", "acquired", "Whole Foods", "Amazon acquired Whole Foods for $13.7bn.", confidence=0.9),
        _rel("Amazon", "acquired", "Whole Foods", "Amazon may have acquired Whole Foods early.", doc="d2", confidence=0.95, modality=HEDGED),
        _rel("Amazon", "owns", "Whole Foods", "Amazon owns Whole Foods.", confidence=0.7),
        _rel("Whole Foods", "partnerOf", "Amazon", "Whole Foods partners with Amazon.", doc="d2"),
        _rel("Amazon", "partnerOf", "Whole Foods", "Amazon partners with Whole Foods.", confidence=0.6),
        _rel("Jeff Bezos", "worksFor", "Amazon"),
        _rel("Amazon", "basedIn", "Seattle"),
        _rel("Amazon", "launched", "Kindle"),
        _rel("Amazon", "competitorOf", "Walmart"),
        _rel("Walmart", "acquired", "Kindle", "Walmart did not acquire Kindle.", modality=NEGATED),
        _rel(XSS_SCRIPT, "partnerOf", "Amazon", XSS_SENTENCE),
        _rel(XSS_SVG, "worksFor", XSS_SCRIPT, XSS_SENTENCE),
    ]
    return build_graph(entities, relations, DOCS)


def _edges_between(data, a: str, b: str) -> list[dict]:
    ids = {n["label"]: n["id"] for n in data["nodes"]}
    pair = {ids[a], ids[b]}
    return [e for e in data["edges"] if {e["from"], e["to"]} == pair]


def test_only_asserted_relations_become_edges():
    data = view.graph_data(sample_graph())
    drawn = {(data["nodes"][e["from"]]["label"], e["rel"], data["nodes"][e["to"]]["label"]) for e in data["edges"]}
    assert ("Amazon", "acquired", "Whole Foods") in drawn
    assert ("Walmart", "acquired", "Kindle") not in drawn  # only ever negated
    assert data["meta"]["relations"] == len(data["edges"]) == 9


def test_symmetric_relation_stated_both_ways_is_one_undirected_edge_with_both_sentences():
    data = view.graph_data(sample_graph())
    partner = [e for e in _edges_between(data, "Amazon", "Whole Foods") if e["rel"] == "partnerOf"]
    assert len(partner) == 1
    assert partner[0]["symmetric"] is True
    assert {ev["sentence"] for ev in partner[0]["evidence"]} == {"Whole Foods partners with Amazon.", "Amazon partners with Whole Foods."}
    directed = [e for e in data["edges"] if e["rel"] == "acquired"]
    assert directed and not any(e["symmetric"] for e in directed)


def test_parallel_edges_are_kept_on_distinct_arcs():
    data = view.graph_data(sample_graph())
    pair = _edges_between(data, "Amazon", "Whole Foods")
    assert sorted(e["rel"] for e in pair) == ["acquired", "owns", "partnerOf"]
    # The same arc seen from the lower node id: every edge must sit on its own.
    arcs = [e["curve"] if e["from"] < e["to"] else -e["curve"] for e in pair]
    assert len(set(arcs)) == 3
    single = _edges_between(data, "Amazon", "Seattle")
    assert [e["curve"] for e in single] == [0.0]


def test_edge_evidence_has_sentence_document_date_confidence_and_modality():
    data = view.graph_data(sample_graph())
    acquired = next(e for e in _edges_between(data, "Amazon", "Whole Foods") if e["rel"] == "acquired")
    first, second = acquired["evidence"]
    assert first["modality"] == "asserted" and first["sentence"] == "Amazon acquired Whole Foods for $13.7bn."
    doc = data["documents"][first["doc"]]
    assert (doc["title"], doc["date"]) == ("Amazon buys Whole Foods", "2017-06-16")
    assert second["modality"] == "hedged" and data["documents"][second["doc"]]["title"] == "Partners again"
    # The edge's confidence comes from asserted statements only (the hedged one says 0.95).
    assert acquired["confidence"] == pytest.approx(0.9)


def test_nodes_carry_type_aliases_documents_and_degree():
    data = view.graph_data(sample_graph())
    amazon = next(n for n in data["nodes"] if n["label"] == "Amazon")
    assert amazon["type"] == "Organization"
    assert amazon["aliases"] == ["AMZN", "Amazon.com"]
    assert len(amazon["docs"]) == 2
    assert amazon["degree"] == 8
    assert data["nodes"][0]["label"] == "Amazon"  # most connected first
    types = {t["name"]: t["count"] for t in data["types"]}
    assert types == {"Organization": 5, "Person": 2, "Place": 1, "Product": 1}


def test_max_nodes_keeps_the_most_connected_and_says_so(tmp_path):
    graph = sample_graph()
    data = view.graph_data(graph, max_nodes=3)
    assert {n["label"] for n in data["nodes"]} == {"Amazon", "Whole Foods", XSS_SCRIPT}
    assert all(e["from"] < 3 and e["to"] < 3 for e in data["edges"])
    assert data["meta"]["truncated"] and data["meta"]["entities"] == 9 and data["meta"]["shown_entities"] == 3
    path = tmp_path / "g.html"
    view.write_html(graph, path, max_nodes=3)
    assert "Showing the 3 most connected of 9 entities" in path.read_text(encoding="utf-8")
    view.write_html(graph, path)
    assert "most connected of" not in path.read_text(encoding="utf-8")


def test_hostile_text_never_reaches_the_page_as_markup(tmp_path):
    path = tmp_path / "g.html"
    view.write_html(sample_graph(), path, title=XSS_SCRIPT)
    page = path.read_text(encoding="utf-8")
    for raw in (XSS_SCRIPT, XSS_SVG, XSS_SENTENCE, "<svg", "</script><script>alert"):
        assert raw not in page
    tags = _tags(page)
    # data block, vis-network, and the view's three scripts (view, focus, table)
    assert [t for t, _ in tags if t == "script"] == ["script"] * (2 + len(view.APP_SCRIPTS))
    assert not [t for t, _ in tags if t in {"svg", "img", "iframe", "object", "embed", "a"}]
    assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on")]
    assert f"<title>{htmllib.escape(XSS_SCRIPT)}</title>" in page
    # ... and the data still round-trips exactly.
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    labels = {n["label"] for n in json.loads(block)["nodes"]}
    assert {XSS_SCRIPT, XSS_SVG} <= labels


def _tags(page: str) -> list[tuple[str, list]]:
    """Start tags as a browser's tokenizer sees them (script contents are not markup)."""

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found: list[tuple[str, list]] = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, attrs))

    parser = Tags()
    parser.feed(page)
    return parser.found


def test_json_for_script_escapes_what_could_end_the_block():
    data = {"a": "</script><!-- & \u2028 \u2029 >", "b": [1, 2.5, None]}
    text = view.json_for_script(data)
    assert not set("<>&") & set(text)
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == data


def _csp(page: str) -> dict[str, list[str]]:
    content = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    return {d.split()[0]: d.split()[1:] for d in htmllib.unescape(content).split(";") if d.strip()}


def test_csp_forbids_the_network_and_allows_only_the_pages_own_scripts(tmp_path):
    path = tmp_path / "g.html"
    view.write_html(sample_graph(), path)
    page = path.read_text(encoding="utf-8")
    csp = _csp(page)
    assert csp["default-src"] == ["'none'"] and csp["connect-src"] == ["'none'"]
    assert not any("unsafe" in v or "http" in v or v == "*" for values in csp.values() for v in values)
    inline = re.findall(r"<script>(.*?)</script>", page, re.S)
    hashes = ["'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in inline]
    assert sorted(csp["script-src"]) == sorted(hashes)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert csp["style-src"] == ["'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"]


def test_markup_refers_to_no_other_file_or_host(tmp_path):
    path = tmp_path / "g.html"
    view.write_html(sample_graph(), path)
    page = path.read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", page, flags=re.S)
    refs = re.findall(r"""\b(?:src|href|action|srcset)\s*=\s*["']?([^"'\s>]*)""", markup)
    assert all(r.startswith("data:") for r in refs), refs
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "@import" not in style
    assert all(u.strip("'\"").startswith("data:") for u in re.findall(r"url\(([^)]*)\)", style))


@pytest.mark.parametrize("name", view.APP_SCRIPTS)
def test_view_scripts_never_write_markup(name):
    script = (Path(view.__file__).parent / "templates" / name).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function(", "setAttribute('style'", "multi:"):
        assert sink not in script


def test_overview_places_the_connected_entities_without_overlap_and_hides_isolated_ones():
    graph = sample_graph()
    data = view.graph_data(graph)
    first = data["meta"]["overview"]
    ids = {n["label"]: n["id"] for n in data["nodes"]}
    assert ids["Lonely Corp"] not in first  # no relation: never on the first screen
    assert sorted(first) == sorted(n["id"] for n in data["nodes"] if n["degree"] > 0)
    assert all(math.isfinite(data["nodes"][i]["x"]) and math.isfinite(data["nodes"][i]["y"]) for i in first)
    assert "x" not in data["nodes"][ids["Lonely Corp"]]
    boxes = np.array([label_box(data["nodes"][i]["label"], data["nodes"][i]["size"], data["nodes"][i]["font"]) for i in first])
    xy = np.array([[data["nodes"][i]["x"], data["nodes"][i]["y"]] for i in first])
    assert overlaps(xy, boxes) == 0
    assert data == view.graph_data(graph)  # same graph, same picture


def test_overview_keeps_the_most_connected_part_of_a_big_graph():
    g = _components(400)
    degree = [d for _, d in sorted(g.degree())]
    order = sorted(range(len(degree)), key=lambda i: -degree[i])  # ids ranked as graph_data ranks
    rank = {old: new for new, old in enumerate(order)}
    edges = [(rank[a], rank[b]) for a, b in g.edges()]
    ranked_degree = [degree[i] for i in order]
    first = choose(ranked_degree, edges, 60)
    assert len(first) == 60
    inside = set(first)
    linked = {v for a, b in edges if a in inside and b in inside for v in (a, b)}
    assert inside == linked  # every entity on screen has a line to another one on screen
    assert 0 in inside and 1 in inside  # the two biggest hubs
    boxes = np.array([label_box(f"Entity number {i}", *node_style(ranked_degree[i])) for i in first])
    local = {v: k for k, v in enumerate(first)}
    xy = place(boxes, [(local[a], local[b]) for a, b in edges if a in local and b in local])
    assert overlaps(xy, boxes) == 0
    # Compact: the boxes cover a good share of the picture, so the page can fit it legibly.
    span = np.ptp(xy, axis=0) + boxes[:, :2].max(axis=0)
    assert (boxes[:, 0] * boxes[:, 1]).sum() / (span[0] * span[1]) > 0.2


def test_claims_without_an_asserted_twin_are_kept_for_the_table_but_not_drawn():
    data = view.graph_data(sample_graph())
    labels = [n["label"] for n in data["nodes"]]
    claims = [(labels[c["from"]], c["rel"], labels[c["to"]], c["modality"]) for c in data["claims"]]
    assert claims == [("Walmart", "acquired", "Kindle", "negated")]
    assert data["claims"][0]["evidence"][0]["sentence"] == "Walmart did not acquire Kindle."
    assert not [e for e in data["edges"] if labels[e["from"]] == "Walmart" and e["rel"] == "acquired"]


def test_edges_carry_first_date_and_document_count_of_asserted_evidence():
    data = view.graph_data(sample_graph())
    partner = next(e for e in _edges_between(data, "Amazon", "Whole Foods") if e["rel"] == "partnerOf")
    assert partner["first"] == "2017-06-16" and partner["docs"] == 2
    acquired = next(e for e in _edges_between(data, "Amazon", "Whole Foods") if e["rel"] == "acquired")
    assert acquired["docs"] == 1  # the hedged statement in d2 does not count


def test_untitled_documents_get_a_readable_name_and_only_web_urls_become_links():
    docs = [
        Document("a", "text", "/corpus/2024/budget-story.txt", title=None),
        Document("b", "text", "/corpus/b.txt", title="Linked", url="https://example.com/b"),
        Document("c", "text", "/corpus/c.txt", title="Script", url="javascript:alert(1)"),
    ]
    rel = Relation("X Corp", "owns", "Y Corp", "a", "X Corp owns Y Corp.", 0, 18, "test", 0.8, ASSERTED)
    graph = build_graph([_entity("X Corp", docs={"a"}), _entity("Y Corp", docs={"a"})], [rel], docs)
    by_title = {d["title"]: d for d in view.graph_data(graph)["documents"]}
    assert "budget-story.txt" in by_title
    assert by_title["Linked"]["url"] == "https://example.com/b"
    assert by_title["Script"]["url"] is None


def _components(n_big: int = 600):
    """A hub-and-spokes giant (a tree plus a dense core), small components and isolates."""
    g = nx.barabasi_albert_graph(n_big, 1, seed=3)
    g.add_edges_from(nx.gnm_random_graph(60, 200, seed=4).edges())
    base = n_big
    for size in (2, 3, 5, 8):
        g.add_edges_from((base + a, base + b) for a, b in nx.path_graph(size).edges())
        base += size
    g.add_nodes_from(range(base, base + 20))
    return g


def test_layout_separates_nodes_and_keeps_components_apart():
    g = _components()
    pos = layout(g.number_of_nodes(), list(g.edges()))
    assert pos.shape == (g.number_of_nodes(), 2) and np.isfinite(pos).all()
    boxes = []
    for comp in nx.connected_components(g):
        xy = pos[sorted(comp)]
        boxes.append((*xy.min(axis=0), *xy.max(axis=0)))
    for a, b in combinations(boxes, 2):
        overlap_x = min(a[2], b[2]) - max(a[0], b[0])
        overlap_y = min(a[3], b[3]) - max(a[1], b[1])
        assert overlap_x < 0 or overlap_y < 0, "two components drawn on top of each other"
    # No two nodes on the same spot, and neighbours nearer than strangers.
    d = np.hypot(*(pos[:, None, :] - pos[None, :, :]).transpose(2, 0, 1))
    assert d[np.triu_indices(len(pos), 1)].min() > 0.05
    edges = np.array(list(g.edges()))
    edge_len = np.median(d[edges[:, 0], edges[:, 1]])
    assert edge_len < 0.25 * np.median(d[np.triu_indices(len(pos), 1)])


def test_write_goes_through_atomic_write(tmp_path, monkeypatch):
    path = tmp_path / "g.html"
    path.write_text("old page", encoding="utf-8")

    def broken(data):
        raise RuntimeError("render failed")

    monkeypatch.setattr(view, "render_page", broken)
    with pytest.raises(RuntimeError):
        view.write_html(sample_graph(), path)
    assert path.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]


def test_export_passes_title_and_max_nodes_and_tolerates_other_options(tmp_path):
    path = export(sample_graph(), tmp_path / "graph.html", title="Corpus: knowledge graph", max_nodes=4, unrelated="x")
    page = path.read_text(encoding="utf-8")
    assert "<h1 id=\"kg-title\">Corpus: knowledge graph</h1>" in page
    assert "Showing the 4 most connected of 9 entities" in page


def test_summary_counts_and_build_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = tmp_path / "g.html"
    view.write_html(sample_graph(), path)
    summary = re.search(r'<p class="kg-summary" id="kg-summary">(.*?)</p>', path.read_text(encoding="utf-8")).group(1)
    assert htmllib.unescape(summary) == "9 entities · 9 relations · 2 documents (2017-06-16 – 2018-01-02) · built 2023-11-14 22:13 UTC"


@pytest.mark.parametrize("far", [False, True], ids=["cell-table", "sorted-keys"])
def test_near_pairs_finds_every_pair_closer_than_a_cell(far):
    from kg.export._layout import _near_pairs

    rng = np.random.default_rng(0)
    x, y = rng.random(300) * 12, rng.random(300) * 12
    if far:
        x[0] = 1e7  # so spread out that a table per grid cell would be huge
    i, j = _near_pairs(x, y, 1.0)
    found = set(zip(i.tolist(), j.tolist()))
    d = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    close = {(a, b) for a, b in zip(*np.nonzero(d < 1.0)) if a != b}
    assert close <= found
    assert all(a != b for a, b in found)
