"""Ingest: turn any source (a text or HTML file, standard input, a URL, JSONL) into articles.

Example:
    >>> from claimscope.options import AnalyzeOptions
    >>> article = article_from_bytes(b"Mayor Ilse Varn said the bridge would reopen.",
    ...                              options=AnalyzeOptions())
    >>> article.text
    'Mayor Ilse Varn said the bridge would reopen.'
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from claimscope.errors import InputTooLargeError, SourceNotFoundError
from claimscope.ingest.html import article_from_html
from claimscope.ingest.jsonl import JsonlRecord, parse_record, read_jsonl
from claimscope.ingest.text import bom_encoding, decode_bytes
from claimscope.ingest.types import ArticleInput
from claimscope.options import AnalyzeOptions

if TYPE_CHECKING:
    from claimscope.ingest.url import fetch_url

__all__ = [
    "ArticleInput",
    "JsonlRecord",
    "article_from_bytes",
    "article_from_html",
    "fetch_url",
    "load_source",
    "looks_like_html",
    "parse_record",
    "read_jsonl",
]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})

# "scheme://" marks a URL; anything else is a path (a Windows "C:\\" has no "//").
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# A document that opens with these (after blanks, a BOM, an XML declaration or comments) is HTML.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)
# Closing tags of common elements: text that opens with "<" and closes several elements is a
# page fragment; prose that mentions "<p>" or "<div>" hardly ever closes them.
_HTML_TAG = re.compile(rb"</(?:p|div|article|section|h[1-6]|span|a|ul|ol|li|table|td|tr)\s*>", re.I)
_SNIFF_BYTES = 4096
# "www.courier.example/a" given without a scheme: a missing file that was meant as a URL.
_BARE_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/|$)", re.I)


def __getattr__(name: str) -> Any:
    # fetch_url is loaded on first use: httpx takes a noticeable time to import, and most runs
    # read files.
    if name == "fetch_url":
        from claimscope.ingest.url import fetch_url

        return fetch_url
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_source(
    source: str | os.PathLike[str],
    *,
    options: AnalyzeOptions,
    stdin: BinaryIO | None = None,
) -> ArticleInput:
    """Read one article from a file path, ``"-"`` (standard input) or an http(s) URL.

    Files ending in ``.html``/``.htm`` are read as HTML, ``.txt``/``.text``/``.md`` as plain
    text, and any of them may be gzipped (``.html.gz``); any other file, a text file that is
    plainly an HTML page, and standard input are sniffed. Files are refused by size before they
    are read in full.

    Args:
        source: the path, ``"-"`` or the URL.
        options: size limits (``max_chars``, ``max_fetch_bytes``) and fetch settings.
        stdin: the stream ``"-"`` reads; defaults to ``sys.stdin.buffer``.

    Raises:
        SourceNotFoundError: the file does not exist or cannot be read.
        InputTooLargeError: the file or stream is larger than the limits allow.
        ClaimscopeError: whatever decoding, extraction or fetching raises (a subclass).
    """
    if isinstance(source, str):
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = _read_capped(stream, page_byte_cap(options), "standard input")
            return article_from_bytes(data, options=options, name="standard input")
        if _URL.match(source.strip()):
            from claimscope.ingest.url import fetch_url

            return fetch_url(source.strip(), options=options)
    return _load_file(Path(source), options=options)


def article_from_bytes(
    data: bytes,
    *,
    options: AnalyzeOptions,
    name: str = "the input",
    html: bool | None = None,
) -> ArticleInput:
    """An article from raw bytes: HTML through trafilatura, anything else as plain text.

    Args:
        data: the document.
        options: ``max_chars`` bounds the size of plain text.
        name: how messages refer to the input (a file name, "standard input").
        html: True or False when the caller knows the format; None to sniff it.

    Raises:
        InputTooLargeError: plain text above ``4 * max_chars`` bytes, or a page above
            ``page_byte_cap(options)``.
        ClaimscopeError: whatever decoding or extraction raises (a subclass).
    """
    if html is None:
        html = looks_like_html(data)
    if html:
        if len(data) > page_byte_cap(options):
            raise _too_large(name, len(data), page_byte_cap(options))
        return article_from_html(data)
    text_cap = text_byte_cap(options)
    if len(data) > text_cap:
        raise _too_large(name, len(data), text_cap)
    return ArticleInput(text=decode_bytes(data))


def looks_like_html(data: bytes, *, lenient: bool = False) -> bool:
    """Whether a document is an HTML page (or, with ``lenient``, closes any common element).

    Example:
        >>> looks_like_html(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")
        True
        >>> looks_like_html(b"Mayor Ilse Varn said <p> is a tag.")
        False
    """
    head = data[:_SNIFF_BYTES]
    encoding = bom_encoding(head)
    if encoding is not None and encoding != "utf-8-sig":
        # UTF-16/32: sniff the characters, not bytes interleaved with NULs.
        head = data[: 4 * _SNIFF_BYTES].decode(encoding, errors="ignore").encode("utf-8")
    if _HTML_START.match(head):
        return True
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    tags = len(_HTML_TAG.findall(head))
    return tags >= 1 if lenient else (stripped.startswith(b"<") and tags >= 2)


def text_byte_cap(options: AnalyzeOptions) -> int:
    """Largest plain-text file read, in bytes: ``max_chars`` characters at 4 bytes each."""
    return 4 * options.max_chars


def page_byte_cap(options: AnalyzeOptions) -> int:
    """Largest HTML file read, in bytes: as large as a fetched page may be, or a text file."""
    return max(text_byte_cap(options), options.max_fetch_bytes)


def _load_file(path: Path, *, options: AnalyzeOptions) -> ArticleInput:
    name = str(path)
    try:
        if path.is_dir():
            raise SourceNotFoundError(
                f"{name} is a directory: give a text or HTML file (batch runs read JSONL)"
            )
        size = path.stat().st_size
    except FileNotFoundError:
        hint = f" (for a web page, write https://{name})" if _BARE_DOMAIN.match(name) else ""
        raise SourceNotFoundError(
            f"{name}: no such file; give a path to a .txt or .html file, '-' for standard "
            f"input, or an http(s) URL{hint}"
        ) from None
    except OSError as err:
        raise SourceNotFoundError(f"{name}: cannot be read ({err.strerror})") from None
    # "page.html.gz" is an HTML page, gzipped; the format is the suffix before ".gz".
    inner = path.name.lower()
    gzipped = inner.endswith(".gz")
    suffix = Path(inner.removesuffix(".gz")).suffix
    cap = text_byte_cap(options) if suffix in TEXT_SUFFIXES else page_byte_cap(options)
    if size > cap and not gzipped:
        raise _too_large(name, size, cap)
    try:
        with path.open("rb") as handle:
            if gzipped:
                # The cap applies to what is decompressed: a small .gz can hold gigabytes.
                with gzip.GzipFile(fileobj=handle) as unzipped:
                    data = _read_capped(unzipped, cap, name)
            else:
                data = _read_capped(handle, cap, name)
    except PermissionError as err:
        raise SourceNotFoundError(f"{name}: cannot be read ({err.strerror})") from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        raise SourceNotFoundError(f"{name}: not a readable gzip file ({err})") from None
    # A file named .html that holds no markup at all is plain text saved under that name; a
    # .txt (or unnamed) file that is plainly a saved page still goes through HTML.
    html = looks_like_html(data, lenient=suffix in HTML_SUFFIXES)
    return article_from_bytes(data, options=options, name=name, html=html)


def _read_capped(stream: BinaryIO | gzip.GzipFile, cap: int, name: str) -> bytes:
    """Read at most ``cap`` bytes; one more means the input is too large (never read it all)."""
    chunks: list[bytes] = []
    size = 0
    # A pipe or unbuffered stream may return less than asked for, so read until EOF.
    while chunk := stream.read(min(cap + 1 - size, 1 << 20)):
        chunks.append(chunk)
        size += len(chunk)
        if size > cap:
            raise _too_large(name, None, cap)
    return b"".join(chunks)


def _too_large(name: str, size: int | None, cap: int) -> InputTooLargeError:
    shown = f"{size:,} bytes" if size is not None else "more"
    return InputTooLargeError(
        f"{name} is larger than the limit of {cap:,} bytes ({shown}): raise --max-chars "
        "(AnalyzeOptions.max_chars; max_fetch_bytes for HTML pages) if this is intended"
    )
