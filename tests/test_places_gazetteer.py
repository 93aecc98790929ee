"""The place lexicons backed by the knowledge packages (kg.gazetteer): which places are known,
which nationalities name a country, and which known places may vote a name's type."""

from __future__ import annotations

import pytest

from kg import gazetteer
from kg.lexicons import (
    countries_of_compound,
    country_of_demonym,
    gazetteer_place,
    known_place,
    listed_place,
    supranational,
)
from kg.mentions.collect import _known_area


pytestmark = pytest.mark.usefixtures("gazetteer_cache")


@pytest.mark.parametrize("text", ["Espoo", "Wolfsburg", "Texas City", "Santa Monica"])
def test_packages_know_places_the_hand_list_does_not(text):
    assert known_place(text) and not listed_place(text)


@pytest.mark.parametrize("text", ["Unilever", "Apple", "chairman", "Gazprom"])
def test_companies_and_words_are_no_places(text):
    assert not known_place(text)


def test_a_countrys_formal_style_is_the_country():
    found = gazetteer_place("Republic of Congo")
    assert found is not None and found.kind == "country"
    assert gazetteer_place("Republic of Nowhereland") is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("American", "United States"),  # the hand list's canonical name comes first
        ("British", "United Kingdom"),
        ("Ukrainian", "Ukraine"),
        ("Peruvian", "Peru"),  # only the packages know these
        ("Kenyan", "Kenya"),
        ("Scottish", "Scotland"),
    ],
)
def test_nationalities_name_their_country(word, country):
    assert country_of_demonym(word) == country


@pytest.mark.parametrize("word", ["Latin", "Asian", "chairman", "Anglo American"])
def test_words_that_are_no_nationality(word):
    assert country_of_demonym(word) is None


def test_compound_nationalities_name_both_countries():
    assert countries_of_compound("Anglo-Dutch") == ["United Kingdom", "Netherlands"]
    assert countries_of_compound("Franco-German") == ["France", "Germany"]
    assert countries_of_compound("Anglo-Saxonish") == []


@pytest.mark.parametrize(
    ("text", "area"),
    [("Europe", True), ("Asia", True), ("Latin America", True), ("France", False),
     ("America", False), ("Scotland", False)],
)
def test_areas_larger_than_a_country(text, area):
    assert supranational(text) is area


@pytest.mark.parametrize(
    ("text", "votes"),
    [("Turkmenistan", True), ("Republic of Congo", True), ("Meridian", False), ("Nokia", False)],
)
def test_only_areas_the_packages_know_vote_for_a_place(text, votes):
    # towns lend their names to companies: a town only the packages know casts no place vote
    assert _known_area(text) is votes
