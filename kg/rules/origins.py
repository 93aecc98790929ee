"""Where a company is from, read off a description of it: "UK drinks and food firm X",
"Anglo-Dutch consumer goods giant X", "X, one of Scotland's premier whisky firms", "France's X".
(The places family; split from kg/rules/places.py, which reads seats off the parse.)"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicons import ROLE_NOUNS, place_name
from ..lexicons import (
    countries_of_compound,
    country_of_demonym,
    gazetteer_place,
    known_place,
    listed_place,
    region_name,
    supranational,
)
from ..mentions import HYPHEN_FACTS, Name
from ..model import ORG, PERSON, PLACE
from .base import Example, Found, rule
from .context import Context
from .triggers import DESCRIPTOR_NOUNS, DESCRIPTOR_STOPS, INSTITUTION_HEADS


@rule(
    "descriptor-origin",
    scope="name",
    emits=("basedIn", "operatesIn"),
    confidence=0.8,
    writes=("place:descriptor", "place:descriptor-area", "place:possessive"),
    examples=(
        Example(
            "Shares in UK drinks and snacks firm Harlow Foods rose after the bid.",
            ("Harlow Foods", "basedIn", "UK"),
            "place:descriptor",
        ),
        Example(
            "Anglo-Dutch consumer goods giant Veltmark cut its forecast.",
            ("Veltmark", "basedIn", "Netherlands"),
            "place:descriptor",
        ),
        Example(
            "Kestrane, one of Portugal's biggest cork producers, was sold.",
            ("Kestrane", "basedIn", "Portugal"),
            "place:descriptor",
        ),
        Example(
            "Tolvane bought a stake in Kerrow - Chile's second-largest copper miner - in 2002.",
            ("Kerrow", "basedIn", "Chile"),
            "place:descriptor",
        ),
        Example(
            "Orvane, Asia's largest mutual insurer, floated in May.",
            ("Orvane", "operatesIn", "Asia"),
            "place:descriptor-area",
        ),
        Example(
            "Franco-German aerospace group Veltro won the order.",
            ("Veltro", "basedIn", "Germany"),
            "place:descriptor",
        ),
        Example(
            "Zambian copper miner Calloway raised output.",
            ("Calloway", "basedIn", "Zambia"),
            "place:descriptor",
        ),
    ),
    counter_examples=(
        Example(
            "Chinese-owned steel producer Brackley reported growth.",
            ("Brackley", "basedIn", "China"),
        ),
        Example(
            "Dutch investors in the shipping firm Harlow Lines sold out.",
            ("Harlow Lines", "basedIn", "Netherlands"),
        ),
        Example("Britain's Tony Marsh said the plan works.", ("Tony Marsh", "basedIn", "Britain")),
        Example(
            "Peru's Mining Minister Ana Ruiz welcomed the plan.", ("Mining", "basedIn", "Peru")
        ),
    ),
)
def descriptor_origin(name: Name, ctx: Context) -> Iterator[Found]:
    """A nationality or home on a description of the company, right before or after its name:
    "UK drinks and food firm X", "Anglo-Dutch consumer goods giant X", "France's biggest bank,
    X", "X, one of Scotland's premier whisky firms", "X, the US car company". A country or city
    is the seat (basedIn); an area larger than a country ("Europe's largest insurer") is where it
    trades (operatesIn)."""
    # (a description in apposition says what the name is, whatever NER made of it:
    # "Kestrane, one of Portugal's biggest cork producers"; so does one before the name with
    # industry words in it, "Ukrainian steel producer Kestrane")
    strong = name.type not in (ORG, None)
    found = _origin_after(name, ctx) + _origin_before(name, ctx, strong=strong)
    found += _country_possessive(name, ctx)
    for origin, trigger in found:
        if origin is name:
            continue
        if trigger.text in ("'s", "\u2019s") and trigger.i == name.start - 1:
            yield Found(name, "basedIn", origin, trigger, "place:possessive", presupposed=True)
        elif supranational(origin.text):
            yield Found(
                name, "operatesIn", origin, trigger, "place:descriptor-area", presupposed=True
            )
        else:
            yield Found(name, "basedIn", origin, trigger, "place:descriptor", presupposed=True)


def _origin_before(name: Name, ctx: Context, *, strong: bool) -> list[tuple[Name, Token]]:
    """ "UK drinks and food firm X", "India's biggest conglomerate, X": the description's head
    right before the name (or before a comma before it). `strong`: only a description with
    industry words ("steel producer"), for a name NER typed otherwise."""
    toks = ctx.toks
    j = name.start - 1
    if j >= 1 and toks[j].text == "," and toks[j - 1].lower_ in DESCRIPTOR_NOUNS:
        j -= 1
        after = toks[name.end] if name.end < len(toks) else None
        if after is not None and after.text not in (",", ".", ";") and after.pos_ != "VERB":
            return []  # "the biggest firm, X and Y": a list, not an apposition
    if j < 0 or toks[j].lower_ not in DESCRIPTOR_NOUNS or ctx.in_name(j):
        return []
    start = _description_start(j, ctx)
    if start is None:
        return []
    if strong and not any(t.is_lower and t.is_alpha for t in toks[start + 1 : j]):
        return []
    return _origin_at(start, toks[j], ctx)


def _country_possessive(name: Name, ctx: Context) -> list[tuple[Name, Token]]:
    """ "France's Kestrane": a country's possession right before a name is its company, even
    where NER took the unfamiliar name for a place (a place the lexicons know, "Germany's
    Bavaria", is a part of the country, not a company in it)."""
    toks = ctx.toks
    i = name.start
    if i < 2 or toks[i - 1].text not in ("'s", "\u2019s") or name.type == PERSON:
        return []
    if name.type == PLACE and known_place(name.text) or "(" in name.text:
        return []
    after = toks[name.end] if name.end < len(toks) else None
    if after is not None and (after.lower_ in ROLE_NOUNS or after.is_title):
        return []  # "Iraq's Trade Minister X": the name is a ministry's, in a title
    country = ctx.name_on(i - 2)
    if country is None or country.type != PLACE or country.end != i - 1:
        return []
    kind = gazetteer_place(country.text)
    if place_name(country.text) is None and (kind is None or kind.kind != "country"):
        return []
    return [(country, toks[i - 1])]


def _origin_after(name: Name, ctx: Context) -> list[tuple[Name, Token]]:
    """ "X, one of Scotland's premier whisky firms", "X, the US car company": an apposition
    whose head is a description, ending the phrase."""
    toks = ctx.toks
    k = name.end
    if k + 2 >= len(toks) or toks[k].text not in (",",) + _DASHES:
        return []
    k += 1
    if toks[k].lower_ == "one" and toks[k + 1].lower_ == "of":
        k += 2
    if k < len(toks) and toks[k].lower_ in ("the", "a", "an"):
        k += 1
    # the description's head: the last word of a lowercase run that starts with the origin
    end = k + 1
    while end < len(toks) and end < k + 9 and (
        toks[end].is_lower or toks[end].text == "'s" or _inner_hyphen(toks[end])
    ):
        end += 1
    head = toks[end - 1]
    if head.lemma_.lower() not in DESCRIPTOR_NOUNS and head.lower_ not in DESCRIPTOR_NOUNS:
        return []
    if end < len(toks) and toks[end].text not in (",", ".", ";", "and", ")") + _DASHES:
        return []  # "X, the UK unit of Y": the description belongs to the next phrase
    start = _description_start(end - 1, ctx)
    if start != k and not (start == k + 2 and toks[k + 1].text == "'s"):
        return []
    return _origin_at(start, head, ctx)


_DASHES = ("-", "\u2013", "\u2014", "--")


def _inner_hyphen(tok: Token) -> bool:
    """A hyphen inside a word ("second-largest"), not a dash between phrases (" - ")."""
    return tok.text == "-" and not tok.whitespace_ and not tok.nbor(-1).whitespace_


def _description_start(head: int, ctx: Context) -> int | None:
    """The first token of a description ending at `head`: lowercase industry words and their
    coordination ("drinks and food", "oil and gas") back to the origin word, or None when the
    run meets a word that ends the description first ("Chinese-owned", "of", "the")."""
    toks = ctx.toks
    k = head - 1
    steps = 0
    while k >= 0 and steps < 7:
        t = toks[k]
        if t.text == "-":
            if k >= 1 and toks[k - 1].is_lower and toks[k + 1].lower_ not in HYPHEN_FACTS:
                k -= 2  # "e-commerce", "state-run"
                steps += 1
                continue
            return None
        if t.lower_ in DESCRIPTOR_STOPS:
            return None
        if t.text in (",", "&") or t.lower_ == "and" or t.is_alpha and t.is_lower:
            if k + 1 < len(toks) and toks[k + 1].text == "-" and t.is_lower:
                return None  # "Chinese-owned": a hyphen fact runs into the description
            k -= 1
            steps += 1
            continue
        if t.text == "'s" and k >= 1:
            return k - 1
        return k
    return None


def _origin_at(i: int, trigger: Token, ctx: Context) -> list[tuple[Name, Token]]:
    """The place(s) a description's first word names: a place ("UK", "India's"), a nationality
    ("Peruvian") or a compound nationality ("Anglo-Dutch": both countries)."""
    toks = ctx.toks
    place = ctx.name_on(i)
    if place is not None and place.type == PLACE and place.end == i + 1:
        return [(place, trigger)]
    if i >= 2 and toks[i - 1].text == "-" and toks[i - 2].is_alpha and toks[i].is_alpha:
        parts = countries_of_compound(f"{toks[i - 2].text}-{toks[i].text}")
        if len(parts) == 2:
            # (NER may make a "person" of "Franco-German": the countries are still named)
            return [
                (_country_name(tok, country, ctx), trigger)
                for tok, country in ((toks[i - 2], parts[0]), (toks[i], parts[1]))
            ]
    if place is not None or toks[i].is_lower or not toks[i].is_alpha:
        return []
    if country_of_demonym(toks[i].lower_) is not None:
        found = ctx.demonym(toks[i])
        return [(found, trigger)] if found is not None and found.type in (PLACE, None) else []
    return []


def _country_name(tok: Token, country: str, ctx: Context) -> Name:
    """The country one part of a compound nationality stands for ("Anglo" in "Anglo-Dutch": a
    combining form names its country only there)."""
    found = ctx.demonym(tok) if country_of_demonym(tok.lower_) == country else None
    if found is not None and found.text == country:
        return found
    return ctx.place_inside(tok.i, tok.i + 1, country)



@rule(
    "institution-city",
    scope="name",
    emits=("basedIn",),
    confidence=0.75,
    writes=("place:institution",),
    examples=(
        Example(
            "She studied at the University of Lyon before joining Corvane.",
            ("University of Lyon", "basedIn", "Lyon"),
            "place:institution",
        ),
        Example(
            "He taught at the Oslo School of Design for a decade.",
            ("Oslo School of Design", "basedIn", "Oslo"),
            "place:institution",
        ),
    ),
    counter_examples=(
        Example("Havana Club sales rose in March.", ("Havana Club", "basedIn", "Havana")),
        Example(
            "She studied at Barry University in Miami.", ("Barry University", "basedIn", "Barry")
        ),
    ),
)
def institution_city(name: Name, ctx: Context) -> Iterator[Found]:
    """A university, school, academy or museum named after a city is in it: "Moscow State
    University", "the University of Tehran", "the Oslo School of Design". Only cities (a
    country or state in a name, "Bank of America", "US Senate", names its reach, not its seat)
    and only institution heads ("Havana Club" is a brand)."""
    if name.type not in (ORG, None) or name.end - name.start < 2:
        return
    toks = ctx.toks
    words = toks[name.start : name.end]
    if not any(t.lower_ in INSTITUTION_HEADS for t in words):
        return
    spans = [(name.start, name.start + n) for n in (3, 2, 1) if name.start + n < name.end]
    of = [t.i for t in words if t.lower_ == "of"]
    if of and of[-1] + 1 < name.end:
        spans.insert(0, (of[-1] + 1, name.end))
    for start, end in spans:
        text = " ".join(t.text for t in toks[start:end])
        # a town before the head may be a founder's name ("Barry University", "Carey Business
        # School"): there only the cities the hand lexicon lists; after "of" any city
        after_of = start > name.start and toks[start - 1].lower_ == "of"
        if toks[end - 1].lower_ in INSTITUTION_HEADS or not _city(text, listed=not after_of):
            continue
        place = ctx.place_inside(start, end, text)
        yield Found(name, "basedIn", place, toks[start], "place:institution", presupposed=True)
        return


def _city(text: str, *, listed: bool) -> bool:
    """A city (not a country, state or province) the lexicons (or, unless `listed`, the
    packages) know."""
    if place_name(text) or region_name(text):
        return False
    if listed_place(text) or listed:
        return listed_place(text)
    found = gazetteer_place(text)
    return found is not None and found.kind == "city"
