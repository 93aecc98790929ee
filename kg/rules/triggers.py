"""Trigger words of the relation rules, one table per purpose, next to the rules' package.

(General lexicons — countries, demonyms, role nouns, type nouns — live in kg/lexicon.py.)
"""

from __future__ import annotations

from ..lexicon import ROLE_NOUNS, TYPE_NOUNS
from ..model import ORG, PRODUCT
from ..relations import RelationDeclarationError, relation


def _words(text: str) -> set[str]:
    """A set of words written as one string (a trigger table reads as prose, one line per idea)."""
    return set(text.split())


# Verb lemma -> (relation, where the object is: "dobj" or prepositions, reversed?)
# reversed: the grammatical object is the relation's subject ("X hired Y" -> Y worksFor X).
VERBS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "partner": ("partnerOf", ("with",), False),
    "collaborate": ("partnerOf", ("with",), False),
    "team": ("partnerOf", ("with",), False),
    "ally": ("partnerOf", ("with",), False),
    "cooperate": ("partnerOf", ("with",), False),
    "join forces": ("partnerOf", ("with",), False),
    "compete": ("competitorOf", ("with", "against"), False),
    "rival": ("competitorOf", ("dobj",), False),
    "acquire": ("acquired", ("dobj",), False),
    "buy": ("acquired", ("dobj",), False),
    "purchase": ("acquired", ("dobj",), False),
    "take over": ("acquired", ("dobj",), False),
    "pick up": ("acquired", ("dobj",), False),
    "snap up": ("acquired", ("dobj",), False),
    "buy out": ("acquired", ("dobj",), False),
    "own": ("owns", ("dobj",), False),
    "control": ("owns", ("dobj",), False),
    "invest": ("holdsStakeIn", ("in",), False),
    "back": ("holdsStakeIn", ("dobj",), False),
    "fund": ("holdsStakeIn", ("dobj",), False),
    "employ": ("worksFor", ("dobj",), True),
    "hire": ("worksFor", ("dobj",), True),
    "bring in": ("worksFor", ("dobj",), True),
    "recruit": ("worksFor", ("dobj",), True),
    "appoint": ("worksFor", ("dobj",), True),
    "work": ("worksFor", ("for", "at"), False),
    "teach": ("worksFor", ("at",), False),
    "found": ("worksFor", ("dobj",), False),
    "co-found": ("worksFor", ("dobj",), False),
    "cofound": ("worksFor", ("dobj",), False),
    "join": ("worksFor", ("dobj",), False),
    "lead": ("worksFor", ("dobj",), False),
    "head": ("worksFor", ("dobj",), False),
    "run": ("worksFor", ("dobj",), False),
    "manage": ("worksFor", ("dobj",), False),
    "chair": ("worksFor", ("dobj",), False),
    "direct": ("worksFor", ("dobj",), False),
    "serve": ("worksFor", ("in", "on", "at", "with"), False),
    "spend": (
        "worksFor",
        ("at", "with"),
        False,
    ),  # "spent four years at WhatsApp" (a span of time only)
    "advertise": ("advertisesOn", ("on", "with"), False),
    "launch": ("launched", ("dobj",), False),
    "introduce": ("launched", ("dobj",), False),
    "unveil": ("launched", ("dobj",), False),
    "release": ("launched", ("dobj",), False),
    "debut": ("launched", ("dobj",), False),
    "roll out": ("launched", ("dobj",), False),
    "operate": ("operatesIn", ("in",), False),
    "open": ("operatesIn", ("in",), False),
    "expand": ("operatesIn", ("to", "into", "in"), False),
    "enter": ("operatesIn", ("dobj",), False),
    "base": ("basedIn", ("in",), False),
    "headquarter": ("basedIn", ("in",), False),
    "incorporate": ("basedIn", ("in",), False),
    "organize": ("basedIn", ("in",), False),
    "organise": ("basedIn", ("in",), False),
}


# Funding rounds, who raises them and who puts money in.
ROUND_NOUNS = _words("round financing funding raise fundraising fundraise")


RAISING_VERBS = _words("raise close complete announce secure land bring")


INVESTOR_ROUND_VERBS = _words("lead co-lead colead join participate back anchor fund")


# Verbs whose percentage object is a stake ("holds 18% of X").
SHARE_VERBS = _words("hold own control have acquire buy take purchase retain keep")


# A company that opens or builds one of these somewhere operates there.
FACILITY_VERBS = _words("open build establish set run operate launch add expand have construct")


FACILITY_NOUNS = _words(
    "office plant factory store shop hub center centre campus warehouse branch facility lab "
    "laboratory site headquarters outlet restaurant mine refinery studio showroom subsidiary "
    "unit operation operations fulfillment data"
)


# Verbs whose object takes the "as"-role ("hired X as chief executive").
HIRING_VERBS = _words(
    "hire appoint name bring recruit tap promote elect install pick choose select poach"
)


# Functions one runs at a company ("ran marketing at Coca-Cola").
FUNCTION_NOUNS = _words(
    "marketing sales operations engineering finance design research product strategy "
    "communications technology security policy development growth legal hr partnerships"
)


TIME_NOUNS = _words("year years decade decades month months stint time career tenure")


SELLING_VERBS = {"sell", "trade", "ship", "deliver"}


PRESENCE_VERBS = _words("employ hire have serve count attract sign add reach boast claim")


CUSTOMER_NOUNS = _words(
    "user customer subscriber client member shopper rider driver merchant store branch outlet "
    "restaurant"
)


WORKFORCE_NOUNS = _words("people person worker employee staff engineer workforce")


PEOPLE_NOUNS = WORKFORCE_NOUNS | CUSTOMER_NOUNS


PRESENCE_TRIGGERS = PRESENCE_VERBS | FACILITY_VERBS | SELLING_VERBS


PRESENCE_NOUNS = FACILITY_NOUNS | PEOPLE_NOUNS | {"presence"}


# Nouns for a set of places ("in 40 countries, including Japan").
AREA_NOUNS = _words("country market city state region territory nation province")


# What a company launches or makes available of its own ("launched its service in India").
OFFERINGS = {w for w, t in TYPE_NOUNS.items() if t == PRODUCT} | {
    "service",
    "services",
    "platform",
    "store",
    "stores",
    "shop",
    "operations",
    "business",
    "brand",
    "network",
    "marketplace",
    "product",
    "products",
}


# Verbs whose object is always an organisation.
FOUNDING_VERBS = {"found", "co-found", "cofound"}


# Verbs that state a stake only when a company is what they back or fund.
INVESTOR_VERBS = {"back", "fund"}


# What one buys of a company when buying the company ("acquired the assets of X").
ASSET_NOUNS = _words("asset assets operations operation business businesses")


# Parts of an organisation one heads, runs or joins ("heads Microsoft's cloud unit").
UNIT_NOUNS = _words(
    "unit division department team business arm office operations bureau desk lab group"
)


# Bodies one serves on or in: "served on the board of X" is serving X.
BODY_NOUNS = _words("board staff faculty council committee team")


# Verbs that state a fact only in the passive ("incorporated in Delaware", not "incorporated AI
# in its apps"); "organized in" only of a company noun ("a company organized in the UK").
PASSIVE_ONLY = {"incorporate", "organize", "organise"}


# Nouns naming what an entity IS relative to another ("ByteDance, the parent company of TikTok").
IDENTITY_NOUNS: dict[str, tuple[str, bool]] = {
    "parent": ("owns", False),
    "owner": ("owns", False),
    "subsidiary": ("owns", True),
    "unit": ("owns", True),
    "division": ("owns", True),
    "arm": ("owns", True),
    "affiliate": ("owns", True),
    "part": ("owns", True),
    "competitor": ("competitorOf", False),
    "rival": ("competitorOf", False),
    "challenger": ("competitorOf", False),
    "partner": ("partnerOf", False),
    "ally": ("partnerOf", False),
    "shareholder": ("holdsStakeIn", False),
    "stakeholder": ("holdsStakeIn", False),
    "investor": ("holdsStakeIn", False),
    "backer": ("holdsStakeIn", False),
    "advertiser": ("advertisesOn", False),
    **{noun: ("worksFor", False) for noun in ROLE_NOUNS if noun != "partner"},
}


# Nouns naming an event or state between two entities ("X's acquisition of Y").
EVENT_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        "partnership deal agreement alliance collaboration tie-up venture pact cooperation "
        "partnering".split(),
        "partnerOf",
    ),
    **dict.fromkeys("competition rivalry".split(), "competitorOf"),
    **dict.fromkeys("acquisition purchase takeover buyout".split(), "acquired"),
    **dict.fromkeys("stake stakes investment holding".split(), "holdsStakeIn"),
    **dict.fromkeys("launch rollout debut".split(), "launched"),
    **dict.fromkeys("headquarters hq".split(), "basedIn"),
    **dict.fromkeys(
        "ad ads advert adverts advertising advertisement advertisements commercials".split(),
        "advertisesOn",
    ),
    **dict.fromkeys("expansion entry".split(), "operatesIn"),
}


# Verbs that introduce an event noun whose agent is their subject ("TikTok announced a
# partnership").
SUPPORT_VERBS = set(
    "announce sign form strike reach enter have hold own take acquire buy complete close seal "
    "forge make start begin expand deepen extend finalize finalise unveil agree launch build "
    "maintain secure win get increase raise boost announce continue renew pursue keep run place "
    "spend buy pull put show air".split()
)


# Verbs whose object relation already exists ("deepen its partnership"): it is presupposed.
PRESUPPOSING_VERBS = set(
    "increase intensify deepen expand extend strengthen boost continue renew maintain step "
    "heighten end terminate reevaluate review scale".split()
)


# Prepositions whose gerund shares the main clause's subject ("after joining X, she ...");
# not "instead of" / "without", which deny it.
TEMPORAL_PREPS = _words("after before since upon following to by")


# Verbs whose "to"-phrase names a new role ("was promoted to president of X").
PROMOTION_VERBS = _words("promote elevate rise move return name appoint elect advance")


# Nouns between a role and its organisation ("head of marketing at X", "a director on the
# boards of X", "an engineer with X's research service"): the role's employer is still X.
ROLE_PREPS = ("of", "at", "for", "with", "on", "in")


# Roles that speak from inside an organisation (not "analyst", "lawyer", "professor": outsiders
# comment on companies they do not work for).
INSIDE_ROLES = frozenset(
    """spokesman spokeswoman spokesperson representative official officer chief head director
    manager president vice-president chairman chairwoman chair executive ceo cfo cto coo vp svp
    evp deputy secretary treasurer superintendent supervisor commander captain capt. lt. sgt.
    sergeant lieutenant foreman coordinator administrator aide staffer employee""".split()
)


# Titles only a company's officers hold.
COMPANY_OFFICERS = frozenset("ceo cfo cto coo cmo cio founder co-founder cofounder".split())

# Titles a company's officers hold that stand bare in news ("said chairman X", "chief executive
# X spent the week ..."): the chair alone, or an executive/officer/director the modifier makes
# an officer ("chief executive", "managing director"; not "executive producer", "director").
# Staff who speak or work for a titled person: they work where that person does ("a spokesman
# for EU trade commissioner X", "an adviser to chief executive X").
STAFF_ROLES = frozenset(
    "spokesman spokeswoman spokesperson aide adviser advisor assistant deputy".split()
)
BOARD_TITLES = frozenset("chairman chairwoman chairperson boss".split())
OFFICER_HEADS = frozenset("executive officer director".split())
OFFICER_MODIFIERS = frozenset("chief managing finance financial operating executive".split())


# Role words that state membership, not an office: a party's members do not work for it.
MEMBERSHIP = frozenset({"member", "members", "candidate", "candidates", "supporter", "supporters"})


# Type nouns that describe a company, for "a Hong Kong construction firm" / "German carmaker BMW".
# Relational nouns ("Nvidia rival AMD", "Alphabet unit Google") name another company, never a seat.
RELATIONAL_NOUNS = _words(
    "subsidiary unit division affiliate parent rival rivals competitor competitors supplier "
    "vendor distributor partner owner customer client"
)


COMPANY_NOUNS = (
    {w for w, t in TYPE_NOUNS.items() if t == ORG}
    - {
        "government",
        "administration",
        "court",
        "senate",
        "house",
        "parliament",
        "council",
        "ministry",
        "department",
        "party",
        "union",
        "committee",
    }
    - RELATIONAL_NOUNS
)


# "Employment Agreement", "Director Appointment Letter": contracts that make a person staff.
EMPLOYMENT_WORDS = frozenset({"employment", "appointment", "executive", "severance", "consulting"})


CONTRACT_NOUNS = frozenset({"agreement", "contract", "letter"})


def _check_tables() -> None:
    """A trigger table naming an undeclared relation, or one whose declaration lacks the
    prepositions its rule reads the other party from, fails at import, not mid-build."""
    for pred, _, _ in VERBS.values():
        relation(pred)
    for pred in EVENT_NOUNS.values():
        if not relation(pred).noun_preps:
            raise RelationDeclarationError(f"{pred}: an event noun needs its noun_preps declared")
    for pred, _ in IDENTITY_NOUNS.values():
        if not relation(pred).description_preps:
            raise RelationDeclarationError(
                f"{pred}: a description needs description_preps declared"
            )


_check_tables()
