"""Words that hedge, negate or condition a statement (read by kg.modality)."""

from __future__ import annotations

HEDGE_MODALS = frozenset("could may might would should can ca 'd".split())
HEDGE_VERBS = frozenset(
    """consider plan intend aim hope seek want wish expect mull weigh explore eye rumor rumour
    speculate believe suggest propose try attempt negotiate discuss pursue threaten predict
    forecast anticipate contemplate envisage envision offer bid look prepare""".split()
)
HEDGE_NOUNS = frozenset(
    """motive motivation plan plans possibility potential speculation rumor rumour rumors
    talks bid proposal intention idea hope hopes chance option prospect prospects scenario
    negotiation negotiations offer interest ambition goal report reports claim claims
    allegation allegations suggestion suggestions expectation expectations belief""".split()
)
HEDGE_ADJECTIVES = frozenset(
    """potential possible proposed planned rumored rumoured prospective would-be mooted
    hypothetical likely unlikely alleged reported expected future pending""".split()
)
NEGATING_VERBS = frozenset(
    """abandon deny cancel scrap reject drop halt refuse fail block abort terminate end
    call withdraw shelve kill nix pull suspend boycott stop quit""".split()
)
NEGATING_ADJECTIVES = frozenset(
    "failed abandoned aborted scrapped cancelled canceled collapsed".split()
)
CONDITION_MARKERS = frozenset("if whether unless".split())
