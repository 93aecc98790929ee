"""Coreference: pronouns and definite descriptions ("the company") to the names they stand for."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import COMPANY_FORMS, COMPANY_POSSESSIONS, LEGAL_SUFFIXES
from ..model import ORG, PERSON, PRODUCT
from .name import Name
from .tokens import HYPHEN_FACTS, _definite

ORG_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "their", "them", "themselves"}
PERSON_PRONOUNS = {"he", "his", "him", "himself", "she", "her", "hers", "herself"}
DEFINITE_HEADS = {
    "company": (ORG,),
    "firm": (ORG,),
    "group": (ORG,),
    "giant": (ORG,),
    "retailer": (ORG,),
    "startup": (ORG,),
    "platform": (ORG, PRODUCT),
    "app": (PRODUCT, ORG),
    "service": (PRODUCT, ORG),
    "network": (ORG, PRODUCT),
    "conglomerate": (ORG,),
    "competitor": (ORG, PRODUCT),
    "rival": (ORG, PRODUCT),
    "business": (ORG,),
    "brand": (ORG, PRODUCT),
    "agency": (ORG,),
    "bank": (ORG,),
    "maker": (ORG,),
    "site": (ORG, PRODUCT),
    "marketplace": (ORG, PRODUCT),
    **{
        w: (ORG,)
        for w in (
            "carmaker",
            "automaker",
            "chipmaker",
            "drugmaker",
            "insurer",
            "lender",
            "airline",
            "manufacturer",
            "publisher",
            "broadcaster",
            "operator",
            "carrier",
            "studio",
            "supermarket",
            "grocer",
        )
    },
}
_LEGAL_FORMS = COMPANY_FORMS | LEGAL_SUFFIXES
# Descriptions that name the same kind of company.
SAME_DESCRIPTIONS = (
    {"carmaker", "automaker"},
    {"startup", "start-up"},
    {"lender", "bank"},
    {"chipmaker", "chip"},
    {"drugmaker", "pharma"},
)
# Descriptions too general to pick out one name the article described with them.
GENERIC_DESCRIPTIONS = {"company", "firm", "group", "business", "competitor", "rival", "brand"}


class Coreference:
    """Antecedents of pronouns and descriptions, kept in `coref` and `group`."""

    def _resolve_references(self) -> None:
        """Pronouns and definite descriptions point at the nearest compatible earlier name."""
        self._starts = [n.start for n in self.names]
        for token in self.toks:
            if token.i in self.by_token:
                continue
            lower = token.lower_
            if lower in ORG_PRONOUNS and token.tag_ in ("PRP", "PRP$"):
                ante = self._antecedent(token, (ORG, PRODUCT))
            elif lower in PERSON_PRONOUNS and token.tag_ in ("PRP", "PRP$"):
                ante = self._antecedent(token, (PERSON,))
            elif (
                token.pos_ == "NOUN" and token.lemma_.lower() in DEFINITE_HEADS and _definite(token)
            ):
                ante = self._description_antecedent(token)
            else:
                continue
            if ante is not None:
                self.coref[token.i] = ante

    def _description_antecedent(self, token: Token) -> Name | None:
        """The name a definite description ("the company", "the two companies") stands for."""
        lower = token.lemma_.lower()
        nums = [c for c in token.children if c.dep_ == "nummod" and c.lower_ in ("two", "both")]
        if nums or token.tag_ == "NNS":
            group = self._recent(token, (ORG, PRODUCT), 2)
            if len(group) == 2 and nums:
                self.group[token.i] = group
            return None
        if any(c.dep_ in ("appos", "compound") and c.i in self.by_token for c in token.children):
            return None  # "the agency Wpp Plc" names itself
        if token.dep_ == "appos" or token.dep_ == "attr":
            return None
        # "the Ottawa-based company" adds a fact about its referent: resolve it only when
        # one company is in view, never by guessing between two
        if any(
            c.dep_ == "amod" and c.lower_ in HYPHEN_FACTS and any(g.text == "-" for g in c.children)
            for c in token.children
        ):
            window = self.window(self.prev_sentence_start(token.i), token.i)
            if (
                len({n.text for n in window if not n.spelling and n.type in DEFINITE_HEADS[lower]})
                > 1
            ):
                return None
        # "Ledgerly, a Toronto startup ... the startup's backers": the name the article
        # itself described with this noun, the latest one, before any guess
        ante = self._described_as(token, lower) if lower not in GENERIC_DESCRIPTIONS else None
        # "... pressed by Kuaishou. The competitor boasts": a rival is the newest name, not
        # the topic
        return ante or self._antecedent(
            token,
            DEFINITE_HEADS[lower],
            topical=lower not in ("competitor", "rival"),
            description=True,
        )

    def _described_as(self, token: Token, noun: str) -> Name | None:
        """The latest name before `token` that the article described as a `noun`."""
        nouns = next((group for group in SAME_DESCRIPTIONS if noun in group), {noun})
        for name in reversed(self.window(0, token.i)):
            if name.spelling or name.type not in (ORG, PRODUCT, None):
                continue
            # described so, or named so: "Nordhavn Bank ... the bank", "Skyward Airlines ... the
            # airline"
            words = [
                w.casefold()
                for w in name.text.split()
                if w.casefold().strip(",") not in _LEGAL_FORMS
            ]
            last = words[-1] if len(words) > 1 else ""
            if (
                nouns & self.described.get(name.text, set())
                or last
                and (last in nouns or last.rstrip("s") in nouns)
            ):
                return name
        return None

    def clause_subject(self, token: Token) -> Name | None:
        """The subject of the clause a token sits in (for "X holds a stake in the company")."""
        cur = token
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX"):
                for child in cur.children:
                    if child.dep_ in ("nsubj", "nsubjpass"):
                        return self.by_token.get(child.i) or self.coref.get(child.i)
                return None
            if cur.head.i == cur.i:  # spaCy makes a new Token per access: compare positions
                return None
            cur = cur.head
        return None

    def _antecedent(
        self,
        token: Token,
        types: tuple[str, ...],
        *,
        topical: bool = True,
        description: bool = False,
    ) -> Name | None:
        sent_start = self.sent(token.i).start
        prev_start = self.prev_sentence_start(token.i)
        best = self._best_antecedent(token, types, prev_start, sent_start, topical=topical)
        if description and topical and (best is None or self._modifier_use(best)):
            # "Shopify shares rose 10%. The retailer, ...": a name used as a modifier is mentioned
            # in passing; the description goes back one more sentence, to a name used as one
            k = self.sent_of_token[token.i]
            wider = self._best_antecedent(
                token,
                types,
                self.sents[max(k - 2, 0)].start,
                sent_start,
                topical=topical,
                skip_modifiers=True,
            )
            best = wider or best
        return best

    def _modifier_use(self, name: Name) -> bool:
        """ "Shopify shares", "shares of Shopify": a company named in passing, not the topic."""
        h = self.head(name)
        if h.dep_ == "compound" and h.head.i not in self.by_token:
            return True
        return (
            h.dep_ == "pobj"
            and h.head.lower_ == "of"
            and h.head.head.lemma_.lower() in COMPANY_POSSESSIONS
        )

    def _excluded(self, token: Token) -> set[str]:
        """Names `token` cannot stand for: its clause's subject, what its apposition describes."""
        # "Microsoft holds a stake in the company": an object never corefers with its own subject
        # (possessives may: "Amazon urged its influencers").
        # A description is never its own clause's subject, possessive or not ("Sequoia and
        # Birchmount were the startup's backers").
        own = token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "poss" and token.pos_ == "PRON"
        subject = None if own else self.clause_subject(token)
        excluded = {subject.text} if subject is not None else set()
        if subject is not None:
            excluded.update(
                n.text
                for t in self.head(subject).conjuncts
                if (n := self.by_token.get(t.i)) is not None
            )
        if token.head.dep_ == "appos":
            # "Figma and Canva, its two biggest rivals": "its" is not what the apposition describes
            described = token.head.head
            excluded.update(
                n.text
                for t in (described, *described.conjuncts)
                if (n := self.by_token.get(t.i)) is not None
            )
        return excluded

    def _best_antecedent(
        self,
        token: Token,
        types: tuple[str, ...],
        prev_start: int,
        sent_start: int,
        *,
        topical: bool,
        skip_modifiers: bool = False,
    ) -> Name | None:
        best: Name | None = None
        best_score = -1.0
        excluded = self._excluded(token)
        for name in self.window(prev_start, token.i):
            if name.type not in types:
                continue
            if name.text in excluded:
                continue
            h = self.head(name)
            score = 1.0 + name.start / max(token.i, 1)
            if h.dep_ in ("nsubj", "nsubjpass") and topical:
                score += 0.8
            if name.start >= sent_start:
                score += 0.5
            if h.dep_ in ("pobj",) and h.head.lower_ == "of":
                score -= 0.3
            if skip_modifiers and self._modifier_use(name):
                continue
            if score > best_score:
                best, best_score = name, score
        # A pronoun already resolved is a mention too: "It buys chips from Korvane. The company
        # competes with Tesla" - the subject "It" keeps its company the topic
        if topical:
            for i, name in list(self.coref.items()):
                if not prev_start <= i < token.i or name.type not in types or name.text in excluded:
                    continue
                pron = self.toks[i]
                if pron.dep_ in ("nsubj", "nsubjpass"):
                    score = 1.0 + i / max(token.i, 1) + 0.8 + (0.5 if i >= sent_start else 0.0)
                    if score > best_score:
                        best, best_score = name, score
        return best

    def _recent(self, token: Token, types: tuple[str, ...], k: int) -> list[Name]:
        found: list[Name] = []
        start = self.prev_sentence_start(token.i)
        for name in reversed(self.window(start, token.i)):
            if name.type in types and all(f.text != name.text for f in found):
                found.append(name)
            if len(found) == k:
                break
        return found

    # --- lookup -----------------------------------------------------------------------------
