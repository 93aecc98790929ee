"""The kg vocabulary as an rdflib DefinedNamespace: a misspelt term is an error.

Kept in sync with ontology/kg.ttl by tests/test_vocab.py: every term below is declared there
(with its OWL kind, label, comment, domain and range) and the ontology declares nothing else
in the kg namespace.
"""

from __future__ import annotations

from pathlib import Path

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from .relations import INVERSE_OF, NAMES
from .relations import SYMMETRIC as RELATION_SYMMETRIC

ONTOLOGY_IRI = "https://example.org/kg/ontology#"
"""Namespace of kg terms (classes and properties end up as ONTOLOGY_IRI + local name)."""
ONTOLOGY = URIRef(ONTOLOGY_IRI.rstrip("#"))
"""The owl:Ontology that declares the terms: the namespace without its '#'."""
DEFAULT_BASE = "https://example.org/kg/id/"


class OntologyError(Exception):
    """An ontology file (kg.ttl, shapes.ttl, saved queries) is missing: reported in one line."""


def ontology_dir() -> Path:
    """Where the ontology, shapes and saved queries are: the one place that knows.

    A wheel carries the repository's ontology/ folder as package data, kg/ontology (mapped at
    build time, see pyproject.toml); a source checkout installed editable has it beside the package.
    """
    from importlib.resources import files

    packaged = Path(str(files("kg") / "ontology"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "ontology"


def ontology_file(name: str) -> Path:
    """Path of a file under the ontology folder, or a one-line OntologyError if it is missing."""
    path = ontology_dir() / name
    if not path.exists():
        raise OntologyError(
            f"{path}: not found; kg reads its ontology files from the kg package (a wheel) or "
            "the ontology/ folder of a source checkout: reinstall kg (pip install .)"
        )
    return path


_TERMS: dict[str, type] = {
    # Classes
    "Organization": URIRef,
    "Person": URIRef,
    "Place": URIRef,
    "Product": URIRef,
    "Document": URIRef,
    # Core relations (their local names are the contract with kg evaluate and gold files) and
    # their inverses (declared for reasoners and queries; kg build writes only the forward
    # direction): both from kg.relations, where each relation is declared once
    **dict.fromkeys(NAMES, URIRef),
    **dict.fromkeys(INVERSE_OF.values(), URIRef),
    # Entities and documents
    "mentionedIn": URIRef,
    "mentionCount": URIRef,
    "sourcePath": URIRef,
    # Provenance records (rdf:Statement nodes)
    "sentence": URIRef,
    "startChar": URIRef,
    "endChar": URIRef,
    "rule": URIRef,
    "confidence": URIRef,
    "modality": URIRef,
    "roleTitle": URIRef,
    "stakePercent": URIRef,
    "date": URIRef,
    "qualifier": URIRef,
}

KG = type(DefinedNamespace)(
    "KG",
    (DefinedNamespace,),
    {
        "__doc__": "Classes, core relations, their inverses and provenance terms of a graph.",
        "__module__": __name__,
        "__annotations__": _TERMS,
        "_fail": True,
        "_NS": Namespace(ONTOLOGY_IRI),
    },
)

RELATIONS: dict[str, URIRef] = {name: KG[name] for name in NAMES}
SYMMETRIC = RELATION_SYMMETRIC
INVERSES: dict[str, URIRef] = {name: KG[inverse] for name, inverse in INVERSE_OF.items()}
CLASSES: dict[str, URIRef] = {
    "Organization": KG.Organization,
    "Person": KG.Person,
    "Place": KG.Place,
    "Product": KG.Product,
}
