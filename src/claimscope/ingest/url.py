"""Fetching an article from a URL, with limits, and never from a private network by accident.

A URL given to claimscope may come from an untrusted list (a feed, a batch file, a web form), so
fetching is defensive: only http and https; every hop of a redirect chain is checked again;
hosts that resolve to private, loopback, link-local or otherwise non-public addresses are
refused before any connection is made (unless ``allow_private`` is set); the whole fetch has one
time budget; the body is streamed and abandoned as soon as it passes the size cap; and only
HTML and plain-text responses are read.

DNS rebinding: a host could resolve to a public address when checked and to a private one when
connected to. To close that gap, each request is sent to the checked IP address itself, with
the host name in the ``Host`` header and, for https, as the TLS server name (``sni_hostname``),
so that the certificate is still verified against the host name. Connections are not kept
alive, so a connection made for one host is never reused for another on the same address.
Environment proxies are ignored (``trust_env=False``): a proxy would connect on our behalf to
addresses we never checked.

Example:
    >>> from claimscope.options import AnalyzeOptions
    >>> try:
    ...     fetch_url("http://169.254.169.254/latest/", options=AnalyzeOptions())
    ... except PrivateAddressError as err:
    ...     print(err.exit_code)
    21
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from claimscope import __version__
from claimscope.errors import (
    ContentTypeError,
    FetchError,
    InputTooLargeError,
    PrivateAddressError,
)
from claimscope.ingest.html import article_from_html, resolve_charset
from claimscope.ingest.text import decode_bytes
from claimscope.ingest.types import ArticleInput
from claimscope.options import AnalyzeOptions

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Redirects followed before giving up; news sites rarely need more than two or three.
MAX_REDIRECTS = 5

#: Media types read as articles, and how.
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# NAT64 (RFC 6052) embeds an IPv4 address in the last 32 bits; the embedded one is what the
# gateway connects to, so it is the one to check.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_HEADERS = {
    "User-Agent": f"claimscope/{__version__} (article analysis)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
    # No compression: a small compressed body can expand a thousandfold, and the size cap is
    # meant for what ends up in memory.
    "Accept-Encoding": "identity",
}


def fetch_url(url: str, *, options: AnalyzeOptions) -> ArticleInput:
    """Fetch an article page or text file from an http(s) URL.

    Args:
        url: the address to fetch.
        options: ``fetch_timeout`` (seconds for the whole fetch, redirects included),
            ``max_fetch_bytes`` and ``allow_private`` are used.

    Returns:
        The article; for HTML, with the metadata the page carries. ``url`` is the address the
        content finally came from, after redirects.

    Raises:
        PrivateAddressError: the URL or a redirect points at a non-public address.
        ContentTypeError: the response is not HTML or plain text.
        InputTooLargeError: the response is larger than ``max_fetch_bytes``.
        FetchError: anything else that stops the fetch (bad URL, unreachable host, timeout,
            HTTP error, too many redirects).
        EmptyInputError: the page holds no article text.
    """
    current = _parse(url)
    deadline = time.monotonic() + options.fetch_timeout
    with httpx.Client(
        headers=_HEADERS,
        follow_redirects=False,
        trust_env=False,
        limits=httpx.Limits(max_keepalive_connections=0),
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            addresses = check_url(current, allow_private=options.allow_private)
            with (
                _errors_as_fetch_error(current, options),
                _send(client, current, addresses, deadline) as response,
            ):
                if response.status_code in _REDIRECTS:
                    current = _redirect_target(current, response)
                    continue
                _check_status(current, response)
                kind, charset = _content_kind(current, response)
                body = _read_body(current, response, options, deadline)
            # The article keeps no user name or password that the URL carried.
            final_url = _display(current)
            if kind == "html":
                return article_from_html(body, url=final_url, encoding=charset)
            return ArticleInput(
                text=decode_bytes(body, declared=resolve_charset(charset, body)),
                url=final_url,
            )
    raise FetchError(
        f"{_display(current)}: more than {MAX_REDIRECTS} redirects; give the final address"
    )


def check_url(url: str | httpx.URL, *, allow_private: bool = False) -> list[IPAddress]:
    """Check a URL's scheme and resolve its host to addresses that may be connected to.

    Returns:
        The host's addresses, in resolver order; all of them public unless ``allow_private``.

    Raises:
        FetchError: the scheme is not http(s), or the host cannot be resolved.
        PrivateAddressError: the host is, or resolves to, a non-public address.
    """
    parsed = url if isinstance(url, httpx.URL) else _parse(url)
    if parsed.scheme not in ("http", "https"):
        raise FetchError(
            f"{_display(parsed)}: only http and https URLs can be fetched, not "
            f"{parsed.scheme or 'a bare path'}; give a web address or a file path"
        )
    host = parsed.raw_host.decode("ascii")
    if not host:
        raise FetchError(f"{_display(parsed)}: the URL has no host name")
    addresses = _resolve(host, parsed.port or (443 if parsed.scheme == "https" else 80))
    if not allow_private:
        for address in addresses:
            reason = refusal_reason(address)
            if reason is not None:
                shown = host if host == str(address) else f"{host} ({address})"
                raise PrivateAddressError(
                    f"refusing to fetch {_display(parsed)}: {shown} is {reason}; pass "
                    "--allow-private (AnalyzeOptions(allow_private=True)) to fetch from your "
                    "own network"
                )
    return addresses


def refusal_reason(address: IPAddress) -> str | None:
    """Why an address must not be fetched from by default, or None for a public address.

    Example:
        >>> refusal_reason(ipaddress.ip_address("169.254.169.254"))
        'a link-local address'
        >>> refusal_reason(ipaddress.ip_address("::ffff:10.0.0.1"))
        'a private address (IPv4-mapped)'
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            reason = refusal_reason(embedded)
            return None if reason is None else f"{reason} (IPv4-mapped)"
        if address.is_site_local:
            return "a site-local address"
    checks = (
        (address.is_unspecified, "an unspecified address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_private, "a private address"),
        (address.is_reserved, "a reserved address"),
        # Shared address space (100.64.0.0/10, carrier NAT) and the like: not private, not global.
        (not address.is_global, "not a public internet address"),
    )
    return next((reason for refused, reason in checks if refused), None)


def _parse(url: str) -> httpx.URL:
    try:
        return httpx.URL(url.strip())
    except (httpx.InvalidURL, ValueError, TypeError) as err:
        raise FetchError(f"not a valid URL: {url!r} ({err})") from None


def _display(url: httpx.URL) -> str:
    """The URL as shown in messages: without any user name or password it carried."""
    return str(url.copy_with(userinfo=b"")) if url.userinfo else str(url)


def _resolve(host: str, port: int) -> list[IPAddress]:
    # A literal address needs no resolver (and must be refused before any traffic at all).
    literal = _ip_literal(host)
    if literal is not None:
        return [literal]
    # getaddrinfo has no timeout of its own; the system resolver's (a few seconds) applies.
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        raise FetchError(f"could not resolve the host {host!r}: {reason}") from None
    addresses: list[IPAddress] = []
    for info in infos:
        address = _ip_literal(str(info[4][0]))
        if address is not None and address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(f"could not resolve the host {host!r}: no addresses")
    return addresses


def _ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


@contextmanager
def _send(
    client: httpx.Client, url: httpx.URL, addresses: list[IPAddress], deadline: float
) -> Iterator[httpx.Response]:
    """Send GET to the first of the checked addresses that accepts a connection."""
    host = url.raw_host.decode("ascii")
    pinned = _ip_literal(host) is None
    last_error: httpx.ConnectError | None = None
    for address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise httpx.TimeoutException("the time budget ran out")
        request = client.build_request(
            "GET",
            url.copy_with(host=str(address)) if pinned else url,
            headers={"Host": url.netloc.decode("ascii")} if pinned else None,
            extensions={"sni_hostname": host} if pinned and url.scheme == "https" else None,
            timeout=httpx.Timeout(remaining),
        )
        try:
            response = client.send(request, stream=True)
        except httpx.ConnectError as err:
            last_error = err
            continue
        try:
            yield response
        finally:
            response.close()
        return
    assert last_error is not None  # _resolve never returns an empty list
    raise last_error


@contextmanager
def _errors_as_fetch_error(url: httpx.URL, options: AnalyzeOptions) -> Iterator[None]:
    """Turn httpx's exceptions into one-line FetchErrors that say what to do."""
    try:
        yield
    except httpx.TimeoutException:
        raise FetchError(
            f"{_display(url)}: no complete answer within the time limit of "
            f"{options.fetch_timeout:g} s; try again later or raise the fetch timeout"
        ) from None
    except httpx.ConnectError as err:
        raise FetchError(
            f"could not connect to {_display(url)}: {_one_line(err)}; check the address "
            "and your connection"
        ) from None
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as err:
        raise FetchError(f"could not fetch {_display(url)}: {_one_line(err)}") from None


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text or type(err).__name__


def _redirect_target(url: httpx.URL, response: httpx.Response) -> httpx.URL:
    location = response.headers.get("location", "").strip()
    if not location:
        raise FetchError(
            f"{_display(url)}: the server answered HTTP {response.status_code} (a redirect) "
            "without saying where to"
        )
    try:
        return url.join(location)
    except (httpx.InvalidURL, ValueError) as err:
        raise FetchError(
            f"{_display(url)}: redirected to an invalid address {location!r} ({err})"
        ) from None


def _check_status(url: httpx.URL, response: httpx.Response) -> None:
    if 200 <= response.status_code < 300:
        return
    reason = response.reason_phrase or "error"
    raise FetchError(f"{_display(url)}: the server answered HTTP {response.status_code} {reason}")


def _content_kind(url: httpx.URL, response: httpx.Response) -> tuple[str, str | None]:
    """("html" or "text", declared charset) for a response claimscope reads; refuse others."""
    header = response.headers.get("content-type", "")
    media_type, _, params = header.partition(";")
    media_type = media_type.strip().lower()
    kind = CONTENT_TYPES.get(media_type)
    if kind is None:
        shown = media_type or "no content type"
        raise ContentTypeError(
            f"{_display(url)} is {shown}, not an HTML page or plain text; claimscope reads "
            "text/html, application/xhtml+xml and text/plain"
        )
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return kind, charset


def _read_body(
    url: httpx.URL, response: httpx.Response, options: AnalyzeOptions, deadline: float
) -> bytes:
    """The response body, refused as soon as it is known to pass the size cap."""
    cap = options.max_fetch_bytes
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > cap:
        raise _too_large(url, cap, f"{int(declared):,} bytes")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise _too_large(url, cap, "more")
        # Per-read timeouts do not stop a server that sends a byte every few seconds.
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("the time budget ran out")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: httpx.URL, cap: int, size: str) -> InputTooLargeError:
    return InputTooLargeError(
        f"{_display(url)} is larger than the limit of {cap:,} bytes ({size}); raise "
        "max_fetch_bytes if this page is meant to be read"
    )
