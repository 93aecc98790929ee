"""Typed records passed between pipeline stages."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# The four entity classes of the ontology; extraction and resolution speak these names.
ORG, PERSON, PLACE, PRODUCT = "Organization", "Person", "Place", "Product"
ENTITY_TYPES = (ORG, PERSON, PLACE, PRODUCT)

# Modality of a statement: only ASSERTED ones become plain triples in the graph.
ASSERTED, HEDGED, NEGATED = "asserted", "hedged", "negated"

# Bidi overrides, isolates and marks, and zero-width characters: invisible, yet they reorder or
# split what a reader sees, so a label carrying them can pass for another name. Labels drop them
# (kg.graph.clean_label, kg.resolve.name_key); evidence sentences keep the text as written.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# Zero-width (non-)joiners shape Persian, Indic and emoji sequences: kept only between two
# non-ASCII characters, where they can mean something; beside ASCII they only hide.
_STRAY_JOINER = re.compile("(?<![^\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f])")


def strip_invisible(text: str) -> str:
    """`text` without bidi controls and zero-width characters (joiners kept where they join)."""
    return _STRAY_JOINER.sub("", INVISIBLE.sub("", text))


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
