"""Words of organisations: legal forms, company name endings, government bodies, institutions.

Nothing here names an organisation: only the words their names are made of.
"""

from __future__ import annotations

# Legal forms that only a company carries ("Haworth, Inc.", "Green River Collieries, LLC",
# "Volvo AB", "Siemens SE").
LEGAL_FORMS = frozenset(
    """inc inc. incorporated corp corp. corporation co co. ltd ltd. limited llc l.l.c. plc
    p.l.c. lp l.p. llp l.l.p. s.a. sa n.v. nv b.v. bv ag se gmbh kgaa s.p.a. spa s.r.l. s.r.l
    srl s.a.r.l. sarl s.a.s. sas a/s ab asa oy oyj kk k.k. pte pty bhd sdn""".split()
)
COMPANY_FORMS = LEGAL_FORMS
# Words that may end a company's name without being what it is called: its legal form, and
# "Company", "Group", "Holding(s)" ("Acme Holdings" is Acme).
LEGAL_SUFFIXES = LEGAL_FORMS | frozenset("company group holding holdings".split())
# Words that may follow a short company name without making it a different company.
CORPORATE_TAIL = LEGAL_SUFFIXES | frozenset(
    "international global worldwide technologies technology platforms systems enterprises "
    "capital ventures partners industries insurance financial motors motor bancorp".split()
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
