"""Score attribution extraction on PolNeAR: per-role and full-attribution precision/recall/F1.

The metric (defined precisely in ``docs/eval-attribution.md``):

* a span is the set of *word tokens* of the article text it touches (tokens are
  ``\\w+|[^\\w\\s]``; punctuation counts only for a span with no word, such as a cue ":");
  a discontinuous span is the union of its pieces;
* overlap match: two spans of the same role share at least half of the longer one's tokens;
  exact match: they have the same tokens;
* per role, the distinct spans of gold and prediction are matched one to one (a maximum
  bipartite matching), so that one long span cannot match two;
* full attribution: a predicted attribution matches a gold one when every role matches, a role
  absent on both sides counting as matched and absent on one side only as not; again one to one.

Example:
    >>> from claimscope.evaluate.polnear import AttributionSpans
    >>> text = "Varn said the bridge is safe."
    >>> gold = [AttributionSpans(source=((0, 4),), cue=((5, 9),), content=((10, 28),))]
    >>> pred = [AttributionSpans(source=((0, 4),), cue=((5, 9),), content=((14, 28),))]
    >>> scorer = Scorer()
    >>> scorer.add_article(text, gold, pred)
    >>> scorer.metrics()["content_f1"], scorer.metrics()["exact"]["content_f1"]
    (1.0, 0.0)
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from claimscope.errors import InputError, InvalidOptionError
from claimscope.evaluate.binary import harmonic_f1, ratio
from claimscope.evaluate.polnear import ROLES, AttributionSpans, ReadStats, Segments, read_split
from claimscope.evaluate.systems import SYSTEMS

#: Tokens of the article text: runs of word characters, or one other non-space character.
_TOKEN = re.compile(r"\w+|[^\w\s]")

#: A span as the token positions it covers.
Key = frozenset[int]
#: An attribution as the keys of its roles, in ``ROLES`` order.
Triple = tuple[Key | None, Key | None, Key | None]
MatchRule = Callable[[Key, Key], bool]
_Item = TypeVar("_Item", Key, Triple)


class TokenIndex:
    """The tokens of one article text, to turn character ranges into token sets.

    Example:
        >>> TokenIndex("“Yes,” Varn said.").key(((0, 6),))
        frozenset({1})
    """

    def __init__(self, text: str) -> None:
        matches = list(_TOKEN.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.is_word = [m.group()[0].isalnum() or m.group()[0] == "_" for m in matches]

    def key(self, segments: Segments | None) -> Key | None:
        """The word tokens the ranges touch (else their punctuation); ``None`` if no token."""
        if not segments:
            return None
        words: set[int] = set()
        others: set[int] = set()
        for start, end in segments:
            # Tokens that touch [start, end): those ending after start and starting before end.
            for i in range(bisect_right(self.ends, start), bisect_left(self.starts, end)):
                (words if self.is_word[i] else others).add(i)
        chosen = words or others
        return frozenset(chosen) if chosen else None


def overlap_match(predicted: Key, gold: Key) -> bool:
    """Whether two spans share at least half of the longer one's tokens.

    Example:
        >>> overlap_match(frozenset({1, 2}), frozenset({2, 3, 4, 5}))
        False
    """
    shared = len(predicted & gold)
    return shared > 0 and 2 * shared >= max(len(predicted), len(gold))


def exact_match(predicted: Key, gold: Key) -> bool:
    """Whether two spans cover the same tokens."""
    return predicted == gold


#: The matching modes reported: overlap at the top level, exact under "exact".
MODES: dict[str, MatchRule] = {"overlap": overlap_match, "exact": exact_match}


def max_matching(candidates: Sequence[Sequence[int]], right: int) -> int:
    """Size of a maximum one-to-one matching of left items to the right items they may match.

    Augmenting paths (Kuhn's algorithm) with an explicit stack, so that long chains cannot hit
    Python's recursion limit; the graphs here are tiny and sparse.

    Example:
        >>> max_matching([[0, 1], [0]], right=2)  # greedy 0->0 would leave item 1 unmatched
        2
    """
    left_match = [-1] * len(candidates)
    right_match = [-1] * right
    size = 0
    for root in range(len(candidates)):
        reached_from: dict[int, int] = {}
        stack = [root]
        free = -1
        while stack and free < 0:
            item = stack.pop()
            for target in candidates[item]:
                if target in reached_from:
                    continue
                reached_from[target] = item
                if right_match[target] < 0:
                    free = target
                    break
                stack.append(right_match[target])
        target = free
        while target >= 0:  # flip the path back to the root
            item = reached_from[target]
            previous = left_match[item]
            left_match[item], right_match[target] = target, item
            target = -1 if item == root else previous
        size += free >= 0
    return size


def _candidates(
    predicted: Sequence[_Item],
    gold: Sequence[_Item],
    tokens: Callable[[_Item], Iterable[int]],
    match: Callable[[_Item, _Item], bool],
) -> list[list[int]]:
    """For each predicted item, the gold items it matches."""
    # Only items that share a token can match, so an index by token keeps this near linear.
    by_token: dict[int, list[int]] = {}
    for position, item in enumerate(gold):
        for token in tokens(item):
            by_token.setdefault(token, []).append(position)
    result = []
    for item in predicted:
        near = {position for token in tokens(item) for position in by_token.get(token, ())}
        result.append(sorted(position for position in near if match(item, gold[position])))
    return result


def _key_tokens(key: Key) -> Iterable[int]:
    return key


def _triple_tokens(triple: Triple) -> Iterable[int]:
    return {token for key in triple if key is not None for token in key}


def _triple_rule(rule: MatchRule) -> Callable[[Triple, Triple], bool]:
    def match(predicted: Triple, gold: Triple) -> bool:
        # A role absent on both sides agrees; absent on one side only, it does not.
        return all(
            (p is None and g is None) or (p is not None and g is not None and rule(p, g))
            for p, g in zip(predicted, gold, strict=True)
        )

    return match


@dataclass(slots=True)
class Tally:
    """Matched, predicted and gold counts of one role (or of whole attributions)."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def scores(self) -> tuple[float, float, float]:
        """(precision, recall, F1); 0.0 where a denominator is zero."""
        precision = ratio(self.matched, self.predicted)
        recall = ratio(self.matched, self.gold)
        return precision, recall, harmonic_f1(precision, recall)


@dataclass
class Scorer:
    """Accumulates counts article by article; ``metrics()`` gives micro-averaged scores."""

    tallies: dict[tuple[str, str], Tally] = field(
        default_factory=lambda: {(m, r): Tally() for m in MODES for r in (*ROLES, "full")}
    )

    def add_article(
        self,
        text: str,
        gold: Sequence[AttributionSpans],
        predicted: Sequence[AttributionSpans],
    ) -> None:
        """Score one article's predicted attributions against its gold ones."""
        index = TokenIndex(text)
        gold_triples = _triples(gold, index)
        predicted_triples = _triples(predicted, index)
        for mode, rule in MODES.items():
            for position, role in enumerate(ROLES):
                gold_keys = _distinct(t[position] for t in gold_triples)
                predicted_keys = _distinct(t[position] for t in predicted_triples)
                candidates = _candidates(predicted_keys, gold_keys, _key_tokens, rule)
                matched = max_matching(candidates, len(gold_keys))
                self._add(mode, role, matched, len(predicted_keys), len(gold_keys))
            candidates = _candidates(
                predicted_triples, gold_triples, _triple_tokens, _triple_rule(rule)
            )
            matched = max_matching(candidates, len(gold_triples))
            self._add(mode, "full", matched, len(predicted_triples), len(gold_triples))

    def _add(self, mode: str, role: str, matched: int, predicted: int, gold: int) -> None:
        tally = self.tallies[mode, role]
        tally.matched += matched
        tally.predicted += predicted
        tally.gold += gold

    def metrics(self) -> dict[str, Any]:
        """Overlap scores at the top level (``cue_f1``, ...), exact ones under ``"exact"``."""
        result: dict[str, Any] = {}
        for mode in MODES:
            scores: dict[str, float] = {}
            for role in (*ROLES, "full"):
                precision, recall, f1 = self.tallies[mode, role].scores()
                scores[f"{role}_f1"] = round(f1, 4)
                scores[f"{role}_precision"] = round(precision, 4)
                scores[f"{role}_recall"] = round(recall, 4)
            if mode == "overlap":
                result.update(scores)
            else:
                result[mode] = scores
        # Distinct spans per role, and attributions ("full"), as counted by the scores above.
        result["counts"] = {
            side: {
                ("attributions" if role == "full" else role): getattr(
                    self.tallies["overlap", role], side
                )
                for role in (*ROLES, "full")
            }
            for side in ("gold", "predicted")
        }
        return result


def _triples(attributions: Sequence[AttributionSpans], index: TokenIndex) -> list[Triple]:
    # The same attribution given twice (by a system, or by a careless annotation) counts once.
    triples: dict[Triple, None] = {}
    for attribution in attributions:
        triple = (
            index.key(attribution.source),
            index.key(attribution.cue),
            index.key(attribution.content),
        )
        if triple[1] is not None or triple[2] is not None:
            triples[triple] = None
    return list(triples)


def _distinct(keys: Iterable[Key | None]) -> list[Key]:
    # A source shared by two attributions is one span of the text: it is found once.
    return list(dict.fromkeys(k for k in keys if k is not None))


def evaluate_attribution(
    folder: Path, *, system: str = "claimscope", limit: int | None = None
) -> dict[str, Any]:
    """Run a system over a PolNeAR split folder and score it; the JSON-ready metrics.

    Raises:
        SourceNotFoundError: the folder is not a PolNeAR split.
        InputError: it holds no annotated article, or an annotation is broken.
        InvalidOptionError: the system is unknown.
        ModelError: the system's models are not installed.
    """
    if system not in SYSTEMS:
        raise InvalidOptionError(f"unknown system '{system}': use one of {', '.join(SYSTEMS)}")
    stats = ReadStats()
    articles = list(read_split(folder, limit=limit, stats=stats))
    if not articles:
        raise InputError(f"{folder} holds no annotated article (text/*.txt with an .ann file)")
    run = SYSTEMS[system]([article.text for article in articles])
    started = time.perf_counter()
    scorer = Scorer()
    for article, predicted in zip(articles, run.predictions, strict=True):
        scorer.add_article(article.text, article.attributions, predicted)
    scoring = time.perf_counter() - started
    notes = [
        "overlap matching at the top level, exact matching under 'exact'; "
        "definitions in docs/eval-attribution.md",
        "articles_per_s counts the system's own time (parse and extraction), "
        "not model loading or scoring",
    ]
    if stats.several_annotation_files:
        notes.append(
            f"{stats.several_annotation_files} article(s) have several annotation files: "
            "scored against the first in sorted order"
        )
    return {
        "task": "attribution",
        "system": system,
        "data": str(folder),
        "articles": len(articles),
        "articles_per_s": round(len(articles) / run.seconds, 2) if run.seconds else None,
        **scorer.metrics(),
        "articles_failed": run.failed,
        "seconds": {
            "load": round(run.load_seconds, 3),
            "system": round(run.seconds, 3),
            "scoring": round(scoring, 3),
        },
        "gold": {
            "several_annotation_files": stats.several_annotation_files,
            "without_annotation": stats.without_annotation,
            "skipped_empty_attributions": stats.skipped_empty_attributions,
            "dangling_references": stats.dangling_references,
        },
        "notes": notes,
    }
