"""Names in a parsed document: cleaned NER spans, proper-noun candidates, context types, coreference.

A `Name` carries type votes rather than one label: spaCy's small model often calls a company a
person, so context (an appositive "a spokesperson", a compound "investment firm") votes with
more weight, and resolution sums the votes over the whole corpus.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from .lexicon import (
    BOILERPLATE_MARKERS,
    CREEDS,
    DEMONYMS,
    GENERIC_CAPS,
    GROUP_WORDS,
    LEGAL_SUFFIXES,
    NOT_NAMES,
    PERSON_TITLES,
    PRODUCT_WHEN_MODIFIER,
    ROLE_NOUNS,
    TYPE_NOUNS,
    place_name,
)
from .model import ORG, PERSON, PLACE, PRODUCT
from .names import (
    BROADCASTER_WORDS,
    COMPANY_FORMS,
    COMPANY_POSSESSIONS,
    COMPANY_WORDS,
    DATELINE,
    DOCUMENT_HEADS,
    FILING_WORDS,
    GOVERNMENT_HEADS,
    GOVERNMENT_PORTFOLIOS,
    HONORIFICS,
    INSTITUTION_HEADS,
    KEY_HONORIFICS,
    ORG_HEADS,
    PERSON_APPOSITIVES,
    PERSON_PASSIVE_VERBS,
    PERSON_POSSESSIONS,
    PERSON_SPAN_OPENERS,
    PERSON_SUBJECT_VERBS,
    PLACE_FIRST_WORDS,
    PLACE_LAST_WORDS,
    SOURCE_ALONE,
    SOURCE_LINE,
    SOURCE_NUMBERED,
    is_month_word,
    known_place,
    region_name,
)

NER_TYPES = {"ORG": ORG, "PERSON": PERSON, "GPE": PLACE, "LOC": PLACE, "PRODUCT": PRODUCT}
WEAK_NER = {"FAC", "WORK_OF_ART", "NORP", "EVENT"}  # kept as candidates only, never typed by NER
ORG_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "their", "them", "themselves"}
PERSON_PRONOUNS = {"he", "his", "him", "himself", "she", "her", "hers", "herself"}
DEFINITE_HEADS = {
    "company": (ORG,), "firm": (ORG,), "group": (ORG,), "giant": (ORG,), "retailer": (ORG,),
    "startup": (ORG,), "platform": (ORG, PRODUCT), "app": (PRODUCT, ORG), "service": (PRODUCT, ORG),
    "network": (ORG, PRODUCT), "conglomerate": (ORG,), "competitor": (ORG, PRODUCT),
    "rival": (ORG, PRODUCT), "business": (ORG,), "brand": (ORG, PRODUCT), "agency": (ORG,),
    "bank": (ORG,), "maker": (ORG,), "site": (ORG, PRODUCT), "marketplace": (ORG, PRODUCT),
    **{w: (ORG,) for w in (
        "carmaker", "automaker", "chipmaker", "drugmaker", "insurer", "lender", "airline", "manufacturer",
        "publisher", "broadcaster", "operator", "carrier", "studio", "supermarket", "grocer",
    )},
}
# Products that are as often the company behind them ("Hearth, the social audio app").
COMPANY_PRODUCTS = {"app", "platform", "service", "network", "site", "marketplace", "website"}
# A multi-word name ending so is a company in the article whatever NER says ("Skyward Airlines").
_NO_PERSON_ENDINGS = ORG_HEADS | {w.strip(".") for w in COMPANY_FORMS}
_LEGAL_FORMS = COMPANY_FORMS | LEGAL_SUFFIXES
# Descriptions that name the same kind of company.
SAME_DESCRIPTIONS = ({"carmaker", "automaker"}, {"startup", "start-up"}, {"lender", "bank"}, {"chipmaker", "chip"}, {"drugmaker", "pharma"})
# Descriptions too general to pick out one name the article described with them.
GENERIC_DESCRIPTIONS = {"company", "firm", "group", "business", "competitor", "rival", "brand"}
# "London-based", "Amazon-owned", "SoftBank-backed": participles after a hyphenated name.
HYPHEN_FACTS = {"based": "basedIn", "headquartered": "basedIn", "owned": "owns", "controlled": "owns", "backed": "holdsStakeIn", "funded": "holdsStakeIn"}
SPEECH_VERBS = {"say", "tell", "add", "explain", "comment", "note", "write", "recall", "argue", "insist"}
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
    spelling: bool = False  # another spelling of a name ("President Kennedy"), not a mention of its own

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
    if text.endswith(".") and not (last.casefold() in LEGAL_SUFFIXES or "." in last[:-1] or len(last) <= 4 and last[:1].isupper()):
        text = text.rstrip(".")
    text = re.sub(r"^(the|The|THE)\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    return " ".join(text.split())


class DocNames:
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
        self.sources: list[tuple[Name, Name]] = []  # (paper or broadcaster, its city) from source lines
        self.described: dict[str, set[str]] = defaultdict(set)  # "Ledgerly, a Toronto startup" -> {"startup"}
        self._collect()
        self._type_from_context()
        self._share_types_in_doc()
        self._resolve_references()

    # --- collection -----------------------------------------------------------------------

    def _add(self, start: int, end: int, ner: str | None) -> Name | None:
        doc = self.doc
        toks = self.toks
        while start < end and (toks[start].lower_ in _LEADING_NON_NAMES or toks[start].is_punct or toks[start].is_space):
            start += 1
        title = None
        if ner == "PERSON" or ner is None:
            while end - start > 1 and toks[start].lower_ in PERSON_TITLES and toks[start + 1].text != "-":
                title = toks[start].text
                start += 1
        if ner == "PERSON":
            # "Composer Thomas", "Evaluating Juppe", "Austrian Archduke Franz Ferdinand"
            while end - start > 1 and (toks[start].lower_ in PERSON_SPAN_OPENERS or toks[start].pos_ == "VERB" or toks[start].lower_ in DEMONYMS):
                title = title or toks[start].text
                self.blocked.add(start)  # not a name candidate of its own either
                start += 1
        # "Ms. Carpenter", "Sen. Dole": NER leaves the honorific outside the name
        if title is None and start > 0 and toks[start - 1].lower_ in HONORIFICS and toks[start - 1].text[:1].isupper():
            title = toks[start - 1].text
        while end > start and (toks[end - 1].is_punct or toks[end - 1].is_space or toks[end - 1].tag_ == "POS" or toks[end - 1].lower_ in {"to", "of", "and", "in"}):
            end -= 1
        # "Hilton Hotels Acquired by Blackstone": a title-case headline's verb is not part of the name
        if end - start > 1 and end < len(toks) and toks[end].lower_ == "by" and toks[end - 1].tag_ in ("VBN", "VBD") and toks[end - 1].lower_ not in LEGAL_SUFFIXES:
            end -= 1
        # "Coast Guard Lt. Steve Hardy": NER ran the holder's title into the organisation
        # "Corvana Chief Executive Priya Natarajan", "Acme Senior Vice President John Smith": a
        # capitalised title (of one or several words) between an organisation and its holder
        nxt = end
        while nxt < len(toks) and nxt - end < 4 and (toks[nxt].text == "." or _is_title_word(toks[nxt], roles=True) or toks[nxt].lower_ in GENERIC_CAPS and toks[nxt].is_title):
            nxt += 1
        if ner != "PERSON" and end - start > 1 and nxt < len(toks) and toks[nxt].ent_type_ == "PERSON":
            cut = end
            while cut - start > 1 and (toks[cut - 1].lower_ in GENERIC_CAPS or _is_title_word(toks[cut - 1], roles=True)):
                cut -= 1
            if cut < end and any(_is_title_word(t, roles=True) for t in toks[cut:nxt]):
                end = cut
        if end <= start:
            return None
        if any(i in self.by_token or i in self.blocked for i in range(start, end)):
            return None
        span = doc[start:end]
        text = clean_name(span.text)
        if end < len(toks) and toks[end].text == "." and (toks[end - 1].lower_ + ".") in LEGAL_SUFFIXES and not toks[end - 1].lower_.endswith("."):
            text += "."  # "Rossano Holding S.r.l." at a sentence end: the tokenizer took the period
        if not text or not _HAS_UPPER.search(text) or text.casefold() in NOT_NAMES:
            return None
        if sum(c.isalpha() for c in text) < 2 and not (ner in ("ORG", "PRODUCT") and len(text) >= 2 and any(c.isdigit() for c in text) and any(c.isupper() for c in text)):
            return None  # (but "N26", "3M" are companies)
        if re.fullmatch(r"(?i)series [a-h]\d?(-\d)?", text):
            return None  # a funding round ("Series B"), not a name
        words = [w.casefold().strip(".,") for w in text.replace("-", " ").split()]
        # (but "Executive Technology, Inc." and "First Security Corporation" are companies)
        company_form = len(words) > 1 and words[-1] in COMPANY_FORMS
        # ... and "State Department", "Justice Department" are government bodies
        company_form |= ner == "ORG" and len(words) > 1 and words[-1] in GOVERNMENT_HEADS and any(w in GOVERNMENT_PORTFOLIOS for w in words)
        if not company_form and all(w in GENERIC_CAPS or w in ROLE_NOUNS or w in PERSON_TITLES or w in LEGAL_SUFFIXES or w in TYPE_NOUNS or w in ("of", "and", "&") for w in words):
            return None  # "Chief Executive Officer", "Vice", "Board of Directors", "Inc"
        # "Asset Purchase Agreement", "Common Stock", "Effective October30", "L.L.P.": filing words
        if words[-1] in DOCUMENT_HEADS or not company_form and all(
            w in GENERIC_CAPS or w in FILING_WORDS or w in LEGAL_SUFFIXES or w in ("of", "and", "&", "the") or is_month_word(w) or w.isdigit() for w in words
        ):
            return None
        # "Board of LiqTech International, Inc.", "Institutional Division of Financial West Group":
        # a generic unit of a company names the company
        if "of" in words[1:-1] and words[-1] in LEGAL_SUFFIXES:
            k = words.index("of")
            if all(w in GENERIC_CAPS or w in FILING_WORDS or w in ("institutional", "formation") for w in words[:k]):
                cut = next((i for i in range(start, end) if toks[i].lower_ == "of"), None)
                if cut is not None:
                    self.blocked.update(range(start, cut + 1))  # the unit is not a name of its own
                    return self._add(cut + 1, end, ner)
        if len(words) > 1 and words[0] in TYPE_NOUNS and span[0].is_sent_start:
            return self._add(start + 1, end, ner)  # "Drugmaker Sanofi SA" at a sentence start
        # "TikTok-style", "AI-assisted": a name used as a modifier word, not a mention
        # (but "London-based", "Amazon-owned" state a fact about the name).
        if end < len(doc) - 1 and toks[end].text == "-" and toks[end + 1].is_lower and toks[end + 1].lower_ not in HYPHEN_FACTS:
            return None
        # "U.S.-China relations": two places fused into a modifier.
        if "-" in text and any(place_name(part) for part in text.split("-")):
            return None
        name = Name(text=text, start=start, end=end, ner=ner, title=title)
        sent = self.sent(start)
        if sent.start not in self._headline:
            # a one-line document is all there is: nothing else could confirm its names
            self._headline[sent.start] = self.multiline and _is_headline(sent, self.text)
        name.weak = start >= self.weak_from or self._headline[sent.start] or any(a <= span.start_char < b for a, b in self.credits)
        place = place_name(text)
        if place:
            name.votes[PLACE] += 5.0
        elif known_place(text):
            name.votes[PLACE] += 2.0  # a state, country or large city
        elif ner not in ("GPE", "LOC") and _place_shaped(words):
            name.votes[PLACE] += 1.5  # "Ocala National Forest", "Fort Scott"
        # "Haworth, Inc.", "Green River Collieries, LLC": a legal form in or right after the name
        after = end + 1 if end + 1 < len(doc) and toks[end].text == "," else end
        if words[-1] in COMPANY_FORMS or (after < len(doc) and toks[after].lower_ in COMPANY_FORMS and not toks[after].is_lower):
            name.votes[ORG] += 2.5
        elif len(words) > 1 and words[-1] in ORG_HEADS and ner != "PERSON":
            name.votes[ORG] += 2.0  # "Reliance Industries", "Gimlet Media"
        if title:
            name.votes[PERSON] += 2.0
        self.names.append(name)
        for i in range(start, end):
            self.by_token[i] = name
        # "President Kennedy": the titled form is recorded as another spelling (no votes, no
        # tokens: rules and typing see only the name itself)
        k = start - 1
        if title and k >= 0 and toks[k].text == title and title.casefold() in KEY_HONORIFICS and toks[k].whitespace_:
            self.names.append(Name(text=f"{title} {text}", start=k, end=end, weak=name.weak, spelling=True))
        return name

    def _collect(self) -> None:
        doc = self.doc
        toks = self.toks
        self._datelines()
        for ent in doc.ents:
            if ent.label_ not in NER_TYPES and ent.label_ not in WEAK_NER:
                continue
            if ent.label_ == "NORP" and not place_name(ent.text) and (
                _group_word(ent.text) or ent[-1].pos_ == "ADJ" or ent[-1].tag_ in ("NNPS", "NNS")
                or ent[-1].dep_ in ("amod", "compound") and ent[-1].head.is_lower  # "the Ecuadoran minister"
            ):
                continue  # "Chinese", "Republicans": a people or a creed, not a name (but an
                # unfamiliar "NORP" such as a young company's name is a candidate like any other)
            for start, end in _split_span(ent):
                label = ent.label_
                if label == "PERSON" or label in WEAK_NER:
                    # "Voltaris Chief Executive Katrin Albers" read as one name: the organisation
                    # before a capitalised title is a name of its own, the title's holder a person
                    cut = _title_run(toks, start, end)
                    if cut is not None:
                        self._add(start, cut[0], None)
                        start, label = cut[1], "PERSON"
                self._add(start, end, label if label in NER_TYPES else None)
        # Proper-noun runs NER missed: candidates that need evidence to become entities.
        other_ents = {i for ent in doc.ents if ent.label_ not in NER_TYPES for i in range(ent.start, ent.end)}
        i = 0
        while i < len(doc):
            if _is_propn(toks[i]) and i not in self.by_token and i not in other_ents:
                j = i
                while True:
                    if j + 1 < len(doc) and _is_propn(toks[j + 1]) and j + 1 not in self.by_token and j + 1 not in other_ents and toks[j].whitespace_:
                        j += 1
                    elif j + 2 < len(doc) and _acronym_pair(toks[j], toks[j + 1], toks[j + 2]) and not any(k in self.by_token or k in other_ents for k in (j + 1, j + 2)):
                        j += 2  # "ITAR-TASS": two capitals words glued by a hyphen are one name
                    else:
                        break
                self._add(i, j + 1, None)
                i = j + 1
            else:
                i += 1
        self._repeat_names()
        self.names.sort(key=lambda n: n.start)
        self.aliases = self._acronyms()
        self.aliases.update(self._short_forms())
        self._city_regions()

    def _repeat_names(self) -> None:
        """A name found once is the same name elsewhere in the article, also where NER and the
        tagger missed it ("Activision chief executive Bobby Kotick" at a sentence start)."""
        known: dict[str, list[tuple[tuple[str, ...], Name]]] = defaultdict(list)
        for name in self.names:
            if not name.spelling and name.end - name.start <= 4 and name.text[:1].isupper():
                words = tuple(t.text for t in self.toks[name.start : name.end])
                known[words[0]].append((words, name))
        if not known:
            return
        texts = [t.text for t in self.toks]
        for i, text in enumerate(texts):
            if text not in known or i in self.by_token or i in self.blocked:
                continue
            for words, name in known[text]:
                j = i + len(words)
                if tuple(texts[i:j]) == words and not any(k in self.by_token for k in range(i, j)):
                    self._add(i, j, name.ner)
                    break

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
            roots = {min(forms, key=len)} if all(f.startswith(min(forms, key=len)) for f in forms) else set(forms)
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
            while e < len(doc) and (toks[e].text == "," or toks[e].lower_ in LEGAL_SUFFIXES or toks[e].tag_ == "POS"):
                e += 1
            if e >= len(doc) or toks[e].text != "(":
                continue
            a = e + 1
            while a < len(doc) and toks[a].text in _QUOTE_TOKENS:
                a += 1
            b = a
            while b < len(doc) and b - a < 5 and toks[b].text not in (")", "(") and toks[b].text not in _QUOTE_TOKENS:
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
            elif inner is not None and inner.start == a and inner.end == b:
                for kind, weight in name.votes.items():
                    inner.votes[kind] += weight
        self.names.sort(key=lambda n: n.start)
        return out

    def _datelines(self) -> None:
        """ "WASHINGTON (AP) _", "Beijing XINHUA in English 1313 GMT": a line opening with the
        place a story was filed from and the agency or broadcaster that filed it. Both are plain
        names, not a shouted headline; they are claimed before NER, which runs them together."""
        text = self.text
        found: list[tuple[int, int, str, int | None]] = []  # (start, end, type, source line number)
        for m in DATELINE.finditer(text):
            city = m.group("city")
            if not city.isupper() and not (m.group("region") or m.group("date") or known_place(city)):
                continue  # "Google (GOOG) -" is a ticker, not a dateline
            for group, kind in (("city", PLACE), ("region", PLACE), ("agency", ORG)):
                if m.group(group) is not None:
                    found.append((m.start(group), m.end(group), kind, None))
        # both source-line forms end in a time or date: without one, skip their costly scans
        dated = _SOURCE_DATE.search(text) is not None
        sources = (*SOURCE_LINE.finditer(text), *SOURCE_NUMBERED.finditer(text)) if dated else ()
        for m in (*sources, *SOURCE_ALONE.finditer(text)):
            if m.re is SOURCE_NUMBERED and " in " in m.group("rest"):
                continue  # a full source line, read above
            words = m.group("rest").split()
            # the longest opening run of words that is a known city: "Panama City", "Moscow"
            k = next((k for k in range(min(3, len(words) - 1), 0, -1) if known_place(" ".join(words[:k]))), 0)
            if not k:
                continue
            if k < len(words) - 1 and words[k] == "City":
                k += 1  # "Guatemala City", not the country
            # alone on a line, the source must look like one: "Moscow IZVESTIYA", "Madrid RNE International"
            if m.re is SOURCE_ALONE and not (all(w.isupper() for w in words[k:]) or any(w.casefold() in BROADCASTER_WORDS for w in words[k:])):
                continue
            start = m.start("rest")
            city_end = start + len(" ".join(words[:k]))
            found.append((start, city_end, PLACE, m.start()))
            found.append((city_end + 1, m.end("rest"), ORG, m.start()))
            for a, b in ((m.start(), start), (m.end("rest"), m.end())):
                span = self.doc.char_span(a, b, alignment_mode="expand")
                if span is not None:
                    self.blocked.update(range(span.start, span.end))
        lines: dict[int, dict[str, Name]] = defaultdict(dict)
        for a, b, kind, line in found:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            name = self.by_token.get(span.start) or self._add(span.start, span.end, None)
            if name is not None and name.start >= span.start and name.end <= span.end:
                name.votes[kind] += 3.0
                name.weak = False
                if line is not None:
                    lines[line][kind] = name
        # "Beijing XINHUA in English": a monitoring service's source line names a paper or
        # broadcaster and its city (a news dateline "WASHINGTON (AP)" only says where a story
        # was filed, so it states no seat)
        self.sources = [(pair[ORG], pair[PLACE]) for pair in lines.values() if ORG in pair and PLACE in pair]

    def _city_regions(self) -> None:
        """ "Lubbock, Texas", "Bethany, Conn.": a name followed by a state or country is a town.
        Both are places, and the joined form is recorded as another spelling of the town."""
        doc = self.doc
        toks = self.toks
        joined = []
        for name in self.names:
            e = name.end
            if name.spelling or e + 1 >= len(doc) or toks[e].text != ",":
                continue
            region = self.by_token.get(e + 1)
            if region is None or region.start != e + 1 or region_name(region.text) is None or region_name(name.text) is not None:
                continue
            if region.end < len(doc) and not (toks[region.end].is_punct or toks[region.end].is_space or toks[region.end].is_lower):
                continue  # "Paris, Texas Instruments said": the region word starts another name
            words = [w.casefold().strip(".,") for w in name.text.split()]
            if any(w in LEGAL_SUFFIXES or TYPE_NOUNS.get(w, PLACE) != PLACE for w in words):
                continue  # "Acme Corp., Texas" is a company, not a town
            name.votes[PLACE] += 3.0
            region.votes[PLACE] += 3.0
            both = Name(text=f"{name.text}, {region.text}", start=name.start, end=region.end, ner=None, weak=name.weak, spelling=True)
            both.votes[PLACE] += 3.0
            joined.append(both)
        if joined:
            self.names.extend(joined)  # extra spellings only: tokens stay with the town's own name
            self.names.sort(key=lambda n: n.start)

    # --- typing from context ----------------------------------------------------------------

    def head(self, name: Name) -> Token:
        key = (name.start, name.end)
        if key not in self._heads:
            self._heads[key] = self.doc[name.start : name.end].root
        return self._heads[key]

    def _followed_by_person_pronoun(self, h: Token) -> bool:
        """A he/she subject later in the sentence or in the next one."""
        k = self.sent_of_token[h.i]
        end = self.sents[k + 1].end if k + 1 < len(self.sents) else self.sents[k].end
        if self._he_she is None:  # indexed once: the scan ran for every PERSON name
            self._he_she = [t.i for t in self.toks if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")]
        j = bisect.bisect_right(self._he_she, h.i)
        return j < len(self._he_she) and self._he_she[j] < end

    def sent(self, i: int) -> Span:
        """The sentence holding token i."""
        return self.sents[self.sent_of_token[i]]

    def prev_sentence_start(self, i: int) -> int:
        """Start of the sentence before token i's (or of its own, for the first)."""
        k = self.sent_of_token[i]
        return self.sents[max(k - 1, 0)].start

    def _type_from_context(self) -> None:
        toks = self.toks
        for name in self.names:
            if name.spelling:
                continue
            h = self.head(name)
            votes = name.votes
            # "investment firm TCG", "comedian Kevin Hart": a type noun or title inside the NP.
            for child in h.children:
                if child.dep_ in ("compound", "amod", "nmod") and child.i < name.start and child.i not in self.by_token:
                    kind = TYPE_NOUNS.get(child.lower_)  # (not the "City" of a name "Guatemala City")
                    if kind:
                        votes[kind] += 3.0
                        self.described[name.text].add(child.lemma_.lower())
                if child.dep_ == "appos":  # "Kuaishou, a ... platform"
                    kind = TYPE_NOUNS.get(child.lower_)
                    if kind:
                        votes[kind] += 3.0
                        self.described[name.text].add(child.lemma_.lower())
                        if child.lower_ in COMPANY_PRODUCTS:
                            votes[ORG] += 1.5  # "Hearth, the social audio app": an app is mostly its company too
            # "the agency Wpp Plc", "its sister app, CapCut", "the Amazon Live platform"
            if h.dep_ == "appos" and h.head.i not in self.by_token and h.head.lower_ in TYPE_NOUNS:
                votes[TYPE_NOUNS[h.head.lower_]] += 3.0
                self.described[name.text].add(h.head.lemma_.lower())
            elif h.dep_ == "compound" and h.head.i > h.i and h.head.lower_ in PRODUCT_WHEN_MODIFIER and h.head.i not in self.by_token:
                votes[PRODUCT] += 3.0
            # "X is a company"
            if h.dep_ == "nsubj" and h.head.lemma_ in ("be", "become", "remain"):
                for child in h.head.children:
                    if child.dep_ == "attr" and child.lower_ in TYPE_NOUNS and not any(c.dep_ == "prep" for c in child.children):
                        votes[TYPE_NOUNS[child.lower_]] += 2.0
            # "director at X", "a spokesperson for X", "X's chief executive", "an X spokesperson"
            # (never against NER's "place": "Rochester teacher union leader" is a city's union)
            if name.ner_type != PLACE and h.dep_ == "pobj" and h.head.lower_ in ("at", "of", "for", "with") and h.head.head.lower_ in ROLE_NOUNS:
                votes[ORG] += 2.0
            if name.ner_type != PLACE and h.dep_ in ("poss", "compound") and h.head.lower_ in ROLE_NOUNS and h.head.i not in self.by_token:
                votes[ORG] += 2.0
            # "Healy president George Malina", "Nvidia CEO Jensen Huang": a name, a title, a name.
            # NER's unfamiliar "place" before a title and its holder is the holder's company.
            elif (
                name.ner_type == PLACE and h.dep_ == "compound" and h.head.lower_ in ROLE_NOUNS and h.head.i == name.end
                and not familiar_place(name.text) and not _place_shaped(words := name.text.casefold().split())
                and words[-1] not in ("city", "town", "township", "village", "borough")  # "Whitefish City Attorney X"
            ):
                holder = self.by_token.get(name.end + 1)
                if holder is not None and holder.ner == "PERSON":
                    votes[ORG] += 2.0
            # "a Fargo native"; "Stacy Bickel, 25, of Tempe": a hometown
            if h.dep_ == "compound" and h.head.lower_ in ("native", "natives", "resident", "residents") and h.head.i not in self.by_token:
                votes[PLACE] += 2.0
            s = name.start
            if s >= 4 and toks[s - 1].lower_ == "of" and toks[s - 2].text == "," and is_age(toks[s - 3]) and toks[s - 4].text == ",":
                votes[PLACE] += 2.5
            # "shares of Uber", "Qualcomm's stake", "a unit of X": only companies have these
            if (name.ner_type != PLACE or not familiar_place(name.text)) and (
                h.dep_ == "pobj" and h.head.lower_ in ("of", "in") and h.head.head.lemma_.lower() in COMPANY_POSSESSIONS
                or h.dep_ in ("poss", "compound") and h.head.lemma_.lower() in COMPANY_POSSESSIONS and h.head.i not in self.by_token
            ):
                votes[ORG] += 1.5
            # "Nvidia, based in Santa Clara": a place is never based anywhere; a company is
            # (NER often calls an unfamiliar company a GPE)
            if name.ner_type != PERSON and not familiar_place(name.text) and any(
                c.dep_ == "acl" and c.lower_ in ("based", "headquartered") for c in h.children
            ):
                votes[ORG] += 4.0
            # "a Manchester-based provider": what a company is based in is a place
            e = name.end
            if e + 1 < len(toks) and toks[e].text == "-" and toks[e + 1].lower_ in ("based", "headquartered"):
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
            if t.lower_ in ("his", "him", "her", "himself", "herself") and t.tag_ in ("PRP", "PRP$"):
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
        if e < len(doc) and toks[e].text == "," and k + 1 < len(doc) and is_age(toks[k]) and toks[k + 1].text in (",", ".", ")"):
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
        if h.dep_ == "appos" and h.head.i < name.start and h.head.i not in self.by_token and h.head.lower_ in PERSON_APPOSITIVES:
            votes[PERSON] += 2.0
        # "Marshall is a lawyer and former aide to Patrick": a person noun as predicate
        if h.dep_ == "nsubj" and h.head.lemma_ in ("be", "become", "remain"):
            for child in h.head.children:
                if child.dep_ == "attr" and (TYPE_NOUNS.get(child.lower_) == PERSON or child.lower_ in PERSON_APPOSITIVES):
                    votes[PERSON] += 1.5
        # "Hitler trapped in his Berlin bunker": a his/her/him later in the sentence, no other person between
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
                text.split()[-1].casefold().strip(",.") in _NO_PERSON_ENDINGS and " " in text
                or context[text][ORG] >= 3.0 and context[text][ORG] >= 2 * context[text][PERSON]
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

    # --- coreference -------------------------------------------------------------------------

    def retype(self, votes: dict[str, dict[str, float]]) -> bool:
        """Add evidence found later (the roles names play in relations) and redo the article's
        typing and coreference; True when some name's type changed."""
        before = {n.text: n.type for n in self.names}
        for name in self.names:
            for kind, weight in votes.pop(name.text, {}).items():  # the first mention carries them
                name.votes[kind] += weight
        self._share_types_in_doc()
        if {n.text: n.type for n in self.names} == before:
            return False
        self.coref.clear()
        self.group.clear()
        self._resolve_references()
        return True

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
            elif token.pos_ == "NOUN" and token.lemma_.lower() in DEFINITE_HEADS and _definite(token):
                lower = token.lemma_.lower()
                nums = [c for c in token.children if c.dep_ == "nummod" and c.lower_ in ("two", "both")]
                if nums or token.tag_ == "NNS":
                    group = self._recent(token, (ORG, PRODUCT), 2)
                    if len(group) == 2 and nums:
                        self.group[token.i] = group
                    continue
                if any(c.dep_ in ("appos", "compound") and c.i in self.by_token for c in token.children):
                    continue  # "the agency Wpp Plc" names itself
                if token.dep_ == "appos" or token.dep_ == "attr":
                    continue
                # "the Ottawa-based company" adds a fact about its referent: resolve it only when
                # one company is in view, never by guessing between two
                if any(c.dep_ == "amod" and c.lower_ in HYPHEN_FACTS and any(g.text == "-" for g in c.children) for c in token.children):
                    window = self.window(self.prev_sentence_start(token.i), token.i)
                    if len({n.text for n in window if not n.spelling and n.type in DEFINITE_HEADS[lower]}) > 1:
                        continue
                # "Ledgerly, a Toronto startup ... the startup's backers": the name the article
                # itself described with this noun, the latest one, before any guess
                ante = self._described_as(token, lower) if lower not in GENERIC_DESCRIPTIONS else None
                # "... pressed by Kuaishou. The competitor boasts": a rival is the newest name, not the topic
                ante = ante or self._antecedent(token, DEFINITE_HEADS[lower], topical=lower not in ("competitor", "rival"), description=True)
            else:
                continue
            if ante is not None:
                self.coref[token.i] = ante

    def _described_as(self, token: Token, noun: str) -> Name | None:
        """The latest name before `token` that the article described as a `noun`."""
        nouns = next((group for group in SAME_DESCRIPTIONS if noun in group), {noun})
        for name in reversed(self.window(0, token.i)):
            if name.spelling or name.type not in (ORG, PRODUCT, None):
                continue
            # described so, or named so: "Nordhavn Bank ... the bank", "Skyward Airlines ... the airline"
            words = [w.casefold() for w in name.text.split() if w.casefold().strip(",") not in _LEGAL_FORMS]
            last = words[-1] if len(words) > 1 else ""
            if nouns & self.described.get(name.text, set()) or last and (last in nouns or last.rstrip("s") in nouns):
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
            if cur.head is cur:
                return None
            cur = cur.head
        return None

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

    def _antecedent(self, token: Token, types: tuple[str, ...], *, topical: bool = True, description: bool = False) -> Name | None:
        sent_start = self.sent(token.i).start
        prev_start = self.prev_sentence_start(token.i)
        best = self._best_antecedent(token, types, prev_start, sent_start, topical=topical)
        if description and topical and (best is None or self._modifier_use(best)):
            # "Shopify shares rose 10%. The retailer, ...": a name used as a modifier is mentioned
            # in passing; the description goes back one more sentence, to a name used as one
            k = self.sent_of_token[token.i]
            wider = self._best_antecedent(token, types, self.sents[max(k - 2, 0)].start, sent_start, topical=topical, skip_modifiers=True)
            best = wider or best
        return best

    def _modifier_use(self, name: Name) -> bool:
        """ "Shopify shares", "shares of Shopify": a company named in passing, not the topic."""
        h = self.head(name)
        if h.dep_ == "compound" and h.head.i not in self.by_token:
            return True
        return h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.lemma_.lower() in COMPANY_POSSESSIONS

    def _best_antecedent(
        self, token: Token, types: tuple[str, ...], prev_start: int, sent_start: int, *, topical: bool, skip_modifiers: bool = False
    ) -> Name | None:
        best: Name | None = None
        best_score = -1.0
        # "Microsoft holds a stake in the company": an object never corefers with its own subject
        # (possessives may: "Amazon urged its influencers").
        # A description is never its own clause's subject, possessive or not ("Sequoia and
        # Birchmount were the startup's backers").
        own = token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "poss" and token.pos_ == "PRON"
        subject = None if own else self.clause_subject(token)
        excluded = {subject.text} if subject is not None else set()
        if subject is not None:
            excluded.update(n.text for t in self.head(subject).conjuncts if (n := self.by_token.get(t.i)) is not None)
        if token.head.dep_ == "appos":
            # "Figma and Canva, its two biggest rivals": "its" is not what the apposition describes
            described = token.head.head
            excluded.update(n.text for t in (described, *described.conjuncts) if (n := self.by_token.get(t.i)) is not None)
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

    def window(self, start: int, end: int) -> list[Name]:
        """Names starting in token range [start, end), found by bisection (names are sorted)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.names[lo:hi]

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
                if child.dep_ in ("appos", "compound") and child.i in self.by_token and child.i > token.i:
                    return self.by_token[child.i]
            # "its Amazon Live platform", "the TikTok Shop feature"
            if token.lower_ in PRODUCT_WHEN_MODIFIER or token.lower_ in TYPE_NOUNS and TYPE_NOUNS[token.lower_] != PERSON:
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
        country = DEMONYMS.get(token.lower_)
        if country is None:
            return None
        name = self.by_token.get(token.i)
        if name is None:
            name = Name(text=country, start=token.i, end=token.i + 1, weak=token.i >= self.weak_from)
            name.votes[PLACE] += 1.0
            at = bisect.bisect_left(self._starts, token.i)
            self.names.insert(at, name)
            self._starts.insert(at, token.i)
            self.by_token[token.i] = name
        return name

    def name_at_relcl(self, head: Token) -> Name | None:
        """The antecedent of a relative pronoun: climb out of "the Chinese version of X" appositives."""
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


def familiar_place(text: str) -> bool:
    """A place the lexicons know (country, state, capital, large city, or an alias of one): NER's
    "place" label is trusted for these, and only weakly for names it has never heard of."""
    return known_place(text) or place_name(text) is not None


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
    if first_word and len(full) > 2 and full[-1].casefold().strip(",") in COMPANY_FORMS and full[0].rstrip(",") not in out:
        out.append(full[0].rstrip(","))
    return [stem for stem in out if stem and stem != text]


def _reported_pronoun(verb: Token) -> str | None:
    """The pronoun subject (or possessor of the subject) of what a speech verb reports."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in ("it", "he", "she"):
                    return child.lower_
                poss = next((g.lower_ for g in child.children if g.dep_ == "poss" and g.lower_ in ("its", "his", "her")), None)
                if poss:
                    return poss
    return None


def _group_word(text: str) -> bool:
    """A nationality, people or creed ("Chinese", "Americans", "Shiite", "Latinos")."""
    words = text.casefold().split()
    last = words[-1]
    stems = {last, last[:-1] if last.endswith("s") else last, last[:-2] if last.endswith("es") else last}
    return any(w in DEMONYMS or w in CREEDS or w in GROUP_WORDS for w in stems) or any(w in DEMONYMS for w in words)


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
    if len(parts) > 1 and len(every) > len(parts) and [w.casefold() for w in every[: len(parts)]] == [p.casefold() for p in parts]:
        return True  # "CME Group" for "CME Group Inc. Holdings", "North Central" for "North Central Surgical Center"
    letters = [c for c in short if c.isalpha()]
    if not short.replace(".", "").replace("&", "").isupper() or len(letters) < 2:
        return False
    initials = "".join(w[0] for w in every if w[0].isalpha()).upper()
    if not initials or letters[0].upper() != initials[0]:
        return False
    it = iter(initials)
    return all(ch.upper() in it for ch in letters)  # letters appear in order among the initials


# "the", and a filing's furniture glued before a name ("Table of Contents STANDARD PARKING CORPORATION")
_LEADING_NON_NAMES = frozenset("the a an table contents of item exhibit section schedule".split())
_SOURCE_DATE = re.compile(r"\d{4}\s+GMT\b|\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2}\b")  # what SOURCE_LINE/SOURCE_NUMBERED end with
_QUOTE_TOKENS = frozenset({'"', "'", "``", "''", "\u201c", "\u201d", "\u2018", "\u2019"})
_MIDDLE_INITIAL = re.compile(r"^[A-Z][a-z]+(?: [A-Z]\.)+ [A-Z][a-z]+(?: Jr\.?| Sr\.?| I{2,3})?$")
_NOT_PLACE_HEADS = frozenset("hospital college school church academy center centre museum library stadium hotel".split())


def _acronym_pair(left: Token, hyphen: Token, right: Token) -> bool:
    return (
        hyphen.text == "-" and not left.whitespace_ and not hyphen.whitespace_
        and left.text.isalpha() and left.text.isupper() and right.text.isalpha() and right.text.isupper() and _is_propn(right)
    )


def _is_title_word(token: Token, *, roles: bool = False) -> bool:
    """A person's title (`roles`: or job), also as an abbreviation whose period the tokenizer
    split off ("Lt", "Capt")."""
    words = (token.lower_, token.lower_ + ".") if token.is_title and len(token.text) <= 4 else (token.lower_,)
    return any(w in PERSON_TITLES or roles and w in ROLE_NOUNS for w in words)


def is_age(token: Token) -> bool:
    return token.text.isdigit() and 1 <= int(token.text) <= 110


def _place_shaped(words: list[str]) -> bool:
    """A multi-word name built like a place name: "... Street", "... National Forest", "Fort ..."."""
    if len(words) < 2 or words[-1] in _NOT_PLACE_HEADS:
        return False
    if any(w in LEGAL_SUFFIXES or TYPE_NOUNS.get(w, PLACE) != PLACE for w in words):
        return False
    # "Fort Scott", "Lake Tahoe" (but "Mount Sinai Health System" names an institution)
    return words[-1] in PLACE_LAST_WORDS or len(words) == 2 and words[0] in PLACE_FIRST_WORDS


def _line_starts(text: str) -> list[int]:
    """Offsets where a line begins (datelines open a line)."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*", text)]


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children)


def _is_propn(token: Token) -> bool:
    if token.pos_ != "PROPN":
        return _mistagged_name(token)
    return bool(_HAS_UPPER.match(token.text)) and not _is_title_word(token) and token.lower_ not in HONORIFICS


def _mistagged_name(token: Token) -> bool:
    """ "SiriusXM" tagged a pronoun, "WhatsApp" a noun: a word with a capital inside it is a name
    whatever the tagger says (the small model tags unfamiliar brand names at random)."""
    text = token.text
    return (
        len(text) > 3 and text[0].isupper() and text.isalnum() and any(c.isupper() for c in text[1:]) and sum(c.islower() for c in text) >= 2
        and token.pos_ in ("NOUN", "PRON", "VERB", "ADJ", "ADV", "X", "INTJ")
    )


# Prepositions that names are made of ("Bank of America", "Center for Disease Control"): a parse
# that hangs them outside the name is more often wrong than the name.
NAME_PREPOSITIONS = {"of", "for", "de", "del", "della", "di", "da", "du", "des", "von", "van", "zu", "y"}


def _title_run(toks: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """[i, j) of a capitalised job title inside a name span that has words on both sides."""
    for i in range(start + 1, end - 1):
        if toks[i].is_title and (_is_title_word(toks[i], roles=True) or toks[i].lower_ in GENERIC_CAPS):
            j = i
            while j < end - 1 and toks[j].is_title and (_is_title_word(toks[j], roles=True) or toks[j].lower_ in GENERIC_CAPS or toks[j].text == "."):
                j += 1
            if any(_is_title_word(t, roles=True) for t in toks[i:j]) and toks[i - 1].lower_ not in PERSON_TITLES:
                return i, j
            return None
    return None


def _split_span(ent: Span) -> list[tuple[int, int]]:
    """Split 'Facebook, Instagram' or "Amazon's Black Business Accelerator" into its names
    (but not "Unimed Pharmaceuticals, Inc.", whose comma precedes a legal suffix)."""
    pieces: list[tuple[int, int]] = []
    start = ent.start
    doc = ent.doc
    # "National Aeronautics and Space Administration": the "and" is inside one institution's name
    one_institution = ent.label_ == "ORG" and ent[-1].lower_ in INSTITUTION_HEADS
    end = ent.end
    for tok in ent:
        # "Toyota expands partnership with Panasonic on EV batteries": NER ran on past the name;
        # a preposition governed from outside the span is not part of it ("Bank of America" is)
        if tok.i > ent.start and tok.dep_ == "prep" and tok.lower_ not in NAME_PREPOSITIONS and not ent.start <= tok.head.i < ent.end:
            end = tok.i
            break
    for tok in doc[ent.start : end]:
        if one_institution and tok.lower_ == "and" and tok.i > ent.start and doc[tok.i - 1].lower_ not in INSTITUTION_HEADS:
            continue
        # "Arcturus bought Quillon Photonics" read as one organisation: a finite verb with its
        # own subject is no part of a name
        if tok.i > ent.start and tok.tag_ in ("VBD", "VBZ", "VBP") and tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            if tok.i > start:
                pieces.append((start, tok.i))
            start = tok.i + 1
            continue
        # "Sam's Club", "Macy's Inc.": the possessive is inside the name when what follows it is a
        # generic word; "Amazon's Black Business Accelerator" is two names
        if tok.tag_ == "POS" and tok.i + 1 < end and all(
            t.lower_ in GENERIC_CAPS or t.lower_ in TYPE_NOUNS or t.lower_ in LEGAL_SUFFIXES or t.is_punct for t in doc[tok.i + 1 : end]
        ):
            continue
        if tok.text == "," and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in LEGAL_SUFFIXES:
            continue
        if tok.text in (",", ";") or (tok.lower_ in ("and", "or") and tok.dep_ == "cc") or tok.tag_ == "POS":
            if tok.i > start:
                pieces.append((start, tok.i))
            start = tok.i + 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _is_headline(sent: Span, text: str) -> bool:
    """Title-case lines ("TikTok and Amazon Bet on China's Ecommerce Model"): NER guesses there
    are unreliable, so names seen only in such lines need confirmation elsewhere."""
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.start_char + len(text[sent.start_char : sent.end_char].rstrip()))
    line = text[start : end if end >= 0 else len(text)]
    if re.match(r"\s*(https?://|www\.)", line):
        return True  # a source link and the title pasted after it
    if line.rstrip().endswith((".", "!", '."', ".\u201d")):
        return False  # a sentence, however many capitals it has
    words = re.findall(r"[^\W\d_]+", line)
    if len(words) < 3 or len(words) > 25:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.6


_CREDIT = re.compile(
    r"\((?:photo|image|picture|illustration|credit|photograph|video)s?\b[^)]{0,200}\)"
    r"|^(?:photo|image|picture|illustration|credit|photograph)s?\b[^\n]{0,200}(?:by|via|:|/)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """Photo credits ("(Photo Illustration by X / Y via Z)"): page furniture, not news."""
    return [(m.start(), m.end()) for m in _CREDIT.finditer(text)]


def _boilerplate_start(sents: list[Span], text: str) -> int:
    """Token index where page furniture ("You may also like") begins, or the Doc's length."""
    for sent in sents:
        line = text[sent.start_char : sent.end_char].strip().casefold()  # (Span.text rebuilds it token by token)
        if len(line) < 60 and line.startswith(BOILERPLATE_MARKERS):
            return sent.start
    return sents[-1].end if sents else 0
