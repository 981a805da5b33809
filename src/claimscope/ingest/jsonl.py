"""JSON Lines: one article per line, for batch jobs that must keep going past bad records.

Each line is a JSON object with the article in one of three keys, plus optional metadata:

    {"text": "Mayor Ilse Varn said ...", "outlet": "Belmora Courier", "published": "2024-04-20"}
    {"html": "<html>...</html>", "url": "https://courier.example/bridge"}
    {"url": "https://courier.example/bridge", "title": "Bridge to reopen"}

``"text"`` is plain text, ``"html"`` a page (extracted like any HTML page), and ``"url"`` alone
means fetch it. Metadata keys (``url``, ``outlet``, ``title``, ``byline``, ``published`` as an
ISO date) override what the page itself says; ``id`` is carried along for the caller; other keys
are ignored. A line that cannot be read yields a record holding the error, with the line number
in its message, and reading goes on with the next line.

Example:
    >>> lines = ['{"text": "Mayor Ilse Varn spoke.", "id": "a1"}', '{"title": "no body"}']
    >>> [(r.line, r.key, r.ok) for r in read_jsonl(lines)]
    [(1, 'a1', True), (2, None, False)]
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimscope.errors import (
    ClaimscopeError,
    EncodingError,
    FetchError,
    InputError,
    InputTooLargeError,
    SourceNotFoundError,
)
from claimscope.ingest.html import article_from_html
from claimscope.ingest.text import check_text, normalize_text
from claimscope.ingest.types import ArticleInput
from claimscope.options import AnalyzeOptions

#: The keys that can hold the article itself.
SOURCE_KEYS = ("text", "html", "url")
#: The metadata keys a record may carry (each a string, or null).
METADATA_KEYS = ("url", "outlet", "title", "byline", "published")


@dataclass(frozen=True, slots=True, kw_only=True)
class JsonlRecord:
    """One line of a JSONL source: the article it holds, or why it could not be read.

    Attributes:
        line: the line number, counted from 1 (blank lines count but yield no record).
        article: the article, when the line could be read.
        error: why the line could not be read; its message starts with ``line N:``.
        key: the record's own ``"id"`` as a string, when it has one (for joining results back).
    """

    line: int
    article: ArticleInput | None = None
    error: ClaimscopeError | None = None
    key: str | None = None

    @property
    def ok(self) -> bool:
        """True when the line gave an article."""
        return self.article is not None


def read_jsonl(
    source: str | os.PathLike[str] | Iterable[str] | Iterable[bytes],
    *,
    options: AnalyzeOptions | None = None,
    fetch: bool = True,
) -> Iterator[JsonlRecord]:
    """Read articles from JSON Lines, one record per non-blank line, errors included.

    Args:
        source: a path to a ``.jsonl`` file (a ``str`` is always a path), or an iterable of
            lines such as an open file or ``sys.stdin.buffer``.
        options: limits for text size and for fetching ``"url"`` records.
        fetch: whether ``"url"``-only records are fetched; when False they yield a
            ``FetchError`` record (for offline runs).

    Returns:
        An iterator of records in line order; read lazily, so a large file is never all in
        memory.

    Raises:
        SourceNotFoundError: when ``source`` is a path that is not a readable file (raised at
            once, before iteration).
    """
    options = options or AnalyzeOptions()
    cap = line_cap(options)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.is_file():
            what = "a directory" if path.is_dir() else "not found"
            raise SourceNotFoundError(f"{path}: {what}; give the path of a .jsonl file")
        if not os.access(path, os.R_OK):
            raise SourceNotFoundError(f"{path}: cannot be read (permission denied)")
        lines: Iterable[tuple[int, str | bytes | None]] = _file_lines(path, cap)
    else:
        lines = enumerate(source, start=1)
    return _records(lines, options=options, fetch=fetch, cap=cap)


def line_cap(options: AnalyzeOptions) -> int:
    """The longest line read, in bytes: an article escaped as JSON (up to 6 bytes a character,
    ``\\uXXXX``) or a saved page of up to ``max_fetch_bytes``, escaped."""
    return max(6 * options.max_chars, 2 * options.max_fetch_bytes)


def parse_record(
    record: Mapping[str, Any], *, options: AnalyzeOptions | None = None, fetch: bool = True
) -> ArticleInput:
    """Turn one decoded JSONL record into an article (fetching a ``"url"``-only record).

    Raises:
        InputError: the record has no article key, two of them, or a value of the wrong type.
        ClaimscopeError: whatever reading the text, page or URL raises.
    """
    options = options or AnalyzeOptions()
    present = [key for key in ("text", "html") if key in record]
    if len(present) > 1:
        raise InputError('a record holds either "text" or "html", not both')
    metadata = _metadata(record)
    if present == ["text"]:
        article = ArticleInput(text=_string(record, "text"), **metadata)
    elif present == ["html"]:
        article = article_from_html(_string(record, "html"), url=metadata.get("url"))
        article = article.with_metadata(**metadata)
    elif "url" in record:
        if not fetch:
            raise FetchError("URL records are not fetched in this run (fetching is turned off)")
        from claimscope.ingest.url import fetch_url  # httpx is only imported when needed

        # The fetched article keeps the address it finally came from, after redirects.
        metadata.pop("url", None)
        article = fetch_url(_string(record, "url"), options=options).with_metadata(**metadata)
    else:
        raise InputError(
            'the record has none of "text", "html" or "url": give the article in one of them'
        )
    check_text(normalize_text(article.text), max_chars=options.max_chars)
    return article


def _records(
    lines: Iterable[tuple[int, str | bytes | None]],
    *,
    options: AnalyzeOptions,
    fetch: bool,
    cap: int,
) -> Iterator[JsonlRecord]:
    for number, raw in lines:
        if raw is not None and not raw.strip():
            continue
        key: str | None = None
        try:
            record = _decode(raw, number=number, cap=cap)
            key = _key(record)
            article = parse_record(record, options=options, fetch=fetch)
        except ClaimscopeError as err:
            # The same class keeps its exit code; the message gains the line number.
            yield JsonlRecord(line=number, error=type(err)(f"line {number}: {err}"), key=key)
        else:
            yield JsonlRecord(line=number, article=article, key=key)


def _decode(raw: str | bytes | None, *, number: int, cap: int) -> Mapping[str, Any]:
    if raw is None or len(raw) > cap:
        raise InputTooLargeError(
            f"the line is longer than {cap:,} bytes; raise max_chars or max_fetch_bytes if "
            "this record is meant to be read"
        )
    if isinstance(raw, bytes):
        try:
            # JSON text is UTF-8 (RFC 8259); a BOM may open the first line.
            raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise EncodingError("the line is not UTF-8; save the file as UTF-8") from None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise InputError("the JSON is nested too deeply to be an article record") from None
    if not isinstance(record, dict):
        raise InputError(
            f'expected a JSON object such as {{"text": "..."}}, got {type(record).__name__}'
        )
    return record


def _key(record: Mapping[str, Any]) -> str | None:
    value = record.get("id")
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    return None


def _string(record: Mapping[str, Any], name: str) -> str:
    value = record[name]
    if not isinstance(value, str):
        raise InputError(f'"{name}" must be a string, not {_json_type(value)}')
    return value


def _metadata(record: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata keys present in a record, checked: strings, and ``published`` a date."""
    metadata: dict[str, Any] = {}
    for name in METADATA_KEYS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f'"{name}" must be a string or null, not {_json_type(value)}')
        if not value.strip():
            continue
        metadata[name] = _iso_date(value) if name == "published" else value.strip()
    return metadata


def _iso_date(value: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise InputError(
            f'"published" must be an ISO date such as 2024-04-20, not {value!r}'
        ) from None


def _json_type(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }
    return names.get(type(value), type(value).__name__)


def _file_lines(path: Path, cap: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of a file; a line longer than ``cap`` is skipped and given as None."""
    try:
        handle = path.open("rb")
    except OSError as err:
        raise SourceNotFoundError(f"{path}: cannot be read ({err.strerror})") from None
    with handle:
        number = 0
        while line := handle.readline(cap + 1):
            number += 1
            if len(line) > cap and not line.endswith(b"\n"):
                # Skip the rest of the long line without holding it in memory.
                while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield number, None
            else:
                yield number, line
