"""mint_iri is stable and collision-free, and graphs with hostile names serialise to Turtle and
N-Triples that rdflib, pyoxigraph and rapper all read back as the very same triples."""
from __future__ import annotations

import random
import re
import shutil
import subprocess

import pyoxigraph as ox
import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graph import build_graph, clean_label, clean_literal, mint_iri
from kg.model import Document, Entity, Relation

BASE = "https://example.org/kg/id/"
HOSTILE = [
    "Plain Name", 'Quote "double"', "Single 'quote'", "<angle>", "a > b", "{curly}", "pipe|bar", "caret^hat",
    "back\\slash", "back`tick", "100% pure", "%41 encoded", "hash#tag", "slash/name", "what?", "a&b=c",
    "tab\tname", "new\nline", "cr\rname", "nul\x00char", "bell\x07", "esc\x1b", "del\x7f", "c1\x85\x9f",
    "中文名称", "اسم عربي", "emoji 😀🚀", "zwj 👩‍💻", "lone \ud800 surrogate", "\ufffe\uffff", "  spaced  ", "",
    "123", "a--b", "a_b", "a b", "a  b", "A b", "Ünïcödé", "e\u0301", "\u00e9", "x" * 200, "line\u2028sep",
    "rtl\u202eoverride", "]]>", "&amp;", "@prefix", "_:b0", "http://evil/>", "a.", ".a", "-a", "a:b", "Amazon", "amazon",
]  # fmt: skip
SAFE_LOCAL = re.compile(r"[A-Za-z0-9_-]+")


def test_plain_names_stay_readable_and_iris_are_pinned():
    assert mint_iri(BASE, "entity", "Amazon Live") == URIRef(BASE + "Amazon_Live")
    # pinned: changing these changes every IRI of every graph users have stored
    assert mint_iri(BASE, "entity", "Musical.ly") == URIRef(BASE + "Musical_ly--6bee7999515e")
    assert mint_iri(BASE, "entity", "中文名称") == URIRef(BASE + "x--2d26474f0bd6")
    assert mint_iri(BASE, "doc", "seeds/000.txt") == URIRef(BASE + "doc/seeds_000_txt--7b28ac635c4f")
    assert mint_iri(BASE, "statement", "a|partnerOf|b|d|0|r") == URIRef(BASE + "stmt/a_partnerOf_b_d_0_r--75940d3598a1")
    assert mint_iri(BASE, "graph") == URIRef(BASE)


def test_stable_across_calls_and_processes():
    names = HOSTILE[:20]
    here = [str(mint_iri(BASE, "entity", n)) for n in names]
    assert here == [str(mint_iri(BASE, "entity", n)) for n in names]
    code = "import sys, json; from kg.graph import mint_iri; print(json.dumps([mint_iri(sys.argv[1], 'entity', n) for n in json.loads(sys.stdin.read())]))"
    import json
    import sys

    out = subprocess.run([sys.executable, "-c", code, BASE], input=json.dumps(names), capture_output=True, text=True, check=True, env={"PYTHONHASHSEED": "123", "PATH": ""})
    assert json.loads(out.stdout) == here


def test_distinct_names_never_collide():
    rng = random.Random(4)
    alphabet = "aAbB zZ09_-.'\"<>{}|^\\`%#/?\t\n\x00é中😀"
    names = set(HOSTILE) | {"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(5000)}
    for kind in ("entity", "doc", "statement"):
        iris = {mint_iri(BASE, kind, n) for n in names}
        assert len(iris) == len(names), kind
    # kinds live in separate IRI spaces: an entity named like a document path is not the document
    everything = [mint_iri(BASE, k, n) for k in ("entity", "doc", "statement") for n in names]
    assert len(set(everything)) == len(everything)


def test_iris_only_use_safe_characters():
    for name in HOSTILE:
        for kind, prefix in (("entity", ""), ("doc", "doc/"), ("statement", "stmt/")):
            iri = str(mint_iri(BASE, kind, name))
            assert iri.startswith(BASE + prefix)
            assert SAFE_LOCAL.fullmatch(iri[len(BASE + prefix):]), (name, iri)


def test_clean_literal():
    assert clean_literal("tab\tnew\nline\rok") == "tab\tnew\nline\rok"
    assert clean_literal("nul\x00bell\x07esc\x1bvt\x0bff\x0c") == "nul bell esc vt ff "
    assert clean_literal("lone \ud800 x \ufffe\uffff") == "lone   x   "
    for kept in ("中文", "اسم", "😀", "del\x7f", "c1\x85", "e\u0301", "\u2028"):
        assert clean_literal(kept) == kept
    assert all(clean_literal(clean_literal(n)) == clean_literal(n) for n in HOSTILE)


def hostile_graph() -> Graph:
    types = ["Organization", "Person", "Place", "Product"]
    entities = [Entity(key=f"k{i}", label=n, type=types[i % 4], aliases={n + " alias", "al\x01ias"}, docs={"d\x00<1>"}, mentions=i) for i, n in enumerate(HOSTILE)]
    docs = [Document(id="d\x00<1>", text="", source='pa"th\\x\n.txt', title='Ti\x0ctle "x" 😀', date="2024-13-99 junk", url="http://x/?a=<b>&c", lang="e\x00n")]
    relations = [
        Relation(f"k{i}", "partnerOf", f"k{i + 1}", "d\x00<1>", f"sen\x0btence {n}", i, i + 3, "r\x00ule", 0.7, "asserted", (("role", "r\x01o"), ("x", n)))
        for i, n in enumerate(HOSTILE[:-1])
    ]
    return build_graph(entities, relations, docs)


def _key_rdflib(t):
    if isinstance(t, Literal):
        return ("L", str(t), "" if t.language else str(t.datatype or "http://www.w3.org/2001/XMLSchema#string"), t.language or "")
    return ("I", str(t))


def _key_ox(t):
    if isinstance(t, ox.Literal):
        return ("L", t.value, "" if t.language else t.datatype.value, t.language or "")
    return ("I", t.value)


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory):
    graph = hostile_graph()
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for fmt, ext in (("turtle", "ttl"), ("nt", "nt")):
        files[fmt] = folder / f"g.{ext}"
        files[fmt].write_bytes(graph.serialize(format=fmt, encoding="utf-8"))
    return graph, files


def test_labels_keep_the_original_names(hostile_files):
    graph, files = hostile_files
    back = Graph().parse(files["turtle"], format="turtle")
    labels = {str(o) for o in back.objects(None, RDFS.label)}
    for name in HOSTILE:
        assert clean_label(name) in labels
        if name == clean_label(name):
            assert name in labels  # untouched unless a character cannot be written or is invisible
    assert "rtl\u202eoverride" not in labels and "rtloverride" in labels
    assert "zwj 👩\u200d💻" in labels  # a joiner between two emoji joins them
    assert {str(o) for o in back.objects(None, SKOS.altLabel)} >= {clean_label(n) + " alias" for n in HOSTILE}


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_rdflib_and_oxigraph_read_the_same_triples(hostile_files, fmt):
    graph, files = hostile_files
    original = {tuple(map(_key_rdflib, t)) for t in graph}
    by_rdflib = {tuple(map(_key_rdflib, t)) for t in Graph().parse(files[fmt], format=fmt)}
    ox_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    by_oxigraph = {(_key_ox(q.subject), _key_ox(q.predicate), _key_ox(q.object)) for q in ox.parse(path=str(files[fmt]), format=ox_format)}
    assert len(graph) > 500
    assert by_rdflib == original
    assert by_oxigraph == original


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_rapper_reads_the_same_triples(hostile_files, fmt):
    if shutil.which("rapper") is None:
        pytest.skip("rapper (raptor2-utils) not installed")
    graph, files = hostile_files
    out = subprocess.run(["rapper", "-q", "-i", "turtle" if fmt == "turtle" else "ntriples", "-o", "ntriples", str(files[fmt])], capture_output=True, check=True)
    assert len([line for line in out.stdout.splitlines() if line.strip()]) == len(graph)
    back = Graph().parse(data=out.stdout.decode("utf-8"), format="nt")
    assert {tuple(map(_key_rdflib, t)) for t in back} == {tuple(map(_key_rdflib, t)) for t in graph}


def test_entities_sharing_a_label_stay_two_nodes():
    from kg.graph import build_graph
    from kg.model import Entity
    from kg.vocab import KG
    from rdflib import RDF

    g = build_graph([Entity("jordan-org", "Jordan", "Organization"), Entity("jordan-place", "Jordan", "Place")], [], [])
    assert len(set(g.subjects(RDF.type, KG.Organization))) == 1
    assert len(set(g.subjects(RDF.type, KG.Place))) == 1
    assert set(g.subjects(RDF.type, KG.Organization)) != set(g.subjects(RDF.type, KG.Place))
