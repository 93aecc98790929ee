"""Acronyms and short forms: one entity per company or person, within an article and across."""

from __future__ import annotations

import pytest

from kg.mentions import DocNames
from kg.mentions.aliases import defines
from kg.model import ASSERTED, Document, Extraction, Mention, Relation
from kg.resolve import resolve


def ex(doc_id: str, mentions, relations=()):
    out = Extraction(document=Document(id=doc_id, text="", source=doc_id))
    out.mentions = [Mention(n, t, doc_id, 0, 1, weight=1.0, evidence="ner") for n, t in mentions]
    out.relations = [
        Relation(s, p, o, doc_id, "s", 0, 1, "test", 0.8, ASSERTED) for s, p, o in relations
    ]
    return out


@pytest.mark.parametrize(
    "short, long",
    [
        ("KTL", "Kestrel Thermoplastics Limited"),  # a letter from inside a word
        ("Nowu", "Norwegian Oil Workers' Union"),
        ("BVW", "Brandvold Wind"),
    ],
)
def test_bracket_pairs_by_schwartz_hearst(short: str, long: str) -> None:
    assert defines(short, long)


@pytest.mark.parametrize(
    "short, long",
    [
        ("KTL", "Marlow Thermoplastics Limited"),  # no word starts with K
        ("pictured", "Anna Berg"),  # not a short form
        ("XY", "X"),  # the long form is no longer than the short one
    ],
)
def test_no_bracket_pair(short: str, long: str) -> None:
    assert not defines(short, long)


def test_short_form_used_alone_joins_the_one_long_form_in_the_corpus() -> None:
    res = resolve(
        [
            ex("d1", [("Halden Motor Group", "Organization")]),
            ex(
                "d2",
                [("HMG", "Organization"), ("Vesta", "Organization")],
                [("HMG", "owns", "Vesta")],
            ),
        ]
    )
    orgs = {e.label: e for e in res.entities}
    assert "HMG" in orgs["Halden Motor Group"].aliases
    assert [(r.subj, r.obj) for r in res.relations] == [
        (orgs["Halden Motor Group"].key, orgs["Vesta"].key)
    ]


def test_ambiguous_short_form_stays_apart() -> None:
    res = resolve(
        [
            ex("d1", [("Halden Motor Group", "Organization")]),
            ex("d2", [("Hexa Media Group", "Organization")]),
            ex("d3", [("HMG", "Organization")]),
        ]
    )
    assert len(res.entities) == 3


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, short, long",
    [
        ("Kestrel Thermoplastics Limited (KTL) said sales rose. KTL plans more plants.",
         "KTL", "Kestrel Thermoplastics Limited"),
        ("BVW (Brandvold Wind) opened a plant. The company said BVW would grow.",
         "BVW", "Brandvold Wind"),
        ("Ravi Menon, chairman of Orlen Tide, resigned. Ravi said he would stay on.",
         "Ravi", "Ravi Menon"),
        ("Shares in Halvorsen Tiedemann rose. Halvorsen said costs fell.",
         "Halvorsen", "Halvorsen Tiedemann"),
        ("Verizon will pay a sum for Orvane, which was formerly known as Telvic. Telvic grew.",
         "Telvic", "Orvane"),
        ("P&Q plans a sale. Pollard & Quaile will sell its depots in Leeds.",
         "P&Q", "Pollard & Quaile"),
    ],
)
def test_aliases_within_an_article(nlp, text: str, short: str, long: str) -> None:
    assert DocNames(nlp(text)).aliases.get(short) == long


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, short",
    [
        # the parent first, its unit after: "Tencent Music" is not Tencent
        ("Halvorsen said profits rose. Halvorsen Tidal also grew.", "Halvorsen"),
        # two people share the given name
        ("Ravi Menon and Ravi Kapoor met. Ravi said the talks went well.", "Ravi"),
        # a person's past employer is no former name
        ("Anna Berg, formerly Telvic's chief, joined Orvane.", "Telvic"),
        # two long forms fit the letters
        ("Halden Motor Group and Hexa Media Group met. HMG said talks went well.", "HMG"),
    ],
)
def test_no_alias_within_an_article(nlp, text: str, short: str) -> None:
    assert short not in DocNames(nlp(text)).aliases


def test_a_group_is_not_its_unit() -> None:
    res = resolve(
        [
            ex(
                "d1",
                [("Halden Group", "Organization"), ("Halden Industries", "Organization")],
                [("Halden Group", "owns", "Halden Industries")],
            )
        ]
    )
    assert len(res.entities) == 2 and len(res.relations) == 1


def test_a_model_without_its_make_joins_the_full_product_name() -> None:
    res = resolve(
        [
            ex("d1", [("Volvex Aria", "Product"), ("Aria", "Product")]),
            ex("d2", [("Volvex Motors", "Organization")]),
        ]
    )
    products = [e for e in res.entities if e.type == "Product"]
    assert len(products) == 1 and "Aria" in products[0].aliases


@pytest.mark.parametrize(
    "a, b",
    [
        ("US Halden Reserve Board", "Halden Reserve Board"),
        ("Allied Kestrel Bank", "Allied Kestrel Banks"),
    ],
)
def test_spellings_of_one_organisation_meet(a: str, b: str) -> None:
    res = resolve([ex("d1", [(a, "Organization")]), ex("d2", [(b, "Organization")])])
    assert len(res.entities) == 1


def test_a_country_in_front_of_a_one_word_name_is_another_company() -> None:
    res = resolve(
        [ex("d1", [("US Airways", "Organization")]), ex("d2", [("Airways", "Organization")])]
    )
    assert len(res.entities) == 2


def test_a_two_letter_short_form_stays_apart_across_articles() -> None:
    res = resolve([ex("d1", [("Sun Systems", "Organization")]), ex("d2", [("SS", "Organization")])])
    assert len(res.entities) == 2


@pytest.mark.slow
def test_a_name_and_a_country_is_a_unit_not_a_long_form(nlp) -> None:
    names = DocNames(nlp("Orvane Canada said sales rose. Orvane said costs fell."))
    assert "Orvane" not in names.aliases
