"""Schwartz-Hearst abbreviation pairs (kg/abbreviations.py), on token lists: no model needed."""

from __future__ import annotations

import pytest

from kg.abbreviations import best_long_form, find_abbreviations, initials_match, is_short_form


def words(text: str) -> list[str]:
    """Split like spaCy does for these cases: brackets and commas are tokens of their own."""
    for p in "()[],.":
        text = text.replace(p, f" {p} ")
    return text.split()


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("members of the Norwegian Oil Workers' Union ( NOWU ) walked out", "NOWU",
         "Norwegian Oil Workers' Union"),
        ("shares in Halden Motor Group (HMG) rose", "HMG", "Halden Motor Group"),
        ("the Organisation of Petroleum Exporting Countries (Opec) said", "Opec",
         "Organisation of Petroleum Exporting Countries"),
        ("regulator the Financial Services Authority (FSA) fined", "FSA",
         "Financial Services Authority"),
        ("the deal with KesslerBrandt (KB) closed", "KB", "KesslerBrandt"),
        ("the FSA (Financial Services Authority) fined", "FSA", "Financial Services Authority"),
    ],
)
def test_pairs_found(text: str, short: str, long: str) -> None:
    found = find_abbreviations(words(text))
    assert [(a.short, a.long) for a in found] == [(short, long)]


@pytest.mark.parametrize(
    "text",
    [
        "profits rose 5% (to £2bn) last year",
        "the chairman (pictured) resigned",
        "sales in 2004 (the best year) doubled",
        "the firm's new unit (NOWU) opened",  # letters not in the words before the bracket
        "Shell (Royal Dutch) agreed",  # a plain name in brackets, not a long form of "Shell"
    ],
)
def test_no_pair(text: str) -> None:
    assert find_abbreviations(words(text)) == []


def test_token_offsets_point_at_both_forms() -> None:
    toks = words("the Bank of Ostland (BoO) cut rates")
    (a,) = find_abbreviations(toks)
    assert toks[a.short_start : a.short_end] == ["BoO"]
    assert " ".join(toks[a.long_start : a.long_end]) == "Bank of Ostland"


def test_long_form_must_start_at_a_word_start() -> None:
    # "M" must begin a word: "Merlin Group" fits "MG", "Emerald Group" does not
    assert best_long_form("MG", ["Merlin", "Group"]) == 2
    assert best_long_form("MG", ["Emerald", "Group"]) is None


def test_short_form_shape() -> None:
    assert is_short_form(["NOWU"]) and is_short_form(["BoO"])
    assert not is_short_form(["pictured"]) and not is_short_form(["2004"])
    assert not is_short_form(["A", "B", "C"])


def test_initials_used_alone_across_articles() -> None:
    assert initials_match("HMG", "Halden Motor Group")
    assert not initials_match("HMG", "Halden Group")
    assert not initials_match("GM", "Gazprom")  # one word: no initials to check
