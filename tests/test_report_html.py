"""The HTML report: highlighted layers, preserved text, no executable markup, no external loads."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.report import render_html
from claimscope.report.highlight import Layer, highlight, segments
from claimscope.report.html import safe_link
from claimscope.schema import Analysis, Claim, Span
from fixtures_analysis import ARTICLE_TEXT, HOSTILE, build_analysis, hostile_analysis


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


class Page(HTMLParser):
    """Every element with its attributes, the article's text and its highlighted segments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.segments: list[Element] = []  # span.seg inside the article
        self.article_text = ""
        self._stack: list[Element] = []
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag in ("meta", "input", "br", "link", "img"):
            return  # void elements have no end tag
        self._stack.append(element)
        if self._article_depth or element.attrs.get("id") == "text":
            self._article_depth += 1
            if "seg" in element.attrs.get("class", "").split():
                self.segments.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self._stack and self._stack[-1].tag == tag, f"unbalanced </{tag}>"
        self._stack.pop()
        if self._article_depth:
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        for element in self._stack:
            element.text += data
        if self._article_depth:
            self.article_text += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def classes(element: Element) -> set[str]:
    return set(element.attrs.get("class", "").split())


def ids(element: Element) -> set[str]:
    return set(element.attrs.get("data-ids", "").split())


def layer_text(page: Page, kind: str, record: str) -> str:
    """The text of the segments of one layer of one record, in order."""
    return "".join(s.text for s in page.segments if kind in classes(s) and record in ids(s))


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return build_analysis()


@pytest.fixture(scope="module")
def page(analysis: Analysis) -> Page:
    return parse(render_html(analysis))


# --- highlighting ---------------------------------------------------------------------------


def test_attribution_parts_are_highlighted(analysis: Analysis, page: Page) -> None:
    assert layer_text(page, "src", "A1") == "Mayor Ilse Varn"
    assert layer_text(page, "cue", "A1") == "said"
    assert layer_text(page, "content", "A1") == (
        'the Tarrow bridge "will reopen by May 3, whatever the inspectors say.'
    )
    assert layer_text(page, "cue", "A2") == "According to"
    assert layer_text(page, "src", "A3") == "Some residents"
    # The second "said" belongs to A3, not A1.
    said = [s for s in page.segments if s.text == "said"]
    assert [ids(s) for s in said] == [{"A1"}, {"A3"}]


def test_every_record_span_is_highlighted(analysis: Analysis, page: Page) -> None:
    for claim in analysis.claims:
        assert layer_text(page, "claim", claim.id) == claim.span.text
    for hedge in analysis.hedges:
        assert layer_text(page, "hedge", hedge.id) == hedge.span.text
    for time in analysis.times:
        assert layer_text(page, "time", time.id) == time.span.text
    for entity in analysis.entities:
        expected = "".join(m.text for m in sorted(entity.mentions, key=lambda m: m.start))
        assert layer_text(page, "ent", entity.id) == expected


def test_layers_carry_status_type_and_tooltip(page: Page) -> None:
    c2 = [s for s in page.segments if "C2" in ids(s)]
    assert c2 and all("claim-hedged" in classes(s) for s in c2)
    assert all("Claim C2: hedged" in s.attrs["title"] for s in c2)
    (reportedly,) = [s for s in page.segments if s.text == "reportedly"]
    assert {"hedge", "hedge-reported", "claim", "content"} <= classes(reportedly)
    assert ids(reportedly) == {"A2", "C2", "H1"}
    assert "Hedge H1: reported" in reportedly.attrs["title"]
    (nrc,) = [s for s in page.segments if s.text == "NRC"]
    assert {"ent", "ent-ORG", "finding", "finding-warning", "src"} <= classes(nrc)


def test_crossing_overlap_is_cut_at_both_boundaries(page: Page) -> None:
    # The claim C1 starts inside the content of A1 and crosses the entity "Tarrow bridge"
    # only partly; the text around it must fall into three pieces with the right layers.
    texts = [s.text for s in page.segments]
    tarrow = page.segments[texts.index("Tarrow")]
    assert ids(tarrow) == {"A1", "E3"}
    after = page.segments[texts.index("Tarrow") + 2]  # the space between is its own segment
    assert after.text.startswith("bridge") and ids(after) == {"A1", "C1"}


def test_text_is_preserved_exactly(analysis: Analysis, page: Page) -> None:
    assert page.article_text == analysis.article.text


def test_anchor_links_all_resolve(page: Page) -> None:
    targets = {e.attrs["id"] for e in page.elements if "id" in e.attrs}
    links = [e.attrs["href"] for e in page.elements if e.tag == "a" and "href" in e.attrs]
    internal = [h for h in links if h.startswith("#")]
    assert internal and all(h[1:] in targets for h in internal)


# --- side panel and header -----------------------------------------------------------------


def test_panel_lists_sources_claims_findings(analysis: Analysis, page: Page) -> None:
    aside = next(e for e in page.elements if e.tag == "aside")
    for source in analysis.summary.sources:
        assert source.label in aside.text
    assert "state media" in aside.text and "cited for 1 claim" in aside.text
    source_links = [e for e in page.elements if e.attrs.get("data-focus") == "C2"]
    assert source_links, "the source and the claim link to the text of C2"
    badges = [e.text for e in page.elements if "badge" in classes(e) and "st-hedged" in classes(e)]
    assert "hedged" in badges
    assert "acronym mismatch" in aside.text
    assert "does not match the initials of 'National Radio of Belmora'" in aside.text
    quotes = [e.text for e in page.elements if e.tag == "blockquote"]
    assert "NRC" in quotes and "the works may have been rushed" in quotes
    assert "checkworthiness" in aside.text and "unavailable: no model installed" in aside.text


def test_header_shows_metadata_and_an_http_link(analysis: Analysis, page: Page) -> None:
    header = next(e for e in page.elements if e.tag == "header")
    assert "Tarrow bridge to reopen, mayor says" in header.text
    assert "Belmora Daily Courier" in header.text and "2031-04-23" in header.text
    (link,) = [e for e in page.elements if e.tag == "a" and not e.attrs["href"].startswith("#")]
    assert link.attrs["href"] == analysis.article.url
    assert {"noopener", "noreferrer"} <= set(link.attrs["rel"].split())


def test_legend_has_a_switch_per_layer(page: Page) -> None:
    switches = {e.attrs["id"] for e in page.elements if e.tag == "input"}
    labels = {e.attrs["for"] for e in page.elements if e.tag == "label"}
    assert {"t-src", "t-cue", "t-content", "t-claim", "t-hedge", "t-ent", "t-time"} <= switches
    assert switches == labels


# --- safety ---------------------------------------------------------------------------------


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_csp_allows_only_the_reports_own_style_and_script(page: Page) -> None:
    metas = [e for e in page.elements if e.tag == "meta" and "http-equiv" in e.attrs]
    (csp,) = [
        m.attrs["content"] for m in metas if m.attrs["http-equiv"] == "Content-Security-Policy"
    ]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["default-src"] == "'none'"
    (style,) = [e for e in page.elements if e.tag == "style"]
    (script,) = [e for e in page.elements if e.tag == "script"]
    assert directives["style-src"] == _csp_hash(style.text)
    assert directives["script-src"] == _csp_hash(script.text)
    # The policy must come before anything it governs.
    positions = [page.elements.index(x) for x in (metas[0], style, script)]
    assert positions == sorted(positions)


@pytest.fixture(scope="module")
def hostile_page() -> tuple[str, Page]:
    html = render_html(hostile_analysis())
    return html, parse(html)


def test_hostile_article_yields_no_executable_markup(hostile_page: tuple[str, Page]) -> None:
    _, page = hostile_page
    tags = [e.tag for e in page.elements]
    assert tags.count("script") == 1  # the report's own, hashed in the policy
    assert tags.count("style") == 1
    assert not {"img", "svg", "iframe", "object", "embed", "link", "base", "form"} & set(tags)
    for element in page.elements:
        assert not [a for a in element.attrs if a.startswith("on")], element
        assert "src" not in element.attrs, element
        href = element.attrs.get("href")
        assert href is None or href.startswith("#"), element
    hostile_scripts = [e for e in page.elements if e.tag == "script" and "alert" in e.text]
    assert not hostile_scripts


def test_hostile_text_is_shown_literally(hostile_page: tuple[str, Page]) -> None:
    html, page = hostile_page
    analysis = hostile_analysis()
    # "</article></aside>" in the text did not close the report's own elements.
    assert page.article_text == analysis.article.text
    assert page.article_text.startswith(HOSTILE)
    title = next(e for e in page.elements if e.tag == "h1")
    assert title.text == analysis.article.title
    assert (
        "javascript:alert(document.cookie)"
        in next(e for e in page.elements if e.tag == "header").text
    )
    assert 'x"><svg onload=alert(4)>' in next(e for e in page.elements if e.tag == "aside").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_no_external_resources(page: Page) -> None:
    html = render_html(build_analysis(url=None))
    assert not re.search(r"https?://|//[a-z0-9]|url\(|@import", html, re.IGNORECASE)


def test_rendering_is_deterministic(analysis: Analysis) -> None:
    assert render_html(analysis) == render_html(analysis)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://courier.belmora.example/a?b=1", "https://courier.belmora.example/a?b=1"),
        ("http://courier.belmora.example/", "http://courier.belmora.example/"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//courier.belmora.example/a", None),
        ("https:///no-host", None),
        ("https://courier.belmora.example/\njavascript:x", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_link(url: str | None, expected: str | None) -> None:
    assert safe_link(url) == expected


# --- segmentation ---------------------------------------------------------------------------


def test_segments_cut_crossing_and_nested_layers() -> None:
    outer = Layer(0, 10, "claim", "asserted", "C1", "c")
    inner = Layer(2, 4, "hedge", "hedged", "H1", "h")
    crossing = Layer(8, 12, "ent", "ORG", "E1", "e")
    cut = [
        (s.start, s.end, {x.record for x in s.layers})
        for s in segments(14, [crossing, inner, outer])
    ]
    assert cut == [
        (0, 2, {"C1"}),
        (2, 4, {"C1", "H1"}),
        (4, 8, {"C1"}),
        (8, 10, {"C1", "E1"}),
        (10, 12, {"E1"}),
        (12, 14, set()),
    ]


def test_segments_drop_empty_and_clip_out_of_range_layers() -> None:
    empty = Layer(3, 3, "cue", "", "A1", "a")
    beyond = Layer(5, 50, "time", "DATE", "T1", "t")
    cut = [(s.start, s.end, len(s.layers)) for s in segments(8, [empty, beyond])]
    assert cut == [(0, 5, 0), (5, 8, 1)]


_layer = st.builds(
    lambda a, b, k: Layer(min(a, b), max(a, b), k, "", f"R{a}-{b}-{k}", "x"),
    st.integers(0, 40),
    st.integers(0, 40),
    st.sampled_from(["src", "cue", "claim", "ent"]),
)


@given(st.integers(1, 40), st.lists(_layer, max_size=12))
def test_segments_partition_the_text_and_list_the_covering_layers(
    length: int, layers: list[Layer]
) -> None:
    cut = segments(length, layers)
    assert cut[0].start == 0 and cut[-1].end == length
    assert all(a.end == b.start for a, b in pairwise(cut))
    for seg in cut:
        covering = {
            x for x in layers if x.start <= seg.start and seg.end <= x.end and x.start < x.end
        }
        assert set(seg.layers) == covering


@given(st.text(alphabet="a<>&\"' \n\u00e9", min_size=1, max_size=30), st.lists(_layer, max_size=8))
def test_highlight_keeps_any_text(text: str, layers: list[Layer]) -> None:
    parser = Page()
    parser.feed(f'<div id="text">{highlight(text, layers)}</div>')
    assert parser.article_text == text


def test_overlapping_claims_keep_the_text() -> None:
    # Two claims that overlap each other and the hedges: the text must come back verbatim.
    analysis = build_analysis()
    text = analysis.article.text
    start = text.index("repairs")
    extra = Claim(
        id="C9",
        span=Span.of(text, start - 20, start + 30),
        sentence=1,
        attribution=None,
        source_type="author",
        status="asserted",
    )
    page = parse(render_html(analysis.model_copy(update={"claims": [*analysis.claims, extra]})))
    assert page.article_text == ARTICLE_TEXT
    assert layer_text(page, "claim", "C9") == extra.span.text
