"""The places test set, its scorer, and coordinates of countries and regions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimscope.errors import InputError
from claimscope.evaluate.places import PlaceRow, place_of, read_rows, score_places
from claimscope.extract.places import PlaceContext, readings, resolve_place
from claimscope.gazetteer import _subdivisions

DATA = Path(__file__).parent / "data" / "places_eval.jsonl"
#: Held out: written before the second round of tuning, measured, never tuned on.
HELD_OUT = Path(__file__).parent / "data" / "places_test.jsonl"


@pytest.mark.parametrize("path", [DATA, HELD_OUT], ids=["dev", "held-out"])
def test_test_set_has_200_rows_with_valid_codes(path: Path) -> None:
    rows = read_rows(path)
    regions = {record["code"] for record in _subdivisions()}
    assert len(rows) >= 200
    assert all(len(row.country) == 2 and row.country.isupper() for row in rows)
    assert all(row.region is None or row.region in regions for row in rows)
    assert all(row.region is None or row.region.startswith(row.country + "-") for row in rows)


def test_read_rows_rejects_a_mention_not_in_its_text(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    row = {"text": "Storms hit Ostrava.", "mention": "Brno", "country": "CZ", "region": None}
    path.write_text(json.dumps(row) + "\n", "utf-8")
    with pytest.raises(InputError, match="Brno"):
        read_rows(path)


def test_scorer_counts_a_wrong_region_and_a_missed_mention(analyzer) -> None:  # type: ignore[no-untyped-def]
    rows = [
        PlaceRow("Mayor Ilse Varn flew to Kursk Oblast.", "Kursk Oblast", "RU", "RU-KRS"),
        PlaceRow("Mayor Ilse Varn flew to Kursk Oblast.", "Kursk Oblast", "RU", "RU-BEL"),
        PlaceRow("The Belmora Daily Courier printed it.", "Belmora", "XX", None),
    ]
    analyses = [analyzer.analyze(row.text) for row in rows]
    metrics, errors = score_places(rows, analyses)
    assert metrics["found"] == pytest.approx(2 / 3, abs=1e-3)
    assert metrics["country_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert metrics["region_accuracy"] == 0.5
    assert [e["mention"] for e in errors] == ["Kursk Oblast", "Belmora"]
    assert place_of(analyses[2], 4, 11) is None


def test_region_coordinates_are_inside_it() -> None:
    # Kursk Oblast lies roughly between 50.9-52.4 N and 34.1-38.5 E.
    place = resolve_place("Kursk Oblast")
    assert place is not None and place.region == "RU-KRS"
    assert place.latitude is not None and 50.9 < place.latitude < 52.4
    assert place.longitude is not None and 34.1 < place.longitude < 38.5


def test_country_coordinates_across_the_180th_meridian() -> None:
    # Fiji's cities lie on both sides of 180; a plain mean of longitudes would put it near 0.
    place = resolve_place("Fiji")
    assert place is not None and place.longitude is not None
    assert abs(place.longitude) > 170


def test_donbas_point_lies_between_its_two_oblasts() -> None:
    place = resolve_place("Donbass")
    assert place is not None and place.country == "UA" and place.regions == ["UA-14", "UA-09"]
    assert place.latitude is not None and 47.0 < place.latitude < 50.1
    assert place.longitude is not None and 36.5 < place.longitude < 40.2


@pytest.mark.parametrize(
    ("name", "region"),
    [("Milan", "IT-25"), ("Kursk", "RU-KRS"), ("Kharkiv", "UA-63"), ("Sevilla", "ES-AN")],
)
def test_numeric_admin1_codes_map_to_iso_regions(name: str, region: str) -> None:
    place = resolve_place(name)
    assert place is not None and place.region == region


@pytest.mark.parametrize(
    ("name", "qualifier", "region"),
    [
        ("Paris", "Texas", "US-TX"),
        ("London", "Ontario", "CA-ON"),
        # The first reading of "Georgia" (the country) holds no Athens; the US state does.
        ("Athens", "Georgia", "US-GA"),
        ("Perth", "Scotland", "GB-SCT"),
    ],
)
def test_a_qualifier_picks_the_reading_inside_it(name: str, qualifier: str, region: str) -> None:
    place = resolve_place(name, PlaceContext(within=readings(qualifier)))
    assert place is not None and place.region == region and not place.ambiguous


def test_a_qualifier_that_holds_no_reading_leaves_the_default() -> None:
    place = resolve_place("Paris", PlaceContext(within=readings("Ontario")))
    assert place is not None and place.country == "FR"


def test_a_region_named_elsewhere_in_the_article_moves_the_reading() -> None:
    florida = PlaceContext(countries=frozenset({"US"}), regions=frozenset({"US-FL"}))
    place = resolve_place("Melbourne", florida)
    assert place is not None and place.region == "US-FL"
    # A country named elsewhere does not turn a capital into a small namesake town.
    paris = resolve_place("Paris", PlaceContext(countries=frozenset({"US"})))
    assert paris is not None and paris.country == "FR"


def test_the_analyzer_reads_x_comma_y_and_the_article_context(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Ilse Varn of Corvale flew to Paris, Texas, on Monday."
    place = place_of(analyzer.analyze(text), text.index("Paris"), text.index("Paris") + 5)
    assert place is not None and place.region == "US-TX"
    text = "Voters in Georgia queued for hours, the Belmora Daily Courier said from Atlanta."
    place = place_of(analyzer.analyze(text), text.index("Georgia"), text.index("Georgia") + 7)
    assert place is not None and place.region == "US-GA"


def test_headline_metrics_are_at_the_top_level(tmp_path: Path) -> None:
    from claimscope.evaluate.places import evaluate_places

    path = tmp_path / "rows.jsonl"
    row = {"text": "Storms hit Ostrava.", "mention": "Ostrava", "country": "CZ", "region": "CZ-80"}
    path.write_text(json.dumps(row) + "\n", "utf-8")
    result = evaluate_places(path)
    assert result["rows"] == 1 and result["region_rows"] == 1
    assert {"found", "country_accuracy", "region_accuracy", "both_accuracy"} <= set(result)
    assert list(result)[-1] == "errors"
