"""Saved queries, safe parameters, refused queries and the time limit of `kg query`."""
from __future__ import annotations

import json
import re
import time

import pytest
from kg_sample import DOCS, ENTITIES, RELATIONS as SAMPLE_RELATIONS, sample_graph
from rdflib import BNode, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.model import Entity, Relation
from kg.query import (
    QueryError,
    _execute,
    bind_params,
    format_rows,
    load_graph,
    parse_params,
    prepare,
    run_query,
    saved_queries,
    saved_query,
)
from kg.oxstore import query_file
from kg.vocab import KG

runner = CliRunner()
EVIL = 'Evil "Corp" } UNION { ?x ?y ?z } #'


@pytest.fixture(scope="module")
def graph() -> Graph:
    entities = [*ENTITIES, Entity(key="evil", label=EVIL, type="Organization", aliases=set(), docs={"d1"}, mentions=1)]
    relations = [*SAMPLE_RELATIONS, Relation("evil", "partnerOf", "amazon", "d1", "Evil Corp partners with Amazon.", 900, 930, "test:rule")]
    return sample_graph(entities, relations, DOCS)


@pytest.fixture(scope="module")
def graph_ttl(graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "g.ttl"
    graph.serialize(path, format="turtle")
    return path


def run_saved(graph: Graph, name: str, **params: str) -> tuple[list[str], list[list]]:
    q = saved_query(name)
    return run_query(graph, q.text, bindings=bind_params(params, q.params, q.text, name), timeout=None)


def rows_as_text(rows) -> list[tuple]:
    return [tuple(None if v is None else str(v) for v in row) for row in rows]


# ----------------------------------------------------------------- saved queries


def test_saved_queries_have_headers_and_declared_parameters():
    queries = saved_queries()
    assert {"partners", "ownership", "people", "facts-by-document", "facts-by-date", "most-connected", "evidence"} <= set(queries)
    for q in queries.values():
        assert q.text.startswith("# ") and len(q.description) > 20, q.name
        for p in q.params:
            assert re.search(rf"\?{p.name}\b", q.text), f"{q.name}: ?{p.name} not used"
        prepare(q.text)  # valid and allowed


def _term(t) -> tuple:
    if t is None:
        return None
    if isinstance(t, bool):
        return ("L", "true" if t else "false", "http://www.w3.org/2001/XMLSchema#boolean")
    if isinstance(t, Literal):
        dt = "" if t.language else str(t.datatype or "http://www.w3.org/2001/XMLSchema#string")
        return ("L", str(t), dt)
    if isinstance(t, BNode):
        return ("B",)
    return ("I", str(t))


def run_oxigraph(path, text: str, bindings: dict) -> tuple[list[str], list]:
    """The same query through `kg query`'s engine: Oxigraph over the graph file, VALUES-bound."""
    columns, rows = query_file(path, text, bindings=bindings, timeout=None, cache=False)
    return columns, [[_term(v) for v in row] for row in rows]


def _sort_joined(rows: list) -> list:
    return [[(t[0], "; ".join(sorted(t[1].split("; "))), t[2]) if t and t[0] == "L" else t for t in row] for row in rows]


CASES = [
    ("partners", {"entity": "Amazon"}),
    ("partners", {"entity": "TikTok Inc"}),
    ("partners", {"entity": EVIL}),
    ("partners", {"entity": "Nobody"}),
    ("ownership", {}),
    ("ownership", {"owner": "ByteDance"}),
    ("people", {}),
    ("people", {"organization": "TikTok"}),
    ("facts-by-document", {}),
    ("facts-by-document", {"document": "news/d1.txt"}),
    ("facts-by-document", {"document": "Year in review"}),
    ("facts-by-date", {"date": "2024"}),
    ("facts-by-date", {"date": "2024-11"}),
    ("most-connected", {}),
    ("evidence", {"subject": "Amazon", "relation": "partnerOf", "object": "TikTok"}),
    ("evidence", {"subject": "TikTok", "relation": "partnerOf", "object": "Amazon"}),
    ("evidence", {"subject": "Amazon", "object": "TikTok"}),
]


@pytest.mark.parametrize("name,params", CASES, ids=[f"{n}-{'-'.join(p.values()) or 'all'}"[:40] for n, p in CASES])
def test_saved_queries_give_the_same_rows_in_rdflib_and_oxigraph(graph, graph_ttl, name, params):
    q = saved_query(name)
    bindings = bind_params(params, q.params, q.text, name)
    columns, rows = run_query(graph, q.text, bindings=bindings, timeout=None)
    ox_columns, ox_rows = run_oxigraph(graph_ttl, q.text, bindings)
    assert columns == ox_columns
    mine = [[_term(v) for v in row] for row in rows]
    if name == "people":  # GROUP_CONCAT joins the titles in no set order
        mine, ox_rows = _sort_joined(mine), _sort_joined(ox_rows)
    assert sorted(mine, key=repr) == sorted(ox_rows, key=repr)
    if "ORDER BY" in q.text:
        assert mine == ox_rows  # same order too
    if params.get("entity") != "Nobody":
        assert rows, f"{name} {params} found nothing in the sample graph"


def test_saved_query_answers(graph):
    _, rows = run_saved(graph, "evidence", subject="Amazon", relation="partnerOf", object="TikTok")
    sentences = {str(r[-1]) for r in rows}
    assert sentences == {"Amazon announced a partnership with TikTok.", "TikTok's deal with Amazon lets users shop in the app."}
    _, rows = run_saved(graph, "evidence", subject="Amazon", object="TikTok")
    assert {(str(r[0]), str(r[1])) for r in rows} >= {("Amazon acquired TikTok", "hedged"), ("Amazon owns TikTok", "negated")}
    _, rows = run_saved(graph, "partners", entity="Amazon")
    assert rows_as_text(rows) == [("TikTok", "Organization", "2"), (EVIL, "Organization", "1")]
    _, rows = run_saved(graph, "ownership", owner="ByteDance")
    assert rows_as_text(rows) == [("ByteDance", "Musical.ly", "true"), ("ByteDance", "TikTok", "true"), ("ByteDance", "TikTok Shop", "false")]
    _, rows = run_saved(graph, "people")
    assert rows_as_text(rows) == [("Andy Jassy", "Amazon", "chief executive"), ("Shou Chew", "TikTok", "CEO")]
    _, rows = run_saved(graph, "facts-by-date", date="2024-11")
    assert {str(r[1]) for r in rows} == {"news/d1.txt"}
    _, rows = run_saved(graph, "most-connected")
    assert [str(v) for v in rows[0]] == ["Amazon", "Organization", "7"]


# ----------------------------------------------------------------- parameters


def test_parameters_are_bound_as_literals_never_as_query_text(graph):
    # the hostile value is a label like any other: it matches its entity and nothing else
    _, rows = run_saved(graph, "partners", entity=EVIL)
    assert rows_as_text(rows) == [("Amazon", "Organization", "1")]
    _, rows = run_saved(graph, "partners", entity='Amazon" } UNION { ?p ?q ?r } #')
    assert rows == []
    columns, rows = run_query(graph, "SELECT ?s WHERE { ?s rdfs:label ?name }", bindings=bind_params({"name": "Amazon"}, None, "?name"), timeout=None)
    assert rows_as_text(rows) == [("https://example.org/kg/id/Amazon",)]


def test_parameter_errors_are_one_line():
    partners = saved_query("partners")
    evidence = saved_query("evidence")
    for call, words in [
        (lambda: bind_params({}, partners.params, partners.text, "partners"), "needs --param entity=VALUE"),
        (lambda: bind_params({"entity": "x", "who": "y"}, partners.params, partners.text, "partners"), "no parameter 'who'"),
        (lambda: bind_params({"subject": "a", "object": "b", "relation": "likes"}, evidence.params, evidence.text, "evidence"), "must be one of partnerOf"),
        (lambda: bind_params({"nope": "x"}, None, "SELECT * WHERE { ?s ?p ?o }"), r"no variable \?nope"),
        (lambda: parse_params(["entity"]), "NAME=VALUE"),
        (lambda: parse_params(["a=1", "a=2"]), "given twice"),
        (lambda: saved_query("nonesuch"), "no saved query 'nonesuch'"),
    ]:
        with pytest.raises(QueryError, match=words) as info:
            call()
        assert "\n" not in str(info.value)
    assert parse_params(["entity=A=B \"x\""]) == {"entity": 'A=B "x"'}
    assert bind_params({"relation": "owns", "subject": "a", "object": "b"}, evidence.params, evidence.text, "evidence")["relation"] == KG.owns


# ----------------------------------------------------------------- refused queries


REFUSED = [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "updates"),
    ("DELETE WHERE { ?s ?p ?o }", "updates"),
    ("LOAD <file:///etc/passwd>", "updates"),
    ("CLEAR ALL", "updates"),
    ("DROP GRAPH <urn:g>", "updates"),
    ("SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }", "SERVICE is refused"),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SELECT ?x WHERE { SERVICE SILENT <http://x/> { ?x ?y ?z } } } }", "SERVICE is refused"),
    ("SELECT * FROM <file:///etc/hosts> WHERE { ?s ?p ?o }", "FROM / FROM NAMED are refused"),
    ("select * from named <http://example.com/g> where { graph ?g { ?s ?p ?o } }", "FROM / FROM NAMED are refused"),
    ("ASK FROM <http://example.com/> { ?s ?p ?o }", "FROM / FROM NAMED are refused"),
    ("SELECT * WHERE { ?s ?p }", "not a valid SPARQL query"),
]


@pytest.mark.parametrize("text,words", REFUSED)
def test_refused_queries_get_a_clear_one_line_error(graph, text, words):
    with pytest.raises(QueryError, match=re.escape(words)) as info:
        run_query(graph, text, timeout=None)
    assert "\n" not in str(info.value)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib Dataset internals
def test_from_file_is_never_loaded(tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:secret> <urn:is> 'leaked' .\n", encoding="utf-8")
    graph = sample_graph()
    before = len(graph)
    text = f"SELECT ?o FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}"
    with pytest.raises(QueryError, match="FROM"):
        run_query(graph, text, timeout=None)
    assert len(graph) == before
    # second line of defence: even a query that skipped the vetting, run on a Dataset (where
    # rdflib would load FROM graphs by default), does not load the file
    from rdflib import Dataset
    from rdflib.plugins.sparql import prepareQuery

    dataset = Dataset()
    dataset.add((URIRef("urn:a"), URIRef("urn:b"), Literal("c")))
    _, rows = _execute(dataset, prepareQuery(text), None)
    assert "leaked" not in {str(r[0]) for r in rows}
    assert len(dataset) == 1


def test_a_slow_query_is_stopped_at_its_time_limit(graph):
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    start = time.monotonic()
    with pytest.raises(QueryError, match=r"timed out after 0.5 s"):
        run_query(graph, cross, timeout=0.5)
    assert time.monotonic() - start < 5
    # and a quick query under a limit comes back from the child process intact
    columns, rows = run_query(graph, "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l LIMIT 2", timeout=10)
    assert columns == ["l"] and len(rows) == 2 and isinstance(rows[0][0], Literal)
    with pytest.raises(QueryError, match="query failed"):
        run_query(graph, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=10)


def test_ask_and_construct(graph):
    assert run_query(graph, "ASK { ?a kg:partnerOf ?b }", timeout=None) == (["ask"], [[True]])
    columns, rows = run_query(graph, "CONSTRUCT { ?b kg:partnerOf ?a } WHERE { ?a kg:partnerOf ?b }", timeout=None)
    assert columns == ["s", "p", "o"] and len(rows) == 3


# ----------------------------------------------------------------- files, output, CLI


def test_load_graph_merges_named_graphs(graph, tmp_path):
    from kg.export import export

    path = export(graph, tmp_path / "g.trig")
    assert set(load_graph(path)) == set(graph)
    with pytest.raises(QueryError, match="no such file"):
        load_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(QueryError, match="cannot parse as turtle"):
        load_graph(bad)


def test_table_output_uses_prefixes_and_keeps_the_last_column_whole(graph):
    long = "word " * 30
    text = format_rows(["s", "sentence"], [[URIRef("https://example.org/kg/id/Amazon"), Literal(long + "\nend")]], "table", graph=graph)
    lines = text.splitlines()
    assert lines[2].startswith("e:Amazon") and lines[2].endswith("word end")
    assert json.loads(format_rows(["a"], [[None]], "json")) == [{"a": None}]
    assert format_rows(["a", "b"], [[Literal("x,y"), None]], "csv") == 'a,b\n"x,y",'


@pytest.fixture()
def graph_file(graph, tmp_path):
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    return path


def test_cli_saved_query_with_params(graph_file):
    res = runner.invoke(app, ["query", str(graph_file), "--name", "evidence", "--param", "subject=Amazon", "-p", "relation=partnerOf", "-p", "object=TikTok", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert {r["sentence"] for r in rows} == {"Amazon announced a partnership with TikTok.", "TikTok's deal with Amazon lets users shop in the app."}
    listing = runner.invoke(app, ["query", "--list"])
    assert listing.exit_code == 0
    for name in saved_queries():
        assert re.search(rf"^{re.escape(name)}$", listing.stdout, re.M)
    assert "--param entity" in listing.stdout


def test_cli_sparql_text_and_rq_file_still_work(graph_file, tmp_path):
    res = runner.invoke(app, ["query", str(graph_file), "SELECT ?l WHERE { ?s a kg:Person ; rdfs:label ?l } ORDER BY ?l", "-f", "csv"])
    assert res.exit_code == 0 and res.stdout.splitlines() == ["l", "Andy Jassy", "Shou Chew"]
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?l WHERE { ?s a kg:Place ; rdfs:label ?l } ORDER BY ?l", encoding="utf-8")
    res = runner.invoke(app, ["query", str(graph_file), str(rq), "-f", "csv", "--timeout", "5"])
    assert res.exit_code == 0 and res.stdout.splitlines() == ["l", "Seattle", "Singapore"]
    res = runner.invoke(app, ["query", str(graph_file), "SELECT ?s WHERE { ?s rdfs:label ?name }", "-p", "name=Seattle", "-f", "csv"])
    assert res.exit_code == 0 and res.stdout.splitlines() == ["s", "https://example.org/kg/id/Seattle"]


@pytest.mark.parametrize(
    "args,words",
    [
        (["query"], "missing GRAPH"),
        (["query", "{g}"], "missing query"),
        (["query", "{g}", "SELECT * WHERE {{}}", "--name", "partners"], "not both"),
        (["query", "{g}", "--name", "partners"], "needs --param entity"),
        (["query", "{g}", "DELETE WHERE {{ ?s ?p ?o }}"], "read-only"),
        (["query", "{g}", "SELECT * WHERE {{ SERVICE <http://x/> {{ ?s ?p ?o }} }}"], "SERVICE"),
        (["query", "{g}", "missing.rq"], "no such query file"),
        (["query", "{g}", "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }}", "--timeout", "0.3"], "timed out"),
    ],
)
def test_cli_errors_are_one_line(graph_file, args, words):
    res = runner.invoke(app, [a.format(g=graph_file) for a in args])
    assert res.exit_code == 1, res.output
    assert res.stderr.startswith("error: ") and words in res.stderr and res.stderr.strip().count("\n") == 0, res.stderr
