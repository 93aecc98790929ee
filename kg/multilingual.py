"""Articles in a language with no installed spaCy pipeline.

The English model must not parse them (it invents names and relations), so we find the entities
already known from other articles, by name and alias, and new names the text itself evidences
(kg/multilingual_names.py), and state the few relations a sentence makes unmistakable: two
companies and a partnership or rivalry word, or one of a small per-language set of patterns
("X ha acquisito Y"), with no hedge, negation or condition anywhere in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import ASSERTED, ORG, PERSON, PRODUCT, Document, Entity, Extraction, Mention, Relation
from .multilingual_names import candidates, pattern_relations

# language -> relation -> trigger word stems (lower case)
TRIGGERS: dict[str, dict[str, tuple[str, ...]]] = {
    "it": {
        "partnerOf": ("accordo", "collaborazion", "partnership", "alleanza", "intesa"),
        "competitorOf": ("rival", "concorrent", "competitor"),
    },
    "es": {
        "partnerOf": ("acuerdo", "colaboración", "alianza", "asociación"),
        "competitorOf": ("rival", "competidor", "competencia"),
    },
    "fr": {
        "partnerOf": ("accord", "partenariat", "collaboration", "alliance"),
        "competitorOf": ("rival", "concurren"),
    },
    "de": {
        "partnerOf": ("partnerschaft", "kooperation", "zusammenarbeit", "allianz", "vereinbarung"),
        "competitorOf": ("rivale", "konkurrent", "wettbewerber"),
    },
    "pt": {
        "partnerOf": ("acordo", "parceria", "colaboração", "aliança"),
        "competitorOf": ("rival", "concorrent"),
    },
    "nl": {
        "partnerOf": ("samenwerking", "partnerschap", "overeenkomst"),
        "competitorOf": ("rivaal", "concurrent"),
    },
}
# Words that make any statement in the sentence uncertain, negated or conditional
# (stems match word starts; a trailing space marks a whole word).
BLOCKERS: dict[str, tuple[str, ...]] = {
    "it": (
        "possibil",
        "potenzial",
        "potrebb",
        "sarebb",
        "forse",
        "ipotes",
        "se ",
        "non ",
        "nemmeno",
        "smentit",
    ),
    "es": ("posib", "podría", "sería", "quizá", "si ", "no ", "nunca", "desment"),
    "fr": ("possibl", "pourrait", "serait", "peut-être", "si ", "ne ", "pas ", "jamais", "dément"),
    "de": (
        "möglich",
        "könnte",
        "würde",
        "vielleicht",
        "falls ",
        "wenn ",
        "nicht ",
        "kein",
        "nie ",
        "dement",
    ),
    "pt": ("possív", "poderia", "seria", "talvez", "se ", "não ", "nunca", "desment"),
    "nl": ("mogelijk", "zou ", "misschien", "als ", "niet ", "geen ", "nooit "),
}


def _blocked(sentence: str, blockers: tuple[str, ...]) -> bool:
    if "?" in sentence:
        return True
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", sentence.casefold())
    for b in blockers:
        if b.endswith(" "):
            if b.strip() in words:
                return True
        elif any(w.startswith(b) for w in words):
            return True
    return False


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def link_known_entities(document: Document, entities: Iterable[Entity]) -> Extraction:
    """Known entities and new, evidenced names; unmistakable relations between them."""
    names: dict[str, Entity] = {}
    for entity in entities:
        for name in {entity.label, *entity.aliases}:
            if len(name) >= 3 or name.isupper():
                names[name] = entity
    out = Extraction(document=document)
    pattern = None
    if names:
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(r"(?<![\w])(" + alternatives + r")(?![\w])")
    lang = document.lang or ""
    for sent in _SENTENCE.finditer(document.text):
        known = [
            (m.start(), m.end(), m.group(1), names[m.group(1)])
            for m in (pattern.finditer(sent.group()) if pattern else ())
        ]
        _sentence(out, sent.group(), sent.start(), known, lang)
    return out


def _sentence(out: Extraction, text: str, at: int, known: list, lang: str) -> None:
    """One sentence: its known and new names, then the relations it makes unmistakable."""
    doc_id = out.document.id
    found: list[tuple[Entity, str]] = []
    for start, end, name, entity in known:
        out.mentions.append(
            Mention(
                name, entity.type, doc_id, at + start, at + end, weight=0.0, evidence="gazetteer"
            )
        )
        if entity.type in (ORG, PRODUCT) and entity.key not in [e.key for e, _ in found]:
            found.append((entity, name))
    new = [
        c
        for c in candidates(text, at, lang)
        if not any(s < c.end - at and c.start - at < e for s, e, _, _ in known)
    ]
    out.mentions.extend(
        Mention(c.text, c.type, doc_id, c.start, c.end, evidence="context") for c in new if c.type
    )
    if _blocked(text.casefold(), BLOCKERS.get(lang, ())):
        return
    stated: set[tuple[str, str, str]] = set()
    if len(found) == 2:
        _trigger_relation(out, text, at, lang, found[0][1], found[1][1], stated)
    args = sorted(
        [(s, e, name, entity.type) for s, e, name, entity in known]
        + [(c.start - at, c.end - at, c.text, c.type) for c in new]
    )
    _pattern_relations(out, text, at, lang, args, stated)


def _relation(
    out: Extraction, triple: tuple[str, str, str], text: str, at: int, rule: str, confidence: float
) -> None:
    out.relations.append(
        Relation(
            *triple,
            out.document.id,
            text.strip(),
            at,
            at + len(text),
            rule=rule,
            confidence=confidence,
            modality=ASSERTED,
        )
    )


def _trigger_relation(
    out: Extraction, text: str, at: int, lang: str, a: str, b: str, stated: set
) -> None:
    """Two companies and a partnership or rivalry word anywhere in the sentence."""
    lower = text.casefold()
    for pred, stems in TRIGGERS.get(lang, {}).items():
        if any(re.search(r"\b" + re.escape(stem), lower) for stem in stems):
            stated.add((a, pred, b))
            _relation(out, (a, pred, b), text, at, f"gazetteer:{lang}:{pred}", 0.5)
            return


def _pattern_relations(
    out: Extraction, text: str, at: int, lang: str, args: list, stated: set
) -> None:
    """The per-language patterns; a name no evidence typed takes the pattern's type."""
    for pred, si, oi, s_type, o_type in pattern_relations(
        text, [(s, e) for s, e, _, _ in args], lang
    ):
        subj, obj = args[si], args[oi]
        if not (_fits(subj[3], s_type) and _fits(obj[3], o_type)) or subj[2] == obj[2]:
            continue
        for (s, e, name, kind), wanted in ((subj, s_type), (obj, o_type)):
            if kind is None:
                out.mentions.append(
                    Mention(
                        name,
                        wanted or PRODUCT,
                        out.document.id,
                        at + s,
                        at + e,
                        weight=0.5,
                        evidence="context",
                    )
                )
        if (subj[2], pred, obj[2]) not in stated:
            stated.add((subj[2], pred, obj[2]))
            _relation(out, (subj[2], pred, obj[2]), text, at, f"pattern:{lang}:{pred}", 0.6)


def _fits(kind: str | None, wanted: str) -> bool:
    """A typed name must have the pattern's type; an untyped one may take it (not a person's)."""
    if kind is None:
        return wanted != PERSON
    return not wanted or kind == wanted or (wanted == ORG and kind == PRODUCT)
