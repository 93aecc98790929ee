"""Resolved entities and relations -> one rdflib Graph, with provenance.

Provenance model (PROV-O + RDF reification): every sentence that states a relation becomes an
`rdf:Statement` naming subject, predicate and object, with `prov:wasDerivedFrom` its document,
`kg:sentence`, `kg:startChar`/`kg:endChar`, `kg:rule`, `kg:confidence` and `kg:modality`.
Only statements whose modality is "asserted" also appear as plain `s p o` triples, so a
hedged or negated claim stays queryable without ever being asserted.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from .model import ASSERTED, Document, Entity, Relation, strip_invisible
from .vocab import CLASSES, DEFAULT_BASE, KG, ONTOLOGY, ONTOLOGY_IRI, RELATIONS

_PLAIN_NAME = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")
_SLUG_DROP = re.compile(r"[^A-Za-z0-9]+")
# Characters no XML-based format may carry (and lone surrogates, which cannot be encoded at all).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def mint_iri(base: str, kind: str, key: str = "") -> URIRef:
    """The one place IRIs are made: stable per (kind, key), safe for every strict parser.

    Plain names keep a readable local name ("Amazon Live" -> Amazon_Live); anything else gets an
    ASCII slug plus a hash of the exact name after "--" (which plain names never contain), so
    distinct names never collide and no character needs escaping.
    """
    if kind == "graph":  # the graph itself (its owl:Ontology header): the bare base
        return URIRef(base)
    prefix = {"entity": "", "doc": "doc/", "statement": "stmt/"}[kind]
    if kind == "entity" and _PLAIN_NAME.fullmatch(key) and len(key) <= 80:
        local = key.replace(" ", "_")
    else:
        ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
        slug = _SLUG_DROP.sub("_", ascii_key).strip("_")[:60] or "x"
        digest = hashlib.sha1(f"{kind}\x00{key}".encode("utf-8", "surrogatepass")).hexdigest()[:12]
        local = f"{slug}--{digest}"
    return URIRef(base + prefix + local)


def clean_label(text: str) -> str:
    """A name as shown to people: invisible formatting characters removed.

    Only labels (and titles) are cleaned; the evidence sentence keeps the text as written.
    """
    return clean_literal(strip_invisible(text))


def clean_literal(text: str) -> str:
    """Text safe for every serialisation (XML-based ones reject control characters)."""
    return _XML_INVALID.sub(" ", text)


def new_graph() -> Graph:
    # rdflib's SimpleMemory store: no named-graph bookkeeping, which a built graph never uses;
    # adding and iterating triples costs about half of the default store's (bench/speed.py).
    g = Graph(store="SimpleMemory")
    g.bind("kg", Namespace(ONTOLOGY_IRI))
    for prefix, ns in (("skos", SKOS), ("prov", PROV), ("dcterms", DCTERMS), ("owl", OWL)):
        g.bind(prefix, ns)
    return g


def build_graph(
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    documents: Iterable[Document],
    *,
    base: str = DEFAULT_BASE,
) -> Graph:
    """One graph: typed, labelled entity nodes, asserted relations, documents and evidence."""
    g = new_graph()
    g.bind("e", Namespace(base))
    # Ontology header: tools such as Protégé read the term declarations from the imported ontology.
    header = mint_iri(base, "graph")
    g.add((header, RDF.type, OWL.Ontology))
    g.add((header, OWL.imports, ONTOLOGY))
    doc_iris = {d.id: _add_document(g, d, base) for d in documents}
    ent_iris: dict[str, URIRef] = {}
    used: set[URIRef] = set()
    for entity in entities:
        ent_iris[entity.key] = _add_entity(g, entity, base, used, doc_iris)
    for rel in relations:
        s, o = ent_iris.get(rel.subj), ent_iris.get(rel.obj)
        if s is not None and o is not None and s != o:
            _add_relation(g, rel, s, o, base, doc_iris)
    return g


def _add_document(g: Graph, document: Document, base: str) -> URIRef:
    node = mint_iri(base, "doc", document.id)
    g.add((node, RDF.type, KG.Document))
    g.add((node, RDF.type, PROV.Entity))
    # ids are content hashes: an untitled document is labelled by where it was read from
    g.add((node, RDFS.label, Literal(clean_label(document.title or document.source))))
    if document.title:
        g.add((node, DCTERMS.title, Literal(clean_label(document.title))))
    if document.date:
        g.add((node, DCTERMS.date, _date_literal(document.date)))
    if document.author:
        g.add((node, DCTERMS.creator, Literal(clean_literal(document.author))))
    # the URL, then every other copy of the same article (syndicated, saved twice)
    for source in ((document.url,) if document.url else ()) + document.sources:
        g.add((node, DCTERMS.source, Literal(clean_literal(source))))
    g.add((node, KG.sourcePath, Literal(clean_literal(document.source))))
    if document.lang:
        g.add((node, DCTERMS.language, Literal(clean_literal(document.lang))))
    return node


def _add_entity(
    g: Graph, entity: Entity, base: str, used: set[URIRef], doc_iris: dict[str, URIRef]
) -> URIRef:
    label = clean_label(entity.label)
    node = mint_iri(base, "entity", label)
    if node in used:  # two entities that share a label (a company and a place): keep both
        node = mint_iri(base, "entity", f"{label} ({entity.type})")
    used.add(node)
    g.add((node, RDF.type, CLASSES[entity.type]))
    g.add((node, RDFS.label, Literal(label)))
    for alias in sorted({clean_label(a) for a in entity.aliases} - {label}):
        g.add((node, SKOS.altLabel, Literal(alias)))
    for doc_id in sorted(entity.docs):
        if doc_id in doc_iris:
            g.add((node, KG.mentionedIn, doc_iris[doc_id]))
    g.add((node, KG.mentionCount, Literal(entity.mentions)))
    return node


_QUALIFIERS = {"date": KG.date, "role": KG.roleTitle, "stake": KG.stakePercent}


def _add_relation(
    g: Graph, rel: Relation, s: URIRef, o: URIRef, base: str, doc_iris: dict[str, URIRef]
) -> None:
    """The triple when asserted, and always one statement record with its evidence."""
    p = RELATIONS[rel.pred]
    if rel.modality == ASSERTED:
        g.add((s, p, o))
    key = f"{rel.subj}|{rel.pred}|{rel.obj}|{rel.doc_id}|{rel.start}|{rel.rule}"
    stmt = mint_iri(base, "statement", key)
    g.add((stmt, RDF.type, RDF.Statement))
    g.add((stmt, RDF.subject, s))
    g.add((stmt, RDF.predicate, p))
    g.add((stmt, RDF.object, o))
    g.add((stmt, KG.modality, Literal(rel.modality)))
    # a real xsd:decimal value
    g.add((stmt, KG.confidence, Literal(Decimal(str(round(rel.confidence, 3))))))
    g.add((stmt, KG.rule, Literal(clean_literal(rel.rule))))
    g.add((stmt, KG.sentence, Literal(clean_literal(rel.sentence))))
    g.add((stmt, KG.startChar, Literal(rel.start)))
    g.add((stmt, KG.endChar, Literal(rel.end)))
    if rel.doc_id in doc_iris:
        g.add((stmt, PROV.wasDerivedFrom, doc_iris[rel.doc_id]))
    for name, value in rel.qualifiers:
        g.add((stmt, _QUALIFIERS.get(name, KG.qualifier), Literal(clean_literal(value))))


def _date_literal(value: str) -> Literal:
    """A typed date only when it is a real one: "2024-13-45" stays a plain literal."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            datetime.date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError:
            return Literal(clean_literal(value))
        return Literal(value, datatype=XSD.date if day else XSD.gYearMonth if month else XSD.gYear)
    return Literal(clean_literal(value))


__all__ = ["build_graph", "clean_label", "clean_literal", "mint_iri", "new_graph"]
