"""Capitalised words that are no names: labels, job-title words, filing words, page furniture."""

from __future__ import annotations

# Generational and other labels NER mistakes for names.
NOT_NAMES = frozenset(
    {
        "gen z",
        "gen x",
        "gen alpha",
        "gen y",
        "generation z",
        "generation x",
        "generation alpha",
        "millennials",
        "boomers",
        "baby boomers",
        "zoomers",
        "ai",
        "ceo",
        "cfo",
        "cto",
        "coo",
        "ipo",
        "esg",
        "gdp",
        "covid",
        "covid-19",
        "ar",
        "vr",
        "api",
        "sdk",
        "usd",
        "eur",
        "faq",
        "tv",
        "pc",
        "photo illustration",
        "getty",
        "internet",
        "web",
        "e-commerce",
        "ecommerce",
        "suv",
        "suvs",
        "ev",
        "evs",
        "ceo",
        "nft",
        "nfts",
        "llm",
        "llms",
        "saas",
        "b2b",
        "b2c",
        "dtc",
        "ipos",
        "m&a",
        "r&d",
        "q1",
        "q2",
        "q3",
        "q4",
    }
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

# Words of filings and contracts: a "name" ending in one names a document, not an entity
# ("Asset Purchase Agreement", "Series A Preferred Stock", "Bank Holding Company Act").
DOCUMENT_HEADS = frozenset(
    """agreement agreements amendment amendments plan act statement statements regulation
    regulations exhibit exhibits schedule schedules confirmation certificate complaint""".split()
)
# Further words that, alone or together, make no name ("Second Amended", "Effective October30").
FILING_WORDS = DOCUMENT_HEADS | frozenset(
    """stock notes report reports contents application amended restated first second third
    fourth fifth item items section sections article articles table code form forms data
    selected summary overview note option options warrant warrants facility policy
    policies compliance ownership beneficial certain preferred common series
    consolidated current annual quarterly period fiscal year""".split()
)
