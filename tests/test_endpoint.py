"""kg push / query_endpoint against a real Oxigraph server on 127.0.0.1 (skipped if absent)."""
from __future__ import annotations

import json

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from conftest import run_kg
from kg.endpoint import EndpointError, graph_store_url, push_graph, query_endpoint

EX = Namespace("https://example.org/kg/id/")
KG = Namespace("https://example.org/kg/ontology#")


def _oxigraph() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"  # the `oxigraph` PyPI package ships the server
    return str(local) if local.exists() else shutil.which("oxigraph")


pytestmark = pytest.mark.skipif(_oxigraph() is None, reason="oxigraph server not installed (pip install oxigraph)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A fresh in-memory Oxigraph per test, stopped afterwards."""
    port = _free_port()
    proc = subprocess.Popen([_oxigraph(), "serve", "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"oxigraph exited: {proc.stderr.read().decode()[:300]}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _graph(tmp_path, name="g.ttl", extra=()) -> tuple[Graph, Path]:
    g = Graph()
    g.bind("kg", KG)
    g.add((EX.Acme, RDF.type, KG.Organization))
    g.add((EX.Acme, RDFS.label, Literal("Acme Corp")))
    g.add((EX.Acme, RDFS.label, Literal("Acmé", lang="fr")))
    g.add((EX.Acme, KG.mentionCount, Literal(3)))
    g.add((EX.Globex, RDF.type, KG.Organization))
    g.add((EX.Globex, RDFS.label, Literal("Globex \"the big one\"\nLtd")))
    g.add((EX.Acme, KG.partnerOf, EX.Globex))
    for t in extra:
        g.add(t)
    path = tmp_path / name
    g.serialize(path, format="turtle")
    return g, path


def _count(base: str, where: str = "?s ?p ?o") -> int:
    _, rows = query_endpoint(base + "/query", f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(rows[0][0])


@pytest.mark.slow  # starts a server
def test_push_then_query_gives_local_answers(server, tmp_path):
    g, path = _graph(tmp_path)
    push_graph(path, server + "/store")
    assert _count(server) == len(g)
    q = "SELECT ?s ?label WHERE { ?s a <https://example.org/kg/ontology#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?s ?label"
    cols, remote = query_endpoint(server + "/query", q)
    res = g.query(q)  # rdflib locally: what kg.query.run_query returns for a file
    lcols, local = [str(v) for v in res.vars], [list(r) for r in res]
    assert cols == lcols == ["s", "label"]
    assert sorted(map(tuple, remote)) == sorted(map(tuple, local))  # same terms: IRIs, language tags, escapes
    cols, rows = query_endpoint(server + "/query", "SELECT ?n ?missing WHERE { ?s <https://example.org/kg/ontology#mentionCount> ?n OPTIONAL { ?s <urn:x> ?missing } }")
    assert rows == [[Literal(3, datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")), None]]
    assert query_endpoint(server + "/query", "ASK { ?a <https://example.org/kg/ontology#partnerOf> ?b }") == (["ask"], [[True]])
    cols, rows = query_endpoint(server + "/query", "CONSTRUCT { ?b ?p ?a } WHERE { ?a ?p ?b FILTER(?p = <https://example.org/kg/ontology#partnerOf>) }")
    assert cols == ["s", "p", "o"] and rows == [[EX.Globex, KG.partnerOf, EX.Acme]]


@pytest.mark.slow  # starts a server
def test_put_replaces_post_adds_named_graphs_are_separate(server, tmp_path):
    g, path = _graph(tmp_path)
    store = server + "/store"
    push_graph(path, store)
    push_graph(path, store)  # PUT twice: still one copy
    assert _count(server) == len(g)
    _, more = _graph(tmp_path, "more.ttl", extra=[(EX.Initech, RDF.type, KG.Organization)])
    push_graph(more, store, replace=False)
    assert _count(server) == len(g) + 1
    push_graph(path, store, graph="https://example.org/graphs/news")
    assert _count(server, "GRAPH <https://example.org/graphs/news> { ?s ?p ?o }") == len(g)
    assert _count(server) == len(g) + 1  # the default graph is untouched


@pytest.mark.slow  # starts a server
def test_cli_push(server, tmp_path):
    g, path = _graph(tmp_path)
    proc = run_kg("push", str(path), "--endpoint", server + "/store")
    assert proc.returncode == 0, proc.stderr
    assert "loaded" in proc.stderr and _count(server) == len(g)


def test_cli_query_endpoint(server, tmp_path):
    g, path = _graph(tmp_path)
    assert run_kg("push", str(path), "--endpoint", server + "/store").returncode == 0
    proc = run_kg("query", "--endpoint", server + "/query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert int(json.loads(proc.stdout)[0]["n"]) == len(g)
    refused = run_kg("query", "--endpoint", server + "/query", "DELETE WHERE { ?s ?p ?o }")
    assert refused.returncode != 0 and "refused" in refused.stderr and "Traceback" not in refused.stderr


@pytest.mark.slow  # starts a server
def test_errors_are_one_line(server, tmp_path):
    _, path = _graph(tmp_path)
    with pytest.raises(EndpointError, match="HTTP 4"):
        query_endpoint(server + "/query-nowhere", "SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(EndpointError, match="refused|not a valid SPARQL"):
        query_endpoint(server + "/query", "DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(EndpointError, match="SERVICE"):
        query_endpoint(server + "/query", "SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(EndpointError, match="HTTP 400"):
        push_graph(bad, server + "/store")
    port = _free_port()
    proc = run_kg("push", str(path), "--endpoint", f"http://127.0.0.1:{port}/store")
    assert proc.returncode == 1 and proc.stderr.startswith("error: cannot reach")
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = run_kg("push", str(tmp_path / "missing.ttl"), "--endpoint", server + "/store")
    assert proc.returncode == 1 and "no such file" in proc.stderr


def test_graph_store_url(tmp_path):
    assert graph_store_url("http://h/store") == "http://h/store?default"
    assert graph_store_url("http://h/store", "https://e.org/g?x=1") == "http://h/store?graph=https%3A%2F%2Fe.org%2Fg%3Fx%3D1"
    assert graph_store_url("http://h/ds?x=1", None) == "http://h/ds?x=1&default"
    with pytest.raises(EndpointError, match="not an http"):
        push_graph(_graph(tmp_path)[1], "file:///tmp/x")


@pytest.mark.slow  # starts a server and runs kg ten times
def test_saved_queries_with_parameters_give_the_file_answers(server, tmp_path):
    """The main interface survives scaling out: saved queries, parameters (entity ones
    ignoring case) and RDF output give over a server what they give over the file."""
    from kg_sample import sample_graph

    path = tmp_path / "sample.ttl"
    sample_graph().serialize(path, format="turtle")
    assert run_kg("push", str(path), "--endpoint", server + "/store").returncode == 0
    for args in (["--name", "partners", "-p", "entity=amazon"],
                 ["--name", "evidence", "-p", "subject=AMAZON", "-p", "relation=partnerOf",
                  "-p", "object=tiktok"],
                 ["--name", "facts-by-date", "-p", "date=2024-11"]):
        local = run_kg("query", str(path), *args, "-f", "json")
        remote = run_kg("query", "--endpoint", server + "/query", *args, "-f", "json")
        assert local.returncode == remote.returncode == 0, remote.stderr
        rows = json.loads(remote.stdout)
        assert rows and sorted(map(str, rows)) == sorted(map(str, json.loads(local.stdout)))
    construct = "CONSTRUCT { ?b kg:partnerOf ?a } WHERE { ?a kg:partnerOf ?b }"
    remote = run_kg("query", "--endpoint", server + "/query", construct)
    local = run_kg("query", str(path), construct)
    assert remote.returncode == 0, remote.stderr
    assert set(Graph().parse(data=remote.stdout, format="turtle")) == set(
        Graph().parse(data=local.stdout, format="turtle"))
    missing = run_kg("query", "--endpoint", server + "/query", "--name", "partners",
                     "-p", "entity=Amazn")
    assert missing.returncode == 0 and "did you mean 'Amazon'" in missing.stderr
