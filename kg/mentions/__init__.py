"""Names in a parsed document: cleaned NER spans, candidates, context types, coreference.

`DocNames` (in `docnames`) composes one module per job; this package re-exports what other
modules import from `kg.mentions`.
"""

from __future__ import annotations

from .aliases import _abbreviates, company_stems
from .coref import (
    DEFINITE_HEADS,
    GENERIC_DESCRIPTIONS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SAME_DESCRIPTIONS,
)
from .cues_context import COMPANY_PRODUCTS, SPEECH_VERBS
from .docnames import DocNames
from .name import NER_TYPES, WEAK_NER, Name, clean_name, familiar_place
from .tokens import HYPHEN_FACTS, NAME_PREPOSITIONS, is_age

__all__ = [
    "COMPANY_PRODUCTS",
    "DEFINITE_HEADS",
    "GENERIC_DESCRIPTIONS",
    "HYPHEN_FACTS",
    "NAME_PREPOSITIONS",
    "NER_TYPES",
    "ORG_PRONOUNS",
    "PERSON_PRONOUNS",
    "PLURAL_PRONOUNS",
    "SAME_DESCRIPTIONS",
    "SPEECH_VERBS",
    "WEAK_NER",
    "DocNames",
    "Name",
    "_abbreviates",
    "clean_name",
    "company_stems",
    "familiar_place",
    "is_age",
]
