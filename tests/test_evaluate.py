from __future__ import annotations

import json

import pytest
from rdflib import RDF, RDFS, Graph, URIRef

from kg.evaluate import GoldError, evaluate, load_gold, normalize_label
from kg.vocab import KG

GOLD = {
    "format": "kg-gold/1",
    "relations": {"partnerOf": "", "acquired": "", "worksFor": ""},
    "symmetric": ["partnerOf"],
    "entity_types": ["Organization", "Person", "Place", "Product"],
    "entities": [
        {"label": "Acme", "types": ["Organization"], "aliases": ["Acme Corp."], "required": True},
        {"label": "Widget Co", "types": ["Organization"], "required": True},
        {"label": "Jo Bloggs", "types": ["Person"], "aliases": ["Bloggs"], "required": True},
    ],
    "triples": [
        {"s": "Acme", "p": "partnerOf", "o": "Widget Co", "status": "required"},
        {"s": "Jo Bloggs", "p": "worksFor", "o": ["Widget Co", "Acme"], "status": "required"},
        {"s": "Acme", "p": "acquired", "o": "Widget Co", "status": "forbidden"},
    ],
}


def node(g: Graph, name: str, cls, label: str) -> URIRef:
    n = URIRef(f"urn:x:{name}")
    g.add((n, RDF.type, cls))
    g.add((n, RDFS.label, __import__("rdflib").Literal(label)))
    return n


def test_symmetric_alias_and_object_lists_score_as_correct():
    g = Graph()
    acme = node(g, "a", KG.Organization, "Acme Corp.")
    widget = node(g, "w", KG.Organization, "Widget Co")
    jo = node(g, "j", KG.Person, "Bloggs")
    g.add((widget, KG.partnerOf, acme))  # reversed direction of a symmetric relation
    g.add((jo, KG.worksFor, acme))  # second acceptable object
    r = evaluate(GOLD, g)
    assert (r.relations.precision, r.relations.recall) == (1.0, 1.0)
    assert r.entities.recall == 1.0 and r.duplicates == 0


def test_forbidden_and_unlisted_triples_are_errors_and_duplicates_counted():
    g = Graph()
    acme = node(g, "a", KG.Organization, "Acme")
    acme2 = node(g, "a2", KG.Organization, "The Acme's")
    widget = node(g, "w", KG.Organization, "Widget Co")
    g.add((acme, KG.acquired, widget))
    g.add((widget, KG.worksFor, acme2))
    r = evaluate(GOLD, g)
    assert r.relations.precision == 0.0 and r.forbidden == 1
    assert r.duplicates == 1
    assert ("Acme", "partnerOf", "Widget Co") in r.missed


def test_a_wrongly_typed_node_does_not_count_as_the_entity():
    g = Graph()
    node(g, "j", KG.Organization, "Jo Bloggs")
    r = evaluate(GOLD, g)
    assert r.entities.precision == 0.0 and "Jo Bloggs" in r.missing_entities


@pytest.mark.parametrize("raw, norm", [("The Acme\u2019s", "acme"), ("\uff21cme", "acme"), ("  ACME  Corp ", "acme corp")])
def test_normalize_label(raw, norm):
    assert normalize_label(raw) == norm


def test_bad_gold_file_is_a_clear_error(tmp_path):
    p = tmp_path / "g.json"
    p.write_text(json.dumps({"format": "other"}))
    with pytest.raises(GoldError, match="kg-gold/1"):
        load_gold(p)


def test_a_fact_the_gold_lists_once_per_article_is_found_or_missed_once():
    gold = json.loads(json.dumps(GOLD))
    gold["triples"] += [
        {"s": "Widget Co", "p": "partnerOf", "o": "Acme", "status": "required", "docs": ["b"]},
        {"s": "Acme", "p": "acquired", "o": "Widget Co", "status": "required", "docs": ["c"]},
    ]
    g = Graph()
    acme = node(g, "a", KG.Organization, "Acme")
    widget = node(g, "w", KG.Organization, "Widget Co")
    g.add((acme, KG.partnerOf, widget))
    r = evaluate(gold, g)
    # partnerOf (listed twice, once reversed) is one fact; worksFor and acquired are missed
    assert (r.found_required, r.required_triples) == (1, 3)
    assert r.missed.count(("Acme", "partnerOf", "Widget Co")) == 0
    # a triple one article forbids and another states is judged by the stronger status
    g.add((acme, KG.acquired, widget))
    r = evaluate(gold, g)
    assert r.forbidden == 0 and (r.found_required, r.relations.precision) == (2, 1.0)
