"""The notebook API: kg.build and kg.to_pyvis (kg/api.py).

to_pyvis must show what graph.html shows (same view data) and keep article text as text: names
are drawn on a canvas, and the HTML tooltips pyvis hands to the browser are escaped.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import kg
from kg.export._viewdata import graph_data
from kg.graph import build_graph
from kg.model import ASSERTED, Document, Entity, Relation

ROOT = Path(__file__).resolve().parent.parent
XSS_NAME = "<script>alert(1)</script> Corp."
XSS_PERSON = '"><img src=x onerror=alert(2)>'
XSS_SENTENCE = "It said </script><b>bold</b> & <!-- more."


def _graph():
    entities = [
        Entity(XSS_NAME, XSS_NAME, "Organization", set(), {"d1"}, 2),
        Entity(XSS_PERSON, XSS_PERSON, "Person", {"<i>alias</i>"}, {"d1"}, 1),
        Entity("Acme", "Acme", "Organization", set(), {"d1"}, 1),
        Entity("Nobody", "Nobody", "Organization", set(), {"d1"}, 1),
    ]
    relations = [
        Relation(XSS_PERSON, "worksFor", XSS_NAME, "d1", XSS_SENTENCE, 0, len(XSS_SENTENCE), "t", 0.8, ASSERTED),
        Relation(XSS_NAME, "partnerOf", "Acme", "d1", "They partner.", 0, 13, "t", 0.7, ASSERTED),
    ]
    return build_graph(entities, relations, [Document("d1", "t", "/x/d1.txt", title="<em>Title</em>")])


def test_to_pyvis_draws_the_first_screen_of_the_page():
    graph = _graph()
    data = graph_data(graph)
    net = kg.to_pyvis(graph)
    assert sorted(n["id"] for n in net.nodes) == sorted(data["meta"]["overview"])
    by_id = {n["id"]: n for n in net.nodes}
    for i in data["meta"]["overview"]:
        assert (by_id[i]["x"], by_id[i]["y"]) == (data["nodes"][i]["x"], data["nodes"][i]["y"])
    assert len(net.edges) == len(data["edges"]) == 2
    assert "Nobody" not in {n["label"] for n in net.nodes}  # no relation: not on the first screen
    everything = kg.to_pyvis(graph, overview=False)
    assert {e["label"] for e in everything.edges} == {"worksFor", "partnerOf"}


def test_names_with_markup_stay_text_in_the_pyvis_output(tmp_path):
    net = kg.to_pyvis(_graph())
    labels = {n["label"] for n in net.nodes}
    assert {XSS_NAME, XSS_PERSON} <= labels  # canvas labels: drawn as the exact text
    titles = " ".join(n["title"] for n in net.nodes) + " ".join(e["title"] for e in net.edges)
    for raw in (XSS_NAME, XSS_PERSON, "<i>alias</i>", XSS_SENTENCE, "<em>Title</em>", "<script", "<img"):
        assert raw not in titles
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Corp." in titles
    assert "&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; &lt;!-- more." in titles
    path = tmp_path / "net.html"
    net.write_html(str(path))
    page = path.read_text(encoding="utf-8")
    # pyvis puts the data in a script as JSON with <, > and & escaped: nothing can end the block.
    for raw in (XSS_NAME, XSS_PERSON, "</script><b>", "<img src=x"):
        assert raw not in page
    block = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1)
    assert {XSS_NAME, XSS_PERSON} <= {n["label"] for n in json.loads(block)}


def test_build_rejects_a_folder_with_nothing_to_read(tmp_path):
    with pytest.raises(kg.BuildInputError, match=str(tmp_path)):
        kg.build([tmp_path])


@pytest.mark.slow
def test_build_then_pyvis_on_the_seed_articles():
    result = kg.build(ROOT / "seeds")
    assert len(result.documents) == len(list((ROOT / "seeds").glob("*.txt")))
    assert len(result.graph) > 100
    net = kg.to_pyvis(result)
    assert net.nodes and net.edges
    assert {n["label"] for n in net.nodes} <= {n["label"] for n in graph_data(result.graph)["nodes"]}


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Notebooks: the Python API")
    lines = readme[start:].splitlines()[2:]  # heading, blank line, then the indented block
    block = []
    for line in lines:
        if line.strip() and not line.startswith("    "):
            break
        block.append(line[4:])
    return "\n".join(block).strip() + "\n"


@pytest.mark.slow
def test_readme_notebook_example_runs_as_written(tmp_path, monkeypatch):
    example = _readme_example()
    assert "kg.build" in example and "kg.to_pyvis" in example
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Microsoft acquired LinkedIn in 2016.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    page = (tmp_path / "articles.html").read_text(encoding="utf-8")
    assert "Microsoft" in page and "LinkedIn" in page
