"""Re-exports of kg.lexicons (word lists now live there, one module per purpose)."""

from __future__ import annotations

from .lexicons.groups import (
    CREEDS,
    GROUP_WORDS,
)
from .lexicons.hedges import (
    CONDITION_MARKERS,
    HEDGE_ADJECTIVES,
    HEDGE_MODALS,
    HEDGE_NOUNS,
    HEDGE_VERBS,
    NEGATING_ADJECTIVES,
    NEGATING_VERBS,
)
from .lexicons.not_names import (
    BOILERPLATE_MARKERS,
    GENERIC_CAPS,
    NOT_NAMES,
)
from .lexicons.organisations import (
    CORPORATE_TAIL,
    LEGAL_SUFFIXES,
)
from .lexicons.people import (
    PERSON_TITLES,
    ROLE_NOUNS,
    ROLE_SUFFIXES,
)
from .lexicons.places import (
    COUNTRIES,
    DEMONYMS,
    PLACE_ALIASES,
    place_name,
)
from .lexicons.type_nouns import (
    PRODUCT_WHEN_MODIFIER,
    TYPE_NOUNS,
)
from .model import ORG, PERSON, PLACE, PRODUCT

__all__ = [
    "BOILERPLATE_MARKERS",
    "CONDITION_MARKERS",
    "CORPORATE_TAIL",
    "COUNTRIES",
    "CREEDS",
    "DEMONYMS",
    "GENERIC_CAPS",
    "GROUP_WORDS",
    "HEDGE_ADJECTIVES",
    "HEDGE_MODALS",
    "HEDGE_NOUNS",
    "HEDGE_VERBS",
    "LEGAL_SUFFIXES",
    "NEGATING_ADJECTIVES",
    "NEGATING_VERBS",
    "NOT_NAMES",
    "PERSON_TITLES",
    "PLACE_ALIASES",
    "PRODUCT_WHEN_MODIFIER",
    "ROLE_NOUNS",
    "ROLE_SUFFIXES",
    "TYPE_NOUNS",
    "place_name",
    "ORG",
    "PERSON",
    "PLACE",
    "PRODUCT",
]
