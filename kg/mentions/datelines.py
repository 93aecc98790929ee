"""Datelines and monitoring-service source lines: where a story was filed, and by whom."""

from __future__ import annotations

import re
from collections import defaultdict

from ..lexicons import (
    BROADCASTER_WORDS,
    DATELINE,
    SOURCE_ALONE,
    SOURCE_LINE,
    SOURCE_NUMBERED,
    known_place,
)
from ..model import ORG, PLACE
from .cue import vote
from .cues import DATELINE_PLACE, DATELINE_SOURCE
from .name import Name

_SOURCE_DATE = re.compile(
    r"\d{4}\s+GMT\b|\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2}\b"
)  # what SOURCE_LINE/SOURCE_NUMBERED end with


class Datelines:
    """Names claimed from a line's dateline before NER runs them together."""

    def _datelines(self) -> None:
        """ "WASHINGTON (AP) _", "Beijing XINHUA in English 1313 GMT": a line opening with the
        place a story was filed from and the agency or broadcaster that filed it. Both are plain
        names, not a shouted headline; they are claimed before NER, which runs them together."""
        # (start, end, type, source line number)
        found = _dateline_spans(self.text) + self._source_line_spans()
        lines: dict[int, dict[str, Name]] = defaultdict(dict)
        for a, b, kind, line in found:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            name = self.by_token.get(span.start) or self._add(span.start, span.end, None)
            if name is not None and name.start >= span.start and name.end <= span.end:
                vote(name, DATELINE_PLACE if kind == PLACE else DATELINE_SOURCE)
                name.weak = False
                if line is not None:
                    lines[line][kind] = name
        # "Beijing XINHUA in English": a monitoring service's source line names a paper or
        # broadcaster and its city (a news dateline "WASHINGTON (AP)" only says where a story
        # was filed, so it states no seat)
        self.sources = [
            (pair[ORG], pair[PLACE]) for pair in lines.values() if ORG in pair and PLACE in pair
        ]

    def _source_line_spans(self) -> list[tuple[int, int, str, int | None]]:
        """City and paper of monitoring-service source lines; their other words are blocked."""
        text = self.text
        found: list[tuple[int, int, str, int | None]] = []
        # both source-line forms end in a time or date: without one, skip their costly scans
        dated = _SOURCE_DATE.search(text) is not None
        sources = (*SOURCE_LINE.finditer(text), *SOURCE_NUMBERED.finditer(text)) if dated else ()
        for m in (*sources, *SOURCE_ALONE.finditer(text)):
            if m.re is SOURCE_NUMBERED and " in " in m.group("rest"):
                continue  # a full source line, read above
            words = m.group("rest").split()
            # the longest opening run of words that is a known city: "Panama City", "Moscow"
            k = next(
                (
                    k
                    for k in range(min(3, len(words) - 1), 0, -1)
                    if known_place(" ".join(words[:k]))
                ),
                0,
            )
            if not k:
                continue
            if k < len(words) - 1 and words[k] == "City":
                k += 1  # "Guatemala City", not the country
            # alone on a line, the source must look like one: "Moscow IZVESTIYA", "Madrid RNE
            # International"
            if m.re is SOURCE_ALONE and not (
                all(w.isupper() for w in words[k:])
                or any(w.casefold() in BROADCASTER_WORDS for w in words[k:])
            ):
                continue
            start = m.start("rest")
            city_end = start + len(" ".join(words[:k]))
            found.append((start, city_end, PLACE, m.start()))
            found.append((city_end + 1, m.end("rest"), ORG, m.start()))
            for a, b in ((m.start(), start), (m.end("rest"), m.end())):
                span = self.doc.char_span(a, b, alignment_mode="expand")
                if span is not None:
                    self.blocked.update(range(span.start, span.end))
        return found


def _dateline_spans(text: str) -> list[tuple[int, int, str, int | None]]:
    """City, region and agency of news datelines ("WASHINGTON (AP) _")."""
    found: list[tuple[int, int, str, int | None]] = []
    for m in DATELINE.finditer(text):
        city = m.group("city")
        if not city.isupper() and not (m.group("region") or m.group("date") or known_place(city)):
            continue  # "Google (GOOG) -" is a ticker, not a dateline
        for group, kind in (("city", PLACE), ("region", PLACE), ("agency", ORG)):
            if m.group(group) is not None:
                found.append((m.start(group), m.end(group), kind, None))
    return found
