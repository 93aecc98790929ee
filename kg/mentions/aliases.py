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
from .cue import vote
from .cues import ALIAS
from .name import clean_name
from .tokens import _QUOTE_TOKENS


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
            if not _abbreviates(short.text, name.text):
                continue
            out[clean_name(short.text)] = name.text
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
        self.names.sort(key=lambda n: n.start)
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
