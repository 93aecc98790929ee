"""Brand lists and model lists: what a company owns or launches, named after it."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import ASSERTED, Document


def triples(nlp, text: str) -> set[tuple[str, str, str]]:
    ex = extract(Document(id="t", text=text, source="t"), nlp(text))
    return {(r.subj, r.pred, r.obj) for r in ex.relations if r.modality == ASSERTED}


@pytest.mark.slow
def test_brand_list_keeps_split_names_whole_and_stops_at_a_preposition(nlp) -> None:
    found = triples(
        nlp,
        "Marlowe Group's big names include Malina rum - as well as cafe chains such as "
        "Pollard' Bakes and Tovar-Lind ice cream in France.",
    )
    owned = {o for s, p, o in found if s == "Marlowe Group" and p == "owns"}
    assert "Pollard' Bakes" in owned and "Tovar-Lind" in owned
    assert "France" not in owned and "Pollard" not in owned


@pytest.mark.slow
def test_model_list_joins_make_and_model(nlp) -> None:
    found = triples(
        nlp,
        "Recent new models introduced by Volvex Motors include the Pavo and Lyra sedans, "
        "and the Kestrel Aurel in North America.",
    )
    launched = {o for s, p, o in found if s == "Volvex Motors" and p == "launched"}
    assert {"Pavo", "Lyra"} <= launched
    assert "North America" not in launched


@pytest.mark.slow
def test_a_rival_list_is_no_brand_list(nlp) -> None:
    found = triples(nlp, "Halvane Foods' rivals include Brisa Soaps and Orbix Home.")
    assert not {t for t in found if t[1] == "owns"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, name, is_product",
    [
        ("Marlowe Group will focus on its labels, including Ridgely and Fenwick Wool.",
         "Ridgely", True),
        ("New models include the Pavo and the Lyra.", "Lyra", True),
        # companies listed after a noun that is no brand noun stay companies
        ("The big names in banking include Goldman Sachs.", "Goldman Sachs", False),
        ("Tovar Cafes competes with chains such as Kestrel Coffee, which said sales rose.",
         "Kestrel Coffee", False),
    ],
)
def test_listed_brands_are_typed_products(nlp, text: str, name: str, is_product: bool) -> None:
    from kg.mentions import DocNames

    names = DocNames(nlp(text))
    typed = {n.text: n for n in names.names}
    cues = {c[0] for c in typed[name].cues}
    assert ("product.modifier" in cues) == is_product
