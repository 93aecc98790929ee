"""The one object through which rules read a document: its parse and its names.

Rules never reach into `DocNames`' maps (`by_token`, `coref`, `group`); they ask the context,
so the names side can change how it stores them without touching a rule.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..mentions import DocNames, Name


class Context:
    """The parse (`doc`, `toks`, `text`) and the names of one Doc, as the rules see them."""

    def __init__(self, names: DocNames) -> None:
        self._names = names
        self.doc: Doc = names.doc
        self.toks: list[Token] = names.toks  # one Token object per token, built once
        self.text: str = names.text

    @classmethod
    def of(cls, doc: Doc) -> Context:
        return cls(DocNames(doc))

    @property
    def names(self) -> list[Name]:
        """Every name of the document, in text order."""
        return self._names.names

    @property
    def aliases(self) -> dict[str, str]:
        return self._names.aliases

    def typing_record(self) -> dict:
        """Which typing cues voted for each name (kept for `kg explain`)."""
        return self._names.typing_record()

    @property
    def sources(self) -> list[tuple[Name, Name]]:
        """(paper or broadcaster, its city) from source lines ("Beijing XINHUA in English")."""
        return self._names.sources

    # --- names by token -------------------------------------------------------------------

    def name_on(self, i: int) -> Name | None:
        """The name token `i` is part of, if any."""
        return self._names.by_token.get(i)

    def in_name(self, i: int) -> bool:
        return i in self._names.by_token

    def group_at(self, i: int) -> list[Name] | None:
        """The names a group word stands for ("the two companies"), if token `i` is one."""
        return self._names.group.get(i)

    def antecedent(self, i: int) -> Name | None:
        """The name a pronoun or definite description at token `i` refers to, if known."""
        return self._names.coref.get(i)

    # --- lookups the names side answers ----------------------------------------------------

    def head(self, name: Name) -> Token:
        return self._names.head(name)

    def name_at(self, token: Token) -> Name | None:
        return self._names.name_at(token)

    def name_at_relcl(self, head: Token) -> Name | None:
        return self._names.name_at_relcl(head)

    def sent(self, i: int) -> Span:
        return self._names.sent(i)

    def window(self, start: int, end: int) -> list[Name]:
        return self._names.window(start, end)

    def topic_before(self, token: Token) -> list[Name]:
        return self._names.topic_before(token)

    def clause_subject(self, token: Token) -> Name | None:
        return self._names.clause_subject(token)

    def demonym(self, token: Token) -> Name | None:
        """The country a nationality adjective stands for ("Chilean" -> Chile); adds it to the
        document's names the first time."""
        return self._names.demonym(token)

    def place_inside(self, start: int, end: int, text: str) -> Name:
        """A place named by tokens inside another name ("Moscow" in "Moscow State University")."""
        return self._names.place_inside(start, end, text)

    def retype(self, votes: dict[str, dict[str, float]]) -> bool:
        """Type names again with the roles they play in relations; True when a type changed."""
        return self._names.retype(votes)
