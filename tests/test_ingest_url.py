"""Fetching URLs: limits, content types, redirects, and refusal of non-public addresses.

Every request goes to a small HTTP server on 127.0.0.1 started by these tests. A guard fixture
makes sure of it: connecting anywhere but 127.0.0.1, or resolving any name but ``localhost``
and the test's own fake names, fails the test instead of sending traffic.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from claimscope.errors import (
    ContentTypeError,
    EmptyInputError,
    FetchError,
    InputTooLargeError,
    PrivateAddressError,
)
from claimscope.ingest import load_source
from claimscope.ingest import url as url_module
from claimscope.ingest.url import check_url, fetch_url, refusal_reason
from claimscope.options import AnalyzeOptions

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Corvale ferry fares to rise | Harbor Ledger</title>
<meta property="og:title" content="Corvale ferry fares to rise">
<meta property="og:site_name" content="Harbor Ledger">
<meta name="author" content="Odile Pessac">
<meta property="article:published_time" content="2023-11-02T09:00:00Z">
<script>var LEAK = "SCRIPT_SECRET";</script>
</head><body>
<article>
<h1>Corvale ferry fares to rise</h1>
<p>The Corvale Ferry Authority said on Tuesday that single fares would rise by a fifth from
January, citing the cost of fuel and a new harbour levy.</p>
<p>“We held prices for three years,” said the authority's chair, Bram Tolvey, adding that
season tickets would not change before the summer.</p>
</article></body></html>
"""

ALLOW = AnalyzeOptions(allow_private=True, fetch_timeout=5.0)


class _Handler(BaseHTTPRequestHandler):
    """Answers by path; records each request's path and Host header on the server."""

    server: _Server

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("Host", "")))
        route = self.server.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404, "Not Found")
            return
        route(self)

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[tuple[str, str]]
    routes: dict[str, Callable[[_Handler], None]]


def _send(
    status: int, body: bytes = b"", headers: dict[str, str] | None = None, length: bool = True
) -> Callable[[_Handler], None]:
    def respond(handler: _Handler) -> None:
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if length:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def _redirect(location: str, status: int = 302) -> Callable[[_Handler], None]:
    return _send(status, headers={"Location": location})


def _slow(handler: _Handler) -> None:
    time.sleep(3)
    _send(200, b"late", {"Content-Type": "text/plain"})(handler)


def _trickle(handler: _Handler) -> None:
    # A byte at a time, each well within a per-read timeout, the whole well past the budget.
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    try:
        for _ in range(40):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.1)
    except OSError:  # the client gave up, as it should
        pass


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that would connect anywhere but 127.0.0.1 or resolve a real name."""
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        if address[0] != "127.0.0.1":
            raise AssertionError(f"test tried to connect to {address!r}")
        real_connect(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in ("localhost", "127.0.0.1", "2130706433"):
            raise AssertionError(f"test tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def server(running_server: _Server) -> _Server:
    running_server.requests.clear()
    return running_server


@pytest.fixture(scope="module")
def running_server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = PAGE.encode("utf-8")
    httpd.routes = {
        "/article": _send(200, html, {"Content-Type": "text/html; charset=utf-8"}),
        "/xhtml": _send(200, html, {"Content-Type": "application/xhtml+xml"}),
        "/plain": _send(
            200,
            "The ferry\u2019s fares rise by a fifth, the caf\u00e9 owner said.".encode("cp1252"),
            {"Content-Type": "text/plain; charset=windows-1252"},
        ),
        "/image": _send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), {"Content-Type": "image/png"}),
        "/pdf": _send(200, b"%PDF-1.7\n", {"Content-Type": "application/pdf"}),
        "/untyped": _send(200, html),
        "/big": _send(200, b"a" * 5000, {"Content-Type": "text/plain"}),
        # HTTP/1.0 without Content-Length: the body ends when the server closes, so only
        # counting while streaming can stop it.
        "/big-unannounced": _send(200, b"a" * 5000, {"Content-Type": "text/plain"}, False),
        # A page that builds itself in the browser: nothing to read without running scripts.
        "/script-only": _send(
            200,
            b"<html><head><script src='/app.js'></script></head>"
            b"<body><div id='app'></div><script>render('Varn resigns')</script></body></html>",
            {"Content-Type": "text/html"},
        ),
        "/server-error": _send(500, b"oops", {"Content-Type": "text/plain"}),
        "/redirect": _redirect("/article", 301),
        "/redirect-chain": _redirect(f"{base}/redirect", 307),
        "/loop": _redirect("/loop"),
        "/redirect-no-location": _send(302),
        "/to-private": _redirect("http://10.0.0.1/admin"),
        "/to-metadata": _redirect("http://169.254.169.254/latest/meta-data/", 301),
        "/to-ipv6-loopback": _redirect("http://[::1]/article"),
        "/to-ftp": _redirect("ftp://127.0.0.1/article"),
        "/slow": _slow,
        "/trickle": _trickle,
    }
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


def _url(server: _Server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def _closed_port() -> int:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    sock.close()
    return port


def test_fetches_html_with_metadata(server: _Server) -> None:
    article = fetch_url(_url(server, "/article"), options=ALLOW)
    assert article.title == "Corvale ferry fares to rise"
    assert article.outlet == "Harbor Ledger"
    assert article.byline == "Odile Pessac"
    assert article.published == dt.date(2023, 11, 2)
    assert article.url == _url(server, "/article")
    assert article.text.startswith("The Corvale Ferry Authority said on Tuesday")
    assert "“We held prices for three years,”" in article.text
    assert "SCRIPT_SECRET" not in article.text


def test_credentials_in_the_url_are_not_kept(server: _Server) -> None:
    port = server.server_address[1]
    article = fetch_url(f"http://reader:s3cret@127.0.0.1:{port}/plain", options=ALLOW)
    assert article.url == f"http://127.0.0.1:{port}/plain"
    with pytest.raises(FetchError) as caught:
        fetch_url(f"http://reader:s3cret@127.0.0.1:{port}/nowhere", options=ALLOW)
    assert "s3cret" not in str(caught.value)


def test_fetches_xhtml_as_html(server: _Server) -> None:
    assert fetch_url(_url(server, "/xhtml"), options=ALLOW).outlet == "Harbor Ledger"


def test_fetches_plain_text_in_declared_charset(server: _Server) -> None:
    article = fetch_url(_url(server, "/plain"), options=ALLOW)
    assert article.text == "The ferry’s fares rise by a fifth, the café owner said."
    assert article.title is None


def test_load_source_routes_urls_to_fetch(server: _Server) -> None:
    assert load_source(_url(server, "/article"), options=ALLOW).byline == "Odile Pessac"


def test_follows_redirects_and_keeps_final_url(server: _Server) -> None:
    article = fetch_url(_url(server, "/redirect-chain"), options=ALLOW)
    assert article.url == _url(server, "/article")
    assert [path for path, _ in server.requests] == ["/redirect-chain", "/redirect", "/article"]


def test_too_many_redirects(server: _Server) -> None:
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_url(_url(server, "/loop"), options=ALLOW)
    assert len(server.requests) == url_module.MAX_REDIRECTS + 1


def test_redirect_without_location(server: _Server) -> None:
    with pytest.raises(FetchError, match="without saying where"):
        fetch_url(_url(server, "/redirect-no-location"), options=ALLOW)


def test_loopback_refused_without_allow_private(server: _Server) -> None:
    with pytest.raises(PrivateAddressError, match="loopback"):
        fetch_url(_url(server, "/article"), options=AnalyzeOptions())
    assert server.requests == []


@pytest.fixture
def only_server_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat 127.0.0.1 as public so that a redirect's own check is what is tested."""
    real = url_module.refusal_reason

    def reason(address: Any) -> str | None:
        return None if str(address) == "127.0.0.1" else real(address)

    monkeypatch.setattr(url_module, "refusal_reason", reason)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/to-private", "10.0.0.1 is a private address"),
        ("/to-metadata", "169.254.169.254 is a link-local address"),
        ("/to-ipv6-loopback", "::1 is a loopback address"),
    ],
)
@pytest.mark.usefixtures("only_server_is_public")
def test_redirect_to_private_address_refused(server: _Server, path: str, reason: str) -> None:
    with pytest.raises(PrivateAddressError, match=reason):
        fetch_url(_url(server, path), options=AnalyzeOptions())
    assert [p for p, _ in server.requests] == [path]


def test_redirect_to_other_scheme_refused(server: _Server) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch_url(_url(server, "/to-ftp"), options=ALLOW)


@pytest.mark.parametrize("path", ["/image", "/pdf", "/untyped"])
def test_content_type_refused(server: _Server, path: str) -> None:
    with pytest.raises(ContentTypeError, match="not an HTML page or plain text"):
        fetch_url(_url(server, path), options=ALLOW)


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_size_cap(server: _Server, path: str) -> None:
    options = AnalyzeOptions(allow_private=True, max_fetch_bytes=1000)
    with pytest.raises(InputTooLargeError, match="1,000 bytes"):
        fetch_url(_url(server, path), options=options)
    # The same documents are read when they fit.
    assert len(fetch_url(_url(server, path), options=ALLOW).text) == 5000


def test_http_error_is_one_line(server: _Server) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(_url(server, "/nowhere"), options=ALLOW)
    assert "HTTP 404" in str(caught.value)
    assert "\n" not in str(caught.value)
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch_url(_url(server, "/server-error"), options=ALLOW)


def test_page_without_article_text(server: _Server) -> None:
    with pytest.raises(EmptyInputError, match="no article text"):
        fetch_url(_url(server, "/script-only"), options=ALLOW)


def test_unreachable_host() -> None:
    with pytest.raises(FetchError, match="could not connect") as caught:
        fetch_url(f"http://127.0.0.1:{_closed_port()}/", options=ALLOW)
    assert type(caught.value) is FetchError
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("path", ["/slow", "/trickle"])
def test_timeout_covers_the_whole_fetch(server: _Server, path: str) -> None:
    options = AnalyzeOptions(allow_private=True, fetch_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="time limit of 1 s"):
        fetch_url(_url(server, path), options=options)
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    "address",
    [
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:9/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://[::1]/",
        "http://[::]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[2002:a00:1::]/",  # 6to4 wrapping 10.0.0.1
        "https://localhost/",
        "http://2130706433/",  # 127.0.0.1 written as one number
    ],
)
def test_non_public_addresses_refused_before_connecting(address: str) -> None:
    # The guard fixture would turn any connection attempt into an AssertionError.
    with pytest.raises(PrivateAddressError, match="--allow-private"):
        fetch_url(address, options=AnalyzeOptions())


def test_allow_private_lets_a_private_address_through_the_check() -> None:
    assert check_url("http://127.0.0.1:8080/", allow_private=True) == [
        ipaddress.ip_address("127.0.0.1")
    ]


@pytest.mark.parametrize(
    "address",
    ["ftp://127.0.0.1/a.txt", "file:///etc/passwd", "gopher://127.0.0.1:70/", "javascript:1"],
)
@pytest.mark.parametrize("allow_private", [False, True])
def test_non_http_schemes_refused(address: str, allow_private: bool) -> None:
    options = AnalyzeOptions(allow_private=allow_private)
    with pytest.raises(FetchError, match="only http and https") as caught:
        fetch_url(address, options=options)
    assert type(caught.value) is FetchError


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("198.51.100.7", True),  # documentation range
        ("100.127.255.254", True),  # carrier-grade NAT
        ("64:ff9b::a00:1", True),  # NAT64 wrapping 10.0.0.1
        ("fec0::1", True),  # deprecated site-local
        ("ff02::1", True),
        ("1.1.1.1", False),
        ("2606:4700:4700::1111", False),
        ("64:ff9b::101:101", False),  # NAT64 wrapping 1.1.1.1
    ],
)
def test_refusal_reason(address: str, refused: bool) -> None:
    assert (refusal_reason(ipaddress.ip_address(address)) is not None) is refused


def test_resolved_name_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def resolve(host: str, *args: Any, **kwargs: Any) -> Any:
        assert host == "intranet.corvale.example"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(PrivateAddressError, match=r"intranet\.corvale\.example \(10\.1\.2\.3\)"):
        fetch_url("http://intranet.corvale.example/", options=AnalyzeOptions())


def test_connects_to_the_checked_address(server: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the name is resolved once, and the checked address is the one used."""
    answers = iter(["127.0.0.1", "10.9.9.9"])  # a second lookup would get a private address
    lookups: list[str] = []

    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "127.0.0.1":  # a literal resolves to itself, as the real resolver does
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (host, port))]
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    port = server.server_address[1]
    article = fetch_url(f"http://news.harbor-ledger.example:{port}/article", options=ALLOW)
    assert article.byline == "Odile Pessac"
    assert lookups == ["news.harbor-ledger.example"]
    assert server.requests == [("/article", f"news.harbor-ledger.example:{port}")]
    assert article.url == f"http://news.harbor-ledger.example:{port}/article"


def test_bad_url() -> None:
    with pytest.raises(FetchError):
        fetch_url("http://", options=ALLOW)
