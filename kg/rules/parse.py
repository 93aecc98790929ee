"""Readings of the parse every rule family shares: who a token names, a verb's subjects, the
names after a preposition, the entity a description stands for."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import CREEDS, LEGAL_SUFFIXES, ROLE_SUFFIXES, TYPE_NOUNS, place_name
from ..mentions import Name, familiar_place
from ..model import ORG, PLACE
from .context import Context
from .triggers import (
    AREA_NOUNS,
    CONTRACT_NOUNS,
    COPULAS,
    EMPLOYMENT_WORDS,
    IDENTITY_NOUNS,
    PERCENT_WORDS,
    TEMPORAL_PREPS,
)


def name_of(token: Token, ctx: Context) -> Name | None:
    """The name a token stands for, also when it is a legal suffix NER left outside the name
    ("Ormat Nevada, Inc." parsed with "Inc." as the head)."""
    name = ctx.name_at(token)
    if name is None and token.lower_ in LEGAL_SUFFIXES and token.pos_ == "PROPN":
        for back in (1, 2):
            prev = ctx.name_on(token.i - back)
            if (
                prev is not None
                and prev.end == token.i - back + 1
                and (back == 1 or token.doc[token.i - 1].text == ",")
            ):
                return prev
    return name


def names_at(token: Token, ctx: Context, *, spread: bool = True) -> list[Name]:
    """`DocNames.names_at` with `name_of`; spread=False keeps one name where the text ties a
    fact to one member of a list ("CDT (acquired by Sumitomo), Canon and Kodak")."""
    group = ctx.group_at(token.i)
    if group is not None:
        return list(group) if spread else []
    out: list[Name] = []
    for t in (token, *token.conjuncts) if spread else (token,):
        name = name_of(t, ctx)
        if name is not None and name not in out:
            out.append(name)
    return out


def subjects_of(verb: Token, ctx: Context) -> list[Name]:
    """Who does `verb`: its subject, or by control/raising/coordination the governing verb's."""
    seen = set()
    cur = verb
    while cur is not None and cur.i not in seen:
        seen.add(cur.i)
        readings = []
        for child in (c for c in cur.children if c.dep_ == "nsubj"):
            found = names_at(child, ctx)
            if not found and child.lower_ in ("who", "that") and cur.dep_ == "relcl":
                found = described_entity(cur.head, ctx)  # "X is an accountant who joined Y"
            readings.append(found)
        if readings:
            # "DALLAS (AP) — Skyward called off ...": a dateline parsed as a second subject
            return next((r for r in readings if any(n.type != PLACE for n in r)), readings[0])
        if cur.dep_ in ("xcomp", "conj") or (
            cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        ):
            cur = cur.head
            continue
        if (
            cur.dep_ == "pcomp"
            and cur.head.lower_ in TEMPORAL_PREPS
            and (cur.head.lower_ != "to" or cur.head.head.lower_ == "prior")
        ):
            # "prior to joining X, he ...", "after acquiring X, Apple ...": the main clause's
            # subject
            up = cur.head.head
            if up.lower_ == "prior" and up.dep_ != "ROOT":
                up = up.head
            if up.pos_ in ("VERB", "AUX"):
                cur = up
                continue
        if cur.dep_ in ("acl", "relcl") and cur.tag_ == "VBG":
            found = names_at(cur.head, ctx)
            return found
        if cur.dep_ == "relcl":
            name = ctx.name_at_relcl(cur.head)
            return [name] if name else []
        break
    return []


def pobjs(token: Token, preps: tuple[str, ...], ctx: Context) -> list[tuple[Name, Token]]:
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.lower_ in ("which", "whom") and token.dep_ == "relcl":
                    # "Tencent Music, in which Spotify holds a stake": the relative's antecedent
                    out.extend((n, child) for n in names_at(token.head, ctx, spread=False))
                else:
                    out.extend((n, child) for n in names_at(pobj, ctx) or named_after(pobj, ctx))
    return out


def named_after(noun: Token, ctx: Context) -> list[Name]:
    """ "takeover of Dresden-based battery startup Ostra Cell GmbH": a description noun the
    parser made the head, with the name right after it."""
    if noun.lower_ not in TYPE_NOUNS or ctx.in_name(noun.i):
        return []
    nxt = ctx.name_on(noun.i + 1)
    return [nxt] if nxt is not None and nxt.start == noun.i + 1 else []


def places_in(token: Token, preps: tuple[str, ...], ctx: Context) -> list[tuple[Name, Token]]:
    """Places after a preposition, with the region of "Round Rock, Texas" / "Alexandria, Va."
    and the named members of "in 40 countries, including Japan and Brazil"."""
    out = pobjs(token, preps, ctx)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj"
                    and not ctx.in_name(pobj.i)
                    and pobj.lemma_.lower() in AREA_NOUNS
                ):
                    out.extend(
                        (n, child)
                        for inc in pobj.children
                        if inc.dep_ == "prep" and inc.lower_ in ("including", "like")
                        for p in inc.children
                        if p.dep_ == "pobj"
                        for n in names_at(p, ctx)
                        if n.type == PLACE
                    )
                    # "in 31 U.S. states": the country whose states they are
                    out.extend(
                        (n, child)
                        for c in pobj.children
                        if c.dep_ in ("compound", "nmod")
                        and (n := ctx.name_on(c.i)) is not None
                        and n.type == PLACE
                    )
    for place, prep in list(out):
        for child in ctx.head(place).children:
            if child.dep_ in ("appos", "npadvmod") and child.i >= place.end:
                region = ctx.name_on(child.i)
                if region is not None and region.type == PLACE and region is not place:
                    out.append((region, prep))
    return out


def bracketed(verb: Token, ctx: Context) -> list[Name]:
    """ "CDT (acquired by Sumitomo in 2007)": a bracketed participle describes the name right
    before the bracket, whatever the parser attached it to."""
    doc = verb.doc
    bracket = verb.left_edge.i if doc[verb.left_edge.i].text == "(" else verb.left_edge.i - 1
    if bracket >= 1 and doc[bracket].text == "(":
        name = ctx.name_on(bracket - 1)
        if name is not None and name.end == bracket:
            return [name]
    return []


def described_entity(noun: Token, ctx: Context) -> list[Name]:
    """The one entity a noun phrase stands for or describes: the name itself, the subject of
    "X is a company ...", or the name an appositive describes ("X, a company ...")."""
    name = name_of(noun, ctx)
    if name is not None:
        return [name]
    if noun.dep_ == "attr" and noun.head.lemma_ in COPULAS:
        for child in noun.head.children:
            if child.dep_ == "nsubj":
                return names_at(child, ctx, spread=False)
    if noun.dep_ == "appos":
        return names_at(noun.head, ctx, spread=False)
    return []


def date_of(token: Token) -> tuple[tuple[str, str], ...]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "since"):
            for pobj in child.children:
                if pobj.ent_type_ == "DATE":
                    ent = next(e for e in token.doc.ents if e.start <= pobj.i < e.end)
                    return (("date", ent.text),)
    return ()


def org_like(name: Name, ctx: Context, *, office: bool = False, lenient: bool = False) -> bool:
    """Could be an employer: a company or an untyped name, never a place, person or creed.
    A political party only for an office in it (`office`: "leader of the Green Party" leads
    it, per worksFor's definition), never for membership ("X of the Green Party", "joined it")."""
    last = name.text.rsplit(" ", 1)[-1].lower()
    party = "party" in name.text.lower().split() or last == "parties"
    if (
        name.type not in (ORG, None)
        or place_name(name.text)
        or party
        and not office
        or name.text.lower() in CREEDS
    ):
        return False
    ent = ctx.doc[name.end - 1].ent_type_
    # NER's "place" stands unless context made it a company ("Zilingo, a startup"), or (`lenient`:
    # a verb such as "joined" or "founded" says so) the place is none the lexicons know
    if lenient and ent in ("GPE", "LOC") and name.type == PLACE and not familiar_place(name.text):
        return True
    return (ent != "NORP" or name.type == ORG) and (ent not in ("GPE", "LOC") or name.type == ORG)


def is_share(token: Token) -> bool:
    return (
        token.text == "%"
        or token.lemma_.lower() in PERCENT_WORDS
        or token.ent_type_ == "PERCENT"
        and token.pos_ == "NOUN"
    )


def identity_key(noun: Token) -> str | None:
    """The identity noun a token is ("spokesmen" -> "spokesman"), or a profession by its ending."""
    for word in (noun.lower_, noun.lemma_.lower()):
        if word in IDENTITY_NOUNS or len(word) > 7 and word.endswith(ROLE_SUFFIXES):
            return word
    if noun.is_title and len(noun.text) <= 4 and noun.lower_ + "." in IDENTITY_NOUNS:
        return noun.lower_ + "."  # "Lt", "Sgt" with the period split off
    return None


def employment_contract(noun: Token) -> bool:
    return noun.lemma_.lower() in CONTRACT_NOUNS and any(
        c.dep_ == "compound" and c.lower_ in EMPLOYMENT_WORDS for c in noun.children
    )
