"""Page furniture around an article: title-case headlines, photo credits, "You may also like"."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..lexicons import BOILERPLATE_MARKERS


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
        line = (
            text[sent.start_char : sent.end_char].strip().casefold()
        )  # (Span.text rebuilds it token by token)
        if len(line) < 60 and line.startswith(BOILERPLATE_MARKERS):
            return sent.start
    return sents[-1].end if sents else 0
