"""Typing cues as units (kg.mentions.cues): each cue id fires on a hand-made parse of its own
example and stays silent on a counter-example. No model needed."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.mentions import DocNames
from kg.mentions.cues import ALL_CUES, CONTEXT_CUES, CUES_BY_ID
from kg.model import ORG, PLACE

VOCAB = spacy.blank("en").vocab


def t(word, head, dep, pos="NOUN", lemma=None, ent="O", tag="", space=True):
    """One token: head is the absolute index of its head."""
    return (word, head, dep, pos, lemma or word.lower(), ent, tag, space)


def doc_of(rows) -> Doc:
    words, heads, deps, pos, lemmas, ents, tags, spaces = map(list, zip(*rows))
    return Doc(
        VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents,
        tags=tags, spaces=spaces,
    )  # fmt: skip


def cue_ids(rows, text: str) -> set[str]:
    """The cue ids recorded on every mention of `text`."""
    names = DocNames(doc_of(rows))
    found = [n for n in names.names if n.text == text]
    assert found, f"{text!r} not among {[n.text for n in names.names]}"
    return {cue_id for n in found for cue_id, _, _ in n.cues}


P = "PROPN"
SENT = [t("grew", 1, "ROOT", "VERB", "grow"), t(".", 1, "punct", "PUNCT")]


def subject(word: str, ent: str = "B-ORG", *, verb: str = "grew", lemma: str = "grow"):
    """`word verb .`"""
    return [t(word, 1, "nsubj", P, ent=ent), t(verb, 1, "ROOT", "VERB", lemma), t(".", 1, "punct")]


def described(noun: str):
    """`NOUN TCG grew .` with NOUN a compound inside the name's phrase."""
    return [t(noun, 1, "compound"), *[(*r[:1], r[1] + 1, *r[2:]) for r in subject("TCG")]]


def appositive(noun: str):
    """`Kuaishou , a NOUN , grew .`"""
    return [
        t("Kuaishou", 5, "nsubj", P, ent="B-ORG"), t(",", 0, "punct", "PUNCT"),
        t("a", 3, "det", "DET"), t(noun, 0, "appos"), t(",", 0, "punct", "PUNCT"),
        t("grew", 5, "ROOT", "VERB", "grow"), t(".", 5, "punct", "PUNCT"),
    ]  # fmt: skip


def before_head(word: str, head: str, *, ent: str = "B-ORG", dep: str = "compound"):
    """`a WORD HEAD left .` with WORD a modifier of HEAD."""
    return [
        t("a", 2, "det", "DET"), t(word, 2, dep, P, ent=ent), t(head, 3, "nsubj"),
        t("left", 3, "ROOT", "VERB", "leave"), t(".", 3, "punct", "PUNCT"),
    ]  # fmt: skip


def said(name: str, clause_subject: str, ent: str = "B-ORG"):
    """`NAME said SUBJECT grew .`"""
    return [
        t(name, 1, "nsubj", P, ent=ent), t("said", 1, "ROOT", "VERB", "say"),
        t(clause_subject, 3, "nsubj", "PRON", tag="PRP"), t("grew", 1, "ccomp", "VERB", "grow"),
        t(".", 1, "punct", "PUNCT"),
    ]  # fmt: skip


def predicate(noun: str):
    """`Marshall is a NOUN .`"""
    return [
        t("Marshall", 1, "nsubj", P, ent="B-ORG"), t("is", 1, "ROOT", "AUX", "be"),
        t("a", 3, "det", "DET"), t(noun, 1, "attr"), t(".", 1, "punct", "PUNCT"),
    ]  # fmt: skip


def of_name(noun: str, lemma: str, name: str = "Uber", *, ent: str = "B-ORG"):
    """`NOUN of NAME rose .`"""
    return [
        t(noun, 3, "nsubj", lemma=lemma), t("of", 0, "prep", "ADP"), t(name, 1, "pobj", P, ent=ent),
        t("rose", 3, "ROOT", "VERB", "rise"), t(".", 3, "punct", "PUNCT"),
    ]  # fmt: skip


def possessive(noun: str, name: str = "Sohn"):
    """`NAME 's NOUN left .`"""
    return [
        t(name, 2, "poss", P, ent="B-ORG"), t("'s", 0, "case", "PART", tag="POS"),
        t(noun, 3, "nsubj"), t("left", 3, "ROOT", "VERB", "leave"), t(".", 3, "punct", "PUNCT"),
    ]  # fmt: skip


def comma_then(words: list[tuple], name: str = "Starr", ent: str = "B-ORG"):
    """`NAME , WORDS... , left .` with every word hanging off the name."""
    n = len(words)
    rows = [t(name, n + 3, "nsubj", P, ent=ent), t(",", 0, "punct", "PUNCT", space=False)]
    rows[0] = (*rows[0][:7], False)
    rows += [t(w, 0, dep, pos, lemma) for w, dep, pos, lemma in words]
    rows += [t(",", 0, "punct", "PUNCT"), t("left", n + 3, "ROOT", "VERB", "leave")]
    return rows + [t(".", n + 3, "punct", "PUNCT")]


AGE = ("53", "appos", "NUM", "53")
COUNT = ("500", "appos", "NUM", "500")
WHO = ("who", "relcl", "PRON", "who")
WHICH = ("which", "relcl", "PRON", "which")


def passive(verb: str, lemma: str):
    """`Lennon was VERB .`"""
    return [
        t("Lennon", 2, "nsubjpass", P, ent="B-ORG"), t("was", 2, "auxpass", "AUX", "be"),
        t(verb, 2, "ROOT", "VERB", lemma), t(".", 2, "punct", "PUNCT"),
    ]  # fmt: skip


def middle(words: list[str]):
    ents = ["B-PERSON"] + ["I-PERSON"] * (len(words) - 1)
    rows = [t(w, len(words) - 1, "compound", P, ent=e) for w, e in zip(words, ents)]
    rows[-1] = t(words[-1], len(words), "nsubj", P, ent=ents[-1])
    return rows + [t("left", len(words), "ROOT", "VERB", "leave"), t(".", len(words), "punct")]


def listed(first: str, ent: str):
    """`FIRST and Snapchat grew .`"""
    return [
        t(first, 3, "nsubj", P, ent=ent), t("and", 0, "cc", "CCONJ"), t("Snapchat", 0, "conj", P),
        t("grew", 3, "ROOT", "VERB", "grow"), t(".", 3, "punct", "PUNCT"),
    ]  # fmt: skip


def pronoun_after(word: str):
    """`Jiang left . WORD returned .`"""
    return [
        t("Jiang", 1, "nsubj", P, ent="B-PERSON"), t("left", 1, "ROOT", "VERB", "leave"),
        t(".", 1, "punct", "PUNCT"), t(word, 4, "nsubj", "PRON", tag="PRP"),
        t("returned", 4, "ROOT", "VERB", "return"), t(".", 4, "punct", "PUNCT"),
    ]  # fmt: skip


def own_pronoun(det: str, tag: str):
    """`Hitler left DET bunker .`"""
    return [
        t("Hitler", 1, "nsubj", P, ent="B-PERSON"), t("left", 1, "ROOT", "VERB", "leave"),
        t(det, 3, "poss", "PRON", tag=tag), t("bunker", 1, "dobj"), t(".", 1, "punct", "PUNCT"),
    ]  # fmt: skip


def role_at(noun: str):
    """`a NOUN at Acme left .`"""
    return [
        t("a", 1, "det", "DET"), t(noun, 4, "nsubj"), t("at", 1, "prep", "ADP"),
        t("Acme", 2, "pobj", P, ent="B-ORG"), t("left", 4, "ROOT", "VERB", "leave"),
        t(".", 4, "punct", "PUNCT"),
    ]  # fmt: skip


def title_holder(place: str):
    """`PLACE president George Malina spoke .` with NER calling PLACE a place."""
    return [
        t(place, 1, "compound", P, ent="B-GPE"), t("president", 3, "compound"),
        t("George", 3, "compound", P, ent="B-PERSON"), t("Malina", 4, "nsubj", P, ent="I-PERSON"),
        t("spoke", 4, "ROOT", "VERB", "speak"), t(".", 4, "punct", "PUNCT"),
    ]  # fmt: skip


def after_age(age: str):
    """`Bickel , AGE , of Tempe , left .`"""
    return [
        t("Bickel", 7, "nsubj", P, ent="B-PERSON", space=False), t(",", 0, "punct", "PUNCT"),
        t(age, 0, "appos", "NUM", space=False), t(",", 0, "punct", "PUNCT"),
        t("of", 0, "prep", "ADP"), t("Tempe", 4, "pobj", P, ent="B-GPE", space=False),
        t(",", 0, "punct", "PUNCT"), t("left", 7, "ROOT", "VERB", "leave"), t(".", 7, "punct"),
    ]  # fmt: skip


def based(participle: str):
    """`Nvidia , PARTICIPLE in Texas , grew .`"""
    return [
        t("Nvidia", 6, "nsubj", P, ent="B-GPE", space=False), t(",", 0, "punct", "PUNCT"),
        t(participle, 0, "acl", "VERB"), t("in", 2, "prep", "ADP"),
        t("Texas", 3, "pobj", P, ent="B-GPE", space=False), t(",", 0, "punct", "PUNCT"),
        t("grew", 6, "ROOT", "VERB", "grow"), t(".", 6, "punct", "PUNCT"),
    ]  # fmt: skip


def hyphen(word: str):
    """`a Manchester-WORD firm grew .`"""
    return [
        t("a", 4, "det", "DET"), t("Manchester", 3, "npadvmod", P, ent="B-GPE", space=False),
        t("-", 3, "punct", "PUNCT", space=False), t(word, 4, "amod", "VERB"),
        t("firm", 5, "nsubj"), t("grew", 5, "ROOT", "VERB", "grow"), t(".", 5, "punct", "PUNCT"),
    ]  # fmt: skip


def the_noun_name(noun: str):
    """`the NOUN Wpp grew .` with Wpp in apposition to NOUN."""
    return [
        t("the", 1, "det", "DET"), t(noun, 3, "nsubj"), t("Wpp", 1, "appos", P, ent="B-ORG"),
        t("grew", 3, "ROOT", "VERB", "grow"), t(".", 3, "punct", "PUNCT"),
    ]  # fmt: skip


def town(second: str, ent: str):
    """`Lubbock , SECOND , voted .`"""
    return [
        t("Lubbock", 4, "nsubj", P, ent="B-GPE", space=False), t(",", 0, "punct", "PUNCT"),
        t(second, 0, "appos", P, ent=ent, space=False), t(",", 0, "punct", "PUNCT"),
        t("voted", 4, "ROOT", "VERB", "vote"), t(".", 4, "punct", "PUNCT"),
    ]  # fmt: skip


def bracketed(short: str):
    """`Credit Market Analysis Ltd. ( SHORT ) grew .`"""
    return [
        t("Credit", 3, "compound", P, ent="B-ORG"), t("Market", 3, "compound", P, ent="I-ORG"),
        t("Analysis", 3, "compound", P, ent="I-ORG"), t("Ltd.", 7, "nsubj", P, ent="I-ORG"),
        t("(", 3, "punct", "PUNCT", space=False), t(short, 3, "appos", P, space=False),
        t(")", 3, "punct", "PUNCT"), t("grew", 7, "ROOT", "VERB", "grow"),
        t(".", 7, "punct", "PUNCT"),
    ]  # fmt: skip


def dateline(agency_open: str, agency_close: str):
    """`WASHINGTON (AP) _ Acme grew .` (or without the brackets)."""
    return [
        t("WASHINGTON", 6, "nsubj", P), t(agency_open, 0, "punct", "PUNCT", space=False),
        t("AP", 0, "appos", P, space=False), t(agency_close, 0, "punct", "PUNCT"),
        t("_", 0, "punct", "PUNCT"), t("Acme", 6, "nsubj", P, ent="B-ORG"),
        t("grew", 6, "ROOT", "VERB", "grow"), t(".", 6, "punct", "PUNCT"),
    ]  # fmt: skip


def stems(second: str):
    """`Korvane Semiconductor Inc. grew . SECOND fell .` with NER calling SECOND a person."""
    return [
        t("Korvane", 2, "compound", P, ent="B-ORG"),
        t("Semiconductor", 2, "compound", P, ent="I-ORG"),
        t("Inc.", 3, "nsubj", P, ent="I-ORG"), t("grew", 3, "ROOT", "VERB", "grow"),
        t(".", 3, "punct", "PUNCT"), t(second, 6, "nsubj", P, ent="B-PERSON"),
        t("fell", 6, "ROOT", "VERB", "fall"), t(".", 6, "punct", "PUNCT"),
    ]  # fmt: skip


def place_words(last: str):
    """`Ocala National LAST burned .`: a proper-noun run NER missed."""
    return [
        t("Ocala", 2, "compound", P), t("National", 2, "compound", P), t(last, 3, "nsubj", P),
        t("burned", 3, "ROOT", "VERB", "burn"), t(".", 3, "punct", "PUNCT"),
    ]  # fmt: skip


def titled(first: str):
    """`FIRST Kennedy spoke .` as one PERSON span."""
    return [
        t(first, 1, "compound", P, ent="B-PERSON"), t("Kennedy", 2, "nsubj", P, ent="I-PERSON"),
        t("spoke", 2, "ROOT", "VERB", "speak"), t(".", 2, "punct", "PUNCT"),
    ]  # fmt: skip


def honorific(first: str):
    """`FIRST Calico left .` with NER leaving FIRST outside the name."""
    return [
        t(first, 1, "compound", P), t("Calico", 2, "nsubj", P, ent="B-ORG"),
        t("left", 2, "ROOT", "VERB", "leave"), t(".", 2, "punct", "PUNCT"),
    ]  # fmt: skip


def company(words: list[str]):
    ents = ["B-ORG"] + ["I-ORG"] * (len(words) - 1)
    rows = [t(w, len(words) - 1, "compound", P, ent=e) for w, e in zip(words, ents)]
    rows[-1] = t(words[-1], len(words), "nsubj", P, ent=ents[-1])
    return rows + [t("grew", len(words), "ROOT", "VERB", "grow"), t(".", len(words), "punct")]


# cue id -> (example, the name it fires on, counter-example, the name it stays silent on)
CASES = {
    "place.known-country": (subject("Chile", "B-GPE"), "Chile", subject("Acme"), "Acme"),
    "place.known-place": (subject("Texas", "B-GPE"), "Texas", subject("Acme"), "Acme"),
    "place.shaped": (
        place_words("Forest"), "Ocala National Forest",
        place_words("Partners"), "Ocala National Partners",
    ),
    "org.legal-form": (
        company(["Haworth", "Inc."]), "Haworth Inc.",
        company(["Haworth", "Hill"]), "Haworth Hill",
    ),
    "org.head-word": (
        company(["Gimlet", "Media"]), "Gimlet Media",
        company(["Gimlet", "Hill"]), "Gimlet Hill",
    ),
    "person.title": (titled("President"), "Kennedy", titled("John"), "John Kennedy"),
    "dateline.place": (dateline("(", ")"), "WASHINGTON", dateline(",", ","), "WASHINGTON"),
    "dateline.source": (dateline("(", ")"), "AP", dateline(",", ","), "AP"),
    "place.city-region": (town("Texas", "B-GPE"), "Lubbock", town("Acme", "B-ORG"), "Lubbock"),
    "alias.long-form": (bracketed("CMA"), "CMA", bracketed("XYZ"), "XYZ"),
    "org.company-stem": (stems("Korvane"), "Korvane", stems("Vellmar"), "Vellmar"),
    "described.modifier": (described("firm"), "TCG", described("success"), "TCG"),
    "described.appositive": (appositive("firm"), "Kuaishou", appositive("success"), "Kuaishou"),
    "org.app-appositive": (appositive("app"), "Kuaishou", appositive("firm"), "Kuaishou"),
    "described.appositive-head": (the_noun_name("agency"), "Wpp", the_noun_name("thing"), "Wpp"),
    "product.modifier": (
        before_head("Live", "platform"), "Live",
        before_head("Live", "office"), "Live",
    ),
    "described.predicate": (predicate("company"), "Marshall", predicate("success"), "Marshall"),
    "org.role-at": (role_at("director"), "Acme", role_at("visit"), "Acme"),
    "org.role-owner": (possessive("spokesperson"), "Sohn", possessive("office"), "Sohn"),
    "org.title-before-holder": (title_holder("Healy"), "Healy", title_holder("Boston"), "Boston"),
    "place.native": (before_head("Fargo", "native"), "Fargo", before_head("Fargo", "fan"), "Fargo"),
    "place.of-after-age": (after_age("25"), "Tempe", after_age("500"), "Tempe"),
    "org.possession": (of_name("shares", "share"), "Uber", of_name("fans", "fan"), "Uber"),
    "org.based-in": (based("based"), "Nvidia", based("founded"), "Nvidia"),
    "place.hyphen-based": (hyphen("based"), "Manchester", hyphen("owned"), "Manchester"),
    "org.speaker-says-it": (said("Acme", "it"), "Acme", said("Acme", "sales"), "Acme"),
    "person.speaker-says-he-she": (said("Smith", "he"), "Smith", said("Smith", "it"), "Smith"),
    "person.speaker": (said("Smith", "sales"), "Smith", subject("Smith"), "Smith"),
    "person.followed-by-he-she": (pronoun_after("She"), "Jiang", pronoun_after("Sales"), "Jiang"),
    "person.honorific": (honorific("Ms."), "Calico", honorific("Acme"), "Calico"),
    "person.age": (comma_then([AGE]), "Starr", comma_then([COUNT]), "Starr"),
    "person.who": (comma_then([WHO]), "Starr", comma_then([WHICH]), "Starr"),
    "person.possession": (possessive("wife"), "Sohn", possessive("office"), "Sohn"),
    "person.appositive": (appositive("serb"), "Kuaishou", appositive("success"), "Kuaishou"),
    "person.appositive-head": (the_noun_name("wife"), "Wpp", the_noun_name("thing"), "Wpp"),
    "person.predicate": (predicate("lawyer"), "Marshall", predicate("company"), "Marshall"),
    "person.own-pronoun": (
        own_pronoun("his", "PRP$"), "Hitler",
        own_pronoun("the", "DT"), "Hitler",
    ),
    "person.passive-verb": (passive("shot", "shoot"), "Lennon", passive("bought", "buy"), "Lennon"),
    "person.subject-verb": (
        subject("Perry", verb="died", lemma="die"), "Perry",
        subject("Perry"), "Perry",
    ),
    "person.middle-initial": (
        middle(["John", "F.", "Kennedy"]), "John F. Kennedy",
        middle(["John", "Kennedy"]), "John Kennedy",
    ),
    "person.given-name": (
        middle(["Grant", "Holloway"]), "Grant Holloway",
        middle(["Grant", "Holloway", "Pictures"]), "Grant Holloway Pictures",
    ),
    "list.sibling": (
        listed("Facebook", "B-ORG"), "Snapchat",
        listed("Boston", "B-GPE"), "Snapchat",
    ),
}  # fmt: skip


@pytest.mark.parametrize("cue_id", sorted(CASES))
def test_cue_fires_on_its_example_and_not_on_its_counter_example(cue_id):
    example, yes, counter, no = CASES[cue_id]
    assert cue_id in cue_ids(example, yes)
    assert cue_id not in cue_ids(counter, no)


def test_every_declared_cue_has_an_example():
    later = {"place.demonym", "role.relation"}  # fired by DocNames.demonym / retype: tested below
    assert set(CUES_BY_ID) - later == set(CASES)


def test_demonym_and_relation_role_cues():
    rows = [
        t("Chilean", 1, "amod", "ADJ", ent="B-NORP"), t("Codelco", 2, "nsubj", P, ent="B-ORG"),
        t("grew", 2, "ROOT", "VERB", "grow"), t(".", 2, "punct", "PUNCT"),
    ]  # fmt: skip
    names = DocNames(doc_of(rows))
    chile = names.demonym(names.toks[0])
    assert chile.text == "Chile" and [c[0] for c in chile.cues] == ["place.demonym"]
    assert names.demonym(names.toks[1]) is None  # "Codelco" is no nationality adjective
    codelco = names.by_token[1]
    assert "role.relation" not in {c[0] for c in codelco.cues}
    names.retype({"Codelco": {ORG: 0.5}, "Nowhere": {PLACE: 1.0}})
    assert ("role.relation", ORG, 0.5) in codelco.cues


@pytest.mark.parametrize("cue_id", sorted(CASES))
def test_recorded_cues_add_up_to_the_votes(cue_id):
    """`kg explain` prints the recorded cues as the reason for a type: they must be the votes."""
    names = DocNames(doc_of(CASES[cue_id][0]))
    for name in names.names:
        totals: dict[str, float] = {}
        for _, kind, weight in name.cues:
            totals[kind] = totals.get(kind, 0.0) + weight
        assert totals == pytest.approx(dict(name.votes)), name.text


def test_cues_are_declared_once_with_a_weight_and_a_reason():
    ids = [c.id for c in ALL_CUES]
    assert len(ids) == len(set(ids))
    for c in ALL_CUES:
        assert c.why and c.id.count(".") == 1
        assert c.weight > 0 or c.kind is None  # (alias and role votes carry their own weights)
    assert all(c.find is not None for c in CONTEXT_CUES)
