"""Read TimeML ``.tml`` documents (TempEval-3 format): the text, its creation time, its timexes.

A TempEval-3 document holds its article in ``<TEXT>``, with ``TIMEX3`` (and ``EVENT``,
``SIGNAL``) tags inline, and its document creation time (DCT) as the ``TIMEX3`` whose
``functionInDocument`` is ``CREATION_TIME``, usually inside ``<DCT>`` before the text.

Offsets are those of the *plain text of the TEXT element*: every tag removed, entities
unescaped (``&amp;`` is one character), nothing else changed. The DCT is not a gold timex:
TempEval-3 does not score it.

Example:
    >>> doc = parse_timeml(
    ...     '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2031-05-02" '
    ...     'functionInDocument="CREATION_TIME">May 2</TIMEX3></DCT>'
    ...     '<TEXT>Varn &amp; Co. met <TIMEX3 tid="t1" type="DATE" value="2031-05-01">'
    ...     'yesterday</TIMEX3>.</TEXT></TimeML>'
    ... )
    >>> doc.dct, doc.text
    (datetime.date(2031, 5, 2), 'Varn & Co. met yesterday.')
    >>> doc.timexes
    [GoldTimex(start=15, end=24, type='DATE', value='2031-05-01')]
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from claimscope.errors import InputError, SourceNotFoundError

#: The TIMEX3 types of TimeML.
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


class GoldTimex(NamedTuple):
    """One annotated time expression, as character offsets into the document's plain text."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """One TimeML document: its name, plain text, creation date and gold timexes."""

    name: str
    text: str
    #: The day of the document creation time (its value's first ten characters).
    dct: dt.date
    timexes: list[GoldTimex] = field(default_factory=list)
    #: TIMEX3 tags in the text that cover no character (not scorable, so left out).
    empty_timexes: int = 0


class _Walk:
    """The plain text of an element and the offsets of the TIMEX3 tags inside it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.timexes: list[tuple[int, int, ET.Element]] = []

    def add(self, piece: str | None) -> None:
        if piece:
            self.parts.append(piece)
            self.length += len(piece)

    def element(self, node: ET.Element) -> None:
        # An explicit stack, not recursion: the order is text, children (each with its own
        # tail after it), which is how XML interleaves them.
        stack: list[tuple[ET.Element, bool]] = [(node, False)]
        starts: dict[int, int] = {}
        while stack:
            current, closing = stack.pop()
            if closing:
                if current.tag == "TIMEX3":
                    self.timexes.append((starts[id(current)], self.length, current))
                if current is not node:
                    self.add(current.tail)
                continue
            starts[id(current)] = self.length
            self.add(current.text)
            stack.append((current, True))
            stack.extend((child, False) for child in reversed(list(current)))


def parse_timeml(content: str | bytes, *, name: str = "<string>") -> TimeMLDocument:
    """Parse one TimeML document.

    Raises:
        InputError: the document is not well-formed XML, has no (or several) TEXT elements,
            no creation time, or a creation time whose value does not start with a date.
    """
    try:
        root = ET.fromstring(content)
    except ET.ParseError as err:
        raise InputError(f"{name}: not well-formed TimeML XML ({err})") from err
    texts = [e for e in root.iter("TEXT")]
    if len(texts) != 1:
        raise InputError(f"{name}: expected one <TEXT> element, found {len(texts)}")
    walk = _Walk()
    walk.element(texts[0])
    text = "".join(walk.parts)
    dct = _creation_date(root, name)
    timexes: list[GoldTimex] = []
    empty = 0
    for start, end, node in sorted(walk.timexes, key=lambda item: (item[0], item[1])):
        if node.get("functionInDocument") == "CREATION_TIME":
            continue  # a DCT written inside the text is still the DCT: not scored
        if start == end:
            empty += 1
            continue
        kind = node.get("type")
        if kind not in TIMEX_TYPES:
            tid = node.get("tid", "?")
            raise InputError(f"{name}: TIMEX3 {tid} has type {kind!r}, not one of {TIMEX_TYPES}")
        timexes.append(GoldTimex(start, end, kind, node.get("value")))
    return TimeMLDocument(name=name, text=text, dct=dct, timexes=timexes, empty_timexes=empty)


def _creation_date(root: ET.Element, name: str) -> dt.date:
    values = [
        node.get("value") or ""
        for node in root.iter("TIMEX3")
        if node.get("functionInDocument") == "CREATION_TIME"
    ]
    if not values:
        raise InputError(
            f'{name}: no document creation time (a TIMEX3 with functionInDocument="CREATION_TIME")'
        )
    try:
        # "1998-01-08", "1998-01-08T18:30" and "1998-01-08T18:30:00" all begin with the day.
        return dt.date.fromisoformat(values[0][:10])
    except ValueError as err:
        raise InputError(
            f"{name}: the document creation time {values[0]!r} does not start with a "
            "YYYY-MM-DD date"
        ) from err


def timeml_files(folder: Path) -> list[Path]:
    """The ``.tml`` files under ``folder`` (at any depth), in sorted order of their path.

    Raises:
        SourceNotFoundError: the folder does not exist or holds no ``.tml`` file.
    """
    if not folder.is_dir():
        raise SourceNotFoundError(f"{folder} is not a folder: give a folder of TimeML .tml files")
    files = sorted(folder.rglob("*.tml"), key=lambda path: path.relative_to(folder).as_posix())
    if not files:
        raise SourceNotFoundError(f"{folder} holds no .tml file (TempEval-3 TimeML documents)")
    return files


def read_timeml(folder: Path, *, limit: int | None = None) -> Iterator[TimeMLDocument]:
    """Read the TimeML documents under ``folder``: the first ``limit`` in sorted order, or all.

    A document's name is its path relative to ``folder`` (``TimeBank/ABC19980108.tml``).

    Raises:
        SourceNotFoundError: the folder holds no ``.tml`` file, or one cannot be read.
        InputError: a document is malformed (see ``parse_timeml``).
    """
    files = timeml_files(folder)
    for path in files[:limit] if limit is not None else files:
        try:
            content = path.read_bytes()
        except OSError as err:
            raise SourceNotFoundError(f"cannot read {path}: {err}") from err
        yield parse_timeml(content, name=path.relative_to(folder).as_posix())
