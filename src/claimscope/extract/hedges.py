"""Hedges and evidential markers: reportedly, alleged, unverified, could, sparked speculation.

One spaCy ``Matcher`` holds every pattern, written on lemmas, lower-case forms and tags so
that one pattern covers every inflection and the month "May" (a proper noun) is never taken
for the modal "may". Where patterns overlap, the longest wins: "could not be independently
verified" is one unverified marker, not a modal plus a verb.

Example:
    >>> from claimscope import analyze
    >>> analysis = analyze("The dam reportedly cracked.")  # doctest: +SKIP
    >>> [(h.kind, h.span.text) for h in analysis.hedges]  # doctest: +SKIP
    [('reported', 'reportedly')]
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimscope.extract.common import SentenceIndex, make_span
from claimscope.schema import Hedge, HedgeKind

_MODIFIERS: dict[str, Any] = {"POS": {"IN": ["DET", "ADJ", "ADV", "PRON"]}, "OP": "*"}
_CLAIM_NOUNS = [
    "accusation", "account", "allegation", "assertion", "charge", "claim", "report",
    "suggestion",
]  # fmt: skip

_HEDGE_ADVERBS = [
    "apparently", "likely", "maybe", "perhaps", "possibly", "presumably", "probably", "unlikely",
]  # fmt: skip

_PATTERNS: dict[HedgeKind, list[list[dict[str, Any]]]] = {
    "reported": [
        [{"LOWER": "reportedly"}],
        [{"LOWER": "reported", "DEP": "amod"}],  # "the reported involvement"
        [
            {"LEMMA": "be"},
            {"LOWER": {"IN": ["said", "reported", "believed", "thought", "understood"]}},
            {"LOWER": "to"},
        ],
        [
            {"LOWER": "according"},
            {"LOWER": "to"},
            {"POS": {"IN": ["DET", "ADJ", "NOUN", "PROPN"]}, "OP": "*"},
            {"LOWER": {"IN": ["report", "reports"]}},
        ],
    ],
    "alleged": [
        [{"LOWER": {"IN": ["alleged", "allegedly", "purported", "purportedly", "supposedly"]}}],
        [{"LOWER": "so"}, {"LOWER": "-"}, {"LOWER": "called"}],
        [{"LEMMA": {"IN": ["claim", "allege"]}, "POS": "VERB"}],
    ],
    "hedged": [
        [{"TAG": "MD", "DEP": "aux", "LOWER": {"IN": ["may", "might", "could"]}}],
        [{"LEMMA": "appear", "POS": "VERB"}, {"LOWER": {"IN": ["to", "that"]}}],
        [{"LEMMA": "seem", "POS": "VERB"}],
        [{"LOWER": {"IN": _HEDGE_ADVERBS}}],
        [{"LEMMA": "suggest", "POS": "VERB"}],
        [
            {"LEMMA": {"IN": ["remain", "be"]}, "OP": "?"},
            {"LOWER": {"IN": ["unclear", "uncertain"]}},
        ],
    ],
    "unverified": [
        [{"LOWER": {"IN": ["unverified", "unconfirmed", "uncorroborated", "unsubstantiated"]}}],
        [
            {"LOWER": {"IN": ["could", "can", "would"]}, "OP": "?"},
            {"LOWER": {"IN": ["not", "n't", "never"]}},
            {"LOWER": {"IN": ["be", "been"]}, "OP": "?"},
            {"LOWER": {"IN": ["independently", "immediately", "yet"]}, "OP": "?"},
            {"LEMMA": {"IN": ["verify", "confirm", "corroborate"]}},
        ],
        [
            {"LOWER": "without"},
            {"LEMMA": {"IN": ["provide", "offer", "give", "cite", "present"]}, "OP": "?"},
            {"POS": {"IN": ["DET", "ADJ"]}, "OP": "*"},
            {"LEMMA": {"IN": ["evidence", "proof"]}},
        ],
        [{"LOWER": "no"}, {"POS": "ADJ", "OP": "*"}, {"LEMMA": {"IN": ["evidence", "proof"]}}],
    ],
    "speculative": [
        [
            {
                "LEMMA": {
                    "IN": ["conjecture", "predict", "prediction", "rumor", "rumour", "speculate"]
                }
            }
        ],
        [{"LOWER": {"IN": ["speculation", "speculations", "rumours", "rumors"]}}],
        [
            {"LEMMA": {"IN": ["spark", "fuel", "prompt", "trigger", "raise", "stoke"]}},
            {"POS": {"IN": ["ADJ", "DET"]}, "OP": "*"},
            {"LOWER": {"IN": ["speculation", "rumours", "rumors", "conjecture"]}},
        ],
    ],
    "denied": [
        [{"LEMMA": "deny", "POS": "VERB"}],
        [{"LEMMA": "denial"}],
        [
            {"LEMMA": {"IN": ["reject", "dismiss", "refute", "rebut"]}, "POS": "VERB"},
            _MODIFIERS,
            {"LEMMA": {"IN": _CLAIM_NOUNS}},
        ],
        [{"LEMMA": {"IN": ["dismiss", "reject"]}, "POS": "VERB"}, {"LOWER": "as"}],
    ],
}


def _negated_could(match: Any) -> bool:
    """ "could not be repaired" states an inability, not a possibility: no hedge.

    "may not" and "might not" stay hedges ("may not be enough" is as uncertain as "may be").
    """
    token = match[0]
    if len(match) != 1 or token.lower_ != "could":
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in ("not", "n't", "never")


@lru_cache(maxsize=4)
def _matcher(vocab: Any) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    for kind, patterns in _PATTERNS.items():
        matcher.add(kind, patterns)
    return matcher


def extract_hedges(doc: Any) -> list[Hedge]:
    """Hedge spans in ``doc`` (ids ``H1``, ``H2``, ...), longest match first where they overlap.

    Args:
        doc: the parsed article.
    """
    from spacy.util import filter_spans

    matches = _matcher(doc.vocab)(doc, as_spans=True)
    sentences = SentenceIndex(doc)
    text = doc.text  # built once: every ``doc.text`` access joins all tokens again
    hedges: list[Hedge] = []
    for match in sorted(filter_spans(matches), key=lambda s: s.start):
        if match.label_ == "hedged" and _negated_could(match):
            continue
        span = make_span(text, match.start_char, match.end_char)
        hedges.append(
            Hedge(
                id=f"H{len(hedges) + 1}",
                kind=match.label_,
                span=span,
                sentence=sentences.of(span.start),
            )
        )
    return hedges
