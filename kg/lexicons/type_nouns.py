"""Nouns that say what a name is ("investment firm X", "comedian X", "the X app")."""

from __future__ import annotations

from ..model import ORG, PERSON, PLACE, PRODUCT
from .people import ROLE_NOUNS

# Head nouns that type the name they describe ("investment firm TCG", "its sister app, CapCut").
TYPE_NOUNS: dict[str, str] = {
    **{
        w: ORG
        for w in """company firm corporation conglomerate giant startup start-up agency bank
        retailer maker manufacturer platform network publisher outlet newspaper magazine
        broadcaster organization organisation group business operator provider carrier
        insurer fund lender exchange ministry department committee regulator authority
        university institute association union party club studio label chain marketplace
        website site subsidiary unit division affiliate parent rival competitor competitors
        rivals supplier vendor distributor developer airline automaker carmaker
        chipmaker brand nonprofit non-profit charity foundation lab laboratory consultancy
        store e-tailer telecom newswire daily weekly council court senate house parliament
        government administration drugmaker pharma insurer automaker conglomerate utility
        miner refiner shipper railroad""".split()
    },
    **{w: PERSON for w in ROLE_NOUNS - {"partner", "developer", "head", "member", "lead"}},
    **{
        w: PERSON
        for w in """billionaire comedian actor actress singer rapper influencer
        creator author politician lawmaker senator donor investor entrepreneur businessman
        businesswoman tycoon mogul philanthropist athlete star celebrity woman man""".split()
    },
    **{
        w: PRODUCT
        for w in """app application feature feed product device phone smartphone tool
        assistant software program programme game console chip processor vehicle car drug
        vaccine version browser service tablet laptop headset chatbot gadget wearable
        watch camera""".split()
    },
    **{w: PLACE for w in "city country state province region town capital nation island".split()},
}
# "the Amazon Live platform": a name modifying these nouns is a product, not a company.
PRODUCT_WHEN_MODIFIER = frozenset(
    """platform service network site marketplace feature app store channel model chatbot device
    phone""".split()
)
