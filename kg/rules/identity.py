"""Descriptions that say what one entity is to another: "Boschetti, an Amazon spokesperson",
"its parent company ByteDance", "Toyota and Honda are rivals"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..mentions import Name
from ..model import ORG, PERSON
from ..relations import BY_NAME, SYMMETRIC
from .base import Example, Found, rule
from .context import Context
from .describe import identity_of, other_of, reporting_organisation, title_modifier
from .parse import (
    identity_key,
    names_at,
    org_like,
    pobjs,
)
from .triggers import (
    COMPANY_OFFICERS,
    IDENTITY_NOUNS,
    INSIDE_ROLES,
    MEMBERSHIP,
)


@rule(
    "identity",
    scope="noun",
    emits=("owns", "competitorOf", "partnerOf", "holdsStakeIn", "advertisesOn", "worksFor"),
    confidence=0.85,
    writes=("identity:<noun>:<via>", "identity:<noun>:group"),
    examples=(
        Example(
            "ByteDance, the parent company of TikTok, grew.",
            ("ByteDance", "owns", "TikTok"),
            "identity:parent:of",
        ),
        Example(
            "Toyota and Honda are fierce rivals.",
            ("Toyota", "competitorOf", "Honda"),
            "identity:rival:group",
        ),
        Example(
            "Larry Jinks was promoted to president of Knight Ridder.",
            ("Larry Jinks", "worksFor", "Knight Ridder"),
            "identity:president:of",
        ),
        Example(
            "Shares of Uber jumped after CEO Dara Khosrowshahi said sales rose.",
            ("Dara Khosrowshahi", "worksFor", "Uber"),
            "identity:ceo:sentence",
        ),
        Example(
            "Sen. Gary Peters, D-Mich., chairman of the Homeland Security Committee, spoke.",
            ("Gary Peters", "worksFor", "Homeland Security Committee"),
            "identity:chairman:of",
        ),
        Example(
            "Boschetti, an Amazon spokesperson, declined to comment.",
            ("Boschetti", "worksFor", "Amazon"),
            "identity:spokesperson:compound",
        ),
        Example(
            "Alphabet, the parent company of Google, reported earnings.",
            ("Alphabet", "owns", "Google"),
            "identity:parent:of",
        ),
        Example(
            "The Coast Guard rescued seven people, said station chief John Smith.",
            ("John Smith", "worksFor", "Coast Guard"),
            "identity:chief:reported",
        ),
    ),
    counter_examples=(
        Example(
            "Figma and Canva, its two biggest rivals, grew.", ("Figma", "competitorOf", "Canva")
        ),
        Example(
            "Amazon cut employee benefits, Boschetti said.", ("Boschetti", "worksFor", "Amazon")
        ),
    ),
)
def identity_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """Descriptions: "Boschetti, an Amazon spokesperson", "its parent company ByteDance"."""
    lower = identity_key(noun)
    if lower is None or noun.pos_ not in ("NOUN", "PROPN") or ctx.in_name(noun.i):
        return
    pred, reverse = IDENTITY_NOUNS.get(lower, ("worksFor", False))
    if pred == "worksFor" and _modifies_a_thing(noun, ctx):
        return
    head = (
        noun.head
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and not ctx.in_name(noun.head.i)
        else noun
    )
    identities = _identities(noun, head, pred, ctx)
    group = _pair_described(noun, ctx)
    others = _others(noun, head, lower, pred, reverse, identities, ctx)
    role = " ".join(
        t.text
        for t in noun.subtree
        if t.i <= noun.i and t.dep_ not in ("det", "poss", "case", "punct") and not ctx.in_name(t.i)
    )
    quals: tuple[tuple[str, str], ...] = (("role", role),) if pred == "worksFor" else ()
    if (
        pred in SYMMETRIC
        and len(group) == 2
        and not others
        and not any(c.dep_ == "poss" for c in noun.children)
    ):
        # ("Figma and Canva, its two biggest rivals" are rivals of "its", which is unknown here)
        yield Found(group[0], pred, group[1], noun, f"identity:{lower}:group")
        return
    for ident in identities:
        if pred == "partnerOf" and ident.type == PERSON:
            this_pred = "worksFor"  # "operating partner at investment firm TCG" is a role
        else:
            this_pred = pred
        if this_pred == "worksFor" and ident.type not in (PERSON, None):
            continue  # a company is not anybody's "spokesman"
        for other, via in others:
            if other is ident:
                continue
            if this_pred == "worksFor" and (
                not org_like(other, ctx, office=lower not in MEMBERSHIP)
                or via == "compound"
                and not title_modifier(other, ctx)
            ):
                continue
            if lower == "part" and (head.dep_ != "appos" or ident.type != ORG or other.type != ORG):
                # "Genzyme, now part of Sanofi"; not "part of the index", "part of Texas"
                continue
            s, o = (other, ident) if reverse else (ident, other)
            qualifiers = quals if this_pred == "worksFor" else ()
            rule_id = f"identity:{lower}:{via}"
            yield Found(s, this_pred, o, noun, rule_id, qualifiers, presupposed=True)


def _modifies_a_thing(noun: Token, ctx: Context) -> bool:
    """ "employee benefits", "Rochester teacher union leader X": the role word modifies a thing
    (however it is parsed), it names nobody's job."""
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and identity_key(noun.head) is None:
        return True
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return (
        nxt is not None
        and nxt.pos_ == "NOUN"
        and not ctx.in_name(nxt.i)
        and identity_key(nxt) is None
    )


def _identities(noun: Token, head: Token, pred: str, ctx: Context) -> list[Name]:
    """Who the description describes."""
    identities = identity_of(head, ctx)
    if not identities and (group_of := ctx.group_at(noun.i)) is not None:
        identities = group_of
    if not identities and pred == "worksFor":
        # "the chairman of the Opposition Front, Mohamed Ahmed Issa": the parser hangs the
        # holder's name on the organisation, the nearest noun
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "at"):
                for pobj in prep.children:
                    identities += [
                        n
                        for c in pobj.children
                        if c.dep_ == "appos" and c.i > pobj.i
                        for n in names_at(c, ctx, spread=False)
                        if n.type == PERSON
                    ]
    return identities


def _pair_described(noun: Token, ctx: Context) -> list[Name]:
    """ "Toyota and Honda are fierce rivals": the two names a plural attribute describes."""
    group: list[Name] = []
    if noun.dep_ == "attr":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        group = (ctx.group_at(subj.i) or []) if subj is not None else []
        if not group and subj is not None and noun.tag_ == "NNS":
            group = names_at(subj, ctx)
            group = group if len(group) == 2 else []
    return group


def _others(
    noun: Token,
    head: Token,
    lower: str,
    pred: str,
    reverse: bool,
    identities: list[Name],
    ctx: Context,
) -> list[tuple[Name, str]]:
    """The entity the description is relative to, with how it was found (the rule id's tail)."""
    preps = BY_NAME[pred].description_preps
    others = other_of(noun, head, ctx, preps, pred, reverse)
    if not others and pred == "worksFor":
        # "chairman and chief executive of X": the last conjunct's of-phrase serves them all
        for conj in head.conjuncts:
            key = identity_key(conj)
            if (
                conj.i > head.i
                and key is not None
                and IDENTITY_NOUNS.get(key, ("worksFor",))[0] == pred
            ):
                others = [
                    (n, v)
                    for n, v in other_of(conj, conj, ctx, preps, pred)
                    if v != "compound" or conj.i < head.i
                ]
    if not others and pred == "worksFor" and lower in INSIDE_ROLES and len(identities) == 1:
        others = [(n, "reported") for n in reporting_organisation(identities[0], ctx)]
    if (
        not others
        and pred == "worksFor"
        and lower in COMPANY_OFFICERS
        and len(identities) == 1
        and noun.i < identities[0].start
    ):
        others = _officer_company(noun, ctx)
    if (
        not others
        and pred == "competitorOf"
        and not any(c.dep_ == "poss" for c in noun.children)
        and not pobjs(noun, ("of", "to", "with"), ctx)
    ):
        # "Montreal-based rival Northern Spring", "rivals Coca-Cola and PepsiCo": rivals of the
        # company the article is about
        others = [(n, "topic") for n in ctx.topic_before(noun) if n not in identities]
    return others


def _officer_company(noun: Token, ctx: Context) -> list[tuple[Name, str]]:
    """ "Shares of Uber jumped after CEO Dara Khosrowshahi said ...": a company officer's title
    with no company of its own belongs to the one company the sentence names."""
    sent = ctx.sent(noun.i)
    companies = {
        n.text: n
        for n in ctx.window(sent.start, sent.end)
        if n.type == ORG and not n.spelling and org_like(n, ctx)
    }
    if len(companies) == 1:
        return [(next(iter(companies.values())), "sentence")]
    if not companies:
        # "Co-founder and CEO Ana Ribeiro said ...": no company in the sentence, so the title
        # is held at the company the article is about
        return [(n, "topic") for n in ctx.topic_before(noun)]
    return []
