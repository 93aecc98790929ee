"""Relations between names, read off spaCy's dependency parse: the entry point.

The rules themselves are declared units in kg/rules/ (one module per family, run in the order
`kg.rules.ORDER` lists); `extract` runs them over one parsed chunk, types names by the roles
they play, decides each finding's modality and confidence and keeps the first finding of a
triple per sentence. Modality (hedged, negated) is decided per trigger by
`kg.modality.modality_of`, so a rule only finds who-did-what and never has to think about
"could" or "not".
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from .lexicons import place_name
from .mentions import Name
from .modality import modality_of
from .model import ASSERTED, ORG, PERSON, PLACE, PRODUCT, Document, Extraction, Mention, Relation
from .relations import BY_NAME
from .rules import Context, Found, relations
from .rules.triggers import EVENT_NOUNS, FOUNDING_VERBS, IDENTITY_NOUNS, VERBS

ROLE_WEIGHT = 1.5


def extract(document: Document, doc: Doc, *, offset: int = 0) -> Extraction:
    """Mentions and relations of one parsed chunk of `document` (chars shifted by `offset`)."""
    ctx = Context.of(doc)
    out = Extraction(document=document, aliases=dict(ctx.aliases), typing=ctx.typing_record())
    out.mentions.extend(_name_mentions(ctx, document.id, offset))
    seen = set()
    for f in _findings(ctx):
        if f.subj.text == f.obj.text:
            continue
        out.mentions.extend(_role_mentions(f, ctx, document.id, offset))
        sent = ctx.sent(f.trigger.i)
        # a presupposed fact ("its partnership with X") is hedged or negated only by its own
        # modifiers; anything else by the words that govern its trigger
        modality = _local_modality(f.trigger) if f.presupposed else modality_of(f.trigger)
        # (Span.text rebuilds it token by token)
        sentence = ctx.text[sent.start_char : sent.end_char]
        if sentence.rstrip().endswith("?") and not f.presupposed:
            modality = "hedged"
        key = (f.subj.text, f.pred, f.obj.text, sent.start, modality)
        if key in seen:
            continue
        seen.add(key)
        out.relations.append(
            Relation(
                subj=f.subj.text,
                pred=f.pred,
                obj=f.obj.text,
                doc_id=document.id,
                sentence=sentence.strip(),
                start=offset + sent.start_char,
                end=offset + sent.end_char,
                rule=f.rule,
                confidence=_confidence(f, ctx),
                modality=modality,
                qualifiers=f.qualifiers,
            )
        )
    return out


def _name_mentions(ctx: Context, doc_id: str, offset: int) -> list[Mention]:
    """One mention per name and type vote (NER's and the context's)."""
    out: list[Mention] = []
    for name in ctx.names:
        span = ctx.doc[name.start : name.end]
        start, end = offset + span.start_char, offset + span.end_char
        votes = [(name.ner_type, name.ner_weight * name.ner_trust, "ner")] if name.ner_type else []
        votes += [(kind, weight, "context") for kind, weight in name.votes.items() if weight > 0]
        for kind, weight, evidence in votes or [("", 0.0, "none")]:
            out.append(
                Mention(
                    name.text,
                    kind,
                    doc_id,
                    start,
                    end,
                    weight=weight,
                    weak=name.weak,
                    evidence=evidence,
                )
            )
    return out


def _findings(ctx: Context) -> list[Found]:
    """Every rule's findings; read twice when the roles names play retype some of them.

    A name NER typed one way that the article's relations plainly use another way ("Cinevault
    has partnered with ...", "Cinevault's president"): type it again and read the relations
    again.
    """
    found = list(relations(ctx))
    roles: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for f in found:
        for slot, (name, kind) in enumerate(zip((f.subj, f.obj), BY_NAME[f.pred].implies)):
            if kind and name.type != kind and _role_may_type(name, kind, f.pred, subject=not slot):
                roles[name.text][kind] += ROLE_WEIGHT
    if roles and ctx.retype({t: dict(v) for t, v in roles.items()}):
        found = list(relations(ctx))
    return found


def _role_mentions(f: Found, ctx: Context, doc_id: str, offset: int) -> list[Mention]:
    """The type votes a finding casts for its arguments (what the relation implies)."""
    out: list[Mention] = []
    for slot, (name, kind) in enumerate(zip((f.subj, f.obj), BY_NAME[f.pred].implies)):
        if kind is None and not slot and f.pred == "operatesIn" and name.type is None:
            # "Stripe opened an office in Dublin": an untyped name that operates somewhere
            kind = ORG
        # what is founded is no person
        founded = slot and f.rule.removeprefix("verb:") in FOUNDING_VERBS
        typing_pred = "acquired" if founded else f.pred
        if kind and _role_may_type(name, kind, typing_pred, subject=not slot):
            span = ctx.doc[name.start : name.end]
            out.append(
                Mention(
                    name.text,
                    kind,
                    doc_id,
                    offset + span.start_char,
                    offset + span.end_char,
                    weight=ROLE_WEIGHT,
                    weak=name.weak,
                    evidence="role",
                )
            )
    return out


def _confidence(f: Found, ctx: Context) -> float:
    """The declaring rule's confidence, less for a pronoun subject, a weak name or a company
    inferred from the sentence or the article's topic."""
    conf = f.confidence
    if ctx.name_on(f.subj.start) is not None and ctx.antecedent(f.trigger.i) is not None:
        conf -= 0.1
    if f.subj.weak or f.obj.weak:
        conf -= 0.2
    if f.rule.endswith((":sentence", ":topic")):
        conf -= 0.15  # the title's company inferred from the sentence, not stated with it
    return round(conf, 2)


def _role_may_type(name: Name, kind: str, pred: str, *, subject: bool = False) -> bool:
    """Role evidence fills gaps in NER; it never overrides a person or a known place."""
    if name.ner_type is None:
        return True
    if name.ner_type == PLACE and kind != PLACE:
        # a company's role overrides NER's "place" only for company-to-company relations:
        # "the deal between Disney and Netflix", "Netflix, which is based in Los Gatos", not
        # "a Phoenix newspaper reporter"
        # (the relation's declaration says where: kg.relations)
        declared = BY_NAME[pred]
        company = declared.place_subject_is_company if subject else declared.place_object_is_company
        return company and not place_name(name.text)
    if (
        name.ner_type == PERSON
        and kind in (ORG, PRODUCT)
        and not subject
        and BY_NAME[pred].person_object_is_misread
    ):
        return (
            True  # nobody acquires, owns, launches or holds a stake in a person: NER misread a name
        )
    return name.ner_type == PRODUCT and kind == ORG


def _local_modality(noun: Token) -> str:
    """For "its partnership with X": only the noun's own modifiers can hedge or negate it."""
    from .lexicons import HEDGE_ADJECTIVES, NEGATING_ADJECTIVES

    for child in noun.children:
        if child.lower_ in NEGATING_ADJECTIVES or (child.dep_ == "det" and child.lower_ == "no"):
            return "negated"
        if child.lower_ in HEDGE_ADJECTIVES:
            return "hedged"
    # ... and the verb that takes it as object: "have terminated the agreement", "is weighing its
    # own investment in X" (a deal ended or only weighed is not stated as standing)
    from .lexicons import HEDGE_VERBS, NEGATING_VERBS

    if noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        verb = noun.head.lemma_.lower()
        if verb in NEGATING_VERBS and verb not in ("end", "stop"):
            return "negated"
        if verb in HEDGE_VERBS:
            return "hedged"
    return ASSERTED


__all__ = ["EVENT_NOUNS", "IDENTITY_NOUNS", "VERBS", "extract", "relations"]
