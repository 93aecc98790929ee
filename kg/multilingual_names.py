"""New names and their types in an article no installed pipeline can parse.

Without a parser, an Italian article could only link names already known from English ones; a
company that only it mentions was lost with all its facts. Romance languages capitalise proper
names and little else, so a run of capitalised words inside a sentence is a name candidate. A
candidate is typed only on evidence a reader would accept, never by default:
- a legal form ends it ("Larix S.p.A.") or a company noun precedes it ("la società Larix"):
  an organisation;
- the gazetteer knows it as a place, in English or in the article's language ("Germania"): a place;
- its first word is a given name and a capitalised surname follows ("Giulia Ferri"): a person.
A sentence-initial word is a candidate only when it cannot be an ordinary word: not a stop word
of the language, and either shaped like a brand ("TikTok") or a subject (an auxiliary or an
apposition's comma follows it).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache

from . import gazetteer
from .lexicons import is_given_name, place_name
from .model import ORG, PERSON, PLACE

# per language: words that open a clause as the subject's auxiliary, and company nouns
AUXILIARIES = {
    "it": {"ha", "hanno", "è", "sono", "aveva", "avevano", "era", "sta", "stanno"},
    "es": {"ha", "han", "es", "son", "había", "habían", "está", "están"},
    "fr": {"a", "ont", "est", "sont", "avait", "avaient"},
    "pt": {"tem", "têm", "é", "são", "tinha", "tinham", "está", "estão"},
}
COMPANY_NOUNS = {
    "it": {"società", "gruppo", "azienda", "banca", "startup", "colosso", "compagnia", "impresa"},
    "es": {"empresa", "compañía", "grupo", "banco", "startup", "firma", "sociedad"},
    "fr": {"société", "groupe", "entreprise", "banque", "startup", "firme", "compagnie"},
    "pt": {"empresa", "companhia", "grupo", "banco", "startup", "firma", "sociedade"},
}
LEGAL_FORMS = {
    "s.p.a.",
    "spa",
    "s.r.l.",
    "srl",
    "s.a.",
    "sa",
    "s.l.",
    "sl",
    "sarl",
    "s.a.r.l.",
    "sas",
    "ltda",
    "ltda.",
    "ag",
    "gmbh",
    "ltd",
    "ltd.",
    "inc",
    "inc.",
    "plc",
    "n.v.",
    "nv",
    "b.v.",
}
NAME_JOINERS = {"di", "de", "del", "della", "da", "do", "dos", "du", "des", "&", "e"}
_WORD = re.compile(r"[^\W\d_][\w&'’.-]*|\d[\w.-]*|[«»“”\"(),;:]", re.UNICODE)
_OPENERS = set('«“"(:;')
# towns share names with companies ("Pinewood"): without a parse, only sizeable ones count
MIN_TOWN = 100_000


@dataclass(frozen=True)
class Candidate:
    """A capitalised name found in the text, its character span, and its type if evidenced."""

    text: str
    start: int
    end: int
    type: str | None
    evidence: str


@lru_cache(maxsize=8)
def _stop_words(lang: str) -> frozenset[str]:
    try:
        module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(module.STOP_WORDS)


def _unstop(word: str, at: int) -> tuple[str, int]:
    """A sentence's final period is no part of its last word ("Larix."), an initialism's is."""
    if word.endswith(".") and word.count(".") == 1 and word.casefold() not in LEGAL_FORMS:
        word = word[:-1]
    return word, at


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _brand_shaped(word: str) -> bool:
    return any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word)


def candidates(sentence: str, offset: int, lang: str) -> list[Candidate]:
    """Name candidates of one sentence (`offset`: the sentence's start in the document)."""
    words = [_unstop(m.group(), m.start()) for m in _WORD.finditer(sentence)]
    stops = _stop_words(lang)
    found: list[Candidate] = []
    i = 0
    while i < len(words):
        word, at = words[i]
        initial = i == 0 or words[i - 1][0] in _OPENERS
        if not _capitalised(word) or (initial and word.casefold() in stops):
            i += 1
            continue
        j = i + 1
        while j < len(words) and (
            _capitalised(words[j][0])
            or words[j][0].casefold() in LEGAL_FORMS
            or (
                words[j][0] in NAME_JOINERS
                and j + 1 < len(words)
                and _capitalised(words[j + 1][0])
                and words[j][0] != "e"
            )
        ):
            j += 1
        nxt = words[j][0].casefold() if j < len(words) else ""
        subject = nxt in AUXILIARIES.get(lang, ()) or nxt == ","
        if initial and j == i + 1 and not _brand_shaped(word) and not subject:
            i = j
            continue
        text = sentence[at : words[j - 1][1] + len(words[j - 1][0])]
        prev = words[i - 1][0].casefold() if i else ""
        kind, evidence = _type_of(text, [w for w, _ in words[i:j]], prev, lang)
        found.append(Candidate(text, offset + at, offset + at + len(text), kind, evidence))
        i = j
    return found


def _type_of(text: str, words: list[str], prev: str, lang: str) -> tuple[str | None, str]:
    if words[-1].casefold() in LEGAL_FORMS and len(words) > 1:
        return ORG, "legal-form"
    if prev in COMPANY_NOUNS.get(lang, ()):
        return ORG, "company-noun"
    if english_place(text, lang):
        return PLACE, "gazetteer"
    if 2 <= len(words) <= 3 and is_given_name(words[0]) and all(_capitalised(w) for w in words):
        return PERSON, "given-name"
    return None, "capitalised"


def english_place(text: str, lang: str) -> str | None:
    """The English name of a place written in the article's language, if the gazetteer has it."""
    found = place_name(text) or gazetteer.translated_place(text, lang)
    if found:
        return found
    known = gazetteer.place(text)
    if known and (known.kind != "city" or known.population >= MIN_TOWN):
        return known.name
    return None


# Relation patterns over a sentence whose names are written as <0>, <1>, ...: (relation,
# pattern, subject group, object group, subject type, object type). Past tenses only: a deal
# announced as done, never one planned ("acquisirà") or weighed ("potrebbe acquisire").
_N = r"<(\d+)>"
_GAP = r"(?:[^<>\s]+ ){0,3}?"
ROLE_WORDS = {
    "it": r"(?:amministratore delegato|amministratrice delegata|presidente|direttore generale|"
    r"direttrice generale|fondatore|fondatrice|portavoce|direttore finanziario)",
}
PATTERNS: dict[str, list[tuple[str, str, int, int, str, str]]] = {
    "it": [
        (
            "acquired",
            _N + r" (?:ha|hanno) (?:acquisito|acquistato|rilevato|comprato) " + _GAP + _N,
            1,
            2,
            ORG,
            ORG,
        ),
        ("launched", _N + r" (?:ha|hanno) (?:lanciato|presentato) " + _GAP + _N, 1, 2, ORG, ""),
        (
            "partnerOf",
            _N + r" (?:[^<>\s]+ ){0,6}?(?:accordo|partnership|collaborazione|alleanza|"
            r"intesa)(?: [^<>\s]+){0,4}? con " + _N,
            1,
            2,
            ORG,
            ORG,
        ),
        (
            "basedIn",
            _N + r",? (?:[^<>\s]+ ){0,4}?(?:con|ha) sede (?:a|in|nel|nella) " + _N,
            1,
            2,
            ORG,
            PLACE,
        ),
        (
            "worksFor",
            _N + r", (?:l'|il |la )?" + ROLE_WORDS["it"] + r" (?:di|del|della|dello) " + _N,
            1,
            2,
            PERSON,
            ORG,
        ),
        (
            "worksFor",
            ROLE_WORDS["it"] + r" (?:di|del|della|dello) " + _N + r",? " + _N,
            2,
            1,
            PERSON,
            ORG,
        ),
    ],
}


def pattern_relations(sentence: str, spans: list[tuple[int, int]], lang: str):
    """(relation, subject index, object index, subject type, object type) the patterns find.

    `spans` are the names' character spans within `sentence`, in order and not overlapping.
    """
    out, pos, parts = [], 0, []
    for k, (start, end) in enumerate(spans):
        parts += [sentence[pos:start], f"<{k}>"]
        pos = end
    parts.append(sentence[pos:])
    text = " ".join("".join(parts).replace(",", " ,").split()).replace(" ,", ",")
    for pred, pattern, s, o, s_type, o_type in PATTERNS.get(lang, []):
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            out.append((pred, int(m.group(s)), int(m.group(o)), s_type, o_type))
    return out
