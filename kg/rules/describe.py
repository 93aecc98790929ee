"""Readings of a description noun for the identity rule: whom it describes ("Boschetti, an
Amazon spokesperson"; "X was named president of Y") and whom it is relative to ("a rival *of*
X", "Amazon's spokesperson", "station chief X said the Coast Guard ...")."""

from __future__ import annotations

from spacy.tokens import Token

from ..mentions import Name, familiar_place
from ..model import ORG, PLACE
from .context import Context
from .officers import role_of
from .parse import (
    described_entity,
    names_at,
    org_like,
    pobjs,
    subjects_of,
)
from .triggers import (
    BODY_NOUNS,
    COMPANY_NOUNS,
    COPULAS,
    HIRING_VERBS,
    NAMING_VERBS,
    PARTITIVES,
    PROMOTION_VERBS,
    ROLE_PREPS,
    ROLE_VERBS,
    SPEAKING_VERBS,
    UNIT_NOUNS,
)


def identity_of(head: Token, ctx: Context) -> list[Name]:
    """Which entity a description describes: apposition, copula subject, or named compound."""
    if (
        head.dep_ == "nsubj"
        and head.head.lemma_ in ("include", "be")
        and head.tag_ in ("NNS", "NNPS")
    ):
        # "Kestrel's investors include Orchard Hill Ventures and Sato Pharmaceutical"
        found = [
            n for c in head.head.children if c.dep_ in ("dobj", "attr") for n in names_at(c, ctx)
        ]
        if found:
            return found
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in PARTITIVES:
        return identity_of(head.head.head, ctx)  # "X is one of the biggest advertisers on Y"
    if head.dep_ == "pobj" and head.head.lower_ == "among" and head.head.head.lemma_ in COPULAS:
        head = head.head  # "X is among the largest shareholders in Y": the copula's subject
        return [n for c in head.head.children if c.dep_ == "nsubj" for n in names_at(c, ctx)]
    for child in head.children:
        if child.dep_ == "nsubj" and head.pos_ == "NOUN":
            # a small clause: "the deal makes X the largest shareholder in Y"
            return names_at(child, ctx)
    for child in head.children:
        if child.dep_ in ("appos",):
            found = names_at(child, ctx, spread=False)
            if found:
                return found
    for child in head.children:
        if child.dep_ == "compound" and child.i > head.i and ctx.in_name(child.i):
            return [ctx.name_on(child.i)]
    if head.dep_ == "appos":  # a singular appositive describes one name, not its whole list
        found = [
            n
            for n in names_at(head.head, ctx, spread=head.tag_ in ("NNS", "NNPS"))
            if not _party_tag(n, ctx)
        ]
        if not found and head.head.dep_ == "appos":  # "Sen. X, D-Mich., chairman of Y"
            found = names_at(head.head.head, ctx, spread=False)
        return found
    if head.dep_ in ("compound", "nmod") and ctx.in_name(head.head.i):
        return [ctx.name_on(head.head.i)]  # "parent company ByteDance" parsed flat
    # "the owner and general manager of X", "a jeweler and president of X": the first conjunct's
    if head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN") and not ctx.in_name(head.head.i):
        return identity_of(head.head, ctx)
    return _role_holder(head, ctx)


def _role_holder(head: Token, ctx: Context) -> list[Name]:
    """Who takes a role a verb gives: "it named X publisher of Y", "X is chairman of Y", "hired
    X as chief executive", "X was promoted to president of Y"."""
    if head.dep_ == "oprd" and head.head.lemma_ in NAMING_VERBS:
        # "it named Larry Jinks publisher of X": the object takes the role
        for child in head.head.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return names_at(child, ctx)
        return []
    if head.dep_ in ("attr", "oprd") and head.head.lemma_ in ROLE_VERBS:
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


def _party_tag(name: Name, ctx: Context) -> bool:
    """ "D-Mich.", "R-Utah": a legislator's party and state, not a name of its own."""
    doc = ctx.doc
    return (
        name.start >= 2
        and doc[name.start - 1].text == "-"
        and len(doc[name.start - 2].text) == 1
        and doc[name.start - 2].is_upper
    )


def title_modifier(name: Name, ctx: Context) -> bool:
    """A name before a title is its holder's employer when NER calls it a company, or when it
    starts the noun phrase ("Pfizer CEO X"; not "U.S. Bankruptcy Judge X", a court's name)."""
    if name.ner_type == ORG:
        return True
    if (
        name.ner_type == PLACE
        and (name.type != ORG or familiar_place(name.text))
        or name.type not in (ORG, None)
    ):
        # (an untyped name may be a company NER missed: "Activision chief executive X"; an
        # unfamiliar "place" context made a company may be one NER misread: "Healy president X")
        return False
    return name.start == 0 or ctx.doc[name.start - 1].pos_ not in ("PROPN", "NUM")


def other_of(
    noun: Token,
    head: Token,
    ctx: Context,
    preps: tuple[str, ...],
    pred: str = "",
    reverse: bool = False,
) -> list[tuple[Name, str]]:
    """The entity a description is relative to: possessor, of/at/for-phrase, or modifier name."""
    out: list[tuple[Name, str]] = []
    spread = pred != "owns" or not reverse  # "a subsidiary of A, and B": only A is the parent
    doc = noun.doc
    scan = {noun, head}
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 2].whitespace_:
        scan.add(doc[noun.i - 2])  # "Spotify's co-founder" comes as "co", "-", "founder"
    for tok in scan:
        for child in tok.children:
            if child.dep_ == "poss":
                out.extend((n, "poss") for n in names_at(child, ctx, spread=spread))
            elif child.dep_ in ("compound", "nmod") and child.i < noun.i and ctx.in_name(child.i):
                # only a name right on the noun: in "Phoenix newspaper reporter X" the city
                # modifies "newspaper", not the reporter's employer
                if ctx.name_on(child.i) not in [n for n, _ in out]:
                    out.append((ctx.name_on(child.i), "compound"))
        for name, prep in pobjs(tok, preps, ctx):
            out.append((name, prep.lower_))
            if not spread:
                break
    if noun.dep_ == "compound" and ctx.in_name(noun.head.i):
        # "its primary bank subsidiary Regions Bank": the possessive hangs on the name
        for child in noun.head.children:
            if child.dep_ == "poss" and child.i < noun.i:
                out.extend(
                    (n, "poss")
                    for n in names_at(child, ctx, spread=spread)
                    if all(n is not m for m, _ in out)
                )
    if pred == "worksFor" and noun.dep_ == "compound" and ctx.in_name(noun.head.i):
        # "Coast Guard Lt. Steve Hardy", "U.N. financial spokesman Fred Eckhard": a name right
        # before the title (adjectives aside), whatever the parse attached it to
        i = noun.i - 1
        while i >= 0 and doc[i].pos_ == "ADJ" and not ctx.in_name(i):
            i -= 1
        left = ctx.name_on(i)
        if left is not None and left.end == i + 1 and all(left is not n for n, _ in out):
            out.append((left, "compound"))
    if pred in ("worksFor", "partnerOf") and not any(v != "compound" for _, v in out):
        out.extend(_deeper_others(noun, head, pred, ctx))
    return out


def _deeper_others(noun: Token, head: Token, pred: str, ctx: Context) -> list[tuple[Name, str]]:
    """One noun deeper: "vice president of marketing for X", "a member of the board of X", "an
    engineer with X's research service"."""
    out: list[tuple[Name, str]] = []
    for tok in {noun, head}:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ROLE_PREPS:
                continue
            for mid in prep.children:
                if mid.dep_ != "pobj" or ctx.in_name(mid.i):
                    continue
                if mid.pos_ != "NOUN" and not (
                    mid.pos_ == "PROPN" and mid.lower_ in BODY_NOUNS | UNIT_NOUNS
                ):
                    continue  # (filings capitalise "Chairman of the Board of X")
                if pred == "partnerOf" and mid.lower_ not in COMPANY_NOUNS:
                    # "a partner with the firm of X" is X's partner; not "of the consortium
                    # of X"
                    continue
                for grand in mid.children:
                    if grand.dep_ == "poss":
                        out.extend((n, "poss") for n in names_at(grand, ctx))
                out.extend((n, p.lower_) for n, p in pobjs(mid, ("of", "at", "for", "with"), ctx))
    return out


def reporting_organisation(person: Name, ctx: Context) -> list[Name]:
    """ "The Coast Guard rescued seven people, said station chief X": a holder of an inside
    role who reports what an organisation did speaks for it."""
    h = ctx.head(person)
    verb = h.head
    if h.dep_ != "nsubj" or verb.lemma_ not in SPEAKING_VERBS:
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
