"""Places: countries (with aliases and demonyms), US states, provinces, regions, large cities,
and the words place names are built from.

Only place names anyone would list, not drawn from any text.
"""

from __future__ import annotations

from .. import gazetteer
from ..gazetteer import Place

# Areas above countries that news names like one ("EU regulators", "in Asia").
AREAS = frozenset(
    "European Union|Europe|Asia|Africa|Latin America|North America|Middle East".split("|")
)
# Every sovereign state (and a few former ones newswire still names) and the areas above, each
# once: canonical name -> other names (English plus a few common non-English forms).
COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": (
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "America",
        "United States of America",
        "Stati Uniti",
        "Estados Unidos",
        "Etats-Unis",
        "États-Unis",
        "Vereinigte Staaten",
    ),
    "United Kingdom": (
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "Regno Unito",
        "Reino Unido",
        "Royaume-Uni",
    ),
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
    "Bosnia and Herzegovina": ("Bosnia-Herzegovina",),
}
_MORE_COUNTRIES = (
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
    + [
        " ".join(c.split())
        for c in """Cape Verde|Central African Republic|Costa Rica|Dominican Republic|East Timor|
        El Salvador|Equatorial Guinea|Ivory Coast|North Korea|South Korea|New Zealand|
        Papua New Guinea|
    Saudi Arabia|Sierra Leone|South Africa|South Sudan|Sri Lanka|Trinidad and Tobago|
    United Arab Emirates|United Kingdom|United States|Soviet Union|East Germany|West Germany|
    North Macedonia|Macedonia|Puerto Rico|Hong Kong|Vatican City|Bosnia and Herzegovina""".split(
            "|"
        )
    ]
)
for _country in _MORE_COUNTRIES:
    COUNTRIES.setdefault(_country, ())
PLACE_ALIASES: dict[str, str] = {
    alias.casefold(): canonical
    for canonical, aliases in COUNTRIES.items()
    for alias in (canonical, *aliases)
}

# Adjective -> country, for "German carmaker BMW" (basedIn) and for typing.
DEMONYMS: dict[str, str] = {
    "american": "United States",
    "british": "United Kingdom",
    "chinese": "China",
    "japanese": "Japan",
    "german": "Germany",
    "french": "France",
    "italian": "Italy",
    "spanish": "Spain",
    "korean": "South Korea",
    "south korean": "South Korea",
    "indian": "India",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "australian": "Australia",
    "russian": "Russia",
    "dutch": "Netherlands",
    "swiss": "Switzerland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "finnish": "Finland",
    "irish": "Ireland",
    "israeli": "Israel",
    "saudi": "Saudi Arabia",
    "turkish": "Turkey",
    "iranian": "Iran",
    "ukrainian": "Ukraine",
    "polish": "Poland",
    "south african": "South Africa",
    "nigerian": "Nigeria",
    "egyptian": "Egypt",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "chilean": "Chile",
    "colombian": "Colombia",
    "thai": "Thailand",
    "malaysian": "Malaysia",
    "vietnamese": "Vietnam",
    "indonesian": "Indonesia",
    "singaporean": "Singapore",
    "taiwanese": "Taiwan",
    "belgian": "Belgium",
    "austrian": "Austria",
    "portuguese": "Portugal",
    "greek": "Greece",
    "european": "Europe",
    "filipino": "Philippines",
    "pakistani": "Pakistan",
    "emirati": "United Arab Emirates",
    "cuban": "Cuba",
    "peruvian": "Peru",
    "venezuelan": "Venezuela",
    "kenyan": "Kenya",
    "ethiopian": "Ethiopia",
    "ghanaian": "Ghana",
    "moroccan": "Morocco",
    "algerian": "Algeria",
    "tunisian": "Tunisia",
    "lebanese": "Lebanon",
    "syrian": "Syria",
    "iraqi": "Iraq",
    "afghan": "Afghanistan",
    "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka",
    "nepali": "Nepal",
    "hungarian": "Hungary",
    "czech": "Czechia",
    "slovak": "Slovakia",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "serbian": "Serbia",
    "croatian": "Croatia",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "icelandic": "Iceland",
    "qatari": "Qatar",
    "kuwaiti": "Kuwait",
    "omani": "Oman",
    "jordanian": "Jordan",
    "yemeni": "Yemen",
    "libyan": "Libya",
    "sudanese": "Sudan",
    "ugandan": "Uganda",
    "tanzanian": "Tanzania",
    "zimbabwean": "Zimbabwe",
    "congolese": "Congo",
    "senegalese": "Senegal",
    "cameroonian": "Cameroon",
    "palestinian": "Palestine",
}

_DOTLESS = {alias.replace(".", ""): canonical for alias, canonical in PLACE_ALIASES.items()}


def place_name(text: str) -> str | None:
    """Canonical country/region name for a known place spelling ("U.S" -> "United States")."""
    folded = " ".join(text.casefold().split())
    return PLACE_ALIASES.get(folded) or _DOTLESS.get(folded.replace(".", ""))


# US states with their AP-style abbreviations ("Lubbock, Texas", "Bethany, Conn.").
US_STATES: dict[str, tuple[str, ...]] = {
    "Alabama": ("Ala.",),
    "Alaska": (),
    "Arizona": ("Ariz.",),
    "Arkansas": ("Ark.",),
    "California": ("Calif.", "Cal."),
    "Colorado": ("Colo.",),
    "Connecticut": ("Conn.",),
    "Delaware": ("Del.",),
    "Florida": ("Fla.",),
    "Georgia": ("Ga.",),
    "Hawaii": (),
    "Idaho": (),
    "Illinois": ("Ill.",),
    "Indiana": ("Ind.",),
    "Iowa": (),
    "Kansas": ("Kan.", "Kans."),
    "Kentucky": ("Ky.",),
    "Louisiana": ("La.",),
    "Maine": (),
    "Maryland": ("Md.",),
    "Massachusetts": ("Mass.",),
    "Michigan": ("Mich.",),
    "Minnesota": ("Minn.",),
    "Mississippi": ("Miss.",),
    "Missouri": ("Mo.",),
    "Montana": ("Mont.",),
    "Nebraska": ("Neb.", "Nebr."),
    "Nevada": ("Nev.",),
    "New Hampshire": ("N.H.",),
    "New Jersey": ("N.J.",),
    "New Mexico": ("N.M.",),
    "New York": ("N.Y.",),
    "North Carolina": ("N.C.",),
    "North Dakota": ("N.D.",),
    "Ohio": (),
    "Oklahoma": ("Okla.",),
    "Oregon": ("Ore.", "Oreg."),
    "Pennsylvania": ("Pa.", "Penn."),
    "Rhode Island": ("R.I.",),
    "South Carolina": ("S.C.",),
    "South Dakota": ("S.D.",),
    "Tennessee": ("Tenn.",),
    "Texas": ("Tex.",),
    "Utah": (),
    "Vermont": ("Vt.",),
    "Virginia": ("Va.",),
    "Washington": ("Wash.",),
    "West Virginia": ("W.Va.", "W. Va."),
    "Wisconsin": ("Wis.", "Wisc."),
    "Wyoming": ("Wyo.",),
    "District of Columbia": ("D.C.",),
}
CANADIAN_PROVINCES: dict[str, tuple[str, ...]] = {
    "Alberta": ("Alta.",),
    "British Columbia": ("B.C.",),
    "Manitoba": (),
    "New Brunswick": ("N.B.",),
    "Newfoundland": ("Nfld.",),
    "Nova Scotia": ("N.S.",),
    "Ontario": ("Ont.",),
    "Quebec": ("Que.",),
    "Saskatchewan": ("Sask.",),
}

# Sovereign states only (not the areas above them).
WORLD_COUNTRIES = frozenset(COUNTRIES) - AREAS

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
    Toronto|Tripoli|Tunis|Ulan Bator|Guatemala City|Belize City|Quezon City|Vancouver|Vienna|
    Vientiane|Vilnius|Warsaw|
    Washington D.C.|Wellington|Windhoek|Yangon|Rangoon|Yerevan|Zagreb|Zurich""".replace(
        "\n", ""
    ).split("|")
)

# States, provinces and nations of other countries that business news names as a company's
# seat ("headquartered in Mumbai, Maharashtra"). Names that are also common given names
# ("Victoria") or products ("Java") are left out.
WORLD_REGIONS = frozenset(
    " ".join(r.split())
    for r in """England|Scotland|Wales|Northern Ireland|Maharashtra|Karnataka|Tamil Nadu|Kerala|
    Gujarat|Rajasthan|Punjab|Haryana|Uttar Pradesh|West Bengal|Bihar|Odisha|Telangana|
    Andhra Pradesh|
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


def listed_place(text: str) -> bool:
    """A place the hand lexicons list (a country or area under any of its names, a state,
    province or region, a capital or large city): famous enough to outvote NER."""
    folded = " ".join(text.casefold().split())
    return region_name(text) is not None or folded in _CITIES or place_name(text) is not None


# "Republic of Congo", "the Republic of Korea": a country's formal style around its short name
_STATE_STYLES = ("republic of the ", "republic of ", "kingdom of ", "state of ", "the ")


def gazetteer_place(text: str) -> Place | None:
    """The place the knowledge packages (kg.gazetteer: countries, provinces, GeoNames cities of
    15,000 people, continents) know under this spelling, the formal style of a country
    ("Republic of Congo") included."""
    found = gazetteer.place(text)
    folded = " ".join(text.casefold().split())
    for style in _STATE_STYLES if found is None else ():
        if folded.startswith(style) and len(folded) > len(style) + 2:
            rest = text.split(None, len(style.split()))[-1]
            found = gazetteer.place(rest)
            if found is not None and found.kind == "country":
                return found
            found = None
    return found


def known_place(text: str) -> bool:
    """The one "is this a place" test: a place the lexicons list, or one the knowledge packages
    know (mid-size cities, provinces, "Republic of X"). NER's "place" label is trusted for these,
    and only weakly for names it has never heard of."""
    return listed_place(text) or gazetteer_place(text) is not None


def country_of_demonym(word: str) -> str | None:
    """The country a nationality adjective names: the hand list first (its canonical names:
    "American" -> United States), then the packages' demonyms ("Kazakh", "Peruvian")."""
    key = " ".join(word.casefold().split())
    found = DEMONYMS.get(key)
    if found is None and key not in _NOT_DEMONYMS:
        found = gazetteer.country_of_demonym(key)
        if found is not None:
            found = place_name(found) or found
    return found


def countries_of_compound(word: str) -> list[str]:
    """Each country of a hyphenated nationality ("Anglo-Dutch" -> United Kingdom, Netherlands;
    "Franco-German" -> France, Germany)."""
    return [place_name(c) or c for c in gazetteer.countries_of_compound(word)]


# Adjectives the packages list as demonyms that say nothing of a seat in running English.
_NOT_DEMONYMS = frozenset({"euro", "afro", "latin", "european", "asian", "african"})


# Last words of a place name ("Ocala National Forest", "Nelson Street", "Fort Bend County").
PLACE_LAST_WORDS = frozenset(
    """street avenue road boulevard lane highway river lake lakes mountain mountains forest
    valley canyon desert island islands bay gulf sea ocean peninsula plateau county counties
    parish province square beach coast strait falls hills heights range""".split()
)
# Last words of a building's or an institution's name, never of a place's ("Mount Sinai
# Hospital", "Lake Forest College").
NOT_PLACE_HEADS = frozenset(
    "hospital college school church academy center centre museum library stadium hotel".split()
)
# Words for a town that end the name of its offices too ("Whitefish City Attorney").
TOWN_WORDS = ("city", "town", "township", "village", "borough")
# First words of a place name ("Fort Scott", "Mount Vernon", "Lake Tahoe").
PLACE_FIRST_WORDS = frozenset("fort mount mt. lake".split())

# Areas larger than a country: a company is "Europe's largest insurer" where it trades, and is
# based in one of its countries ("X, Europe's largest insurer" -> operatesIn, not basedIn).
SUPRANATIONAL = frozenset(
    """europe|asia|africa|latin america|north america|south america|central america|
    middle east|scandinavia|asia-pacific|asia pacific|oceania|eurozone|euro zone|
    european union|eu|the gulf|central europe|eastern europe|western europe|southeast asia|
    south-east asia|east asia""".replace("\n", "").replace("    ", "").split("|")
)


def supranational(text: str) -> bool:
    """An area larger than one country (a continent or a trading region)."""
    folded = " ".join(text.casefold().split())
    if folded in SUPRANATIONAL or place_name(text) in ("Europe", "Asia", "Africa"):
        return True
    found = gazetteer.place(text)
    return found is not None and found.kind == "continent"
