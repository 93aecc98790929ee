"""Typed records passed between pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field

# The four entity classes of the ontology; extraction and resolution speak these names.
ORG, PERSON, PLACE, PRODUCT = "Organization", "Person", "Place", "Product"
ENTITY_TYPES = (ORG, PERSON, PLACE, PRODUCT)

# Modality of a statement: only ASSERTED ones become plain triples in the graph.
ASSERTED, HEDGED, NEGATED = "asserted", "hedged", "negated"


@dataclass(frozen=True)
class Document:
    """One article as read from disk: text plus the metadata users filter by."""

    id: str
    text: str
    source: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    lang: str | None = None
    author: str | None = None
    # Other places the same text was read from (syndicated copies, the same file under another
    # name), as given: one article is one document however many copies a corpus holds.
    sources: tuple[str, ...] = ()
    # Resolved locations (real path, plus ":line" or "#record") of the document and its copies:
    # what `kg add` recognises a changed file by, whichever path the user typed.
    locations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A name in one document; `type_votes` lets resolution vote on the type corpus-wide."""

    name: str
    type: str
    doc_id: str
    start: int
    end: int
    weight: float = 1.0
    weak: bool = False  # from a headline or boilerplate: kept only if the name is seen elsewhere
    evidence: str = "ner"  # "ner" (the model's label) or "context" (apposition, title, list, ...)


@dataclass(frozen=True)
class Relation:
    """A relation between two names as stated in one sentence."""

    subj: str
    pred: str
    obj: str
    doc_id: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float = 0.8
    modality: str = ASSERTED
    qualifiers: tuple[tuple[str, str], ...] = ()


@dataclass
class Extraction:
    """Everything one document contributes, before corpus-level resolution."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    # name -> antecedent name for abbreviations/aliases stated in the text
    aliases: dict[str, str] = field(default_factory=dict)
    # name -> [cue id, type, summed weight, times fired] of its typing cues (kg explain reads them)
    typing: dict[str, list[list]] = field(default_factory=dict)


@dataclass
class Entity:
    """One node: a real-world thing with all the names it goes by."""

    key: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    mentions: int = 0
