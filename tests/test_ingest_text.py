"""Plain text and files: encodings, empty and binary input, size caps, format sniffing."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from claimscope.errors import (
    BinaryInputError,
    EmptyInputError,
    FetchError,
    InputTooLargeError,
    SourceNotFoundError,
)
from claimscope.ingest import article_from_bytes, load_source, looks_like_html
from claimscope.ingest.text import check_text, decode_bytes, normalize_text, text_id
from claimscope.ingest.url import fetch_url
from claimscope.options import AnalyzeOptions

OPTIONS = AnalyzeOptions()
TEXT = "Mayor Ilse Varn of Corvale said the café would reopen on “May 3” – ahead of schedule."

PAGE = b"""<!DOCTYPE html><html><head><title>Harbor Ledger: ferry fares</title>
<meta name="author" content="Odile Pessac"></head><body><article>
<p>The Corvale Ferry Authority said on Tuesday that single fares would rise by a fifth.</p>
<p>Season tickets would not change before the summer, the authority's chair said.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("cp1252"),
        TEXT.encode("utf-16"),  # with BOM, native byte order
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        TEXT.encode("utf-32"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "utf16", "utf16-be", "utf16-le", "utf32"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert normalize_text(decode_bytes(data)) == TEXT
    assert "\ufeff" not in decode_bytes(data)


def test_latin1_prose_is_detected() -> None:
    text = (
        "Ilse Varn visited the café in Zürich, met Jürgen Müller at the école and said the "
        "façade of the Corvale town hall would be restored before the winter."
    )
    assert decode_bytes(text.encode("latin-1")) == text


def test_declared_encoding_is_tried_first() -> None:
    assert decode_bytes("Grüße".encode("cp1252"), declared="cp1252") == "Grüße"


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n"])
def test_empty_bytes_refused(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"Mayor Ilse Varn\x00\x00\x00said",
    ],
    ids=["png", "pdf", "zip", "nul-bytes"],
)
def test_binary_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError):
        decode_bytes(data)


def test_text_starting_like_an_exe_signature_is_text() -> None:
    # Regression: "MZ" (the DOS executable signature) opened a rejected article.
    assert decode_bytes(b"MZANSI Media Group said on Monday it would close two papers.")


def test_check_text() -> None:
    check_text("Mayor Ilse Varn spoke.", max_chars=100)
    with pytest.raises(EmptyInputError):
        check_text(" \n ", max_chars=100)
    with pytest.raises(InputTooLargeError, match="--max-chars"):
        check_text("a" * 101, max_chars=100)
    with pytest.raises(BinaryInputError):
        check_text("text\x01\x02\x03\x04" * 10, max_chars=1000)


def test_normalize_text_and_id() -> None:
    assert normalize_text("\ufeffCafe\u0301 line\r\nnext\rlast  \n") == "Café line\nnext\nlast"
    assert text_id("Mayor  Ilse\nVarn") == text_id("Mayor Ilse Varn")
    assert text_id("Mayor Ilse Varn") != text_id("Mayor Ilse Vam")


@pytest.mark.parametrize("name", ["a.txt", "a.text", "a.md", "a", "a.TXT"])
def test_load_text_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(TEXT.encode("cp1252"))
    article = load_source(str(path), options=OPTIONS)
    assert article.text == TEXT
    assert article.title is None


def test_load_path_object(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert load_source(path, options=OPTIONS).text == TEXT


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.HTML", "saved.txt", "page"])
def test_load_html_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(PAGE)
    article = load_source(str(path), options=OPTIONS)
    assert article.byline == "Odile Pessac"
    assert article.text.startswith("The Corvale Ferry Authority said on Tuesday")
    assert "<p>" not in article.text


def test_load_gzipped_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE))
    assert load_source(str(path), options=OPTIONS).byline == "Odile Pessac"


def test_html_named_file_without_markup_is_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.html"
    path.write_text(TEXT, encoding="utf-8")
    assert load_source(str(path), options=OPTIONS).text == TEXT


def test_text_mentioning_tags_stays_text(tmp_path: Path) -> None:
    text = "<p> and <div> are HTML tags, the Corvale coding club told its <a> students."
    path = tmp_path / "club.txt"
    path.write_text(text, encoding="utf-8")
    assert load_source(str(path), options=OPTIONS).text == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!doctype html><p>x</p>", True),
        (b"\xef\xbb\xbf\n  <html lang='en'><body>x</body></html>", True),
        (b"<?xml version='1.0'?><!-- saved --><html><body></body></html>", True),
        (b"<div><p>Fragment one.</p><p>Two.</p></div>", True),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>".encode("utf-16"), True),
        (b"Mayor Varn said <p> is a tag.", False),
        (b"<p> and <div> are tags, the club told its <a> students.", False),
        (b"<Corvale> is how the council writes its name.", False),
    ],
)
def test_looks_like_html(data: bytes, expected: bool) -> None:
    assert looks_like_html(data) is expected


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="no such file"):
        load_source(str(tmp_path / "nowhere.txt"), options=OPTIONS)


def test_missing_file_that_looks_like_a_web_address() -> None:
    with pytest.raises(SourceNotFoundError, match=r"write https://www\.courier\.example/bridge"):
        load_source("www.courier.example/bridge", options=OPTIONS)


def test_other_schemes_go_to_the_fetcher_and_are_refused() -> None:
    with pytest.raises(FetchError, match="only http and https"):
        load_source("file:///etc/hostname", options=OPTIONS)


def test_public_names_all_resolve() -> None:
    import claimscope.ingest as ingest

    for name in ingest.__all__:
        assert getattr(ingest, name) is not None, name
    assert ingest.fetch_url is fetch_url


def test_directory_is_not_a_source(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="directory"):
        load_source(str(tmp_path), options=OPTIONS)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError):
        load_source(str(path), options=OPTIONS)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    with pytest.raises(BinaryInputError):
        load_source(str(path), options=OPTIONS)


def test_file_too_large_refused_by_size(tmp_path: Path) -> None:
    options = AnalyzeOptions(max_chars=100)  # text files up to 400 bytes
    path = tmp_path / "long.txt"
    path.write_bytes(b"a" * 401)
    with pytest.raises(InputTooLargeError, match="400 bytes"):
        load_source(str(path), options=options)
    path.write_bytes(b"a" * 400)
    assert len(load_source(str(path), options=options).text) == 400


def test_html_file_cap_follows_max_fetch_bytes(tmp_path: Path) -> None:
    options = AnalyzeOptions(max_chars=10, max_fetch_bytes=len(PAGE))  # text: 40 bytes
    path = tmp_path / "page.html"
    path.write_bytes(PAGE)
    assert load_source(str(path), options=options).byline == "Odile Pessac"
    path.write_bytes(PAGE + b" ")
    with pytest.raises(InputTooLargeError):
        load_source(str(path), options=options)


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 1_000_000))
    with pytest.raises(InputTooLargeError):
        load_source(str(path), options=AnalyzeOptions(max_chars=1000))


def test_bad_gzip(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(PAGE)
    with pytest.raises(SourceNotFoundError, match="gzip"):
        load_source(str(path), options=OPTIONS)


class _EndlessStream(io.RawIOBase):
    """A stream that never ends, and counts what was read from it."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = min(len(buffer), 4096)  # short reads, like a pipe
        buffer[:size] = b"a" * size
        self.served += size
        return size


def test_stdin_text_and_html() -> None:
    text = load_source("-", options=OPTIONS, stdin=io.BytesIO(TEXT.encode("utf-16")))
    assert text.text == TEXT
    page = load_source("-", options=OPTIONS, stdin=io.BytesIO(PAGE))
    assert page.byline == "Odile Pessac"


def test_stdin_is_not_read_past_the_cap() -> None:
    stream = _EndlessStream()
    options = AnalyzeOptions(max_chars=1000, max_fetch_bytes=10_000)
    with pytest.raises(InputTooLargeError, match="standard input"):
        load_source("-", options=options, stdin=stream)  # type: ignore[arg-type]
    assert stream.served <= 10_000 + 4096


def test_stdin_text_above_the_text_cap() -> None:
    options = AnalyzeOptions(max_chars=100, max_fetch_bytes=10_000)
    with pytest.raises(InputTooLargeError):
        load_source("-", options=options, stdin=io.BytesIO(b"a" * 401))


def test_article_from_bytes_with_known_format() -> None:
    assert article_from_bytes(PAGE, options=OPTIONS, html=False).text.startswith("<!DOCTYPE")
    assert article_from_bytes(PAGE, options=OPTIONS).byline == "Odile Pessac"
