"""Turtle-star: each asserted relation once, quoted, with its evidence as annotations.

Read back with pyoxigraph (an RDF 1.2 parser: each `<< s p o >>` is a reifier whose rdf:reifies
is the triple term) and, when Apache Jena's `riot` is on PATH, with Jena too.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest
from kg_sample import sample_graph
from rdflib import RDF, Graph
from test_iri import hostile_graph

from kg.export import export
from kg.vocab import RELATIONS

ox = pytest.importorskip("pyoxigraph")
REIFIES = "http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies"
KG = "https://example.org/kg/ontology#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"


def parse(path) -> list:
    return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def key(term) -> str:
    """A term as text comparable between rdflib and pyoxigraph: IRIs bare, literals by value."""
    return term.value if hasattr(term, "value") else str(term)


def asserted(graph: Graph) -> set[tuple[str, str, str]]:
    return {
        (str(s), str(p), str(o)) for p in RELATIONS.values() for s, o in graph.subject_objects(p)
    }


def records(graph: Graph) -> dict[tuple[str, str, str], list[tuple[str, Decimal, str]]]:
    """From the reified records, via SPARQL: triple -> [(sentence, confidence, document)]."""
    rows = graph.query("""
        PREFIX kg: <https://example.org/kg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s ?p ?o ?sentence ?confidence ?doc WHERE {
          ?r rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality "asserted" ;
             kg:sentence ?sentence ; kg:confidence ?confidence ; prov:wasDerivedFrom ?doc .
        }""")
    found: dict = {}
    for s, p, o, sentence, confidence, doc in rows:
        found.setdefault((str(s), str(p), str(o)), []).append(
            (" ".join(str(sentence).split()), confidence.toPython(), str(doc))
        )
    return found


def annotations(quads) -> dict[tuple[str, str, str], dict[str, set[str]]]:
    """Quoted triple -> predicate -> values, gathered over its reifier(s)."""
    reified = {q.subject: q.object for q in quads if q.predicate.value == REIFIES}
    found: dict = {}
    for q in quads:
        if q.subject in reified and q.predicate.value != REIFIES:
            t = reified[q.subject]
            triple = (key(t.subject), key(t.predicate), key(t.object))
            found.setdefault(triple, {}).setdefault(q.predicate.value, set()).add(key(q.object))
    return found


@pytest.fixture(scope="module")
def graph() -> Graph:
    return sample_graph()


@pytest.fixture(scope="module")
def quads(graph, tmp_path_factory):
    return parse(export(graph, tmp_path_factory.mktemp("star") / "g.ttls"))


def test_one_quoted_triple_per_asserted_relation(graph, quads):
    terms = [q.object for q in quads if q.predicate.value == REIFIES]
    quoted = {(key(t.subject), key(t.predicate), key(t.object)) for t in terms}
    assert len(terms) == len(quoted) == len(asserted(graph)) == 14
    assert quoted == asserted(graph)
    plain = {(key(q.subject), key(q.predicate), key(q.object)) for q in quads}
    assert quoted <= plain  # quoted and also asserted


def test_annotations_carry_the_evidence(graph, quads):
    expected = records(graph)
    found = annotations(quads)
    assert set(found) == set(expected)
    for triple, values in found.items():
        rows = expected[triple]
        assert values[KG + "sentence"] == {sentence for sentence, _, _ in rows}
        assert values[PROV_DERIVED] == {doc for _, _, doc in rows}
        [confidence] = values[KG + "confidence"]
        assert Decimal(confidence) == max(c for _, c, _ in rows)
        assert values[KG + "rule"]
    amazon, tiktok = "https://example.org/kg/id/Amazon", "https://example.org/kg/id/TikTok"
    assert found[(tiktok, KG + "partnerOf", amazon)][KG + "confidence"] == {"0.9"}


def test_no_reification_and_nothing_else_lost(graph, quads):
    statements = set(graph.subjects(RDF.type, RDF.Statement))
    kept = {(str(s), str(p), key_rdflib(o)) for s, p, o in graph if s not in statements}
    reifiers = {q.subject for q in quads if q.predicate.value == REIFIES}
    plain = {
        (key(q.subject), key(q.predicate), key(q.object))
        for q in quads
        if q.subject not in reifiers
    }
    assert plain == kept
    assert not any(
        q.object.value == str(RDF.Statement) for q in quads if hasattr(q.object, "value")
    )


def key_rdflib(term) -> str:
    return str(term)


def test_hostile_names_round_trip(tmp_path):
    g = hostile_graph()
    quads = parse(export(g, tmp_path / "h.ttls"))
    terms = {q.object for q in quads if q.predicate.value == REIFIES}
    assert {(key(t.subject), key(t.predicate), key(t.object)) for t in terms} == asserted(g)


def test_jena_riot_reads_it(graph, tmp_path):
    riot = shutil.which("riot")
    if riot is None:
        pytest.skip("Apache Jena's riot is not on PATH")
    path = export(graph, tmp_path / "g.ttls")
    proc = subprocess.run(
        [riot, "--syntax=ttl", "--output=nt", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.startswith("<<")]
    assert len({line.split(">>")[0] for line in lines}) == len(asserted(graph))


# ----------------------------------------------------------------- the README's Neo4j recipe


def readme_cypher() -> str:
    from conftest import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("```cypher\n", text.index("Loading into Neo4j with neosemantics"))
    return text[start + len("```cypher\n") : text.index("```", start + 10)]


def multival_list(cypher: str) -> set[str]:
    import re

    block = re.search(r"multivalPropList:\s*\[(.*?)\]", cypher, re.S)
    assert block, "the recipe must list the multi-valued properties"
    return set(re.findall(r"'([^']+)'", block.group(1)))


def many_values() -> Graph:
    """Aliases and evidence with several values each, as a real corpus has them."""
    from kg.graph import build_graph
    from kg.model import Document, Entity, Relation

    docs = [Document(id=d, text="", source=f"{d}.txt", title=f"Story {d}") for d in "ab"]
    entities = [
        Entity(
            key="x",
            label="Acme",
            type="Organization",
            aliases={"Acme Corp", "ACME", "Acme Inc"},
            docs={"a", "b"},
            mentions=4,
        ),
        Entity(
            key="y",
            label="Globex",
            type="Organization",
            aliases={"Globex Ltd", "GBX"},
            docs={"a", "b"},
            mentions=2,
        ),
    ]
    relations = [
        Relation(
            "x",
            "partnerOf",
            "y",
            "a",
            "Acme partnered with Globex.",
            0,
            27,
            "verb:partner",
            0.85,
            "asserted",
            (),
        ),
        Relation(
            "x",
            "partnerOf",
            "y",
            "b",
            "The Acme-Globex partnership.",
            0,
            28,
            "noun:partnership",
            0.8,
            "asserted",
            (),
        ),
    ]
    return build_graph(entities, relations, docs)


def test_the_recipe_imports_turtle_star_with_arrays():
    from rdflib.namespace import SKOS

    from kg.vocab import KG as K

    cypher = readme_cypher()
    assert "handleMultival: 'ARRAY'" in cypher
    assert "n10s.rdf.import.fetch(" in cypher and "graph.ttls', 'Turtle-star')" in cypher
    assert multival_list(cypher) == {str(SKOS.altLabel), str(K.sentence), str(K.rule)}
    # the file the Cypher loads is the one the recipe's command writes (run by tests/test_readme.py)
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    recipe = readme[readme.index("Loading into Neo4j with neosemantics") :]
    assert recipe.index("    kg export exports/graph.ttl exports/graph.ttls\n") < recipe.index(
        "```cypher"
    )


def test_every_multivalued_property_in_the_file_is_in_the_recipe(tmp_path):
    """n10s keeps one value of any property outside multivalPropList: none may have several."""
    graph = many_values()
    quads = parse(export(graph, tmp_path / "m.ttls"))
    values: dict[tuple, set] = {}
    for q in quads:
        if isinstance(q.object, ox.Literal):
            values.setdefault((q.subject, q.predicate.value), set()).add(q.object.value)
    several = {p for (_, p), found in values.items() if len(found) > 1}
    assert several == multival_list(readme_cypher())  # altLabel, sentence and rule all occur here
    acme = [
        v for (s, p), v in values.items() if p.endswith("altLabel") and key(s).endswith("/Acme")
    ]
    assert acme == [{"Acme Corp", "ACME", "Acme Inc"}]
    relationships = {q.object for q in quads if q.predicate.value == REIFIES}
    assert len(relationships) == len(asserted(graph)) == 1


@pytest.mark.slow
def test_the_seed_build_needs_no_other_multivalued_property(seed_build, tmp_path):
    from conftest import run_kg

    out = tmp_path / "graph.ttls"
    proc = run_kg("export", str(seed_build / "graph.ttl"), str(out))
    assert proc.returncode == 0, proc.stderr
    values: dict[tuple, set] = {}
    for q in parse(out):
        if isinstance(q.object, ox.Literal):
            values.setdefault((q.subject, q.predicate.value), set()).add(q.object.value)
    several = {p for (_, p), found in values.items() if len(found) > 1}
    assert several <= multival_list(readme_cypher())
    graph = Graph().parse(seed_build / "graph.ttl")
    assert len({q.object for q in parse(out) if q.predicate.value == REIFIES}) == len(
        asserted(graph)
    )
