"""DocNames: all names of one Doc, composed from the jobs of this package.

Each job is a module: `collect` (NER spans cleaned, candidates, repeated names, towns),
`datelines`, `aliases` (abbreviations, short forms), `typing` (context votes), `coref`
(pronouns, descriptions) and `lookup` (what rules ask). DocNames holds the state they share.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from .aliases import Aliases
from .collect import Collection
from .coref import Coreference
from .cue import vote
from .cues import ROLE
from .datelines import Datelines
from .lookup import Lookup
from .name import Name
from .page import _boilerplate_start, _credit_spans
from .votes import Typing


class DocNames(Collection, Datelines, Aliases, Typing, Coreference, Lookup):
    """All names of one Doc, indexed by token, with coreference for pronouns and descriptions."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.toks = list(doc)  # one Token object per token: doc[i] builds a new one on every call
        self.names: list[Name] = []
        self.by_token: dict[int, Name] = {}
        self.coref: dict[int, Name] = {}
        self.group: dict[int, list[Name]] = {}  # "the two companies" -> both antecedents
        self.text = doc.text  # Doc.text joins every token: build it once
        # Token.sent rescans the parse on every call: index sentences once
        self.sents = list(doc.sents)
        self.sent_of_token = [0] * len(doc)
        for k, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of_token[i] = k
        self._heads: dict[tuple[int, int], Token] = {}
        self._he_she: list[int] | None = None
        self.weak_from = _boilerplate_start(self.sents, self.text)
        self.credits = _credit_spans(self.text)
        self._headline: dict[int, bool] = {}
        self.multiline = "\n" in self.text.strip()
        self.blocked: set[int] = set()  # tokens of a source line's number, language and time
        # (paper or broadcaster, its city) from source lines
        self.sources: list[tuple[Name, Name]] = []
        # "Ledgerly, a Toronto startup" -> {"startup"}
        self.described: dict[str, set[str]] = defaultdict(set)
        self._collect()
        self._type_from_context()
        self._share_types_in_doc()
        self._resolve_references()

    def typing_record(self) -> dict[str, list[list]]:
        """What the typing cues said of each name in this Doc, for `kg explain`:
        name -> [[cue id, type, summed weight, times fired], ...] in the order cues first fired."""
        out: dict[str, dict[tuple[str, str], list]] = {}
        for name in self.names:
            cues = out.setdefault(name.text, {})
            for cue_id, kind, weight in name.cues:
                entry = cues.setdefault((cue_id, kind), [cue_id, kind, 0.0, 0])
                entry[2] += weight
                entry[3] += 1
        return {
            text: [[i, k, round(w, 4), n] for i, k, w, n in cues.values()]
            for text, cues in out.items()
            if cues
        }

    def retype(self, votes: dict[str, dict[str, float]]) -> bool:
        """Add evidence found later (the roles names play in relations) and redo the article's
        typing and coreference; True when some name's type changed."""
        before = {n.text: n.type for n in self.names}
        for name in self.names:
            for kind, weight in votes.pop(name.text, {}).items():  # the first mention carries them
                vote(name, ROLE, kind, weight)
        self._share_types_in_doc()
        if {n.text: n.type for n in self.names} == before:
            return False
        self.coref.clear()
        self.group.clear()
        self._resolve_references()
        return True
