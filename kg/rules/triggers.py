"""Trigger words of the relation rules, one table per purpose, next to the rules' package.

(General lexicons — countries, demonyms, role nouns, type nouns — live in kg/lexicons/.)
"""

from __future__ import annotations

from ..lexicons import ROLE_NOUNS, TYPE_NOUNS
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


# --- places: seats and presence (kg/rules/places.py, kg/rules/presence.py) -------------------

# Head nouns of a description that says what kind of company a name is, with its nationality
# or home in front ("UK drinks and food firm X", "X, one of Scotland's premier whisky firms").
# Relational nouns are fine here: "German rival X" is German whoever it rivals.
DESCRIPTOR_NOUNS = COMPANY_NOUNS | RELATIONAL_NOUNS | _words(
    "monopoly producer maker publisher insurer lender operator chain brewer distiller "
    "carrier manufacturer refiner miner giant group conglomerate firm bank retailer "
    "supermarket grocer broadcaster airline carmaker automaker telecom telecoms "
    "utility builder developer exporter importer explorer"
) - {"house", "party", "union", "council", "court", "government"}
# Words inside such a description that end it: it is about another noun, or a hyphen fact
# ("Chinese-owned carmaker X" says who owns X, not where X is).
DESCRIPTOR_STOPS = _words("the a an of in for by with to from at on as its their his her our")
# What a company holds or has somewhere that says it works there ("holds contracts in Egypt",
# "has a presence in Peru", "has licences in A and B").
HOLDING_VERBS = _words("have hold win secure maintain own")
HOLDING_NOUNS = _words(
    "presence contract licence license concession permit interest asset operation "
    "subsidiary office plant factory refinery mine field block acreage"
)
# A company's seat, not one of its sites: "has its headquarters in Oslo" says basedIn (the
# headquarters rule), not operatesIn.
SEAT_NOUNS = _words("headquarters headquarter hq seat")
# Institutions named after their city ("Moscow State University", "University of Tehran").
INSTITUTION_HEADS = _words(
    "university college institute school academy museum hospital observatory "
    "conservatory conservatoire polytechnic seminary library zoo"
)
# "it costs more to hire staff in France": the infinitive is generic, with an expletive "it",
# not the company's own act.
COST_VERBS = _words("cost")
# What a company sells or earns somewhere ("its US sales", "sales in Asia rose").
SALES_NOUNS = _words("sales revenue revenues turnover")


# "Employment Agreement", "Director Appointment Letter": contracts that make a person staff.
EMPLOYMENT_WORDS = frozenset({"employment", "appointment", "executive", "severance", "consulting"})


CONTRACT_NOUNS = frozenset({"agreement", "contract", "letter"})


# --- words the rules test inline, one table per purpose -------------------------------------
# Copulas: "X is/becomes/remains a Y" describes X.
COPULAS = ("be", "become", "remain")
# Verbs whose attribute or predicative names a role its subject or object takes ("X is chairman
# of Y", "it named X publisher of Y").
ROLE_VERBS = ("be", "become", "remain", "serve", "name", "appoint")
NAMING_VERBS = ("name", "appoint", "elect", "make")
# "one of the biggest advertisers on Y": a partitive whose of-phrase holds the description.
PARTITIVES = ("one", "some", "two", "three")
# Verbs with which an officer speaks for an organisation ("..., said station chief X").
SPEAKING_VERBS = ("say", "tell", "add", "announce", "confirm")
# Deals recorded only when called off, blocked or proposed ("their planned merger").
MERGER_NOUNS = ("merger", "combination", "tie-up")
# "holds 62% of its share capital": what a percentage of a company is a percentage of.
CAPITAL_NOUNS = ("capital", "share", "equity", "stock")
# "sold NAC to a subsidiary of Hitachi Zosen": the group buys through its unit.
BUYING_UNIT_NOUNS = ("subsidiary", "unit", "affiliate", "division")
# "sold a 51% stake in Halcyon to X": what is sold when a stake changes hands.
SOLD_STAKE_NOUNS = ("stake", "share", "holding")
PERCENT_WORDS = ("percent", "per cent", "pct")
# Verbs after which an unfamiliar "place" may be a company NER misread ("joined Zilingo").
JOINING_VERBS = ("join", "found", "co-found", "cofound")
# "entered the Indian market": a market noun whose modifier names the place.
MARKET_NOUNS = ("market", "markets", "business")
# "... pressed by Kuaishou. The competitor boasts ...": a definite rival in subject position.
RIVAL_NOUNS = ("competitor", "rival")
# "Netflix is now available in 190 countries": where a company is available, it operates.
AVAILABILITY_WORDS = ("available", "present", "active")


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


# --- ownership and products (kg/rules/brands.py) -------------------------------------------

# What a company owns by name: "its Kestrel brand", "brands including Kestrel gin".
BRAND_NOUNS = _words(
    "brand brands label labels marque marques name names franchise franchises range ranges "
    "marketplace marketplaces chain chains"
)
# What a company launches by name: "unveiling the Aria and Sola models".
MODEL_NOUNS = _words(
    "model models car cars sedan sedans saloon saloons vehicle vehicles crossover crossovers "
    "suv suvs truck trucks phone phones console consoles handset handsets product products"
)
# Verbs that launch what they name, and those that only list it ("models include A and B").
LAUNCH_VERBS = _words("launch introduce unveil release debut roll unwrap show present")
LIST_VERBS = _words("include comprise feature span")
# Verbs whose object noun ("owns brands including A") the subject owns.
BRAND_VERBS = _words("own have hold control sell make market run operate")
# Prepositions that open a list ("brands including A", "chains such as B", "labels like C").
LIST_PREPS = _words("including like as")
# Words that end a list read left to right ("... and C in Europe", "..., which said").
LIST_STOPS = _words("which who that said says but while although because after before when")
# Deals whose maker buys ("a deal to buy 26% of X"), and the buyers a sale names members of.
DEAL_NOUNS = _words("deal agreement accord")
BUYER_GROUPS = _words("consortium group investors buyers partners")
# A group's companies: "<Unit>, another <Group> company", "the group's flagship company, <Unit>"
MEMBER_NOUNS = _words("company companies firm subsidiary business")
MEMBER_MODIFIERS = _words("flagship main core key largest biggest listed operating")
# "the group behind Brisa soap": the company behind a brand owns it
BEHIND_NOUNS = _words("group company firm maker conglomerate giant business owner")
