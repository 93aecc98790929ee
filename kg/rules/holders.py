"""Who holds a role a clause gives: "it named X publisher of Y", "X is chairman of Y", "hired
X as chief executive", "X took on the role of CEO"; and whom an inside role speaks for."""

from __future__ import annotations

from spacy.tokens import Token

from ..mentions import Name
from ..model import ORG
from .context import Context
from .officers import role_of
from .parse import described_entity, names_at, org_like, subjects_of
from .triggers import HIRING_VERBS, PROMOTION_VERBS


def role_holder(head: Token, ctx: Context) -> list[Name]:
    """Who takes a role a verb gives: "it named X publisher of Y", "X is chairman of Y", "hired
    X as chief executive", "X was promoted to president of Y"."""
    if head.dep_ == "oprd" and head.head.lemma_ in ("name", "appoint", "elect", "make"):
        # "it named Larry Jinks publisher of X": the object takes the role
        for child in head.head.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return names_at(child, ctx)
        return []
    if head.dep_ in ("attr", "oprd") and head.head.lemma_ in (
        "be",
        "become",
        "remain",
        "serve",
        "name",
        "appoint",
    ):
        verb = head.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                found = names_at(child, ctx)
                if not found and child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    # "X is an accountant who was a partner with Y": the relative's antecedent
                    # describes X
                    found = described_entity(verb.head, ctx)
                return found
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ == "VERB":
        verb = head.head.head
        if verb.lemma_.lower() in HIRING_VERBS:  # "brought in Raymond Delaney as chief executive"
            hired = [n for c in verb.children if c.dep_ == "dobj" for n in names_at(c, ctx)]
            if hired:
                return hired
        return subjects_of(verb, ctx)
    if role_of(head):
        # "X will take on the role of chief executive", "X assumed the post of chairman"
        return subjects_of(head.head.head.head, ctx)
    # "X was promoted to president of Y", "X rose to chief executive"
    if (
        head.dep_ == "pobj"
        and head.head.lower_ == "to"
        and head.head.head.lemma_ in PROMOTION_VERBS
    ):
        verb = head.head.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return names_at(child, ctx)
        return subjects_of(verb, ctx)
    return []


def reporting_organisation(person: Name, ctx: Context) -> list[Name]:
    """ "The Coast Guard rescued seven people, said station chief X": a holder of an inside
    role who reports what an organisation did speaks for it."""
    h = ctx.head(person)
    verb = h.head
    if h.dep_ != "nsubj" or verb.lemma_ not in ("say", "tell", "add", "announce", "confirm"):
        return []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > h.i:
            continue
        for subj in clause.children:
            if subj.dep_ in ("nsubj", "nsubjpass"):
                return [
                    n
                    for n in names_at(subj, ctx, spread=False)
                    if n.type == ORG and org_like(n, ctx)
                ]
    return []
