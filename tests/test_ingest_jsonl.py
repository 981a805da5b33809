"""JSON Lines records: every line gives an article or an error, and reading goes on."""

from __future__ import annotations

import datetime as dt
import json
import socket
from pathlib import Path
from typing import Any

import pytest

from claimscope.errors import (
    ClaimscopeError,
    EmptyInputError,
    EncodingError,
    FetchError,
    InputError,
    InputTooLargeError,
    PrivateAddressError,
    SourceNotFoundError,
)
from claimscope.ingest import JsonlRecord, parse_record, read_jsonl
from claimscope.ingest import url as url_module
from claimscope.ingest.types import ArticleInput
from claimscope.options import AnalyzeOptions

PAGE = (
    "<html><head><title>Marrowby council delays harbour vote</title>"
    '<meta property="og:site_name" content="Marrowby Gazette">'
    '<meta name="author" content="Wendel Asp"></head><body><article>'
    "<p>The Marrowby town council delayed its vote on the harbour plan until March, "
    "its clerk said on Friday.</p><p>Opponents said the scheme was badly costed.</p>"
    "</article></body></html>"
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """URL records here must be refused or faked: any connection or lookup fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"test tried to reach the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _line(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False)


def _errors(records: list[JsonlRecord]) -> dict[int, ClaimscopeError]:
    return {r.line: r.error for r in records if r.error is not None}


def test_text_record_with_metadata() -> None:
    line = _line(
        {
            "id": 7,
            "text": "Mayor Ilse Varn said the bridge would reopen.",
            "outlet": "Belmora Daily Courier",
            "title": "Bridge to reopen",
            "byline": "Tamsin Orrel",
            "published": "2024-04-20",
            "url": "https://courier.example/bridge",
            "section": "local",  # unknown keys are ignored
        }
    )
    (record,) = read_jsonl([line])
    assert record.ok and record.line == 1 and record.key == "7"
    assert record.article == ArticleInput(
        text="Mayor Ilse Varn said the bridge would reopen.",
        outlet="Belmora Daily Courier",
        title="Bridge to reopen",
        byline="Tamsin Orrel",
        published=dt.date(2024, 4, 20),
        url="https://courier.example/bridge",
    )


def test_html_record_metadata_overrides_the_page() -> None:
    (record,) = read_jsonl([_line({"html": PAGE, "outlet": "The Marrowby Gazette"})])
    assert record.article is not None
    assert record.article.outlet == "The Marrowby Gazette"  # the record's word wins
    assert record.article.byline == "Wendel Asp"  # the page's, where the record is silent
    assert record.article.text.startswith("The Marrowby town council delayed its vote")
    assert "<p>" not in record.article.text


def test_published_accepts_iso_datetimes() -> None:
    line = _line({"text": "Varn spoke.", "published": "2024-04-20T23:30:00+02:00"})
    (record,) = read_jsonl([line])
    assert record.article is not None and record.article.published == dt.date(2024, 4, 20)


def test_bad_lines_are_reported_and_reading_goes_on() -> None:
    lines = [
        _line({"text": "Mayor Ilse Varn said the bridge would reopen."}),  # 1
        "{not json",  # 2
        "",  # 3: blank lines are skipped, and still counted
        "[1, 2]",  # 4
        _line({"title": "no body"}),  # 5
        _line({"text": "a", "html": "<p>b</p>"}),  # 6
        _line({"text": 42}),  # 7
        _line({"text": "Varn spoke.", "published": "last Tuesday"}),  # 8
        _line({"text": "Varn spoke.", "outlet": ["a", "b"]}),  # 9
        _line({"text": "   "}),  # 10
        _line({"html": "<html><body><script>x()</script></body></html>"}),  # 11
        "[" * 100_000,  # 12
        _line({"text": "Councillor Bram Tolvey said the ferry would run."}),  # 13
    ]
    records = list(read_jsonl(lines))
    assert [r.line for r in records if r.ok] == [1, 13]
    errors = _errors(records)
    assert sorted(errors) == [2, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    for number, error in errors.items():
        assert str(error).startswith(f"line {number}: ")
        assert "\n" not in str(error)
    assert "not valid JSON" in str(errors[2])
    assert "JSON object" in str(errors[4])
    assert '"text", "html" or "url"' in str(errors[5])
    assert "not both" in str(errors[6])
    assert '"text" must be a string, not a number' in str(errors[7])
    assert "ISO date" in str(errors[8])
    assert '"outlet" must be a string or null, not a list' in str(errors[9])
    # Error classes, and so exit codes, are kept.
    assert type(errors[10]) is EmptyInputError
    assert type(errors[11]) is EmptyInputError
    assert type(errors[7]) is InputError


def test_text_too_long() -> None:
    options = AnalyzeOptions(max_chars=20)
    (record,) = read_jsonl(
        [_line({"text": "Mayor Ilse Varn said the bridge would reopen."})], options=options
    )
    assert isinstance(record.error, InputTooLargeError)


def test_url_record_is_fetched_with_the_options(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, AnalyzeOptions]] = []

    def fake_fetch(url: str, *, options: AnalyzeOptions) -> ArticleInput:
        calls.append((url, options))
        return ArticleInput(
            text="The Marrowby town council delayed its vote.",
            url="https://gazette.example/final",
            outlet="Marrowby Gazette",
            title="Vote delayed",
        )

    monkeypatch.setattr(url_module, "fetch_url", fake_fetch)
    options = AnalyzeOptions(fetch_timeout=3.0)
    (record,) = read_jsonl(
        [_line({"url": "https://gazette.example/short", "title": "Harbour vote delayed"})],
        options=options,
    )
    assert calls == [("https://gazette.example/short", options)]
    assert record.article is not None
    assert record.article.title == "Harbour vote delayed"  # the record's metadata wins
    assert record.article.outlet == "Marrowby Gazette"
    assert record.article.url == "https://gazette.example/final"  # where it finally came from


def test_url_record_errors_keep_their_class() -> None:
    # Refused before any connection: a link-local literal address.
    lines = [_line({"url": "http://169.254.169.254/latest/meta-data/"})]
    (record,) = read_jsonl(lines)
    assert type(record.error) is PrivateAddressError
    assert str(record.error).startswith("line 1: refusing to fetch")


def test_url_records_not_fetched_when_fetching_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: Any, **kwargs: Any) -> ArticleInput:
        raise AssertionError("fetched although fetching is off")

    monkeypatch.setattr(url_module, "fetch_url", fail)
    (record,) = read_jsonl([_line({"url": "https://gazette.example/a"})], fetch=False)
    assert type(record.error) is FetchError


def test_read_file_with_bom_long_and_non_utf8_lines(tmp_path: Path) -> None:
    options = AnalyzeOptions(max_chars=50, max_fetch_bytes=100)  # lines up to 300 bytes
    path = tmp_path / "articles.jsonl"
    good = _line({"text": "Mayor Ilse Varn spoke.", "id": "a"}).encode()
    long = _line({"text": "x" * 400, "id": "long"}).encode()
    with path.open("wb") as handle:
        handle.write(b"\xef\xbb\xbf" + good + b"\n")
        handle.write(long + b"\n")
        handle.write(b'{"text": "caf\xe9"}\n')
        handle.write(b"\n")
        handle.write(_line({"text": "Varn left.", "id": "b"}).encode() + b"\r\n")
        handle.write(_line({"text": "No newline at the end.", "id": "c"}).encode())
    records = list(read_jsonl(path, options=options))
    assert [(r.line, r.key) for r in records if r.ok] == [(1, "a"), (5, "b"), (6, "c")]
    errors = _errors(records)
    assert type(errors[2]) is InputTooLargeError
    assert type(errors[3]) is EncodingError


def test_missing_file_raises_at_once(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError):
        read_jsonl(tmp_path / "nowhere.jsonl")
    with pytest.raises(SourceNotFoundError):
        read_jsonl(str(tmp_path))


def test_bytes_lines_from_a_stream() -> None:
    lines = [b'{"text": "Mayor Ilse Varn spoke."}\n', b"\xff\n"]
    records = list(read_jsonl(lines))
    assert records[0].ok
    assert type(records[1].error) is EncodingError


def test_parse_record_raises_without_line_number() -> None:
    with pytest.raises(InputError, match=r'^the record has none of "text"'):
        parse_record({"outlet": "Marrowby Gazette"})
    article = parse_record({"text": "Varn spoke.", "published": None, "title": ""})
    assert article == ArticleInput(text="Varn spoke.")
