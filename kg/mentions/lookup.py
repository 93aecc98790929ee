"""Lookup: the name a token stands for, names in a window, the topic of a passage."""

from __future__ import annotations

import bisect
from collections import defaultdict

from spacy.tokens import Span, Token

from ..lexicons import PRODUCT_WHEN_MODIFIER, TYPE_NOUNS, country_of_demonym
from ..model import ORG, PERSON
from .cue import vote
from .cues import DEMONYM, KNOWN_PLACE
from .name import Name


class Lookup:
    """What rules ask of DocNames."""

    def head(self, name: Name) -> Token:
        key = (name.start, name.end)
        if key not in self._heads:
            self._heads[key] = self.doc[name.start : name.end].root
        return self._heads[key]

    def sent(self, i: int) -> Span:
        """The sentence holding token i."""
        return self.sents[self.sent_of_token[i]]

    def prev_sentence_start(self, i: int) -> int:
        """Start of the sentence before token i's (or of its own, for the first)."""
        k = self.sent_of_token[i]
        return self.sents[max(k - 1, 0)].start

    def window(self, start: int, end: int) -> list[Name]:
        """Names starting in token range [start, end), found by bisection (names are sorted)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.names[lo:hi]

    def name_at(self, token: Token) -> Name | None:
        """The name a token stands for: itself, its antecedent, or the name it introduces."""
        name = self.by_token.get(token.i)
        if name is not None:
            return name
        if token.i in self.coref:
            return self.coref[token.i]
        if token.pos_ in ("NOUN", "PROPN"):
            # "the creative advertising agency Wpp Plc", "its parent company ByteDance"
            for child in token.children:
                if (
                    child.dep_ in ("appos", "compound")
                    and child.i in self.by_token
                    and child.i > token.i
                ):
                    return self.by_token[child.i]
            # "its Amazon Live platform", "the TikTok Shop feature"
            if (
                token.lower_ in PRODUCT_WHEN_MODIFIER
                or token.lower_ in TYPE_NOUNS
                and TYPE_NOUNS[token.lower_] != PERSON
            ):
                for child in token.children:
                    if child.dep_ == "compound" and child.i in self.by_token:
                        return self.by_token[child.i]
            # "Amazon Inspire, a ... feed launched in 2022": the appositive stands for the name
            if token.dep_ == "appos" and token.head.i in self.by_token:
                return self.by_token[token.head.i]
        if token.tag_ == "WDT" or token.lower_ in ("who", "which", "that"):
            rel = token.head
            if rel.dep_ == "relcl":
                return self.name_at_relcl(rel.head)
        return None

    def demonym(self, token: Token) -> Name | None:
        """A country Name standing for a nationality adjective ("Chilean" -> Chile)."""
        country = country_of_demonym(token.lower_)
        if country is None:
            return None
        name = self.by_token.get(token.i)
        if name is None:
            name = Name(
                text=country, start=token.i, end=token.i + 1, weak=token.i >= self.weak_from
            )
            vote(name, DEMONYM)
            at = bisect.bisect_left(self._starts, token.i)
            self.names.insert(at, name)
            self._starts.insert(at, token.i)
            self.by_token[token.i] = name
        return name

    def place_inside(self, start: int, end: int, text: str) -> Name:
        """A place named inside another name ("Moscow" in "Moscow State University"), for a
        rule to relate the two; not one of the document's names (its tokens are the other's)."""
        name = Name(text=text, start=start, end=end, weak=start >= self.weak_from)
        vote(name, KNOWN_PLACE)
        return name

    def name_at_relcl(self, head: Token) -> Name | None:
        """The antecedent of a relative pronoun: climb out of "the Chinese version of X"
        appositives."""
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.dep_ == "appos":
            outer = self.name_at(head.head.head.head)
            if outer is not None:
                return outer
        return self.name_at(head)

    def names_at(self, token: Token) -> list[Name]:
        """The name(s) at a token, following coordination ("A, B and C") and groups ("the two")."""
        if token.i in self.group:
            return list(self.group[token.i])
        out = []
        for t in (token, *token.conjuncts):
            name = self.name_at(t)
            if name is not None and name not in out:
                out.append(name)
        return out

    def topic_before(self, token: Token) -> list[Name]:
        """The company the article is about up to `token` (for "the round was led by X", "rival
        X"): the organisation named or referred to most often so far, the latest on a tie."""
        # the current passage: this sentence and the three before it
        start = self.sents[max(self.sent_of_token[token.i] - 3, 0)].start
        counts: dict[str, int] = defaultdict(int)
        latest: dict[str, Name] = {}
        for name in self.window(start, token.i):
            if name.type == ORG and not name.spelling and not name.weak:
                counts[name.text] += 1
                latest[name.text] = name
        for i, name in self.coref.items():
            if start <= i < token.i and name.text in latest:
                counts[name.text] += 1
        if not counts:
            return []
        ranked = sorted(counts, key=lambda t: (counts[t], latest[t].start), reverse=True)
        best = ranked[0]
        if len(ranked) > 1 and counts[ranked[1]] == counts[best]:
            return []  # two companies in view: no guess
        return [latest[best]]
