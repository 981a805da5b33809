"""``claimscope eval attribution``: the PolNeAR reader, the metric, and the command.

The reader and the metric are checked on small fictional inputs with expectations worked out by
hand (the working is in the comments); one slow test runs the command on real dev articles.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimscope.cli import app
from claimscope.errors import InputError, ModelError, SourceNotFoundError
from claimscope.evaluate import systems as systems_module
from claimscope.evaluate.attribution import Scorer, TokenIndex, max_matching, overlap_match
from claimscope.evaluate.polnear import (
    AttributionSpans,
    ReadStats,
    merge_segments,
    parse_ann,
    read_split,
)
from claimscope.evaluate.systems import (
    SystemRun,
    join_shared_cues,
    run_claimscope,
    to_raw_offsets,
)

runner = CliRunner()

NAME = "courier_2031-05-02_bridge-reopens"  # "_" inside the name, as in PolNeAR
TEXT = (
    "“The bridge will reopen in May,” Mayor Ilse Varn said, “and the ferry will stay.”\n"
    "It was reported that the toll would rise.\n"
    "Varn told the Belmora Daily Courier:\nthe docks are safe.\n"
)
# T1 lists its pieces out of order and T13's text holds a line break, so the file has a
# continuation line; E4 points at a T-id that does not exist and has no cue or content.
ANN_FIRST = (
    "T1\tContent 55 81;0 32\t“and the ferry will stay.” “The bridge will reopen in May,”\n"
    "T2\tSource 33 48\tMayor Ilse Varn\n"
    "T3\tCue 49 53\tsaid\n"
    "T4\tAttribution 49 53\tsaid\n"
    "E1\tAttribution:T4 Source:T2 Cue:T3 Content:T1\n"
    "T5\tCue 85 97\twas reported\n"
    "T6\tContent 103 122\tthe toll would rise\n"
    "T7\tAttribution-no-source 85 97\twas reported\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
    "T8\tSource 124 128\tVarn\n"
    "T9\tCue 129 133\ttold\n"
    "T11\tContent 161 170\tthe docks\n"
    "T12\tContent 171 180\tare safe.\n"
    "T10\tAttribution 129 133\ttold\n"
    "E3\tAttribution:T10 Source:T8 Cue:T9 Content:T11 Content2:T12\n"
    "T13\tDiscuss 159 180\t:\nthe docks are safe.\n"
    "#1\tAnnotatorNotes T2\tthe mayor\n"
    "E4\tAttribution:T4 Source:T99\n"
)
ANN_SECOND = "T1\tCue 49 53\tsaid\nT2\tContent 0 32\tx\nE1\tAttribution:T2 Cue:T1 Content:T2\n"

EXPECTED = [
    AttributionSpans(source=((33, 48),), cue=((49, 53),), content=((0, 32), (55, 81)), id="E1"),
    AttributionSpans(source=None, cue=((85, 97),), content=((103, 122),), id="E2"),
    AttributionSpans(
        source=((124, 128),), cue=((129, 133),), content=((161, 170), (171, 180)), id="E3"
    ),
]


@pytest.fixture()
def split(tmp_path: Path) -> Path:
    folder = tmp_path / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / f"{NAME}.txt").write_text(TEXT, encoding="utf-8")
    (folder / "attributions" / f"{NAME}_a1f3.ann").write_text(ANN_FIRST, encoding="utf-8")
    (folder / "attributions" / f"{NAME}_b2e9.ann").write_text(ANN_SECOND, encoding="utf-8")
    (folder / "text" / "ledger_2031-05-03_unannotated.txt").write_text("No one spoke.\n")
    return folder


# --- reader -------------------------------------------------------------------------------


def test_fixture_offsets_point_at_the_annotated_words() -> None:
    # Guards the hand-written offsets above: a typo there would make every test below moot.
    assert TEXT[33:48] == "Mayor Ilse Varn"
    assert TEXT[85:97] == "was reported"
    assert TEXT[161:170] + "|" + TEXT[171:180] == "the docks|are safe."


def test_parse_ann_reads_roles_discontinuous_spans_and_content2() -> None:
    stats = ReadStats()
    assert parse_ann(ANN_FIRST, text=TEXT, stats=stats) == EXPECTED
    assert stats.dangling_references == 1
    assert stats.skipped_empty_attributions == 1


def test_parse_ann_refuses_offsets_outside_the_text() -> None:
    with pytest.raises(InputError, match=r"x\.ann:1: span 0 999"):
        parse_ann("T1\tCue 0 999\tsaid\n", text=TEXT, where="x.ann")


def test_read_split_uses_the_first_annotation_file_in_sorted_order(split: Path) -> None:
    stats = ReadStats()
    articles = list(read_split(split, stats=stats))
    assert [a.name for a in articles] == [NAME]
    assert articles[0].annotation_file == f"{NAME}_a1f3.ann"
    assert articles[0].annotation_files == 2
    assert list(articles[0].attributions) == EXPECTED
    assert (stats.several_annotation_files, stats.without_annotation) == (1, 1)


def test_read_split_names_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="attributions"):
        (tmp_path / "text").mkdir()
        list(read_split(tmp_path))


def test_merge_segments_sorts_and_joins_touching_pieces() -> None:
    assert merge_segments([(20, 25), (0, 5), (5, 9), (7, 8)]) == ((0, 9), (20, 25))


# --- tokens and matching ------------------------------------------------------------------

SENTENCE = "Varn said: “the bridge is safe.”"
# tokens: 0 Varn, 1 said, 2 ":", 3 "“", 4 the, 5 bridge, 6 is, 7 safe, 8 ".", 9 "”"


def test_token_key_ignores_punctuation_and_keeps_a_punctuation_only_cue() -> None:
    index = TokenIndex(SENTENCE)
    with_quotes = index.key(((11, 32),))  # “the bridge is safe.”
    assert with_quotes == index.key(((12, 30),))  # the bridge is safe
    assert with_quotes is not None and len(with_quotes) == 4
    colon = index.key(((9, 10),))
    assert colon is not None and len(colon) == 1  # ":" alone is still a span
    assert index.key(((10, 11),)) is None  # only a space
    assert index.key(((1, 3),)) == index.key(((0, 4),))  # touching part of "Varn" is "Varn"
    assert index.key(((0, 4), (12, 15))) == frozenset({0, 4})  # Varn + the: the union of the pieces


def test_overlap_needs_half_of_the_longer_span() -> None:
    four = frozenset({1, 2, 3, 4})
    assert overlap_match(frozenset({3, 4}), four)  # 2 shared, 2*2 >= 4
    assert not overlap_match(frozenset({4, 5}), four | {0})  # 1 shared of 5
    assert not overlap_match(frozenset({3, 4}), four | {0})  # 2 shared, 2*2 < 5
    assert not overlap_match(frozenset({7}), four)


def test_max_matching_finds_more_than_greedy() -> None:
    # Greedy in order takes 0->0 and leaves 1 (which can only have 0) unmatched.
    assert max_matching([[0, 1], [0]], right=2) == 2
    assert max_matching([[0], [0], [0]], right=1) == 1
    assert max_matching([[], [1]], right=2) == 1


# --- metrics on hand-built spans ----------------------------------------------------------

TALK = (
    "Varn said the bridge is safe. Odile Ferrant told reporters the docks would close soon. "
    "It was reported that taxes rise."
)


def _at(*pieces: str) -> tuple[tuple[int, int], ...]:
    """The segments of the given substrings of TALK (each one occurs once)."""
    ranges = []
    for piece in pieces:
        assert TALK.count(piece) == 1, piece
        ranges.append((TALK.index(piece), TALK.index(piece) + len(piece)))
    return tuple(ranges)


SAID, FERRANT, REPORTED = ((5, 9),), ((36, 43),), ((94, 102),)  # checked in the next test
GOLD = [
    AttributionSpans(source=_at("Varn "), cue=SAID, content=_at("the bridge is safe")),
    AttributionSpans(
        source=_at("Odile Ferrant"), cue=_at("told"), content=_at("the docks would close soon")
    ),
    AttributionSpans(source=None, cue=_at("was reported"), content=_at("taxes rise")),
]
PREDICTED = [
    # P1: content "bridge is safe." shares 3 of gold's 4 words: overlap yes, exact no.
    AttributionSpans(source=_at("Varn "), cue=SAID, content=_at("bridge is safe.")),
    # P2: "Ferrant" is 1 of 2 words (overlap yes); content shares 2 of 5 words (no).
    AttributionSpans(source=FERRANT, cue=_at("told"), content=_at("reporters the docks")),
    # P3: a source where gold has none; cue "reported" is 1 of 2 words (overlap, not exact).
    AttributionSpans(source=_at("It"), cue=REPORTED, content=_at("taxes rise")),
    # P4: no cue; its content shares 2 of 4 words with gold's first content, which P1 has.
    AttributionSpans(source=None, cue=None, content=_at("Varn said the bridge")),
]


def test_hand_built_spans_point_where_the_comments_say() -> None:
    assert [TALK[s:e] for ((s, e),) in (SAID, FERRANT, REPORTED)] == ["said", "Ferrant", "reported"]


def test_scores_on_hand_built_spans() -> None:
    scorer = Scorer()
    scorer.add_article(TALK, GOLD, PREDICTED)
    m = scorer.metrics()
    # source: gold {Varn}, {Odile Ferrant}; predicted {Varn}, {Ferrant}, {It}: 2 matched.
    assert (m["source_precision"], m["source_recall"], m["source_f1"]) == (0.6667, 1.0, 0.8)
    # cue: said, told, reported all match (P4 has no cue): 3 of 3 either way.
    assert (m["cue_precision"], m["cue_recall"], m["cue_f1"]) == (1.0, 1.0, 1.0)
    # content: P1 and P3 match; P2 does not; P4 could only take gold 1, which P1 holds.
    # P = 2/4, R = 2/3, F1 = 4/7.
    assert (m["content_precision"], m["content_recall"], m["content_f1"]) == (
        0.5,
        0.6667,
        0.5714,
    )
    # full: only P1 (P3 has a source gold lacks, P4 lacks the cue). P = 1/4, R = 1/3, F1 = 2/7.
    assert (m["full_precision"], m["full_recall"], m["full_f1"]) == (0.25, 0.3333, 0.2857)
    exact = m["exact"]
    # exact: sources Varn only (P 1/3, R 1/2, F1 2/5); cues said, told (2/3); content
    # "taxes rise" only (P 1/4, R 1/3, F1 2/7); no attribution matches in full.
    assert (exact["source_precision"], exact["source_recall"], exact["source_f1"]) == (
        0.3333,
        0.5,
        0.4,
    )
    assert exact["cue_f1"] == 0.6667
    assert exact["content_f1"] == 0.2857
    assert exact["full_f1"] == 0.0
    assert m["counts"]["gold"] == {"source": 2, "cue": 3, "content": 3, "attributions": 3}
    assert m["counts"]["predicted"] == {"source": 3, "cue": 3, "content": 4, "attributions": 4}


def test_role_absent_on_both_sides_still_matches_in_full() -> None:
    gold = [AttributionSpans(source=None, cue=_at("was reported"), content=_at("taxes rise"))]
    predicted = [
        AttributionSpans(source=None, cue=_at("was reported"), content=_at("taxes rise")),
        AttributionSpans(source=None, cue=_at("was reported"), content=_at("taxes rise")),
    ]
    scorer = Scorer()
    scorer.add_article(TALK, gold, predicted)
    m = scorer.metrics()
    # The duplicate prediction counts once, so nothing is a false positive.
    assert (m["exact"]["full_precision"], m["exact"]["full_recall"]) == (1.0, 1.0)


def test_exact_match_ignores_surrounding_punctuation() -> None:
    gold = [AttributionSpans(source=None, cue=SAID, content=_at("the bridge is safe"))]
    predicted = [AttributionSpans(source=None, cue=SAID, content=_at("the bridge is safe."))]
    scorer = Scorer()
    scorer.add_article(TALK, gold, predicted)
    assert scorer.metrics()["exact"]["content_f1"] == 1.0


def test_offsets_map_back_through_stripping_and_crlf() -> None:
    assert to_raw_offsets("\n  Varn said.", "Varn said.")(5) == 8
    raw, normalized = "Odile spoke.\r\nVarn said.", "Odile spoke.\nVarn said."
    to_raw = to_raw_offsets(raw, normalized)
    start = normalized.index("said")
    assert raw[to_raw(start) : to_raw(start + 4)] == "said"


# --- claimscope's continuation quotes, as PolNeAR counts them -----------------------------

QUOTED = "“The toll will stay low,” Varn said. “Ferries run all winter.” Odile Brenn said no.\n"


def _in_quoted(piece: str, *, last: bool = False) -> tuple[int, int]:
    """The range of ``piece`` in QUOTED (its last occurrence when ``last``)."""
    start = QUOTED.rindex(piece) if last else QUOTED.index(piece)
    return start, start + len(piece)


Q_VARN, Q_SAID = _in_quoted("Varn"), _in_quoted("said")
Q_FIRST = _in_quoted("The toll will stay low")  # 5 words
Q_SECOND = _in_quoted("Ferries run all winter")  # 4 words
Q_BRENN, Q_SAID_NO, Q_NO = (
    _in_quoted("Odile Brenn"),
    _in_quoted("said", last=True),
    _in_quoted("no."),
)


def test_join_shared_cues_joins_only_the_same_cue_and_source() -> None:
    quote = AttributionSpans((Q_VARN,), (Q_SAID,), (Q_FIRST,), "A1")
    resumed = AttributionSpans((Q_VARN,), (Q_SAID,), (Q_SECOND,), "A2")
    other = AttributionSpans((Q_BRENN,), (Q_SAID_NO,), (Q_NO,), "A3")
    # The same cue word with another source is another act of saying: kept apart.
    other_source = AttributionSpans((Q_BRENN,), (Q_SAID,), (Q_NO,), "A4")
    no_cue = AttributionSpans((Q_VARN,), None, (Q_NO,), "A5")
    joined = join_shared_cues([quote, other, resumed, other_source, no_cue, no_cue])
    assert joined == [
        AttributionSpans((Q_VARN,), (Q_SAID,), (Q_FIRST, Q_SECOND), "A1"),
        other,
        other_source,
        no_cue,
        no_cue,
    ]


def test_joined_continuation_matches_polnear_discontinuous_content() -> None:
    gold = [AttributionSpans((Q_VARN,), (Q_SAID,), (Q_FIRST, Q_SECOND), "E1")]
    split = [
        AttributionSpans((Q_VARN,), (Q_SAID,), (Q_FIRST,), "A1"),
        AttributionSpans((Q_VARN,), (Q_SAID,), (Q_SECOND,), "A2"),
    ]
    # Apart: the 5-word piece matches the 9-word gold content (2*5 >= 9), the 4-word one
    # does not (2*4 < 9) and is a false attribution: full precision 1/2, recall 1/1.
    apart = Scorer()
    apart.add_article(QUOTED, gold, split)
    assert apart.metrics()["full_precision"] == 0.5
    assert apart.metrics()["full_recall"] == 1.0
    together = Scorer()
    together.add_article(QUOTED, gold, join_shared_cues(split))
    assert together.metrics()["full_f1"] == 1.0
    assert together.metrics()["exact"]["content_f1"] == 1.0


# --- the command --------------------------------------------------------------------------


def _perfect_system(texts: Sequence[str]) -> SystemRun:
    # Predicts exactly the gold of the fixture article: every score must be 1.0.
    return SystemRun([list(EXPECTED) for _ in texts], failed=0, load_seconds=0.0, seconds=0.5)


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["eval", "attribution", *args])
    return result.exit_code, result.stdout, result.stderr


def test_command_prints_one_json_object(split: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(systems_module.SYSTEMS, "claimscope", _perfect_system)
    code, out, _ = _run("--data", str(split))
    assert code == 0
    result: dict[str, Any] = json.loads(out)
    assert result["articles"] == 1
    assert result["articles_per_s"] == 2.0  # one article in 0.5 s
    for key in ("cue_f1", "source_f1", "content_f1", "full_f1"):
        assert result[key] == 1.0
        assert result["exact"][key] == 1.0
    assert any("first in sorted order" in note for note in result["notes"])


def test_command_writes_output_file(
    split: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(systems_module.SYSTEMS, "claimscope", _perfect_system)
    target = tmp_path / "metrics.json"
    code, out, _ = _run("--data", str(split), "--output", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["full_f1"] == 1.0


def test_command_missing_folder_is_one_line_error(tmp_path: Path) -> None:
    code, out, err = _run("--data", str(tmp_path / "nowhere"))
    assert code == SourceNotFoundError.exit_code
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "nowhere" in err


def test_textacy_missing_gives_an_install_hint(
    split: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = importlib.import_module

    def without_textacy(name: str, package: str | None = None) -> Any:
        if name.startswith("textacy"):
            raise ImportError(f"No module named '{name}'")
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", without_textacy)
    code, _, err = _run("--data", str(split), "--system", "textacy")
    assert code == ModelError.exit_code
    assert "pip install textacy" in err and err.count("\n") == 1


# --- with the model and the real data -----------------------------------------------------


@pytest.mark.slow
def test_claimscope_predictions_point_into_the_raw_text(analyzer: Any) -> None:
    # Leading blank lines are stripped by the analyzer; offsets must still fit the raw text.
    raw = "\n\n  Mayor Ilse Varn said the Corvale bridge would reopen in May.\n"
    run = run_claimscope([raw], analyzer)
    cues = [a.cue for a in run.predictions[0] if a.cue is not None]
    assert [raw[s:e] for segments in cues for s, e in segments] == ["said"]


@pytest.mark.slow
def test_claimscope_quote_resumed_after_its_cue_is_one_attribution(analyzer: Any) -> None:
    # claimscope gives the resumed quote its own record with the same cue and source; scored,
    # the two are one attribution whose content is both quotes, as PolNeAR annotates it.
    raw = "“The Corvale bridge will reopen in May,” Mayor Ilse Varn said. “The ferry stays.”\n"
    records = analyzer.analyze(raw).attributions
    assert len(records) == 2 and records[0].cue == records[1].cue
    (joined,) = run_claimscope([raw], analyzer).predictions[0]
    assert joined.cue is not None and [raw[s:e] for s, e in joined.cue] == ["said"]
    assert joined.content is not None
    # claimscope's contents leave out the comma and the closing stop.
    assert [raw[s:e] for s, e in joined.content] == [
        "The Corvale bridge will reopen in May",
        "The ferry stays",
    ]


@pytest.mark.slow
@pytest.mark.data
def test_command_on_three_dev_articles(shared_data: Path) -> None:
    dev = shared_data / "quotes" / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip("PolNeAR dev split is not in ../shared/data")
    code, out, err = _run("--data", str(dev), "--limit", "3")
    assert code == 0, err
    result = json.loads(out)
    assert result["articles"] == 3
    for key in ("cue_f1", "source_f1", "content_f1", "full_f1"):
        assert 0.0 <= result[key] <= 1.0
        assert 0.0 <= result["exact"][key] <= result[key] + 1e-9  # exact never beats overlap
    for role in ("source", "cue", "content", "full"):
        assert {f"{role}_precision", f"{role}_recall"} <= result.keys()
    assert result["articles_per_s"] > 0
