"""A company the articles treat as one never becomes the surname of a given-named person
("Ford" and "Bill Ford"), while a surname NER misread as a company still joins its person."""

from __future__ import annotations

from test_resolve import ex

from kg.resolve import resolve


def test_company_is_no_surname_of_a_given_named_person():
    res = resolve(
        [
            ex(
                "d",
                [
                    ("Brannock", "Organization", 1, "ner"),
                    ("Brannock", "Organization", 3, "context"),
                    ("Bill Brannock", "Person", 1, "ner"),
                ],
                [("Bill Brannock", "worksFor", "Brannock")],
            )
        ]
    )
    types = {e.label: e.type for e in res.entities}
    assert types == {"Brannock": "Organization", "Bill Brannock": "Person"}
    assert [(r.pred) for r in res.relations] == ["worksFor"]


def test_surname_misread_as_a_company_still_joins_its_person():
    res = resolve(
        [ex("d", [("Bill Brannock", "Person", 1, "ner"), ("Brannock", "Organization", 1, "ner")])]
    )
    assert [e.label for e in res.entities] == ["Bill Brannock"]
