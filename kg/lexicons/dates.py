"""Months, also glued to a day as filings write them ("October30")."""

from __future__ import annotations

import re

MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct.
    nov nov. dec dec.""".split()
)
_MONTH_DAY = re.compile(r"^(?:" + "|".join(m for m in MONTHS if not m.endswith(".")) + r")\d{1,2}$")


def is_month_word(word: str) -> bool:
    """ "October", "Oct.", "October30" (a date glued together in filings)."""
    w = word.casefold()
    return w in MONTHS or bool(_MONTH_DAY.match(w))
