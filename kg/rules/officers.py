"""Which company a bare officer title belongs to when the sentence gives none: "said chief
executive X", "X, the co-chairman, will ...", "X is the company's chairman".

News names an officer's company once, then drops it: the title is held at the one company the
sentence names, or (with no company in view) at the company the article is about. The topic is
a guess, so the caller scores it lower (`:topic`).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..mentions import Name
from ..model import ORG
from .context import Context
from .parse import org_like
from .triggers import BOARD_TITLES, COMPANY_OFFICERS, OFFICER_HEADS, OFFICER_MODIFIERS

# Outlets a sentence cites ("according to the Financial Times, ...") are no employer.
_SOURCE_PREPS = ("according",)
# Descriptions that stand for the company being written about ("the company's chairman").
_OWN_COMPANY = frozenset("company firm group".split())
_COMPANY_WORDS = frozenset("company firm group business bank company's firm's group's".split())


def bare_officer(noun: Token, lower: str) -> bool:
    """A company officer's title: "CEO", "chairman", "co-chairman", "chief executive", "chief
    operating officer", "managing director" (not a bare "director" or "executive")."""
    if lower in COMPANY_OFFICERS or lower in BOARD_TITLES:
        return True
    if any(c.dep_ == "compound" and c.lower_ in _OWN_COMPANY for c in noun.children):
        return True  # "company president X", "group finance director X"
    if lower not in OFFICER_HEADS:
        return False
    left = [t.lower_ for t in noun.lefts] + [noun.doc[noun.i - 1].lower_ if noun.i else ""]
    return any(w in OFFICER_MODIFIERS and w != lower for w in left)


def officer_applies(noun: Token, holder: Name, ctx: Context) -> bool:
    """The title is the holder's own, before the name ("chief executive X") or a definite
    description of them after it ("X, the co-chairman", "X is the company's chairman"); not
    "X, a former chairman of ..." read loosely, nor an indefinite "a director"."""
    if _named_before(noun, ctx):
        return False  # "Corvana Chief Executive X": the name before the title is its company
    if noun.i < holder.start or role_of(noun):
        return True
    dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
    if any(c.lower_ == "the" for c in dets):
        return True
    if noun.dep_ == "appos" and _appositive_title(holder, noun, ctx):
        return True
    return any(c.dep_ == "poss" and _company_word(c, ctx) for c in noun.children)


def _named_before(noun: Token, ctx: Context) -> bool:
    """A name right before the whole title ("Corvana Chief Executive", "Ostra founder and chief
    executive"): the title has its company, whichever word the parse made the head."""
    i = noun.i - 1
    while i >= 0 and not ctx.in_name(i) and _title_word(noun.doc[i]):
        i -= 1
    return i >= 0 and ctx.in_name(i)


def _title_word(token: Token) -> bool:
    low = token.lower_
    return (
        low in OFFICER_MODIFIERS
        or low in OFFICER_HEADS
        or low in BOARD_TITLES
        or low in COMPANY_OFFICERS
        or low in ("and", "-", "co", "vice", "deputy", "former", "group", "president")
    )


def _company_word(token: Token, ctx: Context) -> bool:
    """ "the company's", "its": a possessive that stands for the company written about."""
    if token.lower_ == "its":
        return True
    return token.lower_ in _COMPANY_WORDS and not ctx.in_name(token.i)


def officer_company(noun: Token, ctx: Context) -> list[tuple[Name, str]]:
    """ "Shares of Uber jumped after CEO X said ...": a company officer's title with no company
    of its own belongs to the one company the sentence names; with several, to the article's
    topic when it is one of them; with none, to the topic."""
    sent = ctx.sent(noun.i)
    companies = {
        n.text: n
        for n in ctx.window(sent.start, sent.end)
        if n.type == ORG and not n.spelling and org_like(n, ctx) and not _cited(n, ctx)
    }
    for t in sent:
        # "it had approached rival Northgate, with chief executive X ...": "it" is a company
        # of the sentence too
        ref = ctx.antecedent(t.i) if t.lower_ in ("it", "its") else None
        if ref is not None and ref.type == ORG:
            companies.setdefault(ref.text, ref)
    if len(companies) == 1:
        return [(next(iter(companies.values())), "sentence")]
    topic = ctx.topic_before(noun)
    if not companies:
        # "Co-founder and CEO Ana Ribeiro said ...": no company in the sentence, so the title
        # is held at the company the article is about
        return [(n, "topic") for n in topic]
    return [(n, "topic") for n in topic if n.text in companies]


def _cited(name: Name, ctx: Context) -> bool:
    """ "according to the Financial Times": an outlet quoted, not a company in the story."""
    head = ctx.head(name)
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ in (
        _SOURCE_PREPS
    )


def role_of(noun: Token) -> bool:
    """ "took on the role of CEO", "assumed the post of chairman": a title someone takes."""
    role = noun.head.head
    return (
        noun.dep_ == "pobj"
        and not noun.is_title  # (a named chair: 'the post of "Gregor Piatigorsky Chair"')
        and noun.head.lower_ == "of"
        and role.lemma_.lower() in _ROLE_HOLDERS
        and role.dep_ == "dobj"
        and role.head.lemma_.lower() in _TAKING_VERBS
    )


_ROLE_HOLDERS = frozenset("role post position job office title".split())
_TAKING_VERBS = frozenset("take assume hold fill retain keep occupy accept".split())


def _appositive_title(holder: Name, noun: Token, ctx: Context) -> bool:
    """ "X, the UK-based co-chairman,", "X, chief executive, said": a definite or bare
    appositive however the parse split the title (it hangs "the" on "co"); not "X, a
    director, ..."; no other name but a place in between."""
    between = ctx.doc[holder.end : noun.i]
    return not any(t.lower_ in ("a", "an") for t in between) and all(
        not ctx.in_name(t.i) or ctx.name_on(t.i).type not in (ORG, None) for t in between
    )


def shared_possessive(noun: Token, ctx: Context) -> list[Name]:
    """ "Brenford's chairman, Sir Alan Pike, and finance chief Tom Verhoef": a title coordinated
    after a possessed title and its holder shares the possessor."""
    i = noun.i - 1
    doc = noun.doc
    while i >= 0 and not ctx.in_name(i) and doc[i].dep_ in ("compound", "amod", "nmod"):
        i -= 1
    if i < 1 or doc[i].lower_ != "and":
        return []
    i -= 1
    if doc[i].text == ",":
        i -= 1
    first = ctx.name_on(i) if i >= 0 else None
    if first is None or first.end != i + 1:
        return []
    h = ctx.head(first)
    if h.dep_ != "appos":
        return []
    return [
        n
        for c in h.head.children
        if c.dep_ == "poss"
        for n in _names(c, ctx)
        if n.type == ORG and org_like(n, ctx)
    ]


def _names(token: Token, ctx: Context) -> list[Name]:
    from .parse import names_at  # (parse imports the triggers this module reads)

    return names_at(token, ctx, spread=False)
