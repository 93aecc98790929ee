"""Is a trigger asserted, hedged or negated? Decided from the words that govern it.

"Amazon would have a strong motive to acquire TikTok": walking up from "acquire" meets
"motive" (a hedge noun) and "would" (a modal), so no acquisition is asserted.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicons import (
    CONDITION_MARKERS,
    HEDGE_ADJECTIVES,
    HEDGE_MODALS,
    HEDGE_NOUNS,
    HEDGE_VERBS,
    NEGATING_ADJECTIVES,
    NEGATING_VERBS,
)
from .model import ASSERTED, HEDGED, NEGATED

# Walking stops at these: what a source says is still what the article reports.
REPORTING = {
    "say",
    "tell",
    "report",
    "announce",
    "state",
    "confirm",
    "add",
    "write",
    "note",
    "show",
    "reveal",
    "accord",
}


def _own_marks(token: Token) -> str | None:
    negated = hedged = False
    for child in token.children:
        dep, lower = child.dep_, child.lower_
        if dep == "neg" or (dep == "det" and lower == "no") or lower in ("never", "n't", "not"):
            negated = True
        elif dep in ("aux", "auxpass") and lower in HEDGE_MODALS:
            hedged = True
        elif dep == "mark" and lower in CONDITION_MARKERS:
            hedged = True
        elif dep in ("amod", "advmod") and lower in HEDGE_ADJECTIVES | {
            "reportedly",
            "allegedly",
            "possibly",
            "perhaps",
            "maybe",
            "potentially",
        } - {"reported"}:
            hedged = True
        elif dep == "amod" and lower in NEGATING_ADJECTIVES:
            negated = True
        elif dep == "aux" and lower == "to" and token.head.lower_ in ("yet",):
            negated = True
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and lemma in NEGATING_VERBS:
        negated = True
    if token.pos_ in ("VERB", "AUX") and lemma in HEDGE_VERBS:
        hedged = True
    if token.pos_ == "NOUN" and lemma in HEDGE_NOUNS:
        hedged = True
    if token.pos_ in ("ADJ",) and lemma in (
        "likely",
        "possible",
        "unlikely",
        "uncertain",
        "unclear",
    ):
        hedged = True
    if negated:
        return NEGATED
    if hedged:
        return HEDGED
    return None


def _describes_a_noun(token: Token) -> bool:
    """A relative clause or a bare participle describing a noun states its fact whatever the
    main clause does to that noun; an infinitive ("plans to buy X") or a content clause ("the
    report that X bought Y") does not, so the walk goes on through those."""
    if token.head.pos_ not in ("NOUN", "PROPN", "PRON") or token.head.i == token.i:
        return False
    if token.dep_ == "relcl":
        return True
    return (
        token.dep_ == "acl"
        and token.tag_ in ("VBN", "VBG")
        and not any(c.dep_ in ("aux", "mark") for c in token.children)
    )


def modality_of(trigger: Token) -> str:
    """The strongest modality on the path from the trigger up to its clause's root."""
    result = ASSERTED
    token = trigger
    steps = 0
    while steps < 12:
        mark = _own_marks(token)
        if mark == NEGATED:
            return NEGATED
        if mark == HEDGED:
            result = HEDGED
        if token.dep_ == "ROOT" or token.head.i == token.i:
            break
        if token is not trigger and token.pos_ != "NOUN" and token.lemma_.lower() in REPORTING:
            break
        if token.dep_ == "ccomp" and token.head.i > token.i:
            # "X has taken a stake in Y, the company said": a frame after its content reports it
            break
        if _describes_a_noun(token):
            # "Samsung, headquartered in Suwon, did not comment": the main clause's "not" is not
            # the description's
            break
        token = token.head
        steps += 1
    return result
