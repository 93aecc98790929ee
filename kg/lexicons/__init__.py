"""Lexicons, one module per purpose: the generic words kg reads names and their types by.

- `organisations`: legal forms, company name endings, government bodies, institutions
- `people`: titles, honorifics, role nouns, kin, what only people do or have
- `groups`: peoples, creeds, political camps
- `places`: countries (aliases, demonyms), states, provinces, regions, cities, place words
- `type_nouns`: nouns that say what a name is ("investment firm X")
- `not_names`: capitalised words that are no names (labels, job-title words, filing words)
- `dates`: months; `datelines`: dateline and source-line patterns; `hedges`: modality words

Nothing here names an organisation, person or product of any text. Relation trigger words
live with their rules (kg/rules/).
"""

from __future__ import annotations

from .datelines import (
    BROADCASTER_WORDS,
    DATELINE,
    SOURCE_ALONE,
    SOURCE_LINE,
    SOURCE_NUMBERED,
)
from .dates import (
    MONTHS,
    is_month_word,
)
from .groups import (
    CREEDS,
    GROUP_WORDS,
)
from .hedges import (
    CONDITION_MARKERS,
    HEDGE_ADJECTIVES,
    HEDGE_MODALS,
    HEDGE_NOUNS,
    HEDGE_VERBS,
    NEGATING_ADJECTIVES,
    NEGATING_VERBS,
)
from .not_names import (
    BOILERPLATE_MARKERS,
    DOCUMENT_HEADS,
    FILING_WORDS,
    GENERIC_CAPS,
    NOT_NAMES,
)
from .organisations import (
    COMPANY_FORMS,
    COMPANY_POSSESSIONS,
    COMPANY_WORDS,
    CORPORATE_TAIL,
    GOVERNMENT_HEADS,
    GOVERNMENT_PORTFOLIOS,
    INSTITUTION_HEADS,
    LEGAL_FORMS,
    LEGAL_SUFFIXES,
    ORG_HEADS,
)
from .people import (
    HONORIFICS,
    KEY_HONORIFICS,
    PERSON_APPOSITIVES,
    PERSON_PASSIVE_VERBS,
    PERSON_POSSESSIONS,
    PERSON_SPAN_OPENERS,
    PERSON_SUBJECT_VERBS,
    PERSON_TITLES,
    ROLE_NOUNS,
    ROLE_SUFFIXES,
    NOT_PERSON_WORDS,
    is_given_name,
)
from .places import (
    CANADIAN_PROVINCES,
    COUNTRIES,
    DEMONYMS,
    MAJOR_CITIES,
    NOT_PLACE_HEADS,
    PLACE_ALIASES,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    TOWN_WORDS,
    US_STATES,
    WORLD_COUNTRIES,
    WORLD_REGIONS,
    countries_of_compound,
    country_of_demonym,
    gazetteer_place,
    known_place,
    listed_place,
    place_name,
    region_name,
    supranational,
)
from .type_nouns import (
    PRODUCT_WHEN_MODIFIER,
    TYPE_NOUNS,
)

__all__ = [
    "is_given_name",
    "BOILERPLATE_MARKERS",
    "BROADCASTER_WORDS",
    "CANADIAN_PROVINCES",
    "COMPANY_FORMS",
    "COMPANY_POSSESSIONS",
    "COMPANY_WORDS",
    "CONDITION_MARKERS",
    "CORPORATE_TAIL",
    "COUNTRIES",
    "CREEDS",
    "DATELINE",
    "DEMONYMS",
    "DOCUMENT_HEADS",
    "FILING_WORDS",
    "GENERIC_CAPS",
    "GOVERNMENT_HEADS",
    "GOVERNMENT_PORTFOLIOS",
    "GROUP_WORDS",
    "HEDGE_ADJECTIVES",
    "HEDGE_MODALS",
    "HEDGE_NOUNS",
    "HEDGE_VERBS",
    "HONORIFICS",
    "INSTITUTION_HEADS",
    "KEY_HONORIFICS",
    "LEGAL_FORMS",
    "LEGAL_SUFFIXES",
    "MAJOR_CITIES",
    "NOT_PLACE_HEADS",
    "MONTHS",
    "NEGATING_ADJECTIVES",
    "NEGATING_VERBS",
    "NOT_NAMES",
    "ORG_HEADS",
    "PERSON_APPOSITIVES",
    "PERSON_PASSIVE_VERBS",
    "PERSON_POSSESSIONS",
    "PERSON_SPAN_OPENERS",
    "PERSON_SUBJECT_VERBS",
    "PERSON_TITLES",
    "PLACE_ALIASES",
    "PLACE_FIRST_WORDS",
    "PLACE_LAST_WORDS",
    "TOWN_WORDS",
    "PRODUCT_WHEN_MODIFIER",
    "ROLE_NOUNS",
    "ROLE_SUFFIXES",
    "NOT_PERSON_WORDS",
    "SOURCE_ALONE",
    "SOURCE_LINE",
    "SOURCE_NUMBERED",
    "TYPE_NOUNS",
    "US_STATES",
    "WORLD_COUNTRIES",
    "WORLD_REGIONS",
    "is_month_word",
    "countries_of_compound",
    "country_of_demonym",
    "gazetteer_place",
    "known_place",
    "listed_place",
    "place_name",
    "region_name",
    "supranational",
]
