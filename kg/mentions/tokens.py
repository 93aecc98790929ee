"""Word- and token-level tests that name collection, typing and coreference share."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicons import (
    CREEDS,
    DEMONYMS,
    GENERIC_CAPS,
    GROUP_WORDS,
    HONORIFICS,
    INSTITUTION_HEADS,
    LEGAL_SUFFIXES,
    NOT_PLACE_HEADS,
    PERSON_TITLES,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    ROLE_NOUNS,
    TYPE_NOUNS,
)
from ..model import PLACE

# "London-based", "Amazon-owned", "SoftBank-backed": participles after a hyphenated name.
HYPHEN_FACTS = {
    "based": "basedIn",
    "headquartered": "basedIn",
    "owned": "owns",
    "controlled": "owns",
    "backed": "holdsStakeIn",
    "funded": "holdsStakeIn",
}
_HAS_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
# "the", and a filing's furniture glued before a name ("Table of Contents STANDARD PARKING
# CORPORATION")
_LEADING_NON_NAMES = frozenset("the a an table contents of item exhibit section schedule".split())
_QUOTE_TOKENS = frozenset({'"', "'", "``", "''", "\u201c", "\u201d", "\u2018", "\u2019"})


def _acronym_pair(left: Token, hyphen: Token, right: Token) -> bool:
    return (
        hyphen.text == "-"
        and not left.whitespace_
        and not hyphen.whitespace_
        and left.text.isalpha()
        and left.text.isupper()
        and right.text.isalpha()
        and right.text.isupper()
        and _is_propn(right)
    )


def _is_title_word(token: Token, *, roles: bool = False) -> bool:
    """A person's title (`roles`: or job), also as an abbreviation whose period the tokenizer
    split off ("Lt", "Capt")."""
    words = (
        (token.lower_, token.lower_ + ".")
        if token.is_title and len(token.text) <= 4
        else (token.lower_,)
    )
    return any(w in PERSON_TITLES or roles and w in ROLE_NOUNS for w in words)


def is_age(token: Token) -> bool:
    return token.text.isdigit() and 1 <= int(token.text) <= 110


def _place_shaped(words: list[str]) -> bool:
    """A multi-word name built like a place name: "... Street", "... National Forest",
    "Fort ..."."""
    if len(words) < 2 or words[-1] in NOT_PLACE_HEADS:
        return False
    if any(w in LEGAL_SUFFIXES or TYPE_NOUNS.get(w, PLACE) != PLACE for w in words):
        return False
    # "Fort Scott", "Lake Tahoe" (but "Mount Sinai Health System" names an institution)
    return words[-1] in PLACE_LAST_WORDS or len(words) == 2 and words[0] in PLACE_FIRST_WORDS


def _line_starts(text: str) -> list[int]:
    """Offsets where a line begins (datelines open a line)."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text)]


def _definite(token: Token) -> bool:
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
        for c in token.children
    )


def _is_propn(token: Token) -> bool:
    if token.pos_ != "PROPN":
        return _mistagged_name(token)
    return (
        bool(_HAS_UPPER.match(token.text))
        and not _is_title_word(token)
        and token.lower_ not in HONORIFICS
    )


def _mistagged_name(token: Token) -> bool:
    """ "SiriusXM" tagged a pronoun, "WhatsApp" a noun: a word with a capital inside it is a name
    whatever the tagger says (the small model tags unfamiliar brand names at random)."""
    text = token.text
    return (
        len(text) > 3
        and text[0].isupper()
        and text.isalnum()
        and any(c.isupper() for c in text[1:])
        and sum(c.islower() for c in text) >= 2
        and token.pos_ in ("NOUN", "PRON", "VERB", "ADJ", "ADV", "X", "INTJ")
    )


# Prepositions that names are made of ("Bank of America", "Center for Disease Control"): a parse
# that hangs them outside the name is more often wrong than the name.
NAME_PREPOSITIONS = {
    "of",
    "for",
    "de",
    "del",
    "della",
    "di",
    "da",
    "du",
    "des",
    "von",
    "van",
    "zu",
    "y",
}


def _title_run(toks: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """[i, j) of a capitalised job title inside a name span that has words on both sides."""
    for i in range(start + 1, end - 1):
        if toks[i].is_title and (
            _is_title_word(toks[i], roles=True) or toks[i].lower_ in GENERIC_CAPS
        ):
            j = i
            while (
                j < end - 1
                and toks[j].is_title
                and (
                    _is_title_word(toks[j], roles=True)
                    or toks[j].lower_ in GENERIC_CAPS
                    or toks[j].text == "."
                )
            ):
                j += 1
            if (
                any(_is_title_word(t, roles=True) for t in toks[i:j])
                and toks[i - 1].lower_ not in PERSON_TITLES
            ):
                return i, j
            return None
    return None


_JOINT_TAILS = frozenset("trust sons son company co co. partners associates brothers".split())


def _split_span(ent: Span) -> list[tuple[int, int]]:
    """Split 'Facebook, Instagram' or "Amazon's Black Business Accelerator" into its names
    (but not "Unimed Pharmaceuticals, Inc.", whose comma precedes a legal suffix)."""
    pieces: list[tuple[int, int]] = []
    start = ent.start
    doc = ent.doc
    # "National Aeronautics and Space Administration": the "and" is inside one institution's name
    # "Investors Bank and Trust", "Dombey and Sons": a generic last word right after "and"
    # names no company of its own
    one_institution = ent.label_ == "ORG" and (
        ent[-1].lower_ in INSTITUTION_HEADS
        or len(ent) > 2
        and ent[-1].lower_ in _JOINT_TAILS
        and ent[-2].lower_ in ("and", "&")
    )
    end = _span_end(ent)
    for tok in doc[ent.start : end]:
        if _inside_name(tok, ent, end, one_institution=one_institution):
            continue
        # "Arcturus bought Quillon Photonics" read as one organisation: a finite verb with its
        # own subject is no part of a name
        if (
            tok.i > ent.start
            and tok.tag_ in ("VBD", "VBZ", "VBP")
            and tok.pos_ == "VERB"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            if tok.i > start:
                pieces.append((start, tok.i))
            start = tok.i + 1
            continue
        if (
            tok.text in (",", ";")
            or (tok.lower_ in ("and", "or") and tok.dep_ == "cc")
            or tok.tag_ == "POS"
        ):
            if tok.i > start:
                pieces.append((start, tok.i))
            start = tok.i + 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _span_end(ent: Span) -> int:
    """Where the name ends: "Toyota expands partnership with Panasonic on EV batteries": NER
    ran on past the name; a preposition governed from outside the span is not part of it
    ("Bank of America" is)."""
    for tok in ent:
        if (
            tok.i > ent.start
            and tok.dep_ == "prep"
            and tok.lower_ not in NAME_PREPOSITIONS
            and not ent.start <= tok.head.i < ent.end
        ):
            return tok.i
    return ent.end


def _inside_name(tok: Token, ent: Span, end: int, *, one_institution: bool) -> bool:
    """A separator-looking token that belongs to the name: the "and" of one institution's name,
    a possessive before generic words ("Sam's Club", "Macy's Inc."; but "Amazon's Black Business
    Accelerator" is two names), a comma before a legal suffix."""
    doc = ent.doc
    if (
        one_institution
        and tok.lower_ == "and"
        and tok.i > ent.start
        and doc[tok.i - 1].lower_ not in INSTITUTION_HEADS
    ):
        return True
    if (
        tok.tag_ == "POS"
        and tok.i + 1 < end
        and all(
            t.lower_ in GENERIC_CAPS
            or t.lower_ in TYPE_NOUNS
            or t.lower_ in LEGAL_SUFFIXES
            or t.is_punct
            for t in doc[tok.i + 1 : end]
        )
    ):
        return True
    return tok.text == "," and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in LEGAL_SUFFIXES


def _group_word(text: str) -> bool:
    """A nationality, people or creed ("Chinese", "Americans", "Shiite", "Latinos")."""
    words = text.casefold().split()
    last = words[-1]
    stems = {
        last,
        last[:-1] if last.endswith("s") else last,
        last[:-2] if last.endswith("es") else last,
    }
    if " ".join(words) in DEMONYMS:  # "Sri Lankan"
        return True
    return any(w in DEMONYMS or w in CREEDS or w in GROUP_WORDS for w in stems) or any(
        w in DEMONYMS for w in words
    )
