"""`kg query` under attack and accident (issue 15): hostile queries never reach the network or
other files, a killed `kg query` leaves no query process behind, memory is capped with a
one-line error, and `--endpoint` time limits reach the server.

The hostile queries are sent at a loopback HTTP listener (127.0.0.1, a port chosen by the OS)
that must see zero requests.
"""
from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from kg_sample import sample_graph

from conftest import kg_executable, run_kg
from kg.endpoint import EndpointError, query_endpoint
from kg.oxstore import query_file
from kg.sparql_vet import QueryError, vet

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


class Listener:
    """A loopback HTTP server recording every request (method, path, headers, body)."""

    def __init__(self, answer: bytes = b'{"head": {"vars": []}, "results": {"bindings": []}}',
                 status: int = 200, delay: float = 0.0) -> None:
        self.requests: list[dict] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
                owner.requests.append({"method": self.command, "path": self.path,
                                       "headers": dict(self.headers), "body": body})
                time.sleep(delay)
                self.send_response(status)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(owner.answer)))
                self.end_headers()
                try:
                    self.wfile.write(owner.answer)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up first (the time-limit tests want exactly that)

            do_GET = do_POST = do_PUT = do_HEAD = _any

            def log_message(self, *args) -> None:
                pass

        self.answer = answer
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("g") / "g.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


def hostile(url: str) -> list[str]:
    """SERVICE calls to `url` hidden every way the old keyword regex could be fooled."""
    leak = f"<{url}/leak>"
    return [
        # `\#` is an escape inside a prefixed name, not a comment
        f"PREFIX ex: <http://ex.invalid/> SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ ?s ex:a\\# ?z }}"
        f" SERVICE {leak} {{ ?a ?b ?c }} }}",
        f"PREFIX ex: <http://ex.invalid/> SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ ?s ex:a\\# ?z }}\n"
        f" SERVICE {leak} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o . \\u0053ERVICE {leak} {{ ?a ?b ?c }} }}",  # unicode escape
        f"SELECT * WHERE {{ ?s ?p ?o }} # \\u000a SERVICE {leak} {{ ?a ?b ?c }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE SILENT {leak} {{ ?a ?b ?c }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?a WHERE {{ SERVICE {leak} {{ ?a ?b ?c }} }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ MINUS {{ SERVICE {leak} {{ ?a ?b ?c }} }} }}"
        " }",
        f"ASK {{ OPTIONAL {{ service {leak} {{ ?a ?b ?c }} }} }}",
        f"CONSTRUCT {{ ?a ?b ?c }} WHERE {{ SERVICE {leak} {{ ?a ?b ?c }} }}",
        f'SELECT * WHERE {{ ?s ?p "\\u0022 }} SERVICE {leak} {{ ?a ?b ?c }} #" }}',
        f"SELECT * FROM {leak} WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED {leak} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"LOAD {leak}",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE {leak} {{ ?s ?p ?o }} }}",
    ]


def test_hostile_queries_on_a_file_send_no_request(listener, ttl, tmp_path):
    texts = hostile(listener.url)
    for text in texts:
        with pytest.raises(QueryError) as info:
            query_file(ttl, text, timeout=10, cache=False)
        assert "\n" not in str(info.value)
    for i, text in enumerate(texts[:3]):  # through the CLI, as text and as a shared .rq file
        rq = tmp_path / f"shared-{i}.rq"
        rq.write_text(text, encoding="utf-8")
        for query in (text, str(rq)):
            proc = run_kg("query", str(ttl), query, "--timeout", "10")
            assert proc.returncode == 1, (text, proc.stdout)
            assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") == 1, proc.stderr
    assert listener.requests == []


def test_hostile_queries_to_an_endpoint_send_no_request(listener):
    for text in hostile(listener.url):
        with pytest.raises(EndpointError):
            query_endpoint(listener.url + "/query", text, timeout=5)
    assert listener.requests == []  # refused before anything was sent, even to the endpoint


def test_from_a_local_file_is_refused(ttl):
    proc = run_kg("query", str(ttl), "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    assert proc.returncode == 1 and "FROM / FROM NAMED are refused" in proc.stderr, proc.stderr
    assert "root" not in proc.stdout
    for text in ("SELECT * FROM\n<file:///etc/passwd> WHERE { ?s ?p ?o }",
                 "SELECT * F\\u0052OM <file:///etc/passwd> WHERE { ?s ?p ?o }",
                 "ASK FROM NAMED <file:///etc/passwd> { GRAPH ?g { ?s ?p ?o } }"):
        with pytest.raises(QueryError, match="FROM / FROM NAMED are refused"):
            query_file(ttl, text, timeout=10, cache=False)


@pytest.mark.parametrize("text", [
    "PREFIX ex: <http://ex.invalid/> SELECT ?z WHERE { ?s ex:a\\# ?z }",  # escapes are fine alone
    "SELECT ?service ?from WHERE { ?service rdfs:label ?from }",
    'SELECT ?s WHERE { ?s rdfs:label ?l FILTER (?l != "SERVICE <http://x/> { }") } # FROM <x>',
])
def test_harmless_queries_that_look_hostile_run(ttl, text):
    assert vet(text, {"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}) == "SELECT"
    query_file(ttl, text, timeout=10, cache=False)


def test_the_query_process_cannot_open_internet_sockets(listener, ttl, monkeypatch):
    """Second line of defence: with the vetting switched off, SERVICE still cannot connect."""
    probe = subprocess.run([sys.executable, "-c", "from kg.query_run import _block_internet_sockets"
                            " as b; import sys; sys.exit(0 if b() else 3)"])
    if probe.returncode == 3:
        pytest.skip("seccomp filters are not available here")
    import kg.oxstore as oxstore

    monkeypatch.setattr(oxstore, "vet", lambda *args, **kwargs: "SELECT")
    text = f"SELECT * WHERE {{ SERVICE <{listener.url}/leak> {{ ?a ?b ?c }} }}"
    with pytest.raises(QueryError):
        query_file(ttl, text, timeout=10, cache=False)
    assert listener.requests == []


# --------------------------------------------------------------------------- process limits


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(x) for x in path.read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has already ended


def _kill_during_query(ttl: Path, sig: int) -> tuple[int, list[int]]:
    """Start a never-ending `kg query`, send `sig` once its query child runs; (rc, children)."""
    proc = subprocess.Popen([*kg_executable(), "query", str(ttl), CROSS, "--timeout", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        children: list[int] = []
        while not children and time.monotonic() < deadline:
            children = _children(proc.pid)
            time.sleep(0.05)
        assert children, "the query child never started"
        time.sleep(0.3)  # let it get into the engine
        os.kill(proc.pid, sig)
        rc = proc.wait(timeout=20)
        return rc, children
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _assert_gone(children: list[int]) -> None:
    deadline = time.monotonic() + 5
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [c for c in children if _alive(c)]
    for c in left:  # do not leave a runaway behind even when the test fails
        os.kill(c, signal.SIGKILL)
    assert left == [], "the query process outlived kg query"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_killing_kg_query_kills_its_query_process(ttl, sig):
    rc, children = _kill_during_query(ttl, sig)
    assert rc == -sig
    _assert_gone(children)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killing_kg_query_never_orphans_repeated(ttl):
    for sig in [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL] * 4:
        rc, children = _kill_during_query(ttl, sig)
        assert rc == -sig
        _assert_gone(children)


def test_memory_is_capped_with_one_line_error(ttl):
    text = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f ?i"
    start = time.monotonic()
    proc = run_kg("query", str(ttl), text, "--max-memory", "400", "--timeout", "120")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: query stopped: it needed more than the 400 MB")
    assert proc.stderr.count("\n") == 1, proc.stderr  # no engine backtrace
    assert time.monotonic() - start < 60
    ok = run_kg("query", str(ttl), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                "--max-memory", "400", "-f", "json")
    assert ok.returncode == 0 and json.loads(ok.stdout)[0]["n"] > 100


def test_a_query_with_no_time_limit_still_runs_in_a_child(ttl):
    """`--timeout 0` must not mean 'in this process, unkillable': the cap still holds."""
    text = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f ?i"
    proc = run_kg("query", str(ttl), text, "--max-memory", "400", "--timeout", "0")
    assert proc.returncode == 1 and "memory limit" in proc.stderr


# --------------------------------------------------------------------------- endpoint limits


def test_endpoint_timeouts_reach_the_server(listener):
    query_endpoint(listener.url + "/query", "SELECT * WHERE { ?s ?p ?o }", timeout=7)
    query_endpoint(listener.url + "/query", "SELECT * WHERE { ?s ?p ?o }", timeout=7,
                   server="virtuoso")
    query_endpoint(listener.url + "/query", "SELECT * WHERE { ?s ?p ?o }", timeout=2.5,
                   server="fuseki")
    auto, virtuoso, fuseki = listener.requests
    assert auto["headers"].get("Timeout") == "7"
    assert "timeout" not in urllib.parse.parse_qs(auto["body"])  # ms to Virtuoso: never guessed
    assert urllib.parse.parse_qs(virtuoso["body"])["timeout"] == ["7000"]
    assert "Timeout" not in virtuoso["headers"]
    assert urllib.parse.parse_qs(fuseki["body"])["timeout"] == ["2.5"]
    assert fuseki["headers"].get("Timeout") == "2.5"


def test_endpoint_client_side_limit_holds_when_the_server_stalls():
    slow = Listener(delay=5)
    try:
        start = time.monotonic()
        with pytest.raises(EndpointError) as info:
            query_endpoint(slow.url + "/query", "SELECT * WHERE { ?s ?p ?o }", timeout=1)
        assert time.monotonic() - start < 4
        assert "\n" not in str(info.value)
    finally:
        slow.close()
