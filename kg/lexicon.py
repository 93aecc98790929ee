"""Generic word lists the rules rely on: triggers, roles, hedges, suffixes, countries.

Nothing here names an organisation, person or product: only the words news uses around them.
"""
from __future__ import annotations

from .model import ORG, PERSON, PLACE, PRODUCT

# --- Names -----------------------------------------------------------------------------------

LEGAL_SUFFIXES = frozenset(
    """inc inc. incorporated corp corp. corporation co co. company ltd ltd. limited llc l.l.c. plc
    p.l.c. s.p.a. spa s.a. sa ag gmbh nv n.v. bv b.v. se oyj ab asa kk k.k. pte pty lp llp
    holdings holding group s.r.l. srl s.r.l a/s sarl s.a.r.l. s.a.s. sas oy bhd sdn kgaa""".split()
)
# Words that may follow a short company name without making it a different company.
CORPORATE_TAIL = LEGAL_SUFFIXES | frozenset(
    "international global worldwide technologies technology platforms systems enterprises "
    "capital ventures partners industries insurance financial motors motor bancorp".split()
)

PERSON_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady president president-elect
    vice-president senator sen. sen representative rep. rep congressman congresswoman governor
    gov. gov mayor minister premier chancellor secretary judge justice general gen. gen
    colonel col. captain capt. lieutenant lt. sergeant sgt. corporal cpl. maj. adm. admiral cmdr.
    commander pvt. chairman chairwoman chair ceo cfo cto coo founder co-founder
    billionaire comedian actor actress singer rapper model influencer journalist author
    former late king queen prince princess pope saint st. st""".split()
)

# Head nouns of a person's role ("a spokesperson for X", "X's chief executive").
ROLE_NOUNS = frozenset(
    """ceo cfo cto coo cmo cio chief executive officer director president vice-president vp svp
    evp chairman chairwoman chair chairperson spokesperson spokesman spokeswoman representative
    founder co-founder cofounder manager head partner analyst engineer employee staffer
    editor reporter correspondent journalist columnist economist strategist researcher
    scientist lawyer attorney counsel adviser advisor consultant lead leader executive
    secretary treasurer trustee member designer developer producer boss principal
    administrator coordinator officer associate worker intern owner-operator comptroller
    controller commander professor lecturer teacher instructor coach player captain pilot nurse
    doctor physician surgeon accountant auditor banker broker trader agent inspector official
    commissioner ambassador envoy dean provost rector fellow scholar organizer anchor host
    writer critic photographer presenter playwright architect curator superintendent
    supervisor foreman chemist physicist pastor minister aide staffer deputy anchorman
    anchorwoman newsman newswoman cameraman placekicker quarterback goalkeeper shearer jeweler
    jeweller lieutenant lt. sergeant sgt. admiral adm. colonel col. capt. cmdr. judge magistrate
    prosecutor detective sheriff trooper ranger solicitor barrister publisher proprietor
    technician statistician ombudsman treasurer registrar librarian archivist lobbyist clerk
    investigator specialist counselor counsellor programmer recruiter salesman saleswoman chef
    pharmacist therapist paramedic firefighter mechanic cashier bookkeeper actuary underwriter
    diplomat negotiator liaison chancellor marshal""".split()
)
# Creeds and political camps: names NER may call organisations, never anybody's employer.
CREEDS = frozenset(
    """mormon mormons catholic catholics muslim muslims islamic jewish jews christian christians
    protestant protestants buddhist buddhists hindu hindus sikh sikhs evangelical evangelicals
    orthodox anglican methodist baptist lutheran sunni sunnis shiite shiites shia communist
    communists socialist socialists republican republicans democrat democrats conservative
    conservatives liberal liberals labour tory tories""".split()
)
# Peoples, regions' adjectives and movements NER labels NORP besides the demonyms above.
GROUP_WORDS = frozenset(
    """asian african arab arabic hispanic latino latina latinx palestinian kurdish kurd soviet
    western eastern northern southern nordic scandinavian baltic balkan slavic caribbean
    indigenous native aboriginal black white gop maoist marxist leninist nazi fascist
    islamist zionist sunni shia cuban peruvian venezuelan kenyan ethiopian ghanaian
    moroccan algerian tunisian lebanese syrian iraqi afghan bangladeshi sri lankan nepali
    hungarian czech slovak romanian bulgarian serbian croatian estonian latvian lithuanian
    icelandic scottish welsh english new zealander kiwi qatari kuwaiti omani jordanian
    yemeni libyan sudanese ugandan tanzanian zimbabwean congolese senegalese cameroonian""".split()
)
# Endings of profession nouns that need no list ("entomologist", "statistician", "photographer").
ROLE_SUFFIXES = ("ologist", "ician", "ographer", "onomist")

# Head nouns that type the name they describe ("investment firm TCG", "its sister app, CapCut").
TYPE_NOUNS: dict[str, str] = {
    **{w: ORG for w in """company firm corporation conglomerate giant startup start-up agency bank
        retailer maker manufacturer platform network publisher outlet newspaper magazine
        broadcaster organization organisation group business operator provider carrier
        insurer fund lender exchange ministry department committee regulator authority
        university institute association union party club studio label chain marketplace
        website site subsidiary unit division affiliate parent rival competitor competitors
        rivals supplier vendor distributor developer airline automaker carmaker
        chipmaker brand nonprofit non-profit charity foundation lab laboratory consultancy
        store e-tailer telecom newswire daily weekly council court senate house parliament
        government administration drugmaker pharma insurer automaker conglomerate utility
        miner refiner shipper railroad""".split()},
    **{w: PERSON for w in ROLE_NOUNS - {"partner", "developer", "head", "member", "lead"}},
    **{w: PERSON for w in """billionaire comedian actor actress singer rapper influencer
        creator author politician lawmaker senator donor investor entrepreneur businessman
        businesswoman tycoon mogul philanthropist athlete star celebrity woman man""".split()},
    **{w: PRODUCT for w in """app application feature feed product device phone smartphone tool
        assistant software program programme game console chip processor vehicle car drug
        vaccine version browser service tablet laptop headset chatbot gadget wearable
        watch camera""".split()},
    **{w: PLACE for w in "city country state province region town capital nation island".split()},
}
# "the Amazon Live platform": a name modifying these nouns is a product, not a company.
PRODUCT_WHEN_MODIFIER = frozenset("platform service network site marketplace feature app store channel model chatbot device phone".split())

# Generational and other labels NER mistakes for names.
NOT_NAMES = frozenset(
    {"gen z", "gen x", "gen alpha", "gen y", "generation z", "generation x", "generation alpha",
     "millennials", "boomers", "baby boomers", "zoomers", "ai", "ceo", "cfo", "cto", "coo", "ipo",
     "esg", "gdp", "covid", "covid-19", "ar", "vr", "api", "sdk", "usd", "eur", "faq", "tv", "pc",
     "photo illustration", "getty", "internet", "web", "e-commerce", "ecommerce", "suv", "suvs", "ev", "evs",
     "ceo", "nft", "nfts", "llm", "llms", "saas", "b2b", "b2c", "dtc", "ipos", "m&a", "r&d", "q1", "q2", "q3", "q4"}
)

# Capitalised words that make up job titles and committee names, not entity names:
# a "name" made only of these ("Chief Executive Officer", "Vice", "Board") is not one.
GENERIC_CAPS = frozenset(
    """vice senior executive chief general deputy assistant associate acting interim managing
    board directors committee operations management supply chain finance financial
    administrative accounting marketing sales technology technical legal human resources
    company corporation group firm the our its their co-chief global regional national
    international division department unit team office investor relations public affairs
    strategy development research product products business services service operating prime
    principal effective partnership partnerships registrant issuer subsidiaries medical scientific
    commercial digital information people revenue risk investment investments creative content
    customer brand data compliance innovation transformation growth communications medicine
    clinical regulatory engineering design policy""".split()
)

# Lines after which a page is boilerplate, not article.
BOILERPLATE_MARKERS = (
    "you may also like",
    "related articles",
    "related stories",
    "read more",
    "recommended for you",
    "more from",
    "sign up for",
    "subscribe to",
    "most popular",
    "sources:",
)

# --- Modality --------------------------------------------------------------------------------

HEDGE_MODALS = frozenset("could may might would should can ca 'd".split())
HEDGE_VERBS = frozenset(
    """consider plan intend aim hope seek want wish expect mull weigh explore eye rumor rumour
    speculate believe suggest propose try attempt negotiate discuss pursue seek threaten
    predict forecast anticipate contemplate envisage envision offer bid look prepare
    consider""".split()
)
HEDGE_NOUNS = frozenset(
    """motive motivation plan plans possibility potential speculation rumor rumour rumors
    talks bid proposal intention idea hope hopes chance option prospect prospects scenario
    negotiation negotiations offer interest ambition goal report reports claim claims
    allegation allegations suggestion suggestions expectation expectations belief""".split()
)
HEDGE_ADJECTIVES = frozenset(
    """potential possible proposed planned rumored rumoured prospective would-be mooted
    hypothetical likely unlikely alleged reported expected future pending""".split()
)
NEGATING_VERBS = frozenset(
    """abandon deny cancel scrap reject drop halt refuse fail block abort terminate end
    call withdraw shelve kill nix pull suspend boycott stop quit""".split()
)
NEGATING_ADJECTIVES = frozenset("failed abandoned aborted scrapped cancelled canceled collapsed".split())
CONDITION_MARKERS = frozenset("if whether unless".split())

# --- Countries -------------------------------------------------------------------------------

# canonical name -> other names (English plus a few common non-English forms)
COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "Stati Uniti", "Estados Unidos", "Etats-Unis", "États-Unis", "Vereinigte Staaten"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain", "Regno Unito", "Reino Unido", "Royaume-Uni"),
    "China": ("PRC", "People's Republic of China", "Mainland China", "Cina"),
    "European Union": ("EU", "E.U."),
    "United Arab Emirates": ("UAE", "U.A.E."),
    "South Korea": ("Korea", "Republic of Korea"),
    "Russia": ("Russian Federation",),
    "Germany": ("Deutschland", "Germania"),
    "France": ("Francia",),
    "Italy": ("Italia",),
    "Spain": ("España", "Spagna"),
    "Japan": ("Giappone",),
    "India": (),
    "Canada": (),
    "Mexico": (),
    "Brazil": ("Brasil",),
    "Australia": (),
    "Vietnam": ("Viet Nam",),
    "Indonesia": (),
    "Singapore": (),
    "Taiwan": (),
    "Hong Kong": (),
    "Netherlands": ("The Netherlands", "Holland"),
    "Switzerland": (),
    "Sweden": (),
    "Norway": (),
    "Denmark": (),
    "Finland": (),
    "Ireland": (),
    "Israel": (),
    "Saudi Arabia": (),
    "Turkey": ("Türkiye",),
    "Iran": (),
    "Ukraine": (),
    "Poland": (),
    "South Africa": (),
    "Nigeria": (),
    "Egypt": (),
    "Argentina": (),
    "Chile": (),
    "Colombia": (),
    "Thailand": (),
    "Malaysia": (),
    "Philippines": (),
    "Pakistan": (),
    "Bangladesh": (),
    "New Zealand": (),
    "Belgium": (),
    "Austria": (),
    "Portugal": (),
    "Greece": (),
    "Europe": (),
    "Asia": (),
    "Africa": (),
    "Latin America": (),
    "North America": (),
    "Middle East": (),
}
PLACE_ALIASES: dict[str, str] = {
    alias.casefold(): canonical for canonical, aliases in COUNTRIES.items() for alias in (canonical, *aliases)
}

# Adjective -> country, for "German carmaker BMW" (basedIn) and for typing.
DEMONYMS: dict[str, str] = {
    "american": "United States", "british": "United Kingdom", "chinese": "China", "japanese": "Japan",
    "german": "Germany", "french": "France", "italian": "Italy", "spanish": "Spain",
    "korean": "South Korea", "south korean": "South Korea", "indian": "India", "canadian": "Canada",
    "mexican": "Mexico", "brazilian": "Brazil", "australian": "Australia", "russian": "Russia",
    "dutch": "Netherlands", "swiss": "Switzerland", "swedish": "Sweden", "norwegian": "Norway",
    "danish": "Denmark", "finnish": "Finland", "irish": "Ireland", "israeli": "Israel",
    "saudi": "Saudi Arabia", "turkish": "Turkey", "iranian": "Iran", "ukrainian": "Ukraine",
    "polish": "Poland", "south african": "South Africa", "nigerian": "Nigeria", "egyptian": "Egypt",
    "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile", "colombian": "Colombia",
    "thai": "Thailand", "malaysian": "Malaysia", "vietnamese": "Vietnam", "indonesian": "Indonesia",
    "singaporean": "Singapore", "taiwanese": "Taiwan", "belgian": "Belgium", "austrian": "Austria",
    "portuguese": "Portugal", "greek": "Greece", "european": "Europe", "filipino": "Philippines",
    "pakistani": "Pakistan", "emirati": "United Arab Emirates",
}

_DOTLESS = {alias.replace(".", ""): canonical for alias, canonical in PLACE_ALIASES.items()}


def place_name(text: str) -> str | None:
    """Canonical country/region name for a known place spelling ("U.S" -> "United States")."""
    folded = " ".join(text.casefold().split())
    return PLACE_ALIASES.get(folded) or _DOTLESS.get(folded.replace(".", ""))


# Relation trigger lexicons live next to their rules in kg/extract.py.
__all__ = [
    "BOILERPLATE_MARKERS",
    "CONDITION_MARKERS",
    "CREEDS",
    "CORPORATE_TAIL",
    "COUNTRIES",
    "HEDGE_ADJECTIVES",
    "HEDGE_MODALS",
    "HEDGE_NOUNS",
    "HEDGE_VERBS",
    "LEGAL_SUFFIXES",
    "NEGATING_ADJECTIVES",
    "NEGATING_VERBS",
    "DEMONYMS",
    "GENERIC_CAPS",
    "GROUP_WORDS",
    "NOT_NAMES",
    "PERSON_TITLES",
    "PLACE",
    "PLACE_ALIASES",
    "ROLE_NOUNS",
    "ROLE_SUFFIXES",
    "TYPE_NOUNS",
    "place_name",
]
