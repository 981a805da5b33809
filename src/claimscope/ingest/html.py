"""HTML pages: the article body and its metadata, extracted with trafilatura.

trafilatura keeps the main text of a page (paragraphs, headings, lists, tables) and drops
navigation, boilerplate, reader comments and everything that is code rather than prose: scripts,
styles, event handlers, iframes and embedded objects never reach the text, as markup or as content.

Example:
    >>> page = (
    ...     "<html><head><title>Bridge reopens</title></head><body><article>"
    ...     "<p>Mayor Ilse Varn of Corvale said the old river bridge would reopen in May.</p>"
    ...     "</article></body></html>"
    ... )
    >>> article_from_html(page).text
    'Mayor Ilse Varn of Corvale said the old river bridge would reopen in May.'
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re

from claimscope.errors import EmptyInputError
from claimscope.ingest.text import bom_encoding, decode_bytes
from claimscope.ingest.types import ArticleInput

# A charset declared in the first bytes of the page: <meta charset="..."> or the older
# <meta http-equiv="Content-Type" content="text/html; charset=...">. Browsers only look at the
# first 1024 bytes; 4096 tolerates pages with long <head> comments.
_META_CHARSET = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_CHARSET_SNIFF_BYTES = 4096

# Labels that the WHATWG Encoding Standard decodes as windows-1252: pages that say "latin-1" are
# in practice written in cp1252 (curly quotes and dashes in 0x80-0x9F).
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252"}
)

# Content a reader never sees: inert <template> markup, elements marked hidden, and inline
# "display: none". trafilatura keeps them as text, and hidden text is a way to slip words into
# an article that no human reviewed on the page.
_INVISIBLE = (
    "//template",
    "//*[@hidden]",
    "//*[contains(translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ \t', "
    "'abcdefghijklmnopqrstuvwxyz'), 'display:none')]",
)

# Any byte sequence that is a multi-byte UTF-8 character (lead byte plus continuation bytes).
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def html_charset(data: bytes, *, declared: str | None = None) -> str | None:
    """The encoding to decode an HTML page with, or None to let detection decide.

    The order follows the HTML standard: a byte-order mark, then the charset the server
    declared (``declared``), then a ``<meta>`` charset in the first bytes of the page.

    Example:
        >>> html_charset(b'<meta charset="ISO-8859-1"><p>Caf\\xe9</p>')
        'windows-1252'
    """
    bom = bom_encoding(data)
    if bom is not None:
        return bom
    label = declared
    if not label:
        match = _META_CHARSET.search(data[:_CHARSET_SNIFF_BYTES])
        label = match.group(1).decode("ascii") if match else None
    return resolve_charset(label, data)


def resolve_charset(label: str | None, data: bytes) -> str | None:
    """The codec to use for a declared charset ``label``, given the bytes it is declared for.

    Example:
        >>> resolve_charset("latin-1", "café".encode("utf-8"))
        'utf-8'
    """
    if not label or not label.strip():
        return None
    label = label.strip().lower()
    if label in _WINDOWS_1252_LABELS:
        # A page declared as Western single-byte whose bytes form valid UTF-8 with multi-byte
        # characters is UTF-8 mislabelled (a common CMS mistake): valid UTF-8 almost never arises
        # by chance from cp1252 text, so trusting the bytes avoids mojibake like "cafÃ©".
        if _UTF8_MULTIBYTE.search(data) and _is_utf8(data):
            return "utf-8"
        return "windows-1252"
    return label


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_html(data: bytes, *, declared: str | None = None) -> str:
    """Decode an HTML page's bytes by BOM, declared charset, ``<meta>`` charset or detection.

    Raises:
        EmptyInputError: when there are no bytes.
        BinaryInputError: when the bytes are an image, PDF, archive or other binary data.
        EncodingError: when no encoding decodes them.
    """
    return decode_bytes(data, declared=html_charset(data, declared=declared))


def article_from_html(
    html: str | bytes, *, url: str | None = None, encoding: str | None = None
) -> ArticleInput:
    """Extract the article in an HTML page: body text, title, byline, date and outlet.

    Args:
        html: the page, as text or as bytes (decoded by BOM, ``encoding``, ``<meta>`` charset,
            UTF-8 or detection, in that order).
        url: where the page came from; kept on the article and given to trafilatura, which uses
            it for the outlet and date when the page itself does not say.
        encoding: the charset the server declared (the ``Content-Type`` header), if any.

    Returns:
        The article with paragraphs separated by newlines; the headline, when the page repeats
        it as the first line of the body, is kept in ``title`` only.

    Raises:
        EmptyInputError: when the page holds no article text.
        BinaryInputError: when ``html`` is bytes of a binary format.
        EncodingError: when ``html`` is bytes that no encoding decodes.
    """
    # trafilatura is imported here because it pulls in lxml, htmldate and courlan, which plain
    # text and JSONL text records never need.
    import trafilatura

    page = decode_html(html, declared=encoding) if isinstance(html, bytes) else html
    if not page.strip():
        raise EmptyInputError("the HTML page is empty: give a page that holds an article")
    document = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        # Reader comments are other people's words, not the article's.
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        include_formatting=False,
        prune_xpath=list(_INVISIBLE),
    )
    text = str(getattr(document, "text", None) or "") if document is not None else ""
    if not text.strip():
        raise EmptyInputError(
            "no article text was found in the HTML page (it may be only navigation, a script "
            "that builds the page in the browser, or a paywall): save the article's text as a "
            ".txt file and analyse that instead"
        )
    title = _clean(getattr(document, "title", None))
    return ArticleInput(
        text=_drop_repeated_title(text, title),
        url=url,
        outlet=_outlet(getattr(document, "sitename", None)),
        title=title,
        byline=_clean(getattr(document, "author", None)),
        published=_as_date(getattr(document, "date", None)),
    )


def _clean(value: object) -> str | None:
    """A metadata string with collapsed whitespace, or None when there is none."""
    if not isinstance(value, str):
        return None
    collapsed = " ".join(value.split())
    return collapsed or None


def _outlet(value: object) -> str | None:
    """The site name; trafilatura falls back on the host name, which is no name for an IP."""
    outlet = _clean(value)
    if outlet is None:
        return None
    host = outlet.rsplit(":", 1)[0] if outlet.count(":") == 1 else outlet
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return outlet
    return None


def _as_date(value: object) -> dt.date | None:
    """trafilatura gives dates as ISO strings (YYYY-MM-DD); anything else is no date."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _drop_repeated_title(text: str, title: str | None) -> str:
    """Drop the first line of the body when it is the headline again.

    The headline is kept in ``title``; left in the body, it has no final full stop and runs into
    the first sentence when the text is split into sentences.
    """
    if not title:
        return text
    first, newline, rest = text.lstrip().partition("\n")
    if newline and " ".join(first.split()).casefold() == title.casefold() and rest.strip():
        return rest.lstrip("\n")
    return text
