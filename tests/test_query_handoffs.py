"""Query hand-offs (issue 14): saved queries with parameters against an endpoint, credentials,
case-insensitive entity parameters, true error positions, typed JSON, CONSTRUCT as RDF."""
from __future__ import annotations

import base64
import json
import urllib.parse

from types import SimpleNamespace

import pytest
from kg_sample import sample_graph
from rdflib import Graph, Literal, URIRef
from test_reliability_query import Listener
from typer.testing import CliRunner

from kg.cli import app
from kg.endpoint import EndpointError, push_graph, query_endpoint, run_endpoint
from kg.query import saved_query
from kg.query_output import format_rows, json_value
from kg.sparql_vet import QueryError, bind_values, vet

XSD = "http://www.w3.org/2001/XMLSchema#"
EMPTY = b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}'


@pytest.fixture(scope="module")
def ttl(tmp_path_factory):
    path = tmp_path_factory.mktemp("g") / "g.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


@pytest.fixture()
def listener():
    server = Listener(answer=EMPTY)
    yield server
    server.close()


def run_kg(*args: str) -> SimpleNamespace:
    """`kg ARGS` in this process (CliRunner): exit code, stdout and stderr apart."""
    res = CliRunner().invoke(app, list(args))
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception
    return SimpleNamespace(returncode=res.exit_code, stdout=res.stdout, stderr=res.stderr)


def sent_query(request: dict) -> str:
    return urllib.parse.parse_qs(request["body"])["query"][0]


# --------------------------------------------------------------------------- endpoint parameters


def test_saved_query_parameters_reach_the_endpoint_as_values(listener):
    hostile = 'Amazon" } UNION { ?s ?p ?o } #'
    text = saved_query("partners").text
    run_endpoint(listener.url + "/query", text, entities={"entity": hostile}, timeout=5)
    main = sent_query(listener.requests[-1])
    assert main.count("VALUES ?entity") == 1
    # the value is one escaped literal inside the VALUES block: never query text
    assert '"Amazon\\" } UNION { ?s ?p ?o } #"' in main
    vet(main)  # what was sent parses and passes the vetting on its own


def test_endpoint_queries_get_the_default_prefixes(listener):
    query_endpoint(listener.url + "/query", "SELECT ?l WHERE { ?e a kg:Person ; rdfs:label ?l }")
    sent = sent_query(listener.requests[0])
    assert "PREFIX kg: <https://example.org/kg/ontology#>" in sent
    assert "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>" in sent
    # a prefix the query declares itself is left alone
    query_endpoint(listener.url + "/query", "PREFIX kg: <urn:mine#> SELECT * WHERE { ?s kg:p ?o }")
    assert "ontology#" not in sent_query(listener.requests[1])


def test_cli_endpoint_saved_query_with_params(listener):
    proc = run_kg("query", "--endpoint", listener.url + "/query", "--name", "evidence",
                  "-p", "subject=Amazon", "-p", "relation=partnerOf", "-p", "object=TikTok")
    assert proc.returncode == 0, proc.stderr
    main = sent_query(listener.requests[-1])
    assert "VALUES ?relation { <https://example.org/kg/ontology#partnerOf> }" in main
    assert "VALUES ?subject" in main and "VALUES ?object" in main
    assert "did you mean" not in proc.stderr or "no entity" in proc.stderr


# --------------------------------------------------------------------------- credentials


def _auth_listener(echo: str = "Basic dXNlcjpzM2NyZXQ= s3cret") -> Listener:
    """A server that refuses and echoes the credentials back in its error body."""
    return Listener(answer=f"denied: Authorization was {echo}".encode(), status=403)


@pytest.mark.parametrize("env,expected", [
    ({"KG_ENDPOINT_USER": "user", "KG_ENDPOINT_PASSWORD": "s3cret"},
     "Basic " + base64.b64encode(b"user:s3cret").decode()),
    ({"KG_ENDPOINT_TOKEN": "tok-XYZ"}, "Bearer tok-XYZ"),
])
def test_credentials_come_from_the_environment_and_are_never_echoed(env, expected, tmp_path,
                                                                    monkeypatch):
    for key in ("KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD", "KG_ENDPOINT_TOKEN"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    server = _auth_listener(expected + " " + " ".join(env.values()))
    graph = tmp_path / "g.ttl"
    sample_graph().serialize(graph, format="turtle")
    try:
        push = run_kg("push", str(graph), "--endpoint", server.url + "/store")
        query = run_kg("query", "--endpoint", server.url + "/query", "ASK { ?s ?p ?o }")
        for proc in (push, query):
            assert proc.returncode == 1 and "HTTP 403" in proc.stderr
            assert "KG_ENDPOINT_" in proc.stderr  # says where credentials come from
            secrets = [v for k, v in env.items() if k != "KG_ENDPOINT_USER"]
            for secret in [*secrets, expected.split()[1]]:
                assert secret in server.answer.decode()  # the server did echo it
                assert secret not in proc.stderr + proc.stdout, proc.stderr
        assert [r["headers"].get("Authorization") for r in server.requests] == [expected] * 2
    finally:
        server.close()


def test_url_credentials_are_stripped_and_redacted(monkeypatch):
    for key in ("KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD", "KG_ENDPOINT_TOKEN"):
        monkeypatch.delenv(key, raising=False)
    server = _auth_listener()
    try:
        url = f"http://user:s3cret@127.0.0.1:{server.port}/query"
        with pytest.raises(EndpointError) as info:
            query_endpoint(url, "ASK { ?s ?p ?o }", timeout=5)
        assert "s3cret" not in str(info.value) and "user:" not in str(info.value)
        assert server.requests[0]["headers"]["Authorization"].startswith("Basic ")
    finally:
        server.close()


def test_token_and_user_together_are_refused(monkeypatch, listener):
    monkeypatch.setenv("KG_ENDPOINT_TOKEN", "tok-XYZ")
    monkeypatch.setenv("KG_ENDPOINT_USER", "user")
    with pytest.raises(EndpointError, match="not both") as info:
        query_endpoint(listener.url + "/query", "ASK { ?s ?p ?o }")
    assert "tok-XYZ" not in str(info.value) and listener.requests == []


def test_credentials_are_not_carried_to_another_host(monkeypatch):
    import http.server
    import threading

    monkeypatch.setenv("KG_ENDPOINT_TOKEN", "tok-XYZ")
    elsewhere = Listener(answer=b'{"head": {}, "boolean": true}')

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)  # to another port: another origin
            self.send_header("Location", f"http://127.0.0.1:{elsewhere.port}/query")
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args) -> None:
            pass

    origin = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=origin.serve_forever, daemon=True).start()
    try:
        try:
            url = f"http://127.0.0.1:{origin.server_address[1]}/query"
            query_endpoint(url, "ASK {}", timeout=5)
        except EndpointError:
            pass  # the redirected request may be refused: what matters is what it carried
        assert all("Authorization" not in r["headers"] for r in elsewhere.requests)
    finally:
        origin.shutdown()
        origin.server_close()
        elsewhere.close()


# --------------------------------------------------------------------------- entity parameters


@pytest.mark.parametrize("value", ["amazon", "AMAZON", "Amazon"])
def test_entity_parameters_ignore_case(ttl, value):
    proc = run_kg("query", str(ttl), "--name", "partners", "-p", f"entity={value}", "-f", "csv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1:] == ["TikTok,Organization,2"]
    assert proc.stderr == ""


def test_no_match_says_did_you_mean(ttl):
    proc = run_kg("query", str(ttl), "--name", "partners", "-p", "entity=Amazn", "-f", "csv")
    assert proc.returncode == 0 and proc.stdout.splitlines() == ["partner,type,sentences"]
    assert "did you mean 'Amazon'" in proc.stderr and proc.stderr.count("\n") == 1
    proc = run_kg("query", str(ttl), "--name", "partners", "-p", "entity=Qwxz", "-f", "csv")
    assert "no entity has this label or alias" in proc.stderr and "did you mean" not in proc.stderr


def test_plain_string_parameters_stay_exact(ttl):
    proc = run_kg("query", str(ttl), "SELECT ?s WHERE { ?s rdfs:label ?name }", "-p", "name=amazon")
    assert proc.returncode == 0 and "Amazon" not in proc.stdout


# --------------------------------------------------------------------------- error positions


@pytest.mark.parametrize("text,line,column", [
    ("SELECT ?l WHERE {\n  ?s rdfs:label ?l .\n  ?s kg:mentionCount\n}", 4, 1),
    ("# a comment\n# another\nSELECT ?x WHERE { ?x a kg:Person } LIMIT", 3, 41),
])
def test_syntax_errors_point_at_the_query_as_written(ttl, text, line, column):
    proc = run_kg("query", str(ttl), text)
    assert proc.returncode == 1
    assert f"line {line}, column {column}:" in proc.stderr, proc.stderr
    assert proc.stderr.count("\n") == 1


def test_an_unknown_prefix_is_named(ttl):
    proc = run_kg("query", str(ttl), "SELECT ?x WHERE { ?x foo:bar ?y }")
    assert proc.returncode == 1 and "unknown prefix 'foo:'" in proc.stderr


def test_endpoint_syntax_errors_too(listener):
    with pytest.raises(EndpointError, match="line 2, column 16:"):
        query_endpoint(listener.url + "/query", "SELECT *\nWHERE { ?s ?p }")
    assert listener.requests == []


def test_values_are_bound_on_the_brace_line():
    text = "SELECT ?l\nWHERE {\n  ?s rdfs:label ?l ; rdfs:label ?name\n}"
    bound = bind_values(text, {"name": Literal("A")})
    assert bound.count("\n") == text.count("\n")
    with pytest.raises(QueryError, match="WHERE"):
        bind_values("DESCRIBE <http://example.org/x>", {"x": Literal("a")})


# --------------------------------------------------------------------------- output


def test_json_numbers_and_booleans_are_typed():
    assert json_value(Literal(3)) == 3
    assert json_value(Literal("0.50", datatype=URIRef(XSD + "decimal"))) == 0.5
    assert json_value(Literal("1.5E2", datatype=URIRef(XSD + "double"))) == 150.0
    nan = json_value(Literal("NaN", datatype=URIRef(XSD + "double")))
    assert str(nan).lower() == "nan"  # JSON has no NaN: kept as text
    assert json_value(Literal("12", datatype=URIRef(XSD + "nonNegativeInteger"))) == 12
    ill_typed = Literal("abc", datatype=URIRef(XSD + "integer"))
    assert json_value(ill_typed) == "abc"  # kept as written
    assert json_value(Literal(True)) is True
    assert json_value(Literal("false", datatype=URIRef(XSD + "boolean"))) is False
    assert json_value(Literal("2024-11-17", datatype=URIRef(XSD + "date"))) == "2024-11-17"
    assert json_value(URIRef("urn:x")) == "urn:x" and json_value(None) is None
    assert json.loads(format_rows(["ask"], [[True]], "json")) == [{"ask": True}]


def test_cli_json_has_numbers(ttl):
    text = "SELECT ?e ?n ?c WHERE { ?e kg:mentionCount ?n . ?r kg:confidence ?c } LIMIT 1"
    proc = run_kg("query", str(ttl), text, "-f", "json")
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)[0]
    assert isinstance(row["n"], int) and isinstance(row["c"], float) and isinstance(row["e"], str)


def test_construct_and_describe_are_written_as_rdf(ttl):
    construct = "CONSTRUCT { ?b kg:partnerOf ?a } WHERE { ?a kg:partnerOf ?b }"
    proc = run_kg("query", str(ttl), construct)
    assert proc.returncode == 0, proc.stderr
    turtle = Graph().parse(data=proc.stdout, format="turtle")
    assert len(turtle) >= 2 and "@prefix kg:" in proc.stdout
    proc = run_kg("query", str(ttl), construct, "--format", "ntriples")
    assert set(Graph().parse(data=proc.stdout, format="nt")) == set(turtle)
    proc = run_kg("query", str(ttl), "DESCRIBE e:Amazon")
    assert proc.returncode == 0 and len(Graph().parse(data=proc.stdout, format="turtle")) > 3
    bad = run_kg("query", str(ttl), construct, "--format", "csv")
    assert bad.returncode == 1 and "turtle or ntriples" in bad.stderr
    bad = run_kg("query", str(ttl), "SELECT * WHERE { ?s ?p ?o }", "--format", "turtle")
    assert bad.returncode == 1 and "table, csv or json" in bad.stderr


def test_push_sends_credentials(monkeypatch, tmp_path, listener):
    monkeypatch.setenv("KG_ENDPOINT_TOKEN", "tok-XYZ")
    graph = tmp_path / "g.ttl"
    sample_graph().serialize(graph, format="turtle")
    push_graph(graph, listener.url + "/store")
    assert listener.requests[0]["method"] == "PUT"
    assert listener.requests[0]["headers"]["Authorization"] == "Bearer tok-XYZ"
