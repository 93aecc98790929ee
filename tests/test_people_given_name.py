"""The given-name typing cue (person.given-name): a common given name and a surname vote Person,
and a name built like a company's does not. Hand-made parses, no model needed."""

from __future__ import annotations

import pytest
from test_names_cues import P, cue_ids, t

from kg.mentions import DocNames
from kg.model import ORG, PERSON


def said(words: list[str], ent: str, *, pronoun: str = "it"):
    """`"We grew," said WORDS . PRONOUN ...`: a speaker, then a pronoun that reports on it."""
    n = len(words)
    ents = [f"B-{ent}"] + [f"I-{ent}"] * (n - 1)
    rows = [t("said", 0, "ROOT", "VERB", "say")]
    rows += [t(w, n, "compound", P, ent=e) for w, e in zip(words[:-1], ents)]
    rows.append(t(words[-1], 0, "nsubj", P, ent=ents[-1]))
    rows += [
        t(pronoun, n + 2, "nsubj", "PRON", tag="PRP"),
        t("grew", 0, "ccomp", "VERB", "grow"),
        t(".", 0, "punct", "PUNCT"),
    ]
    return rows


@pytest.mark.parametrize(
    "words",
    [["Grant", "Wilson"], ["Judy", "Marsh"], ["Anil", "Kapoor"], ["Jeroen", "van", "der", "Veer"]],
)
def test_fires_on_a_given_name_and_a_surname(words):
    assert "person.given-name" in cue_ids(said(words, "PERSON"), " ".join(words))


@pytest.mark.parametrize(
    ("words", "ent"),
    [
        (["Grant", "Wilson", "Holdings"], "PERSON"),  # an industry/legal word: a company
        (["Morgan", "Stanley"], "ORG"),  # NER's company stays NER's (a company name)
        (["Helena", "Montana"], "PERSON"),
        (["Johns", "Hopkins", "University"], "PERSON"),  # an institution's head word
        (["Santa", "Cecilia", "Conservatory"], "PERSON"),  # a place's name last is no surname
        (["Wilson"], "PERSON"),  # a surname alone says nothing
        (["GRANT", "WILSON"], "PERSON"),  # shouted text is no name shape
    ],
)
def test_silent_on_company_shaped_or_single_names(words, ent):
    assert "person.given-name" not in cue_ids(said(words, ent), " ".join(words))


def test_outvotes_a_weak_company_cue_but_not_a_company_noun():
    """ "said Grant Wilson ... it grew": the 'it' speaker cue (2.0) loses to NER plus the given
    name; a legal form keeps a company a company."""
    names = DocNames(__import__("test_names_cues").doc_of(said(["Grant", "Wilson"], "PERSON")))
    wilson = next(n for n in names.names if n.text == "Grant Wilson")
    assert "org.speaker-says-it" in {c[0] for c in wilson.cues}
    assert wilson.type == PERSON
    rows = said(["Grant", "Wilson", "Inc."], "ORG")
    names = DocNames(__import__("test_names_cues").doc_of(rows))
    assert all(n.type == ORG for n in names.names if n.text.startswith("Grant Wilson"))


def test_ner_company_with_the_surname_a_person_elsewhere():
    """NER calls "Judy Boynton" a company; "Boynton" alone is its person later: the cue fires
    (and on NER's "Morgan Stanley" with no such person it stays silent, above)."""
    rows = said(["Judy", "Boynton"], "ORG")
    n = len(rows)
    rows += [
        t("Boynton", n + 1, "nsubj", P, ent="B-PERSON"),
        t("left", n + 1, "ROOT", "VERB", "leave"),
        t(".", n + 1, "punct", "PUNCT"),
    ]
    assert "person.given-name" in cue_ids(rows, "Judy Boynton")
