"""The article text as highlighted HTML: overlapping record spans flattened into segments.

Overlapping highlights are flattened: the text is cut at every start and end of every span,
and each piece (a *segment*) carries the set of layers active over it, so markup never
overlaps and a piece of text is never split inside an escape sequence.

Sentences with learned signals are the one level of nesting: sentences never overlap each
other, and the text is also cut at every sentence boundary, so each sentence's wrapper holds
whole segments and every element still closes inside its parent.

Example:
    >>> a = Layer(0, 5, "ent", "PERSON", "E1", "Ilse")
    >>> str(highlight("Ilse rang.", [a]))
    '<span id="r-E1" class="anchor"></span><span class="seg ent ent-PERSON" data-ids="E1" \
title="Ilse">Ilse </span>rang.'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

#: The highlight layers in the order their lines appear in a tooltip, with legend labels.
LAYERS: dict[str, str] = {
    "src": "Source (who is cited)",
    "cue": "Cue (said, according to, …)",
    "content": "Attributed content",
    "channel": "Channel (outlet or document)",
    "claim": "Claim (tinted by status)",
    "hedge": "Hedge (reportedly, may, …)",
    "ent": "Entity (by type)",
    "time": "Time expression",
    "technique": "Persuasion technique (name on hover)",
    "finding": "Finding to check",
}
_ORDER = {kind: i for i, kind in enumerate(LAYERS)}

_CLASS_SAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True, slots=True)
class Layer:
    """One highlight: a span of the text, its layer kind, the record it belongs to."""

    start: int
    end: int
    kind: str  # a key of LAYERS
    variant: str  # status, entity type, hedge kind, severity ("" when none)
    record: str  # the id of the record (A1, C2, E3, ...)
    label: str  # one line of the tooltip


@dataclass(frozen=True, slots=True)
class SentenceMark:
    """A sentence to wrap in its own element: its signal classes and its tooltip line."""

    start: int
    end: int
    index: int
    classes: tuple[str, ...]  # "cw-3", "subj", ...
    label: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the text over which the same layers are active."""

    start: int
    end: int
    layers: tuple[Layer, ...]


def segments(length: int, layers: Iterable[Layer], cuts: Iterable[int] = ()) -> list[Segment]:
    """Cut ``[0, length)`` at every layer boundary; each piece lists the layers over it.

    Layers within a piece are ordered by kind (as in ``LAYERS``), then by start. ``cuts`` are
    extra offsets to cut at (sentence boundaries), even where no layer starts or ends.

    Layers are clipped to the text and empty ones dropped. The pieces cover the text exactly
    once, in order, so joining their text gives the article back.

    Example:
        >>> a = Layer(0, 5, "ent", "PERSON", "E1", "Ilse")
        >>> b = Layer(3, 8, "claim", "asserted", "C1", "claim")
        >>> [(s.start, s.end, [x.record for x in s.layers]) for s in segments(10, [a, b])]
        [(0, 3, ['E1']), (3, 5, ['C1', 'E1']), (5, 8, ['C1']), (8, 10, [])]
    """
    starts: dict[int, list[Layer]] = {}
    ends: dict[int, list[Layer]] = {}
    bounds = {0, length} | {cut for cut in cuts if 0 < cut < length}
    for layer in layers:
        start, end = max(0, layer.start), min(length, layer.end)
        if start >= end:
            continue
        starts.setdefault(start, []).append(layer)
        ends.setdefault(end, []).append(layer)
        bounds.update((start, end))
    ordered = sorted(bounds)
    active: dict[Layer, None] = {}  # an ordered set: O(1) removal, deterministic order
    result: list[Segment] = []
    for here, upto in pairwise(ordered):
        for layer in ends.get(here, ()):
            active.pop(layer, None)
        for layer in starts.get(here, ()):
            active[layer] = None
        result.append(Segment(here, upto, tuple(sorted(active, key=_layer_key))))
    return result


def _layer_key(layer: Layer) -> tuple[int, int, str]:
    return (_ORDER.get(layer.kind, len(_ORDER)), layer.start, layer.record)


def _disjoint(length: int, marks: Iterable[SentenceMark]) -> list[SentenceMark]:
    """Sentence marks clipped to the text and to each other, in order, none empty.

    The analyzer's sentences never overlap; a hand-built analysis might, and an overlap must
    not produce crossing elements.
    """
    result: list[SentenceMark] = []
    done = 0
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        start, end = max(mark.start, done, 0), min(mark.end, length)
        if start < end:
            result.append(
                SentenceMark(start, end, mark.index, mark.classes, mark.label)
                if (start, end) != (mark.start, mark.end)
                else mark
            )
            done = end
    return result


def highlight(text: str, layers: Sequence[Layer], sentences: Iterable[SentenceMark] = ()) -> Markup:
    """The article text as HTML: escaped segments wrapped in spans that carry their layers.

    Each record's first segment is preceded by an empty anchor ``<span id="r-ID">`` that the
    side panel links to; anchors add no text, so the page's text is the article's text. Each
    of ``sentences`` wraps its segments in one ``<span class="sent ...">`` whose tooltip line
    also ends the tooltip of every highlighted segment inside it.

    Example:
        >>> str(highlight("a<b", [Layer(1, 2, "cue", "", "A1", "cue")]))
        'a<span id="r-A1" class="anchor"></span><span class="seg cue" data-ids="A1" \
title="cue">&lt;</span>b'
    """
    marks = _disjoint(len(text), sentences)
    cuts = [x for mark in marks for x in (mark.start, mark.end)]
    out: list[str] = []
    anchored: set[str] = set()
    pending = iter(marks)
    upcoming = next(pending, None)
    current: SentenceMark | None = None
    for seg in segments(len(text), layers, cuts):
        if current is None and upcoming is not None and seg.start == upcoming.start:
            current, upcoming = upcoming, next(pending, None)
            out.append(
                Markup('<span class="{}" data-sentence="{}" title="{}">').format(
                    " ".join(("sent", *current.classes)), current.index, current.label
                )
            )
        piece = escape(text[seg.start : seg.end])
        if not seg.layers:
            out.append(piece)
        else:
            for layer in seg.layers:
                if layer.record not in anchored and layer.start >= seg.start:
                    anchored.add(layer.record)
                    out.append(
                        Markup('<span id="r-{}" class="anchor"></span>').format(layer.record)
                    )
            labels = [*dict.fromkeys(layer.label for layer in seg.layers)]
            if current is not None:
                labels.append(current.label)
            out.append(
                Markup('<span class="{}" data-ids="{}" title="{}">{}</span>').format(
                    " ".join(_classes(seg)),
                    " ".join(dict.fromkeys(layer.record for layer in seg.layers)),
                    "\n".join(labels),
                    piece,
                )
            )
        if current is not None and seg.end == current.end:
            out.append(Markup("</span>"))
            current = None
    return Markup("").join(out)


def _classes(seg: Segment) -> list[str]:
    classes = ["seg"]
    for layer in seg.layers:
        classes.append(layer.kind)
        if layer.variant:
            # Variants (entity types come from the model) become class names: keep them tame.
            classes.append(f"{layer.kind}-{_CLASS_SAFE.sub('_', layer.variant)}")
        if layer.kind == "finding" and layer.end == seg.end:
            classes.append("finding-end")
    return list(dict.fromkeys(classes))
