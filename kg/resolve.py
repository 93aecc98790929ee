"""Corpus-level entity resolution: one node per real-world entity, typed by majority vote.

Names are grouped by a normalised key ("Wpp Plc" and "WPP" -> "wpp"; "U.S." -> "united states"),
then short forms join the one long form they abbreviate ("Trump" -> "Donald Trump",
"Susquehanna" -> "Susquehanna International Group"). Names of different types never merge.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .abbreviations import initials_match
from .lexicons import COMPANY_WORDS, CORPORATE_TAIL, COUNTRIES, KEY_HONORIFICS, LEGAL_SUFFIXES
from .lexicons import NOT_NAMES, is_given_name, place_name, region_name
from .model import (
    ASSERTED,
    HEDGED,
    NEGATED,
    ORG,
    PERSON,
    PLACE,
    PRODUCT,
    Entity,
    Extraction,
    Relation,
    strip_invisible,
)

from .relations import RELATION_TYPES, SYMMETRIC

# Which types each relation accepts (subject types, object types); anything else is a misreading.
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    r.name: (r.domain, r.range) for r in RELATION_TYPES
}
# Countries as a key's first word may spell them ("us", "uk", "china")
COUNTRIES_LOWER = frozenset(
    w for w in ("us", "uk", "eu", *(c.casefold() for c in COUNTRIES)) if " " not in w
)
# Titles dropped from the front of a key ("President-elect Donald Trump" -> "donald trump").
_KEY_TITLES = (
    frozenset(
        """mr mr. mrs mrs. ms ms. dr dr. prof prof. president president-elect senator sen. rep.
        governor gov. mayor ceo former late""".split()
    )
    | KEY_HONORIFICS
)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def name_key(name: str) -> str:
    """Normalised form under which spellings of one name meet."""
    # invisible bidi/zero-width characters never tell two names apart
    text = unicodedata.normalize("NFKC", strip_invisible(name)).translate(_QUOTES).strip()
    place = place_name(text)
    if place:
        return place.casefold()  # "U.S." -> "united states", "Mass." -> "massachusetts"
    # "Lubbock, Texas" is another spelling of Lubbock
    head, comma, tail = text.rpartition(",")
    if comma and head.strip() and region_name(tail.strip()) and not region_name(head.strip()):
        return name_key(head)
    text = re.sub(r"'s$", "", text)
    tokens = text.casefold().replace(",", " ").split()
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    while len(tokens) > 2 and tokens[0] in _KEY_TITLES:
        tokens.pop(0)
    if len(tokens) == 2 and tokens[0] in KEY_HONORIFICS:
        tokens.pop(0)  # "President Kennedy", "Mr. Deese": the surname alone
    return " ".join(t.replace(".", "") if len(t) <= 5 else t for t in tokens)


@dataclass
class _Cluster:
    votes: Counter = field(default_factory=Counter)
    context: Counter = field(default_factory=Counter)  # votes from context, not the NER label
    forms: Counter = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    strong: bool = False  # seen at least once outside headlines and page furniture
    count: int = 0


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, into: str) -> None:
        ra, rb = self.find(a), self.find(into)
        if ra != rb:
            self.parent[ra] = rb


@dataclass
class Resolution:
    entities: list[Entity]
    relations: list[Relation]
    key_of: dict[str, str]  # name key -> entity key

    def entity_for(self, name: str) -> str | None:
        return self.key_of.get(name_key(name))


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    clusters, relations, aliases = _cluster(extractions)
    uf = _UnionFind()
    for key in clusters:
        uf.find(key)
    for short, long in aliases:
        a, b = name_key(short), name_key(long)
        if (
            a in clusters
            and b in clusters
            and (
                _compatible(clusters[a], clusters[b])
                or _company_shaped(b)
                and _leading(clusters[a]) in (ORG, PERSON)
            )
        ):
            # ("Skyward" beside "Skyward Airlines" joins it whatever NER called either)
            uf.union(a, b)
    _merge_short_forms(clusters, uf)
    _merge_acronyms(clusters, uf)
    _merge_spellings(clusters, uf)
    merged, members = _gather(clusters, uf)
    entities = _entities(merged, members)
    key_of = {key: uf.find(key) for key in clusters if uf.find(key) in entities}
    return Resolution(
        entities=sorted(entities.values(), key=lambda e: e.label.casefold()),
        relations=_prefer_precision(_fitting(relations, key_of, entities)),
        key_of=key_of,
    )


def _cluster(
    extractions: Iterable[Extraction],
) -> tuple[dict[str, _Cluster], list[Relation], list[tuple[str, str]]]:
    """Mentions grouped by normalised key, with every relation and stated alias."""
    clusters: dict[str, _Cluster] = defaultdict(_Cluster)
    relations: list[Relation] = []
    aliases: list[tuple[str, str]] = []
    for ex in extractions:
        for m in ex.mentions:
            key = name_key(m.name)
            if not key or key in NOT_NAMES:
                continue
            c = clusters[key]
            if m.type and m.weight > 0:
                c.votes[m.type] += m.weight
                if m.evidence != "ner":
                    c.context[m.type] += m.weight
            c.forms[m.name] += 1
            c.docs.add(m.doc_id)
            c.count += 1
            c.strong |= not m.weak
        relations.extend(ex.relations)
        aliases.extend(ex.aliases.items())
    return clusters, relations, aliases


def _gather(
    clusters: dict[str, _Cluster], uf: _UnionFind
) -> tuple[dict[str, _Cluster], dict[str, list[str]]]:
    """Clusters summed under their union-find roots."""
    merged: dict[str, _Cluster] = defaultdict(_Cluster)
    members: dict[str, list[str]] = defaultdict(list)
    for key, c in clusters.items():
        root = uf.find(key)
        m = merged[root]
        m.votes.update(c.votes)
        m.context.update(c.context)
        m.forms.update(c.forms)
        m.docs |= c.docs
        m.count += c.count
        m.strong |= c.strong
        members[root].append(key)
    return merged, members


def _entities(merged: dict[str, _Cluster], members: dict[str, list[str]]) -> dict[str, Entity]:
    """One entity per typed root; a name nothing confirms, or seen only in a headline, is none."""
    types: dict[str, str] = {}
    for root, c in merged.items():
        if not c.votes or not c.strong:
            continue
        etype = max(c.votes, key=lambda t: (c.votes[t], t == ORG))
        if c.votes[etype] > 0:
            types[root] = etype
    _adjust_types(types, merged, members)
    entities: dict[str, Entity] = {}
    for root, etype in types.items():
        c = merged[root]
        label = _label(root, c, etype)
        entities[root] = Entity(
            key=root,
            label=label,
            type=etype,
            aliases=set(c.forms) - {label},
            docs=c.docs,
            mentions=c.count,
        )
    return entities


def _fitting(
    relations: list[Relation], key_of: dict[str, str], entities: dict[str, Entity]
) -> list[Relation]:
    """Relations between two entities whose types fit the relation's declared signature."""
    kept: list[Relation] = []
    for rel in relations:
        s, o = key_of.get(name_key(rel.subj)), key_of.get(name_key(rel.obj))
        if s is None or o is None or s == o:
            continue
        subj_types, obj_types = SIGNATURES[rel.pred]
        if entities[s].type not in subj_types or entities[o].type not in obj_types:
            continue
        if rel.pred in SYMMETRIC and o < s:
            s, o = o, s  # one direction for symmetric relations
        kept.append(replace(rel, subj=s, obj=o))
    return kept


def _prefer_precision(relations: list[Relation]) -> list[Relation]:
    """When two readings of one sentence disagree (one rule asserts, another sees a negation),
    do not assert. Different sentences may well differ ("denied rumours ... later bought"), except
    for a deal the article says was called off: "agreed to buy" elsewhere in it is no purchase."""
    negated = {
        (r.subj, r.pred, r.obj, r.doc_id, r.start) for r in relations if r.modality == NEGATED
    }
    called_off = {
        (r.doc_id, frozenset((r.subj, r.obj)))
        for r in relations
        if r.modality == NEGATED and r.pred == "acquired" and r.rule.startswith("noun:")
    }
    return [
        replace(r, modality=HEDGED, rule=f"{r.rule}+contradicted")
        if r.modality == ASSERTED
        and (
            (r.subj, r.pred, r.obj, r.doc_id, r.start) in negated
            or r.pred == "acquired"
            and (r.doc_id, frozenset((r.subj, r.obj))) in called_off
        )
        else r
        for r in relations
    ]


def _adjust_types(
    types: dict[str, str], merged: dict[str, _Cluster], members: dict[str, list[str]]
) -> None:
    """Corpus-level typing the per-mention votes cannot see.

    - "Amazon Live", "TikTok Shop": a company's name plus a word names one of its products.
    - A lone one-word "person" that no title, role, pronoun or full name supports is far more
      often a company the small model does not know ("Meta", "Backlinko") than a person.
    """
    surnames = {key.split()[-1] for key, t in types.items() if t == PERSON and len(key.split()) > 1}
    for root, etype in list(types.items()):
        toks = root.split()
        c = merged[root]
        if etype == ORG and len(toks) > 1 and not all(t in COMPANY_WORDS for t in toks[1:]):
            for k in range(len(toks) - 1, 0, -1):
                prefix = " ".join(toks[:k])
                if types.get(prefix) == ORG:
                    c.votes[PRODUCT] += 2.0
                    types[root] = max(c.votes, key=lambda t: (c.votes[t], t == ORG))
                    break
        if (
            etype == PERSON
            and len(toks) == 1
            and len(members[root]) == 1
            and not c.context[PERSON]
            and root not in surnames
        ):
            types[root] = ORG
        elif etype == PERSON and (
            any(_company_shaped(k) for k in members[root])
            or c.context[ORG] >= 3.0
            and c.context[ORG] >= 2 * c.context[PERSON]
        ):
            # "Korvane Semiconductor Inc." is nobody's name, and a "person" the articles keep
            # treating as a company (its president, its shares, its spokesperson) is one: the
            # small model calls many unfamiliar company names people
            types[root] = ORG


def _company_shaped(key: str) -> bool:
    """ "korvane semiconductor", "skyward airlines": nobody's personal name."""
    words = key.split()
    return len(words) > 1 and words[-1] in COMPANY_WORDS


def _leading(c: _Cluster) -> str | None:
    return max(c.votes, key=c.votes.get) if c.votes and max(c.votes.values()) > 0 else None


def _compatible(a: _Cluster, b: _Cluster) -> bool:
    """Names of different types never merge ("Houston" and "AP")."""
    ta, tb = _leading(a), _leading(b)
    return ta is None or tb is None or ta == tb


_GROUP_WORDS = frozenset({"group", "holding", "holdings"})


def _merge_short_forms(clusters: dict[str, _Cluster], uf: _UnionFind) -> None:
    """Surnames join the one full name that ends with them; "Meta" joins "Meta Platforms"."""

    def kind(c: _Cluster) -> str | None:
        return max(c.votes, key=c.votes.get) if c.votes and max(c.votes.values()) > 0 else None

    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    by_model: dict[str, list[str]] = defaultdict(list)  # "volvex aria" under "aria"
    for key, c in clusters.items():
        toks = key.split()
        if len(toks) >= 2:
            if kind(c) == PERSON:
                by_last[toks[-1]].append(key)
            if kind(c) == PRODUCT:
                by_model[toks[-1]].append(key)
            if kind(c) in (ORG, None) and all(t in CORPORATE_TAIL for t in toks[1:]):
                by_first[toks[0]].append(key)
    for key, c in clusters.items():
        if len(key.split()) != 1 or kind(c) == PLACE:
            continue
        if any(f.casefold().split()[-1] in _GROUP_WORDS for f in c.forms if " " in f):
            continue  # "Halden Group" (key "halden") is the group, not its "Halden Industries"
        full = by_last.get(key, [])
        if kind(c) == ORG and c.context[ORG] > c.context[PERSON]:
            # a company the articles treat as one is no surname of a given-named person:
            # "Ford" is not "Bill Ford"
            full = [k for k in full if not is_given_name(k.split()[0])]
        if not full and kind(c) == PRODUCT:
            # a model named without its make in the article that names both ("Aria")
            full = [k for k in by_model.get(key, []) if clusters[k].docs & c.docs]
        if not full and kind(c) == PERSON and len(key) >= 5:
            # a misspelt surname in the same article as the full name ("Purbook" for "Purboo")
            full = [
                k
                for last, keys in by_last.items()
                if _one_edit(key, last)
                for k in keys
                if clusters[k].docs & c.docs
            ]
        if len(full) == 1:
            uf.union(key, full[0])
            continue
        longer = by_first.get(key, [])
        if (
            len(longer) == 1
            and kind(c) in (ORG, None, PERSON)
            and kind(clusters[longer[0]]) in (ORG, None)
        ):
            uf.union(key, longer[0])
    # A short-form person ("Trump") typed ORG by NER still joins a unique full person name.


def _merge_acronyms(clusters: dict[str, _Cluster], uf: _UnionFind) -> None:
    """A short form used alone ("HMG") joins the one long name in the corpus whose capitalised
    words give its letters in order ("Halden Motor Group"), when no bracket in its own article
    defined it; with two candidates ("Halden Motor Group", "Hexa Media Group") it stays apart."""
    longs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, c in clusters.items():
        if len(key.split()) > 1 and _leading(c) in (ORG, None):
            for form in c.forms:
                if form[:1].isupper():
                    longs[form[0].upper()].append((key, form))
    members = Counter(uf.find(k) for k in clusters)
    for key, c in clusters.items():
        if " " in key or uf.find(key) != key or _leading(c) not in (ORG, None):
            continue
        if members[key] > 1:
            continue  # already the root of an alias
        # three letters at least: "SS", "AP" fit far too many long names across a corpus
        forms = [f for f in c.forms if sum(ch.isupper() for ch in f) >= 3 and " " not in f]
        fits = {
            uf.find(k)
            for f in forms
            for k, long in longs.get(f[0].upper(), ())
            if initials_match(f, long) and _compatible(c, clusters[k])
        }
        if len(fits) == 1:
            uf.union(key, fits.pop())


def _merge_spellings(clusters: dict[str, _Cluster], uf: _UnionFind) -> None:
    """Spellings of one organisation the key does not join: a country in front ("US Federal
    Reserve" for "Federal Reserve") and a plural dropped ("Allied Irish Bank" for "Allied Irish
    Banks")."""
    for key, c in clusters.items():
        toks = key.split()
        if len(toks) < 2 or _leading(c) not in (ORG, None):
            continue
        variants = [key + "s"]
        if len(toks) >= 3 and toks[0] in COUNTRIES_LOWER:
            variants.append(" ".join(toks[1:]))
        for other in variants:
            if other in clusters and _leading(clusters[other]) in (ORG, None):
                uf.union(key, other)
                break


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one insertion, deletion or substitution."""
    if a == b or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _label(root: str, c: _Cluster, etype: str) -> str:
    canonical = next((name for name in COUNTRIES if name.casefold() == root), None)
    if canonical:
        return canonical
    forms = [f for f in c.forms if any(ch.isupper() for ch in f)] or list(c.forms)
    if etype == PERSON:
        untitled = [f for f in forms if f.split()[0].casefold() not in _KEY_TITLES] or forms
        return max(
            untitled, key=lambda f: (len(f.split()) if len(f.split()) <= 3 else 0, c.forms[f], f)
        )
    return max(forms, key=lambda f: (c.forms[f], -abs(len(f.split()) - 2), f))
