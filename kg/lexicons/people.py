"""Words around people: titles, honorifics, roles, kin, what only people do or have."""

from __future__ import annotations

from functools import lru_cache

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
    """ceo cfo cto coo cmo cio chief executive officer director president vice-president vp svp evp
    chairman chairwoman chair chairperson spokesperson spokesman spokeswoman representative
    founder co-founder cofounder manager head partner analyst engineer employee staffer editor
    reporter correspondent journalist columnist economist strategist researcher scientist lawyer
    attorney counsel adviser advisor consultant lead leader secretary treasurer trustee member
    designer developer producer boss principal administrator coordinator associate worker intern
    owner-operator comptroller controller commander professor lecturer teacher instructor coach
    player captain pilot nurse doctor physician surgeon accountant auditor banker broker trader
    agent inspector official commissioner ambassador envoy dean provost rector fellow scholar
    organizer anchor host writer critic photographer presenter playwright architect curator
    superintendent supervisor foreman chemist physicist pastor minister aide deputy anchorman
    anchorwoman newsman newswoman cameraman placekicker quarterback goalkeeper shearer jeweler
    jeweller lieutenant lt. sergeant sgt. admiral adm. colonel col. capt. cmdr. judge magistrate
    prosecutor detective sheriff trooper ranger solicitor barrister publisher proprietor
    technician statistician ombudsman registrar librarian archivist lobbyist clerk investigator
    specialist counselor counsellor programmer recruiter salesman saleswoman chef pharmacist
    therapist paramedic firefighter mechanic cashier bookkeeper actuary underwriter diplomat
    negotiator liaison chancellor marshal""".split()
)
# Endings of profession nouns that need no list ("entomologist", "statistician", "photographer").
ROLE_SUFFIXES = ("ologist", "ician", "ographer", "onomist")

# Honorifics and titles written right before a person's name ("Ms. Carpenter", "Sen. Dole").
HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame rev rev. reverend msgr msgr. sen sen.
    senator rep rep. congressman congresswoman gov gov. governor president president-elect mayor
    judge justice gen. col. lt. capt. sgt. maj. adm. cmdr. cpl. pvt. prince princess king queen
    pope archbishop bishop cardinal rabbi sheikh imam lord lady premier chancellor""".split()
)

# Honorifics a name's key drops ("President Kennedy" and "Kennedy" are one person): only those
# that never begin a company's or a place's name.
KEY_HONORIFICS = HONORIFICS - frozenset(
    """dr dame justice cpl. pvt. rep prince princess king queen pope archbishop bishop cardinal
    rabbi sheikh imam lord lady premier chancellor""".split()
)  # (these begin names of companies and places too: "Dr Pepper", "King Soopers", "Prince George")

# Words that open a person's NER span without being part of the name ("Composer Thomas",
# "Deputy Yevhen Saburov"); nobility ("Archduke") and given names ("Dean") stay.
PERSON_SPAN_OPENERS = frozenset(
    """composer police officer detective sergeant corporal lieutenant commander admiral colonel
    captain actress actor author writer singer poet painter novelist playwright director
    deputy""".split()
)

# "Carpenter's brother", "Richardson's hometown": only people have these.
PERSON_POSSESSIONS = frozenset(
    """wife husband brother sister son daughter father mother widow widower parents children
    family fiancee fiance girlfriend boyfriend grandson granddaughter grandfather grandmother
    uncle aunt nephew niece cousin hometown birthplace birthday funeral grave memoirs memoir
    biography autobiography assassin assassination killer murderer bodyguard lawyer attorney
    mistress spouse death""".split()
)

# "X, a Serb", "X, a fellow appointee": appositive nouns that describe a person.
PERSON_APPOSITIVES = frozenset(
    """appointee nominee candidate resident native citizen veteran widow widower survivor victim
    suspect defendant prisoner hostage patient student graduate colleague friend mother father
    son daughter brother sister husband wife immigrant refugee dissident activist poet novelist
    composer pianist painter artist musician guitarist drummer priest monk nun serb croat
    bosnian briton scot swede dane finn pole turk kurd arab jew palestinian israeli american
    russian german frenchman frenchwoman englishman englishwoman""".split()
)

# Verbs whose subject is a person: active ("X died") and passive ("X was born / shot").
PERSON_SUBJECT_VERBS = frozenset("die marry testify weep graduate smile laugh".split())
PERSON_PASSIVE_VERBS = frozenset(
    """bear assassinate murder shoot wound stab arrest kidnap abduct imprison jail execute
    elect hospitalize bury widow""".split()
)  # not "appoint" or "convict": firms are appointed auditors and convicted of fraud

# Words in a name that make it a place or body's, not a person's, even after a given name
# ("Santa Cecilia Conservatory", "Johns Hopkins Hospital"): for the given-name typing cue.
NOT_PERSON_WORDS = frozenset(
    """conservatory conservatoire hospital academy museum church cathedral chapel club
    orchestra band choir theatre theater gallery library seminary observatory clinic stadium
    arena hotel restaurant studio studios""".split()
)


@lru_cache(maxsize=1)
def _given_names():
    """gender-guesser's list of given names (loaded once, on first use: about 0.3 s)."""
    try:
        import gender_guesser.detector as detector
    except ImportError:
        return None
    return detector.Detector(case_sensitive=False)


def is_given_name(word: str) -> bool:
    """A given name that is not also a title or role ("General Counsel" is no person)."""
    if word.casefold() in PERSON_TITLES or word.casefold() in ROLE_NOUNS or word.isupper():
        return False
    names = _given_names()
    return names is not None and names.get_gender(word) not in ("unknown", "andy")
