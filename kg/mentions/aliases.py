"""Aliases: bracketed abbreviations ("Credit Market Analysis Ltd. (CMA)") and short forms."""

from __future__ import annotations

import re
from collections import defaultdict

from ..lexicons import (
    COMPANY_FORMS,
    COMPANY_WORDS,
    LEGAL_SUFFIXES,
    NOT_NAMES,
    place_name,
)
from ..abbreviations import best_long_form, find_abbreviations, initials_match, is_short_form
from ..model import ORG, PERSON
from .cue import vote
from .cues import ALIAS
from .name import Name, clean_name
from .tokens import _QUOTE_TOKENS


# Words between a company's name and "formerly": ", which was formerly known as", "(formerly"
_FORMER_LEAD = frozenset({",", "(", "which", "that", "was", "is", "had", "been"})


class Aliases:
    """Short forms that name the same entity as a longer name of the same article."""

    def _short_forms(self) -> dict[str, str]:
        """ "Korvane Semiconductor Inc. ... Korvane": a company's name without its industry word
        or legal form is the same company in this article, when one long form alone fits."""
        texts = {n.text for n in self.names if not n.spelling}
        longs: dict[str, list[str]] = defaultdict(list)
        for text in sorted(texts):  # (sorted: the same aliases in the same order on every run)
            for stem in company_stems(text, first_word=False):
                # one word only: "Morgan Stanley Capital Group" is a unit of Morgan Stanley,
                # "Wells Fargo Bank" of Wells Fargo; "Korvane", "Sequoia" are their companies
                if " " not in stem and stem in texts and not place_name(stem):
                    longs[stem].append(text)
        out = {}
        for stem, forms in longs.items():
            # "Tencent" beside "Tencent Music" and "Tencent Holdings" is no one's short form
            roots = (
                {min(forms, key=len)}
                if all(f.startswith(min(forms, key=len)) for f in forms)
                else set(forms)
            )
            if len(roots) == 1:
                out[stem] = roots.pop()
        out.update(self._first_words(out))
        out.update(self._former_names(out))
        return out

    def _former_names(self, known: dict[str, str]) -> dict[str, str]:
        """ "Orvane, which was formerly known as Telvic", "Orvane (formerly Telvic)": the
        company's former name is the same company."""
        toks, out = self.toks, {}
        for name in self.names:
            if name.spelling or name.type == PERSON:
                continue
            i = name.end
            while i < len(toks) and toks[i].lower_ in _FORMER_LEAD:
                i += 1
            if i >= len(toks) or toks[i].lower_ not in ("formerly", "previously"):
                continue
            i += 1
            if i + 1 < len(toks) and toks[i].lower_ in ("known", "called", "named"):
                i += 2 if toks[i].lower_ == "known" and toks[i + 1].lower_ == "as" else 1
            old = self.by_token.get(i)
            if (
                old is None
                or old.start != i
                or old.text in known
                or old.type == PERSON
                or (old.end < len(toks) and toks[old.end].tag_ == "POS")
            ):
                continue  # "formerly Telvic's chief": a person's past employer
            out[old.text] = name.text
        return out

    def _first_words(self, known: dict[str, str]) -> dict[str, str]:
        """ "Halvorsen Tiedemann ... Halvorsen", "Ravi Menon ... Ravi": after an article has
        introduced a two-word name, its first word alone is the same company or person, when
        one introduced name alone starts with it and nothing else in the article is called so
        (an organisation's unit "Tencent Music" comes after its parent "Tencent", not before)."""
        first: dict[str, Name] = {}
        for n in self.names:
            if not n.spelling and not n.weak:
                first.setdefault(n.text, n)
        out: dict[str, str] = {}
        for text, short in first.items():
            if " " in text or text in known or place_name(text) or not text[:1].isupper():
                continue
            longs = [
                n for t, n in first.items() if t.startswith(text + " ") and len(t.split()) == 2
            ]
            if any(t.startswith(text + " ") and len(t.split()) > 2 for t in first):
                continue
            if len(longs) != 1 or longs[0].start > short.start:
                continue
            long = longs[0]
            kind, long_kind = short.type, long.type
            if long_kind not in (ORG, PERSON) or kind not in (None, long_kind):
                continue
            if long_kind == PERSON and kind != PERSON:
                continue  # "Granville" alone may be a place as well as Granville Elliott
            if place_name(long.text.split()[1]):
                continue  # "HGTV Canada" is HGTV's Canadian unit
            if long_kind == PERSON and any(
                t.split()[-1] == text for t, n in first.items() if " " in t
            ):
                continue  # "Ravi" is someone's surname too
            out[text] = long.text
        return out

    def _acronyms(self) -> dict[str, str]:
        """ "Credit Market Analysis Ltd. (CMA)", "CME Group Inc. (CME Group)", "Green River
        Collieries, LLC's ("Green River")": the bracketed short form names the same entity."""
        doc, out = self.doc, {}
        toks = self.toks
        for name in list(self.names):
            if name.spelling:
                continue
            e = name.end
            # skip ", LLC's" between the name and the bracket
            while e < len(doc) and (
                toks[e].text == "," or toks[e].lower_ in LEGAL_SUFFIXES or toks[e].tag_ == "POS"
            ):
                e += 1
            if e >= len(doc) or toks[e].text != "(":
                continue
            a = e + 1
            while a < len(doc) and toks[a].text in _QUOTE_TOKENS:
                a += 1
            b = a
            while (
                b < len(doc)
                and b - a < 5
                and toks[b].text not in (")", "(")
                and toks[b].text not in _QUOTE_TOKENS
            ):
                b += 1
            close = b
            while close < len(doc) and toks[close].text in _QUOTE_TOKENS:
                close += 1
            if b == a or close >= len(doc) or toks[close].text != ")":
                continue
            short = doc[a:b]
            if not (_abbreviates(short.text, name.text) or defines(short.text, name.text)):
                continue
            out[clean_name(short.text)] = name.text
            self._bracket_alias(name, a, b)
        out.update(self._reversed_brackets(out))
        out.update(self._used_alone(out))
        self.names.sort(key=lambda n: n.start)
        return out

    def _bracket_alias(self, name: Name, a: int, b: int) -> None:
        """The bracketed short form [a, b) gets the long form's type votes (a name when NER
        missed it)."""
        inner = self.by_token.get(a)
        if inner is None and not any(i in self.by_token for i in range(a, b)):
            alias = self._add(a, b, None)
            if alias is not None:
                alias.votes.update(name.votes)
                alias.cues[:] = [c for c in alias.cues if c[1] not in name.votes]
                alias.cues.extend((ALIAS.id, kind, w) for kind, w in name.votes.items())
        elif inner is not None and inner.start == a and inner.end == b:
            for kind, weight in name.votes.items():
                vote(inner, ALIAS, kind, weight)

    def _reversed_brackets(self, known: dict[str, str]) -> dict[str, str]:
        """ "NOWU (Norwegian Oil Workers' Union)": the short form first, its long form in the
        bracket (Schwartz & Hearst's second pattern)."""
        out: dict[str, str] = {}
        words = [t.text for t in self.toks]
        for pair in find_abbreviations(words):
            if pair.short_start > pair.long_start:
                continue  # "long (SHORT)" is the bracket loop's
            short = self.by_token.get(pair.short_start)
            long = self.by_token.get(pair.long_end - 1)
            if short is None or long is None or short.text in known:
                continue
            if long.end == pair.long_end and defines(short.text, long.text):
                out[short.text] = long.text
        return out

    def _used_alone(self, known: dict[str, str]) -> dict[str, str]:
        """ "Johnson & Johnson ... J&J": a short form no bracket defined joins the one long
        name of the article whose capitalised words give its letters, in order."""
        out: dict[str, str] = {}
        texts = {n.text for n in self.names if not n.spelling}
        longs = [t for t in sorted(texts) if len(t.split()) > 1]
        for text in sorted(texts):
            if text in known or " " in text or sum(c.isupper() for c in text) < 2:
                continue
            fits = {long for long in longs if initials_match(text, long)}
            if len(fits) == 1:
                out[text] = fits.pop()
        return out


def company_stems(text: str, *, first_word: bool = True) -> list[str]:
    """Shorter names a company's name may go by: without its industry words and legal form
    ("Korvane Semiconductor Inc." -> "Korvane Semiconductor", "Korvane"), and (`first_word`), for
    a name with a legal form, its first word ("Vellmar Motoren AG" -> "Vellmar"; but
    "Ardena Biologics GmbH" may be a unit of Ardena, so that one only types, never merges)."""
    words = text.split()
    out: list[str] = []
    while len(words) > 1 and words[-1].casefold().strip(",") in COMPANY_WORDS:
        words = words[:-1]
        out.append(" ".join(words).rstrip(","))
    full = text.split()
    if (
        first_word
        and len(full) > 2
        and full[-1].casefold().strip(",") in COMPANY_FORMS
        and full[0].rstrip(",") not in out
    ):
        out.append(full[0].rstrip(","))
    return [stem for stem in out if stem and stem != text]


def defines(short: str, long: str) -> bool:
    """Schwartz & Hearst's test for a bracketed pair: every letter of the short form in the long
    form, in order, the first one starting a word, and the whole long form used ("India
    Petrochemicals Limited (IPCL)", "Asia Pacific Economic Co-operation (Apec)")."""
    words = long.split()
    if not is_short_form(short.split()) or len(words) < 2 or len(long) <= len(short):
        return False
    if short.casefold() in NOT_NAMES:
        return False
    return best_long_form(short, words) == len(words)


def _abbreviates(short: str, long: str) -> bool:
    """ "CMA" for "Credit Market Analysis Ltd.", "Sunoco" for "Sunoco, Inc.": the short form is
    the long one's initials or one of its words. "Houston (AP)" is a dateline, not an alias."""
    if len(short) < 2 or not short[0].isupper() or short.casefold() in NOT_NAMES:
        return False
    every = [w for w in re.split(r"[\s,]+", long) if w]
    words = [w for w in every if w.casefold().strip(".") not in LEGAL_SUFFIXES]
    if short.casefold() in (w.casefold() for w in words) and len(every) > 1:
        return True
    parts = short.split()
    if (
        len(parts) > 1
        and len(every) > len(parts)
        and [w.casefold() for w in every[: len(parts)]] == [p.casefold() for p in parts]
    ):
        # "CME Group" for "CME Group Inc. Holdings", "North Central" for "North Central Surgical
        # Center"
        return True
    letters = [c for c in short if c.isalpha()]
    if not short.replace(".", "").replace("&", "").isupper() or len(letters) < 2:
        return False
    initials = "".join(w[0] for w in every if w[0].isalpha()).upper()
    if not initials or letters[0].upper() != initials[0]:
        return False
    it = iter(initials)
    return all(ch.upper() in it for ch in letters)  # letters appear in order among the initials
