"""Patterns of news datelines and monitoring-service source lines, and broadcaster words."""

from __future__ import annotations

import re

# A news-agency dateline opening a line: "WASHINGTON (AP) _", "BELGRADE, Yugoslavia (AP)",
# "LONDON, March 3 (Reuters) -", "(Text) Saint-Gall, Switzerland, Feb 2 (AFP) --".
DATELINE = re.compile(
    r"^[ \t]*(?:\([A-Za-z ]{1,20}\)\s+)?(?P<city>[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3})"
    r"(?:,\s+(?P<region>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}))?"
    r"(?P<date>,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+\((?P<agency>[A-Za-z][A-Za-z&\-]{1,15})\)\s*(?:[-_\u2013\u2014]|$)",
    re.MULTILINE,
)
# A monitoring-service source line: "OW1102132994 Beijing XINHUA in English 1313 GMT 11 Feb 94",
# "PM2303111794 Moscow IZVESTIYA in Russian 23 Mar 94 p 3" (document number, city, broadcaster or
# paper, language, time or date), or its short form alone on a line: "Moscow IZVESTIYA".
_DOC_NUMBER = r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{9,13}"
SOURCE_LINE = re.compile(
    r"(?:" + _DOC_NUMBER + r"\s+|^(?:\([A-Za-z ]{1,20}\)\s+)?(?![^\n]*" + _DOC_NUMBER + r"\s))"
    r"(?P<rest>[A-Z][^\n]{0,80}?)\s+in\s+[A-Z][A-Za-z\-]+(?:\s+at)?\s+(?:\d{4}\s+GMT\b|\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2}\b)",
    re.MULTILINE,
)
# With a document number the language may be missing: "PM3001110194 London THE SUNDAY TIMES 30
# Jan 94".
SOURCE_NUMBERED = re.compile(
    _DOC_NUMBER + r"\s+(?P<rest>[A-Z][^\n]{0,80}?)\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2}\b",
    re.MULTILINE,
)
# Words that mark a broadcaster or news service in a short source line ("Havana Radio Reloj
# Network").
BROADCASTER_WORDS = frozenset(
    "radio television tv network service international news agency".split()
)
SOURCE_ALONE = re.compile(
    r"^[ \t]*(?P<rest>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?: [A-Z][A-Za-z\-']*)+)[ \t]*$", re.MULTILINE
)
