"""Words of organisations: legal forms, company name endings, government bodies, institutions.

Nothing here names an organisation: only the words their names are made of.
"""

from __future__ import annotations

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


# Legal forms that only a company carries ("Haworth, Inc.", "Green River Collieries, LLC").
COMPANY_FORMS = frozenset(
    """inc inc. incorporated corp corp. corporation co co. ltd ltd. limited llc l.l.c. plc
    p.l.c. lp l.p. llp l.l.p. s.a. n.v. nv ag gmbh s.p.a. spa pte pty bhd s.r.l. srl a/s
    sarl kgaa oyj""".split()
)

# Last words that make a multi-word name a company's ("Reliance Industries", "Gimlet Media",
# "Tencent Music", "Sequoia Capital"), whatever NER says.
ORG_HEADS = frozenset(
    """industries group holdings technologies technology systems media entertainment motors
    airlines airways bank bancorp capital partners ventures pharmaceuticals pharma therapeutics
    biosciences biotech labs laboratories networks communications telecom telecommunications
    energy financial insurance foods brands studios platforms solutions software electronics
    semiconductor semiconductors securities investments associates enterprises logistics
    robotics dynamics automotive petroleum chemicals aerospace games music records pictures
    publishing broadcasting airline motor mobility payments fintech analytics air""".split()
)

# Words that end a company's name and no person's: legal forms, corporate tails, industry heads.
COMPANY_WORDS = frozenset(
    {w.strip(".") for w in CORPORATE_TAIL | COMPANY_FORMS | ORG_HEADS}
    | CORPORATE_TAIL
    | COMPANY_FORMS
    | ORG_HEADS
)


# "shares of X", "X's stake", "a subsidiary of X": nouns whose owner is a company.
COMPANY_POSSESSIONS = frozenset(
    """share stock stake shareholder stockholder subsidiary subsidiaries unit division merger
    takeover buyout ipo earnings revenue revenues""".split()
)


# Government portfolios: "State Department", "Justice Department", "Health and Human Services"
# are institutions although every word of them is generic.
GOVERNMENT_PORTFOLIOS = frozenset(
    """state justice defense defence treasury commerce labor labour energy health education interior
    agriculture transportation transport veterans housing homeland foreign environment""".split()
)
GOVERNMENT_HEADS = frozenset(
    "department ministry office agency service services administration".split()
)
# Head nouns that end an institution's name: "National Aeronautics and Space Administration",
# "Immigration and Naturalization Service" are one name, not two joined by "and".
INSTITUTION_HEADS = GOVERNMENT_HEADS | frozenset(
    """commission committee council institute institution association society foundation union
    authority board bureau corporation organization organisation federation league fund
    university college school center centre party""".split()
)
