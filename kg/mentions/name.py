"""A `Name`: one occurrence of a name in a Doc, with the type votes the context gave it.

A `Name` carries type votes rather than one label: spaCy's small model often calls a company a
person, so context (an appositive "a spokesperson", a compound "investment firm") votes with
more weight, and resolution sums the votes over the whole corpus.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..lexicons import LEGAL_SUFFIXES, listed_place
from ..model import ORG, PERSON, PLACE, PRODUCT

NER_TYPES = {"ORG": ORG, "PERSON": PERSON, "GPE": PLACE, "LOC": PLACE, "PRODUCT": PRODUCT}
WEAK_NER = {"FAC", "WORK_OF_ART", "NORP", "EVENT"}  # kept as candidates only, never typed by NER
_APOSTROPHES = re.compile(r"[\u2019\u2018`\u00b4]")
_HAS_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")


@dataclass
class Name:
    """A name occurring at tokens [start, end) of a Doc."""

    text: str
    start: int
    end: int
    votes: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # context evidence
    ner: str | None = None
    weak: bool = False  # headline/boilerplate: a name only if confirmed elsewhere
    title: str | None = None  # a title stripped from the front ("President-elect")
    spelling: bool = (
        False  # another spelling of a name ("President Kennedy"), not a mention of its own
    )

    @cached_property  # a Name's text and NER label never change once it is made
    def ner_weight(self) -> float:
        """NER reads shouted text badly ("CARACAS, Venezuela (AP)" comes out ORG): an all-caps
        word longer than an acronym counts for less."""
        words = [w for w in self.text.split() if any(c.isalpha() for c in w)]
        if words and all(w.isupper() for w in words) and max(len(w) for w in words) > 5:
            return 0.3
        # NER calls many unfamiliar companies places ("Shopify", "Nvidia"): a "place" the lexicon
        # does not know counts for less, so context ("the e-commerce platform") can outvote it
        if self.ner in ("GPE", "LOC") and not familiar_place(self.text):
            return 0.6
        return 1.0

    @property
    def ner_type(self) -> str | None:
        return NER_TYPES.get(self.ner or "")

    doc_votes: dict[str, float] | None = None  # votes of every mention of this name in the doc
    ner_trust: float = 1.0  # less where NER labels the same name differently across the article
    # (cue id, type, weight) of every vote in `votes`, in order: why the name has its type
    cues: list[tuple[str, str, float]] = field(default_factory=list, compare=False, repr=False)

    @property
    def type(self) -> str | None:
        """The leading type in this document (NER plus context), or None without evidence."""
        if self.doc_votes is not None:
            totals = self.doc_votes  # read only here
        else:
            totals = defaultdict(float, self.votes)
            if self.ner_type:
                totals[self.ner_type] += self.ner_weight
        if not totals:
            return None
        best = max(totals.items(), key=lambda kv: kv[1])
        return best[0] if best[1] > 0 else None


def clean_name(text: str) -> str:
    """Canonical surface form: straight apostrophes, no 'the', no possessive, single spaces."""
    text = _APOSTROPHES.sub("'", text).strip(" \t\n,;:-\"'()[]")
    # keep the period of "Co.", "Inc.", "Jr.", "U.S."; drop a sentence's full stop
    last = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and not (
        last.casefold() in LEGAL_SUFFIXES
        or "." in last[:-1]
        or len(last) <= 4
        and last[:1].isupper()
    ):
        text = text.rstrip(".")
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    return " ".join(text.split())


# (the name rules use; one test, in kg.lexicons.places). The hand-listed places only: a town
# only the packages know ("Meridian", "Nokia") often lends its name to a company, and NER's
# "place" label on it should stay weak enough for context to outvote.
familiar_place = listed_place
