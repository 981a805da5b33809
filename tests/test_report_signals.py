"""The learned signals in the HTML report and the terminal summary: sentence shading, technique
spans, the signal counts, and one line instead of shading when a signal is unavailable."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimscope.assess import assess
from claimscope.report import render_html, summary_text
from claimscope.report.highlight import Layer, SentenceMark, highlight
from claimscope.report.signal_view import checkworthiness_bucket, technique_label
from claimscope.schema import Analysis, Finding, Span, Technique
from fixtures_analysis import ARTICLE_TEXT, build_analysis
from test_report_html import Page, classes, ids, layer_text, parse

#: A technique name with every character HTML escapes (the schema does not restrict names).
HOSTILE_TECHNIQUE = 'Smears & "Labels" <b>'

#: Hand-set signal values per sentence of the fixture article: check-worthiness, subjectivity,
#: uses-a-technique.
SENTENCE_SIGNALS = [(0.91, 0.2, 0.1), (0.64, 0.1, 0.55), (0.15, 0.72, 0.8)]
CLAIM_CHECKWORTHINESS = {"C1": 0.88, "C2": 0.64, "C3": 0.15}


def _at(phrase: str) -> Span:
    start = ARTICLE_TEXT.index(phrase)
    assert ARTICLE_TEXT.find(phrase, start + 1) < 0, phrase
    return Span.of(ARTICLE_TEXT, start, start + len(phrase))


def _techniques() -> list[Technique]:
    # Ids T1..T3 on purpose: the time expressions of the fixture are T1 and T2 too.
    return [
        # Crosses the end of claim C1 and holds the time expression "May 3".
        Technique(
            id="T1", technique=HOSTILE_TECHNIQUE, span=_at("May 3, whatever"), sentence=0, score=0.8
        ),
        # Holds the hedge "reportedly" and part of claim C2.
        Technique(
            id="T2",
            technique="Loaded_Language",
            span=_at("reportedly cost"),
            sentence=1,
            score=0.66,
        ),
        # Crosses the hedge "may have been" and ends with claim C3.
        Technique(
            id="T3", technique="Loaded_Language", span=_at("been rushed"), sentence=2, score=0.9
        ),
    ]


UNSOURCED = Finding(
    id="F3",
    kind="unsourced_checkworthy_claim",
    severity="warning",
    message="check-worthy claim (0.64) stated in the author's own voice with no source",
    spans=[_at("repairs have reportedly cost four million crowns")],
    related=["C2"],
)


def with_signals(analysis: Analysis | None = None) -> Analysis:
    """The fixture analysis with hand-set signal values, technique spans and their counts."""
    analysis = analysis or build_analysis()
    sentences = [
        s.model_copy(update={"checkworthiness": cw, "subjectivity": subj, "uses_technique": uses})
        for s, (cw, subj, uses) in zip(analysis.sentences, SENTENCE_SIGNALS, strict=True)
    ]
    claims = [
        c.model_copy(update={"checkworthiness": CLAIM_CHECKWORTHINESS[c.id]})
        for c in analysis.claims
    ]
    sourcing = analysis.summary.sourcing.model_copy(
        update={
            "checkworthy_claims": 2,
            "checkworthy_anonymous": 0,
            "checkworthy_unverified": 0,
            "checkworthy_single_source": 2,
            "checkworthy_unsourced": 1,
        }
    )
    summary = analysis.summary.model_copy(
        update={
            "sourcing": sourcing,
            "subjective_share": 0.3333,
            "technique_counts": {"Loaded_Language": 2, HOSTILE_TECHNIQUE: 1},
            "findings": 3,
        }
    )
    return analysis.model_copy(
        update={
            "sentences": sentences,
            "claims": claims,
            "techniques": _techniques(),
            "findings": [*analysis.findings, UNSOURCED],
            "summary": summary,
            "provenance": analysis.provenance.model_copy(
                update={
                    "signals": dict.fromkeys(
                        ("checkworthiness", "subjectivity", "techniques"), "available"
                    )
                }
            ),
        }
    )


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(with_signals())


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return parse(html)  # the parser asserts that every element closes in order


def _sentence_wrappers(page: Page) -> list[Any]:
    # The legend's swatches use the same classes; only the article's wrappers are numbered.
    return [e for e in page.elements if "sent" in classes(e) and "data-sentence" in e.attrs]


# --- helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "bucket"), [(0.0, 0), (0.19, 0), (0.2, 1), (0.5, 2), (0.79, 3), (0.8, 4), (1.0, 4)]
)
def test_checkworthiness_buckets(score: float, bucket: int) -> None:
    assert checkworthiness_bucket(score) == bucket


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Loaded_Language", "Loaded Language"),
        ("Name_Calling,Labeling", "Name Calling, Labeling"),
        ("Black-and-White_Fallacy", "Black-and-White Fallacy"),
    ],
)
def test_technique_label(name: str, label: str) -> None:
    assert technique_label(name) == label


# --- sentence shading -----------------------------------------------------------------------


def test_each_sentence_is_shaded_by_its_checkworthiness(page: Page) -> None:
    wrappers = _sentence_wrappers(page)
    assert [w.attrs["data-sentence"] for w in wrappers] == ["0", "1", "2"]
    # 0.91 -> darkest, 0.64 -> fourth of five, 0.15 -> unshaded.
    assert [sorted(c for c in classes(w) if c.startswith("cw-")) for w in wrappers] == [
        ["cw-4"],
        ["cw-3"],
        ["cw-0"],
    ]
    assert "check-worthiness 0.91" in wrappers[0].attrs["title"]


def test_only_the_subjective_sentence_is_marked(page: Page) -> None:
    wrappers = _sentence_wrappers(page)
    assert ["subj" in classes(w) for w in wrappers] == [False, False, True]
    assert "subjectivity 0.72 (opinion)" in wrappers[2].attrs["title"]
    assert "subjectivity 0.20 (report)" in wrappers[0].attrs["title"]


def test_sentence_wrappers_hold_exactly_their_sentence(page: Page) -> None:
    analysis = with_signals()
    assert [w.text for w in _sentence_wrappers(page)] == [s.text for s in analysis.sentences]
    assert page.article_text == ARTICLE_TEXT


def test_highlighted_segments_carry_their_sentence_in_the_tooltip(page: Page) -> None:
    (rushed,) = [s for s in page.segments if s.text == " rushed"]
    assert rushed.attrs["title"].endswith(
        "Sentence 3 · check-worthiness 0.15 · subjectivity 0.72 (opinion) · uses a technique 0.80"
    )


# --- technique spans ------------------------------------------------------------------------


def test_technique_spans_are_marked_once_each(page: Page) -> None:
    # The technique ids clash with the time ids T1 and T2; each keeps its own text.
    assert layer_text(page, "technique", "technique-T1") == "May 3, whatever"
    assert layer_text(page, "technique", "technique-T2") == "reportedly cost"
    assert layer_text(page, "technique", "technique-T3") == "been rushed"
    assert layer_text(page, "time", "T1") == "on Tuesday"
    assert layer_text(page, "time", "T2") == "May 3"
    assert layer_text(page, "hedge", "H2") == "may have been"
    # Every character of the article is in the page once: overlaps are cut, not repeated.
    assert page.article_text.count("been rushed") == 1
    assert page.article_text.count("May 3, whatever") == 1


def test_technique_name_and_score_are_on_hover_and_escaped(html: str, page: Page) -> None:
    (whatever,) = [s for s in page.segments if s.text == ", whatever"]
    assert {"technique", "content"} <= classes(whatever)
    assert 'Technique T1: Smears & "Labels" <b> (0.80)' in whatever.attrs["title"]
    assert "Smears &amp; &#34;Labels&#34; &lt;b&gt;" in html
    assert "<b>" not in whatever.attrs["class"]
    assert not [e for e in page.elements if e.tag == "b" and e.text == ""]
    (rushed,) = [s for s in page.segments if s.text == " rushed"]
    assert "Technique T3: Loaded Language (0.90)" in rushed.attrs["title"]
    assert "technique-Loaded_Language" in classes(rushed)


def test_overlapping_technique_and_claim_spans_nest_properly(page: Page) -> None:
    # "May 3" is in claim C1, time T2 and technique T1; ", whatever" only in T1 (and A1).
    (may3,) = [s for s in page.segments if s.text == "May 3"]
    assert {"C1", "T2", "technique-T1"} <= ids(may3)
    assert layer_text(page, "claim", "C1") == 'bridge "will reopen by May 3'
    (been,) = [s for s in page.segments if s.text == "been"]
    assert {"H2", "C3", "technique-T3"} <= ids(been)


def test_technique_spans_across_a_sentence_boundary_stay_well_formed() -> None:
    # A hand-built span over two sentences and over a claim: cut at the boundary, not crossed.
    analysis = with_signals()
    span = _at('say."\n\nAccording to the National')
    extra = Technique(id="P9", technique="Doubt", span=span, sentence=0, score=0.7)
    page = parse(render_html(analysis.model_copy(update={"techniques": [extra]})))
    assert page.article_text == ARTICLE_TEXT
    assert layer_text(page, "technique", "P9") == span.text
    # The first piece closes inside sentence 1, the rest opens inside sentence 2.
    pieces = [s.text for s in page.segments if "P9" in ids(s)]
    assert "".join(pieces) == span.text and len(pieces) >= 3


def test_overlapping_sentences_do_not_cross() -> None:
    analysis = with_signals()
    first, second, third = analysis.sentences
    stretched = first.model_copy(
        update={"end": second.start + 5, "text": ARTICLE_TEXT[first.start : second.start + 5]}
    )
    page = parse(render_html(analysis.model_copy(update={"sentences": [stretched, second, third]})))
    assert page.article_text == ARTICLE_TEXT


_layer = st.builds(
    lambda a, b, k: Layer(min(a, b), max(a, b), k, "v", f"R{a}-{b}-{k}", "x"),
    st.integers(0, 30),
    st.integers(0, 30),
    st.sampled_from(["claim", "technique", "hedge"]),
)
_mark = st.builds(
    lambda a, b, i: SentenceMark(min(a, b), max(a, b), i, ("cw-2",), "s"),
    st.integers(0, 30),
    st.integers(0, 30),
    st.integers(0, 5),
)


@given(
    st.text(alphabet="a<>&\"' \n", min_size=1, max_size=30),
    st.lists(_layer, max_size=8),
    st.lists(_mark, max_size=5),
)
def test_any_layers_and_sentences_nest_and_keep_the_text(
    text: str, layers: list[Layer], marks: list[SentenceMark]
) -> None:
    parser = Page()
    parser.feed(f'<div id="text">{highlight(text, layers, marks)}</div>')
    parser.close()  # Page asserts that every end tag closes the innermost open element
    assert parser.article_text == text
    wrappers = [e for e in parser.elements if "sent" in classes(e)]
    assert len(wrappers) <= len(marks)


# --- panel and legend -----------------------------------------------------------------------


def test_panel_shows_the_signal_counts(page: Page) -> None:
    section = next(e for e in page.elements if e.tag == "section" and "signals" in classes(e))
    text = " ".join(section.text.split())
    assert "2 check-worthy claims" in text
    assert "1 in the author's voice, with no source" in text
    assert "0 on unnamed sources" in text and "2 on a source cited once" in text
    assert "33% of sentences read as opinion" in text
    assert "Loaded Language ×2" in text
    assert 'Smears & "Labels" <b> ×1' in text


def test_technique_counts_link_to_their_spans(page: Page) -> None:
    links = {e.text: e.attrs for e in page.elements if e.tag == "a" and "data-focus" in e.attrs}
    assert links["Loaded Language"]["data-focus"] == "technique-T2 technique-T3"
    assert links["Loaded Language"]["href"] == "#r-technique-T2"
    targets = {e.attrs["id"] for e in page.elements if "id" in e.attrs}
    assert "r-technique-T2" in targets and "r-technique-T1" in targets


def test_claims_show_their_checkworthiness(page: Page) -> None:
    badges = [e.text for e in page.elements if "cw" in classes(e) and "badge" in classes(e)]
    assert badges == ["check-worthiness 0.88", "check-worthiness 0.64", "check-worthiness 0.15"]


def test_the_unsourced_finding_shows_like_the_others(page: Page) -> None:
    aside = next(e for e in page.elements if e.tag == "aside")
    assert "unsourced checkworthy claim" in aside.text
    assert "check-worthy claim (0.64) stated in the author's own voice" in aside.text
    assert layer_text(page, "finding", "F3") == UNSOURCED.spans[0].text


def test_legend_explains_the_shading_and_has_switches(page: Page) -> None:
    switches = {e.attrs["id"] for e in page.elements if e.tag == "input"}
    labels = {e.attrs["for"] for e in page.elements if e.tag == "label"}
    assert {"t-cw", "t-subj", "t-technique"} <= switches
    assert switches == labels
    legend = next(e for e in page.elements if e.tag == "section" and "legend" in classes(e))
    assert "Check-worthiness of the sentence" in legend.text
    assert "Opinion, not report" in legend.text
    assert "Not shown" not in legend.text


# --- signals unavailable --------------------------------------------------------------------


def test_unavailable_signals_get_one_line_and_no_shading() -> None:
    analysis = build_analysis()  # no signal values; provenance says why for check-worthiness
    page = parse(render_html(analysis))
    assert _sentence_wrappers(page) == []
    assert not [s for s in page.segments if "technique" in classes(s)]
    switches = {e.attrs["id"] for e in page.elements if e.tag == "input"}
    assert not {"t-cw", "t-subj"} & switches
    (line,) = [e for e in page.elements if "signals-off" in classes(e)]
    assert "Check-worthiness (unavailable: no model installed)" in line.text
    assert "subjectivity (not computed)" in line.text
    section = next(e for e in page.elements if e.tag == "section" and "signals" in classes(e))
    assert "unavailable: no model installed" in section.text
    assert "read as opinion" not in section.text and "check-worthy claims" not in section.text


def test_some_signals_available_others_not() -> None:
    analysis = with_signals()
    sentences = [s.model_copy(update={"subjectivity": None}) for s in analysis.sentences]
    summary = analysis.summary.model_copy(update={"subjective_share": None})
    signals = {**analysis.provenance.signals, "subjectivity": "unavailable: model missing"}
    analysis = analysis.model_copy(
        update={
            "sentences": sentences,
            "summary": summary,
            "provenance": analysis.provenance.model_copy(update={"signals": signals}),
        }
    )
    page = parse(render_html(analysis))
    wrappers = _sentence_wrappers(page)
    assert len(wrappers) == 3 and not any("subj" in classes(w) for w in wrappers)
    (line,) = [e for e in page.elements if "signals-off" in classes(e)]
    assert line.text.strip() == "Not shown: Subjectivity (unavailable: model missing)"


# --- terminal -------------------------------------------------------------------------------


def test_terminal_mentions_the_signal_counts() -> None:
    out = summary_text(with_signals(), width=160)
    assert "33% of sentences subjective" in out
    assert 'techniques: Loaded Language 2 · Smears & "Labels" <b> 1' in out
    assert (
        "check-worthy: 2 claims · 1 in the author's voice with no source · 0 on unnamed sources"
        " · 0 unverified · 2 on a source cited once"
    ) in out
    assert "Signals not computed" not in out


def test_terminal_says_nothing_of_unavailable_signals_but_the_one_line() -> None:
    out = summary_text(build_analysis(), width=120)
    assert "subjective" not in out and "check-worthy:" not in out and "techniques:" not in out
    assert "Signals not computed: checkworthiness" in out


def test_terminal_lists_the_top_techniques_only() -> None:
    analysis = with_signals()
    counts = {f"Technique_{i}": 10 - i for i in range(8)}
    analysis = analysis.model_copy(
        update={"summary": analysis.summary.model_copy(update={"technique_counts": counts})}
    )
    out = summary_text(analysis, width=160)
    assert "Technique 4 6" in out and "Technique 5" not in out
    assert "(+3 more)" in out


# --- a real analysis with signals set on it -------------------------------------------------

REAL_TEXT = (
    "The new Corvale dam cost nine million crowns in 2029. "
    "Mayor Ilse Varn said the spending was a shameful waste. "
    "Officials said the old dam would be demolished."
)


def test_real_analysis_with_signals(analyzer: Any) -> None:
    base = analyzer.analyze(REAL_TEXT)
    sentences = [
        s.model_copy(update={"checkworthiness": 0.9 - 0.3 * i, "subjectivity": 0.3 * i})
        for i, s in enumerate(base.sentences)
    ]
    claims = [c.model_copy(update={"checkworthiness": 0.87}) for c in base.claims]
    start = REAL_TEXT.index("shameful waste")
    technique = Technique(
        id="T1",
        technique="Loaded_Language",
        span=Span.of(REAL_TEXT, start, start + len("shameful waste")),
        sentence=1,
        score=0.93,
    )
    findings, summary = assess(
        article=base.article,
        sentences=sentences,
        entities=base.entities,
        acronyms=base.acronyms,
        attributions=base.attributions,
        hedges=base.hedges,
        times=base.times,
        claims=claims,
        techniques=[technique],
    )
    analysis = base.model_copy(
        update={
            "sentences": sentences,
            "claims": claims,
            "techniques": [technique],
            "findings": findings,
            "summary": summary,
        }
    )
    page = parse(render_html(analysis))
    assert page.article_text == REAL_TEXT
    assert len(_sentence_wrappers(page)) == len(sentences)
    record = next(r for r in ("T1", "technique-T1") if layer_text(page, "technique", r))
    assert layer_text(page, "technique", record) == "shameful waste"
    assert summary.technique_counts == {"Loaded_Language": 1}
    out = summary_text(analysis, width=120)
    assert "techniques: Loaded Language 1" in out
    # The first sentence is the author's own, asserted and rated 0.87: it must be flagged.
    author = [c for c in claims if c.attribution is None and c.status == "asserted"]
    unsourced = [f for f in findings if f.kind == "unsourced_checkworthy_claim"]
    assert [f.related for f in unsourced] == [[c.id] for c in author]
    assert author, "the analyzer found no claim in the author's voice to flag"
    aside = next(e for e in page.elements if e.tag == "aside")
    assert "unsourced checkworthy claim" in aside.text
