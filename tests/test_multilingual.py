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


def test_known_names_and_aliases_are_linked_not_invented():
    ex = run("Acme Corp. e WidgetCo operano in Italia. Anche Foobar Srl cresce.")
    assert sorted(m.name for m in ex.mentions) == ["Acme Corp.", "Italia", "WidgetCo"]


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
