"""Span collection: NER spans cleaned, proper-noun candidates NER missed, repeated names, towns."""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Token

from ..lexicons import (
    COMPANY_FORMS,
    DEMONYMS,
    DOCUMENT_HEADS,
    FILING_WORDS,
    GENERIC_CAPS,
    GOVERNMENT_HEADS,
    GOVERNMENT_PORTFOLIOS,
    HONORIFICS,
    KEY_HONORIFICS,
    LEGAL_SUFFIXES,
    NOT_NAMES,
    ORG_HEADS,
    PERSON_SPAN_OPENERS,
    PERSON_TITLES,
    ROLE_NOUNS,
    TYPE_NOUNS,
    gazetteer_place,
    is_month_word,
    listed_place,
    place_name,
    region_name,
)
from ..model import PLACE
from .cue import vote
from .cues import (
    CITY_REGION,
    KNOWN_COUNTRY,
    KNOWN_PLACE,
    LEGAL_FORM,
    ORG_HEAD,
    PERSON_TITLE,
    PLACE_SHAPED,
)
from .name import NER_TYPES, WEAK_NER, Name, clean_name
from .page import _is_headline
from .tokens import (
    _HAS_UPPER,
    _LEADING_NON_NAMES,
    HYPHEN_FACTS,
    _acronym_pair,
    _group_word,
    _is_propn,
    _is_title_word,
    _place_shaped,
    _split_span,
    _title_run,
)


class Collection:
    """DocNames' first job: find the names of the Doc and index them by token."""

    def _add(self, start: int, end: int, ner: str | None) -> Name | None:
        """Clean the span [start, end) into a name, type it from its own words and index it;
        None when what is left is no name (a title, a filing word, a modifier)."""
        start, title = self._trim_front(start, end, ner)
        end = self._trim_back(start, end, ner)
        if end <= start:
            return None
        if any(i in self.by_token or i in self.blocked for i in range(start, end)):
            return None
        text = self._span_text(start, end)
        if _not_a_name(text, ner):
            return None
        words = [w.casefold().strip(".,") for w in text.replace("-", " ").split()]
        # (but "Executive Technology, Inc." and "First Security Corporation" are companies)
        company_form = len(words) > 1 and words[-1] in COMPANY_FORMS
        # ... and "State Department", "Justice Department" are government bodies
        company_form |= (
            ner == "ORG"
            and len(words) > 1
            and words[-1] in GOVERNMENT_HEADS
            and any(w in GOVERNMENT_PORTFOLIOS for w in words)
        )
        if _generic_words(words, company_form=company_form):
            return None
        toks = self.toks
        # "Board of LiqTech International, Inc.", "Institutional Division of Financial West Group":
        # a generic unit of a company names the company
        if "of" in words[1:-1] and words[-1] in LEGAL_SUFFIXES:
            k = words.index("of")
            if all(
                w in GENERIC_CAPS or w in FILING_WORDS or w in ("institutional", "formation")
                for w in words[:k]
            ):
                cut = next((i for i in range(start, end) if toks[i].lower_ == "of"), None)
                if cut is not None:
                    self.blocked.update(range(start, cut + 1))  # the unit is not a name of its own
                    return self._add(cut + 1, end, ner)
        if len(words) > 1 and words[0] in TYPE_NOUNS and toks[start].is_sent_start:
            return self._add(start + 1, end, ner)  # "Drugmaker Sanofi SA" at a sentence start
        # "TikTok-style", "AI-assisted": a name used as a modifier word, not a mention
        # (but "London-based", "Amazon-owned" state a fact about the name).
        if (
            end < len(toks) - 1
            and toks[end].text == "-"
            and toks[end + 1].is_lower
            and toks[end + 1].lower_ not in HYPHEN_FACTS
        ):
            return None
        # "U.S.-China relations": two places fused into a modifier (but "Bosnia-Herzegovina" is
        # one).
        if "-" in text and not place_name(text) and any(place_name(p) for p in text.split("-")):
            return None
        return self._new_name(text, words, start, end, ner, title)

    def _trim_front(self, start: int, end: int, ner: str | None) -> tuple[int, str | None]:
        """Drop "the", punctuation, titles and openers from the front: (start, the title)."""
        toks = self.toks
        while start < end and (
            toks[start].lower_ in _LEADING_NON_NAMES or toks[start].is_punct or toks[start].is_space
        ):
            start += 1
        title = None
        if ner == "PERSON" or ner is None:
            while (
                end - start > 1
                and toks[start].lower_ in PERSON_TITLES
                and toks[start + 1].text != "-"
            ):
                title = toks[start].text
                start += 1
        if ner == "PERSON":
            # "Composer Thomas", "Evaluating Juppe", "Austrian Archduke Franz Ferdinand"
            while end - start > 1 and (
                toks[start].lower_ in PERSON_SPAN_OPENERS
                or toks[start].pos_ == "VERB"
                or toks[start].lower_ in DEMONYMS
            ):
                title = title or toks[start].text
                self.blocked.add(start)  # not a name candidate of its own either
                start += 1
        # "Ms. Carpenter", "Sen. Dole": NER leaves the honorific outside the name
        if (
            title is None
            and start > 0
            and toks[start - 1].lower_ in HONORIFICS
            and toks[start - 1].text[:1].isupper()
        ):
            title = toks[start - 1].text
        return start, title

    def _trim_back(self, start: int, end: int, ner: str | None) -> int:
        """Drop punctuation, a headline's verb and a title run into a holder from the end."""
        toks = self.toks
        while end > start and (
            toks[end - 1].is_punct
            or toks[end - 1].is_space
            or toks[end - 1].tag_ == "POS"
            or toks[end - 1].lower_ in {"to", "of", "and", "in"}
        ):
            end -= 1
        # "Hilton Hotels Acquired by Blackstone": a title-case headline's verb is not part of the
        # name
        if (
            end - start > 1
            and end < len(toks)
            and toks[end].lower_ == "by"
            and toks[end - 1].tag_ in ("VBN", "VBD")
            and toks[end - 1].lower_ not in LEGAL_SUFFIXES
        ):
            end -= 1
        # "Coast Guard Lt. Steve Hardy": NER ran the holder's title into the organisation
        # "Corvana Chief Executive Priya Natarajan", "Acme Senior Vice President John Smith": a
        # capitalised title (of one or several words) between an organisation and its holder
        nxt = end
        while (
            nxt < len(toks)
            and nxt - end < 4
            and (
                toks[nxt].text == "."
                or _is_title_word(toks[nxt], roles=True)
                or toks[nxt].lower_ in GENERIC_CAPS
                and toks[nxt].is_title
            )
        ):
            nxt += 1
        if (
            ner != "PERSON"
            and end - start > 1
            and nxt < len(toks)
            and toks[nxt].ent_type_ == "PERSON"
        ):
            cut = end
            while cut - start > 1 and (
                toks[cut - 1].lower_ in GENERIC_CAPS or _is_title_word(toks[cut - 1], roles=True)
            ):
                cut -= 1
            if cut < end and any(_is_title_word(t, roles=True) for t in toks[cut:nxt]):
                end = cut
        return end

    def _span_text(self, start: int, end: int) -> str:
        toks = self.toks
        text = clean_name(self.doc[start:end].text)
        if (
            end < len(toks)
            and toks[end].text == "."
            and (toks[end - 1].lower_ + ".") in LEGAL_SUFFIXES
            and not toks[end - 1].lower_.endswith(".")
        ):
            text += "."  # "Rossano Holding S.r.l." at a sentence end: the tokenizer took the period
        return text

    def _new_name(
        self, text: str, words: list[str], start: int, end: int, ner: str | None, title: str | None
    ) -> Name:
        """Make, type (from its own words) and index the name."""
        toks = self.toks
        name = Name(text=text, start=start, end=end, ner=ner, title=title)
        sent = self.sent(start)
        if sent.start not in self._headline:
            # a one-line document is all there is: nothing else could confirm its names
            self._headline[sent.start] = self.multiline and _is_headline(sent, self.text)
        start_char = toks[start].idx
        name.weak = (
            start >= self.weak_from
            or self._headline[sent.start]
            or any(a <= start_char < b for a, b in self.credits)
        )
        _vote_own_words(name, words, toks, ner)
        self.names.append(name)
        for i in range(start, end):
            self.by_token[i] = name
        # "President Kennedy": the titled form is recorded as another spelling (no votes, no
        # tokens: rules and typing see only the name itself)
        k = start - 1
        if (
            title
            and k >= 0
            and toks[k].text == title
            and title.casefold() in KEY_HONORIFICS
            and toks[k].whitespace_
        ):
            self.names.append(
                Name(text=f"{title} {text}", start=k, end=end, weak=name.weak, spelling=True)
            )
        return name

    def _collect(self) -> None:
        """Datelines, then NER's spans, then the proper-noun runs NER missed, then repeats."""
        self._datelines()
        self._ner_names()
        self._candidates()
        self._repeat_names()
        self.names.sort(key=lambda n: n.start)
        self.aliases = self._acronyms()
        self.aliases.update(self._short_forms())
        self._city_regions()

    def _ner_names(self) -> None:
        toks = self.toks
        for ent in self.doc.ents:
            if ent.label_ not in NER_TYPES and ent.label_ not in WEAK_NER:
                continue
            if (
                ent.label_ == "NORP"
                and not place_name(ent.text)
                and (
                    _group_word(ent.text)
                    or ent[-1].pos_ == "ADJ"
                    or ent[-1].tag_ in ("NNPS", "NNS")
                    or ent[-1].dep_ in ("amod", "compound")
                    and ent[-1].head.is_lower  # "the Ecuadoran minister"
                )
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

    def _candidates(self) -> None:
        """Proper-noun runs NER missed: candidates that need evidence to become entities."""
        doc = self.doc
        toks = self.toks
        other_ents = {
            i for ent in doc.ents if ent.label_ not in NER_TYPES for i in range(ent.start, ent.end)
        }
        i = 0
        while i < len(doc):
            if _is_propn(toks[i]) and i not in self.by_token and i not in other_ents:
                j = i
                while True:
                    if (
                        j + 1 < len(doc)
                        and _is_propn(toks[j + 1])
                        and j + 1 not in self.by_token
                        and j + 1 not in other_ents
                        and toks[j].whitespace_
                    ):
                        j += 1
                    elif (
                        j + 2 < len(doc)
                        and _acronym_pair(toks[j], toks[j + 1], toks[j + 2])
                        and not any(k in self.by_token or k in other_ents for k in (j + 1, j + 2))
                    ):
                        j += 2  # "ITAR-TASS": two capitals words glued by a hyphen are one name
                    else:
                        break
                self._add(i, j + 1, None)
                i = j + 1
            else:
                i += 1

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
            if (
                region is None
                or region.start != e + 1
                or region_name(region.text) is None
                or region_name(name.text) is not None
            ):
                continue
            if region.end < len(doc) and not (
                toks[region.end].is_punct or toks[region.end].is_space or toks[region.end].is_lower
            ):
                continue  # "Paris, Texas Instruments said": the region word starts another name
            words = [w.casefold().strip(".,") for w in name.text.split()]
            if any(w in LEGAL_SUFFIXES or TYPE_NOUNS.get(w, PLACE) != PLACE for w in words):
                continue  # "Acme Corp., Texas" is a company, not a town
            vote(name, CITY_REGION)
            vote(region, CITY_REGION)
            both = Name(
                text=f"{name.text}, {region.text}",
                start=name.start,
                end=region.end,
                ner=None,
                weak=name.weak,
                spelling=True,
            )
            vote(both, CITY_REGION)
            joined.append(both)
        if joined:
            self.names.extend(joined)  # extra spellings only: tokens stay with the town's own name
            self.names.sort(key=lambda n: n.start)

    # --- typing from context ----------------------------------------------------------------


def _not_a_name(text: str, ner: str | None) -> bool:
    """Too short, a label NER mistakes for a name, or a funding round ("Series B")."""
    if not text or not _HAS_UPPER.search(text) or text.casefold() in NOT_NAMES:
        return True
    if sum(c.isalpha() for c in text) < 2 and not (
        ner in ("ORG", "PRODUCT")
        and len(text) >= 2
        and any(c.isdigit() for c in text)
        and any(c.isupper() for c in text)
    ):
        return True  # (but "N26", "3M" are companies)
    return bool(re.fullmatch(r"(?i)series [a-h]\d?(-\d)?", text))


def _generic_words(words: list[str], *, company_form: bool) -> bool:
    """Only words of titles ("Chief Executive Officer", "Board of Directors", "Inc") or of
    filings ("Asset Purchase Agreement", "Common Stock", "Effective October30", "L.L.P.")."""
    if not company_form and all(
        w in GENERIC_CAPS
        or w in ROLE_NOUNS
        or w in PERSON_TITLES
        or w in LEGAL_SUFFIXES
        or w in TYPE_NOUNS
        or w in ("of", "and", "&")
        for w in words
    ):
        return True
    return (
        words[-1] in DOCUMENT_HEADS
        or not company_form
        and all(
            w in GENERIC_CAPS
            or w in FILING_WORDS
            or w in LEGAL_SUFFIXES
            or w in ("of", "and", "&", "the")
            or is_month_word(w)
            or w.isdigit()
            for w in words
        )
    )


def _vote_own_words(name: Name, words: list[str], toks: list[Token], ner: str | None) -> None:
    """Collection cues: what a name's own words (and a legal form after it) say of its type."""
    text, end = name.text, name.end
    if place_name(text):
        vote(name, KNOWN_COUNTRY)
    elif listed_place(text) or ner in ("GPE", "LOC") and _known_area(text):
        vote(name, KNOWN_PLACE)
    elif ner not in ("GPE", "LOC") and _place_shaped(words):
        vote(name, PLACE_SHAPED)
    # "Haworth, Inc.", "Green River Collieries, LLC": a legal form in or right after the name
    after = end + 1 if end + 1 < len(toks) and toks[end].text == "," else end
    if words[-1] in COMPANY_FORMS or (
        after < len(toks) and toks[after].lower_ in COMPANY_FORMS and not toks[after].is_lower
    ):
        vote(name, LEGAL_FORM)
    elif len(words) > 1 and words[-1] in ORG_HEADS and ner != "PERSON":
        vote(name, ORG_HEAD)  # "Reliance Industries", "Gimlet Media"
    if name.title:
        vote(name, PERSON_TITLE)



def _known_area(text: str) -> bool:
    """A country, province or continent only the knowledge packages know ("Republic of Congo",
    "Turkmenistan"), and only where NER agrees. Towns are left out: they lend their names to
    companies ("Nokia", "Meridian"), and a company NER calls a place must stay outvotable."""
    found = gazetteer_place(text)
    return found is not None and found.kind != "city"
