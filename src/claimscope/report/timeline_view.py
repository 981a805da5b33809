"""The report's timeline view and its small offline map of the article's places.

The timeline lists the dated claims in time order, each linking to its highlight the way the
side panel's other lists do (``href="#r-C3"`` plus ``data-focus``), and the relative times
between claims. The map is inline SVG: an equirectangular frame around the article's places
with a latitude/longitude grid and one labelled point per place, each a link to the place's
mentions. Nothing is loaded from anywhere, and no inline handler is used, so the page's
Content-Security-Policy stays as it is.

Example:
    >>> from claimscope import analyze
    >>> from claimscope.report.timeline_view import place_map
    >>> place_map(analyze("Mayor Ilse Varn spoke in Paris.")) is None  # doctest: +SKIP
    False
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from claimscope.schema import Analysis

#: Width of the map's drawing area in SVG units; its height follows the places' extent.
MAP_WIDTH = 320
_PAD = 24  # room for labels around the frame
#: The smallest extent shown, in degrees, so one place is not drawn on an empty point.
_MIN_SPAN = 12.0


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One dated claim as the timeline view shows it."""

    claim: str
    time: str
    value: str
    when: str  # the date words as written
    text: str
    inherited: bool


@dataclass(frozen=True, slots=True)
class RelationRow:
    """One relative time between two claims."""

    claim: str
    relation: str
    other: str
    words: str


def _snippet(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def timeline_rows(analysis: Analysis) -> tuple[list[TimelineRow], list[RelationRow]]:
    """The timeline entries and the relations between claims, ready to lay out.

    Example:
        >>> from claimscope import analyze
        >>> rows, relations = timeline_rows(analyze("The dam opened on 3 May 2024."))
        >>> [r.value for r in rows]  # doctest: +SKIP
        ['2024-05-03']
    """
    claims = {c.id: c for c in analysis.claims}
    times = {t.id: t for t in analysis.times}
    rows = [
        TimelineRow(
            claim=e.claim,
            time=e.time,
            value=e.value,
            when=times[e.time].span.text if e.time in times else "",
            text=_snippet(claims[e.claim].span.text) if e.claim in claims else "",
            inherited=e.inherited,
        )
        for e in analysis.timeline
    ]
    relations = [
        RelationRow(claim=r.claim, relation=r.relation, other=r.other, words=r.span.text)
        for r in analysis.time_relations
    ]
    return rows, relations


@dataclass(frozen=True, slots=True)
class _Point:
    entity: str
    name: str
    lat: float
    lon: float


def _places(analysis: Analysis) -> list[_Point]:
    points: list[_Point] = []
    for entity in analysis.entities:
        place = entity.place
        if place is None or place.latitude is None or place.longitude is None:
            continue
        points.append(_Point(entity.id, entity.canonical, place.latitude, place.longitude))
    return points


def _step(span: float) -> float:
    """A grid step that gives three to eight lines over ``span`` degrees."""
    for step in (1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0):
        if span / step <= 8:
            return step
    return 90.0


def place_map(analysis: Analysis) -> Markup | None:
    """An inline SVG map of the article's resolved places, or None when it has none.

    Every value from the article (place names) is escaped; ids are the analysis' own.
    """
    points = _places(analysis)
    if not points:
        return None
    lats = [p.lat for p in points]
    lons = [p.lon for p in points]
    # Pad the box around the places and keep a minimum extent, within the globe's limits.
    lat_mid, lon_mid = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    lat_span = max(max(lats) - min(lats), _MIN_SPAN) * 1.25
    lon_span = max(max(lons) - min(lons), _MIN_SPAN) * 1.25
    south, north = max(-90.0, lat_mid - lat_span / 2), min(90.0, lat_mid + lat_span / 2)
    west, east = max(-180.0, lon_mid - lon_span / 2), min(180.0, lon_mid + lon_span / 2)
    scale = MAP_WIDTH / (east - west)
    height = max(120.0, (north - south) * scale)
    y_scale = height / (north - south)

    def x(lon: float) -> float:
        return _PAD + (lon - west) * scale

    def y(lat: float) -> float:
        return _PAD + (north - lat) * y_scale

    width_all, height_all = MAP_WIDTH + 2 * _PAD, height + 2 * _PAD
    parts = [
        f'<svg class="place-map" viewBox="0 0 {width_all:.0f} {height_all:.0f}" '
        f'role="img" aria-label="Map of the places the article names">',
        f'<rect class="frame" x="{_PAD}" y="{_PAD}" width="{MAP_WIDTH}" height="{height:.1f}"/>',
    ]
    step = _step(max(north - south, east - west))
    lat_line = math.ceil(south / step) * step
    while lat_line <= north:
        parts.append(
            f'<line class="grid" x1="{_PAD}" x2="{_PAD + MAP_WIDTH}" '
            f'y1="{y(lat_line):.1f}" y2="{y(lat_line):.1f}"/>'
            f'<text class="tick" x="{_PAD - 3}" y="{y(lat_line) + 3:.1f}" '
            f'text-anchor="end">{lat_line:g}°</text>'
        )
        lat_line += step
    lon_line = math.ceil(west / step) * step
    while lon_line <= east:
        parts.append(
            f'<line class="grid" y1="{_PAD}" y2="{_PAD + height:.1f}" '
            f'x1="{x(lon_line):.1f}" x2="{x(lon_line):.1f}"/>'
            f'<text class="tick" x="{x(lon_line):.1f}" y="{_PAD + height + 12:.1f}" '
            f'text-anchor="middle">{lon_line:g}°</text>'
        )
        lon_line += step
    labels: list[tuple[float, float, float]] = []  # (left, baseline, right) of drawn labels
    for point in points:
        name = escape(point.name)
        px, py = x(point.lon), y(point.lat)
        # Labels on the right half read leftwards so that they stay inside the frame; a label
        # that would overprint one already drawn moves down a line, or is left to the tooltip.
        width = 5.0 * len(point.name)
        right_half = px > _PAD + MAP_WIDTH / 2
        left = px - 6 - width if right_half else px + 6
        baseline = py - 5
        for _ in range(3):
            if not any(
                abs(baseline - b) < 10 and left < r and lft < left + width for lft, b, r in labels
            ):
                break
            baseline += 10
        else:
            baseline = -1.0
        label = ""
        if baseline >= 0:
            labels.append((left, baseline, left + width))
            anchor = "end" if right_half else "start"
            tx = px - 6 if right_half else px + 6
            label = f'<text x="{tx:.1f}" y="{baseline:.1f}" text-anchor="{anchor}">{name}</text>'
        # A link per place: clicking it outlines the place's mentions (report.js reads
        # data-focus); without JavaScript it still jumps to the first mention.
        parts.append(
            f'<a class="place focus" href="#r-{escape(point.entity)}" '
            f'data-focus="{escape(point.entity)}">'
            f"<title>{name} ({point.lat:.2f}, {point.lon:.2f})</title>"
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4"/>{label}</a>'
        )
    parts.append("</svg>")
    # Every piece above is either a number, an id of the analysis or escaped article text.
    return Markup("".join(parts))
