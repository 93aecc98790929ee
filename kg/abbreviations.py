"""Abbreviations defined in the text, by the Schwartz & Hearst (2003) algorithm.

News introduces an acronym once, in brackets after its long form ("the Norwegian Oil Workers'
Union (NOWU)"), or the other way round ("NOWU (Norwegian Oil Workers' Union)"), and then uses
the short form alone. Without the pair, each form becomes its own node and the facts split
between them. Schwartz & Hearst find the pair with one rule: every character of the short form
must occur in the long form, in order, the first one starting a word, scanning from the end;
the long form is at most min(|short| + 5, 2 * |short|) words. This is the algorithm scispaCy's
`AbbreviationDetector` implements; this module keeps it small and spaCy-free where it can be
(it reads token texts), so it is tested on its own.

A. S. Schwartz and M. A. Hearst, "A simple algorithm for identifying abbreviation definitions
in biomedical text", Pacific Symposium on Biocomputing 8:451-462, 2003.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

OPEN = {"(": ")", "[": "]"}
_MAX_SHORT_WORDS = 2
_MAX_SHORT_CHARS = 10


@dataclass(frozen=True)
class Abbreviation:
    """A short form and the long form it abbreviates, as token index ranges [start, end)."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def is_short_form(words: Sequence[str]) -> bool:
    """Schwartz-Hearst's short-form candidate test, with a capital letter required.

    At most two words and ten characters, a letter first, and (our addition for news, where
    brackets often hold a plain word or a figure) either two capitals or a short capitalised
    word, so "(NOWU)", "(HMG)", "(Opec)" qualify and "(pictured)", "(2004)" do not.
    """
    if not words or len(words) > _MAX_SHORT_WORDS:
        return False
    text = " ".join(words)
    if len(text) > _MAX_SHORT_CHARS or len(text) < 2 or not text[0].isalnum():
        return False
    if not any(c.isalpha() for c in text[:1]) and not text[0].isdigit():
        return False
    capitals = sum(c.isupper() for c in text)
    return capitals >= 2 or (capitals == 1 and text[0].isupper() and len(text) <= 6)


def best_long_form(short: str, words: Sequence[str]) -> int | None:
    """How many of the last `words` make the long form of `short`, or None.

    The scan runs from the end of both strings: each alphanumeric character of the short form
    is matched, right to left, in the long form; the first character of the short form must
    begin a word of the long form. News capitalises the words an acronym stands for, so a
    capitalised word start is preferred for that first character ("Organisation of Petroleum
    ... (Opec)" starts at "Organisation", not at "of"), as long as one is in reach.
    """
    return _scan(short, " ".join(words), capital=True) or _scan(short, " ".join(words))


def _scan(short: str, long: str, *, capital: bool = False) -> int | None:
    s_index = len(short) - 1
    l_index = len(long) - 1
    while s_index >= 0:
        c = short[s_index].lower()
        if not c.isalnum():
            s_index -= 1
            continue
        first = s_index == 0
        while l_index >= 0 and (
            long[l_index].lower() != c
            or (first and l_index > 0 and long[l_index - 1].isalnum())
            or (first and capital and not long[l_index].isupper())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start_char = long.rfind(" ", 0, l_index + 1) + 1
    used = long[start_char:].split()
    return len(used) if used else None


def _long_form(short: str, before: Sequence[str]) -> int | None:
    """The long form's length in words, taken from the words just `before` the bracket."""
    limit = min(len(short) + 5, len(short) * 2)
    window = list(before[-limit:])
    n = best_long_form(short, window)
    if n is None or n < 2 and len(short) > 2:
        return None
    long_words = window[-n:]
    if any(w in OPEN or w in OPEN.values() for w in long_words):
        return None
    if len(" ".join(long_words)) <= len(short):
        return None
    return n


def find_abbreviations(words: Sequence[str]) -> list[Abbreviation]:
    """Every "long form (SHORT)" and "SHORT (long form)" pair in a token sequence.

    `words` are token texts (one sentence or a whole document); punctuation is one token
    each, as spaCy splits it. Pairs are returned in text order.
    """
    found: list[Abbreviation] = []
    i = 0
    while i < len(words):
        close = OPEN.get(words[i])
        if close is None:
            i += 1
            continue
        j = i + 1
        while j < len(words) and words[j] != close and j - i <= 12:
            j += 1
        if j >= len(words) or words[j] != close:
            i += 1
            continue
        inside = list(words[i + 1 : j])
        pair = _pair(words, i, j, inside)
        if pair:
            found.append(pair)
        i = j + 1
    return found


def _pair(words: Sequence[str], i: int, j: int, inside: list[str]) -> Abbreviation | None:
    before = _clause_before(words, i)
    if is_short_form(inside):
        short = " ".join(inside)
        n = _long_form(short, before)
        if n is not None:
            long = " ".join(before[-n:])
            return Abbreviation(short, long, i + 1, j, i - n, i)
    # "SHORT (long form)": the word before the bracket is the short form
    if before and is_short_form(before[-1:]) and len(inside) >= 2:
        short = before[-1]
        n = best_long_form(short, inside)
        if n == len(inside) and len(" ".join(inside)) > len(short):
            return Abbreviation(short, " ".join(inside), i - 1, i, i + 1, j)
    return None


def _clause_before(words: Sequence[str], i: int) -> list[str]:
    """The words before position `i`, back to the last sentence or clause break."""
    start = i
    while start > 0 and words[start - 1] not in {".", ";", ":", "!", "?", "\n", '"'}:
        start -= 1
    return list(words[start:i])


def initials_match(short: str, long: str) -> bool:
    """Whether `short` abbreviates `long` by the same character rule, for a short form used alone.

    Used across articles: "HMG" in one article and "Halden Motor Group" in another, where no
    bracket defined the pair. Stricter than within a bracket: every word of the long form that
    starts with a capital must contribute its initial.
    """
    words = long.split()
    if not is_short_form([short]) or len(words) < 2:
        return False
    n = best_long_form(short, words)
    if n != len(words):
        return False
    caps = [w[0] for w in words if w[:1].isupper()]
    return "".join(caps).upper() == "".join(c for c in short if c.isupper())
