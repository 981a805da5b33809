"""The report's timeline view and offline place map: ordered, linked to the text, inert."""

from __future__ import annotations

import re
from typing import Any

import pytest

from claimscope.report import render_html
from claimscope.report.timeline_view import place_map, timeline_rows
from claimscope.schema import Analysis, Place

TEXT = (
    "According to a notice issued on August 14, Mayor Ilse Varn reopened the Corvale ferry "
    "to Berlin.\n"
    "Governor Tomas Orlek, in a separate move, thanked the crews in Madrid.\n"
    "His statement, released on March 2, said that the repairs in Lisbon had been finished."
)


@pytest.fixture(scope="module")
def analysis(analyzer_without_signals: Any) -> Analysis:
    result: Analysis = analyzer_without_signals.analyze(TEXT, published="2025-08-20")
    return result


@pytest.fixture(scope="module")
def page(analysis: Analysis) -> str:
    return render_html(analysis)


def _section(page: str, css_class: str) -> str:
    start = page.index(f'<section class="{css_class}">')
    return page[start : page.index("</section>", start)]


def test_timeline_lists_dated_claims_in_date_order(analysis: Analysis, page: str) -> None:
    rows, _ = timeline_rows(analysis)
    assert [r.value for r in rows] == ["2025-03-02", "2025-08-14"]
    section = _section(page, "timeline")
    assert section.index("2025-03-02") < section.index("2025-08-14")
    assert "repairs in Lisbon" in section


def test_every_timeline_link_points_at_a_highlight_anchor(analysis: Analysis, page: str) -> None:
    section = _section(page, "timeline")
    targets = re.findall(r'href="#(r-[A-Za-z0-9]+)"', section)
    assert {f"r-{e.claim}" for e in analysis.timeline} <= set(targets)
    for target in targets:
        assert f'id="{target}"' in page


def test_map_has_a_linked_point_per_place(analysis: Analysis, page: str) -> None:
    placed = [e for e in analysis.entities if e.place and e.place.latitude is not None]
    assert {e.canonical for e in placed} >= {"Berlin", "Madrid", "Lisbon"}
    svg = _section(page, "map")
    assert svg.count("<circle") == len(placed)
    for entity in placed:
        assert f'href="#r-{entity.id}" data-focus="{entity.id}"' in svg
        assert f'id="r-{entity.id}"' in page
    # Madrid lies east of Lisbon: its point is drawn further right.
    x = {
        m.group(2): float(m.group(1))
        for m in re.finditer(r'<circle cx="([\d.]+)"[^>]*/><text[^>]*>([^<]+)</text>', svg)
    }
    assert x["Lisbon"] < x["Madrid"] < x["Berlin"]


def test_the_page_stays_inert(page: str) -> None:
    assert not re.search(r"\son[a-z]+\s*=", page)  # no inline handlers
    assert "http://" not in page and "https://" not in page.replace("http://www.w3.org", "")
    assert "default-src &#39;none&#39;" in page


def test_place_names_are_escaped(analysis: Analysis) -> None:
    hostile = analysis.entities[0].model_copy(
        update={
            "canonical": "<script>alert(1)</script>",
            "place": Place(name="x", kind="city", latitude=10.0, longitude=20.0),
        }
    )
    svg = place_map(analysis.model_copy(update={"entities": [hostile]}))
    assert svg is not None
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_no_map_without_places(analysis: Analysis) -> None:
    assert place_map(analysis.model_copy(update={"entities": []})) is None
