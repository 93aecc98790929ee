"""Names people work at: "Investors Bank and Trust" is one company's name (a generic last word
right after "and"), while "Arcadia Bank and Trellis" stays two. Hand-made parses, no model."""

from __future__ import annotations

import pytest
from test_names_cues import P, doc_of, t

from kg.mentions import DocNames


def at(words: list[str]):
    """`joined W1 W2 and W4 .` with NER's one ORG span over the words, "and" coordinating."""
    ents = ["B-ORG"] + ["I-ORG"] * (len(words) - 1)
    rows = [t("joined", 0, "ROOT", "VERB", "join")]
    for k, (w, e) in enumerate(zip(words, ents), start=1):
        if w == "and":
            rows.append(t(w, 2, "cc", "CCONJ", ent=e))
        elif k == 1:
            rows.append(t(w, 2, "compound", P, ent=e))
        elif k == 2:
            rows.append(t(w, 0, "dobj", P, ent=e))
        else:
            rows.append(t(w, 2, "conj", P, ent=e))
    return rows + [t(".", 0, "punct", "PUNCT")]


@pytest.mark.parametrize(
    ("words", "names"),
    [
        (["Investors", "Bank", "and", "Trust"], ["Investors Bank and Trust"]),
        (["Arcadia", "Bank", "and", "Trellis"], ["Arcadia Bank", "Trellis"]),
    ],
)
def test_generic_last_word_after_and_stays_in_the_name(words, names):
    found = sorted({n.text for n in DocNames(doc_of(at(words))).names})
    assert found == sorted(names)
