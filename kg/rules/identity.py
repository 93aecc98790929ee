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
from .officers import (
    bare_officer,
    officer_applies,
    officer_company,
    shared_possessive,
)
from .staff import through_principal
from .parse import (
    identity_key,
    names_at,
    org_like,
    pobjs,
)
from .triggers import (
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
        Example(
            "Brightvale shares rose on Monday. \"Demand was strong,\" said chief executive "
            "Nora Quill.",
            ("Nora Quill", "worksFor", "Brightvale"),
            "identity:executive:topic",
        ),
        Example(
            "Halvorsen Foods reported higher profits. \"We grew,\" said chairman and chief "
            "executive officer Dan Ruhl.",
            ("Dan Ruhl", "worksFor", "Halvorsen Foods"),
            "identity:chairman:topic",
        ),
        Example(
            "Talvik Group reported weaker sales. Under the plan, Mara Quist, the Oslo-based "
            "co-chairman, will become group chief executive.",
            ("Mara Quist", "worksFor", "Talvik Group"),
            "identity:chairman:topic",
        ),
        Example(
            "The scandal led to the resignation of Brenford's chairman, Sir Alan Pike, and "
            "finance chief Tom Verhoef.",
            ("Tom Verhoef", "worksFor", "Brenford"),
            "identity:chief:poss",
        ),
        Example(
            '"We support the plan," said Lena Holt, a spokeswoman for Nordic Council trade '
            "commissioner Piet Aalders.",
            ("Lena Holt", "worksFor", "Nordic Council"),
            "identity:spokeswoman:through",
        ),
        Example(
            "Bellcore Aviation reported weaker orders. Ana Pires assumed the post of chairman "
            "in May.",
            ("Ana Pires", "worksFor", "Bellcore Aviation"),
            "identity:chairman:topic",
        ),
        Example(
            "Halvorsen Foods cut 300 jobs. Dana Lutz, chief executive, said demand had slumped.",
            ("Dana Lutz", "worksFor", "Halvorsen Foods"),
            "identity:executive:topic",
        ),
    ),
    counter_examples=(
        Example(
            "Amazon cut employee benefits, Boschetti said.", ("Boschetti", "worksFor", "Amazon")
        ),
        Example(
            "Halvorsen Foods cut 300 jobs. Dana Lutz, a director, said demand had slumped.",
            ("Dana Lutz", "worksFor", "Halvorsen Foods"),
        ),
        Example(
            "Bellcore Aviation reported weaker orders. Maria Lopes turned down the role of "
            "chairman.",
            ("Maria Lopes", "worksFor", "Bellcore Aviation"),
        ),
        Example(
            "Arctic League ambassador to the Union of Ports, Carl Brede, said the bid was fair.",
            ("Carl Brede", "worksFor", "Union of Ports"),
        ),
        Example(
            '"Margins will shrink," said Lena Holt, an analyst who follows Brenford.',
            ("Lena Holt", "worksFor", "Brenford"),
        ),
        Example(
            "Shares of Tarlow and Pennick fell after chief executive Ada Moss resigned.",
            ("Ada Moss", "worksFor", "Pennick"),
        ),
        Example(
            "Brightvale shares rose on Monday. Executive producer Nora Quill praised the film.",
            ("Nora Quill", "worksFor", "Brightvale"),
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
        and len(identities) == 1
        and bare_officer(noun, lower)
        and officer_applies(noun, identities[0], ctx)
    ):
        others = officer_company(noun, ctx)
    if (
        pred == "worksFor"
        and len(identities) == 1
        and all(n.type == PERSON for n, _ in others)  # (a principal is no employer)
    ):
        # "Ann Roe, a spokesman for EU trade commissioner X": staff work where their principal
        # does; "Brenford's chairman, Sir A, and finance chief B": the possessive serves both
        others = (
            through_principal(noun, lower, ctx, _principal_others)
            or [(n, "poss") for n in shared_possessive(noun, ctx)]
            or others
        )
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


def _principal_others(title: Token, principal: Name, ctx: Context) -> list[tuple[Name, str]]:
    """The organisations a titled person's title names (for the staff rule in `staff`)."""
    key = identity_key(title) or title.lower_
    found = _others(title, title, key, "worksFor", False, [principal], ctx)
    return [(n, v) for n, v in found if v != "compound" or title_modifier(n, ctx)]
