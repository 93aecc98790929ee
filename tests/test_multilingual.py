from __future__ import annotations

import pytest

from kg.model import Document, Entity
from kg.multilingual import link_known_entities

ENTITIES = [
    Entity(key="acme", label="Acme", type="Organization", aliases={"Acme Corp."}),
    Entity(key="widgetco", label="WidgetCo", type="Organization"),
    Entity(key="italy", label="Italy", type="Place", aliases={"Italia"}),
]


def run(text: str, lang: str = "it"):
    return link_known_entities(Document(id="d", text=text, source="d", lang=lang), ENTITIES)


def test_known_names_and_aliases_are_linked_and_only_evidenced_names_added():
    ex = run("Acme Corp. e WidgetCo operano in Italia. Anche Foobar Srl cresce. Domani Zorbix arriva.")
    found = {(m.name, m.type) for m in ex.mentions}
    assert found == {("Acme Corp.", "Organization"), ("Italia", "Place"), ("WidgetCo", "Organization"),
                     ("Foobar Srl", "Organization")}  # a legal form evidences a company; "Zorbix" nothing


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pinewood ha firmato un accordo con Larix.", {("Pinewood", "partnerOf", "Larix")}),
        ("Larix ha acquisito la startup Pinewood.", {("Larix", "acquired", "Pinewood")}),
        ("Larix, con sede a Torino, cresce.", {("Larix", "basedIn", "Torino")}),
        ("Giulia Ferri, amministratrice delegata di Larix, ha parlato.",
         {("Giulia Ferri", "worksFor", "Larix")}),
        ("L'amministratore delegato di Larix, Marco Bianchi, ha parlato.",
         {("Marco Bianchi", "worksFor", "Larix")}),
        ("Larix ha lanciato Nuvola in Germania.", {("Larix", "launched", "Nuvola")}),
        ("Larix potrebbe acquisire Pinewood.", set()),  # hedged
        ("Larix non ha acquisito Pinewood.", set()),  # negated
        ("Larix acquisirà Pinewood se l'antitrust approva.", set()),  # future and conditional
        ("Giulia Ferri ha firmato un accordo con Larix.", set()),  # a person signs for a company
        # the second verb's subject is not written next to it: no guess without a parse
        ("Larix ha sede a Milano e ha acquisito Roma Uno.", {("Larix", "basedIn", "Milano")}),
    ],
)
def test_new_names_in_unmistakable_patterns(text, expected):
    ex = link_known_entities(Document(id="d", text=text, source="d", lang="it"), [])
    assert {(r.subj, r.pred, r.obj) for r in ex.relations} == expected


def test_pattern_types_its_untyped_names():
    ex = link_known_entities(Document(id="d", text="Pinewood ha acquisito Larix.", source="d", lang="it"), [])
    assert {(m.name, m.type) for m in ex.mentions} == {("Pinewood", "Organization"), ("Larix", "Organization")}


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Acme e WidgetCo hanno annunciato un accordo di collaborazione.", "it", {("Acme", "partnerOf", "WidgetCo")}),
        ("Acme y WidgetCo firmaron una alianza.", "es", {("Acme", "partnerOf", "WidgetCo")}),
        ("Acme e WidgetCo potrebbero firmare un accordo.", "it", set()),  # hedged
        ("Acme e WidgetCo non hanno firmato un accordo.", "it", set()),  # negated
        ("Acme e WidgetCo firmeranno un accordo?", "it", set()),  # question
        ("Acme e WidgetCo hanno annunciato un accordo.", "xx", set()),  # unknown language: names only
        ("Acme ha annunciato un accordo in Italia.", "it", set()),  # one company only
    ],
)
def test_only_unmistakable_relations(text, lang, expected):
    assert {(r.subj, r.pred, r.obj) for r in run(text, lang).relations} == expected


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Acme e WidgetCo hanno annunciato un accordo di collaborazione.", "it"),
        ("Acme und WidgetCo haben heute eine Partnerschaft angekündigt.", "de"),
        ("Acme announced on Monday that it would buy WidgetCo.", "en"),
        # names and numbers only: too little running text to identify, so the model's language
        ("AU0505102194 Munich SUEDDEUTSCHE ZEITUNG in German 5 May 94 p 4", "en"),
        ("Milano Borsa Italiana Piazza Affari 12 Mar 2024", "en"),
    ],
)
def test_language_is_identified_from_running_text(text, lang):
    from kg.nlp import detect_language

    assert detect_language(text) == lang
