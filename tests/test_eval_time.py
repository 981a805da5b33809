"""``claimscope eval time``: the TimeML reader, the TempEval-3 scorer and the two systems.

The reader and the scorer are checked on small fictional inputs with expectations worked out by
hand (the working is in the comments); data-marked tests read the real TempEval-3 documents.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from claimscope.errors import InputError, InvalidOptionError, SourceNotFoundError
from claimscope.evaluate.tempeval import TempEvalScorer, evaluate_time, match_timexes
from claimscope.evaluate.time_systems import run_claimscope_times, run_dateparser
from claimscope.evaluate.timeml import GoldTimex, parse_timeml, read_timeml

# A fictional wire story. The DCT sits in <DCT> outside TEXT with a clock time; the TEXT holds
# entities (&amp; &quot; &lt;), EVENT and SIGNAL tags (one SIGNAL inside a TIMEX3), a DCT copy
# inside the text that must not be scored, and an empty TIMEX3 that covers no character.
TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>BDC20310502.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="2031-05-02T09:15" temporalFunction="false" \
functionInDocument="CREATION_TIME">2031-05-02 09:15</TIMEX3></DCT>
<TITLE>Corvale &amp; Belmora</TITLE>
<TEXT>
CORVALE (BDC) _ Mayor Ilse Varn &amp; the council <EVENT eid="e1" class="OCCURRENCE">met</EVENT> \
<TIMEX3 tid="t1" type="DATE" value="2031-05-01" temporalFunction="true" \
functionInDocument="NONE" anchorTimeID="t0">Thursday</TIMEX3> for \
<TIMEX3 tid="t2" type="DURATION" value="PT3H" functionInDocument="NONE">three \
<SIGNAL sid="s1">hours</SIGNAL></TIMEX3>.
&quot;Fewer than &lt;10 ferries&quot; sail <TIMEX3 tid="t3" type="SET" value="P1W" \
quant="EVERY">every week</TIMEX3>.<TIMEX3 tid="t4" type="DATE" value="2031-05-02" \
functionInDocument="CREATION_TIME">Friday</TIMEX3><TIMEX3 tid="t5" type="DATE" value="X" \
functionInDocument="NONE"></TIMEX3>
</TEXT>
<EXTRAINFO>BDC &amp;UR; END</EXTRAINFO>
</TimeML>
"""
# The plain text of TEXT, written out by hand: tags removed, entities unescaped.
TML_TEXT = (
    "\nCORVALE (BDC) _ Mayor Ilse Varn & the council met Thursday for three hours.\n"
    '"Fewer than <10 ferries" sail every week.Friday\n'
)


@pytest.fixture()
def tml_folder(tmp_path: Path) -> Path:
    (tmp_path / "Wire").mkdir()
    (tmp_path / "Wire" / "BDC20310502.0001.tml").write_text(TML, encoding="utf-8")
    return tmp_path


# --- reader -------------------------------------------------------------------------------


def test_fixture_offsets_point_at_the_annotated_words() -> None:
    # Guards the hand-counted offsets used below: "\n" is 0, "CORVALE" starts at 1, and so on.
    assert TML_TEXT[51:59] == "Thursday"
    assert TML_TEXT[64:75] == "three hours"
    assert TML_TEXT[107:117] == "every week"


def test_parse_timeml_reads_text_dct_and_timexes() -> None:
    doc = parse_timeml(TML, name="bdc.tml")
    assert doc.text == TML_TEXT
    assert doc.dct == dt.date(2031, 5, 2)  # the day of "2031-05-02T09:15"
    assert doc.timexes == [
        GoldTimex(51, 59, "DATE", "2031-05-01"),
        GoldTimex(64, 75, "DURATION", "PT3H"),  # the SIGNAL inside stays part of the extent
        GoldTimex(107, 117, "SET", "P1W"),
    ]  # t4 is a creation time (not scored) and t5 covers nothing
    assert doc.empty_timexes == 1


def test_read_timeml_names_documents_by_relative_path(tml_folder: Path) -> None:
    (tml_folder / "notes.txt").write_text("not TimeML")
    docs = list(read_timeml(tml_folder))
    assert [d.name for d in docs] == ["Wire/BDC20310502.0001.tml"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<TimeML><TEXT>Varn spoke", "not well-formed"),
        ("<TimeML><TEXT>Varn spoke.</TEXT></TimeML>", "no document creation time"),
        (
            '<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" value="May 2031"/></DCT>'
            "<TEXT>Varn spoke.</TEXT></TimeML>",
            "does not start with a YYYY-MM-DD date",
        ),
        (
            '<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" value="2031-05-02"/>'
            "</DCT></TimeML>",
            "expected one <TEXT> element, found 0",
        ),
        (
            '<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" value="2031-05-02"/>'
            '</DCT><TEXT>Varn spoke <TIMEX3 tid="t1" type="DAY">today</TIMEX3>.</TEXT></TimeML>',
            "TIMEX3 t1 has type 'DAY'",
        ),
    ],
)
def test_parse_timeml_refuses_malformed_documents(content: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_timeml(content, name="broken.tml")
    assert "broken.tml" in str(caught.value)


def test_read_timeml_refuses_a_folder_without_tml_files(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match=r"no \.tml file"):
        list(read_timeml(tmp_path))
    with pytest.raises(SourceNotFoundError, match="is not a folder"):
        list(read_timeml(tmp_path / "absent"))


# --- scorer -------------------------------------------------------------------------------


def test_scorer_counts_strict_relaxed_type_and_value_by_hand() -> None:
    scorer = TempEvalScorer()
    # Document A: an exact, fully right match; and an overlap with a wrong start and value.
    scorer.add_document(
        [GoldTimex(0, 10, "DATE", "2031-05-02"), GoldTimex(20, 27, "DURATION", "P3D")],
        [GoldTimex(0, 10, "DATE", "2031-05-02"), GoldTimex(18, 27, "DURATION", "P2D")],
    )
    # Document B: an exact extent with the wrong type; a missed gold; a spurious prediction.
    scorer.add_document(
        [GoldTimex(40, 45, "TIME", "2031-05-02T10:00"), GoldTimex(60, 70, "DATE", "2031")],
        [GoldTimex(40, 45, "DATE", "2031-05-02T10:00"), GoldTimex(80, 85, "DATE", "2031-06")],
    )
    m = scorer.metrics()
    # strict: 2 of 4 predicted, 2 of 4 gold -> P = R = F1 = 0.5
    assert (m["strict_precision"], m["strict_recall"], m["strict_f1"]) == (0.5, 0.5, 0.5)
    # relaxed: 3 of 4 both ways -> 0.75
    assert (m["relaxed_precision"], m["relaxed_recall"], m["relaxed_f1"]) == (0.75, 0.75, 0.75)
    # of the 3 relaxed pairs, 2 have the right type and 2 the right value
    assert (m["type_accuracy"], m["value_accuracy"]) == (0.6667, 0.6667)
    # attribute F1 = accuracy x relaxed F1 = 2/3 x 3/4 = 0.5
    assert (m["type_f1"], m["value_f1"]) == (0.5, 0.5)
    assert m["errors"] == {
        "missed": 1,
        "spurious": 1,
        "extent": 1,
        "wrong_type": 1,
        "wrong_value": 1,
    }
    assert m["by_gold_type"]["TIME"] == {
        "gold": 1,
        "relaxed_recall": 1.0,
        "strict_recall": 1.0,
        "value_accuracy": 1.0,
    }
    assert m["by_gold_type"]["DATE"]["relaxed_recall"] == 0.5  # 1 of the 2 gold DATEs


def test_one_long_prediction_matches_only_one_gold() -> None:
    scorer = TempEvalScorer()
    scorer.add_document(
        [GoldTimex(0, 5, "DATE", "2031-05"), GoldTimex(6, 9, "DATE", "2031")],
        [GoldTimex(0, 9, "DATE", "2031-05")],
    )
    m = scorer.metrics()
    # relaxed: P = 1/1, R = 1/2 -> F1 = 2/3; no exact extent -> strict 0
    assert (m["relaxed_precision"], m["relaxed_recall"], m["relaxed_f1"]) == (1.0, 0.5, 0.6667)
    assert m["strict_f1"] == 0.0


def test_matching_is_maximum_not_greedy() -> None:
    gold = [GoldTimex(0, 5, "DATE", "a"), GoldTimex(6, 9, "DATE", "b")]
    # The first prediction overlaps both gold timexes, the second only the first: taking the
    # first gold for the first prediction would leave the second prediction unmatched.
    predicted = [GoldTimex(0, 7, "DATE", "a"), GoldTimex(2, 4, "DATE", "a")]
    assert match_timexes(gold, predicted) == [(0, 1), (1, 0)]


def test_exact_extent_is_paired_first_and_a_duplicate_is_spurious() -> None:
    gold = [GoldTimex(10, 15, "DATE", "a")]
    predicted = [GoldTimex(8, 15, "DATE", "a"), GoldTimex(10, 15, "DATE", "a")]
    assert match_timexes(gold, predicted) == [(0, 1)]
    twice = [GoldTimex(10, 15, "DATE", "a"), GoldTimex(10, 15, "DATE", "a")]
    scorer = TempEvalScorer()
    scorer.add_document(gold, twice)
    assert (scorer.metrics()["strict_precision"], scorer.metrics()["strict_recall"]) == (0.5, 1.0)


def test_empty_scorer_reports_zeros_not_errors() -> None:
    m = TempEvalScorer().metrics()
    assert (m["strict_f1"], m["relaxed_f1"], m["value_f1"], m["timexes_gold"]) == (0, 0, 0, 0)


# --- systems ------------------------------------------------------------------------------


def test_unknown_system_is_refused(tml_folder: Path) -> None:
    with pytest.raises(InvalidOptionError, match="dateparser"):
        evaluate_time(tml_folder, system="heideltime")


def test_dateparser_baseline_locates_its_hits_and_values_them_as_days() -> None:
    # No preposition before the dates: dateparser keeps "on" in its hit ("on March 3, 2031").
    doc = parse_timeml(
        '<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" value="2031-05-02"/></DCT>'
        "<TEXT>\nThe Corvale council: March 3, 2031. Again: March 3, 2031.</TEXT>"
        "</TimeML>"
    )
    run = run_dateparser([doc])
    found = run.predictions[0]
    assert [doc.text[t.start : t.end] for t in found] == ["March 3, 2031"] * 2
    assert found[0].start != found[1].start  # the second hit is searched after the first
    assert {(t.type, t.value) for t in found} == {("DATE", "2031-03-03")}


def test_evaluate_time_with_the_baseline_on_a_fictional_document(tml_folder: Path) -> None:
    result = evaluate_time(tml_folder, system="dateparser")
    assert (result["documents"], result["timexes_gold"]) == (1, 3)
    expected = {"strict_f1", "relaxed_f1", "type_accuracy", "value_f1", "documents_per_s"}
    assert expected <= result.keys()
    assert 0.0 <= result["strict_f1"] <= result["relaxed_f1"] <= 1.0


@pytest.mark.slow
def test_claimscope_spans_map_back_to_the_text_element(
    tml_folder: Path, analyzer_without_signals: Any
) -> None:
    docs = list(read_timeml(tml_folder))
    run = run_claimscope_times(docs, analyzer=analyzer_without_signals)
    found = {docs[0].text[t.start : t.end]: t for t in run.predictions[0]}
    # The TEXT starts with a line break that the analyser strips: offsets must shift back.
    assert "Thursday" in found
    assert found["Thursday"].start == 51
    assert found["Thursday"].type == "DATE"


# --- the real data ------------------------------------------------------------------------


@pytest.mark.data
@pytest.mark.parametrize(
    ("folder", "documents", "timexes"),
    [("TimeBank", 183, 1243), ("AQUAINT", 73, 579), (".", 256, 1822)],
)
def test_tempeval3_counts(shared_data: Path, folder: str, documents: int, timexes: int) -> None:
    root = shared_data / "time" / "tempeval3"
    if not root.is_dir():
        pytest.skip("TempEval-3 data is not in ../shared/data")
    docs = list(read_timeml(root / folder))
    assert len(docs) == documents
    assert sum(len(d.timexes) for d in docs) == timexes
    # Every gold extent is a slice of the plain text that holds its words.
    assert all(d.text[t.start : t.end].strip() for d in docs for t in d.timexes)


@pytest.mark.slow
@pytest.mark.data
def test_evaluate_time_on_two_real_documents(
    shared_data: Path, analyzer_without_signals: Any
) -> None:
    root = shared_data / "time" / "tempeval3" / "AQUAINT"
    if not root.is_dir():
        pytest.skip("TempEval-3 data is not in ../shared/data")
    result = evaluate_time(root, system="claimscope", limit=2, analyzer=analyzer_without_signals)
    assert result["documents"] == 2
    for key in ("strict_f1", "relaxed_f1", "type_accuracy", "value_f1"):
        assert 0.0 <= result[key] <= 1.0
    assert result["strict_f1"] <= result["relaxed_f1"]
    assert result["documents_per_s"] > 0
