"""Relations between names, read off spaCy's dependency parse.

Each rule is a small function over one trigger token; `relations(doc)` runs them all.
Modality (hedged, negated) is decided per trigger by `kg.modality.modality_of`, so a rule
only finds who-did-what and never has to think about "could" or "not".
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import CREEDS, DEMONYMS, LEGAL_SUFFIXES, NOT_NAMES, ROLE_NOUNS, ROLE_SUFFIXES, TYPE_NOUNS, place_name
from .mentions import HYPHEN_FACTS, DocNames, Name, is_age, familiar_place
from .modality import modality_of
from .model import ASSERTED, ORG, PERSON, PLACE, PRODUCT, Document, Extraction, Mention, Relation

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
    "spend": ("worksFor", ("at", "with"), False),  # "spent four years at WhatsApp" (a span of time only)
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
ROUND_NOUNS = {"round", "financing", "funding", "raise", "fundraising", "fundraise"}
RAISING_VERBS = {"raise", "close", "complete", "announce", "secure", "land", "bring"}
INVESTOR_ROUND_VERBS = {"lead", "co-lead", "colead", "join", "participate", "back", "anchor", "fund"}
# Verbs whose percentage object is a stake ("holds 18% of X").
SHARE_VERBS = {"hold", "own", "control", "have", "acquire", "buy", "take", "purchase", "retain", "keep"}
# A company that opens or builds one of these somewhere operates there.
FACILITY_VERBS = {"open", "build", "establish", "set", "run", "operate", "launch", "add", "expand", "have", "construct"}
FACILITY_NOUNS = {"office", "plant", "factory", "store", "shop", "hub", "center", "centre", "campus", "warehouse",
                  "branch", "facility", "lab", "laboratory", "site", "headquarters", "outlet", "restaurant", "mine",
                  "refinery", "studio", "showroom", "subsidiary", "unit", "operation", "operations", "fulfillment", "data"}
# Verbs whose object takes the "as"-role ("hired X as chief executive").
HIRING_VERBS = {"hire", "appoint", "name", "bring", "recruit", "tap", "promote", "elect", "install", "pick", "choose", "select", "poach"}
# Functions one runs at a company ("ran marketing at Coca-Cola").
FUNCTION_NOUNS = {"marketing", "sales", "operations", "engineering", "finance", "design", "research", "product", "strategy",
                  "communications", "technology", "security", "policy", "development", "growth", "legal", "hr", "partnerships"}
TIME_NOUNS = {"year", "years", "decade", "decades", "month", "months", "stint", "time", "career", "tenure"}
SELLING_VERBS = {"sell", "trade", "ship", "deliver"}
PRESENCE_VERBS = {"employ", "hire", "have", "serve", "count", "attract", "sign", "add", "reach", "boast", "claim"}
CUSTOMER_NOUNS = {"user", "customer", "subscriber", "client", "member", "shopper", "rider", "driver", "merchant", "store", "branch", "outlet", "restaurant"}
WORKFORCE_NOUNS = {"people", "person", "worker", "employee", "staff", "engineer", "workforce"}
PEOPLE_NOUNS = WORKFORCE_NOUNS | CUSTOMER_NOUNS
PRESENCE_TRIGGERS = PRESENCE_VERBS | FACILITY_VERBS | SELLING_VERBS
PRESENCE_NOUNS = FACILITY_NOUNS | PEOPLE_NOUNS | {"presence"}
# Nouns for a set of places ("in 40 countries, including Japan").
AREA_NOUNS = {"country", "market", "city", "state", "region", "territory", "nation", "province"}
# What a company launches or makes available of its own ("launched its service in India").
OFFERINGS = {w for w, t in TYPE_NOUNS.items() if t == PRODUCT} | {"service", "services", "platform", "store", "stores", "shop", "operations", "business", "brand", "network", "marketplace", "product", "products"}
# Verbs whose object is always an organisation.
FOUNDING_VERBS = {"found", "co-found", "cofound"}
# Verbs that state a stake only when a company is what they back or fund.
INVESTOR_VERBS = {"back", "fund"}
# What one buys of a company when buying the company ("acquired the assets of X").
ASSET_NOUNS = {"asset", "assets", "operations", "operation", "business", "businesses"}
# Parts of an organisation one heads, runs or joins ("heads Microsoft's cloud unit").
UNIT_NOUNS = {"unit", "division", "department", "team", "business", "arm", "office", "operations", "bureau", "desk", "lab", "group"}
# Bodies one serves on or in: "served on the board of X" is serving X.
BODY_NOUNS = {"board", "staff", "faculty", "council", "committee", "team"}
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
# Which prepositions introduce the other party of a description ("a rival of X", "an investor in X").
IDENTITY_PREPS: dict[str, tuple[str, ...]] = {
    "owns": ("of",),
    "competitorOf": ("of", "to"),
    "partnerOf": ("of", "to", "with", "at"),
    "holdsStakeIn": ("in", "of"),
    "advertisesOn": ("on",),
    "worksFor": ("of", "at", "for", "with", "in"),
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
    **dict.fromkeys("ad ads advert adverts advertising advertisement advertisements commercials".split(), "advertisesOn"),
    **dict.fromkeys("expansion entry".split(), "operatesIn"),
}
# Verbs that introduce an event noun whose agent is their subject ("TikTok announced a partnership").
SUPPORT_VERBS = set(
    "announce sign form strike reach enter have hold own take acquire buy complete close seal forge "
    "make start begin expand deepen extend finalize finalise unveil agree launch build maintain "
    "secure win get increase raise boost announce continue renew pursue keep run place spend buy "
    "pull put show air".split()
)
PRESUPPOSING_VERBS = set(
    "increase intensify deepen expand extend strengthen boost continue renew maintain step heighten "
    "end terminate reevaluate review scale".split()
)
SYMMETRIC = {"partnerOf", "competitorOf"}
# What a relation says about its arguments' types, used when NER is silent or says "place" for
# something that plays a company's role ("the deal between Disney and Netflix").
ROLE_TYPES: dict[str, tuple[str | None, str | None]] = {
    "partnerOf": (ORG, ORG),
    "competitorOf": (ORG, ORG),
    "owns": (None, ORG),
    "acquired": (ORG, ORG),
    "holdsStakeIn": (None, ORG),
    "worksFor": (PERSON, ORG),
    "advertisesOn": (ORG, None),
    "launched": (ORG, PRODUCT),
    "operatesIn": (None, PLACE),
    "basedIn": (ORG, PLACE),
}
ROLE_WEIGHT = 1.5
CONFIDENCE = {"hyphen": 0.8, "verb": 0.85, "noun": 0.8, "identity": 0.85, "place": 0.75, "affiliation": 0.7, "discourse": 0.6, "source-line": 0.7, "contract": 0.8}


@dataclass
class Found:
    subj: Name
    pred: str
    obj: Name
    trigger: Token
    rule: str
    qualifiers: tuple[tuple[str, str], ...] = ()
    presupposed: bool = False  # "its partnership with X": existence is not under the verb's modality


def _name_of(token: Token, names: DocNames) -> Name | None:
    """The name a token stands for, also when it is a legal suffix NER left outside the name
    ("Ormat Nevada, Inc." parsed with "Inc." as the head)."""
    name = names.name_at(token)
    if name is None and token.lower_ in LEGAL_SUFFIXES and token.pos_ == "PROPN":
        for back in (1, 2):
            prev = names.by_token.get(token.i - back)
            if prev is not None and prev.end == token.i - back + 1 and (back == 1 or token.doc[token.i - 1].text == ","):
                return prev
    return name


def _names_at(token: Token, names: DocNames, *, spread: bool = True) -> list[Name]:
    """`DocNames.names_at` with `_name_of`; spread=False keeps one name where the text ties a
    fact to one member of a list ("CDT (acquired by Sumitomo), Canon and Kodak")."""
    if token.i in names.group:
        return list(names.group[token.i]) if spread else []
    out: list[Name] = []
    for t in (token, *token.conjuncts) if spread else (token,):
        name = _name_of(t, names)
        if name is not None and name not in out:
            out.append(name)
    return out


def _phrasal(token: Token) -> str:
    prt = [c.lower_ for c in token.children if c.dep_ == "prt"]
    if prt and f"{token.lemma_} {prt[0]}" in VERBS:
        return f"{token.lemma_} {prt[0]}"
    if token.lemma_ == "join" and any(c.lower_ == "forces" for c in token.children):
        return "join forces"
    return token.lemma_.lower()


def _subjects(verb: Token, names: DocNames) -> list[Name]:
    """Who does `verb`: its subject, or by control/raising/coordination the governing verb's."""
    seen = set()
    cur = verb
    while cur is not None and cur.i not in seen:
        seen.add(cur.i)
        readings = []
        for child in (c for c in cur.children if c.dep_ == "nsubj"):
            found = _names_at(child, names)
            if not found and child.lower_ in ("who", "that") and cur.dep_ == "relcl":
                found = _described(cur.head, names)  # "X is an accountant who joined Y"
            readings.append(found)
        if readings:
            # "DALLAS (AP) — Skyward called off ...": a dateline parsed as a second subject
            return next((r for r in readings if any(n.type != PLACE for n in r)), readings[0])
        if cur.dep_ in ("xcomp", "conj") or (cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
            cur = cur.head
            continue
        if cur.dep_ == "pcomp" and cur.head.lower_ in TEMPORAL_PREPS and (cur.head.lower_ != "to" or cur.head.head.lower_ == "prior"):
            # "prior to joining X, he ...", "after acquiring X, Apple ...": the main clause's subject
            up = cur.head.head
            if up.lower_ == "prior" and up.dep_ != "ROOT":
                up = up.head
            if up.pos_ in ("VERB", "AUX"):
                cur = up
                continue
        if cur.dep_ in ("acl", "relcl") and cur.tag_ == "VBG":
            found = _names_at(cur.head, names)
            return found
        if cur.dep_ == "relcl":
            name = names.name_at_relcl(cur.head)
            return [name] if name else []
        break
    return []


def _pobjs(token: Token, preps: tuple[str, ...], names: DocNames) -> list[tuple[Name, Token]]:
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.lower_ in ("which", "whom") and token.dep_ == "relcl":
                    # "Tencent Music, in which Spotify holds a stake": the relative's antecedent
                    out.extend((n, child) for n in _names_at(token.head, names, spread=False))
                else:
                    out.extend((n, child) for n in _names_at(pobj, names) or _named_after(pobj, names))
    return out


def _named_after(noun: Token, names: DocNames) -> list[Name]:
    """ "takeover of Dresden-based battery startup Ostra Cell GmbH": a description noun the
    parser made the head, with the name right after it."""
    if noun.lower_ not in TYPE_NOUNS or noun.i in names.by_token:
        return []
    nxt = names.by_token.get(noun.i + 1)
    return [nxt] if nxt is not None and nxt.start == noun.i + 1 else []


def _places_in(token: Token, preps: tuple[str, ...], names: DocNames) -> list[tuple[Name, Token]]:
    """Places after a preposition, with the region of "Round Rock, Texas" / "Alexandria, Va."
    and the named members of "in 40 countries, including Japan and Brazil"."""
    out = _pobjs(token, preps, names)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i not in names.by_token and pobj.lemma_.lower() in AREA_NOUNS:
                    out.extend((n, child) for inc in pobj.children if inc.dep_ == "prep" and inc.lower_ in ("including", "like")
                               for p in inc.children if p.dep_ == "pobj" for n in _names_at(p, names) if n.type == PLACE)
                    # "in 31 U.S. states": the country whose states they are
                    out.extend((n, child) for c in pobj.children if c.dep_ in ("compound", "nmod") and (n := names.by_token.get(c.i)) is not None and n.type == PLACE)
    for place, prep in list(out):
        for child in names.head(place).children:
            if child.dep_ in ("appos", "npadvmod") and child.i >= place.end:
                region = names.by_token.get(child.i)
                if region is not None and region.type == PLACE and region is not place:
                    out.append((region, prep))
    return out


def _bracketed(verb: Token, names: DocNames) -> list[Name]:
    """ "CDT (acquired by Sumitomo in 2007)": a bracketed participle describes the name right
    before the bracket, whatever the parser attached it to."""
    doc = verb.doc
    bracket = verb.left_edge.i if doc[verb.left_edge.i].text == "(" else verb.left_edge.i - 1
    if bracket >= 1 and doc[bracket].text == "(":
        name = names.by_token.get(bracket - 1)
        if name is not None and name.end == bracket:
            return [name]
    return []


def _described(noun: Token, names: DocNames) -> list[Name]:
    """The one entity a noun phrase stands for or describes: the name itself, the subject of
    "X is a company ...", or the name an appositive describes ("X, a company ...")."""
    name = _name_of(noun, names)
    if name is not None:
        return [name]
    if noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become", "remain"):
        for child in noun.head.children:
            if child.dep_ == "nsubj":
                return _names_at(child, names, spread=False)
    if noun.dep_ == "appos":
        return _names_at(noun.head, names, spread=False)
    return []


def _date_of(token: Token) -> tuple[tuple[str, str], ...]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "since"):
            for pobj in child.children:
                if pobj.ent_type_ == "DATE":
                    ent = next(e for e in token.doc.ents if e.start <= pobj.i < e.end)
                    return (("date", ent.text),)
    return ()


def verb_relations(verb: Token, names: DocNames) -> Iterator[Found]:
    """Active and passive verbs with prepositions and particles, through coordination and control."""
    key = _phrasal(verb)
    if key not in VERBS or verb.pos_ not in ("VERB", "AUX"):
        return
    pred, slots, reverse = VERBS[key]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))
    subjects: list[Name]
    objects: list[Name] = []
    if passive:
        # "Y was acquired by X", "an app owned by X", "WPP, based in London"
        agents = _pobjs(verb, ("by",), names) + [
            (n, c) for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj" for n in _names_at(p, names)
        ]
        subjects = [n for n, _ in agents]
        patients = [n for c in verb.children if c.dep_ == "nsubjpass" for n in _names_at(c, names)]
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ in ("acl", "amod") and not patients and not infinitive:
            patients = _bracketed(verb, names) or _described(verb.head, names)
        elif not patients and infinitive:
            # "VMI agreed to be acquired by X", "Elpida entered into an agreement to be acquired by X"
            clause = verb.head if verb.dep_ != "acl" else verb.head.head.head if verb.head.dep_ == "pobj" else verb.head.head
            patients = _subjects(verb if verb.dep_ == "xcomp" else clause, names) if clause.pos_ in ("VERB", "AUX") else []
        if key in PASSIVE_ONLY and (not passive or key == "organize" and not (verb.dep_ == "acl" and verb.head.lower_ in COMPANY_NOUNS)):
            return
        if pred in ("basedIn", "operatesIn"):
            subjects, objects = patients, [n for n, _ in _places_in(verb, slots, names)]
        else:
            objects = patients
        if pred == "launched" and not subjects:
            subjects = [_brand_owner(n, names) for n in objects]
            subjects = [s for s in subjects if s is not None]
    else:
        if key in PASSIVE_ONLY:
            return
        subjects = _subjects(verb, names)
        for slot in slots:
            if slot == "dobj":
                for child in verb.children:
                    if child.dep_ in ("dobj", "attr"):
                        if pred in ("owns", "acquired") and child.lemma_ in EVENT_NOUNS:
                            continue  # "owns a stake in" is a stake, not ownership
                        # ("picked up the snack maker Crunchly", however it is parsed)
                        found = _names_at(child, names) or _named_after(child, names)
                        objects.extend(found)
                        if pred == "launched" and child.i not in names.by_token:
                            # "launched its Ferro-X lithium iron phosphate cell": the name inside the phrase
                            objects.extend(n for t in child.subtree if t.i < child.i and t.dep_ in ("compound", "nmod", "amod", "nummod")
                                           and (n := names.by_token.get(t.i)) is not None and n.type in (PRODUCT, None) and n not in objects)
                        if pred == "acquired" and child.lemma_.lower() in ASSET_NOUNS and child.i not in names.by_token:
                            # "acquired the assets of X", "bought the business of X"
                            objects.extend(n for n, _ in _pobjs(child, ("of",), names))
                        if pred == "worksFor" and child.lemma_.lower() in UNIT_NOUNS | BODY_NOUNS and child.i not in names.by_token:
                            # ("joined PayLoop's board as chairman")
                            # "who heads Microsoft's cloud unit": the unit's owner employs
                            objects.extend(n for g in child.children if g.dep_ == "poss" for n in _names_at(g, names, spread=False))
                            # "who ran the battery division of Robert Bosch GmbH"
                            objects.extend(n for n, _ in _pobjs(child, ("of", "at"), names))
                        if pred == "worksFor" and child.lemma_.lower() in FUNCTION_NOUNS and child.i not in names.by_token:
                            objects.extend(n for n, _ in _pobjs(verb, ("at", "for"), names))  # "ran marketing at Coca-Cola"
                if not any(c.dep_ in ("dobj", "attr") for c in verb.children):
                    # "joined Cobblestone Running in 2017" parsed with "Running" as a verb: the name
                    # right after a transitive verb is its object
                    nxt = names.by_token.get(verb.i + 1) or (names.by_token.get(verb.i + 2) if verb.i + 2 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "the" else None)
                    if nxt is not None and nxt.start > verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") and names.by_token.get(c.i) is nxt for c in verb.children):
                        objects.append(nxt)
            else:
                objects.extend(n for n, _ in _pobjs(verb, (slot,), names))
                if pred == "worksFor":  # "served on the boards of A and B"
                    objects.extend(n for c in verb.children if c.dep_ == "prep" and c.lower_ == slot
                                   for b in c.children if b.dep_ == "pobj" and b.lemma_.lower() in BODY_NOUNS
                                   for n, _ in _pobjs(b, ("of",), names))
    if reverse:
        subjects, objects = objects, subjects
    quals = _date_of(verb)
    if pred == "operatesIn" and not passive:
        objects.extend(n for c in verb.children if c.dep_ == "dobj" for n in _market_places(c, names))
    if key == "spend" and not any(c.dep_ == "dobj" and c.lemma_.lower() in TIME_NOUNS for c in verb.children):
        return  # "spent $2 billion at auctions" is no job
    if pred == "worksFor" and not reverse:
        # "joined from Red Bull"; "joined X after a decade at Columbia Sportswear": earlier employers
        earlier = [n for n, _ in _pobjs(verb, ("from",), names)] if key == "join" else []
        if any(c.dep_ == "prep" and c.lower_ in ("after", "following") and any(p.dep_ == "pobj" and p.lemma_.lower() in TIME_NOUNS for p in c.children) for c in verb.children):
            earlier += [n for n, _ in _pobjs(verb, ("at", "with"), names)]
            earlier += [n for c in verb.children if c.dep_ == "prep" and c.lower_ in ("after", "following")
                        for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in TIME_NOUNS for n, _ in _pobjs(p, ("at", "with"), names)]
        objects.extend(n for n in earlier if n not in objects and _org_like(n, names))
    for s in subjects:
        for o in objects:
            founded = key in FOUNDING_VERBS and o.ner_type == PERSON and not o.votes.get(PERSON)
            if s is o or pred == "worksFor" and (s.type not in (PERSON, None) or not (founded or _org_like(o, names, lenient=key in ("join", "found", "co-found", "cofound")))):
                continue  # "Mrs. Rose hired Abebe Worke": a person is nobody's employer
            # (but nobody founds a person: "X founded Otto" names a company NER took for one)
            if key in INVESTOR_VERBS and o.type not in (ORG, None):
                continue  # "backed by Google" is a stake in a company, "backed Harris" is support
            yield Found(s, pred, o, verb, f"verb:{key}", quals)
    # "launched the TikTok Shop in the UK": the product operates there;
    # "TikTok Shop launched in Spain": so does the subject of an intransitive launch.
    if pred == "launched":
        # "launched its service in India": what was launched is the subject's own offering
        offering = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in OFFERINGS] if not passive and not objects else []
        # "launched Corvana Pay, its payments product, in Mexico": the place may hang on an apposition
        described = [a for c in verb.children if c.dep_ == "dobj" for a in c.children if a.dep_ == "appos"]
        places = _pobjs(verb, ("in",), names) + [p for c in offering + described for p in _pobjs(c, ("in",), names)]
        for place, _ in places:
            for o in objects or ([] if passive else subjects) if not offering else subjects:
                yield Found(o, "operatesIn", place, verb, f"verb:{key}+in", quals)



def presence_relations(verb: Token, names: DocNames) -> Iterator[Found]:
    """Where a company is present: where it employs people or has users, sells, or runs a
    facility ("opened an office in London", "has 1.4 million users in Denmark")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in PRESENCE_TRIGGERS:
        return
    if verb.tag_ == "VBN" and (verb.dep_ in ("acl", "amod") or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)):
        return  # "a plant built in Georgia" says nothing of who is there
    subjects = [s for s in _subjects(verb, names) if s.type != PERSON]
    if not subjects:
        return
    places: list[Name] = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "employs about 1,900 people in Germany and Poland", "has 1.4 million users in Denmark"
    people = [o for o in objects if o.lemma_.lower() in PEOPLE_NOUNS]
    if lemma in PRESENCE_VERBS and people:
        places += [p for p, _ in _places_in(verb, ("in",), names) + [q for o in people for q in _places_in(o, ("in",), names)]]
    # "sells in 31 U.S. states and in Mexico": a company trades where it sells
    if lemma in SELLING_VERBS:
        places += [p for p, _ in _places_in(verb, ("in", "across", "throughout"), names)]
    # "opened an office in London", "builds a plant in Georgia"
    if lemma in FACILITY_VERBS:
        places += [p for o in objects if o.lemma_.lower() in FACILITY_NOUNS for p, _ in _places_in(o, ("in",), names)]
    quals = _date_of(verb)
    seen: list[Name] = []
    for place in places:
        if any(place is p for p in seen):
            continue
        seen.append(place)
        for s in subjects:
            if s is not place and place.type == PLACE:
                yield Found(s, "operatesIn", place, verb, f"verb:presence-{lemma}", quals)


def _is_round(token: Token) -> bool:
    """ "a round", "the financing", "its Series B" (a funding round, not a boxing one: callers
    need an investor verb)."""
    return token.lemma_.lower() in ROUND_NOUNS or any(t.lower_ == "series" for t in token.subtree if t.i < token.i)


def _raiser(round_: Token, names: DocNames) -> list[Name]:
    """Who raised the round: its possessor ("its Series B") or the subject of the raising verb
    ("Pixelmint raised $300 million in a round led by ...")."""
    owners = [n for c in round_.children if c.dep_ == "poss" for n in _names_at(c, names, spread=False)]
    if owners:
        return owners
    if round_.dep_ == "pobj" and round_.head.head.pos_ == "VERB" and round_.head.head.lemma_.lower() in RAISING_VERBS:
        return _subjects(round_.head.head, names)
    if round_.dep_ == "dobj" and round_.head.lemma_.lower() in RAISING_VERBS:
        return _subjects(round_.head, names)
    return []


def funding_relations(verb: Token, names: DocNames) -> Iterator[Found]:
    """ "a round led by Tiger Global", "Index Ventures led its Series B", "with participation
    from Upfront Ventures": the investors in a funding round hold a stake in whoever raised it."""
    if verb.lemma_.lower() not in INVESTOR_ROUND_VERBS or verb.pos_ != "VERB":
        return
    passive = verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children))
    if passive:
        round_ = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        investors = [n for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj" for n in _names_at(p, names)]
    else:
        round_ = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if round_ is None:  # "X participated in the round"
            round_ = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"), None)
        investors = _subjects(verb, names)
    if round_ is None or not _is_round(round_):
        return
    # "..., with participation from existing backer Upfront Ventures"
    investors += [n for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                  for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() == "participation"
                  for n, _ in _pobjs(p, ("from", "by"), names)]
    raisers = _raiser(round_, names)
    if not raisers and passive and verb.dep_ != "acl":
        raisers = names.topic_before(round_)
    for raiser in raisers:
        for investor in investors:
            if investor is not raiser and raiser.type in (ORG, None):
                yield Found(investor, "holdsStakeIn", raiser, verb, "verb:funding", _date_of(verb))


def share_relations(verb: Token, names: DocNames) -> Iterator[Found]:
    """ "Sequoia held about 18% of Ledgerly", "owns 21% of the company": a share of a company is a stake."""
    if verb.lemma_.lower() not in SHARE_VERBS:
        return
    for obj in verb.children:
        if obj.dep_ != "dobj" or not _is_share(obj):
            continue
        owned = [n for n, _ in _pobjs(obj, ("of", "in"), names)]
        if not owned:  # "holds 62% of its share capital"
            owned = [n for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                     if c.dep_ == "pobj" and c.lemma_.lower() in ("capital", "share", "equity", "stock")
                     for g in c.children if g.dep_ == "poss" for n in _names_at(g, names, spread=False)]
        pct = [t.text for t in obj.subtree if t.like_num and t.i <= obj.i]
        quals = ((("stake", f"{pct[0]}%"),) if pct else ()) + _date_of(verb)
        for s in _subjects(verb, names):
            for o in owned:
                if s is not o and o.type in (ORG, None):
                    yield Found(s, "holdsStakeIn", o, verb, f"verb:{verb.lemma_.lower()}-share", quals)


def _is_share(token: Token) -> bool:
    return token.text == "%" or token.lemma_.lower() in ("percent", "per cent", "pct") or token.ent_type_ == "PERCENT" and token.pos_ == "NOUN"


def sale_relations(verb: Token, names: DocNames) -> Iterator[Found]:
    """ "Google sold Motorola to Lenovo": the buyer acquired what was sold."""
    if verb.lemma_.lower() != "sell" or verb.pos_ != "VERB":
        return
    sold = [n for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for n in _names_at(c, names)]
    # "sold NAC to a subsidiary of Hitachi Zosen": the group buys through its unit
    units = [(n, p) for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
             for u in c.children if u.dep_ == "pobj" and u.lemma_.lower() in ("subsidiary", "unit", "affiliate", "division")
             for n, p in _pobjs(u, ("of",), names)]
    for buyer, _ in _pobjs(verb, ("to",), names) + units:
        for item in sold:
            if item is not buyer:
                yield Found(buyer, "acquired", item, verb, "verb:sell-to", _date_of(verb))
    # "sold a 51% stake in Halcyon to Verhoeven Capital": the buyer holds the stake
    for stake in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("stake", "share", "holding")):
        companies = [n for n, _ in _pobjs(stake, ("in", "of"), names) + _pobjs(verb, ("in",), names) if n.type != PLACE]
        companies = companies or [n for n in names.topic_before(stake) if n not in _subjects(verb, names)]
        for buyer, _ in _pobjs(verb, ("to",), names) + _pobjs(stake, ("to",), names):
            for company in companies:
                if company is not buyer and company.type in (ORG, None):
                    yield Found(buyer, "holdsStakeIn", company, verb, "verb:sell-stake-to", _date_of(verb))


def hyphen_relations(names: DocNames) -> Iterator[Found]:
    """ "London-based WPP", "Amazon-owned Twitch", "SoftBank-backed WeWork"."""
    toks = names.toks
    for token in toks:
        pred = HYPHEN_FACTS.get(token.lower_)
        if pred is None or token.i < 2 or toks[token.i - 1].text != "-":
            continue
        left = names.by_token.get(token.i - 2)
        if left is None:
            continue
        # (the modifier belongs to its own noun, not to that noun's conjuncts: "Revolut and Berlin-based N26")
        target = None
        if token.dep_ in ("amod", "compound"):
            # the noun it modifies, a name right after a description ("Oslo-based processor
            # Norrpay"), or what "X is a Milan-based company" describes
            candidates = _names_at(token.head, names, spread=False) or _named_after(token.head, names) or _described(token.head, names)
            target = next((n for n in candidates if n is not left), None)
        if target is None:
            # "Dresden-based battery startup Ostra Cell GmbH" whatever the parse made of it: the
            # first name after a run of lowercase descriptors
            for nxt in toks[token.i + 1 : token.i + 6]:
                name = names.by_token.get(nxt.i)
                if name is not None and name is not left:
                    target = name if name.type in (ORG, None) else None
                    break
                if not (nxt.is_alpha and (nxt.is_lower or nxt.lower_ in NOT_NAMES)) or nxt.lower_ in ("of", "and", "in", "the", "a", "an", "for", "with", "to", "by"):
                    break
        if target is None:
            continue
        if pred == "basedIn":
            yield Found(target, pred, left, token, "hyphen:based", presupposed=True)
            # "Bend, Oregon-based Cobblestone": the city before the region too
            if left.start >= 2 and toks[left.start - 1].text == ",":
                city = names.by_token.get(left.start - 2)
                if city is not None and city.type == PLACE and city is not left:
                    yield Found(target, pred, city, token, "hyphen:based", presupposed=True)
        else:
            yield Found(left, pred, target, token, f"hyphen:{token.lower_}", presupposed=True)


def _market_places(obj: Token, names: DocNames) -> list[Name]:
    """ "entered the Indian market", "the US market": the place a market noun names."""
    if obj.lower_ not in ("market", "markets", "business"):
        return []
    out = []
    for child in obj.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            name = names.by_token.get(child.i)
            if name is not None and name.type == PLACE:
                out.append(name)
            elif child.lower_ in DEMONYMS:
                country = names.demonym(child)
                if country is not None:
                    out.append(country)
    return out


def _brand_owner(product: Name, names: DocNames) -> Name | None:
    """The organisation whose name starts a product's name ("Amazon Inspire" -> Amazon)."""
    first = product.text.split()[0]
    if first == product.text:
        return None
    for name in names.names:
        if name.text == first and name.type == ORG:
            return name
    return None


def _identity_of(head: Token, names: DocNames) -> list[Name]:
    """Which entity a description describes: apposition, copula subject, or named compound."""
    if head.dep_ == "nsubj" and head.head.lemma_ in ("include", "be") and head.tag_ in ("NNS", "NNPS"):
        # "Kestrel's investors include Orchard Hill Ventures and Sato Pharmaceutical"
        found = [n for c in head.head.children if c.dep_ in ("dobj", "attr") for n in _names_at(c, names)]
        if found:
            return found
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in ("one", "some", "two", "three"):
        return _identity_of(head.head.head, names)  # "X is one of the biggest advertisers on Y"
    if head.dep_ == "pobj" and head.head.lower_ == "among" and head.head.head.lemma_ in ("be", "become", "remain"):
        head = head.head  # "X is among the largest shareholders in Y": the copula's subject
        return [n for c in head.head.children if c.dep_ == "nsubj" for n in _names_at(c, names)]
    for child in head.children:
        if child.dep_ == "nsubj" and head.pos_ == "NOUN":
            return _names_at(child, names)  # a small clause: "the deal makes X the largest shareholder in Y"
    for child in head.children:
        if child.dep_ in ("appos",):
            found = _names_at(child, names, spread=False)
            if found:
                return found
    for child in head.children:
        if child.dep_ == "compound" and child.i > head.i and child.i in names.by_token:
            return [names.by_token[child.i]]
    if head.dep_ == "appos":  # a singular appositive describes one name, not its whole list
        found = [n for n in _names_at(head.head, names, spread=head.tag_ in ("NNS", "NNPS")) if not _party_tag(n, names)]
        if not found and head.head.dep_ == "appos":  # "Sen. X, D-Mich., chairman of Y"
            found = _names_at(head.head.head, names, spread=False)
        return found
    if head.dep_ in ("compound", "nmod") and head.head.i in names.by_token:  # "parent company ByteDance" parsed flat
        return [names.by_token[head.head.i]]
    # "the owner and general manager of X", "a jeweler and president of X": the first conjunct's
    if head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i not in names.by_token:
        return _identity_of(head.head, names)
    if head.dep_ == "oprd" and head.head.lemma_ in ("name", "appoint", "elect", "make"):
        # "it named Larry Jinks publisher of X": the object takes the role
        for child in head.head.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return _names_at(child, names)
        return []
    if head.dep_ in ("attr", "oprd") and head.head.lemma_ in ("be", "become", "remain", "serve", "name", "appoint"):
        verb = head.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                found = _names_at(child, names)
                if not found and child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    # "X is an accountant who was a partner with Y": the relative's antecedent
                    # describes X
                    found = _described(verb.head, names)
                return found
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ == "VERB":
        verb = head.head.head
        if verb.lemma_.lower() in HIRING_VERBS:  # "brought in Raymond Delaney as chief executive"
            hired = [n for c in verb.children if c.dep_ == "dobj" for n in _names_at(c, names)]
            if hired:
                return hired
        return _subjects(verb, names)
    # "X was promoted to president of Y", "X rose to chief executive"
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lemma_ in PROMOTION_VERBS:
        verb = head.head.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return _names_at(child, names)
        return _subjects(verb, names)
    return []


# Prepositions whose gerund shares the main clause's subject ("after joining X, she ...");
# not "instead of" / "without", which deny it.
TEMPORAL_PREPS = {"after", "before", "since", "upon", "following", "to", "by"}
# Verbs whose "to"-phrase names a new role ("was promoted to president of X").
PROMOTION_VERBS = {"promote", "elevate", "rise", "move", "return", "name", "appoint", "elect", "advance"}
# Nouns between a role and its organisation ("head of marketing at X", "a director on the
# boards of X", "an engineer with X's research service"): the role's employer is still X.
ROLE_PREPS = ("of", "at", "for", "with", "on", "in")


def _party_tag(name: Name, names: DocNames) -> bool:
    """ "D-Mich.", "R-Utah": a legislator's party and state, not a name of its own."""
    doc = names.doc
    return name.start >= 2 and doc[name.start - 1].text == "-" and len(doc[name.start - 2].text) == 1 and doc[name.start - 2].is_upper


def _title_modifier(name: Name, names: DocNames) -> bool:
    """A name before a title is its holder's employer when NER calls it a company, or when it
    starts the noun phrase ("Pfizer CEO X"; not "U.S. Bankruptcy Judge X", a court's name)."""
    if name.ner_type == ORG:
        return True
    if name.ner_type == PLACE and (name.type != ORG or familiar_place(name.text)) or name.type not in (ORG, None):
        return False  # (an untyped name may be a company NER missed: "Activision chief executive X";
        # an unfamiliar "place" context made a company may be one NER misread: "Healy president X")
    return name.start == 0 or names.doc[name.start - 1].pos_ not in ("PROPN", "NUM")


def _org_like(name: Name, names: DocNames, *, office: bool = False, lenient: bool = False) -> bool:
    """Could be an employer: a company or an untyped name, never a place, person or creed.
    A political party only for an office in it (`office`: "leader of the Green Party" leads
    it, per worksFor's definition), never for membership ("X of the Green Party", "joined it")."""
    last = name.text.rsplit(" ", 1)[-1].lower()
    party = "party" in name.text.lower().split() or last == "parties"
    if name.type not in (ORG, None) or place_name(name.text) or party and not office or name.text.lower() in CREEDS:
        return False
    ent = names.doc[name.end - 1].ent_type_
    # NER's "place" stands unless context made it a company ("Zilingo, a startup"), or (`lenient`:
    # a verb such as "joined" or "founded" says so) the place is none the lexicons know
    if lenient and ent in ("GPE", "LOC") and name.type == PLACE and not familiar_place(name.text):
        return True
    return (ent != "NORP" or name.type == ORG) and (ent not in ("GPE", "LOC") or name.type == ORG)


def _other_of(noun: Token, head: Token, names: DocNames, preps: tuple[str, ...], pred: str = "", reverse: bool = False) -> list[tuple[Name, str]]:
    """The entity a description is relative to: possessor, of/at/for-phrase, or modifier name."""
    out: list[tuple[Name, str]] = []
    spread = pred != "owns" or not reverse  # "a subsidiary of A, and B": only A is the parent
    doc = noun.doc
    scan = {noun, head}
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 2].whitespace_:
        scan.add(doc[noun.i - 2])  # "Spotify's co-founder" comes as "co", "-", "founder"
    for tok in scan:
        for child in tok.children:
            if child.dep_ == "poss":
                out.extend((n, "poss") for n in _names_at(child, names, spread=spread))
            elif child.dep_ in ("compound", "nmod") and child.i < noun.i and child.i in names.by_token:
                # only a name right on the noun: in "Phoenix newspaper reporter X" the city
                # modifies "newspaper", not the reporter's employer
                if names.by_token[child.i] not in [n for n, _ in out]:
                    out.append((names.by_token[child.i], "compound"))
        for name, prep in _pobjs(tok, preps, names):
            out.append((name, prep.lower_))
            if not spread:
                break
    if noun.dep_ == "compound" and noun.head.i in names.by_token:
        # "its primary bank subsidiary Regions Bank": the possessive hangs on the name
        for child in noun.head.children:
            if child.dep_ == "poss" and child.i < noun.i:
                out.extend((n, "poss") for n in _names_at(child, names, spread=spread) if all(n is not m for m, _ in out))
    if pred == "worksFor" and noun.dep_ == "compound" and noun.head.i in names.by_token:
        # "Coast Guard Lt. Steve Hardy", "U.N. financial spokesman Fred Eckhard": a name right
        # before the title (adjectives aside), whatever the parse attached it to
        i = noun.i - 1
        while i >= 0 and doc[i].pos_ == "ADJ" and i not in names.by_token:
            i -= 1
        left = names.by_token.get(i)
        if left is not None and left.end == i + 1 and all(left is not n for n, _ in out):
            out.append((left, "compound"))
    if pred in ("worksFor", "partnerOf") and not any(v != "compound" for _, v in out):
        # one noun deeper: "vice president of marketing for X", "a member of the board of X",
        # "an engineer with X's research service"
        for tok in {noun, head}:
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in ROLE_PREPS:
                    continue
                for mid in prep.children:
                    if mid.dep_ != "pobj" or mid.i in names.by_token:
                        continue
                    if mid.pos_ != "NOUN" and not (mid.pos_ == "PROPN" and mid.lower_ in BODY_NOUNS | UNIT_NOUNS):
                        continue  # (filings capitalise "Chairman of the Board of X")
                    if pred == "partnerOf" and mid.lower_ not in COMPANY_NOUNS:
                        continue  # "a partner with the firm of X" is X's partner; not "of the consortium of X"
                    for grand in mid.children:
                        if grand.dep_ == "poss":
                            out.extend((n, "poss") for n in _names_at(grand, names))
                    out.extend((n, p.lower_) for n, p in _pobjs(mid, ("of", "at", "for", "with"), names))
    return out


def _identity_key(noun: Token) -> str | None:
    """The identity noun a token is ("spokesmen" -> "spokesman"), or a profession by its ending."""
    for word in (noun.lower_, noun.lemma_.lower()):
        if word in IDENTITY_NOUNS or len(word) > 7 and word.endswith(ROLE_SUFFIXES):
            return word
    if noun.is_title and len(noun.text) <= 4 and noun.lower_ + "." in IDENTITY_NOUNS:
        return noun.lower_ + "."  # "Lt", "Sgt" with the period split off
    return None


# Roles that speak from inside an organisation (not "analyst", "lawyer", "professor": outsiders
# comment on companies they do not work for).
INSIDE_ROLES = frozenset(
    """spokesman spokeswoman spokesperson representative official officer chief head director
    manager president vice-president chairman chairwoman chair executive ceo cfo cto coo vp svp
    evp deputy secretary treasurer superintendent supervisor commander captain capt. lt. sgt.
    sergeant lieutenant foreman coordinator administrator aide staffer employee""".split()
)


def _reporting_organisation(person: Name, names: DocNames) -> list[Name]:
    """ "The Coast Guard rescued seven people, said station chief X": a holder of an inside
    role who reports what an organisation did speaks for it."""
    h = names.head(person)
    verb = h.head
    if h.dep_ != "nsubj" or verb.lemma_ not in ("say", "tell", "add", "announce", "confirm"):
        return []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > h.i:
            continue
        for subj in clause.children:
            if subj.dep_ in ("nsubj", "nsubjpass"):
                return [n for n in _names_at(subj, names, spread=False) if n.type == ORG and _org_like(n, names)]
    return []


# Titles only a company's officers hold.
COMPANY_OFFICERS = frozenset("ceo cfo cto coo cmo cio founder co-founder cofounder".split())


# Role words that state membership, not an office: a party's members do not work for it.
MEMBERSHIP = frozenset({"member", "members", "candidate", "candidates", "supporter", "supporters"})


def identity_relations(noun: Token, names: DocNames) -> Iterator[Found]:
    """Descriptions: "Boschetti, an Amazon spokesperson", "its parent company ByteDance"."""
    lower = _identity_key(noun)
    if lower is None or noun.pos_ not in ("NOUN", "PROPN") or noun.i in names.by_token:
        return
    pred, reverse = IDENTITY_NOUNS.get(lower, ("worksFor", False))
    if pred == "worksFor" and noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and _identity_key(noun.head) is None:
        return  # "employee benefits": the role word modifies a thing
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if pred == "worksFor" and nxt is not None and nxt.pos_ == "NOUN" and nxt.i not in names.by_token and _identity_key(nxt) is None:
        return  # "Rochester teacher union leader X", however it is parsed
    head = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i not in names.by_token else noun
    identities = _identity_of(head, names)
    if not identities and noun.i in names.group:
        identities = names.group[noun.i]
    if not identities and pred == "worksFor":
        # "the chairman of the Opposition Front, Mohamed Ahmed Issa": the parser hangs the
        # holder's name on the organisation, the nearest noun
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "at"):
                for pobj in prep.children:
                    identities += [n for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i
                                   for n in _names_at(c, names, spread=False) if n.type == PERSON]
    group: list[Name] = []
    if noun.dep_ == "attr":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        group = names.group.get(subj.i, []) if subj is not None else []
        if not group and subj is not None and noun.tag_ == "NNS":
            group = _names_at(subj, names)  # "Toyota and Honda are fierce rivals"
            group = group if len(group) == 2 else []
    preps = IDENTITY_PREPS[pred]
    others = _other_of(noun, head, names, preps, pred, reverse)
    if not others and pred == "worksFor":
        # "chairman and chief executive of X": the last conjunct's of-phrase serves them all
        for conj in head.conjuncts:
            key = _identity_key(conj)
            if conj.i > head.i and key is not None and IDENTITY_NOUNS.get(key, ("worksFor",))[0] == pred:
                others = [(n, v) for n, v in _other_of(conj, conj, names, preps, pred) if v != "compound" or conj.i < head.i]
    if not others and pred == "worksFor" and lower in INSIDE_ROLES and len(identities) == 1:
        others = [(n, "reported") for n in _reporting_organisation(identities[0], names)]
    if not others and pred == "worksFor" and lower in COMPANY_OFFICERS and len(identities) == 1 and noun.i < identities[0].start:
        # "Shares of Uber jumped after CEO Dara Khosrowshahi said ...": a company officer's
        # title with no company of its own belongs to the one company the sentence names
        sent = names.sent(noun.i)
        companies = {n.text: n for n in names.window(sent.start, sent.end) if n.type == ORG and not n.spelling and _org_like(n, names)}
        if len(companies) == 1:
            others = [(next(iter(companies.values())), "sentence")]
        elif not companies:
            # "Co-founder and CEO Ana Ribeiro said ...": no company in the sentence, so the title
            # is held at the company the article is about
            others = [(n, "topic") for n in names.topic_before(noun)]
    if not others and pred == "competitorOf" and not any(c.dep_ == "poss" for c in noun.children) and not _pobjs(noun, ("of", "to", "with"), names):
        # "Montreal-based rival Northern Spring", "rivals Coca-Cola and PepsiCo": rivals of the
        # company the article is about
        others = [(n, "topic") for n in names.topic_before(noun) if n not in identities]
    role = " ".join(t.text for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("det", "poss", "case", "punct") and t.i not in names.by_token)
    quals: tuple[tuple[str, str], ...] = (("role", role),) if pred == "worksFor" else ()
    if pred in SYMMETRIC and len(group) == 2 and not others and not any(c.dep_ == "poss" for c in noun.children):
        # ("Figma and Canva, its two biggest rivals" are rivals of "its", which is unknown here)
        yield Found(group[0], pred, group[1], noun, f"identity:{lower}:group")
        return
    for ident in identities:
        if pred == "partnerOf" and ident.type == PERSON:
            this_pred = "worksFor"  # "operating partner at investment firm TCG" is a role
        else:
            this_pred = pred
        if this_pred == "worksFor" and ident.type not in (PERSON, None):
            continue  # a company is not anybody's "spokesman"
        for other, via in others:
            if other is ident:
                continue
            if this_pred == "worksFor" and (not _org_like(other, names, office=lower not in MEMBERSHIP) or via == "compound" and not _title_modifier(other, names)):
                continue
            if lower == "part" and (head.dep_ != "appos" or ident.type != ORG or other.type != ORG):
                continue  # "Genzyme, now part of Sanofi"; not "part of the index", "part of Texas"  # "Mormon leader", "Rochester teacher": a creed or a city is no employer
            s, o = (other, ident) if reverse else (ident, other)
            yield Found(s, this_pred, o, noun, f"identity:{lower}:{via}", quals if this_pred == "worksFor" else (), presupposed=True)


def merger_relations(noun: Token, names: DocNames) -> Iterator[Found]:
    """ "Skyward and Pacifica called off their planned merger": a merger that was called off,
    blocked or only proposed is recorded (either way round, never asserted), so that an earlier
    "agreed to buy" in the same article is not asserted either (kg.resolve)."""
    if noun.lemma_.lower() not in ("merger", "combination", "tie-up") or noun.pos_ != "NOUN" or modality_of(noun) == ASSERTED:
        return
    parties = [n for n, _ in _pobjs(noun, ("between", "of", "with"), names)]
    parties += [n for c in noun.children if c.dep_ == "poss" for n in _names_at(c, names)]
    if noun.dep_ in ("dobj", "nsubjpass"):
        parties += [n for n in _subjects(noun.head, names) if n not in parties]
    parties = [n for n in parties if n.type in (ORG, None)]
    for a in parties:
        for b in parties:
            if a is not b:
                yield Found(a, "acquired", b, noun, "noun:merger")


def event_relations(noun: Token, names: DocNames) -> Iterator[Found]:
    """Nominalisations: "the partnership between X and Y", "X's deal with Y", "a stake in Y"."""
    lemma = noun.lemma_.lower()
    if lemma not in EVENT_NOUNS or noun.pos_ not in ("NOUN",) or noun.i in names.by_token:
        return
    if _employment_contract(noun):
        return  # an employment agreement hires a person (contract_relations), it is no partnership
    pred = EVENT_NOUNS[lemma]
    agents: list[Name] = []
    patients: list[Name] = []
    presupposed = False
    between = [n for n, p in [(n, p) for n, p in _pobjs(noun, ("between", "among"), names)]]
    for child in noun.children:
        if child.dep_ == "poss":
            agents.extend(_names_at(child, names))
            presupposed = True
        elif child.dep_ == "compound" and child.i < noun.i:
            for sub in child.subtree:
                name = names.by_token.get(sub.i)
                if name is not None and name not in agents and name.type != PLACE:
                    agents.append(name)
        elif child.dep_ == "det" and child.lower_ in ("the", "this", "that"):
            presupposed = True
    # "increase competition with Y", "deepen its partnership": the relation already exists.
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in PRESUPPOSING_VERBS:
        presupposed = True
    patient_preps = {"partnerOf": ("with",), "competitorOf": ("with", "against"), "acquired": ("of",),
                     "holdsStakeIn": ("in",), "launched": ("of",), "basedIn": ("in",),
                     "advertisesOn": ("on", "with"), "operatesIn": ("into", "to", "in")}[pred]
    patients.extend(n for n, _ in _pobjs(noun, patient_preps, names))
    if pred == "holdsStakeIn" and not patients:
        # "a stake of just under 1% in Corvana"
        patients.extend(n for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                        for share in p.children if share.dep_ == "pobj" and _is_share(share)
                        for n, _ in _pobjs(share, ("in",), names))
    if not patients and noun.dep_ == "dobj" and noun.head.lemma_ in SUPPORT_VERBS:
        # "holds a stake in Y" with the in-phrase hung on the verb; "in which X holds a stake"
        patients.extend(n for n, _ in _pobjs(noun.head, patient_preps, names))
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and pred in ("acquired", "launched") and not patients:
        # "Adobe's first acquisition was Emerald City Software": asserted only as the copula is
        patients.extend(n for c in noun.head.children if c.dep_ == "attr" for n in _names_at(c, names))
        presupposed = False
    # "the acquisition of Perseid by Astellas"
    if pred in ("acquired", "launched", "holdsStakeIn") and not agents:
        agents.extend(n for n, _ in _pobjs(noun, ("by",), names))
    if not agents and noun.dep_ in ("dobj", "attr", "pobj"):
        verb = noun.head if noun.dep_ != "pobj" else noun.head.head
        # "in partnership with Y", "through a deal with Y": the verb's subject is the agent
        manner = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "through", "under", "via")
        if verb.pos_ in ("VERB", "AUX") and (verb.lemma_ in SUPPORT_VERBS or noun.dep_ == "dobj" or manner):
            agents.extend(_subjects(verb, names))
    if pred == "holdsStakeIn" and lemma in ("stake", "stakes"):
        pct = [t.text for t in noun.subtree if t.like_num and t.i < noun.i]
        quals: tuple[tuple[str, str], ...] = (("stake", f"{pct[0]}%"),) if pct else ()
    else:
        quals = ()
    quals = quals + _date_of(noun)
    if len(between) >= 2:
        yield Found(between[0], pred, between[1], noun, f"noun:{lemma}:between", quals, presupposed=True)
        return
    if pred in SYMMETRIC and len(agents) >= 2 and not patients:
        yield Found(agents[0], pred, agents[1], noun, f"noun:{lemma}:pair", quals, presupposed)
        return
    if pred in SYMMETRIC and not agents and patients:
        agents = _sentence_fallback(noun, names, exclude=patients)
    for a in agents:
        for p in patients:
            if a is not p:
                yield Found(a, pred, p, noun, f"noun:{lemma}", quals, presupposed)


def _sentence_fallback(noun: Token, names: DocNames, *, exclude: list[Name]) -> list[Name]:
    """An agentless "competition with Y": the other party is the sentence's only other company."""
    sent = names.sent(noun.i)
    cands = [n for n in names.names if sent.start <= n.start < sent.end and n not in exclude and n.type in (ORG, PRODUCT)]
    texts = {n.text for n in cands}
    return cands[:1] if len(texts) == 1 else []


def place_relations(name: Name, names: DocNames) -> Iterator[Found]:
    """basedIn from "Wpp Plc of London", "London-based WPP", "China's Alibaba", and "an
    economist with Drexel Burnham in New York"."""
    if name.type not in (ORG,):
        return
    h = names.head(name)
    # "the Institute of Zoology of Kunming": an of-phrase may hang on a word inside the name
    inner = [t for t in names.doc[name.start : name.end] if t is not h and any(c.i >= name.end for c in t.children)]
    for tok in (h, *inner):
        for place, prep in _places_in(tok, ("of",), names):
            if place.type == PLACE and prep.i >= name.end:
                yield Found(name, "basedIn", place, prep, "place:of", presupposed=True)
    # "at McGill University in Montreal", "Lance Davis of Truck Stops of America in Ontario":
    # a place right after a company that is itself a prepositional object or appositive
    # (not "Apple in China said", where the place is a market, not a seat)
    # ("the Red Cross in Khartoum", "State University of New York at Albany": the phrase may
    # hang on a word inside the name)
    if name.ner == "ORG" and h.dep_ in ("pobj", "appos", "conj") and _described(h, names) == [name] and not _of_a_thing(h, names):
        for tok in (h, *inner):
            seats = _pobjs(tok, ("in", "at"), names)
            if any(place.type == PLACE and prep.i == name.end and _is_locality(place, names) for place, prep in seats):
                for place, prep in _places_in(tok, ("in", "at"), names):
                    if place.type == PLACE and prep.i >= name.end:
                        yield Found(name, "basedIn", place, prep, "place:in", presupposed=True)
    # "Senior Vice President of SCI Financial Group, Cedar Rapids, Iowa": a town set off by a comma
    if name.ner == "ORG" and name.end + 1 < len(names.doc) and names.doc[name.end].text == ",":
        town = names.by_token.get(name.end + 1)
        th = names.head(town) if town is not None else None
        if th is not None and town.type == PLACE and _is_locality(town) and th.dep_ in ("appos", "npadvmod") and th.head.i in range(name.start, name.end + 1):
            # only "Town, Region" (not a lone word that may be the next item of a list)
            regions = [names.by_token[c.i] for c in th.children if c.dep_ in ("appos", "npadvmod") and c.i in names.by_token]
            regions = [r for r in regions if r.type == PLACE and r is not town]
            if regions:
                for place in (town, *regions):
                    yield Found(name, "basedIn", place, names.doc[name.end], "place:comma", presupposed=True)
    for child in h.children:
        if child.dep_ == "poss":
            place = names.by_token.get(child.i)
            if place is not None and place.type == PLACE:
                yield Found(name, "basedIn", place, child, "place:poss", presupposed=True)
        if child.dep_ in ("amod", "compound") and child.lower_ == "based":
            for sub in child.children:
                place = names.by_token.get(sub.i)
                if place is not None and place.type == PLACE:
                    yield Found(name, "basedIn", place, child, "place:based", presupposed=True)
    # "London-based WPP" is often parsed with London attached to the name itself.
    for child in h.children:
        place = names.by_token.get(child.i)
        if place is not None and place.type == PLACE and child.i + 2 < len(h.doc) and h.doc[child.i + 1].text == "-" and h.doc[child.i + 2].lower_ == "based":
            yield Found(name, "basedIn", place, child, "place:based", presupposed=True)


def _of_a_thing(h: Token, names: DocNames) -> bool:
    """ "sales of Apple in Shanghai": an of-phrase under a thing, where "in" places the thing;
    "Dr. Graham of the Center in Houston", "director of X in Y" place the organisation."""
    if h.dep_ != "pobj" or h.head.lower_ != "of":
        return False
    owner = h.head.head
    name = names.by_token.get(owner.i)
    return not (name is not None and name.type == PERSON) and _identity_key(owner) is None


def _is_locality(place: Name, names: DocNames | None = None) -> bool:
    """A city or town rather than a country or region: "in China" after a company usually
    names a market, "in Montreal" its seat (and not the "County" of "the County of X")."""
    if names is not None and place.end < len(names.doc) and names.doc[place.end].lower_ == "of":
        return False
    return place_name(place.text) is None and place.ner == "GPE"


# Type nouns that describe a company, for "a Hong Kong construction firm" / "German carmaker BMW".
# Relational nouns ("Nvidia rival AMD", "Alphabet unit Google") name another company, never a seat.
RELATIONAL_NOUNS = {"subsidiary", "unit", "division", "affiliate", "parent", "rival", "rivals", "competitor", "competitors", "supplier", "vendor", "distributor", "partner", "owner", "customer", "client"}
COMPANY_NOUNS = {w for w, t in TYPE_NOUNS.items() if t == ORG} - {"government", "administration", "court", "senate", "house", "parliament", "council", "ministry", "department", "party", "union", "committee"} - RELATIONAL_NOUNS


def origin_relations(name: Name, names: DocNames) -> Iterator[Found]:
    """basedIn from a place or nationality modifying a company: "the U.S. Congress",
    "Chilean copper company Codelco", "Sun Hung Kai, a Hong Kong construction firm"."""
    if name.type != ORG:
        return
    h = names.head(name)
    heads = [h]
    for child in h.children:  # "Codelco, a Chilean company" / "the ... company Codelco"
        if child.dep_ in ("appos", "compound") and child.lower_ in COMPANY_NOUNS:
            heads.append(child)
    if h.dep_ == "appos" and h.head.lower_ in COMPANY_NOUNS:
        heads.append(h.head)
    if h.dep_ == "nsubj" and h.head.lemma_ == "be":  # "X is a Delaware corporation"
        heads.extend(c for c in h.head.children if c.dep_ == "attr" and c.lower_ in COMPANY_NOUNS)
    for head in heads:
        for mod in head.children:
            if mod.dep_ not in ("compound", "amod", "nmod") or mod.i >= head.i or mod.i >= name.start and head is h:
                continue
            if mod.i + 1 < len(mod.doc) and mod.doc[mod.i + 1].text == "-":
                continue  # "Chinese-owned" says who owns it, not where it is
            place = names.by_token.get(mod.i)
            if place is not None and place.type == PLACE:
                yield Found(name, "basedIn", place, mod, "place:modifier", presupposed=True)
            elif mod.lower_ in DEMONYMS and mod.ent_type_ == "NORP":
                country = names.demonym(mod)
                if country is not None:
                    yield Found(name, "basedIn", country, mod, "place:demonym", presupposed=True)


def affiliation_relations(name: Name, names: DocNames) -> Iterator[Found]:
    """ "Greg Thayer of the Forest Service", "Wang Ziqiang at the Institute": a person's
    organisation given straight after the name."""
    if name.type != PERSON:
        return
    h = names.head(name)
    for child in h.children:
        # "Apple's Tim Cook", "the department's Al Comproni"
        if child.dep_ == "poss" and child.i < name.start:
            for org in _names_at(child, names, spread=False):
                if org.type == ORG and _org_like(org, names):
                    yield Found(name, "worksFor", org, child, "affiliation:poss", presupposed=True)
        # "Greg Thayer of the Forest Service", "Gilmore, of the Downtown Seattle Association,"
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "from") and child.i - name.end in _affiliation_gaps(name, names):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                for org in _names_at(pobj, names):
                    if org.type == ORG and _org_like(org, names):
                        yield Found(name, "worksFor", org, child, f"affiliation:{child.lower_}", presupposed=True)


def _affiliation_gaps(name: Name, names: DocNames) -> tuple[int, ...]:
    """Tokens allowed between a name and its "of"-phrase: none, a comma, or an age between
    commas ("Tom Reed, 52, of Acme Corp.")."""
    toks, e = names.toks, name.end
    if e + 2 < len(toks) and toks[e].text == "," and is_age(toks[e + 1]) and toks[e + 2].text == ",":
        return (0, 1, 3)
    return (0, 1) if e < len(toks) and toks[e].text == "," else (0,)


def possessive_relations(name: Name, names: DocNames) -> Iterator[Found]:
    """ "Amazon's Twitch", "Berkshire's Geico": a company's company is its unit (a place's
    company is based there, a company's person works there: other rules)."""
    if name.type != ORG or name.ner_type != ORG:
        return
    h = names.head(name)
    for child in h.children:
        if child.dep_ == "poss" and child.i < name.start:
            owner = names.by_token.get(child.i)
            # right before the name: not "Apple's rival Samsung", "Intel's partner TSMC"
            between = names.doc[owner.end : name.start] if owner is not None else []
            if owner is not None and owner is not name and owner.type == ORG and owner.ner_type == ORG and not place_name(owner.text) and all(t.tag_ == "POS" for t in between):
                yield Found(owner, "owns", name, child, "possessive:owns", presupposed=True)


def discourse_relations(names: DocNames) -> Iterator[Found]:
    """ "… pressed by Kuaishou. The competitor boasts …": a definite "the competitor" names a rival
    of the company the passage is about (the nearest other subject)."""
    for token in names.toks:
        if token.lower_ not in ("competitor", "rival") or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        ante = names.coref.get(token.i)
        if ante is None:
            continue
        other = None
        for name in reversed(names.names):
            if name.start >= token.i or name is ante or name.text == ante.text:
                continue
            if name.type in (ORG, PRODUCT) and names.head(name).dep_ in ("nsubj", "nsubjpass", "poss"):
                other = name
                break
        if other is None:
            start = names.sent(token.i).start
            for t in names.sent(start - 1) if start else []:
                if t.lower_ in ("it", "its") and t.i in names.coref and names.coref[t.i].text != ante.text:
                    other = names.coref[t.i]
        if other is not None:
            yield Found(ante, "competitorOf", other, token, "discourse:the-competitor")


# "Employment Agreement", "Director Appointment Letter": contracts that make a person staff.
EMPLOYMENT_WORDS = frozenset({"employment", "appointment", "executive", "severance", "consulting"})
CONTRACT_NOUNS = frozenset({"agreement", "contract", "letter"})


def _employment_contract(noun: Token) -> bool:
    return noun.lemma_.lower() in CONTRACT_NOUNS and any(c.dep_ == "compound" and c.lower_ in EMPLOYMENT_WORDS for c in noun.children)


def contract_relations(noun: Token, names: DocNames) -> Iterator[Found]:
    """ "Employment Agreement, dated ..., between Allied Nevada Gold Corp. and David Flint",
    "signed an employment agreement with John Smith": the person works for the company."""
    if not _employment_contract(noun):
        return
    parties: list[Name] = []
    for tok in noun.subtree:
        if tok.lower_ == "between" or tok.lower_ == "with" and tok.head.i == noun.i:
            for pobj in tok.children:
                if pobj.dep_ == "pobj":
                    parties += _names_at(pobj, names)
            if tok.lower_ == "with":
                subject = names.clause_subject(noun)
                parties += [subject] if subject is not None else []
            break
    people = [n for n in parties if n.type == PERSON]
    companies = {n.text: n for n in parties if n.type == ORG and _org_like(n, names)}
    if len(companies) == 1:
        company = next(iter(companies.values()))
        for person in people:
            yield Found(person, "worksFor", company, noun, "contract:employment", presupposed=True)


def source_relations(names: DocNames) -> Iterator[Found]:
    """ "OW1102132994 Beijing XINHUA in English", "Moscow IZVESTIYA": the source is based in its city."""
    for source, city in names.sources:
        yield Found(source, "basedIn", city, names.toks[source.start], "source-line", presupposed=True)


def availability_relations(adj: Token, names: DocNames) -> Iterator[Found]:
    """ "Netflix is now available in 190 countries, including Japan": where a product or
    company is available, it operates."""
    if adj.lower_ not in ("available", "present", "active") or adj.dep_ not in ("acomp", "amod", "appos"):
        return
    if adj.dep_ == "acomp":
        subjects = [n for c in adj.head.children if c.dep_ == "nsubj" for n in _names_at(c, names)]
    else:
        subjects = _described(adj.head, names)
    where = ("in", "across", "throughout")
    for place, _ in _places_in(adj, where, names) + (_places_in(adj.head, where, names) if adj.dep_ == "acomp" else []):
        for subj in subjects:
            if subj is not place and subj.type != PERSON:
                yield Found(subj, "operatesIn", place, adj, "verb:available")


def facility_relations(noun: Token, names: DocNames) -> Iterator[Found]:
    """ "Voltaris's plant in Wroclaw", "its offices in Berlin and Paris": a company operates where
    its facilities are."""
    if noun.lemma_.lower() not in PRESENCE_NOUNS or noun.i in names.by_token:
        return
    # "Voltaris's plant in Wroclaw", "the bank's 2.4 million customers in Denmark"
    owners = [n for c in noun.children if c.dep_ == "poss" for n in _names_at(c, names, spread=False)]
    if not owners and noun.dep_ == "pobj" and noun.head.lower_ == "with":
        # "Caldera Energy, headquartered in Aberdeen, with operations in Norway"
        holder = noun.head.head
        owners = _subjects(holder, names) if holder.pos_ in ("VERB", "AUX") else _described(holder, names)
    for owner in owners:
        if owner.type in (ORG, None):
            for place, _ in _places_in(noun, ("in",), names):
                if place is not owner:
                    yield Found(owner, "operatesIn", place, noun, "noun:facility", presupposed=True)


def relations(names: DocNames) -> Iterator[Found]:
    for token in names.toks:
        if token.pos_ in ("VERB", "AUX"):
            yield from verb_relations(token, names)
            yield from sale_relations(token, names)
            yield from share_relations(token, names)
            yield from funding_relations(token, names)
            yield from presence_relations(token, names)
        elif token.pos_ == "ADJ":
            yield from availability_relations(token, names)
        elif token.pos_ in ("NOUN", "PROPN"):
            yield from identity_relations(token, names)
            yield from event_relations(token, names)
            yield from merger_relations(token, names)
            yield from facility_relations(token, names)
            yield from contract_relations(token, names)
    for name in names.names:
        yield from place_relations(name, names)
        yield from affiliation_relations(name, names)
        yield from origin_relations(name, names)
        yield from possessive_relations(name, names)
    yield from discourse_relations(names)
    yield from hyphen_relations(names)
    yield from source_relations(names)


def extract(document: Document, doc: Doc, *, offset: int = 0) -> Extraction:
    """Mentions and relations of one parsed chunk of `document` (chars shifted by `offset`)."""
    names = DocNames(doc)
    out = Extraction(document=document, aliases=dict(names.aliases), typing=names.typing_record())
    for name in names.names:
        span = doc[name.start : name.end]
        start, end = offset + span.start_char, offset + span.end_char
        votes = [(name.ner_type, name.ner_weight * name.ner_trust, "ner")] if name.ner_type else []
        votes += [(kind, weight, "context") for kind, weight in name.votes.items() if weight > 0]
        for kind, weight, evidence in votes or [("", 0.0, "none")]:
            out.mentions.append(Mention(name.text, kind, document.id, start, end, weight=weight, weak=name.weak, evidence=evidence))
    found = list(relations(names))
    # A name NER typed one way that the article's relations plainly use another way ("Cinevault
    # has partnered with ...", "Cinevault's president"): type it again and read the relations again
    roles: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for f in found:
        for slot, (name, kind) in enumerate(zip((f.subj, f.obj), ROLE_TYPES[f.pred])):
            if kind and name.type != kind and _role_may_type(name, kind, f.pred, subject=not slot):
                roles[name.text][kind] += ROLE_WEIGHT
    if roles and names.retype({t: dict(v) for t, v in roles.items()}):
        found = list(relations(names))
    seen = set()
    for f in found:
        if f.subj.text == f.obj.text:
            continue
        for slot, (name, kind) in enumerate(zip((f.subj, f.obj), ROLE_TYPES[f.pred])):
            if kind is None and not slot and f.pred == "operatesIn" and name.type is None:
                kind = ORG  # "Stripe opened an office in Dublin": an untyped name that operates somewhere
            typing_pred = "acquired" if slot and f.rule.removeprefix("verb:") in FOUNDING_VERBS else f.pred  # what is founded is no person
            if kind and _role_may_type(name, kind, typing_pred, subject=not slot):
                span = doc[name.start : name.end]
                out.mentions.append(Mention(name.text, kind, document.id, offset + span.start_char, offset + span.end_char, weight=ROLE_WEIGHT, weak=name.weak, evidence="role"))
        sent = names.sent(f.trigger.i)
        # a presupposed fact ("its partnership with X") is hedged or negated only by its own
        # modifiers; anything else by the words that govern its trigger
        modality = _local_modality(f.trigger) if f.presupposed else modality_of(f.trigger)
        sentence = names.text[sent.start_char : sent.end_char]  # (Span.text rebuilds it token by token)
        if sentence.rstrip().endswith("?") and not f.presupposed:
            modality = "hedged"
        key = (f.subj.text, f.pred, f.obj.text, sent.start, modality)
        if key in seen:
            continue
        seen.add(key)
        rule_kind = f.rule.split(":")[0]
        conf = CONFIDENCE.get(rule_kind, 0.7)
        if names.by_token.get(f.subj.start) is not None and f.trigger.i in names.coref:
            conf -= 0.1
        if f.subj.weak or f.obj.weak:
            conf -= 0.2
        if f.rule.endswith((":sentence", ":topic")):
            conf -= 0.15  # the title's company inferred from the sentence, not stated with it
        out.relations.append(
            Relation(
                subj=f.subj.text,
                pred=f.pred,
                obj=f.obj.text,
                doc_id=document.id,
                sentence=sentence.strip(),
                start=offset + sent.start_char,
                end=offset + sent.end_char,
                rule=f.rule,
                confidence=round(conf, 2),
                modality=modality,
                qualifiers=f.qualifiers,
            )
        )
    return out


COMPANY_RELATIONS = {"partnerOf", "competitorOf", "acquired", "owns", "holdsStakeIn"}
# Relations whose subject is a company whatever NER says of it: partnerships and rivalries run
# both ways, and only an organisation acquires or is "based in" a place.
COMPANY_SUBJECTS = {"partnerOf", "competitorOf", "acquired", "basedIn"}


def _role_may_type(name: Name, kind: str, pred: str, *, subject: bool = False) -> bool:
    """Role evidence fills gaps in NER; it never overrides a person or a known place."""
    if name.ner_type is None:
        return True
    if name.ner_type == PLACE and kind != PLACE:
        # a company's role overrides NER's "place" only for company-to-company relations:
        # "the deal between Disney and Netflix", "Netflix, which is based in Los Gatos", not
        # "a Phoenix newspaper reporter"
        return pred in (COMPANY_SUBJECTS if subject else COMPANY_RELATIONS) and not place_name(name.text)
    if name.ner_type == PERSON and kind in (ORG, PRODUCT) and not subject and pred in ("acquired", "owns", "holdsStakeIn", "launched"):
        return True  # nobody acquires, owns, launches or holds a stake in a person: NER misread a name
    return name.ner_type == PRODUCT and kind == ORG


def _local_modality(noun: Token) -> str:
    """For "its partnership with X": only the noun's own modifiers can hedge or negate it."""
    from .lexicon import HEDGE_ADJECTIVES, NEGATING_ADJECTIVES

    for child in noun.children:
        if child.lower_ in NEGATING_ADJECTIVES or (child.dep_ == "det" and child.lower_ == "no"):
            return "negated"
        if child.lower_ in HEDGE_ADJECTIVES:
            return "hedged"
    # ... and the verb that takes it as object: "have terminated the agreement", "is weighing its
    # own investment in X" (a deal ended or only weighed is not stated as standing)
    from .lexicon import HEDGE_VERBS, NEGATING_VERBS

    if noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        verb = noun.head.lemma_.lower()
        if verb in NEGATING_VERBS and verb not in ("end", "stop"):
            return "negated"
        if verb in HEDGE_VERBS:
            return "hedged"
    return ASSERTED


__all__ = ["EVENT_NOUNS", "IDENTITY_NOUNS", "VERBS", "extract", "relations"]
