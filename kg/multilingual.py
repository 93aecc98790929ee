"""Articles in a language with no installed spaCy pipeline.

The English model must not parse them (it invents names and relations), so we only find the
entities already known from other articles, by name and alias, and state the few relations a
sentence makes unmistakable: two known companies and a partnership or rivalry word, with no
hedge, negation or condition anywhere in the sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .model import ASSERTED, ORG, PRODUCT, Document, Entity, Extraction, Mention, Relation

# language -> relation -> trigger word stems (lower case)
TRIGGERS: dict[str, dict[str, tuple[str, ...]]] = {
    "it": {"partnerOf": ("accordo", "collaborazion", "partnership", "alleanza", "intesa"), "competitorOf": ("rival", "concorrent", "competitor")},
    "es": {"partnerOf": ("acuerdo", "colaboración", "alianza", "asociación"), "competitorOf": ("rival", "competidor", "competencia")},
    "fr": {"partnerOf": ("accord", "partenariat", "collaboration", "alliance"), "competitorOf": ("rival", "concurren")},
    "de": {"partnerOf": ("partnerschaft", "kooperation", "zusammenarbeit", "allianz", "vereinbarung"), "competitorOf": ("rivale", "konkurrent", "wettbewerber")},
    "pt": {"partnerOf": ("acordo", "parceria", "colaboração", "aliança"), "competitorOf": ("rival", "concorrent")},
    "nl": {"partnerOf": ("samenwerking", "partnerschap", "overeenkomst"), "competitorOf": ("rivaal", "concurrent")},
}
# Words that make any statement in the sentence uncertain, negated or conditional
# (stems match word starts; a trailing space marks a whole word).
BLOCKERS: dict[str, tuple[str, ...]] = {
    "it": ("possibil", "potenzial", "potrebb", "sarebb", "forse", "ipotes", "se ", "non ", "nemmeno", "smentit"),
    "es": ("posib", "podría", "sería", "quizá", "si ", "no ", "nunca", "desment"),
    "fr": ("possibl", "pourrait", "serait", "peut-être", "si ", "ne ", "pas ", "jamais", "dément"),
    "de": ("möglich", "könnte", "würde", "vielleicht", "falls ", "wenn ", "nicht ", "kein", "nie ", "dement"),
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
    """Mentions of already-known entities, plus unmistakable partnerships and rivalries."""
    names: dict[str, Entity] = {}
    for entity in entities:
        for name in {entity.label, *entity.aliases}:
            if len(name) >= 3 or name.isupper():
                names[name] = entity
    out = Extraction(document=document)
    if not names:
        return out
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])")
    triggers = TRIGGERS.get(document.lang or "", {})
    blockers = BLOCKERS.get(document.lang or "", ())
    for sent in _SENTENCE.finditer(document.text):
        found = []
        for match in pattern.finditer(sent.group()):
            entity = names[match.group(1)]
            start = sent.start() + match.start()
            out.mentions.append(Mention(match.group(1), entity.type, document.id, start, start + len(match.group(1)), weight=0.0, evidence="gazetteer"))
            if entity.type in (ORG, PRODUCT) and entity.key not in [e.key for e, _ in found]:
                found.append((entity, match.group(1)))
        if len(found) != 2 or not triggers:
            continue
        lower = sent.group().casefold()
        if _blocked(lower, blockers):
            continue
        for pred, stems in triggers.items():
            if any(re.search(r"\b" + re.escape(stem), lower) for stem in stems):
                (a, a_name), (b, b_name) = found
                out.relations.append(
                    Relation(a_name, pred, b_name, document.id, sent.group().strip(), sent.start(), sent.end(),
                             rule=f"gazetteer:{document.lang}:{pred}", confidence=0.5, modality=ASSERTED)
                )
                break
    return out
