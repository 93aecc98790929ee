"""Context cues only a person has: an honorific, an age, "who", kin, being born or shot.

Declared like the cues of `cues_context`; the run order is the list in `kg.mentions.cues`.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from ..lexicons import (
    COMPANY_WORDS,
    HONORIFICS,
    INSTITUTION_HEADS,
    NOT_PERSON_WORDS,
    PERSON_APPOSITIVES,
    PERSON_PASSIVE_VERBS,
    PERSON_POSSESSIONS,
    PERSON_SUBJECT_VERBS,
    PLACE_LAST_WORDS,
    TYPE_NOUNS,
    is_given_name,
    known_place,
    listed_place,
)
from ..model import PERSON

from .cue import cue
from .name import Name
from .tokens import is_age

_MIDDLE_INITIAL = re.compile(r"^[A-Z][a-z]+(?: [A-Z]\.)+ [A-Z][a-z]+(?: Jr\.?| Sr\.?| I{2,3})?$")
_OBJECT_PRONOUNS = ("his", "him", "her", "himself", "herself")


@cue("person.followed-by-he-she", PERSON, 1.0, "a NER person with a he/she subject right after")
def followed_by_he_she(names, name: Name, h: Token) -> bool:
    if name.ner != "PERSON":
        return False
    k = names.sent_of_token[h.i]
    end = names.sents[k + 1].end if k + 1 < len(names.sents) else names.sents[k].end
    if names._he_she is None:  # indexed once: the scan ran for every PERSON name
        names._he_she = [
            t.i
            for t in names.toks
            if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")
        ]
    j = bisect.bisect_right(names._he_she, h.i)
    return j < len(names._he_she) and names._he_she[j] < end


@cue("person.honorific", PERSON, 2.0, "an honorific before the name (Ms., Sen.)")
def honorific(names, name: Name, h: Token) -> bool:
    return bool(name.title) and name.title.casefold() in HONORIFICS


@cue("person.age", PERSON, 2.0, "an age in apposition: 'X, 53,' or 'X, then 19,'")
def age(names, name: Name, h: Token) -> bool:
    toks, e = names.toks, name.end
    n = len(toks)
    k = e + 2 if e + 1 < n and toks[e + 1].lower_ == "then" else e + 1
    return (
        e < n
        and toks[e].text == ","
        and k + 1 < n
        and is_age(toks[k])
        and toks[k + 1].text in (",", ".", ")")
    )


# (weakly: news writes "Morgan Stanley, who declined to comment" too)
@cue("person.who", PERSON, 0.8, "'who' or 'whom' right after the name")
def who(names, name: Name, h: Token) -> bool:
    toks, e = names.toks, name.end
    k = e + 1 if e < len(toks) and toks[e].text == "," else e
    return k < len(toks) and toks[k].lower_ in ("who", "whom")


@cue("person.possession", PERSON, 1.5, "what only people have: X's wife, X's hometown")
def possession(names, name: Name, h: Token) -> bool:
    return h.dep_ == "poss" and h.head.lemma_.lower() in PERSON_POSSESSIONS


@cue("person.appositive", PERSON, 2.0, "an appositive person noun after the name: 'X, a Serb'")
def appositive(names, name: Name, h: Token) -> int:
    return sum(
        1
        for child in h.children
        if child.dep_ == "appos" and child.i >= name.end and child.lower_ in PERSON_APPOSITIVES
    )


@cue("person.appositive-head", PERSON, 2.0, "the name in apposition to a person noun before it")
def appositive_head(names, name: Name, h: Token) -> bool:
    return (
        h.dep_ == "appos"
        and h.head.i < name.start
        and h.head.i not in names.by_token
        and h.head.lower_ in PERSON_APPOSITIVES
    )


@cue("person.predicate", PERSON, 1.5, "the name as subject of 'is a' person noun")
def predicate(names, name: Name, h: Token) -> int:
    if not (h.dep_ == "nsubj" and h.head.lemma_ in ("be", "become", "remain")):
        return 0
    return sum(
        1
        for child in h.head.children
        if child.dep_ == "attr"
        and (TYPE_NOUNS.get(child.lower_) == PERSON or child.lower_ in PERSON_APPOSITIVES)
    )


@cue("person.own-pronoun", PERSON, 1.0, "a NER person with his/her/him later, no person between")
def own_pronoun(names, name: Name, h: Token) -> bool:
    if name.ner != "PERSON":
        return False
    for t in names.toks[name.end : names.sent(name.start).end]:
        other = names.by_token.get(t.i)
        if other is not None and other.ner == "PERSON":
            return False
        if t.lower_ in _OBJECT_PRONOUNS and t.tag_ in ("PRP", "PRP$"):
            return True
    return False


@cue("person.passive-verb", PERSON, 1.5, "subject of a passive only people take: born, shot")
def passive_verb(names, name: Name, h: Token) -> bool:
    return h.dep_ == "nsubjpass" and h.head.lemma_.lower() in PERSON_PASSIVE_VERBS


@cue("person.subject-verb", PERSON, 1.5, "subject of a verb only people take: died, married")
def subject_verb(names, name: Name, h: Token) -> bool:
    return h.dep_ == "nsubj" and h.head.lemma_.lower() in PERSON_SUBJECT_VERBS


@cue("person.middle-initial", PERSON, 2.0, "a middle initial: 'John F. Kennedy'")
def middle_initial(names, name: Name, h: Token) -> bool:
    return bool(_MIDDLE_INITIAL.match(name.text))


# "Grant Wilson", "Judy Marsh": a common given name and a surname, and nothing a company's name
# has (a legal form, an industry word, "&"). Worth less than a company cue, so "Morgan Stanley,
# the bank" or "Walt Pictures Inc." stay companies; it settles a name NER or a weak cue misread.
@cue("person.given-name", PERSON, 1.5, "a common given name then a surname: 'Grant Wilson'")
def given_name(names, name: Name, h: Token) -> bool:
    words = name.text.split()
    if not 2 <= len(words) <= 4 or name.ner not in ("PERSON", "ORG", None):
        return False  # (NER's place or facility stays its own: "Santa Ana")
    if any(w.casefold() in PLACE_LAST_WORDS for w in words) or known_place(name.text):
        return False  # "Howard Beach", "Cameron Parish"
    inner = words[1:-1]
    if any(w.casefold() in _NOT_PERSON for w in words) or not all(
        _NAME_WORD.match(w) for w in (words[0], words[-1])
    ):
        return False
    if not all(_NAME_WORD.match(w) or w in _PARTICLES for w in inner):
        return False
    # a surname may be a town the packages know (Holloway, Wilson): only a listed place blocks
    if not is_given_name(words[0]) or listed_place(words[-1]):
        return False
    # NER's company ("Morgan Stanley") only when the surname alone is a person in the article
    # ("Mr Boynton", "Boynton said he ...")
    return name.ner != "ORG" or any(
        n.text == words[-1] and (n.ner == "PERSON" or n.title) for n in names.names
    )


_NOT_PERSON = COMPANY_WORDS | INSTITUTION_HEADS | NOT_PERSON_WORDS
_PARTICLES = frozenset("van der de da del von al bin ben la le di du".split())
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*$|^[A-Z]'[A-Z][a-z]+$|^Mc[A-Z][a-z]+$")
