"""Re-exports of kg.lexicons (name lexicons now live there, one module per purpose)."""

from __future__ import annotations

from .lexicons.datelines import (
    BROADCASTER_WORDS,
    DATELINE,
    SOURCE_ALONE,
    SOURCE_LINE,
    SOURCE_NUMBERED,
)
from .lexicons.dates import (
    MONTHS,
    is_month_word,
)
from .lexicons.not_names import (
    DOCUMENT_HEADS,
    FILING_WORDS,
)
from .lexicons.organisations import (
    COMPANY_FORMS,
    COMPANY_POSSESSIONS,
    COMPANY_WORDS,
    CORPORATE_TAIL,
    GOVERNMENT_HEADS,
    GOVERNMENT_PORTFOLIOS,
    INSTITUTION_HEADS,
    ORG_HEADS,
)
from .lexicons.people import (
    HONORIFICS,
    KEY_HONORIFICS,
    PERSON_APPOSITIVES,
    PERSON_PASSIVE_VERBS,
    PERSON_POSSESSIONS,
    PERSON_SPAN_OPENERS,
    PERSON_SUBJECT_VERBS,
)
from .lexicons.places import (
    CANADIAN_PROVINCES,
    MAJOR_CITIES,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    US_STATES,
    WORLD_COUNTRIES,
    WORLD_REGIONS,
    known_place,
    region_name,
)

__all__ = [
    "BROADCASTER_WORDS",
    "CANADIAN_PROVINCES",
    "COMPANY_FORMS",
    "COMPANY_POSSESSIONS",
    "COMPANY_WORDS",
    "CORPORATE_TAIL",
    "DATELINE",
    "DOCUMENT_HEADS",
    "FILING_WORDS",
    "GOVERNMENT_HEADS",
    "GOVERNMENT_PORTFOLIOS",
    "HONORIFICS",
    "INSTITUTION_HEADS",
    "KEY_HONORIFICS",
    "MAJOR_CITIES",
    "MONTHS",
    "ORG_HEADS",
    "PERSON_APPOSITIVES",
    "PERSON_PASSIVE_VERBS",
    "PERSON_POSSESSIONS",
    "PERSON_SPAN_OPENERS",
    "PERSON_SUBJECT_VERBS",
    "PLACE_FIRST_WORDS",
    "PLACE_LAST_WORDS",
    "SOURCE_ALONE",
    "SOURCE_LINE",
    "SOURCE_NUMBERED",
    "US_STATES",
    "WORLD_COUNTRIES",
    "WORLD_REGIONS",
    "is_month_word",
    "known_place",
    "region_name",
]
