"""Generic name lexicons for typing mentions: regions, honorifics, words around people and places.

Nothing here names an organisation, person or product of any text: only place names anyone
would list (countries, US states, capitals and large cities) and the ordinary words news
uses next to a person's or a place's name.
"""
from __future__ import annotations

import re

from .lexicon import CORPORATE_TAIL

# US states with their AP-style abbreviations ("Lubbock, Texas", "Bethany, Conn.").
US_STATES: dict[str, tuple[str, ...]] = {
    "Alabama": ("Ala.",), "Alaska": (), "Arizona": ("Ariz.",), "Arkansas": ("Ark.",),
    "California": ("Calif.", "Cal."), "Colorado": ("Colo.",), "Connecticut": ("Conn.",),
    "Delaware": ("Del.",), "Florida": ("Fla.",), "Georgia": ("Ga.",), "Hawaii": (),
    "Idaho": (), "Illinois": ("Ill.",), "Indiana": ("Ind.",), "Iowa": (), "Kansas": ("Kan.", "Kans."),
    "Kentucky": ("Ky.",), "Louisiana": ("La.",), "Maine": (), "Maryland": ("Md.",),
    "Massachusetts": ("Mass.",), "Michigan": ("Mich.",), "Minnesota": ("Minn.",),
    "Mississippi": ("Miss.",), "Missouri": ("Mo.",), "Montana": ("Mont.",), "Nebraska": ("Neb.", "Nebr."),
    "Nevada": ("Nev.",), "New Hampshire": ("N.H.",), "New Jersey": ("N.J.",), "New Mexico": ("N.M.",),
    "New York": ("N.Y.",), "North Carolina": ("N.C.",), "North Dakota": ("N.D.",), "Ohio": (),
    "Oklahoma": ("Okla.",), "Oregon": ("Ore.", "Oreg."), "Pennsylvania": ("Pa.", "Penn."),
    "Rhode Island": ("R.I.",), "South Carolina": ("S.C.",), "South Dakota": ("S.D.",),
    "Tennessee": ("Tenn.",), "Texas": ("Tex.",), "Utah": (), "Vermont": ("Vt.",), "Virginia": ("Va.",),
    "Washington": ("Wash.",), "West Virginia": ("W.Va.", "W. Va."), "Wisconsin": ("Wis.", "Wisc."),
    "Wyoming": ("Wyo.",), "District of Columbia": ("D.C.",),
}
CANADIAN_PROVINCES: dict[str, tuple[str, ...]] = {
    "Alberta": ("Alta.",), "British Columbia": ("B.C.",), "Manitoba": (), "New Brunswick": ("N.B.",),
    "Newfoundland": ("Nfld.",), "Nova Scotia": ("N.S.",), "Ontario": ("Ont.",), "Quebec": ("Que.",),
    "Saskatchewan": ("Sask.",),
}

# Sovereign states (and a few former ones newswire still names).
WORLD_COUNTRIES = frozenset(
    """Afghanistan Albania Algeria Andorra Angola Antigua Argentina Armenia Australia Austria
    Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia
    Bosnia Botswana Brazil Brunei Bulgaria Burkina Burundi Cambodia Cameroon Canada Chad Chile
    China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Czechoslovakia Denmark Djibouti
    Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia
    Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland
    India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati
    Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania
    Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico
    Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Burma Namibia Nauru
    Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama
    Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia
    Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria
    Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda
    Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Yugoslavia Zambia Zimbabwe""".split()
) | frozenset(
    """Cape Verde|Central African Republic|Costa Rica|Dominican Republic|East Timor|El Salvador|
    Equatorial Guinea|Ivory Coast|North Korea|South Korea|New Zealand|Papua New Guinea|
    Saudi Arabia|Sierra Leone|South Africa|South Sudan|Sri Lanka|Trinidad and Tobago|
    United Arab Emirates|United Kingdom|United States|Soviet Union|East Germany|West Germany|
    North Macedonia|Macedonia|Puerto Rico|Hong Kong|Vatican City|Bosnia and Herzegovina""".replace("\n", "").split("|")
)

# Capitals and large cities of the world (a dictionary list, not drawn from any text).
MAJOR_CITIES = frozenset(
    """Abidjan|Abu Dhabi|Abuja|Accra|Addis Ababa|Algiers|Amman|Amsterdam|Ankara|Antananarivo|
    Athens|Atlanta|Auckland|Austin|Baghdad|Baku|Baltimore|Bamako|Bangkok|Barcelona|Beijing|
    Beirut|Belfast|Belgrade|Berlin|Bern|Bogota|Bombay|Bonn|Boston|Brasilia|Bratislava|
    Brisbane|Brussels|Bucharest|Budapest|Buenos Aires|Cairo|Calcutta|Canberra|Cape Town|
    Caracas|Casablanca|Chennai|Chicago|Cleveland|Copenhagen|Dakar|Dallas|Damascus|Dar es Salaam|
    Delhi|Denver|Detroit|Dhaka|Doha|Dubai|Dublin|Edinburgh|Frankfurt|Geneva|Glasgow|
    Guadalajara|Guangzhou|Hamburg|Hanoi|Harare|Havana|Helsinki|Ho Chi Minh City|Honolulu|
    Houston|Islamabad|Istanbul|Jakarta|Jeddah|Jerusalem|Johannesburg|Kabul|Kampala|Karachi|
    Kathmandu|Khartoum|Kiev|Kyiv|Kinshasa|Kuala Lumpur|Kuwait City|Lagos|Lahore|La Paz|Las Vegas|
    Leningrad|Lima|Lisbon|Ljubljana|London|Los Angeles|Luanda|Lusaka|Luxembourg City|Lyon|
    Madrid|Managua|Manama|Manila|Maputo|Marseille|Melbourne|Mexico City|Miami|Milan|Minneapolis|
    Minsk|Mogadishu|Monrovia|Montevideo|Montreal|Moscow|Mumbai|Munich|Muscat|Nairobi|Naples|
    Nassau|New Delhi|New Orleans|New York City|Nicosia|Osaka|Oslo|Ottawa|Panama City|Paris|
    Philadelphia|Phnom Penh|Phoenix|Pittsburgh|Port-au-Prince|Prague|Pretoria|Pyongyang|Quito|
    Rabat|Reykjavik|Riga|Rio de Janeiro|Riyadh|Rome|Rotterdam|St. Louis|St. Petersburg|
    Saint Petersburg|San Diego|San Francisco|San Jose|San Juan|San Salvador|Santiago|
    Santo Domingo|Sao Paulo|Sarajevo|Seattle|Seoul|Shanghai|Shenzhen|Singapore|Skopje|Sofia|
    Stockholm|Sydney|Taipei|Tallinn|Tashkent|Tbilisi|Tegucigalpa|Tehran|Tel Aviv|Tirana|Tokyo|
    Toronto|Tripoli|Tunis|Ulan Bator|Guatemala City|Belize City|Quezon City|Vancouver|Vienna|Vientiane|Vilnius|Warsaw|
    Washington D.C.|Wellington|Windhoek|Yangon|Rangoon|Yerevan|Zagreb|Zurich""".replace("\n", "").split("|")
)

# States, provinces and nations of other countries that business news names as a company's
# seat ("headquartered in Mumbai, Maharashtra"). Names that are also common given names
# ("Victoria") or products ("Java") are left out.
WORLD_REGIONS = frozenset(
    " ".join(r.split())
    for r in """England|Scotland|Wales|Northern Ireland|Maharashtra|Karnataka|Tamil Nadu|Kerala|Gujarat|
    Rajasthan|Punjab|Haryana|Uttar Pradesh|West Bengal|Bihar|Odisha|Telangana|Andhra Pradesh|
    Madhya Pradesh|Assam|Jharkhand|Chhattisgarh|Uttarakhand|Himachal Pradesh|Goa|Kashmir|
    Guangdong|Zhejiang|Jiangsu|Sichuan|Hubei|Hunan|Henan|Hebei|Shandong|Fujian|Yunnan|Anhui|
    Shaanxi|Shanxi|Liaoning|Jilin|Heilongjiang|Guangxi|Guizhou|Hainan|Xinjiang|Tibet|
    Inner Mongolia|Gansu|Qinghai|Ningxia|Jiangxi|Bavaria|Baden-Wuerttemberg|Baden-Wurttemberg|
    Hesse|Saxony|Lower Saxony|North Rhine-Westphalia|Brandenburg|Thuringia|Schleswig-Holstein|
    Catalonia|Andalusia|Basque Country|Lombardy|Tuscany|Sicily|Sardinia|Piedmont|Flanders|
    Wallonia|Queensland|New South Wales|Western Australia|South Australia|Tasmania|Jalisco|
    Nuevo Leon|Chiapas|Oaxaca|Minas Gerais|Rio Grande do Sul|Bahia|Hokkaido|Okinawa|Gyeonggi|
    Siberia|Chechnya|Tatarstan|Crimea|Donbas|Kurdistan|Mindanao|Sumatra|Bali|Borneo""".split("|")
)

_REGION_FORMS: dict[str, str] = {}
for _name, _abbrevs in (*US_STATES.items(), *CANADIAN_PROVINCES.items()):
    for _form in (_name, *_abbrevs):
        _REGION_FORMS[_form.casefold()] = _name
        _REGION_FORMS[_form.casefold().replace(".", "").replace(" ", "")] = _name
for _name in (*WORLD_COUNTRIES, *WORLD_REGIONS):
    _REGION_FORMS[" ".join(_name.split()).casefold()] = _name
_CITIES = frozenset(" ".join(c.split()).casefold() for c in MAJOR_CITIES)


def region_name(text: str) -> str | None:
    """The state, province or country a spelling names ("Conn." -> "Connecticut"), else None."""
    folded = " ".join(text.casefold().split())
    return _REGION_FORMS.get(folded) or _REGION_FORMS.get(folded.replace(".", "").replace(" ", ""))


def known_place(text: str) -> bool:
    """A country, state, province, capital or large city."""
    folded = " ".join(text.casefold().split())
    return region_name(text) is not None or folded in _CITIES


# Legal forms that only a company carries ("Haworth, Inc.", "Green River Collieries, LLC").
COMPANY_FORMS = frozenset(
    """inc inc. incorporated corp corp. corporation co co. ltd ltd. limited llc l.l.c. plc p.l.c. lp
    l.p. llp l.l.p. s.a. n.v. nv ag gmbh s.p.a. spa pte pty bhd s.r.l. srl a/s sarl kgaa oyj""".split()
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
    {w.strip(".") for w in CORPORATE_TAIL | COMPANY_FORMS | ORG_HEADS} | CORPORATE_TAIL | COMPANY_FORMS | ORG_HEADS
)

# Words of filings and contracts: a "name" ending in one names a document, not an entity
# ("Asset Purchase Agreement", "Series A Preferred Stock", "Bank Holding Company Act").
DOCUMENT_HEADS = frozenset(
    """agreement agreements amendment amendments plan act statement statements regulation
    regulations exhibit exhibits schedule schedules confirmation certificate complaint""".split()
)
# Further words that, alone or together, make no name ("Second Amended", "Effective October30").
FILING_WORDS = DOCUMENT_HEADS | frozenset(
    """stock notes report reports contents application amended restated first second third fourth fifth item items section sections article
    articles table code form forms data selected summary overview note option options warrant
    warrants facility policy policies compliance ownership beneficial certain
    preferred common series consolidated current annual quarterly period fiscal year""".split()
)
# Government portfolios: "State Department", "Justice Department", "Health and Human Services"
# are institutions although every word of them is generic.
GOVERNMENT_PORTFOLIOS = frozenset(
    """state justice defense defence treasury commerce labor labour energy health education interior
    agriculture transportation transport veterans housing homeland foreign environment""".split()
)
GOVERNMENT_HEADS = frozenset("department ministry office agency service services administration".split())
# Head nouns that end an institution's name: "National Aeronautics and Space Administration",
# "Immigration and Naturalization Service" are one name, not two joined by "and".
INSTITUTION_HEADS = GOVERNMENT_HEADS | frozenset(
    """commission committee council institute institution association society foundation union
    authority board bureau corporation organization organisation federation league fund
    university college school center centre party""".split()
)
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct.
    nov nov. dec dec.""".split()
)
_MONTH_DAY = re.compile(r"^(?:" + "|".join(m for m in MONTHS if not m.endswith(".")) + r")\d{1,2}$")


def is_month_word(word: str) -> bool:
    """ "October", "Oct.", "October30" (a date glued together in filings)."""
    w = word.casefold()
    return w in MONTHS or bool(_MONTH_DAY.match(w))


# "shares of X", "X's stake", "a subsidiary of X": nouns whose owner is a company.
COMPANY_POSSESSIONS = frozenset(
    """share stock stake shareholder stockholder subsidiary subsidiaries unit division merger
    takeover buyout ipo earnings revenue revenues""".split()
)

# Honorifics and titles written right before a person's name ("Ms. Carpenter", "Sen. Dole").
HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame rev rev. reverend msgr msgr. sen sen.
    senator rep rep. congressman congresswoman gov gov. governor president president-elect mayor
    judge justice gen. col. lt. capt. sgt. maj. adm. cmdr. cpl. pvt. prince princess king queen
    pope archbishop bishop cardinal rabbi sheikh imam lord lady premier chancellor""".split()
)

# Honorifics a name's key drops ("President Kennedy" and "Kennedy" are one person): only those
# that never begin a company's or a place's name.
KEY_HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr. prof prof. sir rev rev. reverend msgr msgr. sen sen. senator
    rep. congressman congresswoman gov gov. governor president president-elect mayor judge gen. col.
    lt. capt. sgt. maj. adm. cmdr.""".split()
)

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
    composer pianist painter artist musician guitarist drummer novelist priest monk nun
    serb croat bosnian briton scot swede dane finn pole turk kurd arab jew palestinian israeli
    american russian german frenchman frenchwoman englishman englishwoman""".split()
)

# Verbs whose subject is a person: active ("X died") and passive ("X was born / shot").
PERSON_SUBJECT_VERBS = frozenset("die marry testify weep graduate smile laugh".split())
PERSON_PASSIVE_VERBS = frozenset(
    """bear assassinate murder shoot wound stab arrest kidnap abduct imprison jail execute
    elect hospitalize bury widow""".split()
)  # not "appoint" or "convict": firms are appointed auditors and convicted of fraud

# Last words of a place name ("Ocala National Forest", "Nelson Street", "Fort Bend County").
PLACE_LAST_WORDS = frozenset(
    """street avenue road boulevard lane highway river lake lakes mountain mountains forest
    valley canyon desert island islands bay gulf sea ocean peninsula plateau county counties
    parish province square beach coast strait falls hills heights range""".split()
)
# First words of a place name ("Fort Scott", "Mount Vernon", "Lake Tahoe").
PLACE_FIRST_WORDS = frozenset("fort mount mt. lake".split())

# A news-agency dateline opening a line: "WASHINGTON (AP) _", "BELGRADE, Yugoslavia (AP)",
# "LONDON, March 3 (Reuters) -", "(Text) Saint-Gall, Switzerland, Feb 2 (AFP) --".
DATELINE = re.compile(
    r"^[ \t]*(?:\([A-Za-z ]{1,20}\)\s+)?(?P<city>[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3})"
    r"(?:,\s+(?P<region>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}))?"
    r"(?P<date>,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+\((?P<agency>[A-Za-z][A-Za-z&\-]{1,15})\)\s*(?:[-_\u2013\u2014]|$)",
    re.MULTILINE,
)
# A monitoring-service source line: "OW1102132994 Beijing XINHUA in English 1313 GMT 11 Feb 94",
# "PM2303111794 Moscow IZVESTIYA in Russian 23 Mar 94 p 3" (document number, city, broadcaster or
# paper, language, time or date), or its short form alone on a line: "Moscow IZVESTIYA".
_DOC_NUMBER = r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{9,13}"
SOURCE_LINE = re.compile(
    r"(?:" + _DOC_NUMBER + r"\s+|^(?:\([A-Za-z ]{1,20}\)\s+)?(?![^\n]*" + _DOC_NUMBER + r"\s))"
    r"(?P<rest>[A-Z][^\n]{0,80}?)\s+in\s+[A-Z][A-Za-z\-]+(?:\s+at)?\s+(?:\d{4}\s+GMT\b|\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2}\b)",
    re.MULTILINE,
)
# With a document number the language may be missing: "PM3001110194 London THE SUNDAY TIMES 30 Jan 94".
SOURCE_NUMBERED = re.compile(_DOC_NUMBER + r"\s+(?P<rest>[A-Z][^\n]{0,80}?)\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2}\b", re.MULTILINE)
# Words that mark a broadcaster or news service in a short source line ("Havana Radio Reloj Network").
BROADCASTER_WORDS = frozenset("radio television tv network service international news agency".split())
SOURCE_ALONE = re.compile(r"^[ \t]*(?P<rest>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?: [A-Z][A-Za-z\-']*)+)[ \t]*$", re.MULTILINE)
