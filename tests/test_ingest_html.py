"""HTML pages through trafilatura: body text, metadata, charsets and hostile markup."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from claimscope.errors import BinaryInputError, EmptyInputError
from claimscope.ingest.html import article_from_html, html_charset, resolve_charset

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Corvale bridge to reopen in May, mayor says | Belmora Daily Courier</title>
<meta property="og:title" content="Corvale bridge to reopen in May, mayor says">
<meta property="og:site_name" content="Belmora Daily Courier">
<meta name="author" content="Tamsin Orrel">
<meta property="article:published_time" content="2024-04-20T08:30:00Z">
<script>var tracker = "SCRIPT_IN_HEAD";</script>
<style>.byline { color: red } /* STYLE_RULES */</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Corvale bridge to reopen in May, mayor says</h1>
<p>Mayor Ilse Varn of Corvale said on Monday that the old river bridge would reopen to traffic
on May 3, after eight months of repairs.</p>
<p>“The work is finished ahead of schedule,” Varn told reporters at the town hall, adding that
the final inspection had found no faults.</p>
<script>document.write("SCRIPT_IN_BODY")</script>
<p>Some residents remain sceptical. According to the Corvale Residents’ Union, the repair budget
rose by a third since last autumn, a figure the council has not confirmed.</p>
</article>
<footer>© Belmora Daily Courier</footer>
</body></html>
"""

HOSTILE = """<!DOCTYPE html>
<html><head><title>Council vote delayed in Marrowby</title>
<script>window.TOKEN_HEAD_SCRIPT = 1;</script>
<style>body { background: url("TOKEN_STYLE") }</style>
</head>
<body onload="TOKEN_ONLOAD()">
<article>
<p onclick="TOKEN_ONCLICK()" onmouseover="TOKEN_HOVER()">The Marrowby town council delayed
its vote on the harbour plan until March, its clerk, Wendel Asp, said on Friday.</p>
<script>document.write("<p>TOKEN_INLINE_SCRIPT</p>")</script>
<iframe src="http://127.0.0.1/TOKEN_IFRAME" srcdoc="<p>TOKEN_SRCDOC</p>"></iframe>
<noscript><img src="x" onerror="TOKEN_ONERROR()">TOKEN_NOSCRIPT</noscript>
<p>Councillors asked for more time to read a report on dredging costs, Asp said, and the
<a href="javascript:TOKEN_JSLINK()">public consultation</a> would stay open.</p>
<svg><script>TOKEN_SVG_SCRIPT</script></svg>
<template><p>TOKEN_TEMPLATE</p></template>
<p hidden>TOKEN_HIDDEN</p>
<div style="DISPLAY : none">TOKEN_DISPLAY_NONE</div>
<object data="TOKEN_OBJECT.swf"><embed src="TOKEN_EMBED.swf"></object>
<!-- TOKEN_COMMENT -->
<p>The plan's opponents, led by the Marrowby Fishers' Guild, said the delay showed the scheme
was rushed &amp; badly costed &lt;in their view&gt;.</p>
<form action="/TOKEN_FORM"><input value="TOKEN_INPUT"></form>
</article>
<script src="http://127.0.0.1/TOKEN_EXTERNAL.js"></script>
</body></html>
"""


def test_extracts_body_and_metadata() -> None:
    article = article_from_html(PAGE, url="https://courier.example/2024/04/bridge")
    assert article.title == "Corvale bridge to reopen in May, mayor says"
    assert article.byline == "Tamsin Orrel"
    assert article.outlet == "Belmora Daily Courier"
    assert article.published == dt.date(2024, 4, 20)
    assert article.url == "https://courier.example/2024/04/bridge"
    paragraphs = article.text.split("\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Mayor Ilse Varn of Corvale said on Monday")
    assert paragraphs[1].startswith("“The work is finished ahead of schedule,” Varn told")
    assert paragraphs[2].endswith("a figure the council has not confirmed.")


def test_boilerplate_and_code_left_out() -> None:
    text = article_from_html(PAGE).text
    for absent in ("SCRIPT_IN_HEAD", "SCRIPT_IN_BODY", "STYLE_RULES", "Sport", "©"):
        assert absent not in text


def test_repeated_headline_kept_in_title_only() -> None:
    article = article_from_html(PAGE)
    assert not article.text.startswith("Corvale bridge to reopen")
    # The body is the same as that of the page without the repeated headline.
    page = PAGE.replace("<h1>Corvale bridge to reopen in May, mayor says</h1>", "")
    assert article_from_html(page).text == article.text


def test_hostile_markup_never_reaches_the_text() -> None:
    article = article_from_html(HOSTILE)
    assert "TOKEN" not in article.text
    assert re.search(r"<\s*/?\s*(script|style|iframe|p|a|img|svg|object)\b", article.text) is None
    assert "Wendel Asp, said on Friday." in article.text
    assert "the public consultation would stay open" in " ".join(article.text.split())
    # Escaped text is text: the reader of the page saw these characters.
    assert "rushed & badly costed <in their view>." in " ".join(article.text.split())


def test_bytes_with_meta_charset() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    article = article_from_html(page.encode("cp1252"))
    assert "“The work is finished ahead of schedule,”" in article.text
    assert "Residents’ Union" in article.text


def test_bytes_with_http_equiv_charset() -> None:
    page = (
        PAGE.replace(
            '<meta charset="utf-8">',
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
        )
        .replace("“", '"')
        .replace("”", '"')
        .replace("’", "'")
        .replace("©", "(c)")
    )
    page = page.replace("Mayor Ilse Varn", "Mayor Ilse Varn-Müller")
    article = article_from_html(page.encode("latin-1"))
    assert "Mayor Ilse Varn-Müller of Corvale" in article.text


def test_server_charset_wins_over_meta() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="koi8-r">')
    article = article_from_html(page.encode("utf-8"), encoding="utf-8")
    assert "Residents’ Union" in article.text


def test_bom_wins_over_declarations() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    article = article_from_html(page.encode("utf-16"), encoding="iso-8859-1")
    assert "Residents’ Union" in article.text


def test_html_charset_rules() -> None:
    assert html_charset(b'<meta charset="ISO-8859-1"><p>Caf\xe9</p>') == "windows-1252"
    assert html_charset(b"<meta charset='Shift_JIS'>") == "shift_jis"
    assert html_charset(b"<p>no declaration</p>") is None
    assert html_charset("<p>x</p>".encode("utf-16")) == "utf-16"
    # Declared Western but valid multi-byte UTF-8: the declaration is wrong.
    assert resolve_charset("latin-1", "Zürich".encode()) == "utf-8"
    assert resolve_charset("latin-1", "Zürich".encode("latin-1")) == "windows-1252"
    assert resolve_charset("  ", b"x") is None


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n ",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><div id='app'></div><script>render('Varn resigns')</script></body></html>",
    ],
)
def test_no_article_text(page: str) -> None:
    with pytest.raises(EmptyInputError):
        article_from_html(page)


def test_binary_bytes_refused() -> None:
    with pytest.raises(BinaryInputError):
        article_from_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_outlet_is_never_an_ip_address() -> None:
    page = PAGE.replace('<meta property="og:site_name" content="Belmora Daily Courier">', "")
    assert article_from_html(page, url="http://127.0.0.1:8000/bridge").outlet is None


def test_xml_declaration_in_a_string() -> None:
    # lxml refuses str input that carries an encoding declaration unless handled.
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.split("\n", 1)[1]
    assert article_from_html(page).byline == "Tamsin Orrel"
