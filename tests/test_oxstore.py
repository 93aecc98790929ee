"""`kg query`'s Oxigraph engine: parameter binding, prefixes, named graphs and the on-disk index."""
from __future__ import annotations

import os

import pytest
from kg_sample import sample_graph
from rdflib import Literal, URIRef

import kg.oxstore as oxstore
from kg.oxstore import bind_values, cached_store_dir, query_file
from kg.query import QueryError


@pytest.fixture(scope="module")
def graph():
    return sample_graph()


@pytest.fixture()
def ttl(graph, tmp_path):
    path = tmp_path / "g.ttl"
    graph.serialize(path, format="turtle")
    return path


def labels(path, text, **params):
    bindings = {k: Literal(v) for k, v in params.items()}
    _, rows = query_file(path, text, bindings=bindings, timeout=None, cache=False)
    return sorted(str(r[0]) for r in rows)


@pytest.mark.parametrize(
    "value",
    ['Amazon" } UNION { ?s ?p ?o } #', "Amazon\n} ; DROP ALL", "Amazon\\", "Amazon'", "Amazon"],
)
def test_a_parameter_value_matches_only_itself(ttl, value):
    found = labels(ttl, "SELECT ?l WHERE { ?s rdfs:label ?l . ?s rdfs:label ?name }", name=value)
    assert found == (["Amazon"] if value == "Amazon" else [])


@pytest.mark.parametrize(
    "text",
    [
        # WHERE and braces hidden in a comment, a string and an IRI must not be taken for the group
        "# WHERE { not here\nSELECT ?l WHERE { ?s rdfs:label ?l . ?s rdfs:label ?name FILTER (?l != \"WHERE {\") }",
        "PREFIX x: <http://example.org/x#> SELECT ?l WHERE { ?s rdfs:label ?l ; rdfs:label ?name }",  # '#' in an IRI
        "SELECT ?l { ?s rdfs:label ?l ; rdfs:label ?name }",  # WHERE is optional
        "select ?l where { { ?s rdfs:label ?l } ?s rdfs:label ?name }",
    ],
)
def test_values_open_the_where_group(ttl, text):
    assert labels(ttl, text, name="TikTok") == ["TikTok"]


def test_a_query_without_a_group_cannot_take_parameters():
    with pytest.raises(QueryError, match="WHERE"):
        bind_values("DESCRIBE <http://example.org/x>", {"x": Literal("a")})


def test_usual_and_file_prefixes_need_no_declaration(ttl):
    _, rows = query_file(ttl, "SELECT ?l WHERE { e:Amazon rdfs:label ?l }", timeout=None, cache=False)
    assert [str(r[0]) for r in rows] == ["Amazon"]


def test_relation_parameters_are_iris(ttl):
    from kg.vocab import KG

    _, rows = query_file(ttl, "SELECT ?o WHERE { e:Amazon ?rel ?o }", bindings={"rel": URIRef(KG.partnerOf)}, timeout=None, cache=False)
    assert rows and all(isinstance(r[0], URIRef) for r in rows)


def test_named_graphs_of_trig_are_merged(graph, tmp_path):
    from kg.export import export

    path = export(graph, tmp_path / "g.trig")
    _, rows = query_file(path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=None, cache=False)
    assert int(rows[0][0]) == len(graph)


def test_big_files_are_indexed_once_and_reindexed_when_they_change(ttl, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(oxstore, "CACHE_MIN_BYTES", 0)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    n0 = int(query_file(ttl, count, timeout=10)[1][0][0])
    store_dir = cached_store_dir(ttl)
    assert (store_dir / "kg-source.json").is_file() and (store_dir / "store").is_dir()
    built = (store_dir / "kg-source.json").stat().st_mtime_ns
    assert int(query_file(ttl, count, timeout=10)[1][0][0]) == n0
    assert (store_dir / "kg-source.json").stat().st_mtime_ns == built  # reused, not rebuilt
    with open(ttl, "a", encoding="utf-8") as handle:
        handle.write('\n<https://example.org/new> <http://www.w3.org/2000/01/rdf-schema#label> "New" .\n')
    assert int(query_file(ttl, count, timeout=10)[1][0][0]) == n0 + 1  # a stale index is never used
    assert [p.name for p in store_dir.parent.iterdir() if p.name.startswith(".indexing-")] == []


def test_an_unwritable_cache_falls_back_to_memory(ttl, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker))
    monkeypatch.setattr(oxstore, "CACHE_MIN_BYTES", 0)
    assert labels(ttl, "SELECT ?l WHERE { ?s rdfs:label ?name ; rdfs:label ?l }", name="Seattle") == ["Seattle"]
    _, rows = query_file(ttl, "SELECT ?l WHERE { ?s rdfs:label ?name ; rdfs:label ?l }", bindings={"name": Literal("Seattle")}, timeout=10)
    assert [str(r[0]) for r in rows] == ["Seattle"]


def test_a_broken_file_is_one_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(QueryError, match="cannot parse as turtle"):
        query_file(bad, "SELECT * WHERE { ?s ?p ?o }", timeout=None, cache=False)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(oxstore, "CACHE_MIN_BYTES", 0)
    with pytest.raises(QueryError, match="cannot parse as turtle"):
        query_file(bad, "SELECT * WHERE { ?s ?p ?o }", timeout=10)
    assert not cached_store_dir(bad).exists()
    with pytest.raises(QueryError, match="no such file"):
        query_file(tmp_path / "missing.ttl", "SELECT * WHERE { ?s ?p ?o }", timeout=None)


@pytest.mark.parametrize(
    "text,words",
    [
        ("DELETE WHERE { ?s ?p ?o }", "read-only"),
        ("PREFIX x: <http://e/> INSERT DATA { x:a x:b x:c }", "read-only"),
        ("LOAD <http://example.org/data.ttl>", "read-only"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "FROM"),
        ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
        ("SELEC ?s WHERE { ?s ?p ?o }", "not a valid SPARQL query"),
    ],
)
def test_refused_and_broken_queries_are_one_line_errors(ttl, text, words):
    with pytest.raises(QueryError, match=words) as info:
        query_file(ttl, text, timeout=None, cache=False)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        # the words appear, but as a variable, a prefixed name, an IRI, a string or a comment
        "SELECT ?from ?service WHERE { ?from rdfs:label ?service }",
        "PREFIX load: <http://example.org/load#> SELECT ?s WHERE { ?s load:from ?o } ",
        "SELECT ?s WHERE { ?s <http://example.org/delete/from> ?o }",
        'SELECT ?s WHERE { ?s rdfs:label ?l FILTER (?l != "DELETE FROM SERVICE") }',
        "# insert a comment: DROP ALL\nSELECT ?s WHERE { ?s rdfs:label ?l }",
    ],
)
def test_keywords_inside_names_strings_and_comments_are_allowed(ttl, text):
    query_file(ttl, text, timeout=None, cache=False)


def test_a_linked_graph_keeps_one_index_slot_across_generations(tmp_path):
    """OUT/graph.ttl is a link into the newest generation folder: every build must reuse its
    index slot (rebuilt, since the file changed) instead of leaving one stale index per build."""
    from kg.oxstore import _stamp, cached_store_dir

    for gen, n in (("g1", 1), ("g2", 2)):
        (tmp_path / gen).mkdir()
        (tmp_path / gen / "graph.ttl").write_text(f"<urn:a> <urn:b> <urn:{gen}> .\n" * n)
    link = tmp_path / "graph.ttl"
    link.symlink_to(tmp_path / "g1" / "graph.ttl")
    first_dir, first_stamp = cached_store_dir(link), _stamp(link)
    link.unlink()
    link.symlink_to(tmp_path / "g2" / "graph.ttl")
    assert cached_store_dir(link) == first_dir
    assert _stamp(link) != first_stamp  # the new generation's file is indexed afresh
