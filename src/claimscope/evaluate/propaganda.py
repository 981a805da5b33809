"""Read the persuasion-technique corpus (SemEval-2020 Task 11) and split it without leaks.

A data folder holds ``articles/article<ID>.txt`` (a title, a blank line, then one sentence per
line) and ``techniques.tsv`` with a header and rows ``article_id<TAB>technique<TAB>start<TAB>end``:
character offsets into the article file decoded as UTF-8 (Python string indices, not bytes),
end exclusive; spans of one article may overlap and may run over a line break.

The corpus holds near-copies of some articles under different ids (the same story re-posted),
so a random split would put the same sentences on both sides. ``group_near_duplicates`` joins
articles that share at least half of the shorter one's distinct lines, and ``split_articles``
assigns whole groups to a side by a stable hash, so the split is the same on every machine and
in every Python process.

Example:
    >>> article = PropagandaArticle(
    ...     id="1", text="Title\\n\\nA vile plot.\\n", lines=[(0, 5), (6, 6), (7, 19)],
    ...     spans=[(9, 13, "Loaded_Language")])
    >>> line_labels(article)
    [False, False, True]
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimscope.errors import InputError, InvalidOptionError, SourceNotFoundError
from claimscope.evaluate.polnear import read_exact

#: The 14 techniques of SemEval-2020 Task 11, spelled as in ``techniques.tsv``.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)

_ARTICLE_FILE = re.compile(r"^article(\d+)\.txt$")
_HEADER = ("article_id", "technique", "start", "end")


@dataclass(frozen=True)
class PropagandaArticle:
    """One article with its gold technique spans.

    Attributes:
        id: the article id (the digits of ``article<ID>.txt``).
        text: the file's text, decoded as UTF-8 with line ends kept as they are.
        lines: ``(start, end)`` of each line, without its ``"\\n"``; line number ``i + 1``
            (the numbering of ``sentences.tsv``) is ``lines[i]``. A final line break does
            not open an extra empty line.
        spans: gold ``(start, end, technique)`` spans in the order of ``techniques.tsv``.
    """

    id: str
    text: str
    lines: list[tuple[int, int]]
    spans: list[tuple[int, int, str]]

    def line_texts(self) -> list[str]:
        """The text of each line (what a sentence-level model is given)."""
        return [self.text[start:end] for start, end in self.lines]


@dataclass(frozen=True)
class Split:
    """Article ids per side of a split, each list sorted."""

    train: list[str]
    selection: list[str]
    evaluation: list[str]


def line_offsets(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each ``"\\n"``-separated line; no empty line after a final break.

    Example:
        >>> line_offsets("Title\\n\\nOne.\\n")
        [(0, 5), (6, 6), (7, 11)]
    """
    offsets: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        offsets.append((start, end))
        start = end + 1
    return offsets


def line_labels(article: PropagandaArticle) -> list[bool]:
    """Per line, whether any gold span overlaps it (shares at least one character with it)."""
    return [
        any(start < line_end and line_start < end for start, end, _ in article.spans)
        for line_start, line_end in article.lines
    ]


def article_ids(data_dir: Path) -> list[str]:
    """The ids of the article files in ``data_dir/articles``, sorted.

    Raises:
        SourceNotFoundError: ``data_dir/articles`` is not a folder.
    """
    folder = data_dir / "articles"
    if not folder.is_dir():
        raise SourceNotFoundError(
            f"{folder} is not a folder: give the propaganda data folder that holds "
            "articles/article<ID>.txt and techniques.tsv"
        )
    ids = [m.group(1) for p in folder.iterdir() if (m := _ARTICLE_FILE.match(p.name))]
    return sorted(ids)


def read_propaganda(data_dir: Path, ids: Collection[str] | None = None) -> list[PropagandaArticle]:
    """The articles of a propaganda data folder (all, or those in ``ids``), sorted by id.

    Args:
        data_dir: the folder holding ``articles/`` and ``techniques.tsv``.
        ids: read only these articles; ``None`` reads every article file.

    Raises:
        SourceNotFoundError: the folder, ``articles/``, ``techniques.tsv`` or an article
            named in ``ids`` or in ``techniques.tsv`` is missing or unreadable.
        InputError: a row of ``techniques.tsv`` is malformed, names an unknown technique or
            points outside its article.
    """
    available = article_ids(data_dir)
    if ids is None:
        wanted = available
    else:
        missing = sorted(set(ids) - set(available))
        if missing:
            raise SourceNotFoundError(
                f"{data_dir / 'articles'} has no article file for id(s) {', '.join(missing[:5])}"
                + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
            )
        wanted = sorted(set(ids))
    spans = _read_techniques(data_dir / "techniques.tsv")
    unknown = sorted(set(spans) - set(available))
    if unknown:
        raise SourceNotFoundError(
            f"techniques.tsv annotates article(s) {', '.join(unknown[:5])} that have no file "
            f"in {data_dir / 'articles'}: is the folder complete?"
        )
    articles = []
    for article_id in wanted:
        text = read_exact(data_dir / "articles" / f"article{article_id}.txt")
        gold = spans.get(article_id, [])
        for number, (start, end, technique) in gold:
            if end > len(text):
                raise InputError(
                    f"techniques.tsv:{number}: span {start}-{end} ({technique}) lies outside "
                    f"article {article_id} of {len(text)} characters: is it the file annotated?"
                )
        articles.append(
            PropagandaArticle(
                id=article_id,
                text=text,
                lines=line_offsets(text),
                spans=[span for _, span in gold],
            )
        )
    return articles


def _read_techniques(path: Path) -> dict[str, list[tuple[int, tuple[int, int, str]]]]:
    """Gold spans per article id, each with the line number of its row (for messages)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except (OSError, UnicodeDecodeError) as err:
        raise SourceNotFoundError(
            f"cannot read {path}: {err} (the propaganda data folder needs techniques.tsv)"
        ) from err
    spans: dict[str, list[tuple[int, tuple[int, int, str]]]] = {}
    for number, row in enumerate(rows, start=1):
        if number == 1 and tuple(row) == _HEADER:
            continue
        if not row:
            continue
        if len(row) != 4:
            raise InputError(
                f"{path}:{number}: expected 4 tab-separated columns "
                f"(article_id, technique, start, end), found {len(row)}"
            )
        article_id, technique, start_text, end_text = row
        if technique not in TECHNIQUES:
            raise InputError(
                f"{path}:{number}: unknown technique '{technique}' "
                f"(expected one of the 14 SemEval-2020 Task 11 names)"
            )
        try:
            start, end = int(start_text), int(end_text)
        except ValueError:
            raise InputError(
                f"{path}:{number}: start and end must be integers, found "
                f"'{start_text}' and '{end_text}'"
            ) from None
        if not 0 <= start < end:
            raise InputError(f"{path}:{number}: span {start}-{end} is empty or negative")
        spans.setdefault(article_id, []).append((number, (start, end, technique)))
    return spans


def _line_set(article: PropagandaArticle) -> frozenset[str]:
    return frozenset(
        line for start, end in article.lines if (line := article.text[start:end].strip().lower())
    )


def group_near_duplicates(articles: Sequence[PropagandaArticle]) -> list[list[str]]:
    """Groups of article ids that are near-copies of each other, directly or through others.

    Two articles are near-copies when they share at least half of the distinct lines of the
    one with fewer (lines compared stripped and lowercased; empty lines ignored). The relation
    is closed transitively (union-find), so a group may join articles that share little
    directly. Every article is in exactly one group; a group's ids are sorted and the groups
    are sorted by their first id.

    Example:
        >>> a = PropagandaArticle("1", "x\\ny\\n", [(0, 1), (2, 3)], [])
        >>> b = PropagandaArticle("2", "Y\\nz\\nw\\n", [(0, 1), (2, 3), (4, 5)], [])
        >>> group_near_duplicates([a, b])
        [['1', '2']]
    """
    ids = [article.id for article in articles]
    parent = list(range(len(ids)))

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]  # path halving keeps the trees flat
            item = parent[item]
        return item

    line_sets = [_line_set(article) for article in articles]
    # An inverted index (line -> articles) counts shared lines for the pairs that share any,
    # instead of comparing every pair of articles.
    holders: dict[str, list[int]] = {}
    for position, lines in enumerate(line_sets):
        for line in lines:
            holders.setdefault(line, []).append(position)
    shared: dict[tuple[int, int], int] = {}
    for positions in holders.values():
        for i, first in enumerate(positions):
            for second in positions[i + 1 :]:
                shared[first, second] = shared.get((first, second), 0) + 1
    for (first, second), count in shared.items():
        fewer = min(len(line_sets[first]), len(line_sets[second]))
        if 2 * count >= fewer:
            parent[root(first)] = root(second)
    groups: dict[int, list[str]] = {}
    for position, article_id in enumerate(ids):
        groups.setdefault(root(position), []).append(article_id)
    return sorted((sorted(group) for group in groups.values()), key=lambda group: group[0])


def stable_fraction(key: str) -> float:
    """A number in [0, 1) fixed by ``key`` alone (SHA-256; Python's ``hash`` is salted).

    Example:
        >>> stable_fraction("101") == stable_fraction("101")
        True
    """
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2.0**64


def split_articles(
    articles: Sequence[PropagandaArticle],
    *,
    eval_fraction: float = 0.2,
    selection_fraction: float = 0.1,
) -> Split:
    """Split articles into train, selection and evaluation ids, keeping near-copies together.

    Each near-duplicate group goes to one side by ``stable_fraction`` of its smallest id:
    below ``eval_fraction`` to evaluation, below ``eval_fraction + selection_fraction`` to
    selection, else to train. The fractions are expected shares of *groups*, so the article
    counts only come near them.

    Raises:
        InvalidOptionError: a fraction is negative or the two add up to more than 1.
    """
    if eval_fraction < 0 or selection_fraction < 0 or eval_fraction + selection_fraction > 1:
        raise InvalidOptionError(
            f"eval_fraction ({eval_fraction}) and selection_fraction ({selection_fraction}) "
            "must be non-negative and add up to at most 1"
        )
    sides: dict[str, list[str]] = {"train": [], "selection": [], "evaluation": []}
    for group in group_near_duplicates(articles):
        fraction = stable_fraction(group[0])
        if fraction < eval_fraction:
            side = "evaluation"
        elif fraction < eval_fraction + selection_fraction:
            side = "selection"
        else:
            side = "train"
        sides[side].extend(group)
    return Split(**{name: sorted(ids) for name, ids in sides.items()})


def unannotated_copies(articles: Sequence[PropagandaArticle]) -> list[str]:
    """Ids of articles with no gold span whose near-duplicate group has an annotated article.

    The corpus holds copies of annotated articles under other ids with no spans at all: their
    annotation is missing, not empty, so training on them teaches "no technique" on text that
    is annotated elsewhere. Callers decide what to do with them (the reader keeps them).
    """
    annotated = {article.id for article in articles if article.spans}
    return sorted(
        article_id
        for group in group_near_duplicates(articles)
        if annotated.intersection(group)
        for article_id in group
        if article_id not in annotated
    )


def technique_counts(articles: Iterable[PropagandaArticle]) -> dict[str, int]:
    """How many gold spans each technique has, over ``articles`` (every technique listed)."""
    counts = dict.fromkeys(TECHNIQUES, 0)
    for article in articles:
        for _, _, technique in article.spans:
            counts[technique] += 1
    return counts
