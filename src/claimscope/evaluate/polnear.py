"""Read PolNeAR: article texts and their brat standoff attribution annotations.

A split folder holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``. In an
``.ann`` file, T-lines are spans (``T9<TAB>Content 315 448;463 553<TAB>text``; several
``start end`` pairs separated by ``;`` make a discontinuous span) and an E-line joins the spans
of one attribution (``E3<TAB>Attribution:T12 Source:T11 Cue:T10 Content:T9``). The offsets are
Python string indices into the text file read as UTF-8 without newline translation.

Quirks of the corpus that the reader absorbs, each counted in ``ReadStats``:

* a span's text may hold a line break, so a T-line can run on over several lines of the file;
  the continuation lines are ignored (the offsets say everything);
* an attribution may have a second content span (``Content2``): it joins the first one;
* ``Attribution-no-source`` attributions have no source; a few E-lines name no cue and no
  content at all (only the trigger): those are skipped;
* an E-line may refer to a T-id that the file does not define: that role is left out;
* ``Discuss`` and ``Discard`` spans (annotators' notes) belong to no attribution and are ignored.

Example:
    >>> ann = "T1\\tSource 0 4\\tVarn\\nT2\\tCue 5 9\\tsaid\\nT3\\tContent 10 14\\tyes.\\n"
    >>> ann += "T4\\tAttribution 5 9\\tsaid\\nE1\\tAttribution:T4 Source:T1 Cue:T2 Content:T3\\n"
    >>> [a.cue for a in parse_ann(ann, text="Varn said yes.")]
    [((5, 9),)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimscope.errors import InputError, SourceNotFoundError

#: A span as sorted, non-overlapping character ranges (one range unless discontinuous).
Segments = tuple[tuple[int, int], ...]

#: The roles scored, in the order they are reported.
ROLES = ("source", "cue", "content")

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
# "Content2" is a second content span of the same attribution: its role is "Content".
_ROLE_OF_KEY = re.compile(r"^(Source|Cue|Content)\d*$")


@dataclass(frozen=True, slots=True)
class AttributionSpans:
    """One attribution as the character ranges of its three roles (``None`` where absent).

    Used both for gold attributions (``id`` is the brat E-line id) and for a system's
    predictions (``id`` is the system's own id, or empty).
    """

    source: Segments | None
    cue: Segments | None
    content: Segments | None
    id: str = ""

    def role(self, name: str) -> Segments | None:
        """The ranges of role ``name`` (one of ``ROLES``)."""
        value: Segments | None = getattr(self, name)
        return value


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    """One article with the gold attributions of the annotation file scored against."""

    name: str
    text: str
    attributions: tuple[AttributionSpans, ...]
    annotation_file: str
    #: How many annotation files the article has (the first in sorted order is used).
    annotation_files: int = 1


@dataclass(slots=True)
class ReadStats:
    """What the reader met and left out, reported with the metrics."""

    articles: int = 0
    several_annotation_files: int = 0
    without_annotation: int = 0
    skipped_empty_attributions: int = 0
    dangling_references: int = 0


def merge_segments(ranges: list[tuple[int, int]]) -> Segments:
    """Sort ranges and merge those that overlap or touch; empty ranges are dropped.

    Example:
        >>> merge_segments([(10, 14), (0, 4), (3, 6), (14, 14)])
        ((0, 6), (10, 14))
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def parse_ann(
    content: str, *, text: str, where: str = "<ann>", stats: ReadStats | None = None
) -> list[AttributionSpans]:
    """The attributions of one brat ``.ann`` file, in the order of their E-lines.

    Args:
        content: the ``.ann`` file's text.
        text: the article text the offsets point into (to check them).
        where: the file name, for error messages.
        stats: counters of what was skipped, updated in place.

    Raises:
        InputError: a span's offsets lie outside the text.
    """
    stats = stats if stats is not None else ReadStats()
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[tuple[str, str]] = []
    for number, line in enumerate(content.split("\n"), start=1):
        if match := _T_LINE.match(line):
            ranges = [
                (int(a), int(b)) for a, b in (pair.split() for pair in match.group(3).split(";"))
            ]
            if any(not 0 <= a <= b <= len(text) for a, b in ranges):
                raise InputError(
                    f"{where}:{number}: span {match.group(3)} lies outside the text of "
                    f"{len(text)} characters: is the text file the one annotated?"
                )
            spans[match.group(1)] = ranges
        elif match := _E_LINE.match(line):
            events.append((match.group(1), match.group(2)))
    attributions = []
    for event_id, arguments in events:
        roles: dict[str, list[tuple[int, int]]] = {}
        for argument in arguments.split():
            key, _, span_id = argument.partition(":")
            role = _ROLE_OF_KEY.match(key)
            if role is None:  # the trigger ("Attribution", "Attribution-no-source")
                continue
            if span_id not in spans:
                stats.dangling_references += 1
                continue
            roles.setdefault(role.group(1).lower(), []).extend(spans[span_id])
        merged = {role: merge_segments(ranges) for role, ranges in roles.items()}
        found = {role: ranges for role, ranges in merged.items() if ranges}
        if "cue" not in found and "content" not in found:
            stats.skipped_empty_attributions += 1
            continue
        attributions.append(
            AttributionSpans(
                source=found.get("source"),
                cue=found.get("cue"),
                content=found.get("content"),
                id=event_id,
            )
        )
    return attributions


def read_exact(path: Path) -> str:
    """A UTF-8 file with every character kept, line ends as written: data sets count offsets
    in the file's characters ("\r\n" is two).

    Raises:
        SourceNotFoundError: the file is missing, unreadable or not UTF-8.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as err:
        raise SourceNotFoundError(f"cannot read {path}: {err}") from err


def read_split(
    folder: Path, *, limit: int | None = None, stats: ReadStats | None = None
) -> Iterator[PolnearArticle]:
    """The annotated articles of a PolNeAR split folder, in sorted order of their names.

    An article with several annotation files (``<name>_<annotator>.ann``) is read from the
    first of them in sorted order. Articles without any annotation file are skipped.

    Args:
        folder: a split folder holding ``text/`` and ``attributions/``.
        limit: read at most this many articles.
        stats: counters of what was skipped, updated in place.

    Raises:
        SourceNotFoundError: the folder, or its ``text/`` or ``attributions/``, is missing.
        InputError: an annotation points outside its text.
    """
    stats = stats if stats is not None else ReadStats()
    text_dir, ann_dir = folder / "text", folder / "attributions"
    for needed in (folder, text_dir, ann_dir):
        if not needed.is_dir():
            raise SourceNotFoundError(
                f"{needed} is not a folder: give a PolNeAR split folder that holds "
                "text/ and attributions/ (e.g. .../polnear/dev)"
            )
    annotations: dict[str, list[Path]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        # The annotator id follows the last "_"; article names hold "_" themselves.
        name = path.stem.rsplit("_", 1)[0]
        annotations.setdefault(name, []).append(path)
    for text_path in sorted(text_dir.glob("*.txt")):
        if limit is not None and stats.articles >= limit:
            return
        files = annotations.get(text_path.stem)
        if not files:
            stats.without_annotation += 1
            continue
        text = read_exact(text_path)
        first = files[0]
        gold = parse_ann(read_exact(first), text=text, where=str(first), stats=stats)
        stats.articles += 1
        stats.several_annotation_files += len(files) > 1
        yield PolnearArticle(
            name=text_path.stem,
            text=text,
            attributions=tuple(gold),
            annotation_file=first.name,
            annotation_files=len(files),
        )
