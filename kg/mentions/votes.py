"""Typing: run the cues over every name, then give each name the article's majority type."""

from __future__ import annotations

from collections import defaultdict

from ..lexicons import COMPANY_FORMS, ORG_HEADS, place_name
from ..model import ORG, PERSON
from .aliases import company_stems
from .cue import fired, vote
from .cues import COMPANY_STEM, CONTEXT_CUES, LIST_CUES
from .name import Name

# A multi-word name ending so is a company in the article whatever NER says ("Skyward Airlines").
_NO_PERSON_ENDINGS = ORG_HEADS | {w.strip(".") for w in COMPANY_FORMS}


class Typing:
    """Context votes for the type of every name, and the article's majority type."""

    def _type_from_context(self) -> None:
        """Each context cue in its declared order on each name, then the list cues."""
        for cues in (CONTEXT_CUES, LIST_CUES):
            for name in self.names:
                if name.spelling:
                    continue
                h = self.head(name)
                for cue in cues:  # (cue.fire inlined: this loop runs for every name and cue)
                    found = cue.find(self, name, h)
                    if found:
                        fired(name, cue, found)

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
                    # so the corpus-level vote sees it too
                    vote(first[stem], COMPANY_STEM, weight=boost)
        for name in self.names:
            name.doc_votes = totals[name.text]
