"""A small hand-built kg graph for tests that must not need the spaCy model.

It exercises every core relation, both symmetric directions, hedged and negated statements,
all qualifier kinds, aliases, documents with and without titles/dates, and a name that is not
"plain" (its IRI gets a slug and a hash).
"""
from __future__ import annotations

from rdflib import Graph

from kg.graph import build_graph
from kg.model import HEDGED, NEGATED, Document, Entity, Relation

DOCS = [
    Document(id="d1", text="", source="news/d1.txt", title="Amazon and TikTok team up", date="2024-11-17", url="https://news.example/d1", lang="en"),
    Document(id="d2", text="", source="news/d2.txt", date="2024-09", lang="en"),
    Document(id="d3", text="", source="feed.jsonl:3", title="Year in review", date="2023"),
]

_E = [
    ("amazon", "Amazon", "Organization", {"Amazon.com"}),
    ("tiktok", "TikTok", "Organization", {"TikTok Inc"}),
    ("bytedance", "ByteDance", "Organization", set()),
    ("walmart", "Walmart", "Organization", set()),
    ("meta", "Meta", "Organization", {"Meta Platforms"}),
    ("musically", "Musical.ly", "Organization", set()),
    ("tiktok shop", "TikTok Shop", "Product", set()),
    ("capcut", "CapCut", "Product", set()),
    ("andy jassy", "Andy Jassy", "Person", {"Jassy"}),
    ("shou chew", "Shou Chew", "Person", set()),
    ("seattle", "Seattle", "Place", set()),
    ("singapore", "Singapore", "Place", set()),
]
ENTITIES = [Entity(key=k, label=label, type=t, aliases=set(a), docs={"d1", "d2"}, mentions=3) for k, label, t, a in _E]


def _rel(s, p, o, doc, sentence, start, *, conf=0.8, modality="asserted", rule="test:rule", qualifiers=()):
    return Relation(s, p, o, doc, sentence, start, start + len(sentence), rule, conf, modality, qualifiers)


RELATIONS = [
    _rel("amazon", "partnerOf", "tiktok", "d1", "Amazon announced a partnership with TikTok.", 0),
    _rel("tiktok", "partnerOf", "amazon", "d2", "TikTok's deal with Amazon lets users shop in the app.", 10, conf=0.9),
    _rel("amazon", "acquired", "tiktok", "d2", "Amazon may buy TikTok, analysts speculate.", 80, conf=0.5, modality=HEDGED),
    _rel("amazon", "owns", "tiktok", "d1", "Amazon does not own TikTok.", 60, modality=NEGATED),
    _rel("walmart", "competitorOf", "amazon", "d3", "Walmart competes with Amazon in e-commerce.", 5),
    _rel("bytedance", "owns", "tiktok", "d1", "TikTok's parent company ByteDance was founded in 2012.", 120, conf=0.85),
    _rel("tiktok", "owns", "tiktok shop", "d2", "TikTok runs its own store, TikTok Shop.", 200),
    _rel("bytedance", "acquired", "musically", "d3", "ByteDance bought Musical.ly in 2017.", 40, qualifiers=(("date", "2017"),)),
    _rel("bytedance", "launched", "capcut", "d3", "ByteDance launched CapCut.", 90),
    _rel("meta", "holdsStakeIn", "bytedance", "d3", "Meta holds a 1% stake in ByteDance, it was claimed.", 150, conf=0.6, qualifiers=(("stake", "1%"), ("source", "rumour"))),
    _rel("andy jassy", "worksFor", "amazon", "d1", "Andy Jassy, Amazon's chief executive, said.", 300, conf=0.85, qualifiers=(("role", "chief executive"),)),
    _rel("shou chew", "worksFor", "tiktok", "d2", "Shou Chew, the CEO of TikTok, testified.", 400, conf=0.85, qualifiers=(("role", "CEO"),)),
    _rel("amazon", "advertisesOn", "tiktok", "d2", "Amazon advertises on TikTok.", 500),
    _rel("tiktok shop", "operatesIn", "singapore", "d2", "TikTok Shop operates in Singapore.", 600),
    _rel("amazon", "basedIn", "seattle", "d1", "Seattle-based Amazon reported earnings.", 700),
    _rel("tiktok", "basedIn", "singapore", "d2", "TikTok is headquartered in Singapore.", 800),
]


def sample_graph(entities=None, relations=None, documents=None) -> Graph:
    return build_graph(ENTITIES if entities is None else entities, RELATIONS if relations is None else relations, DOCS if documents is None else documents)
