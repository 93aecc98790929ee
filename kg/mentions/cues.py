"""Typing: votes for a name's type from its context in the article."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from spacy.tokens import Token

from ..lexicon import PRODUCT_WHEN_MODIFIER, ROLE_NOUNS, TYPE_NOUNS, place_name
from ..model import ORG, PERSON, PLACE, PRODUCT
from ..names import (
    COMPANY_FORMS,
    COMPANY_POSSESSIONS,
    HONORIFICS,
    ORG_HEADS,
    PERSON_APPOSITIVES,
    PERSON_PASSIVE_VERBS,
    PERSON_POSSESSIONS,
    PERSON_SUBJECT_VERBS,
)
from .aliases import company_stems
from .name import Name, familiar_place
from .tokens import _place_shaped, is_age

# Products that are as often the company behind them ("Hearth, the social audio app").
COMPANY_PRODUCTS = {"app", "platform", "service", "network", "site", "marketplace", "website"}
# A multi-word name ending so is a company in the article whatever NER says ("Skyward Airlines").
_NO_PERSON_ENDINGS = ORG_HEADS | {w.strip(".") for w in COMPANY_FORMS}
SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "explain",
    "comment",
    "note",
    "write",
    "recall",
    "argue",
    "insist",
}
_MIDDLE_INITIAL = re.compile(r"^[A-Z][a-z]+(?: [A-Z]\.)+ [A-Z][a-z]+(?: Jr\.?| Sr\.?| I{2,3})?$")


class Typing:
    """Context votes for the type of every name, and the article's majority type."""

    def _followed_by_person_pronoun(self, h: Token) -> bool:
        """A he/she subject later in the sentence or in the next one."""
        k = self.sent_of_token[h.i]
        end = self.sents[k + 1].end if k + 1 < len(self.sents) else self.sents[k].end
        if self._he_she is None:  # indexed once: the scan ran for every PERSON name
            self._he_she = [
                t.i
                for t in self.toks
                if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")
            ]
        j = bisect.bisect_right(self._he_she, h.i)
        return j < len(self._he_she) and self._he_she[j] < end

    def _type_from_context(self) -> None:
        toks = self.toks
        for name in self.names:
            if name.spelling:
                continue
            h = self.head(name)
            votes = name.votes
            # "investment firm TCG", "comedian Kevin Hart": a type noun or title inside the NP.
            for child in h.children:
                if (
                    child.dep_ in ("compound", "amod", "nmod")
                    and child.i < name.start
                    and child.i not in self.by_token
                ):
                    kind = TYPE_NOUNS.get(
                        child.lower_
                    )  # (not the "City" of a name "Guatemala City")
                    if kind:
                        votes[kind] += 3.0
                        self.described[name.text].add(child.lemma_.lower())
                if child.dep_ == "appos":  # "Kuaishou, a ... platform"
                    kind = TYPE_NOUNS.get(child.lower_)
                    if kind:
                        votes[kind] += 3.0
                        self.described[name.text].add(child.lemma_.lower())
                        if child.lower_ in COMPANY_PRODUCTS:
                            # "Hearth, the social audio app": an app is mostly its company too
                            votes[ORG] += 1.5
            # "the agency Wpp Plc", "its sister app, CapCut", "the Amazon Live platform"
            if h.dep_ == "appos" and h.head.i not in self.by_token and h.head.lower_ in TYPE_NOUNS:
                votes[TYPE_NOUNS[h.head.lower_]] += 3.0
                self.described[name.text].add(h.head.lemma_.lower())
            elif (
                h.dep_ == "compound"
                and h.head.i > h.i
                and h.head.lower_ in PRODUCT_WHEN_MODIFIER
                and h.head.i not in self.by_token
            ):
                votes[PRODUCT] += 3.0
            # "X is a company"
            if h.dep_ == "nsubj" and h.head.lemma_ in ("be", "become", "remain"):
                for child in h.head.children:
                    if (
                        child.dep_ == "attr"
                        and child.lower_ in TYPE_NOUNS
                        and not any(c.dep_ == "prep" for c in child.children)
                    ):
                        votes[TYPE_NOUNS[child.lower_]] += 2.0
            # "director at X", "a spokesperson for X", "X's chief executive", "an X spokesperson"
            # (never against NER's "place": "Rochester teacher union leader" is a city's union)
            if (
                name.ner_type != PLACE
                and h.dep_ == "pobj"
                and h.head.lower_ in ("at", "of", "for", "with")
                and h.head.head.lower_ in ROLE_NOUNS
            ):
                votes[ORG] += 2.0
            if (
                name.ner_type != PLACE
                and h.dep_ in ("poss", "compound")
                and h.head.lower_ in ROLE_NOUNS
                and h.head.i not in self.by_token
            ):
                votes[ORG] += 2.0
            # "Healy president George Malina", "Nvidia CEO Jensen Huang": a name, a title, a name.
            # NER's unfamiliar "place" before a title and its holder is the holder's company.
            elif (
                name.ner_type == PLACE
                and h.dep_ == "compound"
                and h.head.lower_ in ROLE_NOUNS
                and h.head.i == name.end
                and not familiar_place(name.text)
                and not _place_shaped(words := name.text.casefold().split())
                and words[-1]
                not in (
                    "city",
                    "town",
                    "township",
                    "village",
                    "borough",
                )  # "Whitefish City Attorney X"
            ):
                holder = self.by_token.get(name.end + 1)
                if holder is not None and holder.ner == "PERSON":
                    votes[ORG] += 2.0
            # "a Fargo native"; "Stacy Bickel, 25, of Tempe": a hometown
            if (
                h.dep_ == "compound"
                and h.head.lower_ in ("native", "natives", "resident", "residents")
                and h.head.i not in self.by_token
            ):
                votes[PLACE] += 2.0
            s = name.start
            if (
                s >= 4
                and toks[s - 1].lower_ == "of"
                and toks[s - 2].text == ","
                and is_age(toks[s - 3])
                and toks[s - 4].text == ","
            ):
                votes[PLACE] += 2.5
            # "shares of Uber", "Qualcomm's stake", "a unit of X": only companies have these
            if (name.ner_type != PLACE or not familiar_place(name.text)) and (
                h.dep_ == "pobj"
                and h.head.lower_ in ("of", "in")
                and h.head.head.lemma_.lower() in COMPANY_POSSESSIONS
                or h.dep_ in ("poss", "compound")
                and h.head.lemma_.lower() in COMPANY_POSSESSIONS
                and h.head.i not in self.by_token
            ):
                votes[ORG] += 1.5
            # "Nvidia, based in Santa Clara": a place is never based anywhere; a company is
            # (NER often calls an unfamiliar company a GPE)
            if (
                name.ner_type != PERSON
                and not familiar_place(name.text)
                and any(
                    c.dep_ == "acl" and c.lower_ in ("based", "headquartered") for c in h.children
                )
            ):
                votes[ORG] += 4.0
            # "a Manchester-based provider": what a company is based in is a place
            e = name.end
            if (
                e + 1 < len(toks)
                and toks[e].text == "-"
                and toks[e + 1].lower_ in ("based", "headquartered")
            ):
                votes[PLACE] += 3.0
            # "..., said Jane Doe": speakers are people (weakly: companies "say" too).
            if h.dep_ == "nsubj" and h.head.lemma_ in SPEECH_VERBS:
                # "X said it had acquired Y": a speaker that reports itself as "it" is an
                # organisation, one that says "he" or "she" a person
                pronoun = _reported_pronoun(h.head)
                votes[ORG if pronoun in ("it", "its") else PERSON] += 2.0 if pronoun else 0.5
            # "Jiang was among the first ... She was able to": a he/she subject right after.
            if name.ner == "PERSON" and self._followed_by_person_pronoun(h):
                votes[PERSON] += 1.0
            self._person_cues(name, h)
        # Lists share a type: "Facebook, Instagram, Pinterest, Snapchat, and TikTok".
        for name in self.names:
            if name.spelling:
                continue
            h = self.head(name)
            siblings = [self.by_token.get(t.i) for t in h.conjuncts]
            siblings = [s for s in siblings if s is not None and s is not name]
            for sib in siblings:
                if sib.ner_type and sib.ner_type != PLACE:
                    name.votes[sib.ner_type] += 0.6

    def _own_person_pronoun(self, name: Name) -> bool:
        for t in self.toks[name.end : self.sent(name.start).end]:
            other = self.by_token.get(t.i)
            if other is not None and other.ner == "PERSON":
                return False
            if t.lower_ in ("his", "him", "her", "himself", "herself") and t.tag_ in (
                "PRP",
                "PRP$",
            ):
                return True
        return False

    def _person_cues(self, name: Name, h: Token) -> None:
        """Context only a person has: an honorific, an age, "who", a wife, being born or shot."""
        doc, votes, e = self.doc, name.votes, name.end
        toks = self.toks
        if name.title and name.title.casefold() in HONORIFICS:
            votes[PERSON] += 2.0  # "Ms. Carpenter" (the honorific stood outside the NER span)
        # "Cheek, 53," / "Ms. Calico, then 19,": an age in apposition
        k = e + 2 if e + 1 < len(doc) and toks[e + 1].lower_ == "then" else e + 1
        if (
            e < len(doc)
            and toks[e].text == ","
            and k + 1 < len(doc)
            and is_age(toks[k])
            and toks[k + 1].text in (",", ".", ")")
        ):
            votes[PERSON] += 2.0
        # "Starr, who served", "a man called Raoul, who": who/whom stand for people (weakly:
        # news writes "Morgan Stanley, who declined to comment" too)
        k = e + 1 if e < len(doc) and toks[e].text == "," else e
        if k < len(doc) and toks[k].lower_ in ("who", "whom"):
            votes[PERSON] += 0.8
        # "Ms. Carpenter's brother", "Richardson's hometown"
        if h.dep_ == "poss" and h.head.lemma_.lower() in PERSON_POSSESSIONS:
            votes[PERSON] += 1.5
        # "Kovacevic, a Serb", "Starr, a fellow appointee"; "Dole's wife, Elizabeth"
        for child in h.children:
            if child.dep_ == "appos" and child.i >= e and child.lower_ in PERSON_APPOSITIVES:
                votes[PERSON] += 2.0
        if (
            h.dep_ == "appos"
            and h.head.i < name.start
            and h.head.i not in self.by_token
            and h.head.lower_ in PERSON_APPOSITIVES
        ):
            votes[PERSON] += 2.0
        # "Marshall is a lawyer and former aide to Patrick": a person noun as predicate
        if h.dep_ == "nsubj" and h.head.lemma_ in ("be", "become", "remain"):
            for child in h.head.children:
                if child.dep_ == "attr" and (
                    TYPE_NOUNS.get(child.lower_) == PERSON or child.lower_ in PERSON_APPOSITIVES
                ):
                    votes[PERSON] += 1.5
        # "Hitler trapped in his Berlin bunker": a his/her/him later in the sentence, no other
        # person between
        if name.ner == "PERSON" and self._own_person_pronoun(name):
            votes[PERSON] += 1.0
        # "Lennon was shot to death", "Norton Simon was born", "Perry died"
        verb = h.head
        if h.dep_ == "nsubjpass" and verb.lemma_.lower() in PERSON_PASSIVE_VERBS:
            votes[PERSON] += 1.5
        elif h.dep_ == "nsubj" and verb.lemma_.lower() in PERSON_SUBJECT_VERBS:
            votes[PERSON] += 1.5
        # "Ulf D. Merbold", "John F. Kennedy": a middle initial
        if _MIDDLE_INITIAL.match(name.text):
            votes[PERSON] += 2.0

    def _share_types_in_doc(self) -> None:
        """Every mention of a name in one article gets the article's majority type, so one
        misread mention ("Temu" as a person) does not block coreference or rules."""
        totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        ner_kinds: dict[str, set[str]] = defaultdict(set)
        for name in self.names:
            if name.ner_type:
                ner_kinds[name.text].add(name.ner_type)
        context: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for name in self.names:
            for kind, weight in name.votes.items():
                totals[name.text][kind] += weight
                context[name.text][kind] += weight
            if name.ner_type:
                # NER that calls one name a person here and a place there is guessing ("Hearth",
                # an unfamiliar app): its votes count for less than the context's
                if len(ner_kinds[name.text]) > 1:
                    name.ner_trust = 0.3
                totals[name.text][name.ner_type] += name.ner_weight * name.ner_trust
        # "Corvana Inc. ... Corvana": the short form of a company's legal name is that company
        # here, whatever NER makes of the bare word
        first: dict[str, Name] = {}
        for name in self.names:
            first.setdefault(name.text, name)
        for text, votes in totals.items():
            # "Skyward Airlines", or "Cinevault" with its president and its spokesperson: NER's
            # "person" is a company the article plainly treats as one
            if max(votes, key=votes.get) == PERSON and (
                text.split()[-1].casefold().strip(",.") in _NO_PERSON_ENDINGS
                and " " in text
                or context[text][ORG] >= 3.0
                and context[text][ORG] >= 2 * context[text][PERSON]
            ):
                votes[ORG] = votes[PERSON] + 1.0
        for text, votes in list(totals.items()):
            if max(votes, key=votes.get, default=None) != ORG:
                continue
            # "Korvane Semiconductor Inc." -> "Korvane Semiconductor" -> "Korvane"
            for stem in company_stems(text):
                if stem in totals and not place_name(stem):
                    short = totals[stem]
                    boost = 3.0 + sum(w for kind, w in short.items() if kind != ORG)
                    short[ORG] += boost
                    first[stem].votes[ORG] += boost  # so the corpus-level vote sees it too
        for name in self.names:
            name.doc_votes = totals[name.text]


def _reported_pronoun(verb: Token) -> str | None:
    """The pronoun subject (or possessor of the subject) of what a speech verb reports."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in ("it", "he", "she"):
                    return child.lower_
                poss = next(
                    (
                        g.lower_
                        for g in child.children
                        if g.dep_ == "poss" and g.lower_ in ("its", "his", "her")
                    ),
                    None,
                )
                if poss:
                    return poss
    return None
