"""Short news passages -> the facts a reader takes from them, and the ones a reader would not.

Written for these tests (not from any evaluation text), in the style of business news: headline
first, descriptions instead of names ("the retailer", "the Japanese automaker"), titles before
names, facts in relative clauses. Each row: passage, triples that must be asserted, triples that
must not be.
"""
from __future__ import annotations

import pytest

from kg.model import ASSERTED, Document

pytestmark = pytest.mark.slow


def facts(nlp, text: str) -> set[tuple[str, str, str]]:
    from kg.extract import extract
    from kg.resolve import resolve

    res = resolve([extract(Document(id="t", text=text, source="t"), nlp(text))])
    label = {e.key: e.label for e in res.entities}
    out = set()
    for r in res.relations:
        if r.modality == ASSERTED:
            s, o = label[r.subj], label[r.obj]
            out.add((min(s, o), r.pred, max(s, o)) if r.pred in ("partnerOf", "competitorOf") else (s, r.pred, o))
    return out


def canonical(triples):
    return {(min(s, o), p, max(s, o)) if p in ("partnerOf", "competitorOf") else (s, p, o) for s, p, o in triples}


PASSAGES = [
    (
        "Nvidia rival AMD launches new AI chip\nAdvanced Micro Devices on Thursday launched a chip designed to compete with Nvidia's H100.\n"
        "Nvidia, based in Santa Clara, controls most of the market.",
        {("Nvidia", "basedIn", "Santa Clara")},
        {("AMD", "basedIn", "Nvidia"), ("Advanced Micro Devices", "basedIn", "Nvidia")},
    ),
    (
        "Toyota expands partnership with Panasonic on EV batteries\nThe two companies said they would build a new plant.",
        {("Panasonic", "partnerOf", "Toyota")},
        {("Panasonic on EV", "partnerOf", "Toyota")},
    ),
    (
        "Walmart said online sales rose 20%. The retailer, headquartered in Bentonville, Arkansas, also owns Sam's Club.",
        {("Walmart", "basedIn", "Bentonville"), ("Walmart", "owns", "Sam's Club")},
        set(),
    ),
    (
        "Walmart said online sales rose 20% in the quarter. Shares of Shopify fell 3%.\n"
        "The retailer, headquartered in Bentonville, also owns Sam's Club.",
        {("Walmart", "basedIn", "Bentonville"), ("Walmart", "owns", "Sam's Club")},
        {("Shopify", "basedIn", "Bentonville"), ("Shopify", "owns", "Sam's Club"), ("Bentonville", "owns", "Sam's Club")},
    ),
    (
        "Microsoft agreed to buy Activision for $69 billion. Activision chief executive Bobby Kotick will stay on after the deal, the company said.",
        {("Bobby Kotick", "worksFor", "Activision")},
        set(),
    ),
    (
        '"This gives sellers more choice," said Jeff Clark, senior vice president of Walmart\'s marketplace business.',
        {("Jeff Clark", "worksFor", "Walmart")},
        set(),
    ),
    (
        "Toyota, which also holds a 5% stake in Subaru, opened a battery plant in North Carolina last year.",
        {("Toyota", "holdsStakeIn", "Subaru")},
        set(),
    ),
    (
        "Walmart is partnering with Shopify, the Canadian e-commerce platform. The Ottawa-based company's merchants will list products on Walmart's site.",
        {("Shopify", "partnerOf", "Walmart")},
        {("Walmart", "basedIn", "Ottawa")},
    ),
    (
        "Spotify signed a licensing deal with a record label. Daniel Ek, Spotify's co-founder and chief executive, called it a new chapter.",
        {("Daniel Ek", "worksFor", "Spotify")},
        set(),
    ),
    (
        "Tesla Inc opened its first showroom in Mumbai on Tuesday.\nThe carmaker, led by Elon Musk, will import cars from its factory in Shanghai.",
        {("Elon Musk", "worksFor", "Tesla Inc"), ("Tesla Inc", "operatesIn", "Mumbai")},
        {("Elon Musk", "worksFor", "Mumbai")},
    ),
    (
        "Unilever denied reports that it was in talks to buy GSK's consumer health unit. Analysts said Nestle might bid for Pfizer's stake instead.",
        set(),
        {("Unilever", "acquired", "GSK"), ("Nestle", "acquired", "Pfizer")},
    ),
]


@pytest.mark.parametrize("text, expected, forbidden", PASSAGES, ids=[p[0][:30] for p in PASSAGES])
def test_news_passage(nlp, text, expected, forbidden):
    found = facts(nlp, text)
    assert canonical(expected) <= found, f"missing {canonical(expected) - found}; found {found}"
    assert not canonical(forbidden) & found, f"wrong {canonical(forbidden) & found}"
