"""Name typing from context (kg.mentions): hand-made parses, no model needed."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.mentions import DocNames, clean_name
from kg.model import ORG, PERSON, PLACE
from kg.lexicons import known_place, listed_place, region_name

VOCAB = spacy.blank("en").vocab


def make_doc(rows, spaces=None) -> Doc:
    """rows: (word, head index, dep, pos, lemma, iob ent)."""
    words, heads, deps, pos, lemmas, ents = map(list, zip(*rows))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents, spaces=spaces or [True] * len(words))


def types(rows, spaces=None) -> dict[str, str | None]:
    names = DocNames(make_doc(rows, spaces))
    return {n.text: n.type for n in names.names}


def test_an_age_in_apposition_makes_a_person():
    rows = [
        ("Cheek", 4, "nsubj", "PROPN", "Cheek", "B-ORG"), (",", 0, "punct", "PUNCT", ",", "O"),
        ("53", 0, "appos", "NUM", "53", "O"), (",", 0, "punct", "PUNCT", ",", "O"),
        ("is", 4, "ROOT", "AUX", "be", "O"), ("here", 4, "advmod", "ADV", "here", "O"),
    ]
    assert types(rows)["Cheek"] == PERSON
    # a count is not an age: "Acme, 500, ..." stays as NER read it
    rows[2] = ("500", 0, "appos", "NUM", "500", "O")
    assert types(rows)["Cheek"] == ORG


def test_who_and_an_honorific_make_a_person():
    who = [
        ("Starr", 4, "nsubj", "PROPN", "Starr", "O"), (",", 0, "punct", "PUNCT", ",", "O"),
        ("who", 3, "nsubj", "PRON", "who", "O"), ("served", 0, "relcl", "VERB", "serve", "O"),
        ("left", 4, "ROOT", "VERB", "leave", "O"),
    ]
    assert types(who)["Starr"] == PERSON
    which = [("which" if w == "who" else w, *rest) for w, *rest in who]
    assert types(which)["Starr"] is None
    # too weak to overrule NER: news writes "Morgan Stanley, who declined to comment"
    company = [("Starr", 4, "nsubj", "PROPN", "Starr", "B-ORG"), *who[1:]]
    assert types(company)["Starr"] == ORG
    titled = [
        ("Ms.", 1, "compound", "PROPN", "Ms.", "O"), ("Calico", 2, "nsubj", "PROPN", "Calico", "B-ORG"),
        ("left", 2, "ROOT", "VERB", "leave", "O"),
    ]
    assert types(titled)["Calico"] == PERSON


def test_possessive_kin_and_birth_make_a_person():
    rows = [
        ("Sohn", 2, "poss", "PROPN", "Sohn", "B-ORG"), ("'s", 0, "case", "PART", "'s", "O"),
        ("wife", 3, "nsubj", "NOUN", "wife", "O"), ("left", 3, "ROOT", "VERB", "leave", "O"),
    ]
    assert types(rows)["Sohn"] == PERSON
    rows[2] = ("shares", 3, "nsubj", "NOUN", "share", "O")
    assert types(rows)["Sohn"] == ORG
    born = [
        ("Simon", 2, "nsubjpass", "PROPN", "Simon", "B-ORG"), ("was", 2, "auxpass", "AUX", "be", "O"),
        ("born", 2, "ROOT", "VERB", "bear", "O"),
    ]
    assert types(born)["Simon"] == PERSON
    founded = [("founded" if w == "born" else w, h, d, p, "found" if w == "born" else l, e) for w, h, d, p, l, e in born]
    assert types(founded)["Simon"] == ORG


def test_a_town_followed_by_its_state_is_a_place_with_a_joined_spelling():
    rows = [
        ("Bethany", 4, "nsubj", "PROPN", "Bethany", "B-ORG"), (",", 0, "punct", "PUNCT", ",", "O"),
        ("Conn.", 0, "appos", "PROPN", "Conn.", "B-GPE"), (",", 0, "punct", "PUNCT", ",", "O"),
        ("voted", 4, "ROOT", "VERB", "vote", "O"),
    ]
    found = types(rows, spaces=[False, True, False, True, False])
    assert found["Bethany"] == PLACE and found["Conn"] == PLACE
    assert found["Bethany, Conn"] == PLACE
    # a company followed by a state is not a town
    rows = [
        ("Acme", 1, "compound", "PROPN", "Acme", "B-ORG"), ("Corp.", 5, "nsubj", "PROPN", "Corp.", "I-ORG"),
        (",", 1, "punct", "PUNCT", ",", "O"), ("Conn.", 1, "appos", "PROPN", "Conn.", "B-GPE"),
        (",", 1, "punct", "PUNCT", ",", "O"), ("voted", 5, "ROOT", "VERB", "vote", "O"),
    ]
    found = types(rows, spaces=[True, False, True, False, True, False])
    assert "Acme Corp., Conn" not in found and found["Acme Corp."] == ORG


def test_dateline_city_is_a_place_and_the_agency_an_organisation():
    rows = [
        ("HOUSTON", 0, "ROOT", "PROPN", "HOUSTON", "B-ORG"), ("(", 0, "punct", "PUNCT", "(", "O"),
        ("AP", 0, "appos", "PROPN", "AP", "B-PERSON"), (")", 0, "punct", "PUNCT", ")", "O"),
    ]
    found = types(rows, spaces=[True, False, False, False])
    assert found == {"HOUSTON": PLACE, "AP": ORG}


def test_place_shaped_names():
    rows = [
        ("in", 3, "prep", "ADP", "in", "O"), ("Ocala", 2, "compound", "PROPN", "Ocala", "B-ORG"),
        ("Forest", 0, "pobj", "PROPN", "Forest", "I-ORG"), ("burned", 3, "ROOT", "VERB", "burn", "O"),
    ]
    assert types(rows)["Ocala Forest"] == PLACE
    rows[2] = ("Bank", 0, "pobj", "PROPN", "Bank", "I-ORG")
    assert types(rows)["Ocala Bank"] == ORG
    fort = [
        ("in", 3, "prep", "ADP", "in", "O"), ("Fort", 2, "compound", "PROPN", "Fort", "B-ORG"),
        ("Scott", 0, "pobj", "PROPN", "Scott", "I-ORG"), ("burned", 3, "ROOT", "VERB", "burn", "O"),
    ]
    assert types(fort)["Fort Scott"] == PLACE
    firm = [
        ("in", 4, "prep", "ADP", "in", "O"), ("Fort", 2, "compound", "PROPN", "Fort", "B-ORG"),
        ("Scott", 3, "compound", "PROPN", "Scott", "I-ORG"), ("Partners", 0, "pobj", "PROPN", "Partners", "I-ORG"),
        ("invested", 4, "ROOT", "VERB", "invest", "O"),
    ]
    assert types(firm)["Fort Scott Partners"] == ORG  # "Fort ..." is a place only as a two-word name


def test_a_legal_form_after_the_name_makes_a_company():
    rows = [
        ("Green", 1, "compound", "PROPN", "Green", "B-LOC"), ("River", 4, "nsubj", "PROPN", "River", "I-LOC"),
        (",", 1, "punct", "PUNCT", ",", "O"), ("LLC", 1, "appos", "PROPN", "LLC", "B-ORG"),
        ("sold", 4, "ROOT", "VERB", "sell", "O"),
    ]
    spaces = [True, False, True, True, False]
    assert types(rows, spaces)["Green River"] == ORG
    rows[3] = ("Wyoming", 1, "appos", "PROPN", "Wyoming", "B-GPE")  # a state, not a legal form
    assert types(rows, spaces)["Green River"] == PLACE


def test_multiword_definition_in_brackets_is_an_alias():
    rows = [
        ("CME", 1, "compound", "PROPN", "CME", "B-ORG"), ("Group", 2, "compound", "PROPN", "Group", "I-ORG"),
        ("Inc.", 8, "nsubj", "PROPN", "Inc.", "I-ORG"), ("(", 2, "punct", "PUNCT", "(", "O"),
        ('"', 5, "punct", "PUNCT", '"', "O"), ("CME", 6, "compound", "PROPN", "CME", "O"),
        ("Group", 2, "appos", "PROPN", "Group", "O"), (")", 2, "punct", "PUNCT", ")", "O"),
        ("grew", 8, "ROOT", "VERB", "grow", "O"),
    ]
    names = DocNames(make_doc(rows))
    assert names.aliases == {"CME Group": "CME Group Inc."}
    assert {n.text: n.type for n in names.names}["CME Group"] == ORG
    rows[5] = ("Chicago", 6, "compound", "PROPN", "Chicago", "O")  # not a short form of the name
    assert DocNames(make_doc(rows)).aliases == {}


def _ner_names(words: list[str], ent: tuple[int, int]) -> set[str]:
    """Names found when NER marks words[ent[0]:ent[1]] as ORG in "<words> grew"."""
    n = len(words)
    rows = [(w, n, "compound", "PROPN", w, ("B-ORG" if i == ent[0] else "I-ORG") if ent[0] <= i < ent[1] else "O") for i, w in enumerate(words)]
    rows.append(("grew", n, "ROOT", "VERB", "grow", "O"))
    return {nm.text for nm in DocNames(make_doc(rows)).names}


def test_filing_words_are_not_names_but_companies_named_with_them_are():
    assert _ner_names(["Asset", "Purchase", "Agreement"], (0, 3)) == set()
    assert _ner_names(["Effective", "October30"], (0, 2)) == set()
    assert _ner_names(["Second", "Amended"], (0, 2)) == set()
    assert _ner_names(["First", "Security", "Corporation"], (0, 3)) == {"First Security Corporation"}
    assert _ner_names(["Acme", "Purchase"], (0, 2)) == {"Acme Purchase"}
    # a company's board or division stands for the company itself
    assert _ner_names(["Board", "of", "Acme", "Holdings", "Inc."], (0, 5)) == {"Acme Holdings Inc."}
    assert _ner_names(["Board", "of", "Directors"], (0, 3)) == set()
    # every word generic, yet a government body
    assert _ner_names(["the", "State", "Department"], (1, 3)) == {"State Department"}
    assert _ner_names(["the", "Marketing", "Department"], (1, 3)) == set()


def test_region_lexicon():
    assert region_name("Conn.") == "Connecticut" and region_name("N.Y.") == "New York"
    assert region_name("Texas") == "Texas" and region_name("Acme") is None
    assert known_place("Havana") and not known_place("Apple")
    assert clean_name("in Texas.") == "in Texas"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("(Text) Saint-Gall, Switzerland, Feb 2 (AFP) -- The wreck was found.", {"Saint-Gall": PLACE, "AFP": ORG}, set()),
        ("LD0806223294 Sarajevo Radio Bosnia-Herzegovina Network in Serbo-Croatian 2000 GMT 8 Jun 94",
         {"Sarajevo": PLACE, "Radio Bosnia-Herzegovina Network": ORG}, {"GMT", "LD0806223294"}),
        ("Google (GOOG) - shares rose on Monday.", {}, {"Google"}),  # a ticker, not a dateline
        ("PA2904034294 Guatemala City Teleonce Television in Spanish 0400 GMT 26 Apr 94",
         {"Guatemala City": PLACE, "Teleonce Television": ORG}, {"Guatemala"}),
        ("PM2303111794 Moscow IZVESTIYA in Russian 23 Mar 94 p 3", {"Moscow": PLACE, "IZVESTIYA": ORG}, set()),
        ("Moscow IZVESTIYA", {"Moscow": PLACE, "IZVESTIYA": ORG}, set()),
        ("Havana Radio Reloj Network", {"Havana": PLACE, "Radio Reloj Network": ORG}, set()),
        ("Text of Article PM3001110194 London THE SUNDAY TIMES 30 Jan 94 pp 1", {"London": PLACE, "SUNDAY TIMES": ORG}, set()),
        ("New York Times", {}, {"New York"}),  # alone on a line, but no broadcaster word: one name
    ],
)
def test_datelines_and_source_lines(nlp, text, expected, absent):
    names = DocNames(nlp(text))
    found = {n.text: n.type for n in names.names}
    for name, kind in expected.items():
        assert found.get(name) == kind, found
    assert not absent & {n for n, t in found.items() if t}


def test_titled_form_is_a_spelling_not_a_mention():
    rows = [
        ("President", 1, "compound", "PROPN", "President", "O"), ("Kennedy", 2, "nsubj", "PROPN", "Kennedy", "B-PERSON"),
        ("spoke", 2, "ROOT", "VERB", "speak", "O"),
    ]
    names = DocNames(make_doc(rows))
    found = {n.text: (n.type, n.spelling) for n in names.names}
    assert found == {"Kennedy": (PERSON, False), "President Kennedy": (None, True)}
    assert names.by_token[1].text == "Kennedy" and 0 not in names.by_token
    rows[0] = ("Chairman", 1, "compound", "PROPN", "Chairman", "O")  # a role, not an honorific
    assert {n.text for n in DocNames(make_doc(rows)).names} == {"Kennedy"}


def test_shares_of_a_name_make_a_company():
    rows = [
        ("Shares", 3, "nsubj", "NOUN", "share", "O"), ("of", 0, "prep", "ADP", "of", "O"),
        ("Uber", 1, "pobj", "PROPN", "Uber", "O"), ("jumped", 3, "ROOT", "VERB", "jump", "O"),
    ]
    assert types(rows)["Uber"] == ORG
    rows[0] = ("Fans", 3, "nsubj", "NOUN", "fan", "O")
    assert types(rows)["Uber"] is None


@pytest.mark.slow
def test_a_one_line_document_is_not_a_headline_waiting_for_confirmation(nlp):
    line = "Microsoft To Acquire LinkedIn For Cash In Big Deal"
    alone = {n.text: n.weak for n in DocNames(nlp(line)).names}
    assert alone.get("Microsoft") is False
    with_body = {n.text: n.weak for n in DocNames(nlp(line + "\nThe deal was announced on Monday.")).names}
    assert with_body.get("Microsoft") is True


def test_role_words_opening_a_person_span_are_not_the_name():
    rows = [
        ("Later", 3, "advmod", "ADV", "later", "O"),
        ("Composer", 2, "compound", "PROPN", "Composer", "B-PERSON"), ("Thomas", 3, "nsubj", "PROPN", "Thomas", "I-PERSON"),
        ("wrote", 3, "ROOT", "VERB", "write", "O"),
    ]
    assert {n.text for n in DocNames(make_doc(rows)).names} == {"Thomas"}
    rows[1] = ("Dean", 2, "compound", "PROPN", "Dean", "B-PERSON")  # a given name, not the role
    assert {n.text for n in DocNames(make_doc(rows)).names} == {"Dean Thomas"}


def test_one_institution_with_and_in_its_name_is_not_split():
    rows = [
        ("the", 3, "det", "DET", "the", "O"), ("Aeronautics", 3, "compound", "PROPN", "Aeronautics", "B-ORG"),
        ("and", 1, "cc", "CCONJ", "and", "I-ORG"), ("Administration", 4, "nsubj", "PROPN", "Administration", "I-ORG"),
        ("said", 4, "ROOT", "VERB", "say", "O"),
    ]
    assert {n.text for n in DocNames(make_doc(rows)).names} == {"Aeronautics and Administration"}
    rows[3] = ("Facebook", 4, "nsubj", "PROPN", "Facebook", "I-ORG")  # two companies in one span
    rows[1] = ("Google", 3, "compound", "PROPN", "Google", "B-ORG")
    assert {n.text for n in DocNames(make_doc(rows)).names} == {"Google", "Facebook"}


def test_hometowns_are_places():
    rows = [
        ("Bickel", 6, "nsubj", "PROPN", "Bickel", "B-PERSON"), (",", 0, "punct", "PUNCT", ",", "O"),
        ("25", 0, "appos", "NUM", "25", "O"), (",", 0, "punct", "PUNCT", ",", "O"),
        ("of", 0, "prep", "ADP", "of", "O"), ("Tempe", 4, "pobj", "PROPN", "Tempe", "B-ORG"),
        ("pleaded", 6, "ROOT", "VERB", "plead", "O"),
    ]
    assert types(rows)["Tempe"] == PLACE
    rows[2] = ("Jr.", 0, "appos", "PROPN", "Jr.", "O")  # no age: "of X" may be an employer
    assert types(rows)["Tempe"] == ORG
    native = [
        ("a", 2, "det", "DET", "a", "O"), ("Fargo", 2, "compound", "PROPN", "Fargo", "B-ORG"),
        ("native", 2, "ROOT", "NOUN", "native", "O"),
    ]
    assert types(native)["Fargo"] == PLACE


@pytest.mark.parametrize(
    "first, expected",
    [
        ("Halvey", ORG),  # an unfamiliar "place" before a title and its holder is the holder's company
        ("Boston", PLACE),  # a place the lexicons know stays a place ("Boston mayor X")
        ("Whitefish City", PLACE),  # built like a town's name: "Whitefish City Attorney X"
    ],
)
def test_unfamiliar_place_before_title_and_holder(first, expected):
    words = first.split()
    n = len(words)
    # the place's words hang on its last word, the last word on the title (token n)
    place = [(w, n - 1 if i < n - 1 else n, "compound", "PROPN", w, "B-GPE" if i == 0 else "I-GPE") for i, w in enumerate(words)]
    rows = [
        *place,
        ("president", n + 2, "compound", "NOUN", "president", "O"),
        ("Ann", n + 2, "compound", "PROPN", "Ann", "B-PERSON"), ("Marsh", n + 3, "nsubj", "PROPN", "Marsh", "I-PERSON"),
        ("spoke", n + 3, "ROOT", "VERB", "speak", "O"),
    ]
    assert types(rows)[first] == expected
    # without a holder right after the title there is no such cue
    rows_without = [*place, ("president", n + 1, "nsubj", "NOUN", "president", "O"), ("spoke", n + 1, "ROOT", "VERB", "speak", "O")]
    assert types(rows_without)[first] == PLACE


def test_title_split_from_organisation_before_its_holder():
    # "Coast Guard Lt. Ann Marsh": NER's organisation ran on into the holder's title
    rows = [
        ("Coast", 1, "compound", "PROPN", "Coast", "B-ORG"), ("Guard", 5, "compound", "PROPN", "Guard", "I-ORG"),
        ("Lt", 5, "compound", "PROPN", "Lt", "I-ORG"), (".", 5, "punct", "PUNCT", ".", "O"),
        ("Ann", 5, "compound", "PROPN", "Ann", "B-PERSON"), ("Marsh", 6, "nsubj", "PROPN", "Marsh", "I-PERSON"),
        ("spoke", 6, "ROOT", "VERB", "speak", "O"),
    ]
    spaces = [True, True, False, True, True, True, False]
    found = types(rows, spaces)
    assert "Coast Guard" in found and "Coast Guard Lt" not in found and "Lt" not in found


@pytest.mark.parametrize("text, known", [("Maharashtra", True), ("Guangdong", True), ("New South Wales", True), ("Bavaria", True), ("Java", False), ("Victoria", False)])
def test_world_regions_are_known_places(text, known):
    # "headquartered in Mumbai, Maharashtra": the state is a place, not a company; a language
    # or a given name that is also a region is not in the hand list (the packages know Victoria,
    # which votes for a place only with NER: tests/test_places_gazetteer.py)
    assert listed_place(text) is known


def test_every_country_adjective_is_a_demonym_of_its_country():
    """One list: nationality adjectives map to their country (none is left in GROUP_WORDS)."""
    from kg.lexicons import DEMONYMS, GROUP_WORDS, place_name
    from kg.mentions.tokens import _group_word

    assert DEMONYMS["peruvian"] == "Peru" and DEMONYMS["sri lankan"] == "Sri Lanka"
    assert all(place_name(country) for country in DEMONYMS.values())
    assert not {w for w in GROUP_WORDS if w in DEMONYMS}
    assert _group_word("Sri Lankan") and _group_word("Peruvians") and not _group_word("Acme")
