"""Every typing cue, in the order it runs: the list `kg cues` and `kg explain` read.

Three kinds: cues fired while names are collected (a known place, a legal form, a dateline),
context cues run over each name in `CONTEXT_CUES` order (then `LIST_CUES` once all names have
their context votes), and cues fired by resolution steps (a company's short form, relation
roles). To add one: declare it with `@cue` in `cues_context` or `cues_person` (or as a `Cue`
here for collection) and put it in its list below at the place it should run.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import ORG, PERSON, PLACE
from . import cues_context as ctx
from . import cues_person as per
from .cue import Cue, cue
from .name import Name

# --- fired while names are collected (kg.mentions.collect, datelines, aliases, lookup) ---------
KNOWN_COUNTRY = Cue("place.known-country", PLACE, 5.0, "a country or region the lexicon knows")
KNOWN_PLACE = Cue("place.known-place", PLACE, 2.0, "a state, country or large city")
PLACE_SHAPED = Cue("place.shaped", PLACE, 1.5, "built like a place: '... Street', 'Fort ...'")
LEGAL_FORM = Cue("org.legal-form", ORG, 2.5, "a legal form in or right after the name: Inc.")
ORG_HEAD = Cue("org.head-word", ORG, 2.0, "a multi-word name ending in Industries, Media ...")
PERSON_TITLE = Cue("person.title", PERSON, 2.0, "a title stripped from the name: President X")
DATELINE_PLACE = Cue("dateline.place", PLACE, 3.0, "the city or region of a dateline")
DATELINE_SOURCE = Cue("dateline.source", ORG, 3.0, "the agency or paper of a dateline")
CITY_REGION = Cue("place.city-region", PLACE, 3.0, "'Town, State': both are places")
DEMONYM = Cue("place.demonym", PLACE, 1.0, "a country standing for its adjective: Chilean")
ALIAS = Cue("alias.long-form", None, 0.0, "an abbreviation takes its long form's votes")
COMPANY_STEM = Cue(
    "org.company-stem", ORG, 3.0, "a company's short form (plus its other votes) is the company"
)
ROLE = Cue("role.relation", None, 0.0, "the role the name plays in a relation of the article")


# --- context, per name in this order (kg.mentions.votes) --------------------------------------
CONTEXT_CUES: tuple[Cue, ...] = (
    ctx.described_modifier,
    ctx.described_appositive,
    ctx.app_appositive,
    ctx.described_appositive_head,
    ctx.product_modifier,
    ctx.described_predicate,
    ctx.role_at,
    ctx.role_owner,
    ctx.title_before_holder,
    ctx.native,
    ctx.of_after_age,
    ctx.company_possession,
    ctx.based_in,
    ctx.hyphen_based,
    ctx.speaker_it,
    ctx.speaker_person,
    ctx.speaker,
    per.followed_by_he_she,
    per.honorific,
    per.age,
    per.who,
    per.possession,
    per.appositive,
    per.appositive_head,
    per.predicate,
    per.own_pronoun,
    per.passive_verb,
    per.subject_verb,
    per.middle_initial,
    per.given_name,
)


@cue("list.sibling", None, 0.6, "a list shares a type: a listed name's NER type (not place)")
def list_sibling(names, name: Name, h: Token) -> list[str]:
    siblings = [names.by_token.get(t.i) for t in h.conjuncts]
    return [
        s.ner_type
        for s in siblings
        if s is not None and s is not name and s.ner_type and s.ner_type != PLACE
    ]


# after every name's context cues
LIST_CUES: tuple[Cue, ...] = (list_sibling,)

COLLECTION_CUES: tuple[Cue, ...] = (
    KNOWN_COUNTRY,
    KNOWN_PLACE,
    PLACE_SHAPED,
    LEGAL_FORM,
    ORG_HEAD,
    PERSON_TITLE,
    DATELINE_PLACE,
    DATELINE_SOURCE,
    CITY_REGION,
    ALIAS,
    DEMONYM,
)
LATER_CUES: tuple[Cue, ...] = (COMPANY_STEM, ROLE)
ALL_CUES: tuple[Cue, ...] = COLLECTION_CUES + CONTEXT_CUES + LIST_CUES + LATER_CUES
CUES_BY_ID: dict[str, Cue] = {c.id: c for c in ALL_CUES}
assert len(CUES_BY_ID) == len(ALL_CUES), "two typing cues share an id"
