"""The command line: every output format, metadata overrides, and every error path.

Error paths must give one line on stderr and a distinct non-zero exit code, never a traceback.
Most tests run the Typer app in-process (the model loads once per session); a few run the
installed entry point in a subprocess to check what a user really sees.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimscope import errors
from claimscope.cli import EXIT_OUTPUT, app

runner = CliRunner()

ARTICLE = (
    "Harbour Minister Odile Ferrant said on Tuesday that the Corvale docks would reopen.\n"
    "“We will not let the strike drag on,” Ferrant told reporters.\n"
    "Some analysts view the decision as a political gamble.\n"
)


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _run(*args: str, stdin: bytes | str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_version() -> None:
    code, out, _ = _run("--version")
    assert code == 0
    assert out.startswith("claimscope ")


def test_schema_prints_json_schema() -> None:
    code, out, _ = _run("schema")
    assert code == 0
    assert json.loads(out)["title"].startswith("claimscope Analysis")


def test_json_output_with_metadata_overrides(article_file: Path) -> None:
    code, out, err = _run(
        "analyze",
        str(article_file),
        "--format",
        "json",
        "--published",
        "2031-04-20",
        "--outlet",
        "Belmora Daily Courier",
        "--title",
        "Docks to reopen",
        "--url",
        "https://courier.example/docks",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["article"]["published"] == "2031-04-20"
    assert data["article"]["outlet"] == "Belmora Daily Courier"
    assert data["article"]["title"] == "Docks to reopen"
    assert data["article"]["url"] == "https://courier.example/docks"
    assert data["article"]["text"] == ARTICLE.strip()


def test_text_output_and_side_files(article_file: Path, tmp_path: Path) -> None:
    json_path, html_path = tmp_path / "a.json", tmp_path / "r.html"
    code, out, err = _run(
        "analyze", str(article_file), "--json-out", str(json_path), "--html-out", str(html_path)
    )
    assert code == 0, err
    assert "Ferrant" in out
    assert json.loads(json_path.read_text(encoding="utf-8"))["summary"]["sentences"] == 3
    assert html_path.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_html_output_to_file(article_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, out, err = _run("analyze", str(article_file), "-f", "html", "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert "Corvale" in target.read_text(encoding="utf-8")


def test_stdin_source() -> None:
    code, out, err = _run("analyze", "-", "-f", "json", stdin=ARTICLE)
    assert code == 0, err
    assert json.loads(out)["summary"]["sentences"] == 3


@pytest.mark.parametrize(
    ("content", "extra", "error"),
    [
        (b"", [], errors.EmptyInputError),
        (b"   \n\t \n", [], errors.EmptyInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", [], errors.BinaryInputError),
        (ARTICLE.encode() * 5, ["--max-chars", "100"], errors.InputTooLargeError),
        # A UTF-16 byte-order mark followed by an odd number of bytes: not UTF-16 at all.
        (b"\xff\xfeT\x00h\x00e", [], errors.EncodingError),
        (
            "Der Stadtrat von Corvale hat am Dienstag beschlossen, den Hafen wegen der "
            "Streiks für drei Wochen zu schließen, wie die Bürgermeisterin mitteilte.".encode(),
            [],
            errors.UnsupportedLanguageError,
        ),
    ],
    ids=["empty", "whitespace", "binary", "too-large", "bad-encoding", "not-english"],
)
def test_bad_input_gives_one_line_and_distinct_code(
    tmp_path: Path, content: bytes, extra: list[str], error: type[errors.ClaimscopeError]
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    code, out, err = _run("analyze", str(path), *extra)
    assert code == error.exit_code
    assert err.startswith("claimscope: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err + out


def test_non_english_is_analysed_when_forced(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Der Stadtrat von Corvale hat am Dienstag beschlossen, den Hafen zu schließen.",
        encoding="utf-8",
    )
    code, _, err = _run("analyze", str(path), "--force-language", "-f", "json")
    assert code == 0, err


def test_missing_file() -> None:
    code, _, err = _run("analyze", "/nonexistent/claimscope/article.txt")
    assert code == errors.SourceNotFoundError.exit_code
    assert err.count("\n") == 1


def test_bad_published_date(article_file: Path) -> None:
    code, _, err = _run("analyze", str(article_file), "--published", "20 August")
    assert code == errors.InvalidOptionError.exit_code
    assert "YYYY-MM-DD" in err


def test_unwritable_output(article_file: Path) -> None:
    code, _, err = _run("analyze", str(article_file), "-o", "/nonexistent/dir/out.txt")
    assert code == EXIT_OUTPUT
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/article",
        "http://169.254.169.254/latest",
        "http://10.0.0.1/",
        "http://[::1]/",
    ],
)
def test_private_url_is_refused(url: str) -> None:
    code, _, err = _run("analyze", url, "--timeout", "2")
    assert code == errors.PrivateAddressError.exit_code
    assert err.count("\n") == 1


def test_unreachable_url() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/article"
    code, _, err = _run("analyze", url, "--allow-private", "--timeout", "2")
    assert code == errors.FetchError.exit_code
    assert err.count("\n") == 1


@pytest.mark.slow
def test_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    exe = shutil.which("claimscope") or str(Path(sys.executable).with_name("claimscope"))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = subprocess.run(
        [exe, "analyze", str(empty)], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == errors.EmptyInputError.exit_code
    assert proc.stderr.startswith("claimscope: error: ")
    assert "Traceback" not in proc.stderr
