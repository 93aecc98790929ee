"""Nouns naming an event or state between entities: "the partnership between X and Y",
"X's acquisition of Y", a called-off merger, an employment agreement."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..mentions import Name
from ..modality import modality_of
from ..model import ASSERTED, ORG, PERSON, PLACE, PRODUCT
from ..relations import BY_NAME, SYMMETRIC
from .base import Example, Found, rule
from .context import Context
from .parse import (
    date_of,
    employment_contract,
    is_share,
    names_at,
    org_like,
    pobjs,
    subjects_of,
)
from .triggers import (
    EVENT_NOUNS,
    MERGER_NOUNS,
    PRESUPPOSING_VERBS,
    SUPPORT_VERBS,
)


@rule(
    "merger",
    scope="noun",
    emits=("acquired",),
    confidence=0.8,
    writes=("noun:merger",),
    examples=(
        Example(
            "Skyward Airlines and Pacifica Air called off their planned merger on Tuesday.",
            ("Skyward Airlines", "acquired", "Pacifica Air"),
            "noun:merger",
            modality="negated",
        ),
    ),
    counter_examples=(
        Example(
            "Skyward Airlines and Pacifica Air completed their merger on Tuesday.",
            ("Skyward Airlines", "acquired", "Pacifica Air"),
        ),
    ),
)
def merger_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """ "Skyward and Pacifica called off their planned merger": a merger that was called off,
    blocked or only proposed is recorded (either way round, never asserted), so that an earlier
    "agreed to buy" in the same article is not asserted either (kg.resolve)."""
    if (
        noun.lemma_.lower() not in MERGER_NOUNS
        or noun.pos_ != "NOUN"
        or modality_of(noun) == ASSERTED
    ):
        return
    parties = [n for n, _ in pobjs(noun, ("between", "of", "with"), ctx)]
    parties += [n for c in noun.children if c.dep_ == "poss" for n in names_at(c, ctx)]
    if noun.dep_ in ("dobj", "nsubjpass"):
        parties += [n for n in subjects_of(noun.head, ctx) if n not in parties]
    parties = [n for n in parties if n.type in (ORG, None)]
    for a in parties:
        for b in parties:
            if a is not b:
                yield Found(a, "acquired", b, noun, "noun:merger")


@rule(
    "event",
    scope="noun",
    emits=(
        "partnerOf",
        "competitorOf",
        "acquired",
        "holdsStakeIn",
        "launched",
        "basedIn",
        "advertisesOn",
        "operatesIn",
    ),
    confidence=0.8,
    writes=("noun:<noun>", "noun:<noun>:between", "noun:<noun>:pair"),
    examples=(
        Example(
            "Tencent Music, in which Spotify holds a stake, rose.",
            ("Spotify", "holdsStakeIn", "Tencent Music"),
            "noun:stake",
        ),
        Example(
            "Adobe's first acquisition was Emerald City Software.",
            ("Adobe", "acquired", "Emerald City Software"),
            "noun:acquisition",
        ),
        Example(
            "The deal between Disney and Netflix ended in 2019.",
            ("Disney", "partnerOf", "Netflix"),
            "noun:deal:between",
        ),
        Example(
            "Berkshire Hathaway holds a 5 percent stake in Apple.",
            ("Berkshire Hathaway", "holdsStakeIn", "Apple"),
            "noun:stake",
        ),
        Example(
            "The partnership between Amazon and TikTok grew.",
            ("Amazon", "partnerOf", "TikTok"),
            "noun:partnership:between",
        ),
        Example(
            "Ford announced a partnership with Google on Monday.",
            ("Ford", "partnerOf", "Google"),
            "noun:partnership",
        ),
    ),
    counter_examples=(
        Example("Amazon might sign a partnership with TikTok.", ("Amazon", "partnerOf", "TikTok")),
    ),
)
def event_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """Nominalisations: "the partnership between X and Y", "X's deal with Y", "a stake in Y"."""
    lemma = noun.lemma_.lower()
    if lemma not in EVENT_NOUNS or noun.pos_ not in ("NOUN",) or ctx.in_name(noun.i):
        return
    if employment_contract(noun):
        return  # an employment agreement hires a person (contract_relations), it is no partnership
    pred = EVENT_NOUNS[lemma]
    between = [n for n, p in [(n, p) for n, p in pobjs(noun, ("between", "among"), ctx)]]
    agents, presupposed = _modifier_agents(noun, ctx)
    patients = _patients(noun, pred, ctx)
    if (
        noun.dep_ == "nsubj"
        and noun.head.lemma_ == "be"
        and pred in ("acquired", "launched")
        and not patients
    ):
        # "Adobe's first acquisition was Emerald City Software": asserted only as the copula is
        patients.extend(n for c in noun.head.children if c.dep_ == "attr" for n in names_at(c, ctx))
        presupposed = False
    # "the acquisition of Perseid by Astellas"
    if pred in ("acquired", "launched", "holdsStakeIn") and not agents:
        agents.extend(n for n, _ in pobjs(noun, ("by",), ctx))
    if not agents and noun.dep_ in ("dobj", "attr", "pobj"):
        agents.extend(_verb_agents(noun, ctx))
    if pred == "holdsStakeIn" and lemma in ("stake", "stakes"):
        pct = [t.text for t in noun.subtree if t.like_num and t.i < noun.i]
        quals: tuple[tuple[str, str], ...] = (("stake", f"{pct[0]}%"),) if pct else ()
    else:
        quals = ()
    quals = quals + date_of(noun)
    if len(between) >= 2:
        yield Found(
            between[0], pred, between[1], noun, f"noun:{lemma}:between", quals, presupposed=True
        )
        return
    if pred in SYMMETRIC and len(agents) >= 2 and not patients:
        yield Found(agents[0], pred, agents[1], noun, f"noun:{lemma}:pair", quals, presupposed)
        return
    if pred in SYMMETRIC and not agents and patients:
        agents = _sentence_fallback(noun, ctx, exclude=patients)
    for a in agents:
        for p in patients:
            if a is not p:
                yield Found(a, pred, p, noun, f"noun:{lemma}", quals, presupposed)


def _modifier_agents(noun: Token, ctx: Context) -> tuple[list[Name], bool]:
    """The agents an event noun's possessor or compound names, and whether a possessor or a
    definite article presupposes the event ("its partnership", "the deal")."""
    agents: list[Name] = []
    presupposed = False
    for child in noun.children:
        if child.dep_ == "poss":
            agents.extend(names_at(child, ctx))
            presupposed = True
        elif child.dep_ == "compound" and child.i < noun.i:
            for sub in child.subtree:
                name = ctx.name_on(sub.i)
                if name is not None and name not in agents and name.type != PLACE:
                    agents.append(name)
        elif child.dep_ == "det" and child.lower_ in ("the", "this", "that"):
            presupposed = True
    # "increase competition with Y", "deepen its partnership": the relation already exists.
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in PRESUPPOSING_VERBS:
        presupposed = True
    return agents, presupposed


def _patients(noun: Token, pred: str, ctx: Context) -> list[Name]:
    """The other party, after the prepositions the relation declares (kg.relations)."""
    patients: list[Name] = []
    patient_preps = BY_NAME[pred].noun_preps
    patients.extend(n for n, _ in pobjs(noun, patient_preps, ctx))
    if pred == "holdsStakeIn" and not patients:
        # "a stake of just under 1% in Corvana"
        patients.extend(
            n
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for share in p.children
            if share.dep_ == "pobj" and is_share(share)
            for n, _ in pobjs(share, ("in",), ctx)
        )
    if not patients and noun.dep_ == "dobj" and noun.head.lemma_ in SUPPORT_VERBS:
        # "holds a stake in Y" with the in-phrase hung on the verb; "in which X holds a stake"
        patients.extend(n for n, _ in pobjs(noun.head, patient_preps, ctx))
    return patients


def _verb_agents(noun: Token, ctx: Context) -> list[Name]:
    """ "in partnership with Y", "through a deal with Y", "announced a deal with Y": the subject
    of the verb that takes the event noun."""
    verb = noun.head if noun.dep_ != "pobj" else noun.head.head
    manner = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "through", "under", "via")
    if verb.pos_ in ("VERB", "AUX") and (
        verb.lemma_ in SUPPORT_VERBS or noun.dep_ == "dobj" or manner
    ):
        return subjects_of(verb, ctx)
    return []


def _sentence_fallback(noun: Token, ctx: Context, *, exclude: list[Name]) -> list[Name]:
    """An agentless "competition with Y": the other party is the sentence's only other company."""
    sent = ctx.sent(noun.i)
    cands = [
        n
        for n in ctx.names
        if sent.start <= n.start < sent.end and n not in exclude and n.type in (ORG, PRODUCT)
    ]
    texts = {n.text for n in cands}
    return cands[:1] if len(texts) == 1 else []


@rule(
    "contract",
    scope="noun",
    emits=("worksFor",),
    confidence=0.8,
    writes=("contract:employment",),
    examples=(
        Example(
            "Allied Nevada signed an employment agreement with John Smith.",
            ("John Smith", "worksFor", "Allied Nevada"),
            "contract:employment",
        ),
    ),
    counter_examples=(
        Example(
            "Allied Nevada signed a supply agreement with John Smith.",
            ("John Smith", "worksFor", "Allied Nevada"),
        ),
    ),
)
def contract_relations(noun: Token, ctx: Context) -> Iterator[Found]:
    """ "Employment Agreement, dated ..., between Allied Nevada Gold Corp. and David Flint",
    "signed an employment agreement with John Smith": the person works for the company."""
    if not employment_contract(noun):
        return
    parties: list[Name] = []
    for tok in noun.subtree:
        if tok.lower_ == "between" or tok.lower_ == "with" and tok.head.i == noun.i:
            for pobj in tok.children:
                if pobj.dep_ == "pobj":
                    parties += names_at(pobj, ctx)
            if tok.lower_ == "with":
                subject = ctx.clause_subject(noun)
                parties += [subject] if subject is not None else []
            break
    people = [n for n in parties if n.type == PERSON]
    companies = {n.text: n for n in parties if n.type == ORG and org_like(n, ctx)}
    if len(companies) == 1:
        company = next(iter(companies.values()))
        for person in people:
            yield Found(person, "worksFor", company, noun, "contract:employment", presupposed=True)
