"""Places from knowledge packages (kg/gazetteer.py): countries, demonyms, regions, cities."""

from __future__ import annotations

import pytest

from kg import gazetteer


pytestmark = pytest.mark.usefixtures("gazetteer_cache")


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("Espoo", "city", "Finland"),
        ("Wolfsburg", "city", "Germany"),
        ("Bentonville", "city", "United States"),
        ("Holland", "country", "Netherlands"),
        ("Texas", "region", "United States"),
        ("Asia", "continent", None),
        ("U.S.", "country", "United States"),
    ],
)
def test_known_places(text: str, kind: str, country: str | None) -> None:
    found = gazetteer.place(text)
    assert found is not None and (found.kind, found.country) == (kind, country)


@pytest.mark.parametrize("text", ["Unilever", "IT", "DE", "chairman", "Gazprom"])
def test_not_places(text: str) -> None:
    assert gazetteer.place(text) is None


def test_cities_carry_geonames_ids() -> None:
    assert gazetteer.place("Rotterdam").geonames_id == 2747891


@pytest.mark.parametrize(
    ("word", "country"),
    [("German", "Germany"), ("Dutch", "Netherlands"), ("American", "United States"),
     ("Indian", "India"), ("Americans", "United States"), ("Anglo", "United Kingdom"),
     ("chairman", None)],
)
def test_demonyms(word: str, country: str | None) -> None:
    assert gazetteer.country_of_demonym(word) == country


def test_compound_nationality() -> None:
    assert gazetteer.countries_of_compound("Anglo-Dutch") == ["United Kingdom", "Netherlands"]
    assert gazetteer.countries_of_compound("Anglo-owned") == []


def test_italian_names() -> None:
    assert gazetteer.translated_place("Germania", "it") == "Germany"


def test_index_is_cached_on_disk_and_rebuilt_when_stale(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    gazetteer.index.cache_clear()
    gazetteer.index()
    cache = tmp_path / "gazetteer.pickle"
    assert cache.exists()
    cache.write_bytes(b"not a pickle")
    gazetteer.index.cache_clear()
    assert gazetteer.place("Espoo") is not None  # a broken cache is rebuilt, never trusted
    assert cache.read_bytes() != b"not a pickle"
